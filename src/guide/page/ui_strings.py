"""The strings of translations/<lang>.yml for the language being built, and the footer's links, for the
templates. (The guide plugin reads and checks every language's file once per build.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guide.catalogues.language_registry import load_language, punctuation
from guide.offline.not_found import site_path
from guide.core.outputs import HOSPITALS_PAGE, STATUS_PAGE, from_page
from guide.core.site_config import language_prefix, languages, page_url, text_direction
from guide.core.engine import Page


def footer_links(locale: str, address: Callable[[str], str]) -> dict[str, str]:
    """This language's page for hospitals and translation status, each by `address` of its site path."""
    prefix = language_prefix(locale)
    return {
        "hospitals": address(prefix + page_url(HOSPITALS_PAGE)),
        "status": address(prefix + page_url(STATUS_PAGE)),
    }


def add_page_strings(context: dict[str, Any], page: Page, locale: str) -> None:
    context["ui"] = load_language(locale).strings
    context["punctuation"] = punctuation(locale)
    # The home of this page's language, relative to the page: "../" from /symptoms/, "../../es/" from /es/symptoms/.
    context["language_home"] = from_page(language_prefix(locale), page)
    context["footer_links"] = footer_links(locale, lambda target: from_page(target, page))
    context["language_offers"] = language_offers(page) if page.is_homepage else []


def language_offers(page: Page) -> list[dict[str, str]]:
    """On the guide's front door (the default language's home): for each other language, a one-line offer
    in that language, which overrides/partials/country.html shows before the page is drawn to a browser that
    prefers it. Never a redirect: the reader chooses, and a dismissal is kept."""
    offers = []
    for language in languages():
        if language.default:
            continue
        strings = load_language(language.locale).strings
        offers.append(
            {
                "locale": language.locale,
                "dir": text_direction(language.locale),
                "text": strings["language_offer"],
                "switch": strings["language_offer_switch"],
                "dismiss": strings["language_offer_dismiss"],
                "href": from_page(language.url_prefix, page),
            }
        )
    return offers


def add_template_strings(context: dict[str, Any], locale: str, site_url: str | None) -> None:
    """Templates that are not pages (the 404 page, served at any depth): absolute addresses."""
    context["ui"] = load_language(locale).strings
    context["footer_links"] = footer_links(locale, lambda target: site_path(site_url) + target)
