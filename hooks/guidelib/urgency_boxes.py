"""Urgency boxes: found in a page's Markdown, checked against the triage catalogue, rendered as HTML.

A page places a box by naming sign ids, and writes nothing else inside it:

    !!! emergency
        signs: weakness, walking, numbness

The build writes the title, the lead, the signs, the action and (in emergency boxes) the emergency
numbers, in the page's language, from data/triage.yml, translations/<lang>.yml and
data/emergency-numbers.yml. Every word from a data or translation file is HTML-escaped here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from guidelib.emergency_numbers import Country, country_name, load_numbers
from guidelib.pages import ContentError, body_offset, split_front_matter
from guidelib.sources import citation_html
from guidelib.language_registry import LanguageData
from guidelib.triage import TIERS, load_catalogue

# Any admonition opener, so that a collapsible or titled urgency box is caught too.
_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<rest>.*)$")
_SIGNS = re.compile(r"^[ ]{4}signs:[ \t]*(?P<ids>.*?)[ \t]*$")
# The page that shows every sign of the catalogue.
EVERY_SIGN_PAGE = "when-to-get-help.md"


@dataclass(frozen=True)
class Box:
    tier: str
    signs: tuple[str, ...]
    line: int  # line of the `!!!` opener in the page file


def _fence_toggles(line: str) -> bool:
    return line.lstrip().startswith(("```", "~~~"))


def find_boxes(markdown: str, path: Path | str) -> list[Box]:
    """Every urgency box of a page file (front matter included in `markdown`), checked against the catalogue."""
    catalogue = load_catalogue()
    offset = body_offset(markdown)
    lines = split_front_matter(markdown)[1].splitlines()
    boxes: list[Box] = []
    fenced = False
    for index, line in enumerate(lines):
        if _fence_toggles(line):
            fenced = not fenced
        opener = None if fenced else _OPENER.match(line)
        if not opener or opener["kind"] not in TIERS:
            continue
        number = offset + index + 1
        tier = opener["kind"]
        if opener["marker"] != "!!!" or opener["indent"]:
            raise ContentError(
                path,
                number,
                f"write the {tier} box as '!!! {tier}' at the start of the line: it must always be open and visible",
            )
        if opener["rest"].strip():
            raise ContentError(
                path,
                number,
                f"write '!!! {tier}' with nothing after it: the build writes the box title from data/triage.yml",
            )
        body = []
        for following in lines[index + 1 :]:
            if following.strip() and not following.startswith((" ", "\t")):
                break
            body.append(following)
        while body and not body[-1].strip():
            body.pop()
        signs_line = _SIGNS.match(body[0]) if len(body) == 1 else None
        if not signs_line:
            raise ContentError(
                path,
                number + 1,
                f"the {tier} box holds only one line, '    signs: id, id' (ids from data/triage.yml), and nothing else",
            )
        ids = tuple(part.strip() for part in signs_line["ids"].split(",") if part.strip())
        if not ids:
            raise ContentError(path, number + 1, "name at least one sign, like 'signs: weakness, walking'")
        for sign_id in ids:
            sign = catalogue.signs.get(sign_id)
            if sign is None:
                raise ContentError(
                    path, number + 1, f"unknown sign '{sign_id}': use an id from data/triage.yml"
                )
            if sign.tier != tier:
                raise ContentError(
                    path,
                    number + 1,
                    f"sign '{sign_id}' belongs in {sign.tier} boxes (data/triage.yml), not in a {tier} box",
                )
        if len(set(ids)) != len(ids):
            raise ContentError(path, number + 1, "a sign is named twice in this box")
        boxes.append(Box(tier, ids, number))
    if Path(path).name == EVERY_SIGN_PAGE:
        shown = {sign for box in boxes for sign in box.signs}
        missing = [sign for sign in catalogue.signs if sign not in shown]
        if missing:
            raise ContentError(path, 1, f"this page must show every sign; missing: {', '.join(missing)}")
    return boxes


def replace_boxes(markdown: str, replacements: list[str]) -> str:
    """Put each replacement in place of a Markdown box, in order. `markdown` is the page body."""
    lines = markdown.split("\n")
    out: list[str] = []
    boxes = iter(replacements)
    fenced = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _fence_toggles(line):
            fenced = not fenced
        opener = None if fenced else _OPENER.match(line)
        if opener and opener["kind"] in TIERS:
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith((" ", "\t"))):
                index += 1
            out.append(next(boxes))
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _citation(sources: tuple[int, ...]) -> str:
    return " " + citation_html(sources) if sources else ""


def box_sources(box: Box) -> set[int]:
    """Every source a rendered box cites, for the page's source list."""
    catalogue = load_catalogue()
    tier = catalogue.tiers[box.tier]
    return {n for sign in box.signs for n in catalogue.signs[sign].sources} | {
        *tier.lead_sources,
        *tier.action_sources,
    }


