"""`hreflang` alternates as absolute URLs, one per language plus `x-default` (English).

Material writes relative alternates for the whole site; search engines want absolute URLs that point
at the same page in each language.
"""

from __future__ import annotations

import html
import re

from guide.core.outputs import absolute_url
from guide.core.site_config import bare_page_url, languages
from guide.core.engine import MkDocsConfig, Page

_MATERIAL_ALTERNATE = re.compile(r'(?<!\s)\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def alternates(site_url: str, page_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for a page in every language, and x-default for the English page."""
    links = [
        (language.locale, absolute_url(site_url, language.url_prefix + page_url)) for language in languages()
    ]
    default = next(language for language in languages() if language.default)
    return links + [("x-default", absolute_url(site_url, default.url_prefix + page_url))]


def with_hreflang_links(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.generated_by or not config.site_url:
        return output
    # In a translation's build, page.url starts with "<lang>/"; alternates need the bare page path.
    bare_url = bare_page_url(page.url, config.theme["language"])
    tags = "".join(
        f'\n    <link rel="alternate" hreflang="{lang}" href="{html.escape(url)}">'
        for lang, url in alternates(config.site_url, bare_url)
    )
    output = _MATERIAL_ALTERNATE.sub("", output)
    return output.replace("</head>", f"{tags}\n  </head>", 1)
