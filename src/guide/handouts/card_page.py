"""The alert card's page, /<lang>/alert-card/ (English at /alert-card/): the card in two languages side by
side, one in the reader's language (the page's), the other in the language of the country they are in, with
a note for the clinician and that country's emergency number; the reader fills in their name, cancer type,
cancer team's number, hospital and notes on the device, prints the card or saves it as an image.

Every language's side and every country's number are in the page as static HTML, hidden until chosen: the
page's head (overrides/partials/alert-card-head.html) shows the side of the country's language
(card_language.py) and the country's number before anything is drawn, so the card works offline, with no
request, and nothing moves. overrides/assets/javascripts/alert-card.js keeps the fields in localStorage only,
changes the second side, prints and draws the image.
"""

from __future__ import annotations

import html
import json
from typing import Any

from guide.catalogues.emergency_numbers import Country, country_name, load_numbers
from guide.catalogues.language_registry import load_language, official_in, punctuation
from guide.catalogues.sources import citation_html, name_citation_links
from guide.catalogues.triage import load_catalogue
from guide.core.engine import Files, MkDocsConfig, Page, get_relative_url
from guide.core.generated import generated_page, placeholder
from guide.core.outputs import ALERT_CARD_PAGE, alert_card_path, from_page
from guide.core.site_config import language_prefix, languages, page_url, text_direction
from guide.handouts.alert_card import printed_pairs
from guide.handouts.card_language import card_languages
from guide.easy_read.page import EASY_READ_PAGE
from guide.page.citations import SOURCES_BLOCK, source_list, sources_heading

# What the reader fills in, in the order the card shows it; the labels are the card's words (triage: card:).
FIELDS = (
    ("name", "text", "name"),
    ("cancer_type", "text", "off"),
    ("team_number", "tel", "off"),
    ("hospital", "text", "off"),
    ("notes", "text", "off"),
)
OPTIONAL_FIELDS = ("notes",)


def card_page_url(locale: str) -> str:
    """The card's page, relative to the site root: "alert-card/", "vi/alert-card/"."""
    return page_url(language_prefix(locale) + ALERT_CARD_PAGE)


def _number_line(country: Country, locale: str) -> str:
    strings = load_language(locale).strings
    numbers = " · ".join(
        f'<b dir="ltr">{html.escape(number.number)}</b>'
        + (f" ({html.escape(number.service)})" if number.service else "")
        for number in country.numbers
    )
    label = strings["emergency_number_in"].replace("{country}", country_name(country.code, locale))
    return (
        f'<p class="alert-card__call alert-card__number" data-country="{country.code}">'
        f"{html.escape(label)}{punctuation(locale)['colon']}{numbers}</p>"
    )


def card_side(locale: str, reader: bool) -> str:
    """One side of the card in one language: what to say, the reader's details, the signs, the note for
    the clinician and, last, the emergency number of the reader's country (or "call your local emergency
    number" where the data has none)."""
    language = load_language(locale)
    catalogue = load_catalogue()
    words, clinician = language.triage.card, language.triage.clinician
    colon = punctuation(locale)["colon"]
    details = "".join(
        f"<div{' data-optional' if key in OPTIONAL_FIELDS else ''}><dt>{html.escape(words[key])}</dt>"
        f'<dd data-value="{key}"></dd></div>'
        for key, _, _ in FIELDS
    )
    signs = "".join(f"<li>{html.escape(language.triage.signs[sign])}</li>" for sign in catalogue.card_signs)
    cited = catalogue.clinician_sources
    numbers = "".join(_number_line(country, locale) for country in load_numbers().countries.values())
    kind = "reader" if reader else "second"
    side = (
        f'<section class="alert-card__side alert-card__side--{kind}" data-language="{locale}" lang="{locale}" '
        f'dir="{text_direction(locale)}">'
        f'<h2 class="alert-card__title">{html.escape(words["title"])}</h2>'
        f'<p class="alert-card__say"><b>{html.escape(words["say_heading"])}{colon}</b>{html.escape(words["say"])}</p>'
        f'<dl class="alert-card__details">{details}</dl>'
        f'<h3 class="alert-card__heading">{html.escape(words["signs_heading"])}</h3><ul class="alert-card__signs">{signs}</ul>'
        f'<div class="alert-card__clinician"><h3 class="alert-card__heading">{html.escape(clinician["heading"])}</h3>'
        f"<p>{html.escape(clinician['note'])} {citation_html(cited['note'])}</p>"
        f"<p>{html.escape(clinician['mri'])} {citation_html(cited['mri'])}</p></div>"
        f'<p class="alert-card__call alert-card__local">{html.escape(clinician["local_number"])}</p>'
        f"{numbers}</section>"
    )
    return name_citation_links(side, language.strings["source_label"])


