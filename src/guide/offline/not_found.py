"""A "page not found" page per language, `<lang>/404.html` (English: the root 404.html).

Hosts that look for the nearest 404.html (Cloudflare Pages, Netlify with a rule per folder) serve each
language its own. GitHub Pages serves only the root one: there, assets/javascripts/not-found.js sends a
reader whose address is in a language folder to that language's 404 page. The 404 page is served at any
depth, so its addresses are absolute (from site_url), as Material writes them.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

from guide.search.search_index import with_search_base
from guide.core.site_config import language_prefix, languages

NOT_FOUND = "404.html"
SCRIPT = "assets/javascripts/not-found.js"


def site_path(site_url: str | None) -> str:
    """The path of the site's root on its host: '/' or '/guide/'."""
    return urlsplit(site_url or "/").path.rstrip("/") + "/"


def not_found_page(output: str, locale: str, site_url: str | None) -> str:
    """Material's 404 page of a language, searching that language, with the script that picks the language."""
    root = site_path(site_url)
    prefix = language_prefix(locale)
    page = with_search_base(output, root + prefix)
    folders = " ".join(language.url_prefix for language in languages() if language.url_prefix)
    script = (
        f'<script src="{html.escape(root + SCRIPT)}" data-site="{html.escape(root)}" '
        f'data-language="{html.escape(prefix)}" data-folders="{html.escape(folders)}"></script>'
    )
    return page.replace("</body>", script + "\n</body>", 1)


def write_pages(site: Path, pages: dict[str, str]) -> None:
    """Each language's build wrote its 404 page at the root, over the previous one: put each in its folder."""
    for locale, page in pages.items():
        (site / language_prefix(locale) / NOT_FOUND).write_text(page, encoding="utf-8")
