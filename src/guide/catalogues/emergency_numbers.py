"""Emergency phone numbers by country (data/emergency-numbers.yml), checked against the phonenumbers
library's emergency numbers for each region, with country names from CLDR (Babel) in any language.

Numbers depend on the country a reader is in, never on the language of the page.
"""

from __future__ import annotations

import functools

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
import unicodedata
from typing import Any

import babel
from babel import languages
import phonenumbers
from phonenumbers import shortnumberinfo

from guide.core.project import cached, project
from guide.core.input_files import load_yaml_tree
from guide.core.pages import ContentError
from guide.catalogues.sources import all_sources
from guide.core.yaml_lines import line_of, node_lines
from guide.core.site_config import cldr_locale

NUMBERS_FILE = "emergency-numbers.yml"  # in data/
VERIFICATION_LEVELS = ("verified", "partly-verified", "weakly-verified")


@dataclass(frozen=True)
class EmergencyNumber:
    number: str
    service: str  # a proper name such as "SAMU", or ""

    @property
    def dial(self) -> str:
        """What a tel: link dials."""
        return "".join(character for character in self.number if character.isdigit() or character == "+")


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    numbers: tuple[EmergencyNumber, ...]
    sources: tuple[int, ...]
    verification: str
    note: str
    # A line for urgent help that is not an emergency (NHS 111), where a source gives one: the same-day card.
    urgent_numbers: tuple[EmergencyNumber, ...] = ()


@dataclass(frozen=True)
class NumbersCatalogue:
    checked: dt.date
    countries: dict[str, Country]
    no_source: tuple[str, ...]


# Short forms people type that CLDR does not give as names (the country picker also finds every CLDR name
# of the country in the page's language, in English and in the country's own languages, and its ISO code).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "GB": ("UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"),
    "US": ("USA", "America", "United States of America"),
    "AE": ("UAE", "Emirates", "Dubai", "Abu Dhabi"),
    "SA": ("KSA",),
    "KR": ("Korea", "South Korea"),
    "CN": ("PRC", "Mainland China"),
    "TW": ("ROC",),
    "HK": ("HKSAR",),
    "MO": ("Macao",),
    "NL": ("Holland",),
    "CZ": ("Czech Republic",),
    "DO": ("Dominican Rep",),
}


# CLDR's names do not change during a build: each page's cards list every country, so look each up once.
@functools.cache
def country_name(code: str, locale: str) -> str:
    """The country's name in the page's language, from CLDR."""
    return babel.Locale.parse(cldr_locale(locale)).territories.get(code, code)


def folded(text: str) -> str:
    """Text as the picker compares it: no accents, no case (the page's script folds a query the same way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.cache
def _own_names(code: str) -> tuple[str, ...]:
    names = []
    for language in languages.get_official_languages(code, de_facto=True):
        try:
            names.append(babel.Locale.parse(language).territories.get(code, ""))
        except (babel.UnknownLocaleError, ValueError):
            continue  # a language CLDR has no locale data for
    return tuple(names)


@functools.cache
def search_names(code: str, locale: str) -> str:
    """Every name a reader may type for a country, folded, joined by "|"."""
    names = {
        country_name(code, locale),
        country_name(code, "en"),
        code,
        *_own_names(code),
        *SHORT_FORMS.get(code, ()),
    }
    return "|".join(sorted({folded(name) for name in names if name}))


def _check_number(number: str, code: str, override_sources: list[int], where: tuple[Path, int]) -> None:
    if not number or not all(character.isdigit() for character in number):
        raise ContentError(*where, f"'{number}' is not a phone number: write digits only, in quotes")
    if shortnumberinfo.is_emergency_number(number, code):
        return
    if not override_sources:
        raise ContentError(
            *where,
            f"{number} is not an emergency number of {code} in the phonenumbers library. Check the number; "
            "if a source says it is right, add override_sources: [n] to it",
        )


def _parse_country(code: str, entry: Any, lines: dict, path: Path) -> Country:
    here = (path, line_of(lines, "countries", code))
    if not isinstance(entry, dict):
        raise ContentError(
            *here, f"countries.{code} must be a mapping with numbers, sources and verification"
        )
    if code not in babel.Locale.parse("en").territories or len(code) != 2 or not code.isupper():
        raise ContentError(*here, f"'{code}' is not an ISO 3166-1 region code such as ES or MX")
    sources = entry.get("sources")
    if not isinstance(sources, list) or not sources or any(n not in all_sources() for n in sources):
        raise ContentError(
            path,
            line_of(lines, "countries", code, "sources"),
            f"countries.{code}.sources must list sources in data/sources.yml",
        )
    if entry.get("verification") not in VERIFICATION_LEVELS:
        raise ContentError(
            path,
            line_of(lines, "countries", code, "verification"),
            f"countries.{code}.verification must be one of {', '.join(VERIFICATION_LEVELS)}",
        )
    numbers = entry.get("numbers")
    if not isinstance(numbers, list) or not numbers:
        raise ContentError(*here, f"countries.{code}.numbers must list at least one number")
    parsed = []
    for index, item in enumerate(numbers):
        where = (path, line_of(lines, "countries", code, "numbers", index))
        if not isinstance(item, dict):
            raise ContentError(*where, 'each number is written {number: "112"}')
        number = str(item.get("number", ""))
        _check_number(number, code, item.get("override_sources") or [], where)
        parsed.append(EmergencyNumber(number, str(item.get("service", ""))))
    urgent = []
    for index, item in enumerate(entry.get("urgent_numbers") or []):
        where = (path, line_of(lines, "countries", code, "urgent_numbers", index))
        number = str(item.get("number", "")) if isinstance(item, dict) else ""
        if not number.isdigit() or not shortnumberinfo.is_valid_short_number_for_region(
            phonenumbers.parse(number, code), code
        ):
            raise ContentError(
                *where,
                f"'{number}' is not a short number of {code} in the phonenumbers library: write it "
                '{number: "111", service: "NHS 111"}, digits only, and check it against its source',
            )
        urgent.append(EmergencyNumber(number, str(item.get("service", ""))))
    return Country(
        code, tuple(parsed), tuple(sources), entry["verification"], str(entry.get("note", "")), tuple(urgent)
    )


@cached
def load_numbers() -> NumbersCatalogue:
    path = project().data / NUMBERS_FILE
    text = path.read_text(encoding="utf-8")
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), dict):
        raise ContentError(path, 1, "must be a mapping with checked, countries and no_source")
    if not isinstance(data.get("checked"), dt.date):
        raise ContentError(path, line_of(lines, "checked"), "checked must be a date like 2026-11-24")
    countries = {
        str(code): _parse_country(str(code), entry, lines, path) for code, entry in data["countries"].items()
    }
    no_source = tuple(str(code) for code in data.get("no_source") or ())
    return NumbersCatalogue(data["checked"], countries, no_source)
