"""English pages meet the reading-level target (textstat 0.7.4: offline syllable counts via pyphen)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from guide.checks.readability import GRADE_LIMIT, SMOG_LIMIT, plain_text, score
from guide.core.project import project
from helpers import GUIDE_COMMAND

DOCS = project().docs

ENGLISH_PAGES = sorted((DOCS / "en").glob("*.md"))


@pytest.mark.parametrize("path", ENGLISH_PAGES, ids=lambda path: path.name)
def test_english_page_reading_level(path: Path) -> None:
    result = score(path.read_text(encoding="utf-8"))
    assert result.smog <= SMOG_LIMIT, f"{path.name}: SMOG {result.smog} > {SMOG_LIMIT}"
    assert result.grade <= GRADE_LIMIT, f"{path.name}: Flesch-Kincaid grade {result.grade} > {GRADE_LIMIT}"


def test_scorer_tells_hard_text_from_plain_text() -> None:
    plain = "---\ntitle: t\n---\nYou can call us. We will help you. The pain can get worse at night.\n"
    hard = (
        "---\ntitle: t\n---\nMetastatic epidural spinal cord compression necessitates immediate "
        "multidisciplinary neurological evaluation, corticosteroid administration, and comprehensive "
        "magnetic resonance imaging investigations considering radiotherapeutic and neurosurgical "
        "interventions.\n"
    )
    assert score(plain).ok
    assert not score(hard).ok
    assert "[6]" not in plain_text("Text [6].\n")


@pytest.mark.parametrize("argument", ["pt", "docs/es/symptoms.md"])
def test_readability_of_something_not_an_english_page_is_one_line(argument: str) -> None:
    """`guide readability pt` (a language, not a page) or a translated page: one line saying what it takes,
    never a traceback."""
    result = subprocess.run(
        [GUIDE_COMMAND, "readability", argument],
        cwd=DOCS.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{argument}:1: not an English page: readability measures English pages only; give paths such as "
        "docs/en/symptoms.md, or none for every English page"
    ]
