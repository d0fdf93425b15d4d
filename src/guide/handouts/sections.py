"""One part of a language's print source (handouts.py): a page of the guide, or a part of the booklet
(booklet.py), each on its own named pages with its own footer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Section:
    name: str  # its CSS named page and its element id; the prefix of the ids inside it
    title: str  # the title of the page's own PDF
    footer: str  # its sheets' footer, before the sheet numbers
    content: str  # the <article> that holds the content of its embed view
    target: Path  # the page's own PDF
