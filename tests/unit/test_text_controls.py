"""Characters that reverse or hide text (guide/checks/text_controls.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from guide.checks.text_controls import check_text_controls, hidden_character
from guide.core.input_files import ContentError

REFUSED = {
    "right-to-left override": "Faiblesse \u202edes jambes",
    "left-to-right override": "\u202dصعوبة المشي",
    "right-to-left embedding": "\u202bx",
    "pop directional formatting": "x\u202c",
    "first strong isolate": "\u2068x\u2069",
    "left-to-right isolate": "\u2066x",
    "braille blank": "\u2800" * 150,
    "hangul filler": "\u3164",
    "halfwidth hangul filler": "\uffa0",
    "zero-width space": "urgence\u200b",
    "word joiner": "a\u2060b",
    "byte order mark inside the text": "a\ufeffb",
    "zero-width joiner between Latin letters": "ur\u200dgence",
    "zero-width non-joiner alone": "\u200c\u200c\u200c",
    "private use": "\ue000",
    "tag character": "x\U000e0041",
    "escape control": "x\x1b[8m",
    "en quad space": "x\u2000y",
    "mongolian vowel separator": "x\u180ey",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_characters_that_reverse_or_hide_text_are_refused(text: str) -> None:
    assert hidden_character(text) is not None


ALLOWED = {
    "persian zero-width non-joiner": "می\u200cخواهم",
    "devanagari zero-width joiner": "क्\u200dष",
    "emoji zero-width joiner": "\U0001f468\u200d\u2695\ufe0f",
    "right-to-left mark": "الرقم\u200f 15",
    "arabic letter mark": "\u061c١٥",
    "french no-break spaces": "Urgence\u00a0: appelez\u202f!",
    "ideographic space": "急症\u3000说明",
    "soft hyphen": "com\u00adpression",
    "tabs and newlines": "a\tb\nc",
}


@pytest.mark.parametrize("text", ALLOWED.values(), ids=ALLOWED.keys())
def test_what_scripts_need_is_allowed(text: str) -> None:
    assert hidden_character(text) is None


def test_the_refusal_names_the_line_and_the_character() -> None:
    with pytest.raises(ContentError, match=r"x\.md:3: the character U\+202E RIGHT-TO-LEFT OVERRIDE reverses"):
        check_text_controls("one\ntwo\nthree \u202e\n", Path("x.md"))
