"""The "page not found" page of each language (guidelib/not_found.py): kept on the guide plugin as each
language's build makes it, written into the language folders once every language is built."""

from __future__ import annotations

from typing import Any

from guidelib.not_found import NOT_FOUND, not_found_page, site_path
from guidelib.plugin import guide
from guidelib.site_config import language_prefix
from mkdocs.config.defaults import MkDocsConfig


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == NOT_FOUND:  # overrides/404.html links to the start of the page's language
        context["language_home"] = site_path(config.site_url) + language_prefix(config.theme["language"])
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND:
        return output
    locale = config.theme["language"]
    page = not_found_page(output, locale, config.site_url)
    guide(config).not_found_pages[locale] = page
    return page
