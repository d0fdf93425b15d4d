"""What may live under docs/, and links between pages, checked on small folders of files."""

from __future__ import annotations

from pathlib import Path

from guide.checks.content_safety import docs_file_problems
from guide.checks.internal_links import broken_links


def test_only_pages_and_plain_images_are_published(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    # A PNG signature and its header chunk: 1 x 1 pixels (guide/checks/images.py reads no further).
    (docs / "en" / "photo.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (1).to_bytes(4, "big") * 2
    )
    (docs / "en" / "evil.svg").write_text("<svg onload='x()'/>", encoding="utf-8")
    (docs / "en" / "link.md").symlink_to(docs / "en" / "index.md")
    problems = docs_file_problems(docs)
    assert len(problems) == 2
    assert any(
        problem.startswith("docs/en/evil.svg: files of this type are not published") for problem in problems
    )
    assert any(problem.startswith("docs/en/link.md: is a symbolic link") for problem in problems)


def test_links_to_missing_pages_and_headings_are_found_with_their_lines(tmp_path: Path) -> None:
    (tmp_path / "target.md").write_text("# Target\n\n## Part {#part}\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitle: Page\n---\n# Page\n\n[ok](target.md#part) [web](https://nice.org.uk/)\n"
        "[gone](missing.md)\n[no part](target.md#nowhere)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        (7, "link to 'missing.md': no such page"),
        (8, "link to 'target.md#nowhere': no heading with {#nowhere} there"),
    ]
