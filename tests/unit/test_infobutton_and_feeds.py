"""Clinical codes, requests and feeds, as pure functions on small cases: the code list's checks, how a
request's values are read, which page and language they lead to, the Atom and JSON feeds, and the safety
change log's `emergency` mark."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from guide.catalogues.triage import Wording
from guide.changes.safety_log import fingerprints, parse_log, unlogged_languages
from guide.core.atom import Category, Entry, Feed, atom_document, json_document
from guide.core.input_files import ContentError
from guide.infobutton.codes import ICD10CM, WHO_ICD10, normal_code, normal_language, parse_codes, resolve

PATH = Path("data/codes.yml")
PAGES = {"index", "when-to-get-help"}
KNOWN = ("en", "es", "fr", "zh", "ar", "vi", "ru", "tl")
CODES = f"""systems:
  - oid: "{ICD10CM}"
    name: ICD-10-CM
    citation: CDC
    url: https://www.cdc.gov/nchs/icd/icd-10-cm/index.html
  - oid: "{WHO_ICD10}"
    name: ICD-10
    citation: WHO
    url: https://icd.who.int/browse10/2019/en
codes:
  - system: "{ICD10CM}"
    code: G95.20
    title: Unspecified cord compression
    page: when-to-get-help
    source: https://icd10cmtool.cdc.gov/?fy=FY2026&query=G95.20
  - system: "{WHO_ICD10}"
    code: C79.5
    title: Secondary malignant neoplasm of bone and bone marrow
    page: index
    source: https://icd.who.int/browse10/2019/en#/C79.5
