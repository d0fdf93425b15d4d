"""[n] citation markers become links, and each page ends with the list of sources it cites.

Both are written into the page once its Markdown is rendered (guide/core/generated.py): the Markdown holds a
placeholder word for each marker and one for the list, so Python-Markdown never reads their HTML, and a page's
own Markdown may not produce citation markup at all.
"""

from __future__ import annotations

import html

from guide.catalogues.language_registry import load_language
from guide.catalogues.sources import (
    CITATION,
    all_sources,
    check_citations,
    citation_html,
    name_citation_links,
)
from guide.core.engine import Page
from guide.core.generated import cited_by_blocks, fill, fill_inline, inline_placeholder, placeholder

SOURCES_BLOCK = "sources"


def source_list(numbers: list[int]) -> str:
    """The sources, as an ordered list numbered by their ids."""
    items = []
    for number in sorted(numbers):
        source = all_sources()[number]
        text = html.escape(source.citation)
        if source.url:
            text += f' <a href="{html.escape(source.url)}" rel="noopener">{html.escape(source.url)}</a>'
        items.append(f'<li id="source-{number}" value="{number}">{text}</li>')
    return '<ol class="sources">\n' + "\n".join(items) + "\n</ol>"


def sources_heading(heading: str, intro: str) -> str:
    """The Markdown of the sources section, before its list."""
    return f"\n\n## {heading} {{#sources}}\n\n{intro}\n\n"


def _cited(page: Page) -> list[int]:
    # Blocks built from data (urgency boxes, the numbers table) cite sources of their own; list those too.
    return sorted(set(page.meta["sources"]) | cited_by_blocks(page))


def mark_citations_and_sources(markdown: str, page: Page, locale: str) -> str:
    """Each [n] marker and the list of sources as placeholders, after checking that every source cited is
    listed in front matter and every listed one cited."""
    check_citations(page.file.content_string, page.meta["sources"], page.file.abs_src_path)
    strings = load_language(locale).strings
    marked = CITATION.sub(
        lambda match: inline_placeholder("c" + "n".join(n.strip() for n in match.group(1).split(","))),
        markdown,
    )
    return (
        marked
        + sources_heading(strings["sources_heading"], strings["sources_intro"])
        + placeholder(SOURCES_BLOCK)
    )


def write_citations_and_sources(content: str, page: Page) -> str:
    """The rendered page with its citation links and its list of sources."""
    content = fill_inline(
        content, lambda name: citation_html([int(n) for n in name.removeprefix("c").split("n")])
    )
    return fill(content, SOURCES_BLOCK, source_list(_cited(page)))


def name_citations(content: str, locale: str) -> str:
    """After the cards and the numbers table, which cite sources too, are in the page."""
    return name_citation_links(content, load_language(locale).strings["source_label"])
