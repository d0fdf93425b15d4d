"""A "page not found" page per language, `<lang>/404.html` (English: the root 404.html).

Hosts that look for the nearest 404.html (Cloudflare Pages, Netlify with a rule per folder) serve each
language its own. GitHub Pages serves only the root one: there, assets/javascripts/not-found.js sends a
reader whose address is in a language folder to that language's 404 page. The 404 page is served at any
depth, so its addresses are absolute (from site_url), as Material writes them.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from guidelib.build_phases import whole_site_built, whole_site_step
from guidelib.bundle import building_bundle
from guidelib.search_index import with_search_base
from guidelib.site_config import language_prefix, languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

NOT_FOUND = "404.html"
SCRIPT = "assets/javascripts/not-found.js"
_pages: dict[str, str] = {}  # locale -> that language's 404 page, kept until every language is built


def _site_path(config: MkDocsConfig) -> str:
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == NOT_FOUND:  # overrides/404.html links to the start of the page's language
        context["language_home"] = _site_path(config) + language_prefix(config.theme["language"])
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND or building_bundle():
        return output
    site_path = _site_path(config)
    prefix = language_prefix(config.theme["language"])
    page = with_search_base(output, site_path + prefix)
    folders = " ".join(language.url_prefix for language in languages() if language.url_prefix)
    script = (
        f'<script src="{html.escape(site_path + SCRIPT)}" data-site="{html.escape(site_path)}" '
        f'data-language="{html.escape(prefix)}" data-folders="{html.escape(folders)}"></script>'
    )
    _pages[config.theme["language"]] = page.replace("</body>", script + "\n</body>", 1)
    return _pages[config.theme["language"]]


# Each language's build writes its 404 page at the root, over the previous one: put each in its folder.
@event_priority(whole_site_step("not_found_pages"))  # once, after every language (guidelib/build_phases.py)
def on_post_build(config: MkDocsConfig) -> None:
    if building_bundle() or not whole_site_built():
        return
    site = Path(config.site_dir)
    for locale, page in _pages.items():
        (site / language_prefix(locale) / NOT_FOUND).write_text(page, encoding="utf-8")
