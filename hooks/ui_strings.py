"""Load translations/<lang>.yml for the language being built and hand its strings to the templates."""

from __future__ import annotations

from typing import Any

from guidelib.bundle import building_bundle
from guidelib.outputs import from_page
from guidelib.pages import ContentError
from guidelib.emergency_numbers import load_numbers
from guidelib.site_config import language_prefix, languages, mkdocs_config
from guidelib.sources import all_sources
from guidelib.triage import load_catalogue
from guidelib.translations import SITE_TEXTS, load_language, punctuation
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `mkdocs serve` rebuilds in one process: pick up edited data and translation files.
    for cached in (load_language, load_catalogue, load_numbers, all_sources, mkdocs_config):
        cached.cache_clear()
    # Check every language's file once, before any hook uses one: a mistake in any of them is one clear
    # line naming the file and key, whichever language is being built.
    try:
        for language in languages():
            load_language(language.locale)
    except ContentError as error:
        raise PluginError(str(error)) from None
    _feed_language_texts(config)
    return config


def _feed_language_texts(config: MkDocsConfig) -> None:
    """Each language's site name, description, licence line and menu titles, from translations/<lang>.yml,
    into mkdocs-static-i18n's per-language config, which applies them in its on_config (priority -100, after this)."""
    i18n = config.plugins.get("i18n")
    for entry in getattr(getattr(i18n, "config", None), "languages", None) or []:
        site = load_language(entry.locale).site
        for key in SITE_TEXTS:
            entry[key] = getattr(site, key)
        entry["nav_translations"] = site.nav_translations or None


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    locale = config.theme["language"]
    context["ui"] = load_language(locale).strings
    context["punctuation"] = punctuation(locale)
    # The home of this page's language, relative to the page: "../" from /symptoms/, "../../es/" from /es/symptoms/.
    context["language_home"] = from_page(language_prefix(locale), page)
    return _page_addresses(context, config)


def on_template_context(context: dict[str, Any], config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    context["ui"] = load_language(config.theme["language"]).strings
    return _page_addresses(context, config)


def _page_addresses(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    # A page by its slug, after language_home, as this build addresses pages: "slug/" on the web,
    # "slug.html" in the offline zip, which opens from disk where a folder does not open its index.html.
    context["page_address"] = lambda slug: f"{slug}/" if config.use_directory_urls else f"{slug}.html"
    context["in_offline_zip"] = building_bundle()
    return context
