"""Each page searches its own language's index (guidelib/search_index.py): Material's "base", where its
search reads search/search_index.json, is the page's language folder."""

from __future__ import annotations

from guidelib.outputs import from_page
from guidelib.search_index import with_search_base
from guidelib.site_config import language_prefix
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_search_base(output, from_page(language_prefix(config.theme["language"]), page))
