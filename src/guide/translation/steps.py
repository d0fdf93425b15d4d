"""Translations stay complete, safe and honest.

- A language missing an English page (or with a page English lacks) fails the build, naming both paths.
- A translated page must keep the English page's urgency boxes, headings and links (safety parity).
- A translated page uses the language's agreed key terms wherever the English page uses them
  (translations/<lang>.yml `key_terms:`): a missing safety term fails the build, any other is a note.
- Each translated page tells the reader whether it is a draft, and whether English changed since.
- A translation status page gives, per language, the share of pages up to date and reviewed, and every
  page by its title in that language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from html import escape as escape_with_quotes
from pathlib import Path
from typing import Any

from guide.core.outputs import STATUS_PAGE, from_page
from guide.core.pages import read_meta
from guide.core.project import cached, project
from guide.core.site_config import Language, bare_page_url, languages, nav_pages
from guide.translation.translated_pages import (
    SOURCE_LANGUAGE,
    is_outdated,
    missing_pages,
    parity_problems,
    translated_page,
    translation_meta,
)
from guide.catalogues.language_registry import key_term_problems
from guide.approvals.reviews import page_review
from guide.approvals.steps import signs_back_translated
from guide.core.engine import Files, MkDocsConfig, Page, PluginError
from guide.core.generated import generated_page, placeholder

log = logging.getLogger("mkdocs.plugins.guide.translation")


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _share(count: int, total: int) -> str:
    return f"{count} of {total} pages ({round(100 * count / total)}%)"


def _language_status(language: Language) -> str:
    """One language, as HTML: how many pages are up to date and reviewed, each page by its own title, then
    each warning sign with its back-translation."""
    items = []
    up_to_date = reviewed = 0
    pages = nav_pages()
    for page in pages:
        english = project().docs / SOURCE_LANGUAGE / page
        english_title = escape(read_meta(english)["title"])
        path = translated_page(english, language.locale)
        if not path.is_file():
            items.append(f"<strong>{english_title}</strong>: not translated yet")
            continue
        translation_meta(path)
        fresh = not is_outdated(path)
        up_to_date += fresh
        review = page_review(path)
        reviewed += review.reviewed
        state = (
            f"reviewed by {review.reviewer} ({review.role}) on {review.date}"
            if review.reviewed
            else "draft, not yet checked by a clinician"
        )
        items.append(
            f"<strong>{escape(read_meta(path)['title'])}</strong> ({english_title}): "
            f"{'up to date' if fresh else 'English changed since'}; {escape(state)}"
        )
    summary = (
        f"Up to date with English: {_share(up_to_date, len(pages))}. "
        f"Reviewed by a clinician: {_share(reviewed, len(pages))}."
    )
    signs_intro = (
        f"Each warning sign in {language.name}, its translator's back-translation into English, and whether a "
        "clinician approved it (data/safety-approvals.yml):"
    )
    return f"<p>{escape(summary)}</p>{_list(items)}<p>{escape(signs_intro)}</p>" + _list(
        escape(line) for line in signs_back_translated(language.locale)
    )


def escape(text: str) -> str:
    """Text for the page's HTML (quotes stay as they are: no attribute holds it)."""
    return escape_with_quotes(text, quote=False)


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


@cached  # the same page in every language's build
def status_page() -> tuple[str, dict[str, str]]:
    """For readers and new translators: per language, the share of pages up to date with English and
    reviewed by a clinician, then every page by its title in that language. Lists, not a wide table, so
    it reads on a phone. The Markdown holds the title and a heading per language; the rest are blocks."""
    others = [language for language in languages() if language.locale != SOURCE_LANGUAGE]
    markdown = (
        "---\ntitle: Translation status\n---\n# Translation status\n\n"
        "Every page of this guide is written in English first, then translated. Here you can see, for each "
        "language, which pages match the latest English text and which a clinician who speaks the language "
        "has checked. When the English page changed after a translation was made, the translated page says "
        "so and links to the English version. A draft is a translation made with the help of a computer "
        "that a clinician has not yet checked. Want to help? See CONTRIBUTING.md in the guide's "
        "source.\n\n"
    )
    markdown += "".join(
        f"## {language.name} {{#{language.locale}}}\n\n{placeholder(f'status-{language.locale}')}"
        for language in others
    )
    return markdown, {f"status-{language.locale}": _language_status(language) for language in others}


def check_pages_and_add_status(files: Files, config: MkDocsConfig) -> None:
    """After mkdocs-static-i18n has sorted the files into languages."""
    language = _language(config)
    if language != SOURCE_LANGUAGE:
        problems = missing_pages(language)
        if problems:
            raise PluginError("Missing translation:\n  " + "\n  ".join(problems))
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    markdown, blocks = status_page()
    files.append(generated_page(config, prefix + STATUS_PAGE, markdown, blocks))


def check_translation(page: Page, locale: str) -> None:
    if locale == SOURCE_LANGUAGE:
        return
    path = Path(page.file.abs_src_path)
    translation_meta(path)
    problems = parity_problems(path)
    if problems:
        raise PluginError(
            "Translation does not match its English page (urgency boxes, headings and links must stay the "
            "same, in the same order):\n  " + "\n  ".join(problems)
        )
    _check_key_terms(path)


def _check_key_terms(path: Path) -> None:
    """A missing safety term stops the build; other key terms are a note (a warning would fail --strict)."""
    problems = key_term_problems(path)
    safety = [problem.message for problem in problems if problem.safety]
    if safety:
        raise PluginError("A safety term is missing from a translation:\n  " + "\n  ".join(safety))
    for problem in problems:
        log.info("key term: %s", problem.message)


def add_translation_state(context: dict[str, Any], page: Page, locale: str) -> None:
    if locale == SOURCE_LANGUAGE:
        return
    path = Path(page.file.abs_src_path)
    bare_url = bare_page_url(page.url, locale)
    written_state = translation_meta(path)["state"]
    # Reviewed only as the maintainers' records say (guide/approvals/reviews.py), whatever the page says.
    reviewed = context["review"]["reviewed"]
    state = (
        "reviewed"
        if reviewed
        else ("machine-assisted-draft" if written_state == "reviewed" else written_state)
    )
    context["translation"] = {
        "state": state,
        "outdated": is_outdated(path),
        "english_url": from_page(bare_url, page),  # the English page lives at the site root
    }
