"""Build every urgency card from the triage catalogue: a page names sign ids, the build writes the words.

The Markdown box becomes a placeholder (guide/core/generated.py); once the page is rendered, the placeholder
becomes the card, in the page's language (guide/cards/urgency_boxes.py). The sources page gets the section that
every card's "Why we say this" link opens; a page with no calling card on its first screen gets a one-line
strip that leads to the number.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from guide.catalogues.emergency_numbers import load_numbers
from guide.core.generated import cite, fill, placeholder
from guide.catalogues.language_registry import load_language
from guide.core.outputs import OFFLINE_PAGE, from_page
from guide.core.site_config import language_prefix
from guide.cards.urgency_boxes import (
    CALLING_TIERS,
    WHY_PAGE,
    Box,
    all_card_sources,
    find_boxes,
    render_box,
    replace_boxes,
    why_section,
)
from guide.core.engine import Page

WHY_ID = "cards"  # the heading of the cards' sources on the sources page
HELP_PAGE = "when-to-get-help/"


def _is_offline_page(page: Page) -> bool:
    return PurePosixPath(page.file.src_uri).name == OFFLINE_PAGE


def _is_written(page: Page) -> bool:
    """A page a person wrote, or the offline notice, whose emergency card the build itself writes."""
    return not page.file.generated_by or _is_offline_page(page)


@dataclass(frozen=True)
class PageCards:
    """What the Markdown step found on a page, for the HTML step: read once, kept on the plugin."""

    boxes: list[Box]
    help_strip: bool  # no calling card on the page's first screen: a strip under the title leads to one


NO_CARDS = PageCards([], help_strip=False)


_HEADING_LINE = re.compile(r"^#{1,6}[ \t].*$", re.MULTILINE)
FIRST_SCREEN_TEXT = (
    300  # characters of prose above a card that still leave its number on a phone's first screen
)


def _card_on_first_screen(boxes: list[Box], markdown: str) -> bool:
    """Whether the page opens with a calling card: at most a short paragraph and headings above it."""
    if not boxes or boxes[0].tier not in CALLING_TIERS:
        return False
    above = markdown[: markdown.find(f"!!! {boxes[0].tier}")]  # MkDocs has taken the front matter off
    return len(_HEADING_LINE.sub("", above).strip()) <= FIRST_SCREEN_TEXT


def mark_cards(markdown: str, page: Page, locale: str) -> tuple[str, PageCards]:
    """Each card in the page's Markdown as a placeholder (before the citations are listed: the sources
    page cites every card's sources)."""
    if not _is_written(page):
        return markdown, NO_CARDS
    boxes = find_boxes(page.file.content_string, page.file.abs_src_path or page.file.src_uri)
    if PurePosixPath(page.file.src_uri).name == WHY_PAGE:
        strings = load_language(locale).strings
        cite(page, all_card_sources())
        markdown += f"\n\n## {html.escape(strings['cards_heading'])} {{#{WHY_ID}}}\n\n" + placeholder("why")
    cards = PageCards(boxes, help_strip=not _card_on_first_screen(boxes, markdown))
    if boxes:
        markdown = replace_boxes(markdown, [placeholder(f"box-{index}") for index in range(len(boxes))])
    return markdown, cards


def _help_strip(page: Page, locale: str) -> str:
    strings = load_language(locale).strings
    target = from_page(language_prefix(locale) + HELP_PAGE, page) + "#emergency"
    return (
        f'<p class="help-strip"><a href="{html.escape(target)}">{html.escape(strings["help_strip"])}</a></p>'
    )


def write_cards(content: str, page: Page, locale: str, cards: PageCards) -> str:
    if not _is_written(page):
        return content
    language = load_language(locale)
    why_url = from_page(language_prefix(locale) + WHY_PAGE.removesuffix(".md") + "/", page)
    seen: set[str] = set()
    for index, box in enumerate(cards.boxes):
        content = fill(
            content, f"box-{index}", render_box(box, language, locale, index, why_url, box.tier not in seen)
        )
        seen.add(box.tier)
    if PurePosixPath(page.file.src_uri).name == WHY_PAGE:
        content = fill(content, "why", why_section(language, locale))
    if _is_offline_page(page):
        saved = from_page(language_prefix(locale) + HELP_PAGE, page)
        content += (
            f'<p class="offline-help"><a href="{html.escape(saved)}">'
            f"{html.escape(language.strings['offline_help_link'])}</a></p>"
        )
    elif cards.help_strip:
        # After the page's title: the first thing below it on a phone.
        end = content.find("</h1>")
        at = end + len("</h1>") if end >= 0 else 0
        content = content[:at] + _help_strip(page, locale) + content[at:]
    return content


def add_known_countries(context: dict[str, Any]) -> None:
    # The countries we have a checked number for, for the head script that picks the card's country
    # before the page is drawn (overrides/partials/country.html); the embed views take it from here too.
    context["known_countries"] = " ".join(sorted(load_numbers().countries))  # ISO codes: letters only
