"""Turn [n] citation markers into links, and end each page with the list of sources it cites."""

from __future__ import annotations

import html

from guidelib.pages import ContentError
from guidelib.generated import cited_by_blocks
from guidelib.sources import all_sources, check_citations, link_citations, name_citation_links
from guidelib.language_registry import load_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


def _source_list(numbers: list[int], heading: str, intro: str) -> str:
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


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by:  # built by a hook, not written by a person
        return markdown
    try:
        check_citations(page.file.content_string, page.meta["sources"], page.file.abs_src_path)
    except ContentError as error:
        raise PluginError(str(error)) from None
    strings = load_language(config.theme["language"]).strings
    # Blocks built from data (urgency boxes, the numbers table) cite sources of their own; list those too.
    listed = sorted(set(page.meta["sources"]) | cited_by_blocks(page))
    return link_citations(markdown) + _source_list(
        listed, strings["sources_heading"], strings["sources_intro"]
    )


@event_priority(-10)  # after the cards and the numbers table, which cite sources too, are in the page
def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by:
        return content
    return name_citation_links(content, load_language(config.theme["language"]).strings["source_label"])
