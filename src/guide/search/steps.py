"""Each page searches its own language's index (search/search_index.py): Material's "base", where its
search reads search/search_index.json, is the page's language folder. What the index leaves out is marked
(search_index.excluded_from_search) before Material's search reads the page."""

from __future__ import annotations

from guide.core.outputs import from_page
from guide.core.site_config import language_prefix
from guide.search.search_index import WORKER_FOLDER, with_search_base, with_search_worker
from guide.core.engine import Page


def with_language_search(output: str, page: Page, locale: str) -> str:
    """Material's search reads the index of the page's own language folder, with the worker copied into
    that folder (search_index.copy_search_workers), so the language's service worker controls it."""
    prefix = language_prefix(locale)
    output = with_search_base(output, from_page(prefix, page))
    if prefix:
        output = with_search_worker(output, from_page(prefix + WORKER_FOLDER, page))
    return output
