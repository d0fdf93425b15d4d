"""A translator's mistake fails the build with a message naming the file and line; good input builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_site

# Every test here changes English files: English alone shows each message.
pytestmark = pytest.mark.languages("en")


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def build_output(project: Path) -> str:
    result = build_site(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def test_unchanged_copy_builds(project: Path) -> None:
    assert build_site(project, project / "site").returncode == 0


def test_bad_yaml_front_matter_names_file_and_line(project: Path) -> None:
    edit(
        project / "docs/en/symptoms.md", lambda text: text.replace("description:", "description: [broken", 1)
    )
    output = build_output(project)
    assert "docs/en/symptoms.md:3: invalid YAML" in output


def test_missing_front_matter_key_is_named(project: Path) -> None:
    edit(
        project / "docs/en/causes.md",
        lambda text: (
            "\n".join(line for line in text.splitlines() if not line.startswith("last_reviewed:")) + "\n"
        ),
    )
    assert "docs/en/causes.md:1: front matter lacks 'last_reviewed'" in build_output(project)


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed"),
        ("[click](javascript:alert(1))", '<a href="javascript:alert(1)"> is not allowed'),
        ('<img src="x.png" onerror="alert(1)">', 'attribute onerror="alert(1)" on <img> is not allowed'),
    ],
)
def test_active_content_names_file_and_line(project: Path, snippet: str, what: str) -> None:
    path = project / "docs/en/outlook.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(12, snippet)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"docs/en/outlook.md:13: {what}" in build_output(project)


def test_citation_not_listed_in_front_matter_names_line(project: Path) -> None:
    path = project / "docs/en/glossary.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("A new fact [87].")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f"docs/en/glossary.md:{len(lines)}: cites [87]" in build_output(project)


def test_broken_link_fails_the_build(project: Path) -> None:
    path = project / "docs/en/questions.md"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 2
    edit(path, lambda text: text + "\nSee [this page](no-such-page.md).\n")
    output = build_output(project)
    assert f"docs/en/questions.md:{line}: link to 'no-such-page.md': no such page" in output


def test_bad_translation_file_names_file_and_key(project: Path) -> None:
    edit(
        project / "translations/en.yml",
        lambda text: text.replace("  sources_heading:", "  sources_heading_typo:"),
    )
    output = build_output(project)
    assert "translations/en.yml" in output and "sources_heading" in output
