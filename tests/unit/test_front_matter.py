"""A page's front matter sets only the keys pages use (guide/core/pages.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from guide.core.input_files import ContentError
from guide.core.pages import check_meta

GOOD = {
    "title": "T",
    "description": "D",
    "last_reviewed": dt.date(2026, 1, 1),
    "review_state": "not-clinically-reviewed",
    "sources": [1],
    "translation": {"source_hash": "abc", "state": "machine-assisted-draft", "reviewed_by": ""},
}
YAML = "title: T\ndescription: D\n"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("template", "redirect.html"),
        ("template", "404.html"),
        ("hide", ["navigation", "toc"]),
        ("redirect", "https://evil.example/"),
        ("search", {"exclude": True}),
        ("status", "new"),
        ("icon", "material/alert"),
        ("Template", "main.html"),
    ],
)
def test_a_key_pages_do_not_use_is_refused_with_its_line(key: str, value: object) -> None:
    with pytest.raises(ContentError, match=rf"p\.md:4: front matter key '{key}' is not allowed"):
        check_meta({**GOOD, key: value}, Path("p.md"), YAML + f"{key}: x\n")


def test_an_unknown_translation_key_is_refused() -> None:
    meta = {**GOOD, "translation": {**GOOD["translation"], "clinically_reviewed": True}}
    with pytest.raises(ContentError, match=r"p\.md:5: front matter key 'translation\.clinically_reviewed'"):
        check_meta(meta, Path("p.md"), YAML + "translation:\n  clinically_reviewed: true\n")


def test_the_keys_pages_use_pass() -> None:
    check_meta(GOOD, Path("p.md"), YAML)
