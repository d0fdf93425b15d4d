"""Reject active content in Markdown pages: a translated page must not be able to run code."""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

FORBIDDEN = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "raw <script> tag"),
    (re.compile(r"<\s*iframe\b", re.IGNORECASE), "raw <iframe> tag"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "javascript: link"),
    (re.compile(r"<[^>]*\bon[a-z]+\s*=", re.IGNORECASE), "inline event handler (on...= attribute)"),
)


def find_active_content(text: str) -> list[tuple[int, str]]:
    """(line number, what) for every forbidden construct in a page's source text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [(number, what) for pattern, what in FORBIDDEN if pattern.search(line)]
    return found


def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    if page.file.generated_by:  # built by a hook, not written by a person
        return markdown
    problems = find_active_content(page.file.content_string)
    if problems:
        details = "; ".join(f"{page.file.src_uri} line {line}: {what}" for line, what in problems)
        raise PluginError(f"Active content is not allowed in pages ({details}). Remove it; use plain Markdown.")
    return markdown
