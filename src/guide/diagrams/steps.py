"""Diagrams in pages: a page places one by a line of its own, which translators keep as it is,

    !!! spine-diagram

and the build draws it there in the page's language (guide/diagrams/drawings.py), with its caption and the
sources that caption cites. Like the urgency cards, the marker becomes a placeholder before the Markdown is
rendered (guide/core/generated.py) and the figure once it is.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from guide.catalogues.language_registry import load_language
from guide.catalogues.sources import citation_html
from guide.core.engine import Page
from guide.core.generated import cite, fill, placeholder
from guide.core.pages import ContentError, body_offset, split_front_matter
from guide.core.site_config import text_direction
from guide.diagrams.drawings import DRAWINGS

# Each diagram's caption says what the brief's sources say (medical-brief.md): the caption's sources.
CAPTION_SOURCES: dict[str, tuple[int, ...]] = {
    "spine-diagram": (6, 7, 14),  # cancer pressing on the cord is cord compression; most often the chest part
    "body-map": (6, 8, 14, 16),  # a band of nerve pain around the chest or tummy; saddle numbness
}
# The UI strings of each diagram's alt text and caption (translations/<lang>.yml).
CAPTIONS = {"spine-diagram": "diagram_spine_caption", "body-map": "diagram_body_caption"}
_OPENER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<rest>.*)$")
_MARKER_LINE = re.compile(r"^!!![ \t]+(?P<kind>[\w-]+)[ \t]*$", re.MULTILINE)


def find_diagrams(markdown: str, path: Path | str) -> list[str]:
    """The diagrams a page file places, in order; a marker written any other way stops the build."""
    offset = body_offset(markdown)
    lines = split_front_matter(markdown)[1].splitlines()
    found: list[str] = []
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        opener = None if fenced else _OPENER.match(line)
        if not opener or opener["kind"] not in DRAWINGS:
            continue
        number, kind = offset + index + 1, opener["kind"]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if opener["marker"] != "!!!" or opener["indent"] or opener["rest"].strip() or following.strip():
            raise ContentError(
                path,
                number,
                f"write the diagram as '!!! {kind}' alone on its line, with an empty line after it: the build "
                "draws it and writes its words from translations/<lang>.yml",
            )
        found.append(kind)
    return found


def mark_diagrams(markdown: str, page: Page) -> tuple[str, list[str]]:
    """Each diagram marker as a placeholder (before the citations are listed: captions cite sources)."""
    if page.file.generated_by:
        return markdown, []
    found = find_diagrams(page.file.content_string, page.file.abs_src_path or page.file.src_uri)
    for kind in found:
        cite(page, CAPTION_SOURCES[kind])
    names = iter(range(len(found)))
    return _MARKER_LINE.sub(
        lambda marker: placeholder(f"diagram-{next(names)}") if marker["kind"] in DRAWINGS else marker[0],
        markdown,
    ), found


def diagram_figure(kind: str, locale: str) -> str:
    """The figure: the drawing, in the page's language and direction, and its cited caption."""
    strings = load_language(locale).strings
    caption = html.escape(strings[CAPTIONS[kind]])
    return (
        f'<figure class="diagram">{DRAWINGS[kind](strings, text_direction(locale))}'
        f"<figcaption>{caption} {citation_html(CAPTION_SOURCES[kind])}</figcaption></figure>"
    )


def write_diagrams(content: str, locale: str, found: list[str]) -> str:
    for index, kind in enumerate(found):
        content = fill(content, f"diagram-{index}", diagram_figure(kind, locale))
    return content
