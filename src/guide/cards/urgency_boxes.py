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

from guide.catalogues.emergency_numbers import Country, country_name, load_numbers, search_names
from guide.core.pages import ContentError, body_offset, split_front_matter
from guide.catalogues.sources import citation_html
from guide.catalogues.language_registry import LanguageData
from guide.catalogues.pictograms import health_icons, inline_svg
from guide.catalogues.triage import TIERS, load_catalogue

# Any admonition opener, so that a collapsible or titled urgency box is caught too.
_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<rest>.*)$")
_SIGNS = re.compile(r"^[ ]{4}signs:(?P<ids>.*)$")  # the ids are stripped one by one
# The page that shows every sign of the catalogue.
EVERY_SIGN_PAGE = "when-to-get-help.md"


_HEADING = re.compile(r"^(#{1,6})[ \t]")
# Cards whose action shows the emergency number of the reader's country.
CALLING_TIERS = ("emergency", "other-emergency")
# The page whose section "The warning signs and their sources" each card's "Why we say this" link opens.
WHY_PAGE = "about.md"


@dataclass(frozen=True)
class Box:
    tier: str
    signs: tuple[str, ...]
    line: int  # line of the `!!!` opener in the page file
    heading_level: int = 2  # one below the page heading the card stands under, so the outline stays whole


# Every card ends with its "why we say this" line: what follows a card (easy_read/page.py) is placed after it.
CARD_LAST_LINE = '<p class="triage-why">'
CARD_END = "</p></div>"


def _fence_toggles(line: str) -> bool:
    return line.lstrip().startswith(("```", "~~~"))


def find_boxes(markdown: str, path: Path | str) -> list[Box]:
    """Every urgency box of a page file (front matter included in `markdown`), checked against the catalogue."""
    catalogue = load_catalogue()
    offset = body_offset(markdown)
    lines = split_front_matter(markdown)[1].splitlines()
    boxes: list[Box] = []
    fenced = False
    level = 1  # of the last heading above the box
    for index, line in enumerate(lines):
        if _fence_toggles(line):
            fenced = not fenced
        if not fenced and (heading := _HEADING.match(line)):
            level = len(heading.group(1))
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
        boxes.append(Box(tier, ids, number, min(level + 1, 6)))
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


def _has_general_advice(box: Box) -> bool:
    catalogue = load_catalogue()
    return catalogue.tiers[box.tier].action_general_advice or any(
        catalogue.signs[sign].general_advice for sign in box.signs
    )


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


def _item(code: str, locale: str, *, language: bool, inner: str) -> str:
    """One country of the card: shown without JavaScript and on paper when it is one of the page language's
    countries, else hidden until a reader (or the head script) chooses it. No link: no checked number."""
    classes = "emergency-call__item" + (" emergency-call__item--language" if language else "")
    extra = "" if language else " hidden" + ("" if inner else " data-missing")
    return (
        f'<li class="{classes}" data-country="{code}" data-name="{html.escape(country_name(code, locale))}" '
        f'data-search="{html.escape(search_names(code, locale))}"{extra}>{inner}</li>'
    )


def emergency_call(language: LanguageData, locale: str, index: int) -> str:
    """The numbers in a calling card. The language's countries are written out as tap-to-call links, so that
    all of them show without JavaScript, in print and in the offline zip. Every other country of the
    catalogue is written out too, hidden until a reader chooses it in the picker
    (assets/javascripts/emergency-call.js); a country we have no source for has no link, so the picker can
    say so plainly. Which one shows is decided before the page is drawn (overrides/partials/country.html),
    so nothing moves when the script runs."""
    catalogue = load_numbers()
    countries = catalogue.countries
    label = language.strings["emergency_number_in"]
    others = sorted(
        (code for code in [*countries, *catalogue.no_source] if code not in language.countries),
        key=lambda code: country_name(code, locale).casefold(),
    )
    items = [
        _item(
            code,
            locale,
            language=code in language.countries,
            inner=_call_link(countries[code], label.replace("{country}", country_name(code, locale)))
            if code in countries
            else "",
        )
        for code in [*language.countries, *others]
    ]
    choose = language.strings["choose_country"]
    first_name = country_name(language.countries[0], locale)
    panel = f"country-picker-{index}"
    return (
        f'<div class="emergency-call" data-label="{html.escape(label)}" '
        f'data-missing="{html.escape(language.strings["emergency_number_missing"])}">'
        f'<ul class="emergency-call__list">{"".join(items)}</ul>'
        '<p class="emergency-call__missing" role="status"></p>'
        f'<div class="country-picker" data-summary="{html.escape(choose)}">'
        f'<button type="button" class="country-picker__toggle" aria-expanded="false" aria-controls="{panel}">'
        f"{html.escape(choose.replace('{country}', first_name))}</button>"
        f'<div class="country-picker__panel" id="{panel}" hidden>'
        f'<label class="country-picker__search">{html.escape(language.strings["country_search"])} '
        '<input type="search" autocomplete="off" spellcheck="false"></label>'
        '<ul class="country-picker__list"></ul>'
        f'<p class="country-picker__none" hidden>{html.escape(language.strings["country_none"])}</p>'
        "</div></div>"
        f'<p class="emergency-call__elsewhere">{html.escape(language.strings["emergency_numbers_elsewhere"])}</p>'
        "</div>"
    )


