"""A language's pages as one PO file, for translators who work in a CAT tool (memoQ, Trados, Poedit, Weblate...).

Each translatable piece of a page becomes one PO unit: the page title and description, each heading's text,
each urgency-box title, each paragraph, list item and glossary definition. The English page's piece is the
source (msgid), the translated page's piece the translation (msgstr), and msgctxt names the page and the
piece ("symptoms.md#7"). What is not words stays out of the file, so a CAT tool cannot change it: the rest of
the front matter, `#` marks and `{#ids}`, the `!!! emergency` markers and their `signs:` lines, list and
definition marks, indentation.

Importing writes each changed piece back into the translated page in place; a piece whose translation is
unchanged keeps its exact text, so exporting and importing again changes nothing.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from translate.storage import po

from guide.core.input_files import ContentError, load_yaml, read_text_file
from guide.core.pages import body_offset, split_front_matter
from guide.translation.translated_pages import content_hash

_META_LINE = re.compile(r"^(title|description):[ \t]*(.*)$")
_HEADING_START = re.compile(r"#{1,6}[ \t]+")
_ID = re.compile(r"[\w-]+")
_BOX = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+)(?:([ \t]+")(.*)("[ \t]*))?$')
_SIGNS = re.compile(r"^\s+signs:")
WIDTH = 110  # the pages' line length
# A line starting like this is a list, quote, definition, heading, rule or box in Markdown.
_STARTS_BLOCK = re.compile(r"^(?:[-*+>:](?:\s|$)|#{1,6}(?:\s|$)|\d+[.)](?:\s|$)|[-=]+\s*$|!!!|\?\?\?)")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)]|:)[ \t]+)")  # a list item or a definition starts a piece
_LINK_TARGET = re.compile(r"\]\(([^)\s\]]+)\)")  # linear: a target stops at "]" too
_CITATION = re.compile(r"\[(\d+(?:,\s*\d+)*)\](?!\()")


@dataclass(frozen=True)
class Piece:
    """One translatable piece of a page: its words, and where they sit in the page's lines."""

    kind: (
        str  # meta, heading, box-title, text (a paragraph, list item or definition), raw (kept line by line)
    )
    text: str  # as the translator sees it: a paragraph's lines joined with spaces
    first: int  # index of its first line in the page
    last: int  # index of its last line (inclusive)
    prefix: str  # what precedes the words on the first line (kept on import)
    suffix: str  # what follows them on the last line (kept on import)
    indent: str  # what precedes the words on every further line

    def render(self, text: str) -> list[str]:
        """The page lines of this piece with other words in it."""
        if self.kind == "meta":
            return [f"{self.prefix}{json.dumps(text, ensure_ascii=False)}"]
        if self.kind == "raw":
            return text.split("\n")
        lines = _wrap(text, WIDTH - len(self.indent)) if self.kind == "text" else [text]
        rendered = [self.prefix + lines[0], *(self.indent + line for line in lines[1:])]
        rendered[-1] += self.suffix
        return rendered


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most width characters, as the pages are written; one line if a break would start a list,
    heading, quote or box (a line must not begin with a Markdown mark it did not have)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]
    return [text] if any(_STARTS_BLOCK.match(line) for line in lines[1:]) else lines


def _meta_pieces(lines: list[str], yaml_text: str, path: Path) -> list[Piece]:
    meta = load_yaml(yaml_text, path, first_line=2)  # values read as the build reads them
    end = yaml_text.count("\n")  # the last front matter line
    pieces = []
    for index in range(1, end + 1):
        match = _META_LINE.match(lines[index])
        if match and isinstance(meta, dict) and isinstance(meta.get(match.group(1)), str):
            last = index  # a value may go on over indented lines; the import writes it on one
            while last < end and lines[last + 1][:1].isspace():
                last += 1
            pieces.append(Piece("meta", meta[match.group(1)], index, last, f"{match.group(1)}: ", "", ""))
    return pieces


