"""A translation cannot give readers another number, phone or mail address, or host: each hostile change to
a French file of the small guide fails the build naming the file and line (guide/checks/reader_facts.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import failed_build
from helpers import replace_once

pytestmark = pytest.mark.languages("en", "fr")

PAGE = "docs/fr/about.md"


def _append(project: Path, text: str) -> int:
    """Add lines to the end of the French page; the line number of the first one."""
    path = project / PAGE
    before = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(before + "\n\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 3


PROSE = {
    "typed number": ("Appelez le 0800 123 456.", "number '0800' is not on the English page"),
    "arabic-indic digits": ("Appelez le ٠٨٠٠١٢٣.", "number '٠٨٠٠١٢٣' is not on the English page"),
    "superscript digits": ("Appelez le ⁰⁸⁰⁰.", "number '⁰⁸⁰⁰' is not on the English page"),
    "full-width digits": ("Appelez le ０８００.", "number '０８００' is not on the English page"),
    "tel link after a space": ("[appelez-nous]( tel:+33800123456)", "phone link 'tel:+33800123456'"),
    "tel reference link": ("[appelez-nous][t]\n\n[t]: tel:+33800123456", "phone link 'tel:+33800123456'"),
    "mailto autolink": ("Écrivez-nous : <aide@evil.example>", "mail address 'aide@evil.example'"),
    # Reference links: the link parity check already refuses inline links that the English page lacks.
    "backslash host": ("[NICE][n]\n\n[n]: https:\\\\evil.example/", "has a backslash"),
    "user before the host": (
        "[NICE][n]\n\n[n]: https://evil@www.nice.org.uk/",
        "names a user before its host",
    ),
    "no slashes after https": ("[NICE][n]\n\n[n]: https:evil.example", "must start with https://"),
    "number in a title attribute": ('<abbr title="appelez le 0800">NICE</abbr>', "number '0800'"),
}


@pytest.mark.parametrize(("added", "message"), PROSE.values(), ids=PROSE.keys())
def test_what_a_translation_adds_to_its_page_is_refused(
    small_project: Path, added: str, message: str
) -> None:
    line = _append(small_project, added)
    if "]:" in added:
        line += 2  # the reference definition holds the address
    output = failed_build(small_project)
    assert re.search(re.escape(f"{PAGE}:{line}: ") + ".*" + re.escape(message), output), output


@pytest.mark.parametrize(
    ("key", "old", "new", "line"),
    [
        ("description", 'description: "La page', 'description: "Appelez le 0800 123 : la page', 3),
        ("title", 'title: "Sources', 'title: "Appelez le ٠٨٠٠ : sources', 2),
    ],
)
def test_a_number_in_the_title_or_description_is_refused(
    small_project: Path, key: str, old: str, new: str, line: int
) -> None:
    replace_once(small_project / PAGE, old, new)
    output = failed_build(small_project)
    assert re.search(rf"{PAGE}:{line}: '{key}' has the number '[0٠][8٨][0٠][0٠]'", output), output


def test_a_number_in_a_ui_string_of_the_card_is_refused(small_project: Path) -> None:
    path = small_project / "translations/fr.yml"
    text = path.read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if t.startswith("  emergency_number_in:"))
    replace_once(path, '  emergency_number_in: "', '  emergency_number_in: "Appelez le ١٥ – ')
    output = failed_build(small_project)
    assert f"translations/fr.yml:{line}: 'strings.emergency_number_in' has the number '١٥'" in output, output
