"""The printed alert card: a wallet-size card (A7, front and back) and a phone-screen card that a patient
carries, with the emergency signs (each beside its pictogram, as on the screen cards), what to say, blank
lines for their cancer team's number and cancer type, a note for the clinician, and a QR code of the card's
page. A language's own card lists the numbers of its countries; a card for a pair of languages
(card_language.card_pairs) has the reader's side, then the clinician's side in the language of the country
the reader is in, and that country's emergency number only. The card in two languages, filled in on the
device, is the card's page (card_page.py). Printed by src/guide/handouts/handouts.py.
"""

from __future__ import annotations

import html
from typing import Any

from guide.approvals.steps import translation_line
from guide.catalogues.emergency_numbers import country_name, load_numbers
from guide.catalogues.language_registry import (
    load_language,
    official_in,
    punctuation,
    required_countries,
    translation_path,
)
from guide.catalogues.pictograms import health_icons, inline_svg
from guide.catalogues.triage import load_catalogue
from guide.checks.csp import add_content_security_policy
from guide.core.input_files import ContentError
from guide.core.site_config import languages, text_direction
from guide.handouts.card_language import card_pairs
from guide.handouts.qr_code import qr_svg

# Page sizes of the two PDFs. The wallet card has a front and a back per language; the phone card one
# screen per language.
WALLET_SIZE = ("105mm", "74mm")  # A7, landscape: fits a wallet once folded, readable at 8 pt
PHONE_SIZE = ("90mm", "210mm")  # the shape of a tall phone screen (9 by 21)


def printed_pairs() -> dict[str, dict[str, tuple[str, ...]]]:
    """Per reader's language, per second language, the countries a card of the pair is printed for: from
    the languages of mkdocs.yml, their countries (data/language-countries.yml) and CLDR; only countries
    with a number in data/emergency-numbers.yml (a card never shows another country's)."""
    countries = {language.locale: required_countries().get(language.locale, ()) for language in languages()}
    known = load_numbers().countries
    return card_pairs(
        countries, lambda language, country: country in known and official_in(language, country)
    )


def _numbers(locale: str, country: str | None) -> str:
    """The emergency number of the reader's country, or, on a language's own card, of its countries."""
    language = load_language(locale)
    numbers = load_numbers().countries
    colon = punctuation(locale)["colon"]
    if country is not None:
        label = language.strings["emergency_number_in"].replace("{country}", country_name(country, locale))
        called = " · ".join(
            f'<b dir="ltr">{html.escape(number.number)}</b>'
            + (f" ({html.escape(number.service)})" if number.service else "")
            for number in numbers[country].numbers
        )
        return (
            f'<p class="alert-card__numbers" data-country="{country}">{html.escape(label)}{colon}{called}</p>'
        )
    listed = " · ".join(
        f'{html.escape(country_name(code, locale))} <b dir="ltr">{html.escape(numbers[code].numbers[0].number)}</b>'
        for code in language.countries
    )
    return f'<p class="alert-card__numbers">{html.escape(language.strings["emergency_numbers_label"])}{colon}{listed}</p>'


def card_sides(locale: str, country: str | None, address: str) -> str:
    """One language's front (what to say, the details to fill in, whom to call) and back (the signs with
    their pictograms, the note for the clinician and the card page's QR code)."""
    language = load_language(locale)
    catalogue = load_catalogue()
    icons = health_icons()
    words, clinician = language.triage.card, language.triage.clinician

    def field(label: str) -> str:
        return (
            f'<p class="alert-card__field">{html.escape(label)}:<span class="alert-card__blank"></span></p>'
        )

    signs = "".join(
        f"<li>{inline_svg(catalogue.signs[sign].icon, icons)}{html.escape(language.triage.signs[sign])}</li>"
        for sign in catalogue.card_signs
    )
    return (
        f'<div class="alert-card__language" lang="{locale}" dir="{text_direction(locale)}">'
        '<section class="alert-card__side alert-card__front">'
        f"<h1>{html.escape(words['title'])}</h1>"
        f"<h2>{html.escape(words['say_heading'])}</h2>"
        f'<p class="alert-card__say">{html.escape(words["say"])}</p>'
        f"{field(words['name'])}{field(words['team_number'])}{field(words['cancer_type'])}"
        f"{_numbers(locale, country)}</section>"
        '<section class="alert-card__side alert-card__back">'
        f'<h2>{html.escape(words["signs_heading"])}</h2><ul class="alert-card__signs">{signs}</ul>'
        # The back ends with the note for the clinician who reads the card, not with a label and no number.
        f'<div class="alert-card__end"><div><h2>{html.escape(clinician["heading"])}</h2>'
        f'<p class="alert-card__action">{html.escape(clinician["note"])}</p></div>{qr_svg(address, address)}</div>'
        f'<p class="alert-card__address" dir="ltr">{html.escape(address)}</p></section></div>'
    )


def card_html(
    locale: str, stylesheet: str, address: str, second: str | None = None, country: str | None = None
) -> str:
    """The card of `locale` (its own, listing its countries' numbers), or with a second side in `second`
    and the number of `country` only. `address` is the published card page the QR code and footer name."""
    title = load_language(locale).triage.card["title"]
    sides = card_sides(locale, country, address) + (card_sides(second, country, address) if second else "")
    return add_content_security_policy(
        f'<!doctype html><html lang="{locale}" dir="{text_direction(locale)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<link rel="stylesheet" href="{html.escape(stylesheet)}"></head><body class="alert-card">'
        f"{sides}</body></html>\n"
    )


# In the browser that prints the wallet card, laid out for print at the card's width: each side that is
# taller than its sheet (its words would be cut off: the sides hide what overflows), with its language and
# by how many CSS pixels.
OVERFLOWING_SIDES = """() => [...document.querySelectorAll('.alert-card__side')]
  .map(side => ({language: side.closest('.alert-card__language').lang,
                 front: side.classList.contains('alert-card__front'),
                 over: side.scrollHeight - side.clientHeight}))
  .filter(side => side.over > 1)"""
# Per side (front: True): the key whose line is named, what the side holds, and what to shorten.
SIDE_KEYS = {
    True: ("triage.card.say", "front (what to say, the details, the numbers)", "triage.card"),
    False: (
        "triage.clinician.note",
        "back (the signs, the note for the clinician)",
        "the card's signs or triage.clinician",
    ),
}


def overflow_problem(overflowing: list[dict[str, Any]]) -> ContentError | None:
    """The first side that does not fit its sheet, as a translator's line (pure: the measures come from the
    browser, OVERFLOWING_SIDES)."""
    if not overflowing:
        return None
    side = overflowing[0]
    key, holding, shorten = SIDE_KEYS[side["front"]]
    millimetres = side["over"] / 96 * 25.4
    return ContentError(
        translation_path(side["language"]),
        translation_line(side["language"], key),
        f"the {holding} of the printed alert card is {millimetres:.1f} mm too tall for its "
        f"{' x '.join(WALLET_SIZE)} sheet, so its end would be cut off: shorten {shorten}",
    )
