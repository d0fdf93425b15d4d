"""Safety wording cannot change without a recorded approval.

Once per build, before any language: each language's safety texts (guide/approvals/safety_wording.py) are
compared with data/safety-approvals.yml. A text whose fingerprint no record holds stops the build with one
line naming the translations file, the line, the key and the command that records an approval. English is
the source, owned by data/triage.yml and translations/en.yml (maintainers), and has no records.

The approve command (`guide approve`) writes records; the translation status page shows each sign's
back-translation and whether a clinician approved it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from guide.approvals.records import (
    APPROVED,
    MAX_APPROVALS_BYTES,
    DRAFT,
    Approval,
    Approvals,
    approvals_document,
    approvals_path,
    load_approvals,
)
from guide.approvals.safety_wording import key_path, safety_texts, text_hash, value_at
from guide.catalogues.language_registry import STRINGS, load_language, translation_path
from guide.checks.plain_text import check_plain_text_node
from guide.checks.text_controls import check_text_controls
from guide.core.input_files import ContentError, load_yaml_tree, read_text_file
from guide.core.project import project
from guide.core.site_config import languages
from guide.core.yaml_lines import leading_comments, line_of, node_lines
from guide.translation.translated_pages import SOURCE_LANGUAGE

APPROVE_COMMAND = ".venv/bin/guide approve"


def current_texts(language: str) -> dict[str, str]:
    loaded = load_language(language)
    return safety_texts(loaded.triage, loaded.strings)


def translated_languages() -> list[str]:
    return [language.locale for language in languages() if language.locale != SOURCE_LANGUAGE]


def unapproved_keys(texts: dict[str, str], records: dict[str, Approval]) -> list[str]:
    """The keys whose text no record holds (pure)."""
    return [key for key, text in texts.items() if key not in records or records[key].hash != text_hash(text)]


def translation_line(language: str, key: str) -> int:
    """The line of a key (triage.signs.weakness) in a language's translations file."""
    path = translation_path(language)
    return line_of(node_lines(load_yaml_tree(read_text_file(path), path)[1]), *key_path(key))


def check_approvals() -> None:
    """Every language's safety wording as its records hold it; no record for a text that does not exist."""
    approvals = load_approvals()
    for language in translated_languages():
        texts = current_texts(language)
        records = approvals.get(language, {})
        for key in unapproved_keys(texts, records):
            what = "changed since its record" if key in records else "has no record"
            raise ContentError(
                translation_path(language),
                translation_line(language, key),
                f"safety wording '{key}' {what} in data/safety-approvals.yml: a clinician checks it against "
                f"translations/back-translations/{language}.yml, then a maintainer runs "
                f"{APPROVE_COMMAND} {language} {key} --by NAME --role ROLE",
            )
        for key, record in records.items():
            if key not in texts:
                raise ContentError(
                    approvals_path(),
                    record.line,
                    f"'{key}' is not a safety text of {language}: delete the line",
                )


def back_translations_path(language: str) -> Path:
    return project().translations / "back-translations" / f"{language}.yml"


def load_back_translations(language: str) -> dict[str, Any]:
    """The translator's English back-translations of one language, checked as plain text; {} if none."""
    path = back_translations_path(language)
    if not path.is_file():
        return {}
    text = read_text_file(path)
    check_text_controls(text, path)
    data, root = load_yaml_tree(text, path)
    if not isinstance(data, dict) or root is None:
        raise ContentError(
            path, 1, "must be a mapping with 'triage:' and 'strings:', like translations/<lang>.yml"
        )
    check_plain_text_node(root, path, 1, "")
    lines = node_lines(root)
    # Any UI string may be back-translated (only the safety ones are recorded); other keys are typos.
    known = {*current_texts(language), *(f"strings.{key}" for key in STRINGS)}
    for found in _dotted_keys(data):
        if found not in known:
            raise ContentError(
                path,
                line_of(lines, *key_path(found)),
                f"'{found}' is not a key of translations/{language}.yml's triage or strings: check its spelling",
            )
    return data


def _dotted_keys(data: Any, prefix: str = "") -> list[str]:
    if isinstance(data, list):  # the Easy Read actions: an item is found by its place
        data = dict(enumerate(data))
    if not isinstance(data, dict):
        return [prefix.removesuffix(".")]
    return [key for name, value in data.items() for key in _dotted_keys(value, f"{prefix}{name}.")]


def record(
    approvals: Approvals,
    language: str,
    keys: list[str],
    approver: tuple[str, str] | None,
    today: dt.date,
) -> list[str]:
    """Record the current text of keys (every unrecorded key for a draft, approver None): an approval needs a
    back-translation, which it copies. Returns what it recorded; raises ContentError on a missing one."""
    texts = current_texts(language)
    back = load_back_translations(language)
    records = approvals.setdefault(language, {})
    if approver is None:
        # A draft also takes up a back-translation written since (a draft approves nothing).
        stale_drafts = [
            key
            for key, found in records.items()
            if key in texts and found.state == DRAFT and found.back_translation != (value_at(back, key) or "")
        ]
        keys = keys or list(dict.fromkeys([*unapproved_keys(texts, records), *stale_drafts]))
    for key in keys:
        if key not in texts:
            raise ContentError(translation_path(language), 1, f"'{key}' is not a safety text of {language}")
        back_translation = value_at(back, key)
        if approver is not None and back_translation is None:
            raise ContentError(
                back_translations_path(language),
                1,
                f"no back-translation of '{key}': the translator writes it before a clinician approves",
            )
        records[key] = Approval(
            hash=text_hash(texts[key]),
            state=APPROVED if approver else DRAFT,
            approved_by=approver[0] if approver else None,
            role=approver[1] if approver else None,
            date=today,
            back_translation=back_translation or "",
        )
    # Keys in the order of the translations file, languages in mkdocs.yml's order.
    approvals[language] = {key: records[key] for key in texts if key in records}
    return keys


def write_approvals(approvals: Approvals) -> None:
    order = [language for language in translated_languages() if language in approvals]
    ordered = {language: approvals[language] for language in [*order, *sorted(set(approvals) - set(order))]}
    path = approvals_path()
    path.write_text(
        approvals_document(ordered, leading_comments(read_text_file(path, MAX_APPROVALS_BYTES))),
        encoding="utf-8",
    )


def signs_back_translated(language: str) -> list[str]:
    """Status page lines (plain text): each warning sign in the language, its back-translation, and who
    approved it."""
    records = load_approvals().get(language, {})
    lines = []
    for key, text in current_texts(language).items():
        if not key.startswith("triage.signs."):
            continue
        found = records.get(key)
        back = (
            f"“{found.back_translation}”" if found and found.back_translation else "no back-translation yet"
        )
        state = (
            f"approved by {found.approved_by} ({found.role}) on {found.date.isoformat()}"
            if found and found.approved
            else "not yet approved by a clinician"
        )
        lines.append(f"{text}: {back}; {state}")
    return lines
