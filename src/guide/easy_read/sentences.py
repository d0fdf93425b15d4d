"""What makes a sentence Easy Read (the UK conventions): one idea per sentence, at most 15 words. Words are
counted with jieba in Chinese, which writes no spaces between words, and between spaces elsewhere (Arabic
clitics stay part of their word; a hyphenated word is one). A translator's sentence that breaks a rule
stops the build with its file and line."""

from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core.pages import ContentError
from guide.core.yaml_lines import KeyPath, line_of

if TYPE_CHECKING:
    from guide.catalogues.triage import Wording

MAX_WORDS = 15
# A word is a run of letters or digits, with the apostrophes and hyphens inside it ("l'aide", "out-of-hours").
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# The end of a sentence followed by more words: a second sentence ("Call now. Then rest."). Latin, Chinese
# and Arabic full stops, question and exclamation marks.
_SECOND_SENTENCE = re.compile(r"[.!?。！？؟](?=\s*\w)")


@functools.cache
def _chinese_words(text: str) -> tuple[str, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # jieba 0.42's own regular expressions
        import jieba  # loaded only when a Chinese sentence is counted (about a second)

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are no news to a translator
    return tuple(token for token in jieba.lcut(text) if _WORD.search(token))


def _without_marks(text: str) -> str:
    """Combining marks (Arabic short vowels and tanwin, decomposed accents) are not word characters for
    `re`: without them, "ليلًا" stays one word."""
    return "".join(char for char in text if not unicodedata.category(char).startswith("M"))


def word_count(text: str, language: str) -> int:
    if language.startswith("zh"):
        return len(_chinese_words(text))
    return len(_WORD.findall(_without_marks(text)))


def sentence_problem(text: str, language: str) -> str | None:
    """Why a text is not one Easy Read sentence, or None."""
    if _SECOND_SENTENCE.search(_without_marks(text)):
        return "holds more than one sentence; Easy Read says one idea per sentence: keep one sentence"
    words = word_count(text, language)
    if words > MAX_WORDS:
        return f"has {words} words; Easy Read sentences have at most {MAX_WORDS}: say it more shortly"
    return None


def check_sentence(
    text: str, key_path: KeyPath, language: str, lines: dict[KeyPath, int], path: Path
) -> None:
    problem = sentence_problem(text, language)
    if problem:
        raise ContentError(path, line_of(lines, *key_path), f"'{'.'.join(map(str, key_path))}' {problem}")


def check_easy_read(
    words: Wording, root: KeyPath, language: str, lines: dict[KeyPath, int], path: Path
) -> None:
    """Every Easy Read sentence of a language (its heading, lead, actions and signs) is one short sentence."""
    for key_path, text in words.easy_read_texts():
        check_sentence(text, (*root, *key_path), language, lines, path)