def heading_parts(line: str) -> tuple[str, str, str] | None:
    """('## ', 'Symptoms', ' {#symptoms}') for a heading line: its marks, its words, its id and trailing
    blanks; None if not a heading. Read in time linear in the line (no '.*?' before an optional id)."""
    start = _HEADING_START.match(line)
    if start is None:
        return None
    rest = line[start.end() :]
    words = rest.rstrip(" \t")
    opening = words.rfind("{#")
    if words.endswith("}") and opening >= 0 and _ID.fullmatch(words, opening + 2, len(words) - 1):
        before_id = words[:opening].rstrip(" \t")
        if len(before_id) < opening:  # blanks between the words and the id
            words = before_id
    return start.group(), words, rest[len(words) :]


def _block_pieces(lines: list[str], start: int, end: int) -> list[Piece]:
    """Pieces of one block of non-blank lines (lines[start:end])."""
    pieces: list[Piece] = []
    group: list[int] = []

    def close() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        item = _ITEM.match(lines[first])
        head = item.group(1) if item else re.match(r"^\s*", lines[first]).group(0)
        indent = (
            re.match(r"^\s*", lines[group[1]]).group(0)
            if len(group) > 1
            else " " * len(head)
            if item
            else head
        )
        even = all(
            lines[i].startswith(indent) and not lines[i][len(indent) :][:1].isspace() for i in group[1:]
        )
        if even:
            words = [lines[first][len(head) :], *(lines[i][len(indent) :] for i in group[1:])]
            piece = Piece("text", " ".join(words), first, last, head, "", indent)
        else:  # uneven indentation: the translator gets the lines as they are
            piece = Piece("raw", "\n".join(lines[first : last + 1]), first, last, "", "", "")
        pieces.append(piece)
        group.clear()

    for index in range(start, end):
        line = lines[index]
        heading, box = heading_parts(line), _BOX.match(line)
        if heading or box or _SIGNS.match(line):
            close()
            if heading:
                pieces.append(Piece("heading", heading[1], index, index, heading[0], heading[2], ""))
            elif box and box.group(3):
                pieces.append(
                    Piece(
                        "box-title", box.group(3), index, index, box.group(1) + box.group(2), box.group(4), ""
                    )
                )
            continue
        if _ITEM.match(line):
            close()
        group.append(index)
    close()
    return pieces


def pieces(markdown: str, path: Path) -> list[Piece]:
    """Every translatable piece of a page, in order."""
    lines = markdown.split("\n")
    yaml_text, _ = split_front_matter(markdown)
    found = _meta_pieces(lines, yaml_text, path) if yaml_text else []
    index = body_offset(markdown)
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        found += _block_pieces(lines, index, end)
        index = end
    return found


def context(page: Path, index: int) -> str:
    """Which piece of which page a unit is, and the page as it was at export ("symptoms.md#7@3f2a9c1d0b7e"):
    if the page changed since, pieces may have moved, and the import must not put words in the wrong place."""
    return f"{page.name}#{index}@{content_hash(page.read_bytes())}"


def _signature(piece: Piece) -> tuple[str, list[str], list[str]]:
    """What a piece and its translation share: its kind, link targets and cited sources."""
    cited = [number.strip() for group in _CITATION.findall(piece.text) for number in group.split(",")]
    return piece.kind, sorted(_LINK_TARGET.findall(piece.text)), sorted(cited)


def export_po(language: str, pages: list[tuple[Path, Path]]) -> bytes:
    """One PO file from (English page, translated page) pairs."""
    store = po.pofile()
    store.updateheader(
        add=True,
        Language=language,
        Content_Type="text/plain; charset=UTF-8",
        X_Generator="guide export",
    )
    for english, translated in pages:
        sources = pieces(read_text_file(english), english)
        targets = pieces(read_text_file(translated), translated)
        aligned = [_signature(piece) for piece in sources] == [_signature(piece) for piece in targets]
        for index, target in enumerate(targets):
            source = sources[index].text if aligned else target.text
            unit = store.addsourceunit(source)
            unit.setcontext(context(translated, index))
            unit.addlocation(f"docs/{language}/{translated.name}:{target.first + 1}")
            if not aligned:
                unit.addnote(
                    f"The English page docs/en/{english.name} differs in structure: compare it by hand.",
                    origin="developer",
                )
            if not aligned or source != target.text:
                unit.target = target.text
    return bytes(store)