def urgent_call(language: LanguageData, locale: str) -> str:
    """The same-day card's line for urgent help that is not an emergency (NHS 111), for the countries the
    data gives one. Like the emergency numbers, each shows only to a reader in that country (chosen in the
    page's head, overrides/partials/country.html); on paper and without scripts, the language's own."""
    countries = load_numbers().countries
    label = language.strings["urgent_number_in"]
    items = []
    for code in sorted(
        (code for code, country in countries.items() if country.urgent_numbers),
        key=lambda code: (code not in language.countries, country_name(code, locale).casefold()),
    ):
        first = countries[code].urgent_numbers[0]
        service = f" ({html.escape(first.service)})" if first.service else ""
        first_country = bool(language.countries) and code == language.countries[0]
        classes = "urgent-call__item" + (" urgent-call__item--language" if code in language.countries else "")
        items.append(
            f'<li class="{classes}" data-country="{code}"'
            + ("" if code in language.countries else " hidden")
            + (" data-first" if first_country else "")
            + f">{html.escape(label.replace('{country}', country_name(code, locale)))} "
            f'<a href="tel:{first.dial}" dir="ltr">{html.escape(first.number)}</a>{service}</li>'
        )
    return f'<ul class="urgent-call">{"".join(items)}</ul>' if items else ""


def render_box(
    box: Box, language: LanguageData, locale: str, index: int, why_url: str, landmark: bool = True
) -> str:
    """One card as a single line of HTML, in the NHS care-card pattern: its title a heading that names the
    card's landmark; the one action, with the number beside it in calling cards; the signs as short bullets;
    no citation inside, one "Why we say this" link to the sources behind the card (about.md#card-<tier>)."""
    words = language.triage.tiers[box.tier]
    strings = language.strings
    catalogue = load_catalogue()
    icons = health_icons()
    title_id = f"card-{index}"
    level = box.heading_level
    # Each sign's pictogram stands in the bullet's place, so the words wrap exactly as without it.
    signs = "".join(
        f'<li data-sign="{sign_id}">{inline_svg(catalogue.signs[sign_id].icon, icons)}'
        f"{html.escape(language.triage.signs[sign_id])}</li>"
        for sign_id in box.signs
    )
    advice = (
        f' <span class="general-advice">{html.escape(strings["card_general_advice"])}</span>'
        if _has_general_advice(box)
        else ""
    )
    # Whom to call comes first, next to the number to tap, so that a reader never sees a number without
    # the advice on when to use it, and the number stays on the first screen of a phone; then the signs.
    parts = [
        # A landmark's name must be unique on the page (axe: landmark-unique): a second card of the same
        # kind keeps its heading but is not a second landmark of the same name.
        f'<div class="admonition {box.tier} triage-box"'
        + (f' role="region" aria-labelledby="{title_id}"' if landmark else "")
        + f' data-signs="{" ".join(box.signs)}">',
        # The action's pictogram (a phone, an ambulance...) leads the title bar, right above the action: in
        # the action's own lines it would make a long action one line longer.
        f'<h{level} class="admonition-title" id="{title_id}">'
        f"{inline_svg(catalogue.tiers[box.tier].action_icon, icons)}{html.escape(words['title'])}</h{level}>",
        f'<p class="triage-action">{html.escape(words["action"])}</p>',
        emergency_call(language, locale, index) if box.tier in CALLING_TIERS else "",
        urgent_call(language, locale) if box.tier == "urgent" else "",
        f'<p class="triage-lead">{html.escape(words["lead"])}</p>',
        f'<ul class="triage-signs">{signs}</ul>',
        f'{CARD_LAST_LINE}<a href="{html.escape(why_url)}#card-{box.tier}">'
        f"{html.escape(strings['why_we_say_this'])}</a>{advice}</p>",
        "</div>",
    ]
    return "".join(parts)


def why_section(language: LanguageData, locale: str) -> str:
    """The sources page's section behind every card's "Why we say this" link: each card's action and lead
    with their sources, and each sign with its sources or its general-advice mark."""
    catalogue = load_catalogue()
    strings = language.strings

    def cited(sources: tuple[int, ...], general_advice: bool) -> str:
        marks = " " + citation_html(sources) if sources else ""
        if general_advice:
            marks += f' <span class="general-advice">({html.escape(strings["general_advice"])})</span>'
        return marks

    cards = []
    for name, tier in catalogue.tiers.items():
        words = language.triage.tiers[name]
        signs = "".join(
            f"<li>{html.escape(language.triage.signs[sign.id])}{cited(sign.sources, sign.general_advice)}</li>"
            for sign in catalogue.signs.values()
            if sign.tier == name
        )
        cards.append(
            f'<h3 id="card-{name}">{html.escape(words["title"])}</h3>'
            f"<p>{html.escape(words['action'])}{cited(tier.action_sources, tier.action_general_advice)}</p>"
            f"<p>{html.escape(words['lead'])}{cited(tier.lead_sources, False)}</p>"
            f"<ul>{signs}</ul>"
        )
    return f"<p>{html.escape(strings['cards_intro'])}</p>" + "".join(cards)


def all_card_sources() -> set[int]:
    """Every source behind every card: its signs', its lead's and its action's (the "Why we say this" section)."""
    catalogue = load_catalogue()
    return {n for sign in catalogue.signs.values() for n in sign.sources} | {
        n for tier in catalogue.tiers.values() for n in (*tier.lead_sources, *tier.action_sources)
    }
