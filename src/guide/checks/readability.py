"""Reading-level scores for English pages.

We use textstat 0.7.4, pinned: it counts syllables with pyphen's bundled dictionaries and so works
offline. textstat 0.7.5 and later download NLTK data at run time, which fails without a network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from guide.core.pages import split_front_matter

SMOG_LIMIT = 9.0
GRADE_LIMIT = 7.0

_ADMONITION = re.compile(r'^(\s*)(!!!|\?\?\?\+?)\s+\w+(?:\s+"([^"]*)")?\s*$')
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CITATION = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_MARKUP = re.compile(r"[*_`#>|]|\{[^}]*\}|<[^>]+>")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


@dataclass(frozen=True)
class Score:
    smog: float
    grade: float

    @property
    def ok(self) -> bool:
        return self.smog <= SMOG_LIMIT and self.grade <= GRADE_LIMIT


def plain_text(markdown: str) -> str:
    """Markdown to prose: each heading, list item, title and table cell counts as its own sentence."""
    sentences: list[str] = []
    for line in split_front_matter(markdown)[1].splitlines():
        if admonition := _ADMONITION.match(line):
            line = admonition.group(3) or ""
        if set(line.strip()) <= set("|-: "):
            continue  # table rule or blank line
        cells = line.split("|") if "|" in line else [line]
        for cell in cells:
            text = _LIST_MARK.sub("", cell)
            text = _CITATION.sub("", text)
            text = _LINK.sub(r"\1", text)
            text = _MARKUP.sub("", text).strip()
            if text.startswith(":"):
                text = text.lstrip(": ")
            if not text:
                continue
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return " ".join(sentences)


def score(markdown: str) -> Score:
    text = plain_text(markdown)
    return Score(smog=textstat.smog_index(text), grade=textstat.flesch_kincaid_grade(text))
