"""English back-translations of each language's safety wording (translations/back-translations/<lang>.yml):
the same keys as the language's `triage:` section, and the UI strings of the cards, so that a reviewer who
does not read the language can check every sign, card title and action. No build: the files themselves."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from guide.core.site_config import languages

BACK_TRANSLATIONS = ROOT / "translations" / "back-translations"
# Every translation has one: the approval records (data/safety-approvals.yml) copy it.
MUST_HAVE_ONE = tuple(language.locale for language in languages() if not language.default)
PLACEHOLDER = re.compile(r"\{\w+\}")
# A back-translation is English: no Hangul, Han, Arabic or other non-Latin letters left untranslated.
NOT_ENGLISH = re.compile(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]")


def _leaves(tree: dict[str, Any] | list[Any], prefix: str = "") -> dict[str, Any]:
    """Every value of a nested mapping by its dotted key (a list item by its place: the Easy Read actions)."""
    leaves: dict[str, Any] = {}
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    for key, value in items:
        if isinstance(value, (dict, list)):
            leaves.update(_leaves(value, f"{prefix}{key}."))
        else:
            leaves[f"{prefix}{key}"] = value
    return leaves


def _yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("locale", MUST_HAVE_ONE)
def test_each_new_language_has_a_back_translation(locale: str) -> None:
    assert (BACK_TRANSLATIONS / f"{locale}.yml").is_file()


@pytest.mark.parametrize("path", sorted(BACK_TRANSLATIONS.glob("*.yml")), ids=lambda path: path.stem)
def test_a_back_translation_mirrors_its_language_in_plain_english(path: Path) -> None:
    back = _yaml(path)
    translation = _yaml(ROOT / "translations" / path.name)
    assert set(back) == {"triage", "strings"}, path.name
    back_triage, triage = _leaves(back["triage"]), _leaves(translation["triage"])
    assert set(back_triage) == set(triage), f"{path.name}: keys differ from translations/{path.name} triage:"
    strings = translation["strings"]
    assert set(back["strings"]) <= set(strings), f"{path.name}: strings the language does not have"
    card_strings = ("why_we_say_this", "emergency_number_in", "choose_country", "card_general_advice")
    for key in (*card_strings, "alert_card_intro", "alert_card_fields"):
        assert key in back["strings"], f"{path.name}: card string {key} is not back-translated"
    for key, english in {**back_triage, **{f"strings.{k}": v for k, v in back["strings"].items()}}.items():
        assert isinstance(english, str) and english.strip(), f"{path.name}: {key} is empty"
        assert not NOT_ENGLISH.search(english), f"{path.name}: {key} is not English: {english}"
    for key, english in back["strings"].items():
        assert set(PLACEHOLDER.findall(english)) == set(PLACEHOLDER.findall(strings[key])), (
            f"{path.name}: strings.{key} keeps other placeholders than the translation"
        )
