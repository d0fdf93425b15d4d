"""Each page searches its own language's index (guidelib/search_index.py): Material's "base", where its
search reads search/search_index.json, is the page's language folder. What the index leaves out is marked
here, before Material's search reads the page."""

from __future__ import annotations

from guidelib.outputs import from_page
from guidelib.search_index import excluded_from_search, with_search_base
from guidelib.site_config import language_prefix
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(
    -900
)  # after the hooks that write generated blocks; before hooks/content_safety.py checks all
def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    return excluded_from_search(content)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_search_base(output, from_page(language_prefix(config.theme["language"]), page))
