"""Translations of English pages: which exist, which are out of date, and whether they keep the
English page's safety structure (urgency boxes, headings, links).

A translated page records the English version it was made from as a hash of the English file:

    translation:
      source_hash: 3f2a9c1d0b7e      # `.venv/bin/guide stamp docs/<lang>/<page>.md` writes it
      state: machine-assisted-draft  # "reviewed" only with a record in data/reviews.yml;
                                     # untranslated: still the English text (a new language's scaffold)
      reviewed_by: ""                # kept empty: reviews are recorded in data/reviews.yml (guide/approvals/reviews.py)
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.core.pages import ContentError, body_offset, read_meta, read_text_file, split_front_matter
from guide.core.project import project
from guide.catalogues.triage import TIERS as URGENCY_KINDS
from guide.diagrams.drawings import DRAWINGS

SOURCE_LANGUAGE = "en"
TRANSLATION_STATES = ("untranslated", "machine-assisted-draft", "reviewed")
UNTRANSLATED = TRANSLATION_STATES[0]

_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+(\w+)")
_DIAGRAM = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")  # guide/diagrams/steps.py
_SIGNS = re.compile(r"^\s+signs:(.*)$")  # the ids are stripped one by one
_HEADING_START = re.compile(r"(#{1,6})\s")
_ID = re.compile(r"[\w-]+")
_LINK = re.compile(r"\]\(([^)\s\]]+)\)")  # linear: a target stops at "]" too


def content_hash(data: bytes) -> str:
    """Short fingerprint of a page's text; line endings do not count."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()[:12]


def source_hash(path: Path) -> str:
    """Fingerprint of an English page as it is now; a translation stores the one it was made from."""
    return content_hash(path.read_bytes())


def english_source(translated: Path, docs: Path | None = None) -> Path:
    """The English page of a translated page in docs (the project's docs/ unless given)."""
    docs = docs or project().docs
    relative = translated.relative_to(docs)
    return docs / SOURCE_LANGUAGE / Path(*relative.parts[1:])


def translated_page(english: Path, language: str) -> Path:
    return project().docs / language / english.relative_to(project().docs / SOURCE_LANGUAGE)


def translation_meta(path: Path) -> dict[str, Any]:
    meta = read_meta(path)
    info = meta.get("translation")
    if not isinstance(info, dict) or not isinstance(info.get("source_hash"), str):
        raise ContentError(
            path,
            1,
            "front matter lacks 'translation: source_hash' (run: .venv/bin/guide stamp "
            f"{path.relative_to(project().root)})",
        )
    if info.get("state") not in TRANSLATION_STATES:
        raise ContentError(path, 1, f"translation.state must be one of {', '.join(TRANSLATION_STATES)}")
    return info


def is_outdated(path: Path) -> bool:
    return translation_meta(path)["source_hash"] != source_hash(english_source(path))


def missing_pages(language: str) -> list[str]:
    """Messages for English pages with no translation, and translations with no English page."""
    english = {
        p.relative_to(project().docs / SOURCE_LANGUAGE)
        for p in (project().docs / SOURCE_LANGUAGE).rglob("*.md")
    }
    translated = {p.relative_to(project().docs / language) for p in (project().docs / language).rglob("*.md")}
    problems = [
        f"docs/{SOURCE_LANGUAGE}/{page} has no translation: docs/{language}/{page} is missing "
        f"(copy the English page there and translate it)"
        for page in sorted(english - translated)
    ]
    problems += [
        f"docs/{language}/{page} has no English source: docs/{SOURCE_LANGUAGE}/{page} does not exist "
        f"(rename it to match an English page, or delete it)"
        for page in sorted(translated - english)
    ]
    return problems


@dataclass(frozen=True)
class Structure:
    """The parts of a page that must survive translation, each with its file line number."""

    urgency_boxes: list[tuple[str, int]]  # ("emergency: weakness, walking", line): the kind and its sign ids
    headings: list[tuple[str, int]]  # (level and id, line)
    links: list[tuple[str, int]]
    diagrams: list[tuple[str, int]]  # ("spine-diagram", line), in order


def heading_level_and_id(line: str) -> tuple[str, str] | None:
    """('##', 'symptoms') for '## Symptoms {#symptoms}', ('##', '') without an id, None if not a heading.
    Read in time linear in the line: a pattern with '.*?' before an optional id took minutes on a heading
    padded with spaces."""
    start = _HEADING_START.match(line)
    if start is None:
        return None
    text = line.rstrip()
    opening = text.rfind("{#")
    found = text.endswith("}") and opening >= start.end() and _ID.fullmatch(text, opening + 2, len(text) - 1)
    return start.group(1), text[opening + 2 : -1] if found else ""


