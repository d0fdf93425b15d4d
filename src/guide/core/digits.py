"""Runs of digits as readers see them: in any script, after Unicode NFKC normalisation. A phone number can be
typed in Arabic-Indic (٩٩٩), superscript (⁹⁹⁹) or full-width (９９９) digits; `\\d` alone misses some."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_ASCII_DIGITS = re.compile("[0-9]+")
_DIGIT_PLANES_END = 0x20000


@dataclass(frozen=True)
class DigitRun:
    digits: str  # in ASCII digits
    written: str  # as the text writes it, to find its line


@functools.cache
def _any_digit() -> re.Pattern[str]:
    """A character str.isdigit() calls a digit: \\d, and the circled, Ethiopic and other digits it misses."""
    # No digit lies past the first two planes (the unit tests check every character).
    missed = "".join(
        char for char in map(chr, range(_DIGIT_PLANES_END)) if char.isdigit() and not char.isdecimal()
    )
    return re.compile(rf"[\d{re.escape(missed)}]")


def digit_runs(text: str) -> list[DigitRun]:
    """Every run of digits in the text, in any script, after NFKC normalisation."""
    # Most texts are ASCII, or hold no character whose decomposition is a digit: both answered in C.
    if text.isascii():
        return [DigitRun(found.group(), found.group()) for found in _ASCII_DIGITS.finditer(text)]
    if not _any_digit().search(unicodedata.normalize("NFKD", text)):
        return []
    return _digit_runs_of_each_character(text)


def _digit_runs_of_each_character(text: str) -> list[DigitRun]:
    normal: list[str] = []
    origin: list[int] = []  # for each normalised character, where it came from in text
    for index, char in enumerate(text):
        for part in char if char < "\x80" else unicodedata.normalize("NFKC", char):
            normal.append(part)
            origin.append(index)
    runs, start = [], None
    for position, char in enumerate([*normal, ""]):
        if char.isdigit():
            start = position if start is None else start
        elif start is not None:
            digits = "".join(str(unicodedata.digit(digit)) for digit in normal[start:position])
            runs.append(DigitRun(digits, text[origin[start] : origin[position - 1] + 1]))
            start = None
    return runs


def new_digit_run(text: str, english: str) -> DigitRun | None:
    """The first run of digits in text that the English text does not have, or None."""
    allowed = {run.digits for run in digit_runs(english)}
    return next((run for run in digit_runs(text) if run.digits not in allowed), None)
