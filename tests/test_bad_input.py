"""A translator's mistake fails the build with a message naming the file and line; good input builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, failed_build
from helpers import edit

# Every test here changes English files of the small project: English alone shows each message.
pytestmark = pytest.mark.languages("en")


def test_the_unchanged_small_project_builds(small_project: Path) -> None:
    assert build_site(small_project, small_project / "site").returncode == 0


def test_bad_yaml_front_matter_names_file_and_line(small_project: Path) -> None:
    edit(
        small_project / "docs/en/index.md",
        lambda text: text.replace("description:", "description: [broken", 1),
    )
    output = failed_build(small_project)
    assert "docs/en/index.md:3: invalid YAML" in output


def test_missing_front_matter_key_is_named(small_project: Path) -> None:
    edit(
        small_project / "docs/en/about.md",
        lambda text: (
            "\n".join(line for line in text.splitlines() if not line.startswith("last_reviewed:")) + "\n"
        ),
    )
    assert "docs/en/about.md:1: front matter lacks 'last_reviewed'" in failed_build(small_project)


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed"),
        ("[click](javascript:alert(1))", '<a href="javascript:alert(1)"> is not allowed'),
        ('<img src="x.png" onerror="alert(1)">', 'attribute onerror="alert(1)" on <img> is not allowed'),
    ],
)
def test_active_content_names_file_and_line(small_project: Path, snippet: str, what: str) -> None:
    path = small_project / "docs/en/about.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index("## About this test project {#about}") + 1
    lines.insert(line - 1, snippet + "\n")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"docs/en/about.md:{line}: {what}" in failed_build(small_project)


def test_citation_not_listed_in_front_matter_names_line(small_project: Path) -> None:
    path = small_project / "docs/en/index.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("A new fact [87].")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"docs/en/index.md:{len(lines)}: cites [87]" in failed_build(small_project)


def test_broken_link_fails_the_build(small_project: Path) -> None:
    path = small_project / "docs/en/about.md"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 2
    edit(path, lambda text: text + "\nSee [this page](no-such-page.md).\n")
    output = failed_build(small_project)
    assert f"docs/en/about.md:{line}: link to 'no-such-page.md': no such page" in output


def test_bad_translation_file_names_file_and_key(small_project: Path) -> None:
    edit(
        small_project / "translations/en.yml",
        lambda text: text.replace("  sources_heading:", "  sources_heading_typo:"),
    )
    output = failed_build(small_project)
    assert "translations/en.yml" in output and "sources_heading" in output
