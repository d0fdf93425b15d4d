"""Who checked the page the reader sees, and when, or that nobody has, and when the next check is due: from
the maintainers' records (guide/approvals/reviews.py), for the page notice, its embed view and the API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guide.approvals.reviews import ReviewState, page_review
from guide.catalogues.language_registry import load_language
from guide.core.engine import Page


def review_lines(state: ReviewState, strings: dict[str, str]) -> dict[str, str]:
    """The notice's sentences in the page's language (pure): who checked it and when, the next check."""
    if state.date is None or state.reviewer is None or state.role is None:
        return {}
    people = {"name": state.reviewer, "role": state.role, "date": state.date.isoformat()}
    if state.stale:
        return {"checked": strings["review_stale"].format(**people)}
    due = state.next_due.isoformat() if state.next_due else ""
    return {"checked": strings["review_by"].format(**people), "due": strings["review_due"].format(date=due)}


def add_review(context: dict[str, Any], page: Page, locale: str) -> None:
    """A written page's review, before the API files and the embed views are made from the context."""
    state = page_review(Path(page.file.abs_src_path))
    context["review"] = {
        "reviewed": state.reviewed,
        "json": state.as_json(),
        **review_lines(state, load_language(locale).strings),
    }
