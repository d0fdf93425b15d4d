"""Urgency boxes in the built HTML: the same visible boxes as the English page, in the same order,
and no phone number typed into one (numbers come from data/emergency-numbers.yml, added by our hooks).

Checked on the final HTML, so a box hidden by any Markdown or HTML trick is caught, whatever the source.
mkdocs-static-i18n builds English first, so each English page's boxes are known when its translations
are built.
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag
from guidelib.triage import load_catalogue

URGENCY_KINDS = ("emergency", "urgent", "routine")
# The numbers and country picker, and the citations, that the build writes into a box from data files.
GENERATED_PARTS = ".emergency-call, sup.citation"
# Two or more digits, perhaps with spaces, dots, dashes or brackets between them: a phone number.
PHONE_NUMBER = re.compile(r"\+?\(?\d[\d\s().\-\u2010-\u2015]*\d")
HIDING_ATTRIBUTES = ("hidden", "style")

# Bare page URL -> kinds of the English page's boxes, in order (filled while English is built).
english_boxes: dict[str, list[str]] = {}


class UrgencyProblem(Exception):
    def __init__(self, message: str, *needles: str) -> None:
        super().__init__(message)
        self.message = message
        self.needles = tuple(needle for needle in needles if needle)


def _kind(element: Tag) -> str | None:
    return next((kind for kind in URGENCY_KINDS if kind in (element.get("class") or [])), None)


def _hidden(element: Tag) -> bool:
    return any(element.has_attr(attribute) for attribute in HIDING_ATTRIBUTES) or element.name in (
        "details",
        "template",
    )


def numbers_in_catalogue() -> set[str]:
    """Numbers the English wording of the triage catalogue itself uses, such as the "24" of "24-hour line"."""
    english = load_catalogue().english
    texts = [*english.signs.values(), *(text for tier in english.tiers.values() for text in tier.values())]
    return {found.group() for text in texts for found in PHONE_NUMBER.finditer(text)}


def urgency_boxes(html: str) -> list[str]:
    """Each urgency box of a page, in order, as its kind and sign ids; raises UrgencyProblem for a box a reader may not see
    or one with a typed phone number."""
    soup = BeautifulSoup(html, "html.parser")
    kinds = []
    for element in soup.find_all(True):
        kind = _kind(element)
        if kind is None:
            continue
        title = element.select_one(".admonition-title")
        needle = title.get_text().strip()[:30] if title else ""
        if element.name == "details" or element.find_parent("details"):
            raise UrgencyProblem(
                f"the '{kind}' box is collapsible; write '!!! {kind}', not '??? {kind}'",
                f"??? {kind}",
                needle,
            )
        if element.name != "div" or "admonition" not in element.get("class", []):
            raise UrgencyProblem(
                f"'{kind}' is reserved for urgency boxes written as '!!! {kind}'", kind, needle
            )
        # The country picker keeps the numbers of other countries hidden until a reader chooses one.
        own_parts = [part for part in element.find_all(True) if not part.find_parent(class_="emergency-call")]
        if any(_hidden(part) for part in [element, *element.parents, *own_parts] if isinstance(part, Tag)):
            raise UrgencyProblem(
                f"the '{kind}' box, or something in it, is hidden; every urgency box must be visible", needle
            )
        text = copy.copy(element)
        for generated in text.select(GENERATED_PARTS):
            generated.decompose()
        typed = [
            found
            for found in PHONE_NUMBER.finditer(text.get_text(" "))
            if found.group() not in numbers_in_catalogue()
        ]
        if typed and (number := typed[0]):
            raise UrgencyProblem(
                f"phone number '{number.group().strip()}' typed in the '{kind}' box; numbers come from "
                "data/emergency-numbers.yml and are added automatically: delete it from the box's words in "
                "translations/<lang>.yml",
                number.group().strip(),
                needle,
            )
        kinds.append(f"{kind} ({element.get('data-signs', '')})")
    return kinds


def check_against_english(kinds: list[str], bare_url: str, locale: str) -> None:
    """Remember the English page's boxes; a translation must have the same, in the same order."""
    if locale == "en":
        english_boxes[bare_url] = kinds
        return
    expected = english_boxes.get(bare_url)
    if expected is not None and kinds != expected:
        raise UrgencyProblem(
            f"the page shows urgency boxes {kinds or 'none'}, the English page {expected}: keep every "
            "'!!! emergency', '!!! urgent' and '!!! routine' box of the English page, in the same order",
        )
