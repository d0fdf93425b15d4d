"""Which language the alert card's second side speaks: the language of the country the reader is in.

Pure functions, tested in tests/unit/test_card_language.py; the card's page (handouts/card_page.py) writes
their answer for every country into the page's head, where the reader's country is known before drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

FALLBACK = "en"  # where no language of the guide is an official language of the country

# Whether a language is an official language of a country (CLDR: language_registry.official_in).
Official = Callable[[str, str], bool]


def card_language(country: str | None, countries: Mapping[str, Sequence[str]], official: Official) -> str:
    """The guide language that is an official language of `country` and lists it in its `countries:`, the
    one that lists it earliest (a tie goes to the language that comes first in `countries`, the order of
    mkdocs.yml); English where none is, or where the country is not known. Official, not just spoken: the
    Russian of readers in Estonia is not what a doctor there reads."""
    ranked = sorted(
        (codes.index(country), order, language)
        for order, (language, codes) in enumerate(countries.items())
        if country in codes and official(language, country)
    )
    return ranked[0][2] if ranked else FALLBACK


def second_side(
    country: str | None, page_language: str, countries: Mapping[str, Sequence[str]], official: Official
) -> str | None:
    """The language of the card's second side on a page in `page_language`, or None when the country's
    language is the page's own: the clinician reads the reader's side, and the card shows one language."""
    language = card_language(country, countries, official)
    return None if language == page_language else language


def card_languages(
    known: Sequence[str], countries: Mapping[str, Sequence[str]], official: Official
) -> dict[str, str]:
    """card_language of every country we know a number for, as the page's head script looks it up."""
    return {country: card_language(country, countries, official) for country in sorted(known)}


def card_pairs(
    countries: Mapping[str, Sequence[str]], official: Official
) -> dict[str, dict[str, tuple[str, ...]]]:
    """The printed cards the data implies, per reader's language: each other language of the guide that is
    an official language (CLDR, `official(language, country)`) of one of the reader's countries, plus
    English; for each such pair, the countries whose number a card of the pair carries: the countries of
    both languages (data/language-countries.yml) where the second language is official, in that order.
    `countries` is ordered as mkdocs.yml orders the languages; so are the pairs."""
    pairs: dict[str, dict[str, tuple[str, ...]]] = {}
    for reader, own in countries.items():
        seconds = [
            language
            for language in countries
            if language != reader
            and (language == FALLBACK or any(official(language, country) for country in own))
        ]
        pairs[reader] = {}
        for second in seconds:
            where = tuple(
                dict.fromkeys(country for country in (*countries[second], *own) if official(second, country))
            )
            if where:
                pairs[reader][second] = where
    return pairs
