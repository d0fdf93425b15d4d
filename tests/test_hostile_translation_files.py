"""Hostile pull requests that touch only docs/<lang>/ and translations/<lang>.yml: a page taken over by its
front matter, text reversed or hidden by invisible characters, a build made slow by one long line. Each is
refused naming the file and line, or built with nothing harmful."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site, failed_build
from helpers import replace_once

pytestmark = pytest.mark.languages("en", "fr")

PAGE = "docs/fr/when-to-get-help.md"


@pytest.mark.parametrize(
    ("added", "message"),
    [
        ("template: redirect.html", "front matter key 'template' is not allowed"),
        ("template: 404.html", "front matter key 'template' is not allowed"),
        ("hide: [navigation, toc]", "front matter key 'hide' is not allowed"),
    ],
    ids=["redirect template", "page without cards", "hide"],
)
def test_front_matter_cannot_take_a_page_over(small_project: Path, added: str, message: str) -> None:
    replace_once(small_project / PAGE, "review_state:", f"{added}\nreview_state:")
    lines = (small_project / PAGE).read_text(encoding="utf-8").splitlines()
    assert f"{PAGE}:{lines.index(added) + 1}: {message}" in failed_build(small_project)


@pytest.mark.parametrize(
    ("file", "old", "new", "character"),
    [
        (PAGE, "\n## ", "\nAppelez \u202etout de suite\n\n## ", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        (PAGE, "\n## ", "\n" + "\u2800\n\n" * 150 + "## ", "U+2800 BRAILLE PATTERN BLANK"),
        (PAGE, "\n## ", "\nUrgence\u200b\u200b\u200b\n\n## ", "U+200B ZERO WIDTH SPACE"),
        ("translations/fr.yml", '  help_strip: "', '  help_strip: "\u2067', "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ],
    ids=[
        "override in a page",
        "braille blanks push the card down",
        "zero-width spaces",
        "isolate in a string",
    ],
)
def test_characters_that_reverse_or_hide_text_are_refused(
    small_project: Path, file: str, old: str, new: str, character: str
) -> None:
    replace_once(small_project / file, old, new)
    text = (small_project / file).read_text(encoding="utf-8")
    line = next(
        number for number, content in enumerate(text.splitlines(), 1) if character[:6] in _codes(content)
    )
    assert re.search(rf"{file}:{line}: the character {re.escape(character)}", failed_build(small_project))


def _codes(line: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in line)


@pytest.mark.parametrize(
    "line",
    [
        "## Que faire" + " " * 150_000 + " {#what-to-do}",
        "[x](" + "](" * 60_000,
        "Texte " + "[" * 900,
        "> " + "\t" * 150_000 + "x",
    ],
    ids=["heading padded with spaces", "link brackets", "900 open brackets", "quote padded with tabs"],
)
def test_one_long_line_builds_in_normal_time(small_project: Path, line: str) -> None:
    # Before the patterns were made linear, a 150,000-space heading took 90 s to build; now a few seconds.
    replace_once(small_project / PAGE, "\n## ", f"\n{line}\n\n## ")
    result = build_site(small_project, small_project / "site")
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    # A page whose headings no longer match the English page is refused; any other line builds.
    assert result.returncode == 0 or f"{PAGE}:" in output, output


def test_a_page_of_open_brackets_is_refused_before_markdown_reads_it(small_project: Path) -> None:
    # 50,000 "![" took Python-Markdown minutes (its time grows with their square).
    replace_once(small_project / PAGE, "\n## ", "\nTexte " + "![" * 50_000 + "\n\n## ")
    lines = (small_project / PAGE).read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("Texte !["))
    assert f"{PAGE}:{line}: more than 1000 '[' in one page" in failed_build(small_project)


def test_an_html_file_named_png_and_a_huge_png_are_refused(small_project: Path) -> None:
    import struct
    import zlib

    header = b"IHDR" + struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    huge = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))
    (small_project / "docs/fr/huge.png").write_bytes(huge)
    (small_project / "docs/fr/photo.png").write_text(
        "<!doctype html><script>alert(1)</script>", encoding="utf-8"
    )
    output = failed_build(small_project)
    assert "docs/fr/huge.png: is 20000 x 20000 pixels; images may be at most 4000 x 4000" in output
    assert "docs/fr/photo.png: is not a PNG image" in output
