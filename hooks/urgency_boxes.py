"""Build every urgency box from the triage catalogue: a page names sign ids, the build writes the words.

See hooks/guidelib/urgency_boxes.py. Runs before hooks/citations.py, which links the boxes' citations and
adds their sources to the page's source list.
"""

from __future__ import annotations

from guidelib.pages import ContentError
from guidelib.translations import load_language
from guidelib.urgency_boxes import find_boxes, render_box, replace_boxes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(10)  # before hooks/citations.py turns [n] into links
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by:  # built by a hook, not written by a person
        return markdown
    locale = config.theme["language"]
    try:
        boxes = find_boxes(page.file.content_string, page.file.abs_src_path or page.file.src_uri)
        language = load_language(locale)
    except ContentError as error:
        raise PluginError(str(error)) from None
    if not boxes:
        return markdown
    return replace_boxes(markdown, [render_box(box, language, locale) for box in boxes])
