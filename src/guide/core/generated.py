"""Blocks of HTML that the build makes from data (urgency boxes, the emergency numbers table) and place in a
page. A step puts a placeholder in the page's Markdown where the block goes, and fills it in once the
Markdown is rendered: so the check of what a page's own Markdown may produce (src/guide/checks/content_safety.py) sees
only what the translator wrote, and the check of what readers receive sees everything.

The placeholder carries a random token made at each start, which a translator cannot know or forge.
The sources a block cites are recorded on the page, so that src/guide/page/citations.py lists them.

A page the build writes whole (the alert card, Easy Read, the translation status) keeps its HTML out of
Markdown the same way: its file carries its blocks, and only its title and headings are Markdown (for the
table of contents). Python-Markdown reads raw HTML with an HTML parser written in Python, which took longer
over those pages than over every page people write.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from guide.core.engine import File, MkDocsConfig, Page

_TOKEN = secrets.token_hex(12)
_CITED = "guide_block_sources"  # an attribute of the page: MkDocs pages are not hashable
_HELD = "guide_held_blocks"  # an attribute of a generated page's file


def placeholder(name: str) -> str:
    """A paragraph of its own in the Markdown, where the block `name` will stand."""
    return f"\n\nguide-block-{_TOKEN}-{name}\n\n"


def inline_placeholder(name: str) -> str:
    """A word inside a line of Markdown, where an inline piece (a citation) will stand. `name`: lowercase
    letters and digits, which Markdown leaves as they are."""
    return f"guideinline{_TOKEN}{name}end"


_INLINE = re.compile(f"guideinline{_TOKEN}([a-z0-9]+)end")


def fill_inline(content: str, piece: Callable[[str], str]) -> str:
    """Every inline placeholder in the rendered HTML replaced by the piece made from its name."""
    return _INLINE.sub(lambda match: piece(match.group(1)), content)


def fill(content: str, name: str, block: str) -> str:
    """Put the block in place of its placeholder in the rendered HTML."""
    return content.replace(f"<p>guide-block-{_TOKEN}-{name}</p>", block, 1)


def cite(page: Page, sources: set[int] | tuple[int, ...]) -> None:
    page.__dict__.setdefault(_CITED, set()).update(sources)


def cited_by_blocks(page: Page) -> set[int]:
    return page.__dict__.get(_CITED, set())


def generated_page(config: MkDocsConfig, path: str, markdown: str, blocks: dict[str, str]) -> File:
    """A page the build writes: its Markdown, with a placeholder for each of its HTML blocks."""
    file = File.generated(config, path, content=markdown)
    file.__dict__[_HELD] = blocks
    return file


def fill_held_blocks(content: str, page: Page) -> str:
    """A generated page's rendered HTML with its blocks in place."""
    for name, block in page.file.__dict__.get(_HELD, {}).items():
        content = fill(content, name, block)
    return content
