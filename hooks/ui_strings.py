"""The strings of translations/<lang>.yml for the language being built, and the footer's links, for the
templates. (The guide plugin reads and checks every language's file once per build.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from guidelib.language_registry import load_language, punctuation
from guidelib.not_found import site_path
from guidelib.outputs import HOSPITALS_PAGE, STATUS_PAGE, from_page
from guidelib.site_config import language_prefix, page_url
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
    return context


def on_template_context(context: dict[str, Any], config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    """Templates that are not pages (the 404 page, served at any depth): absolute addresses."""
    locale = config.theme["language"]
    context["ui"] = load_language(locale).strings
    context["footer_links"] = footer_links(locale, lambda target: site_path(config.site_url) + target)
    return context
