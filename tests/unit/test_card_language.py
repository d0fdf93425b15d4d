"""Which language the alert card's second side speaks, from the country the reader is in."""

from __future__ import annotations

import pytest
from guide.catalogues.language_registry import official_in
from guide.handouts.card_language import card_language, card_languages, card_pairs, second_side

COUNTRIES = {
    "en": ("US", "CA", "GB"),
    "es": ("ES", "MX", "US"),
    "fr": ("FR", "BE", "CH", "CA"),
    "vi": ("VN", "US", "CA"),
}

# Official languages by country, as CLDR says (a few): Canada has two, the US one (Spanish is regional).
OFFICIAL = {"US": {"en"}, "CA": {"en", "fr"}, "GB": {"en"}, "FR": {"fr"}, "BE": {"fr"}, "CH": {"fr"},
            "ES": {"es"}, "MX": {"es"}, "VN": {"vi"}}  # fmt: skip


def official(language: str, country: str) -> bool:
    return language in OFFICIAL.get(country, ())


def anywhere(language: str, country: str) -> bool:
    return True


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
    assert card_language(country, COUNTRIES, official) == language


def test_a_language_that_lists_a_country_where_it_is_not_official_does_not_speak_to_its_doctors() -> None:
    """Russian readers live in Estonia and Ukraine; doctors there read Estonian or Ukrainian, which the
    guide lacks: English, not Russian."""
    countries = {"en": ("US", "GB"), "ru": ("RU", "UA", "EE")}
    cldr = {"RU": {"ru"}, "UA": {"uk"}, "EE": {"et"}, "US": {"en"}, "GB": {"en"}}
    for country, language in (("RU", "ru"), ("UA", "en"), ("EE", "en")):
        assert card_language(country, countries, lambda lang, where: lang in cldr[where]) == language


def test_a_tie_goes_to_the_language_listed_first() -> None:
    assert card_language("XX", {"fr": ("XX",), "es": ("XX",)}, anywhere) == "fr"
    assert card_language("XX", {"es": ("XX",), "fr": ("XX",)}, anywhere) == "es"


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
    assert second_side(country, page, COUNTRIES, official) == second


def test_every_known_country_has_a_language() -> None:
    assert card_languages(["FR", "DE", "US"], COUNTRIES, official) == {"DE": "en", "FR": "fr", "US": "en"}


def test_card_pairs_come_from_the_languages_of_the_readers_countries_plus_english() -> None:
    pairs = card_pairs(COUNTRIES, official)
    # Vietnamese: English (US, CA) and French (Canada); never Vietnamese with itself.
    assert list(pairs["vi"]) == ["en", "fr"]
    # The countries of a pair: those of the second language first, then the reader's, where it is official.
    assert pairs["vi"]["fr"] == ("FR", "BE", "CH", "CA")
    assert pairs["vi"]["en"] == ("US", "CA", "GB")
    assert pairs["en"] == {"fr": ("FR", "BE", "CH", "CA")}  # through Canada
    assert pairs["es"] == {"en": ("US", "CA", "GB")}  # English always; Spanish is not official in the US


def test_a_new_language_gets_its_pairs_from_the_data() -> None:
    countries = {**COUNTRIES, "de": ("DE", "CH")}
    pairs = card_pairs(
        countries,
        lambda language, country: (
            official(language, country) or (language, country) in {("de", "DE"), ("de", "CH")}
        ),
    )
    assert pairs["de"] == {"en": ("US", "CA", "GB"), "fr": ("FR", "BE", "CH", "CA")}
    assert pairs["fr"]["de"] == ("DE", "CH")  # French readers in Switzerland get German too


def test_no_pair_without_a_country_for_its_card() -> None:
    assert card_pairs({"en": ("US",), "xx": ("XX",)}, lambda language, country: False) == {"en": {}, "xx": {}}


def test_a_reader_in_taiwan_hong_kong_or_seoul_hands_the_doctor_their_script() -> None:
    countries = {
        "en": ("US", "CA", "GB"),
        "zh": ("CN", "SG", "HK", "TW", "MO", "MY"),
        "ko": ("KR", "US"),
        "zh-Hant": ("TW", "HK", "MO", "US"),
    }
    assert second_side("TW", "ko", countries, official_in) == "zh-Hant"  # Traditional lists Taiwan first
    assert second_side("HK", "en", countries, official_in) == "zh-Hant"
    assert second_side("CN", "zh-Hant", countries, official_in) == "zh"
    assert second_side("KR", "zh-Hant", countries, official_in) == "ko"
    assert second_side("US", "ko", countries, official_in) == "en"
