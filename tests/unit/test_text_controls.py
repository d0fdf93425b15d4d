"""Characters that reverse or hide text (guide/checks/text_controls.py)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from guide.checks.text_controls import check_text_controls, hidden_character
from guide.core.input_files import ContentError

# Refused wherever they stand: bidirectional controls, blanks, zero-width and other format characters,
# private use, tags, controls and unusual spaces.
REFUSED_CHARACTERS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2800\u3164\uffa0\u200b\u2060\ufeff"
)
REFUSED_CHARACTERS += "\ue000\U000e0041\x1b\u2000\u180e"


@pytest.mark.parametrize(
    "char", REFUSED_CHARACTERS, ids=lambda char: unicodedata.name(char, f"U+{ord(char):04X}")
)
def test_characters_that_reverse_or_hide_text_are_refused(char: str) -> None:
    assert hidden_character(f"Faiblesse {char}des jambes") == (10, char)


@pytest.mark.parametrize(
    "text",
    ["ur\u200dgence", "\u200c\u200c\u200c", "\u2800" * 150],
    ids=["joiner between Latin letters", "non-joiners alone", "a page of braille blanks"],
)
def test_joiners_outside_a_script_and_blank_lines_are_refused(text: str) -> None:
    assert hidden_character(text) is not None


# What scripts and typography need: joiners in Persian, Devanagari and emoji, direction marks, no-break,
# ideographic and soft hyphen characters, tabs and newlines.
ALLOWED = [
    "می\u200cخواهم",
    "क्\u200dष",
    "\U0001f468\u200d\u2695\ufe0f",
    "الرقم\u200f 15",
    "\u061c١٥",
    "Urgence\u00a0: appelez\u202f!",
    "急症\u3000说明",
    "com\u00adpression",
    "a\tb\nc",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_what_scripts_need_is_allowed(text: str) -> None:
    assert hidden_character(text) is None


def test_the_refusal_names_the_line_and_the_character() -> None:
    with pytest.raises(ContentError, match=r"x\.md:3: the character U\+202E RIGHT-TO-LEFT OVERRIDE reverses"):
        check_text_controls("one\ntwo\nthree \u202e\n", Path("x.md"))
