"""Per-language data in translations/<lang>.yml: the site's name, description, licence line and menu titles
(`site:`, fed to mkdocs-static-i18n by the guide plugin, src/guide/plugin.py), UI strings, the countries shown first, the words of the
triage catalogue, the key terms (guide/translation/key_terms.py).

Every file must have every string the templates and the build use (STRINGS), and every language but English
a `triage:` section with every sign, tier text and card text of data/triage.yml, so that a missing string
fails the build with the file and line named instead of showing an empty box to a patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.languages import get_territory_language_info

from guide.catalogues.emergency_numbers import load_numbers
from guide.translation.key_terms import KeyTerm, card_term_gaps, missing_terms, parse_key_terms
from guide.core.project import cached, project
from guide.core.input_files import load_yaml_tree
from guide.core.pages import ContentError, read_text_file
from guide.checks.plain_text import check_plain_text_node
from guide.checks.text_controls import check_text_controls
from guide.core.digits import new_digit_run
from guide.core.site_config import nav_titles
from guide.translation.translated_pages import SOURCE_LANGUAGE, english_source
from guide.catalogues.triage import TIERS, Wording, load_catalogue, typed_numbers, unknown_signs, wording
from guide.core.yaml_lines import line_of, node_lines
from guide.easy_read.sentences import check_easy_read, check_sentence
from guide.diagrams.drawings import LABEL_PLACES, label_too_long

# The UI strings our templates and the build use; each translations/<lang>.yml provides all of them.
STRINGS = (
    "emergency_numbers_label",
    "emergency_numbers_elsewhere",
    "emergency_numbers_checked",
    "review_not_reviewed",
    "review_reviewed",
    "last_reviewed",
    "sources_heading",
    "sources_intro",
    "translation_draft",
    "translation_reviewed",
    "translation_outdated",
    "read_english",
    "translation_status",
    "general_advice",
    "emergency_number_in",
    "choose_country",
    "country_search",
    "country_none",
    "numbers_heading",
    "numbers_intro",
    "numbers_country",
    "numbers_number",
    "numbers_missing",
    "numbers_note",
    "review_not_reviewed_short",
    "translation_draft_short",
    "notice_details",
    "alert_card_link",
    "alert_card_phone_link",
    "alert_card_page_link",
    "alert_card_intro",
    "alert_card_second_language",
    "alert_card_fields",
    "alert_card_print",
    "alert_card_image",
    "alert_card_clear",
    # The whole-guide booklet (handouts/booklet.py): its contents page, its one list of sources, its cover.
    "booklet_contents",
    "booklet_sources_intro",
    "booklet_online",
    "offline_ready",
    "offline_save",
    "offline_saving",
    "offline_failed",
    "offline_title",
    "offline_text",
    "not_found_title",
    "not_found_text",
    "not_found_home",
    "update_available",
    "update_refresh",
    "download_bundle",
    "scheme_dark",
    "scheme_light",
    "hospital_emergency_number",
    "hospital_team_phone",
    "hospital_number_source",
    "pdf_download",
    "source_page",
    "for_hospitals",
    "for_hospitals_intro",
    "for_hospitals_parameters",
    "for_hospitals_example",
    "for_hospitals_example_show",
    "for_hospitals_other",
    "for_hospitals_licence",
    "for_hospitals_infobutton_heading",
    "for_hospitals_infobutton",
    "for_hospitals_infobutton_answers",
    "for_hospitals_changes",
    "for_hospitals_infobutton_offline",
    "for_hospitals_fhir_heading",
    "for_hospitals_fhir",
    "for_hospitals_fhir_states",
    "for_hospitals_option_emergency",
    "for_hospitals_option_team",
    "for_hospitals_option_rules",
    "for_hospitals_encoding",
    "for_hospitals_sandbox",
    "for_hospitals_oembed",
    "hospital_number_rejected",
    "diagram_spine_alt",
    "diagram_spine_caption",
    "diagram_spine_neck",
    "diagram_spine_chest",
    "diagram_spine_lower",
    "diagram_spine_base",
    "diagram_spine_cord",
    "diagram_spine_pressing",
    "diagram_front",
    "diagram_back",
    "diagram_body_alt",
    "diagram_body_band",
    "diagram_body_saddle",
    "diagram_body_caption",
    "read_more",
    "for_hospitals_option_notice",
    "for_hospitals_option_header",
    "embed_full_guide",
    "emergency_number_missing",
    "why_we_say_this",
    "card_general_advice",
    "help_strip",
    "offline_help",
    "offline_help_link",
    "cards_heading",
    "cards_intro",
    "language_offer",
    "language_offer_switch",
    "language_offer_dismiss",
    "listen",
    "listen_pause",
    "listen_resume",
    "listen_stop",
    "listen_no_voice",
    "source_label",
    "urgent_number_in",
    "easy_read_title",
    "easy_read_intro",
    "easy_read_made",
    "easy_read_link",
    "review_by",
    "review_due",
    "review_stale",
    "report_mistake",
)
# Strings with a placeholder that the page fills in.
PLACEHOLDERS = {
    "emergency_number_in": ("{country}",),
    "choose_country": ("{country}",),
    "emergency_number_missing": ("{country}",),
    "hospital_number_rejected": ("{option}",),
    "source_label": ("{number}", "{name}"),
    "urgent_number_in": ("{country}",),
    "easy_read_made": ("{date}",),
    "review_by": ("{name}", "{role}", "{date}"),
    "review_due": ("{date}",),
    "review_stale": ("{name}", "{role}", "{date}"),
}


# Punctuation that our templates and the build print around generated values (a date, a list of countries):
# Chinese uses full-width marks; the other languages we publish use Latin ones.
# Chinese also puts no space between sentences.
FULL_WIDTH_PUNCTUATION = {"colon": "：", "full_stop": "。", "sentence_gap": ""}
LATIN_PUNCTUATION = {"colon": ": ", "full_stop": ".", "sentence_gap": " "}


def punctuation(language: str) -> dict[str, str]:
    return FULL_WIDTH_PUNCTUATION if language.split("-")[0] == "zh" else LATIN_PUNCTUATION  # zh, zh-Hant


# What mkdocs-static-i18n overrides per language, from the `site:` section.
SITE_TEXTS = ("site_name", "site_description", "copyright")


@dataclass(frozen=True)
class SiteText:
    site_name: str
    site_description: str
    copyright: str
    nav_translations: dict[str, str]  # English menu title (mkdocs.yml's nav) -> this language's


@dataclass(frozen=True)
class LanguageData:
    language: str
    path: Path
    site: SiteText
    strings: dict[str, str]
    countries: tuple[str, ...]  # ISO codes of the countries whose numbers this language shows first
    triage: Wording
    key_terms: dict[str, KeyTerm]  # by English term


def translation_path(language: str) -> Path:
    return project().translations / f"{language}.yml"


def _parse(path: Path) -> tuple[dict[str, Any], yaml.Node]:
    """The file's values and its YAML node tree."""
    if not path.is_file():
        raise ContentError(path, 1, "translation file is missing")
    text = read_text_file(path)
    check_text_controls(text, path)
    data, root = load_yaml_tree(text, path)
    if not isinstance(data, dict) or root is None:
        raise ContentError(path, 1, "must be a mapping with strings, countries, triage and key_terms")
    return data, root


