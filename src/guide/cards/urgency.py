"""Urgency boxes in the built HTML: the same visible boxes as the English page, in the same order,
and no phone number typed into one (numbers come from data/emergency-numbers.yml, added by the build).

Checked on the final HTML, so a box hidden by any Markdown or HTML trick is caught, whatever the source.
mkdocs-static-i18n builds English first, so each English page's boxes are known when its translations
are built.
"""

from __future__ import annotations

import copy
import re

from guide.core.html_fragments import has_class, parse_fragment, with_class
from lxml.html import HtmlElement
from guide.catalogues.triage import TIERS as URGENCY_KINDS, load_catalogue

# The numbers by country (the emergency numbers and picker, the same-day card's urgent line), which hide
# other countries' numbers until a reader chooses one; with the citations, what the build writes into a
# box from data files: (element, class) pairs.
BY_COUNTRY = ("emergency-call", "urgent-call")
GENERATED_PARTS = (*(("*", name) for name in BY_COUNTRY), ("sup", "citation"))
# Two or more digits, perhaps with spaces, dots, dashes or brackets between them: a phone number.
PHONE_NUMBER = re.compile(r"\+?\(?\d[\d\s().\-\u2010-\u2015]*\d")
HIDING_ATTRIBUTES = ("hidden", "style")
HIDING_ELEMENTS = ("details", "template")

# Bare page URL -> kinds of the English page's boxes, in order (filled while English is built).
english_boxes: dict[str, list[str]] = {}


class UrgencyProblem(Exception):
    def __init__(self, message: str, *needles: str) -> None:
        super().__init__(message)
        self.message = message
        self.needles = tuple(needle for needle in needles if needle)


def _kind(element: HtmlElement) -> str | None:
    classes = (element.get("class") or "").split()
    return next((kind for kind in URGENCY_KINDS if kind in classes), None)


def _hidden(element: HtmlElement) -> bool:
    return (
        any(attribute in element.attrib for attribute in HIDING_ATTRIBUTES) or element.tag in HIDING_ELEMENTS
    )


def _class_test(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# The box's elements that hide something, less what is inside its numbers by country (they hide other
# countries' numbers until a reader chooses one). XPath, so that lxml walks the box in C.
_IN_NUMBERS_BY_COUNTRY = " or ".join(_class_test(name) for name in BY_COUNTRY)
_HIDING_PARTS = (
    ".//*["
    + " or ".join(
        [*(f"@{attribute}" for attribute in HIDING_ATTRIBUTES), *(f"self::{tag}" for tag in HIDING_ELEMENTS)]
    )
    + f"][not(ancestor::*[{_IN_NUMBERS_BY_COUNTRY}])]"
)
_BOXES = ".//*[" + " or ".join(_class_test(kind) for kind in URGENCY_KINDS) + "]"


def _written_text(box: HtmlElement) -> str:
    """The box's text without the parts the build writes into it."""
    text = copy.deepcopy(box)
    for tag, name in GENERATED_PARTS:
        for generated in with_class(text, name, tag):
            generated.drop_tree()  # keeps the text that follows it
    return " ".join(text.itertext())


def numbers_in_catalogue() -> set[str]:
    """Numbers the English wording of the triage catalogue itself uses, such as the "24" of "24-hour line"."""
    english = load_catalogue().english
    texts = [*english.signs.values(), *(text for tier in english.tiers.values() for text in tier.values())]
    return {found.group() for text in texts for found in PHONE_NUMBER.finditer(text)}


def urgency_boxes(html: str) -> list[str]:
    """Each urgency box of a page, in order, as its kind and sign ids; raises UrgencyProblem for a box a reader may not see
    or one with a typed phone number."""
    # lxml, for speed: the HTML has passed the sanitiser unchanged (src/guide/checks/content_safety.py), so it is
    # well formed and every parser reads it alike.
    root = parse_fragment(html)
    kinds = []
    for element in root.xpath(_BOXES):
        kind = _kind(element)
        if kind is None:
            continue
        titles = with_class(element, "admonition-title")
        needle = titles[0].text_content().strip()[:30] if titles else ""
        if element.tag == "details" or any(ancestor.tag == "details" for ancestor in element.iterancestors()):
            raise UrgencyProblem(
                f"the '{kind}' box is collapsible; write '!!! {kind}', not '??? {kind}'",
                f"??? {kind}",
                needle,
            )
        if element.tag != "div" or not has_class(element, "admonition"):
            raise UrgencyProblem(
                f"'{kind}' is reserved for urgency boxes written as '!!! {kind}'", kind, needle
            )
        if any(_hidden(part) for part in [element, *element.iterancestors()]) or element.xpath(_HIDING_PARTS):
            raise UrgencyProblem(
                f"the '{kind}' box, or something in it, is hidden; every urgency box must be visible", needle
            )
        typed = [
            found
            for found in PHONE_NUMBER.finditer(_written_text(element))
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
