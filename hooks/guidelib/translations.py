"""Per-language data in translations/<lang>.yml: UI strings, emergency numbers, key terms.

Every file must have every string the templates and hooks use (STRINGS), so that a missing string
fails the build with the file and key named instead of showing an empty box to a patient.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelib.pages import ContentError, load_yaml, read_text_file
from guidelib.plain_text import check_plain_text_tree

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS_DIR = ROOT / "translations"
# The UI strings our templates and hooks use; each translations/<lang>.yml provides all of them.
STRINGS = (
    "emergency_numbers_label", "emergency_numbers_elsewhere", "emergency_numbers_checked",
    "review_not_reviewed", "review_reviewed", "last_reviewed", "sources_heading", "sources_intro",
    "translation_draft", "translation_reviewed", "translation_outdated", "read_english", "translation_status",
    "offline_ready", "offline_save", "offline_saving", "offline_failed", "offline_title", "offline_text",
    "update_available", "update_refresh", "download_bundle",
    "hospital_emergency_number", "hospital_team_phone", "hospital_number_source", "print_label", "pdf_download", "source_page",
    "for_hospitals", "for_hospitals_intro", "for_hospitals_parameters", "for_hospitals_example",
    "for_hospitals_other", "for_hospitals_licence",
)
_PHONE_NUMBER = re.compile(r"^[0-9][0-9 -]{1,14}$")


@dataclass(frozen=True)
class EmergencyNumber:
    country: str
    number: str
    note: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class LanguageData:
    language: str
    path: Path
    strings: dict[str, str]
    numbers_checked: dt.date
    emergency_numbers: tuple[EmergencyNumber, ...]
    glossary: dict[str, str]


def translation_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{language}.yml"


def _line_of_key(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return 1


def _parse(path: Path) -> tuple[str, dict[str, Any]]:
    if not path.is_file():
        raise ContentError(path, 1, "translation file is missing")
    text = read_text_file(path)
    data = load_yaml(text, path)
    if not isinstance(data, dict):
        raise ContentError(path, 1, "must be a mapping with strings, emergency_numbers and glossary")
    for section in ("strings", "emergency_numbers", "glossary"):
        if not isinstance(data.get(section), dict):
            raise ContentError(path, _line_of_key(text, section), f"'{section}' is missing or not a mapping")
    return text, data


@functools.cache
def load_language(language: str) -> LanguageData:
    path = translation_path(language)
    text, data = _parse(path)
    check_plain_text_tree(text, path)  # every string, in every section, is plain text
    strings: dict[str, Any] = data["strings"]
    for key in STRINGS:
        value = strings.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(path, _line_of_key(text, "strings"), f"missing or empty key 'strings.{key}'")
    for key in strings.keys() - set(STRINGS):
        raise ContentError(path, _line_of_key(text, key), f"unknown key 'strings.{key}' (a typo?)")

    numbers_data = data["emergency_numbers"]
    checked = numbers_data.get("checked")
    if not isinstance(checked, dt.date):
        raise ContentError(path, _line_of_key(text, "checked"), "emergency_numbers.checked must be a date")
    countries = numbers_data.get("countries")
    if not isinstance(countries, list) or not countries:
        raise ContentError(path, _line_of_key(text, "countries"), "emergency_numbers.countries must be a list")
    numbers: list[EmergencyNumber] = []
    for entry in countries:
        number = str(entry.get("number", "")) if isinstance(entry, dict) else ""
        if not (isinstance(entry, dict) and entry.get("country") and _PHONE_NUMBER.match(number)):
            raise ContentError(
                path, _line_of_key(text, "countries"), f"each country needs 'country' and a digits-only 'number': {entry!r}"
            )
        numbers.append(
            EmergencyNumber(
                country=str(entry["country"]),
                number=number,
                note=str(entry.get("note", "")),
                sources=tuple(entry.get("sources", ())),
            )
        )
    glossary = {str(k): str(v) for k, v in data["glossary"].items()}
    return LanguageData(language, path, strings, checked, tuple(numbers), glossary)
