"""The content API and oEmbed files of each page (guide/api/content_api.py), and the page's oEmbed
discovery link. The files of the whole site (the index, triage, numbers) are written once every language is
built (guide/plugin.py)."""

from __future__ import annotations

from typing import Any

from guide.api.content_api import IndexEntries, write_page_files
from guide.core.engine import MkDocsConfig, Page


def write_api_files(context: dict[str, Any], page: Page, config: MkDocsConfig, index: IndexEntries) -> None:
    """After the translation state and the review are in the context. The page's entry joins the index kept in memory."""
    context["oembed_url"], entry = write_page_files(
        page, config, context.get("translation"), context["review"]["json"]
    )
    index.setdefault(config.theme["language"], []).append(entry)