def _printed_cards(locale: str) -> str:
    """Links to the printed cards (wallet and phone): the language's own card, which alert-card.js changes
    to the card of the chosen pair for the reader's country where one is printed (data-cards: second
    language and country of each, alert_card.printed_pairs). Always shown, so nothing moves."""
    strings = load_language(locale).strings
    printed = " ".join(
        f"{second}-{country}"
        for second, countries in printed_pairs().get(locale, {}).items()
        for country in countries
    )
    links = " · ".join(
        f'<a href="{html.escape(get_relative_url(alert_card_path(locale, phone=phone), card_page_url(locale)))}" '
        f'data-card-size="{"phone" if phone else "wallet"}" download>{html.escape(strings[key])}</a>'
        for phone, key in ((False, "alert_card_link"), (True, "alert_card_phone_link"))
    )
    return f'<p class="alert-card-form__printed" data-cards="{printed}">{links}</p>'


def _controls(locale: str, printed: bool) -> str:
    strings = load_language(locale).strings
    words = load_language(locale).triage.card
    options = "".join(
        f'<option value="{language.locale}" lang="{language.locale}">{html.escape(language.name)}</option>'
        for language in languages()
    )
    inputs = "".join(
        f'<p class="alert-card-form__field"><label for="alert-card-{key}">{html.escape(words[key])}</label>'
        f'<input id="alert-card-{key}" type="{kind}" data-field="{key}" autocomplete="{autocomplete}" maxlength="80"></p>'
        for key, kind, autocomplete in FIELDS
    )
    buttons = "".join(
        f'<button type="button" class="md-button{" md-button--primary" if action == "print" else ""}" '
        f'data-action="{action}">{html.escape(strings[f"alert_card_{action}"])}</button> '
        for action in ("print", "image", "clear")
    )
    return (
        '<div class="alert-card-form">'
        f'<p class="alert-card-form__field"><label for="alert-card-language">{html.escape(strings["alert_card_second_language"])}</label>'
        f'<select id="alert-card-language">{options}</select></p>'
        f"<fieldset><legend>{html.escape(strings['alert_card_fields'])}</legend>{inputs}</fieldset>"
        f'<p class="alert-card-form__actions">{buttons.strip()}</p>'
        f"{_printed_cards(locale) if printed else ''}</div>"
    )


def easy_read_line(locale: str) -> str:
    """The card's page leads to the Easy Read "When to get help" (a sibling page of the same language)."""
    text = load_language(locale).strings["easy_read_link"]
    target = "../" + EASY_READ_PAGE.removesuffix(".md") + "/"
    return f'<p class="easy-read-link"><a href="{target}">{html.escape(text)}</a></p>'


def card_page(locale: str, printed: bool) -> tuple[str, dict[str, str]]:
    """The page's Markdown (the title, what the card is for, the form and card as a block, its sources)
    and its block."""
    language = load_language(locale)
    title = language.triage.card["title"]
    sides = [card_side(locale, reader=True)] + [
        card_side(other.locale, reader=False) for other in languages() if other.locale != locale
    ]
    cited = sorted({n for numbers in load_catalogue().clinician_sources.values() for n in numbers})
    body = (
        f'<div class="alert-card-page">{_controls(locale, printed)}'
        f'<div class="alert-card">{"".join(sides)}</div></div>'
    )
    markdown = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n"
        f"# {html.escape(title)}\n\n{html.escape(language.strings['alert_card_intro'])}\n\n"
        f"{placeholder('alert-card')}\n\n{easy_read_line(locale)}"
        + sources_heading(language.strings["sources_heading"], language.strings["sources_intro"])
        + placeholder(SOURCES_BLOCK)
    )
    return markdown, {"alert-card": body, SOURCES_BLOCK: source_list(cited)}


def add_alert_card_page(files: Files, config: MkDocsConfig, printed: bool) -> None:
    """After mkdocs-static-i18n has sorted the files into languages, like the offline page. `printed`: the
    PDF cards are printed in this build (the plugin's `handouts`), and the page links them."""
    locale = config.theme["language"]
    markdown, blocks = card_page(locale, printed)
    files.append(generated_page(config, language_prefix(locale) + ALERT_CARD_PAGE, markdown, blocks))


def is_card_page(page: Page) -> bool:
    return bool(page.file.generated_by) and page.file.src_uri.rsplit("/", 1)[-1] == ALERT_CARD_PAGE


def add_card_context(context: dict[str, Any], page: Page, locale: str) -> None:
    """Every page links to its language's card; the card's own head learns each country's language."""
    context["alert_card_page"] = from_page(card_page_url(locale), page)
    if is_card_page(page):
        countries = {language.locale: load_language(language.locale).countries for language in languages()}
        known = card_languages(tuple(load_numbers().countries), countries, official_in)
        context["card_head"] = {
            # Letters and colons only: ISO codes and language codes, safe in a script's string.
            "languages": " ".join(f"{country}:{language}" for country, language in known.items()),
            "locales": " ".join(language.locale for language in languages()),
        }