@dataclass(frozen=True)
class Translation:
    text: str
    line: int  # of its msgctxt in the PO file


def read_po(path: Path, language: str) -> dict[str, Translation]:
    """Translated units of a PO file by msgctxt; a file a CAT tool broke is a clean error."""
    if not path.is_file():
        raise ContentError(path, 1, "no such file: give the path of the PO file your CAT tool saved")
    raw = path.read_bytes()
    try:
        store = po.pofile(raw)
    except ValueError as error:  # translate-toolkit's PoParseError: "<problem> on line N: '<text>'"
        line = re.search(r"on line (\d+)", str(error))
        raise ContentError(
            path,
            int(line.group(1)) if line else 1,
            f"not a valid PO file ({error}): save it "
            "from your CAT tool as PO again, or fix the quotes on that line",
        ) from None
    if store.gettargetlanguage() not in (language, None, ""):
        raise ContentError(
            path,
            1,
            f"this file is for language '{store.gettargetlanguage()}', not '{language}': "
            f"import it with: .venv/bin/guide import {store.gettargetlanguage()} {path}",
        )
    lines = raw.decode("utf-8", errors="replace").split("\n")
    found: dict[str, Translation] = {}
    for unit in store.units:
        if unit.isheader() or unit.isfuzzy() or not unit.target:
            continue
        name = unit.getcontext()
        line = next(
            (
                i + 1
                for i, text in enumerate(lines)
                if text.startswith("msgctxt") and json.dumps(name) in text
            ),
            1,
        )
        found[name] = Translation(str(unit.target), line)
    return found


def _check(piece: Piece, new: Translation, po_path: Path, name: str) -> None:
    def fail(what: str) -> None:
        raise ContentError(po_path, new.line, f"{name}: {what}")

    if piece.kind not in ("text", "raw") and "\n" in new.text.strip("\n"):
        fail(f"a {piece.kind} is one line: remove the line break")
    if "\n\n" in new.text.strip("\n") or not new.text.strip():
        fail("a translation must not be empty or contain a blank line (it would split the paragraph)")
    if piece.kind == "text" and _STARTS_BLOCK.match(new.text.strip()) and not _STARTS_BLOCK.match(piece.text):
        fail("do not begin with a Markdown mark (- * + > : # 1. !!!): it would make a list, quote or heading")
    if piece.kind == "heading" and "{#" in new.text:
        fail("leave out the heading id {#...}: it is added back on import")
    if piece.kind == "box-title" and '"' in new.text:
        fail('a box title cannot contain " (use “ ” instead)')
    if sorted(_LINK_TARGET.findall(new.text)) != sorted(_LINK_TARGET.findall(piece.text)):
        fail(f"keep the link targets exactly: {', '.join(_LINK_TARGET.findall(piece.text)) or 'none'}")


def page_contexts(page: Path) -> set[str]:
    return {context(page, index) for index in range(len(pieces(read_text_file(page), page)))}


def import_po(page: Path, translations: dict[str, Translation], po_path: Path) -> str:
    """The page with every changed piece replaced; unchanged pieces keep their exact text."""
    markdown = read_text_file(page)
    lines = markdown.split("\n")
    for index, piece in reversed(list(enumerate(pieces(markdown, page)))):
        new = translations.get(context(page, index))
        if new is None or new.text == piece.text:
            continue
        _check(piece, new, po_path, context(page, index))
        text = new.text.strip("\n")
        lines[piece.first : piece.last + 1] = piece.render(
            " ".join(text.split()) if piece.kind == "text" else text
        )
    return "\n".join(lines)
