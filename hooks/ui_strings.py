"""The strings of translations/<lang>.yml for the language being built, and the footer's links, for the
templates. (The guide plugin reads and checks every language's file once per build.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guidelib.language_registry import load_language, punctuation
from guidelib.not_found import site_path
from guidelib.outputs import HOSPITALS_PAGE, STATUS_PAGE, from_page
from guidelib.site_config import language_prefix, languages, page_url, text_direction
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def footer_links(locale: str, address: Callable[[str], str]) -> dict[str, str]:
    """This language's page for hospitals and translation status, each by `address` of its site path."""
    prefix = language_prefix(locale)
    return {
        "hospitals": address(prefix + page_url(HOSPITALS_PAGE)),
        "status": address(prefix + page_url(STATUS_PAGE)),
    }


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    locale = config.theme["language"]
    context["ui"] = load_language(locale).strings
    context["punctuation"] = punctuation(locale)
    # The home of this page's language, relative to the page: "../" from /symptoms/, "../../es/" from /es/symptoms/.
    context["language_home"] = from_page(language_prefix(locale), page)
    context["footer_links"] = footer_links(locale, lambda target: from_page(target, page))
    context["language_offers"] = language_offers(page) if page.is_homepage else []
    return context


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


def on_template_context(context: dict[str, Any], config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    """Templates that are not pages (the 404 page, served at any depth): absolute addresses."""
    locale = config.theme["language"]
    context["ui"] = load_language(locale).strings
    context["footer_links"] = footer_links(locale, lambda target: site_path(config.site_url) + target)
    return context
