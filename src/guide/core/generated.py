"""Blocks of HTML that the build makes from data (urgency boxes, the emergency numbers table) and place in a
page. A step puts a placeholder in the page's Markdown where the block goes, and fills it in once the
Markdown is rendered: so the check of what a page's own Markdown may produce (src/guide/checks/content_safety.py) sees
only what the translator wrote, and the check of what readers receive sees everything.

The placeholder carries a random token made at each start, which a translator cannot know or forge.
The sources a block cites are recorded on the page, so that src/guide/page/citations.py lists them.
"""

from __future__ import annotations

import secrets
from guide.core.engine import Page

_TOKEN = secrets.token_hex(12)
_CITED = "guide_block_sources"  # an attribute of the page: MkDocs pages are not hashable


def placeholder(name: str) -> str:
    """A paragraph of its own in the Markdown, where the block `name` will stand."""
    return f"\n\nguide-block-{_TOKEN}-{name}\n\n"


def fill(content: str, name: str, block: str) -> str:
    """Put the block in place of its placeholder in the rendered HTML."""
    return content.replace(f"<p>guide-block-{_TOKEN}-{name}</p>", block, 1)


def cite(page: Page, sources: set[int] | tuple[int, ...]) -> None:
    page.__dict__.setdefault(_CITED, set()).update(sources)


def cited_by_blocks(page: Page) -> set[int]:
    return page.__dict__.get(_CITED, set())