def _strings(data: dict[str, Any], lines: dict, path: Path) -> dict[str, str]:
    strings = data.get("strings")
    if not isinstance(strings, dict):
        raise ContentError(path, line_of(lines, "strings"), "'strings' is missing or not a mapping")
    for key in STRINGS:
        value = strings.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(
                path,
                line_of(lines, "strings", key),
                f"missing or empty key 'strings.{key}': add it, translated",
            )
        for placeholder in PLACEHOLDERS.get(key, ()):
            if placeholder not in value:
                raise ContentError(
                    path,
                    line_of(lines, "strings", key),
                    f"'strings.{key}' must keep {placeholder} untranslated",
                )
    for key in strings.keys() - set(STRINGS):
        raise ContentError(path, line_of(lines, "strings", key), f"unknown key 'strings.{key}' (a typo?)")
    return {key: strings[key].strip() for key in STRINGS}


def _site(data: dict[str, Any], lines: dict, path: Path, language: str) -> SiteText:
    site = data.get("site")
    if not isinstance(site, dict):
        raise ContentError(
            path,
            line_of(lines, "site"),
            "'site' is missing or not a mapping: add site_name, site_description, copyright",
        )
    for key in SITE_TEXTS:
        if not isinstance(site.get(key), str) or not site[key].strip():
            raise ContentError(
                path, line_of(lines, "site", key), f"missing or empty key 'site.{key}': add it, translated"
            )
    menu = site.get("nav_translations") or {}
    titles = nav_titles()
    if not isinstance(menu, dict):
        raise ContentError(
            path,
            line_of(lines, "site", "nav_translations"),
            "'site.nav_translations' must map English menu titles to translated ones",
        )
    for title in titles if language != SOURCE_LANGUAGE else ():
        if not isinstance(menu.get(title), str) or not menu[title].strip():
            raise ContentError(
                path,
                line_of(lines, "site", "nav_translations")
                if "nav_translations" in site
                else line_of(lines, "site"),
                f"missing or empty key 'site.nav_translations.{title}': add the menu title, translated",
            )
    for title in menu.keys() - set(titles):
        raise ContentError(
            path,
            line_of(lines, "site", "nav_translations", title),
            f"unknown menu title 'site.nav_translations.{title}': use the English titles of mkdocs.yml's nav",
        )
    for key in site.keys() - {*SITE_TEXTS, "nav_translations"}:
        raise ContentError(path, line_of(lines, "site", key), f"unknown key 'site.{key}' (a typo?)")
    return SiteText(
        *(site[key].strip() for key in SITE_TEXTS), {title: menu[title].strip() for title in menu}
    )


