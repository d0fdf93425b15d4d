"""Reading and checking a page's YAML front matter, with errors that name the file and line."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from guide.core.input_files import ContentError, load_yaml, read_text_file
from guide.checks.plain_text import check_plain_text

REVIEW_STATES = ("not-clinically-reviewed", "clinically-reviewed")
REQUIRED_KEYS = ("title", "description", "last_reviewed", "review_state", "sources")
# The keys pages use, and no more: MkDocs and Material act on others ('template: redirect.html' turns a
# page into a redirect, 'hide:' removes its navigation), so an unknown key is refused, not ignored.
ALLOWED_KEYS = (*REQUIRED_KEYS, "translation")
TRANSLATION_KEYS = ("source_hash", "state", "reviewed_by")  # guide/translation/translated_pages.py


def split_front_matter(markdown: str) -> tuple[str, str]:
    """Return (front matter YAML, body). Both keep their text; the YAML is '' when there is none."""
    if not markdown.startswith("---\n"):
        return "", markdown
    end = markdown.find("\n---\n", 3)
    if end == -1:
        return "", markdown
    return markdown[4 : end + 1], markdown[end + 5 :]


def body_offset(markdown: str) -> int:
    """How many lines precede the body, to turn body line numbers into file line numbers."""
    yaml_text, _ = split_front_matter(markdown)
    return yaml_text.count("\n") + 2 if yaml_text else 0


def read_meta(path: Path) -> dict[str, Any]:
    """Front matter of one Markdown page, checked for the keys every page must carry. Read often (every
    translation's status, on every language's build): parsed once per text. Do not change the result."""
    return _parsed_meta(read_text_file(path), path)


@functools.lru_cache(maxsize=1024)
def _parsed_meta(markdown: str, path: Path) -> dict[str, Any]:
    yaml_text, _ = split_front_matter(markdown)
    if not yaml_text:
        raise ContentError(path, 1, "missing front matter (a block between two '---' lines)")
    meta = load_yaml(yaml_text, path, first_line=2)
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "front matter must be a mapping of keys to values")
    check_meta(meta, path, yaml_text)
    return meta


def _line_of(key: str, yaml_text: str, indent: str = "") -> int:
    for number, line in enumerate(yaml_text.splitlines(), start=2):
        if line.startswith(f"{indent}{key}:"):
            return number
    return 1


def front_matter_line(key: str, markdown: str) -> int:
    """The file line of a top-level front matter key, else 1."""
    return _line_of(key, split_front_matter(markdown)[0])


def _check_allowed_keys(meta: dict[str, Any], path: Path | str, yaml_text: str) -> None:
    for key in meta:
        if key not in ALLOWED_KEYS:
            raise ContentError(
                path,
                _line_of(str(key), yaml_text),
                f"front matter key '{key}' is not allowed: a page sets only {', '.join(ALLOWED_KEYS)}; delete it",
            )
    translation = meta.get("translation")
    for key in translation if isinstance(translation, dict) else ():
        if key not in TRANSLATION_KEYS:
            raise ContentError(
                path,
                _line_of(str(key), yaml_text, indent="  "),
                f"front matter key 'translation.{key}' is not allowed: 'translation' holds only "
                f"{', '.join(TRANSLATION_KEYS)}; delete it",
            )


def check_meta(meta: dict[str, Any], path: Path | str, yaml_text: str = "") -> None:
    _check_allowed_keys(meta, path, yaml_text)
    for key in REQUIRED_KEYS:
        if meta.get(key) in (None, "", []):
            raise ContentError(path, 1, f"front matter lacks '{key}'")
    if not isinstance(meta["last_reviewed"], dt.date):
        raise ContentError(
            path, _line_of("last_reviewed", yaml_text), "last_reviewed must be a date like 2026-11-24"
        )
    if meta["last_reviewed"] > dt.date.today():
        raise ContentError(
            path,
            _line_of("last_reviewed", yaml_text),
            "last_reviewed is in the future; use the date the page was checked",
        )
    for key in ("title", "description"):
        if not isinstance(meta[key], str):
            raise ContentError(path, _line_of(key, yaml_text), f"{key} must be text")
        check_plain_text(meta[key], path, _line_of(key, yaml_text), key)
    if meta["review_state"] not in REVIEW_STATES:
        raise ContentError(
            path,
            _line_of("review_state", yaml_text),
            f"review_state must be one of {', '.join(REVIEW_STATES)}",
        )
    sources = meta["sources"]
    if not isinstance(sources, list) or not all(isinstance(n, int) for n in sources):
        raise ContentError(
            path, _line_of("sources", yaml_text), "sources must be a list of source numbers like [2, 6]"
        )
