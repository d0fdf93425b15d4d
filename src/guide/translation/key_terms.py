"""Key terms: each language's one agreed word for the guide's important English terms.

translations/<lang>.yml holds them under `key_terms:`, keyed by the English term:

    key_terms:
      spinal cord compression:
        use: "compresión de la médula espinal"   # the one term to use
        accept: ["compresión medular"]           # a few other forms that are also right (optional)

translations/en.yml has the same keys, with the English forms to look for and `safety: true` on the terms a
patient must not miss (emergency, spinal cord compression, cancer team, ...). A translated page whose English
page uses a key term, but which uses none of the language's forms for it, is reported: a safety term stops
the build, any other term is a note.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.core.input_files import ContentError
from guide.core.pages import body_offset, split_front_matter
from guide.core.yaml_lines import line_of

MAX_ACCEPTED = 5
# A form shorter than this many letters (a wide character, as in Chinese, counts two) would match inside
# unrelated words: a one-letter accepted form satisfies the check anywhere.
MIN_FORM_LETTERS = 3
# Arabic short vowels and tatweel are optional in writing: a term matches with or without them.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
# An urgency box's kind (`!!! emergency`), its sign ids (`signs: ...`), link targets (`](x.md#emergency)`) and
# heading ids (`{#emergency}`) are markers, not words a reader sees.
# A link reference definition (`[term]: target`) is never shown: a term hidden there does not count.
_MARKERS = re.compile(
    r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+|^[ \t]+signs:.*$|\]\([^)\s\]]*\)|\{#[\w-]+\}"
    r"|^ {0,3}\[[^\]\n]{1,999}\]:.*$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class KeyTerm:
    english: str
    use: str
    accept: tuple[str, ...]
    safety: bool
    line: int  # of the term in its translations/<lang>.yml

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.use, *self.accept)


@dataclass(frozen=True)
class MissingTerm:
    term: KeyTerm  # in the translation's language
    english_line: int  # where the English page uses it
    safety: bool  # as translations/en.yml says

    def message(self, translated: Path, english: Path, terms_file: Path, root: Path) -> str:
        forms = ", ".join(f"'{form}'" for form in self.term.forms)
        return (
            f"{english.relative_to(root)}:{self.english_line}: uses the key term '{self.term.english}', but "
            f"{translated.relative_to(root)} uses none of {forms}: write '{self.term.use}', or, if your "
            f"wording is right, add it to 'accept' at {terms_file.relative_to(root)}:{self.term.line}"
        )


def parse_key_terms(
    data: dict[str, Any], lines: dict, path: Path, english_terms: tuple[str, ...] | None
) -> dict[str, KeyTerm]:
    """The `key_terms:` section of one translations file; english_terms (None for English) are the keys it must have."""
    if "glossary" in data:  # the old, unchecked form of the same list
        raise ContentError(
            path,
            line_of(lines, "glossary"),
            "'glossary' is now 'key_terms', with 'use:' and "
            "'accept:' under each term: see CONTRIBUTING.md, Key terms",
        )
    section = data.get("key_terms")
    if not isinstance(section, dict) or not section:
        raise ContentError(
            path, line_of(lines, "key_terms"), "'key_terms' is missing or not a mapping of English terms"
        )
    terms: dict[str, KeyTerm] = {}
    for english, entry in section.items():
        line = line_of(lines, "key_terms", english)
        if english_terms is not None and english not in english_terms:
            raise ContentError(
                path, line, f"unknown key term '{english}': use the English terms of translations/en.yml"
            )
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str) or not entry["use"].strip():
            raise ContentError(path, line, f"key term '{english}' needs 'use: \"the one term to use\"'")
        accept = entry.get("accept", [])
        if not isinstance(accept, list) or not all(isinstance(form, str) and form.strip() for form in accept):
            raise ContentError(
                path,
                line_of(lines, "key_terms", english, "accept"),
                f"'accept' of key term '{english}' must be a list of words, like [\"a\", \"b\"]",
            )
        for index, form in enumerate((entry["use"], *accept)):
            if letters(form) < MIN_FORM_LETTERS:
                where = (
                    ("key_terms", english, "accept", index - 1) if index else ("key_terms", english, "use")
                )
                raise ContentError(
                    path,
                    line_of(lines, *where),
                    f"'{form.strip()}' is too short for key term '{english}' (at least {MIN_FORM_LETTERS} "
                    "letters): write the whole word",
                )
        if len(accept) > MAX_ACCEPTED:  # a long list would let any wording pass
            raise ContentError(
                path,
                line_of(lines, "key_terms", english, "accept"),
                f"key term '{english}' accepts {len(accept)} forms; keep the {MAX_ACCEPTED} most used",
            )
        unknown = entry.keys() - {"use", "accept", "safety"}
        if unknown or (english_terms is not None and "safety" in entry):
            key = min(unknown) if unknown else "safety"
            where = (
                "is set in translations/en.yml only"
                if key == "safety"
                else "is not a key term field (use, accept)"
            )
            raise ContentError(path, line_of(lines, "key_terms", english, key), f"'{key}' {where}")
        terms[str(english)] = KeyTerm(
            english=str(english),
            use=entry["use"].strip(),
            accept=tuple(form.strip() for form in accept),
            safety=entry.get("safety") is True,
            line=line,
        )
    for english in english_terms or ():
        if english not in terms:
            raise ContentError(
                path, line_of(lines, "key_terms"), f"missing key term '{english}': add it, translated"
            )
    return terms


def letters(form: str) -> int:
    """How long a form is for the reader: letters and digits, a wide (Chinese, Japanese) character counting two."""
    return sum(
        2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in _normalise(form) if char.isalnum()
    )


def uses_term(text: str, forms: tuple[str, ...]) -> bool:
    """Whether a text (a card's words as rendered) uses one of forms."""
    words = _normalise(text)
    return any(_normalise(form) in words for form in forms)


def _normalise(text: str) -> str:
    """Case, line breaks, Unicode forms and Arabic short vowels do not matter when looking for a term."""
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return re.sub(r"\s+", " ", text)


def page_words(markdown: str) -> str:
    """The body of a page as the reader sees its words: no front matter, no urgency-box markers."""
    return _normalise(_MARKERS.sub("", split_front_matter(markdown)[1]))


@functools.lru_cache(maxsize=8)
def _lines_read_in_pairs(markdown: str) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    """The page body's first file line, and each body line normalised: alone, and joined with the next
    (Markdown may break a term across two lines). Made once per page, not once per term."""
    _, body = split_front_matter(markdown)
    lines = [_normalise(line) for line in _MARKERS.sub("", body).split("\n")]
    following = [*lines[1:], ""]
    pairs = tuple(re.sub(" +", " ", f"{line} {after}") for line, after in zip(lines, following, strict=True))
    return body_offset(markdown), tuple(following), pairs


def first_use(markdown: str, forms: tuple[str, ...]) -> int | None:
    """The file line where a page first uses one of forms (None if it never does)."""
    offset, following, pairs = _lines_read_in_pairs(markdown)
    wanted = [_normalise(form) for form in forms]
    for index, pair in enumerate(pairs):
        # Report the line where a term starts, not the next one that ends it.
        if any(form in pair and form not in following[index] for form in wanted):
            return offset + index + 1
    return None


def missing_terms(
    english_markdown: str,
    translated_markdown: str,
    english_terms: dict[str, KeyTerm],
    terms: dict[str, KeyTerm],
) -> list[MissingTerm]:
    """Key terms the English page uses for which the translated page has none of the agreed forms."""
    words = page_words(translated_markdown)
    missing = []
    for english, term in terms.items():
        line = first_use(english_markdown, english_terms[english].forms)
        if line is not None and not any(_normalise(form) in words for form in term.forms):
            missing.append(MissingTerm(term=term, english_line=line, safety=english_terms[english].safety))
    return missing


def card_term_gaps(
    cards: dict[str, tuple[str, str]], english_terms: dict[str, KeyTerm], terms: dict[str, KeyTerm]
) -> list[tuple[str, KeyTerm]]:
    """The safety terms that an English card's words use and its translation's do not (pure).
    cards: card name -> (English words, translated words), as the card prints them."""
    return [
        (card, terms[english])
        for card, (english_words, words) in cards.items()
        for english, term in english_terms.items()
        if term.safety and uses_term(english_words, term.forms) and not uses_term(words, terms[english].forms)
    ]
