"""The safety change feeds: /changes.atom (every language) and one per language (/es/changes.atom, and
/en/changes.atom for English), an entry for every change in data/changes.yml, with the Atom category
`emergency` when a warning sign, a card's action or an emergency number changed (guide/changes/safety_log.py
says how that is decided, and why the log is kept by hand). A hospital that embeds, prints or syndicates the
guide subscribes to one feed and knows when to look again.

Before any language is built, the log is checked against each language's safety text as it is now: a
change that is not logged stops the build with one line.
"""

from __future__ import annotations

from pathlib import Path

from guide.api.content_api import IndexEntries
from guide.catalogues.language_registry import load_language
from guide.changes.safety_log import (
    Change,
    ChangeLog,
    language_fingerprints,
    load_log,
    unlogged_languages,
    unlogged_message,
)
from guide.core.atom import Category, Entry, Feed, atom_document
from guide.core.input_files import ContentError
from guide.core.outputs import absolute_url, changes_feed_path, write_text_file
from guide.core.site_config import languages
from guide.infobutton.steps import page_path

EMERGENCY = Category("emergency", label="Emergency advice changed")
CHANGE = Category("change", label="Text changed")


def current_fingerprints() -> dict[str, dict[str, str]]:
    return {language.locale: language_fingerprints(language.locale) for language in languages()}


def check_safety_log() -> None:
    """Once per build, before any language: every language's safety text as the log last recorded it."""
    log = load_log()
    current = current_fingerprints()
    changed = unlogged_languages(log, current)
    if changed:
        raise ContentError(log.path, log.changes[0].line, unlogged_message(current, changed))


def change_entry(
    log: ChangeLog, change: Change, locale: str, feed_url: str, home: str, titles: dict[str, str]
) -> Entry:
    """One change as an entry of a language's feed (or of the whole feed, in English): it links to the one
    page it names in that language, else to the language's home."""
    page = change.pages[0] if len(change.pages) == 1 else None
    named = ", ".join(titles.get(slug, slug) for slug in change.pages)
    summary = change.summary + (f"\n\n{named}" if named else "")
    categories = (EMERGENCY if log.is_emergency(change) else CHANGE,) + tuple(
        Category(code, "language") for code in (change.languages or tuple(change.safety)) or ()
    )
    return Entry(
        id=f"{feed_url}#change-{change.number}",
        title=change.title,
        url=home + (page_path(page) if page else ""),
        updated=change.date,
        summary=summary,
        language="en",  # the log is written in English
        categories=categories,
    )


def change_feed(log: ChangeLog, locale: str | None, site_url: str | None, entries: IndexEntries) -> Feed:
    """The feed of one language (or None: every change once, linking to the English pages)."""
    language = locale or next(language.locale for language in languages() if language.default)
    prefix = next(item.url_prefix for item in languages() if item.locale == language)
    feed_url = absolute_url(site_url, changes_feed_path(locale))
    home = absolute_url(site_url, prefix)
    titles = {entry["page"]: entry["title"] for entry in entries.get(language, [])}
    concerned = [change for change in log.changes if locale is None or log.concerns(change, locale)]
    site_name = load_language(language).site.site_name
    return Feed(
        id=feed_url,
        title=site_name,
        subtitle="Changes to the guide's pages; 'emergency' when a warning sign, a card's action or an emergency number changed",
        author=site_name,
        author_url=home,
        language=language,
        updated=max(change.date for change in log.changes),
        entries=tuple(
            change_entry(log, change, locale or language, feed_url, home, titles) for change in concerned
        ),
        alternate=home,
    )


def write_change_feeds(site: Path, site_url: str | None, entries: IndexEntries) -> None:
    """Once every language is built."""
    log = load_log()
    for locale in (None, *(language.locale for language in languages())):
        target = site / changes_feed_path(locale)
        write_text_file(target, atom_document(change_feed(log, locale, site_url, entries)))
