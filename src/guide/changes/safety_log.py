"""The safety change log (data/changes.yml) and the fingerprints of each language's safety text.

Why a maintained log and not git history: the guide is built from shallow clones (CI and the deploy workflow
check out one commit), where history is missing; and not every commit is a published change (a typo fixed
twice in one pull request is one change for a hospital). So the log is written by hand, reviewed in the pull
request like the text it describes, and the build makes it impossible to forget: it fingerprints each
language's safety text and stops, in one line naming data/changes.yml and the command that prints the entry
to add, when a fingerprint differs from the last one the log holds for that language.

Two fingerprints per language (SHA-256, first 12 hex digits):
- `emergency`: the words of every warning sign, every card's action, and every emergency number
  (data/triage.yml or the language's `triage:` section, data/emergency-numbers.yml), and the Easy Read
  words of the signs and actions;
- `wording`: the cards' titles and leads, the alert card's words, and the Easy Read headings and leads.
An entry is marked `emergency` (an Atom category) when, for a language it logs, its `emergency` fingerprint
differs from that language's previous logged one (a sign, an action or a number changed), or when it says
`emergency: true` itself. The oldest entry of a language is its starting point, not a change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.catalogues.emergency_numbers import load_numbers
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import TIERS, Wording, load_catalogue
from guide.core.input_files import ContentError, load_yaml_tree
from guide.core.project import cached, project
from guide.core.site_config import LANGUAGE_CODE, languages
from guide.core.yaml_lines import line_of, node_lines

CHANGES_FILE = "changes.yml"  # in data/
PARTS = ("emergency", "wording")
LOG_COMMAND = ".venv/bin/guide changes"


@dataclass(frozen=True)
class Change:
    number: int  # counted from the oldest (1): stays the same as entries are added on top
    date: dt.date
    title: str
    summary: str
    pages: tuple[str, ...]  # page slugs ('when-to-get-help'); () is every page
    languages: tuple[str, ...]  # () is every language
    safety: dict[str, dict[str, str]]  # language -> {emergency, wording} after this change
    said_emergency: bool
    line: int


@dataclass(frozen=True)
class ChangeLog:
    path: Path
    changes: tuple[Change, ...]  # newest first

    def is_emergency(self, change: Change) -> bool:
        """A sign, an action or a number changed for a language this change logs (or the entry says so)."""
        if change.said_emergency:
            return True
        older = [entry for entry in self.changes if entry.number < change.number]  # newest first
        for locale, fingerprint in change.safety.items():
            previous = next((entry.safety[locale] for entry in older if locale in entry.safety), None)
            if previous is not None and previous["emergency"] != fingerprint["emergency"]:
                return True
        return False

    def concerns(self, change: Change, locale: str) -> bool:
        """The languages it names, else those whose safety text it logs, else every language."""
        named = change.languages or tuple(change.safety)
        return not named or locale in named

    def last_logged(self, locale: str) -> dict[str, str] | None:
        return next((entry.safety[locale] for entry in self.changes if locale in entry.safety), None)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]


def fingerprints(words: Wording, signs: dict[str, str], numbers: list[list[str]]) -> dict[str, str]:
    """The two fingerprints of one language's safety text (pure: the words and numbers are given).
    signs: sign id -> tier; numbers: every country's code and numbers."""
    emergency = {
        "signs": {sign: [tier, words.signs[sign]] for sign, tier in signs.items()},
        "actions": {tier: words.tiers[tier]["action"] for tier in TIERS},
        "numbers": numbers,
        # The same signs and actions in Easy Read words (guide/easy_read/): what a reader does, restated.
        "easy_read": {
            "signs": words.easy_read_signs,
            "actions": {tier: list(easy.actions) for tier, easy in words.easy_read.items()},
        },
    }
    wording = {
        "tiers": {tier: [words.tiers[tier]["title"], words.tiers[tier]["lead"]] for tier in TIERS},
        "card": words.card,
        "clinician": words.clinician,  # the alert card's side for the doctor or nurse
        "easy_read": {tier: [easy.heading, easy.lead] for tier, easy in words.easy_read.items()},
    }
    return {"emergency": _digest(emergency), "wording": _digest(wording)}


