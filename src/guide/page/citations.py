"""Turn [n] citation markers into links, and end each page with the list of sources it cites."""

from __future__ import annotations

import html

from guide.core.generated import cited_by_blocks
from guide.catalogues.sources import all_sources, check_citations, link_citations, name_citation_links
from guide.catalogues.language_registry import load_language
from guide.core.engine import Page


def source_list(numbers: list[int], heading: str, intro: str) -> str:
    items = []
    for number in sorted(numbers):
        source = all_sources()[number]
        text = html.escape(source.citation)
        if source.url:
            text += f' <a href="{html.escape(source.url)}" rel="noopener">{html.escape(source.url)}</a>'
        items.append(f'<li id="source-{number}" value="{number}">{text}</li>')
    return (
        f'\n\n## {heading} {{#sources}}\n\n{intro}\n\n<ol class="sources">\n' + "\n".join(items) + "\n</ol>\n"
    )


def link_citations_and_list_sources(markdown: str, page: Page, locale: str) -> str:
    check_citations(page.file.content_string, page.meta["sources"], page.file.abs_src_path)
    strings = load_language(locale).strings
    # Blocks built from data (urgency boxes, the numbers table) cite sources of their own; list those too.
    listed = sorted(set(page.meta["sources"]) | cited_by_blocks(page))
    return link_citations(markdown) + source_list(
        listed, strings["sources_heading"], strings["sources_intro"]
    )


def name_citations(content: str, locale: str) -> str:
    """After the cards and the numbers table, which cite sources too, are in the page."""
    return name_citation_links(content, load_language(locale).strings["source_label"])
