"""Every page carries complete front matter: title, description, review date and state, sources."""

from __future__ import annotations

from pathlib import Path

from guidelib.pages import ContentError, read_meta
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    if page.file.generated_by:  # built by a hook, not written by a person
        return markdown
    # MkDocs silently treats front matter with a YAML error as page text; read it ourselves to fail loudly.
    try:
        read_meta(Path(page.file.abs_src_path))
    except ContentError as error:
        raise PluginError(str(error)) from None
    return markdown