def language_fingerprints(locale: str) -> dict[str, str]:
    catalogue = load_catalogue()
    numbers = [
        [
            country.code,
            *(number.number for number in country.numbers),
            # The same-day card's line for urgent help (NHS 111) is a number a reader calls too.
            *(f"urgent {number.number}" for number in country.urgent_numbers),
        ]
        for country in load_numbers().countries.values()
    ]
    signs = {sign.id: sign.tier for sign in catalogue.signs.values()}
    return fingerprints(load_language(locale).triage, signs, numbers)


def _strings(value: Any, path: Path, line: int, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(path, line, f"{what} must be a list, like [when-to-get-help, index]")
    return tuple(value)


def parse_log(text: str, path: Path, known_languages: tuple[str, ...], pages: set[str]) -> ChangeLog:
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list) or not data["changes"]:
        raise ContentError(path, 1, "must be a mapping with a 'changes:' list, newest first")
    entries = data["changes"]
    changes = []
    for index, entry in enumerate(entries):
        line = line_of(lines, "changes", index)
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), dt.date):
            raise ContentError(
                path, line, "each change needs a date (like 2026-12-05), a title and a summary"
            )
        for key in ("title", "summary"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise ContentError(path, line, f"change of {entry['date']} needs '{key}:' (text)")
        listed_pages = _strings(entry.get("pages"), path, line_of(lines, "changes", index, "pages"), "pages")
        for page in listed_pages:
            if page not in pages:
                raise ContentError(
                    path, line_of(lines, "changes", index, "pages"), f"no page '{page}' (docs/en/{page}.md)"
                )
        listed_languages = _strings(
            entry.get("languages"), path, line_of(lines, "changes", index, "languages"), "languages"
        )
        safety = entry.get("safety") or {}
        if not isinstance(safety, dict):
            raise ContentError(path, line_of(lines, "changes", index, "safety"), "safety must be a mapping")
        for locale, value in [*((code, None) for code in listed_languages), *safety.items()]:
            # A language no longer built keeps its history: any language code is allowed.
            if not isinstance(locale, str) or not LANGUAGE_CODE.fullmatch(locale):
                raise ContentError(
                    path, line, f"{locale!r} is not a language code: use one of {', '.join(known_languages)}"
                )
            if value is not None and (not isinstance(value, dict) or set(value) != set(PARTS)):
                raise ContentError(
                    path,
                    line_of(lines, "changes", index, "safety", locale),
                    f"safety.{locale} must be {{emergency: ..., wording: ...}}, as {LOG_COMMAND} prints it",
                )
        if not isinstance(entry.get("emergency", False), bool):
            raise ContentError(
                path, line_of(lines, "changes", index, "emergency"), "emergency is true or false"
            )
        if index and entries[index - 1]["date"] < entry["date"]:
            raise ContentError(path, line, "changes are listed newest first: move this entry up")
        changes.append(
            Change(
                number=len(entries) - index,
                date=entry["date"],
                title=entry["title"].strip(),
                summary=entry["summary"].strip(),
                pages=listed_pages,
                languages=listed_languages,
                safety={
                    locale: {part: str(value[part]) for part in PARTS} for locale, value in safety.items()
                },
                said_emergency=entry.get("emergency", False),
                line=line,
            )
        )
    return ChangeLog(path, tuple(changes))


def unlogged_languages(log: ChangeLog, current: dict[str, dict[str, str]]) -> list[str]:
    """The languages whose safety text differs from the last fingerprints the log holds for them."""
    return [locale for locale, fingerprint in current.items() if log.last_logged(locale) != fingerprint]


def logged_form(fingerprint: dict[str, str]) -> str:
    """A language's fingerprints as data/changes.yml writes them: {emergency: "…", wording: "…"}."""
    return "{" + ", ".join(f'{part}: "{fingerprint[part]}"' for part in PARTS) + "}"


def unlogged_message(current: dict[str, dict[str, str]], changed: list[str]) -> str:
    wanted = ", ".join(f"{locale}: {logged_form(current[locale])}" for locale in changed)
    return (
        f"the safety text (warning signs, cards, emergency numbers) of {', '.join(changed)} changed and no entry "
        f"logs it: add a change at the top of 'changes:' with a date, title, summary and "
        f"safety: {{{wanted}}} ({LOG_COMMAND} prints it)"
    )


@cached
def load_log() -> ChangeLog:
    path = project().data / CHANGES_FILE
    pages = {page.stem for page in (project().docs / "en").glob("*.md")}
    known = tuple(language.locale for language in languages())
    return parse_log(path.read_text(encoding="utf-8"), path, known, pages)
