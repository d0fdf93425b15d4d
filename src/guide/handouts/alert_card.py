"""The alert card: a wallet-size card (and a phone-screen version) that a patient carries, in their language,
with the emergency signs, what to say, blank lines for their cancer team's number and cancer type, and a note
for the clinician. The card in two languages, filled in on the device, is the card's page (card_page.py).
Built from the triage catalogue, the language's words and the emergency numbers; printed by src/guide/handouts/steps.py.
"""

from __future__ import annotations

import html

from guide.checks.csp import add_content_security_policy
from guide.catalogues.emergency_numbers import country_name, load_numbers
from guide.core.site_config import text_direction
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import load_catalogue

# Page sizes of the two PDFs. The wallet card has a front and a back; the phone card is one screen.
WALLET_SIZE = ("105mm", "74mm")  # A7, landscape: fits a wallet once folded, readable at 8 pt
PHONE_SIZE = ("90mm", "210mm")  # the shape of a tall phone screen (9 by 21)


def card_html(locale: str, stylesheet: str, address: str) -> str:
    language = load_language(locale)
    catalogue = load_catalogue()
    words = language.triage.card
    numbers = load_numbers().countries
    signs = "".join(f"<li>{html.escape(language.triage.signs[sign])}</li>" for sign in catalogue.card_signs)
    countries = " · ".join(
        f'{html.escape(country_name(code, locale))} <b dir="ltr">{html.escape(numbers[code].numbers[0].number)}</b>'
        for code in language.countries
    )

    def field(label: str) -> str:
        return (
            f'<p class="alert-card__field">{html.escape(label)}:<span class="alert-card__blank"></span></p>'
        )

    return add_content_security_policy(
        f'<!doctype html><html lang="{locale}" dir="{text_direction(locale)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(words['title'])}</title>"
        f'<link rel="stylesheet" href="{html.escape(stylesheet)}"></head><body class="alert-card">'
        '<section class="alert-card__side alert-card__front">'
        f"<h1>{html.escape(words['title'])}</h1>"
        f"<h2>{html.escape(words['say_heading'])}</h2>"
        f'<p class="alert-card__say">{html.escape(words["say"])}</p>'
        f"{field(words['team_number'])}{field(words['cancer_type'])}"
        f'<p class="alert-card__numbers">{html.escape(language.strings["emergency_numbers_label"])}: {countries}</p>'
        "</section>"
        '<section class="alert-card__side alert-card__back">'
        f"<h2>{html.escape(words['signs_heading'])}</h2><ul>{signs}</ul>"
        # The back ends with the note for the clinician who reads the card, not with a label and no number.
        f"<h2>{html.escape(language.triage.clinician['heading'])}</h2>"
        f'<p class="alert-card__action">{html.escape(language.triage.clinician["note"])}</p>'
        f'<p class="alert-card__address" dir="ltr">{html.escape(address)}</p>'
        "</section></body></html>\n"
    )
