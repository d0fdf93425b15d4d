"""Load translations/<lang>.yml for the language being built and hand its strings to the templates."""

from __future__ import annotations

from typing import Any

from guidelib.pages import ContentError
from guidelib.site_config import language_prefix, languages
from guidelib.translations import load_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    load_language.cache_clear()  # `mkdocs serve` rebuilds in one process: pick up edited files
    try:
        for language in languages():  # every language, before any nested build reads one
            load_language(language.locale)
    except ContentError as error:
        raise PluginError(str(error)) from None
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    locale = config.theme["language"]
    context["ui"] = load_language(locale).strings
    # The home of this page's language, relative to the page: "../" from /symptoms/, "../../es/" from /es/symptoms/.
    context["language_home"] = "../" * page.url.count("/") + language_prefix(locale) or "./"
    return context


def on_template_context(context: dict[str, Any], config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    context["ui"] = load_language(config.theme["language"]).strings
    return context
