"""Which language the alert card's second side speaks, from the country the reader is in."""

from __future__ import annotations

import pytest
from guide.handouts.card_language import card_language, card_languages, second_side

COUNTRIES = {
    "en": ("US", "CA", "GB"),
    "es": ("ES", "MX", "US"),
    "fr": ("FR", "BE", "CH", "CA"),
    "vi": ("VN", "US", "CA"),
}


@pytest.mark.parametrize(
    ("country", "language"),
    [
        ("FR", "fr"),  # one language lists it
        ("MX", "es"),
        ("US", "en"),  # listed first by English, later by Spanish and Vietnamese
        ("CA", "en"),  # second in English, fourth in French, third in Vietnamese
        ("DE", "en"),  # no language of the guide lists it
        (None, "en"),  # the country is not known
    ],
)
def test_the_language_that_lists_the_country_earliest(country, language) -> None:
    assert card_language(country, COUNTRIES) == language


def test_a_tie_goes_to_the_language_listed_first() -> None:
    assert card_language("XX", {"fr": ("XX",), "es": ("XX",)}) == "fr"
    assert card_language("XX", {"es": ("XX",), "fr": ("XX",)}) == "es"


@pytest.mark.parametrize(
    ("country", "page", "second"),
    [
        ("FR", "vi", "fr"),  # a Vietnamese reader in Paris: French for the doctor
        ("FR", "en", "fr"),  # an English page in France shows French
        ("US", "es", "en"),
        ("US", "en", None),  # the country's language is the page's own: one language
        ("VN", "vi", None),
        ("DE", "en", None),  # no language for Germany: English, the page's own
        ("DE", "fr", "en"),
    ],
)
def test_the_second_side_is_none_when_it_would_repeat_the_page(country, page, second) -> None:
    assert second_side(country, page, COUNTRIES) == second


def test_every_known_country_has_a_language() -> None:
    assert card_languages(["FR", "DE", "US"], COUNTRIES) == {"DE": "en", "FR": "fr", "US": "en"}


def test_a_reader_in_taiwan_hong_kong_or_seoul_hands_the_doctor_their_script() -> None:
    countries = {
        "en": ("US", "CA", "GB"),
        "zh": ("CN", "SG", "HK", "TW", "MO", "MY"),
        "ko": ("KR", "US"),
        "zh-Hant": ("TW", "HK", "MO", "US"),
    }
    assert second_side("TW", "ko", countries) == "zh-Hant"  # Traditional lists Taiwan first
    assert second_side("HK", "en", countries) == "zh-Hant"
    assert second_side("CN", "zh-Hant", countries) == "zh"
    assert second_side("KR", "zh-Hant", countries) == "ko"
    assert second_side("US", "ko", countries) == "en"