def structure(markdown: str) -> Structure:
    boxes, headings, links, diagrams = [], [], [], []
    fenced = False
    offset = body_offset(markdown)
    for number, line in enumerate(split_front_matter(markdown)[1].splitlines(), start=offset + 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if (diagram := _DIAGRAM.match(line)) and diagram.group(1) in DRAWINGS:
            diagrams.append((diagram.group(1), number))
        elif (box := _ADMONITION.match(line)) and box.group(1) in URGENCY_KINDS:
            boxes.append((box.group(1), number))
        elif boxes and boxes[-1][1] == number - 1 and (signs := _SIGNS.match(line)):
            ids = ", ".join(part.strip() for part in signs.group(1).split(",") if part.strip())
            boxes[-1] = (f"{boxes[-1][0]}: {ids}", boxes[-1][1])
        elif heading := heading_level_and_id(line):
            headings.append((f"{heading[0]} {{#{heading[1]}}}", number))
        links += [(target, number) for target in _LINK.findall(line)]
    return Structure(boxes, headings, links, diagrams)


def _describe(box: str) -> str:
    """'emergency: weakness, walking' -> "'!!! emergency' with 'signs: weakness, walking'"."""
    kind, _, signs = box.partition(": ")
    return f"'!!! {kind}'" + (f" with 'signs: {signs}'" if signs else "")


def parity_problems(translated: Path) -> list[str]:
    """How a translation differs from its English page in urgency boxes, headings or link targets."""
    english_path = english_source(translated)
    english = structure(read_text_file(english_path))
    ours = structure(read_text_file(translated))
    name = translated.relative_to(project().root)
    problems = []

    english_boxes = [kind for kind, _ in english.urgency_boxes]
    our_boxes = [kind for kind, _ in ours.urgency_boxes]
    if our_boxes != english_boxes:
        for index, expected in enumerate(english_boxes):
            found = our_boxes[index] if index < len(our_boxes) else None
            if found != expected:
                line = (
                    ours.urgency_boxes[index][1]
                    if found
                    else (ours.urgency_boxes[-1][1] if ours.urgency_boxes else 1)
                )
                problems.append(
                    f"{name}:{line}: urgency box {index + 1} should be {_describe(expected)} as in "
                    f"{english_path.relative_to(project().root)} line {english.urgency_boxes[index][1]}"
                    + (f", found {_describe(found)}" if found else ", but it is missing")
                )
                break
        else:
            extra_kind, extra_line = ours.urgency_boxes[len(english_boxes)]
            problems.append(
                f"{name}:{extra_line}: extra {_describe(extra_kind)} box that the English page does not have"
            )

    english_diagrams = [kind for kind, _ in english.diagrams]
    if [kind for kind, _ in ours.diagrams] != english_diagrams:
        line = next(
            (
                line
                for (kind, line), expected in zip(ours.diagrams, english_diagrams, strict=False)
                if kind != expected
            ),
            ours.diagrams[len(english_diagrams)][1] if len(ours.diagrams) > len(english_diagrams) else 1,
        )
        problems.append(
            f"{name}:{line}: the diagrams should be the English page's, in its order: "
            + (", ".join(f"'!!! {kind}'" for kind in english_diagrams) or "none")
        )

    if len(ours.headings) != len(english.headings):
        problems.append(
            f"{name}: has {len(ours.headings)} headings, the English page has {len(english.headings)}"
        )
    # A different count is reported above; still name the first headings that differ.
    for (ours_heading, line), (english_heading, english_line) in zip(
        ours.headings, english.headings, strict=False
    ):
        if ours_heading != english_heading:
            problems.append(
                f"{name}:{line}: heading should be '{english_heading}' (level and id) as in the English "
                f"page line {english_line}"
            )
            break

    missing = Counter(t for t, _ in english.links) - Counter(t for t, _ in ours.links)
    extra = Counter(t for t, _ in ours.links) - Counter(t for t, _ in english.links)
    for target in missing:
        problems.append(f"{name}: link to '{target}' from the English page is missing")
    for target in extra:
        line = next(line for t, line in ours.links if t == target)
        problems.append(f"{name}:{line}: link to '{target}' is not in the English page")
    return problems
