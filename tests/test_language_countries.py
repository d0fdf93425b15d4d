"""The countries a language shows first are maintainers' data (data/language-countries.yml): a translations
file keeps them first, in order, and adds only countries where CLDR says the language is spoken."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, failed_build
from guide.catalogues.language_registry import spoken_in
from helpers import replace_once

FRENCH = "countries: [FR, BE, CH, CA, LU, MC]"


def _line(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("countries: [")].count("\n") + 1


@pytest.mark.languages("en", "fr")
@pytest.mark.parametrize(
    ("countries", "message"),
    [
        ("[BE, CH, CA, LU, MC]", "'countries' must start with FR, BE, CH, CA, LU, MC, in this order"),
        ("[US, FR, BE, CH, CA, LU, MC]", "'countries' must start with FR, BE, CH, CA, LU, MC, in this order"),
        ("[FR, CH, BE, CA, LU, MC]", "'countries' must start with FR, BE, CH, CA, LU, MC, in this order"),
        (
            "[FR, BE, CH, CA, LU, MC, FR]",
            "'countries' must start with FR, BE, CH, CA, LU, MC, in this order, each once",
        ),
        ("[FR, BE, CH, CA, LU, MC, IN]", "country 'IN' is not one where 'fr' is spoken (CLDR)"),
    ],
    ids=[
        "main country removed",
        "another country first",
        "order changed",
        "repeated",
        "far-away country added",
    ],
)
def test_a_translator_cannot_change_the_required_countries(
    small_project: Path, countries: str, message: str
) -> None:
    path = small_project / "translations/fr.yml"
    replace_once(path, FRENCH, f"countries: {countries}")
    assert f"translations/fr.yml:{_line(path)}: {message}" in failed_build(small_project)


@pytest.mark.languages("en", "fr")
def test_a_country_where_the_language_is_spoken_may_be_added(small_project: Path) -> None:
    replace_once(small_project / "translations/fr.yml", FRENCH, "countries: [FR, BE, CH, CA, LU, MC, IT]")
    result = build_site(small_project, small_project / "site")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    ("language", "country", "spoken"),
    [
        ("zh", "TW", True),
        ("zh", "HK", True),
        ("es", "US", True),
        ("fr", "IN", False),
        ("ar", "VN", False),
        ("tl", "PH", True),  # CLDR files Tagalog as Filipino (fil)
        ("tl", "RU", False),
        ("ru", "UA", True),
    ],
)
def test_spoken_in_reads_cldr(language: str, country: str, spoken: bool) -> None:
    assert spoken_in(language, country) is spoken
