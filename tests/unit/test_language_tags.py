"""Which of the guide's languages a language tag from elsewhere means (guide/core/language_tags.py)."""

from __future__ import annotations

import json

import pytest
from guide.core.language_tags import guide_language, rules_json

KNOWN = ("en", "es", "zh", "zh-Hant", "tl")


@pytest.mark.parametrize(
    ("tag", "known", "expected"),
    [
        ("es-MX", KNOWN, "es"),
        ("ES_us", KNOWN, "es"),
        ("fil-PH", KNOWN, "tl"),
        ("zh-TW", KNOWN, "zh-Hant"),
        ("zh_hk", KNOWN, "zh-Hant"),
        ("zh-Hant", KNOWN, "zh-Hant"),
        ("zh-Hans-TW", KNOWN, "zh"),
        ("zh-CN", KNOWN, "zh"),
        ("zh-TW", ("en", "zh"), "zh"),  # a guide without Traditional characters: Simplified
        ("de-AT", KNOWN, "de"),  # the guide's code, whether or not it has the language
        ("", KNOWN, ""),
    ],
)
def test_a_tag_means_one_of_the_guides_codes(tag: str, known: tuple[str, ...], expected: str) -> None:
    assert guide_language(tag, known) == expected


def test_the_pages_get_the_same_rules_as_json() -> None:
    rules = json.loads(rules_json())
    assert rules["same"] == {"fil": "tl"} and rules["traditional"]["locale"] == "zh-Hant"
    assert not set(rules_json()) & set("<>&'"), "safe in a script and in an attribute"
