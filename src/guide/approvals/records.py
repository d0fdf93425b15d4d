"""The approvals of safety wording (data/safety-approvals.yml), kept by the maintainers (.github/CODEOWNERS).

Per language and safety key (guide/approvals/safety_wording.py), one record on one line:

    es:
      triage.signs.weakness: {hash: "3f2a9c1d0b7e", state: approved, approved_by: "Dr A. Ruiz",
                              role: "oncology nurse", date: 2027-01-10, back_translation: "weakness, ..."}

`hash` is the fingerprint of the translated text that was checked; `back_translation` the translator's
literal English rendering of it (translations/back-translations/<lang>.yml) as the approver read it.
`state: draft` records wording that is published but that no clinician has approved (approved_by and role
are null): today's translations, and a new language's first wording. Either way the text cannot change
without a new record, which only a maintainer can merge.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.core.input_files import ContentError, load_yaml_tree, read_text_file
from guide.core.project import cached, project
from guide.core.yaml_lines import line_of, node_lines

APPROVALS_FILE = "safety-approvals.yml"  # in data/
STATES = ("draft", "approved")
DRAFT, APPROVED = STATES
FIELDS = ("hash", "state", "approved_by", "role", "date", "back_translation")
_HASH = re.compile(r"[0-9a-f]{12}")
# The maintainers' records grow by about 30 KB a language (some 140 keys): above the limit for a
# translator's file, which guards the build against a page made to slow it down.
MAX_APPROVALS_BYTES = 1_000_000


@dataclass(frozen=True)
class Approval:
    hash: str
    state: str
    approved_by: str | None
    role: str | None
    date: dt.date
    back_translation: str
    line: int = 0

    @property
    def approved(self) -> bool:
        return self.state == APPROVED


Approvals = dict[str, dict[str, Approval]]  # language -> key -> record


def approvals_path() -> Path:
    return project().data / APPROVALS_FILE


def _record(value: Any, path: Path, line: int, where: str) -> Approval:
    if not isinstance(value, dict) or set(value) != set(FIELDS):
        raise ContentError(path, line, f"{where} must have exactly {', '.join(FIELDS)}")
    if not isinstance(value["hash"], str) or not _HASH.fullmatch(value["hash"]):
        raise ContentError(path, line, f"{where}: hash must be 12 hexadecimal digits")
    if value["state"] not in STATES:
        raise ContentError(path, line, f"{where}: state must be one of {', '.join(STATES)}")
    if not isinstance(value["date"], dt.date):
        raise ContentError(path, line, f"{where}: date must be a date like 2026-12-06")
    people = (value["approved_by"], value["role"])
    if value["state"] == APPROVED:
        texts = (*people, value["back_translation"])
        if not all(isinstance(text, str) and text.strip() for text in texts):
            raise ContentError(
                path, line, f"{where}: an approval names who approved it, their role and the back-translation"
            )
    elif people != (None, None):
        raise ContentError(path, line, f"{where}: a draft has approved_by: null and role: null")
    if not isinstance(value["back_translation"], str):
        raise ContentError(path, line, f"{where}: back_translation must be text ('' when there is none)")
    return Approval(
        hash=value["hash"],
        state=value["state"],
        approved_by=value["approved_by"],
        role=value["role"],
        date=value["date"],
        back_translation=value["back_translation"].strip(),
        line=line,
    )


def parse_approvals(text: str, path: Path) -> Approvals:
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    section = data.get("approvals") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise ContentError(path, 1, "must be a mapping with 'approvals:', by language then key")
    approvals: Approvals = {}
    for language, records in section.items():
        if not isinstance(records, dict):
            raise ContentError(
                path, line_of(lines, "approvals", language), f"approvals.{language} must map keys to records"
            )
        approvals[str(language)] = {
            str(key): _record(value, path, line_of(lines, "approvals", language, key), f"{language} {key}")
            for key, value in records.items()
        }
    return approvals


@cached
def load_approvals() -> Approvals:
    path = approvals_path()
    if not path.is_file():
        raise ContentError(path, 1, "the approvals of safety wording are missing: restore the file from git")
    return parse_approvals(read_text_file(path, MAX_APPROVALS_BYTES), path)


def _quoted(value: str | None) -> str:
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def approvals_document(approvals: Approvals, header: str) -> str:
    """The whole file after its header comments, one record a line: a pull request shows one line per key."""
    out = [header.rstrip("\n") + "\n", "approvals:"]
    for language, records in approvals.items():
        out.append(f"  {language}:")
        for key, record in records.items():
            out.append(
                f'    {key}: {{hash: "{record.hash}", state: {record.state}, '
                f"approved_by: {_quoted(record.approved_by)}, role: {_quoted(record.role)}, "
                f"date: {record.date.isoformat()}, back_translation: {_quoted(record.back_translation)}}}"
            )
    return "\n".join(out) + "\n"
