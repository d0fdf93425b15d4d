"""Back-translations (translations/back-translations/<lang>.yml): the literal English of a language's safety
text, for a reviewer who does not read it. Each file mirrors its language's `triage:` section key for key
and back-translates UI strings of that language with the same placeholders, so that nothing a card shows
is left unchecked or checked against words the language no longer has."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

BACK_TRANSLATIONS = ROOT / "translations" / "back-translations"
PLACEHOLDER = re.compile(r"\{\w+\}")
# The strings an urgency card or the alert card shows: a back-translation must cover them.
CARD_STRINGS = {
    "emergency_number_in",
    "choose_country",
    "urgent_number_in",
    "emergency_number_missing",
    "why_we_say_this",
    "card_general_advice",
    "alert_card_intro",
    "alert_card_fields",
}


def _keys(mapping: Any, prefix: str = "") -> set[str]:
    if not isinstance(mapping, dict):
        return set()
    found: set[str] = set()
    for key, value in mapping.items():
        found |= {prefix + str(key)} | _keys(value, f"{prefix}{key}.")
    return found


def _leaves(mapping: Any) -> list[Any]:
    if isinstance(mapping, dict):
        return [leaf for value in mapping.values() for leaf in _leaves(value)]
    return [mapping]


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_languages_added_after_the_first_six_have_a_back_translation() -> None:
    assert {"pt", "pl"} <= {path.stem for path in BACK_TRANSLATIONS.glob("*.yml")}


@pytest.mark.parametrize("path", sorted(BACK_TRANSLATIONS.glob("*.yml")), ids=lambda path: path.stem)
def test_a_back_translation_mirrors_its_language_and_covers_the_cards(path: Path) -> None:
    back = _load(path)
    language = _load(ROOT / "translations" / path.name)
    assert set(back) == {"triage", "strings"}, f"{path.name}: top-level keys"
    assert _keys(back["triage"]) == _keys(language["triage"]), f"{path.name}: triage keys differ"
    assert CARD_STRINGS <= set(back["strings"]), f"{path.name}: card strings missing"
    for key, english in back["strings"].items():
        assert key in language["strings"], f"{path.name}: unknown string {key}"
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(language["strings"][key])), key
    assert all(isinstance(text, str) and text.strip() for text in _leaves(back)), f"{path.name}: empty value"
