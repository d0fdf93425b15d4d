"""Characters that change how text is shown without being seen are refused in the files translators change
(docs/<lang>/*.md, translations/<lang>.yml), with file and line.

- Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can show a warning sign
  reversed or moved. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) only set the direction of
  neighbouring punctuation, as right-to-left text needs, and stay allowed.
- Invisible or "blank" characters used as content (Braille blank, Hangul fillers, zero-width space, word
  joiner, other format and control characters, private-use characters, unusual spaces) can push a card off
  the first screen or hide words from the checks. Zero-width joiner and non-joiner are allowed where a script
  needs them: between two letters of a script other than Latin (Arabic, Persian, Indic), and ZWJ in emoji.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from guide.core.engine import Page
from guide.core.input_files import ContentError

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BLANKS = frozenset("\u2800\u115f\u1160\u3164\uffa0\u180e")
ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_JOINER = "\u200c", "\u200d"
# Format characters that shape text visibly: soft hyphen, the direction marks.
ALLOWED_FORMAT = frozenset("\u00ad\u200e\u200f\u061c")
# Spaces a translation uses: plain, no-break (French), thin and narrow no-break, ideographic (Chinese).
ALLOWED_SPACES = frozenset(" \u00a0\u2009\u202f\u3000")
LAST_LATIN = 0x24F


def _joins_a_script(previous: str, following: str, joiner: str) -> bool:
    def letter(char: str) -> bool:
        return ord(char) > LAST_LATIN and unicodedata.category(char)[0] in "LM"

    def emoji(char: str) -> bool:
        return unicodedata.category(char) in ("So", "Sk") or char == "\ufe0f"

    if letter(previous) and letter(following):
        return True
    return joiner == ZERO_WIDTH_JOINER and emoji(previous) and emoji(following)


def hidden_character(text: str) -> tuple[int, str] | None:
    """(index, character) of the first character that reverses or hides text, or None."""
    for index, char in enumerate(text):
        if " " <= char < "\x7f" or char in "\t\n":
            continue
        category = unicodedata.category(char)
        if char in (ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_JOINER):
            previous = text[index - 1] if index else " "
            following = text[index + 1] if index + 1 < len(text) else " "
            if _joins_a_script(previous, following, char):
                continue
            return index, char
        if char in BIDI_CONTROLS or char in BLANKS:
            return index, char
        if category in ("Cf", "Cc", "Co") and char not in ALLOWED_FORMAT:
            return index, char
        if category == "Zs" and char not in ALLOWED_SPACES:
            return index, char
    return None


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def check_text_controls(text: str, path: Path | str) -> None:
    found = hidden_character(text)
    if found is None:
        return
    index, char = found
    what = "reverses or moves text" if char in BIDI_CONTROLS else "is invisible or blank"
    raise ContentError(
        path,
        text.count("\n", 0, index) + 1,
        f"the character {describe(char)} {what}; delete it (an editor's 'show invisible characters' shows it)",
    )


def check_page(page: Page, source: str | None) -> None:
    if source is not None and page.file.abs_src_path:
        check_text_controls(source, page.file.abs_src_path)