"""


def codes():
    return parse_codes(CODES, PATH, PAGES)


@pytest.mark.parametrize(
    ("system", "code", "language", "expected"),
    [
        (ICD10CM, "G95.20", "es", ("when-to-get-help", "es")),
        (ICD10CM, "g9520", "es-MX", ("when-to-get-help", "es")),
        (f"urn:oid:{ICD10CM}", " G95.20 ", "ZH_cn", ("when-to-get-help", "zh")),
        (WHO_ICD10, "C79.5", "ar", ("index", "ar")),
        (ICD10CM, "G95.20", "ja", ("when-to-get-help", "en")),  # a language the guide lacks: English
        (WHO_ICD10, "G95.20", "fr", ("index", "fr")),  # the code of another system: the language's home
        (ICD10CM, "Z99.9", "vi", ("index", "vi")),
        (ICD10CM, "G95.20", "fil-PH", ("when-to-get-help", "tl")),  # Filipino: CLDR's code for Tagalog
        (ICD10CM, "G95.20", "ru-UA", ("when-to-get-help", "ru")),
        (ICD10CM, "<script>alert(1)</script>", "javascript:alert(1)", ("index", "en")),
        (ICD10CM, "G95.20" + "x" * 10_000, "es", ("index", "es")),
        (ICD10CM, "G95.20", "es" + "-x" * 5_000, ("when-to-get-help", "en")),
    ],
)
def test_a_request_leads_to_a_page_and_language(system, code, language, expected) -> None:
    assert resolve(codes(), system, code, language, KNOWN, "en") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-TW", "zh-Hant"), ("ZH_hk", "zh-Hant"), ("zh-Hant", "zh-Hant"), ("zh-Hant-MO", "zh-Hant")]
    + [("zh-CN", "zh"), ("zh", "zh"), ("zh-Hans-TW", "zh"), ("zh-SG", "zh")],
)
def test_chinese_of_taiwan_hong_kong_and_macau_reads_traditional_characters(language, expected) -> None:
    assert normal_language(language, (*KNOWN, "zh-Hant"), "en") == expected
    assert normal_language(language, KNOWN, "en") == "zh"  # a guide without them: Simplified


def test_codes_are_compared_without_dots_and_case() -> None:
    assert normal_code("g95.20") == normal_code("G9520") == "G9520"
    assert normal_code("G95.20;drop") == ""
    assert normal_language("", KNOWN, "en") == "en"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "page: index",
            "page: secondary-cancer",
            r"data/codes\.yml:19: code C79\.5: no page 'secondary-cancer'",
        ),
        ("code: G95.20", "code: G95-20", r"data/codes\.yml:12: 'G95-20' is not a ICD-10-CM code"),
        ("code: C79.5", "code: C79.51", r"data/codes\.yml:17: 'C79\.51' is not a ICD-10 code"),
        (
            f'system: "{WHO_ICD10}"',
            'system: "2.16.840.1.113883.6.96"',
            r"data/codes\.yml:16: unknown code system",
        ),
        (
            "    source: https://icd.who",
            "    source: http://icd.who",
            r"data/codes\.yml:20: code C79\.5: source must be",
        ),
    ],
)
def test_a_mistake_in_the_code_list_is_one_line_with_file_and_line(old, new, message) -> None:
    with pytest.raises(ContentError, match=message):
        parse_codes(CODES.replace(old, new), PATH, PAGES)


def feed(entries=()) -> Feed:
    return Feed(
        id="https://guide.example.org/infobutton/empty/es.atom",
        title="Guía <b>&",
        subtitle="",
        author="Guía",
        author_url="https://guide.example.org/",
        language="es",
        updated=dt.date(2026, 12, 5),
        entries=tuple(entries),
        categories=(Category("es", "informationRecipient.languageCode.c"),),
    )


ENTRY = Entry(
    id="https://guide.example.org/es/when-to-get-help/",
    title="Cuándo pedir ayuda",
    url="https://guide.example.org/es/when-to-get-help/",
    updated=dt.date(2026, 12, 1),
    summary="Urgencia: pida ayuda ahora\n- debilidad </summary><script>",
    language="es",
    categories=(Category("emergency"),),
)


def test_an_atom_feed_parses_and_keeps_its_text_as_text() -> None:
    parsed = feedparser.parse(atom_document(feed([ENTRY])))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Guía <b>&"
    [entry] = parsed.entries
    assert entry.summary == ENTRY.summary
    assert entry.link == ENTRY.url
    assert [tag.term for tag in entry.tags] == ["emergency"]
    assert entry.updated == "2026-12-01T00:00:00Z"


def test_an_empty_answer_is_a_feed_without_entries() -> None:
    assert not feedparser.parse(atom_document(feed())).entries
    assert json_document(feed())["feed"]["entry"] == []


def test_the_json_answer_has_medlineplus_connects_shape() -> None:
    [entry] = json_document(feed([ENTRY]))["feed"]["entry"]
    assert entry["title"] == {"_value": "Cuándo pedir ayuda", "type": "text"}
    assert entry["link"] == [{"href": ENTRY.url, "rel": "alternate", "title": "Cuándo pedir ayuda"}]
    assert entry["summary"]["_value"] == ENTRY.summary


# --- the safety change log -------------------------------------------------------------------------------

WORDS = Wording(
    tiers={
        tier: {"title": "T", "lead": "L", "action": "A"}
        for tier in ("emergency", "other-emergency", "urgent", "routine")
    },
    signs={"weakness": "weak legs"},
    card={"title": "Card"},
    clinician={"note": "Assess urgently"},
)
SIGNS = {"weakness": "emergency"}
NUMBERS = [["GB", "999"]]


def log_text(*safeties: dict[str, str], emergency: bool = False) -> str:
    entries = [
        f'  - date: 2026-12-0{len(safeties) - index}\n    title: "Change"\n    summary: "What changed"\n'
        + (f"    emergency: {str(emergency).lower()}\n" if index == 0 else "")
        + f'    safety:\n      en: {{emergency: "{safety["emergency"]}", wording: "{safety["wording"]}"}}\n'
        for index, safety in enumerate(safeties)
    ]
    return "changes:\n" + "".join(entries)


def test_a_changed_sign_action_or_number_is_an_emergency_change_and_a_title_is_not() -> None:
    before = fingerprints(WORDS, SIGNS, NUMBERS)
    changed_sign = fingerprints(
        Wording(WORDS.tiers, {"weakness": "weak arms"}, WORDS.card, WORDS.clinician), SIGNS, NUMBERS
    )
    changed_number = fingerprints(WORDS, SIGNS, [["GB", "112"]])
    retitled = fingerprints(
        Wording(
            {**WORDS.tiers, "urgent": {"title": "New", "lead": "L", "action": "A"}},
            WORDS.signs,
            WORDS.card,
            WORDS.clinician,
        ),
        SIGNS,
        NUMBERS,
    )
    for after, emergency in ((changed_sign, True), (changed_number, True), (retitled, False)):
        log = parse_log(log_text(after, before), PATH, KNOWN, PAGES)
        assert [log.is_emergency(change) for change in log.changes] == [emergency, False]
        assert unlogged_languages(log, {"en": after}) == []
        assert unlogged_languages(log, {"en": before}) == ["en"]


def test_an_entry_may_say_it_is_an_emergency_change() -> None:
    same = fingerprints(WORDS, SIGNS, NUMBERS)
    log = parse_log(log_text(same, same, emergency=True), PATH, KNOWN, PAGES)
    assert log.is_emergency(log.changes[0])


def test_the_log_is_newest_first() -> None:
    text = log_text(fingerprints(WORDS, SIGNS, NUMBERS), fingerprints(WORDS, SIGNS, NUMBERS))
    text = text.replace("2026-12-02", "2026-11-01")
    with pytest.raises(ContentError, match=r"data/codes\.yml:\d+: changes are listed newest first"):
        parse_log(text, PATH, KNOWN, PAGES)