def _advice(general_advice: bool, language: LanguageData) -> str:
    if not general_advice:
        return ""
    return f' <span class="general-advice">({html.escape(language.strings["general_advice"])})</span>'


def _call_link(country: Country, label: str) -> str:
    first, *others = country.numbers
    service = f" ({html.escape(first.service)})" if first.service else ""
    link = (
        f'<a class="emergency-call__link" href="tel:{first.dial}">'
        f'<span class="emergency-call__label">{html.escape(label)}</span> '
        f'<span class="emergency-call__number" dir="ltr">{html.escape(first.number)}</span>{service}</a>'
    )
    return link + "".join(
        f' <a class="emergency-call__other" href="tel:{other.dial}" dir="ltr">{html.escape(other.number)}</a>'
        + (f" ({html.escape(other.service)})" if other.service else "")
        for other in others
    )


def _numbers_attribute(country: Country) -> str:
    """'15~SAMU|112': every number with its service, for the picker's script to build a link from."""
    return "|".join(
        f"{number.number}~{number.service}" if number.service else number.number for number in country.numbers
    )


def emergency_call(language: LanguageData, locale: str) -> str:
    """The numbers in an emergency box. The language's countries are written out as tap-to-call links, so that
    all of them show without JavaScript, in print and in the offline zip. Every other country of the
    catalogue is a hidden, compact entry that the country picker (assets/javascripts/emergency-call.js)
    turns into a link when a reader chooses it."""
    countries = load_numbers().countries
    label = language.strings["emergency_number_in"]
    others = sorted(
        (code for code in countries if code not in language.countries),
        key=lambda code: country_name(code, locale).casefold(),
    )
    items = [
        f'<li class="emergency-call__item emergency-call__item--language" data-country="{code}" '
        f'data-name="{html.escape(country_name(code, locale))}">'
        f"{_call_link(countries[code], label.replace('{country}', country_name(code, locale)))}</li>"
        for code in language.countries
    ]
    items += [
        f'<li class="emergency-call__item" data-country="{code}" data-name="{html.escape(country_name(code, locale))}" '
        f'data-numbers="{html.escape(_numbers_attribute(countries[code]))}" hidden></li>'
        for code in others
    ]
    choose = language.strings["choose_country"]
    first_name = country_name(language.countries[0], locale)
    return (
        f'<div class="emergency-call" data-label="{html.escape(label)}">'
        f'<ul class="emergency-call__list" aria-live="polite">{"".join(items)}</ul>'
        f'<details class="country-picker" hidden data-summary="{html.escape(choose)}">'
        f"<summary>{html.escape(choose.replace('{country}', first_name))}</summary>"
        f'<label class="country-picker__search">{html.escape(language.strings["country_search"])} '
        '<input type="search" autocomplete="off" spellcheck="false"></label>'
        '<ul class="country-picker__list"></ul>'
        f'<p class="country-picker__none" hidden>{html.escape(language.strings["country_none"])}</p>'
        "</details>"
        f'<p class="emergency-call__elsewhere">{html.escape(language.strings["emergency_numbers_elsewhere"])}</p>'
        "</div>"
    )


def render_box(box: Box, language: LanguageData, locale: str) -> str:
    """One urgency box as a single line of HTML: title, action, numbers (emergency boxes), lead, signs."""
    catalogue = load_catalogue()
    tier = catalogue.tiers[box.tier]
    words = language.triage.tiers[box.tier]
    signs = "".join(
        f'<li data-sign="{sign_id}">{html.escape(language.triage.signs[sign_id])}'
        f"{_citation(catalogue.signs[sign_id].sources)}{_advice(catalogue.signs[sign_id].general_advice, language)}</li>"
        for sign_id in box.signs
    )
    # Whom to call comes first, next to the number to tap, so that a reader never sees a number without
    # the advice on when to use it; then the signs.
    parts = [
        f'<div class="admonition {box.tier} triage-box" data-signs="{" ".join(box.signs)}">',
        f'<p class="admonition-title">{html.escape(words["title"])}</p>',
        f'<p class="triage-action">{html.escape(words["action"])}{_citation(tier.action_sources)}'
        f"{_advice(tier.action_general_advice, language)}</p>",
        emergency_call(language, locale) if box.tier == "emergency" else "",
        f'<p class="triage-lead">{html.escape(words["lead"])}{_citation(tier.lead_sources)}</p>',
        f'<ul class="triage-signs">{signs}</ul>',
        "</div>",
    ]
    return "".join(parts)
