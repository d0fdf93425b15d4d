"""`hreflang` alternates as absolute URLs, one per language plus `x-default` (English), for the templates
(overrides/main.html prints them where Material prints its relative links to each language's start page).
Search engines want absolute URLs that point at the same page in each language.
"""

from __future__ import annotations

from typing import Any

from guide.core.engine import MkDocsConfig, Page
from guide.core.outputs import absolute_url
from guide.core.site_config import bare_page_url, languages


def alternates(site_url: str, page_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for a page in every language, and x-default for the English page."""
    links = [
        (language.locale, absolute_url(site_url, language.url_prefix + page_url)) for language in languages()
    ]
    default = next(language for language in languages() if language.default)
    return links + [("x-default", absolute_url(site_url, default.url_prefix + page_url))]


def add_hreflang_links(context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
    """Every page, the ones the build writes too, stands in every language. Without a site address (a
    local preview) there is no absolute URL to give."""
    # In a translation's build, page.url starts with "<lang>/"; alternates need the bare page path.
    bare_url = bare_page_url(page.url, config.theme["language"])
    context["hreflang_links"] = alternates(config.site_url, bare_url) if config.site_url else []
