"""Build every urgency card from the triage catalogue: a page names sign ids, the build writes the words.

The Markdown box becomes a placeholder (guidelib/generated.py); once the page is rendered, the placeholder
becomes the card, in the page's language (guidelib/urgency_boxes.py). The sources page gets the section that
every card's "Why we say this" link opens; a page with no calling card on its first screen gets a one-line
strip that leads to the number.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath
from typing import Any

from guidelib.emergency_numbers import load_numbers
from guidelib.generated import cite, fill, placeholder
from guidelib.language_registry import load_language
from guidelib.outputs import OFFLINE_PAGE, from_page
from guidelib.pages import ContentError
from guidelib.site_config import language_prefix
from guidelib.urgency_boxes import (
    CALLING_TIERS,
    WHY_PAGE,
    Box,
    all_card_sources,
    find_boxes,
    render_box,
    replace_boxes,
    why_section,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

WHY_ID = "cards"  # the heading of the cards' sources on the sources page
HELP_PAGE = "when-to-get-help/"


def _is_offline_page(page: Page) -> bool:
    return PurePosixPath(page.file.src_uri).name == OFFLINE_PAGE


def _is_written(page: Page) -> bool:
    """A page a person wrote, or the offline notice, whose emergency card the build itself writes."""
    return not page.file.generated_by or _is_offline_page(page)


def _boxes(page: Page) -> list[Box]:
    try:
        return find_boxes(page.file.content_string, page.file.abs_src_path or page.file.src_uri)
    except ContentError as error:
        raise PluginError(str(error)) from None


_HEADING_LINE = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)
FIRST_SCREEN_TEXT = 300  # characters of prose above a card that still leave its number on a phone's first screen


def _card_on_first_screen(boxes: list[Box], markdown: str) -> bool:
    """Whether the page opens with a calling card: at most a short paragraph and headings above it."""
    if not boxes or boxes[0].tier not in CALLING_TIERS:
        return False
    above = markdown[: markdown.find(f"!!! {boxes[0].tier}")]  # MkDocs has taken the front matter off
    return len(_HEADING_LINE.sub("", above).strip()) <= FIRST_SCREEN_TEXT


@event_priority(10)  # before hooks/citations.py lists the page's sources
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if not _is_written(page):
        return markdown
    boxes = _boxes(page)
    if PurePosixPath(page.file.src_uri).name == WHY_PAGE:
        strings = load_language(config.theme["language"]).strings
        cite(page, all_card_sources())
        markdown += f"\n\n## {html.escape(strings['cards_heading'])} {{#{WHY_ID}}}\n\n" + placeholder("why")
    page.__dict__["guide_help_strip"] = not _card_on_first_screen(boxes, markdown)
    return (
        replace_boxes(markdown, [placeholder(f"box-{index}") for index in range(len(boxes))])
        if boxes
        else markdown
    )


def _help_strip(page: Page, locale: str) -> str:
    strings = load_language(locale).strings
    target = from_page(language_prefix(locale) + HELP_PAGE, page) + "#emergency"
    return (
        f'<p class="help-strip"><a href="{html.escape(target)}">{html.escape(strings["help_strip"])}</a></p>'
    )


def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if not _is_written(page):
        return content
    locale = config.theme["language"]
    language = load_language(locale)
    why_url = from_page(language_prefix(locale) + WHY_PAGE.removesuffix(".md") + "/", page)
    seen: set[str] = set()
    for index, box in enumerate(_boxes(page)):
        content = fill(content, f"box-{index}", render_box(box, language, locale, index, why_url, box.tier not in seen))
        seen.add(box.tier)
    if PurePosixPath(page.file.src_uri).name == WHY_PAGE:
        content = fill(content, "why", why_section(language, locale))
    if _is_offline_page(page):
        saved = from_page(language_prefix(locale) + HELP_PAGE, page)
        content += (
            f'<p class="offline-help"><a href="{html.escape(saved)}">'
            f"{html.escape(language.strings['offline_help_link'])}</a></p>"
        )
    elif page.__dict__.get("guide_help_strip"):
        # After the page's title: the first thing below it on a phone.
        end = content.find("</h1>")
        at = end + len("</h1>") if end >= 0 else 0
        content = content[:at] + _help_strip(page, locale) + content[at:]
    return content


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    # The countries we have a checked number for, for the head script that picks the card's country
    # before the page is drawn (overrides/partials/country.html); the embed views take it from here too.
    context["known_countries"] = " ".join(sorted(load_numbers().countries))  # ISO codes: letters only
    return context
