"""Build every urgency box from the triage catalogue: a page names sign ids, the build writes the words.

The Markdown box becomes a placeholder (guidelib/generated.py); once the page is rendered, the placeholder
becomes the box, in the page's language (guidelib/urgency_boxes.py).
"""

from __future__ import annotations

from guidelib.generated import cite, fill, placeholder
from guidelib.pages import ContentError
from guidelib.language_registry import load_language
from guidelib.urgency_boxes import Box, box_sources, find_boxes, render_box, replace_boxes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


def _boxes(page: Page) -> list[Box]:
    try:
        return find_boxes(page.file.content_string, page.file.abs_src_path or page.file.src_uri)
    except ContentError as error:
        raise PluginError(str(error)) from None


@event_priority(10)  # before hooks/citations.py lists the page's sources
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by:  # built by a hook, not written by a person
        return markdown
    boxes = _boxes(page)
    for box in boxes:
        cite(page, box_sources(box))
    return (
        replace_boxes(markdown, [placeholder(f"box-{index}") for index in range(len(boxes))])
        if boxes
        else markdown
    )


def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by:
        return content
    locale = config.theme["language"]
    language = load_language(locale)
    for index, box in enumerate(_boxes(page)):
        content = fill(content, f"box-{index}", render_box(box, language, locale))
    return content
