"""Review claims come from the maintainers' records (data/reviews.yml, .github/CODEOWNERS), never from a page.

One record per clinical review of one page in one language: who reviewed it, their role, the date, and the
fingerprint of the page's text as they read it. A page is reviewed when its latest record's fingerprint is the
text's as it is now; when the text changes the review is stale and the page says so. The next check is due a
year after the review for a page with urgency cards, three years after for any other page.

The front matter's `review_state`, `translation.state` and `translation.reviewed_by` stay (written as today,
`guide stamp` keeps working), but claim nothing: a claim of a review that no record backs is refused, with the
file, the line and what to do. `guide review` writes a record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.core.input_files import ContentError, load_yaml_tree, read_text_file
from guide.core.pages import read_meta, split_front_matter
from guide.core.project import cached, project
from guide.core.yaml_lines import leading_comments, line_of, node_lines
from guide.translation.translated_pages import structure

REVIEWS_FILE = "reviews.yml"  # in data/
FIELDS = ("page", "language", "reviewer", "role", "date", "hash")
CARD_PAGE_YEARS, OTHER_PAGE_YEARS = 1, 3  # how long a review holds: the about page states this policy
REVIEW_COMMAND = ".venv/bin/guide review"
_HASH = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True)
class Review:
    page: str
    language: str
    reviewer: str
    role: str
    date: dt.date
    hash: str


@dataclass(frozen=True)
class ReviewState:
    """What a page tells its reader about its review (and the API carries)."""

    reviewed: bool  # a record holds the text as it is now
    reviewer: str | None
    role: str | None
    date: dt.date | None
    stale: bool  # reviewed once, changed since
    next_due: dt.date | None

    def as_json(self) -> dict[str, Any]:
        return {
            "reviewed": self.reviewed,
            "stale": self.stale,
            "reviewer": self.reviewer,
            "role": self.role,
            "date": self.date.isoformat() if self.date else None,
            "next_due": self.next_due.isoformat() if self.next_due else None,
        }


NOT_REVIEWED = ReviewState(False, None, None, None, False, None)


def text_hash(markdown: str) -> str:
    """The fingerprint of what a reviewer reads: the page's body, not its front matter."""
    body = split_front_matter(markdown.replace("\r\n", "\n"))[1]
    return hashlib.sha256(body.encode()).hexdigest()[:12]


def page_and_language(path: Path) -> tuple[str, str]:
    relative = path.relative_to(project().docs)
    return relative.with_suffix("").relative_to(relative.parts[0]).as_posix(), relative.parts[0]


def reviews_path() -> Path:
    return project().data / REVIEWS_FILE


def parse_reviews(text: str, path: Path) -> tuple[Review, ...]:
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    records = data.get("reviews") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise ContentError(path, 1, "must be a mapping with a 'reviews:' list ([] when there is none)")
    reviews = []
    for index, entry in enumerate(records):
        line = line_of(lines, "reviews", index)
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise ContentError(path, line, f"a review has exactly {', '.join(FIELDS)}")
        texts = [entry[key] for key in ("page", "language", "reviewer", "role")]
        if not all(isinstance(value, str) and value.strip() for value in texts):
            raise ContentError(
                path, line, "a review names the page, the language, the reviewer and their role"
            )
        if not isinstance(entry["date"], dt.date) or entry["date"] > dt.date.today():
            raise ContentError(path, line, "a review's date is today or before, like 2026-11-24")
        if not isinstance(entry["hash"], str) or not _HASH.fullmatch(entry["hash"]):
            raise ContentError(
                path, line, f"hash must be 12 hexadecimal digits, as {REVIEW_COMMAND} writes it"
            )
        reviews.append(Review(*(value.strip() for value in texts), date=entry["date"], hash=entry["hash"]))
    return tuple(reviews)


@cached
def load_reviews() -> tuple[Review, ...]:
    path = reviews_path()
    if not path.is_file():
        raise ContentError(path, 1, "the clinical reviews are missing: restore the file from git")
    return parse_reviews(read_text_file(path), path)


def review_state(
    reviews: tuple[Review, ...], page: str, language: str, current_hash: str, has_cards: bool
) -> ReviewState:
    """The latest review of a page in a language, against its text as it is now (pure)."""
    found = [review for review in reviews if (review.page, review.language) == (page, language)]
    if not found:
        return NOT_REVIEWED
    latest = max(found, key=lambda review: review.date)
    current = latest.hash == current_hash
    years = CARD_PAGE_YEARS if has_cards else OTHER_PAGE_YEARS
    due = _years_after(latest.date, years) if current else None
    return ReviewState(current, latest.reviewer, latest.role, latest.date, not current, due)


def _years_after(date: dt.date, years: int) -> dt.date:
    """The same day so many years later; 29 February becomes 28 February."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def page_review(path: Path) -> ReviewState:
    markdown = read_text_file(path)
    page, language = page_and_language(path)
    has_cards = bool(structure(markdown).urgency_boxes)
    return review_state(load_reviews(), page, language, text_hash(markdown), has_cards)


def _yaml_line(markdown: str, key: str, indent: str) -> int:
    for number, line in enumerate(split_front_matter(markdown)[0].splitlines(), start=2):
        if line.startswith(f"{indent}{key}:"):
            return number
    return 1


def check_review_claim(path: Path) -> None:
    """A page that says it was reviewed (review_state, translation state or reviewer) has a record of it."""
    meta = read_meta(path)
    translation = meta.get("translation") or {}
    claims = [
        ("review_state", "", meta.get("review_state") == "clinically-reviewed"),
        ("state", "  ", translation.get("state") == "reviewed"),
        ("reviewed_by", "  ", bool(str(translation.get("reviewed_by") or "").strip())),
    ]
    page, language = page_and_language(path)
    if any((review.page, review.language) == (page, language) for review in load_reviews()):
        return
    for key, indent, claimed in claims:
        if claimed:
            raise ContentError(
                path,
                _yaml_line(read_text_file(path), key, indent),
                f"claims a clinical review that data/reviews.yml does not record: put back "
                f"'review_state: not-clinically-reviewed' and 'state: machine-assisted-draft' with no reviewer; "
                f"after a real review a maintainer runs {REVIEW_COMMAND} {path.relative_to(project().root)} "
                "--by NAME --role ROLE",
            )


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def reviews_document(reviews: tuple[Review, ...], header: str) -> str:
    lines = [header.rstrip("\n") + "\n", "reviews:" + ("" if reviews else " []")]
    lines += [
        f"  - {{page: {_quoted(r.page)}, language: {r.language}, reviewer: {_quoted(r.reviewer)}, "
        f'role: {_quoted(r.role)}, date: {r.date.isoformat()}, hash: "{r.hash}"}}'
        for r in reviews
    ]
    return "\n".join(lines) + "\n"


def record_review(path: Path, reviewer: str, role: str, date: dt.date) -> None:
    """Add a review of a page as it is now (the guide command)."""
    if not path.is_file() or project().docs not in path.parents:
        raise ContentError(path, 1, "is not a page of docs/<language>/")
    page, language = page_and_language(path)
    review = Review(page, language, reviewer.strip(), role.strip(), date, text_hash(read_text_file(path)))
    path = reviews_path()
    header = leading_comments(read_text_file(path))
    path.write_text(reviews_document((*load_reviews(), review), header), encoding="utf-8")