def required_countries_path() -> Path:
    return project().data / "language-countries.yml"


@cached
def required_countries() -> dict[str, tuple[str, ...]]:
    """Maintainers' data: per language, the countries it shows first, in order."""
    path = required_countries_path()
    data = load_yaml_tree(read_text_file(path), path)[0]
    if not isinstance(data, dict) or not all(isinstance(codes, list) for codes in data.values()):
        raise ContentError(path, 1, "must map each language to a list of region codes, like fr: [FR, BE]")
    return {language: tuple(codes) for language, codes in data.items()}


def cldr_language(language: str) -> str:
    """The code CLDR files a language under: Babel reads the guide's `tl` (Tagalog) as Filipino, `fil`."""
    try:
        return Locale.parse(language.replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return language


def spoken_in(language: str, country: str) -> bool:
    """Whether CLDR counts the language among the country's languages (zh-Hant counts as zh, tl as fil)."""
    language = cldr_language(language)
    return any(
        spoken == language or spoken.startswith(f"{language}_")
        for spoken in get_territory_language_info(country)
    )


def _countries(data: dict[str, Any], lines: dict, path: Path, language: str) -> tuple[str, ...]:
    codes = data.get("countries")
    line = line_of(lines, "countries")
    if not isinstance(codes, list) or not codes:
        raise ContentError(path, line, "'countries' must list region codes, like [ES, MX, US]")
    known = load_numbers().countries
    for index, code in enumerate(codes):
        if code not in known:
            raise ContentError(
                path,
                line_of(lines, "countries", index),
                f"country '{code}' has no entry in data/emergency-numbers.yml: use one of its region codes, "
                "or ask a maintainer to add the country with a source",
            )
    required = required_countries().get(language)
    if required is None:
        raise ContentError(
            required_countries_path(),
            1,
            f"no countries for '{language}': add '{language}: [...]' (maintainers)",
        )
    if tuple(codes[: len(required)]) != required or len(set(codes)) != len(codes):
        raise ContentError(
            path,
            line,
            f"'countries' must start with {', '.join(required)}, in this order, each once "
            "(data/language-countries.yml, kept by the maintainers); add other countries only after them",
        )
    for index, code in enumerate(codes[len(required) :], start=len(required)):
        if not spoken_in(language, code):
            raise ContentError(
                path,
                line_of(lines, "countries", index),
                f"country '{code}' is not one where '{language}' is spoken (CLDR); add only such countries, "
                "or ask a maintainer to add it to data/language-countries.yml",
            )
    return tuple(codes)


def _numbers_only_from_english(language: LanguageData, english: LanguageData, lines: dict) -> None:
    """A UI string, site text or menu title holds only the numbers its English string holds (any script):
    many are printed inside a card, next to the number to call."""
    texts = [(("strings", key), language.strings[key], english.strings[key]) for key in STRINGS]
    texts += [(("site", key), getattr(language.site, key), getattr(english.site, key)) for key in SITE_TEXTS]
    texts += [
        (("site", "nav_translations", title), text, title)
        for title, text in language.site.nav_translations.items()
    ]
    for key_path, text, english_text in texts:
        run = new_digit_run(text, english_text)
        if run is not None:
            raise ContentError(
                language.path,
                line_of(lines, *key_path),
                f"'{'.'.join(key_path)}' has the number '{run.written}', which the English text does not: "
                "numbers to call come from data/emergency-numbers.yml; delete it",
            )


@cached
def load_language(language: str) -> LanguageData:
    path = translation_path(language)
    data, root = _parse(path)
    check_plain_text_node(root, path, 1, "")  # every string, in every section, is plain text
    lines = node_lines(root)
    catalogue = load_catalogue()
    if language == SOURCE_LANGUAGE:
        triage = catalogue.english  # English wording has one owner: data/triage.yml
    else:
        actions = {tier: len(icons.actions) for tier, icons in catalogue.easy_read_icons.items()}
        triage = wording(data, ("triage",), list(catalogue.signs), lines, path, actions)
        unknown_signs(data, ("triage",), catalogue.signs, lines, path)
        typed_numbers(triage, catalogue.english, ("triage",), lines, path)
        check_easy_read(triage, ("triage",), language, lines, path)
    # English names the key terms (and which are safety terms); every other language gives the same ones.
    english_terms = None if language == SOURCE_LANGUAGE else tuple(load_language(SOURCE_LANGUAGE).key_terms)
    loaded = LanguageData(
        language=language,
        path=path,
        site=_site(data, lines, path, language),
        strings=_strings(data, lines, path),
        countries=_countries(data, lines, path, language),
        triage=triage,
        key_terms=parse_key_terms(data, lines, path, english_terms),
    )
    if language != SOURCE_LANGUAGE:
        _numbers_only_from_english(loaded, load_language(SOURCE_LANGUAGE), lines)
        _safety_terms_in_cards(loaded, load_language(SOURCE_LANGUAGE), lines)
    # The Easy Read page's first line, beside its picture, is an Easy Read sentence too.
    check_sentence(loaded.strings["easy_read_intro"], ("strings", "easy_read_intro"), language, lines, path)
    if key := label_too_long(loaded.strings):
        width, most = LABEL_PLACES[key]
        raise ContentError(
            path,
            line_of(lines, "strings", key),
            f"'strings.{key}' is too long for its place in the diagram: at most {most} line(s) of about "
            f"{int(width / 8)} letters (half as many Chinese characters); say it more shortly",
        )
    return loaded


def _card_words(words: Wording) -> dict[str, str]:
    """Each card's printed words: an urgency card's title, lead and action; the alert card's front."""
    cards = {f"tiers.{tier}": " ".join(words.tiers[tier].values()) for tier in TIERS}
    return cards | {"card": " ".join(words.card.values())}


def _safety_terms_in_cards(language: LanguageData, english: LanguageData, lines: dict) -> None:
    """A card whose English words use a safety term (emergency, cancer team...) uses the language's form of it:
    a softened title or action loses the term."""
    ours, theirs = _card_words(language.triage), _card_words(english.triage)
    cards = {card: (theirs[card], ours[card]) for card in ours}
    for card, term in card_term_gaps(cards, english.key_terms, language.key_terms)[:1]:
        forms = ", ".join(f"'{form}'" for form in term.forms)
        raise ContentError(
            language.path,
            line_of(lines, "triage", *card.split(".")),
            f"the card 'triage.{card}' no longer uses the safety term '{term.english}' ({forms}), as its English "
            f"words do: write '{term.use}' in it, or add your right wording to 'accept' at line {term.line}",
        )


@dataclass(frozen=True)
class TermProblem:
    safety: bool
    message: str


def key_term_problems(translated: Path) -> list[TermProblem]:
    """Key terms that the English page of a translated page uses and the translated page lacks."""
    language = translated.relative_to(project().docs).parts[0]
    english = english_source(translated)
    terms = load_language(language)
    found = missing_terms(
        read_text_file(english),
        read_text_file(translated),
        load_language(SOURCE_LANGUAGE).key_terms,
        terms.key_terms,
    )
    return [
        TermProblem(gap.safety, gap.message(translated, english, terms.path, project().root)) for gap in found
    ]


# What CLDR calls a country's official languages; "official_regional" (Spanish in the US) is left out: a
# card for a clinician there is in the country's main language.
_OFFICIAL = frozenset({"official", "de_facto_official"})


def official_in(language: str, country: str) -> bool:
    """Whether CLDR counts the language among the country's official languages (zh-Hant counts as zh, tl as
    fil)."""
    language = cldr_language(language)
    return any(
        (spoken == language or spoken.startswith(f"{language}_")) and info.get("official_status") in _OFFICIAL
        for spoken, info in get_territory_language_info(country).items()
    )
