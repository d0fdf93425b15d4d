"""The content API and oEmbed files of each page (guidelib/content_api.py), and the page's oEmbed
discovery link. The files of the whole site (the index, triage, numbers) are written once every language is
built (guidelib/plugin.py)."""

from __future__ import annotations

from typing import Any

from guidelib.content_api import write_page_files
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(-100)  # after hooks/translated_pages.py has added the translation state
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    if page.file.generated_by:
        return context
    context["oembed_url"] = write_page_files(page, config, context.get("translation"))
    return context
