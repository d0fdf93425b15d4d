"""The Easy Read "When to get help" (issue 27), in every language: one short sentence a line (at most 15
words, Chinese counted with jieba), a picture beside each (left; right in right-to-left languages), text of
16 px at least on screen, no citations, a note on who made it, when, and its review state, the emergency
number of the reader's country as on the cards, linked from when-to-get-help and the alert card's page,
saved for offline reading; its PDF at 14 pt at least; a translator's bad line refused with file and line."""

from __future__ import annotations

import json
import math
import re
import warnings
from pathlib import Path

import pytest
from conftest import failed_build
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import TIERS, load_catalogue
from guide.core.site_config import languages, text_direction
from guide.catalogues.emergency_numbers import load_numbers
from guide.easy_read.page import easy_read_pdf_path, easy_read_url, made_date
from guide.offline.language_files import language_files
from helpers import recorded_requests, replace_once, soup
from test_browser import AXE
from test_emergency_numbers import LAYOUT_SHIFT, PHONE
from test_handouts import holds, pdf_pages
from test_handouts import words as sheet_words

LOCALES = [language.locale for language in languages()]
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # jieba 0.42's own regular expressions
    import jieba

WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def words(text: str, locale: str) -> int:
    """Counted here on their own, not with the build's function: Chinese with jieba, others by spaces."""
    text = "".join(char for char in text if not 0x064B <= ord(char) <= 0x065F)  # Arabic short vowels
    if locale == "zh":
        return sum(1 for token in jieba.lcut(text) if WORD.search(token))
    return len(WORD.findall(text))


def page_of(site: Path, locale: str):
    return soup(site / easy_read_url(locale) / "index.html")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_line_is_one_short_sentence_beside_its_picture(site: Path, locale: str) -> None:
    page = page_of(site, locale)
    lines = page.select(".easy-read__line")
    catalogue = load_catalogue()
    # The intro, and per tier its lead, its actions and its signs.
    expected = (
        1 + sum(1 + len(catalogue.easy_read_icons[tier].actions) for tier in TIERS) + len(catalogue.signs)
    )
    assert len(lines) == expected
    for line in lines:
        text = line.select_one(".easy-read__text").get_text()
        assert text.strip(), "a picture without words"
        assert words(text, locale) <= 15, f"{locale}: {text!r} has more than 15 words"
        assert len(re.findall(r"[.!?。！？؟](?=\s*\w)", text)) == 0, f"{locale}: {text!r} is two sentences"
        picture = line.find(recursive=False)
        assert picture.name == "svg" and "pictogram" in picture["class"], (
            f"{locale}: {text!r} has no picture first"
        )
        assert picture["aria-hidden"] == "true"
    for heading in page.select(".easy-read h2"):
        assert words(heading.get_text(), locale) <= 15


@pytest.mark.parametrize("locale", LOCALES)
def test_the_words_and_pictures_come_from_the_catalogue(site: Path, locale: str) -> None:
    """Every sign, with the catalogue's pictogram and the language's Easy Read words; never a retyped copy."""
    page = page_of(site, locale)
    catalogue = load_catalogue()
    triage = load_language(locale).triage
    for tier in TIERS:
        section = page.select_one(f".easy-read__tier--{tier}")
        shown = {
            " ".join(line.get_text(" ").split()): line.select_one("svg")["data-icon"]
            for line in section.select(".easy-read__line")
        }
        for sign in (sign for sign in catalogue.signs.values() if sign.tier == tier):
            assert shown.get(" ".join(triage.easy_read_signs[sign.id].split())) == sign.icon, (
                f"{locale}: {sign.id}"
            )
        for text, icon in zip(
            triage.easy_read[tier].actions, catalogue.easy_read_icons[tier].actions, strict=True
        ):
            assert shown.get(" ".join(text.split())) == icon, f"{locale}: {tier} action {text!r}"
        assert section.select_one("h2").get_text() == triage.easy_read[tier].heading


@pytest.mark.parametrize("locale", LOCALES)
def test_no_citations_and_an_honest_note_on_who_made_it(site: Path, locale: str) -> None:
    page = page_of(site, locale)
    body = page.select_one(".easy-read")
    assert not body.select("sup, .citation, a[href*='#source-']"), "Easy Read has no citations in its body"
    note = " ".join(body.select_one(".easy-read__made").get_text().split())
    strings = load_language(locale).strings
    assert strings["easy_read_made"].split("{date}")[0].strip() in note
    assert re.search(r"\d{4}-\d{2}-\d{2}", note), "the note says when"
    assert strings["review_not_reviewed_short"] in note, "the note says no clinician checked it"
    if locale != "en":
        assert strings["translation_draft_short"] in note


@pytest.mark.parametrize("locale", LOCALES)
def test_the_calling_tiers_carry_the_numbers_of_the_cards(site: Path, locale: str) -> None:
    """The same block as the calling cards: every country of the language as a tap-to-call link."""
    page = page_of(site, locale)
    language = load_language(locale)
    for tier in ("emergency", "other-emergency"):
        block = page.select_one(f".easy-read__tier--{tier} .emergency-call")
        assert block is not None, f"{locale}: no number in the {tier} section"
        shown = [item["data-country"] for item in block.select(".emergency-call__item--language")]
        assert shown == list(language.countries)
        assert all(
            item.select_one("a[href^='tel:']") for item in block.select(".emergency-call__item--language")
        )
    assert not page.select(
        ".easy-read__tier--urgent .emergency-call, .easy-read__tier--routine .emergency-call"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_linked_from_when_to_get_help_and_the_card_page_and_saved_offline(site: Path, locale: str) -> None:
    language = next(language for language in languages() if language.locale == locale)
    target = easy_read_url(locale)
    for source in ("when-to-get-help", "alert-card"):
        page = soup(site / language.url_prefix / source / "index.html")
        links = [link["href"] for link in page.select(".easy-read-link a")]
        assert links == ["../easy-read/"], f"{locale}: {source} does not lead to the Easy Read page"
        assert (
            load_language(locale).strings["easy_read_link"] in page.select_one(".easy-read-link").get_text()
        )
    assert target + "index.html" in language_files(site, language), "not saved for offline reading"


# --- in Chromium ---------------------------------------------------------------------------------------

MEASURE = """() => [...document.querySelectorAll('.easy-read__line')].map(line => {
  const text = line.querySelector('.easy-read__text'), picture = line.querySelector('svg');
  const t = text.getBoundingClientRect(), p = picture.getBoundingClientRect();
  return {size: parseFloat(getComputedStyle(text).fontSize), text: [t.left, t.right],
          picture: [p.left, p.right, p.width], words: text.textContent};
})"""


@pytest.mark.parametrize("locale", LOCALES)
def test_text_is_16_px_and_the_picture_is_at_the_start_of_the_line(
    browser, site_url: str, locale: str
) -> None:
    context = browser.new_context(viewport=PHONE, locale=locale, service_workers="block")
    page = context.new_page()
    page.goto(site_url + easy_read_url(locale))
    rtl = text_direction(locale) == "rtl"
    measured = page.evaluate(MEASURE)
    assert measured
    for line in measured:
        assert line["size"] >= 16, f"{locale}: {line['words']!r} is {line['size']} px"
        assert line["picture"][2] >= 32, f"{locale}: the picture beside {line['words']!r} is small"
        if rtl:
            assert line["picture"][0] >= line["text"][1], (
                f"{locale}: the picture is not right of {line['words']!r}"
            )
        else:
            assert line["picture"][1] <= line["text"][0], (
                f"{locale}: the picture is not left of {line['words']!r}"
            )
        assert line["text"][1] <= PHONE["width"] and line["picture"][0] >= 0, "wider than the phone"
    context.close()


@pytest.mark.parametrize("locale", ["en", "ar", "zh"])
def test_no_accessibility_violation_no_other_host_and_nothing_moves(
    browser, site_url: str, locale: str
) -> None:
    context = browser.new_context(viewport=PHONE, locale=locale, service_workers="block")
    page = context.new_page()
    with recorded_requests(page) as requests:
        page.goto(site_url + easy_read_url(locale), wait_until="load")
    assert all(request.startswith(site_url) for request in requests), requests
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate(LAYOUT_SHIFT) == 0, "something moved while the page loaded"
    context.close()


def test_a_united_states_reader_gets_911_first(browser, site_url: str) -> None:
    """The reader's country, from the browser's region, as on the cards."""
    context = browser.new_context(viewport=PHONE, locale="es-US", service_workers="block")
    page = context.new_page()
    page.goto(site_url + easy_read_url("es"))
    first = page.locator(".easy-read__tier--emergency .emergency-call__item:visible").first
    assert first.get_attribute("data-country") == "US"
    assert "911" in first.inner_text()
    context.close()


# --- a translator's bad line ---------------------------------------------------------------------------


def line_of(path: Path, needle: str) -> int:
    return next(
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


def replace_line(path: Path, starts: str, occurrence: int, value: str) -> int:
    """Put `value` in the `occurrence`-th line of the Easy Read section that starts with `starts` (after its
    indent); its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    section = next(number for number, line in enumerate(lines) if line.startswith("  easy_read:"))
    found = [number for number in range(section, len(lines)) if lines[number].lstrip().startswith(starts)]
    number = found[occurrence]
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f"{indent}{starts}{json.dumps(value, ensure_ascii=False)}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    ("starts", "occurrence", "value", "message"),
    [
        (
            "saddle-numbness: ",
            0,
            "Vos fesses, vos parties génitales ou l'intérieur des cuisses sont engourdis depuis hier soir, ce qui est nouveau.",
            "'triage.easy_read.signs.saddle-numbness' has 18 words; Easy Read sentences have at most 15",
        ),
        (
            "- ",
            1,  # the emergency's second action: "if you cannot reach them, call the emergency number"
            "Si vous ne pouvez pas la joindre, appelez le 15.",
            "'triage.easy_read.tiers.emergency.actions.1' has the number 15, which the English text does not",
        ),
        (
            "- ",
            3,
            "Ne conduisez pas. Attendez.",
            "'triage.easy_read.tiers.emergency.actions.3' holds more than one sentence",
        ),
    ],
    ids=["too-long", "a-number", "two-sentences"],
)
@pytest.mark.languages("en", "fr")
def test_a_hostile_easy_read_line_is_refused_with_file_and_line(
    small_project: Path, starts: str, occurrence: int, value: str, message: str
) -> None:
    line = replace_line(small_project / "translations/fr.yml", starts, occurrence, value)
    assert f"translations/fr.yml:{line}: {message}" in failed_build(small_project)


@pytest.mark.languages("en", "zh")
def test_a_long_chinese_line_is_counted_with_jieba_and_refused(small_project: Path) -> None:
    path = small_project / "translations/zh.yml"
    replace_once(
        path,
        'vomiting-blood: "吐血。"',
        'vomiting-blood: "如果您在家里或者在医院里突然吐血并且感到头晕或者非常虚弱，请马上告诉家人和医生。"',
    )
    line = line_of(path, "如果您在家里或者在医院里")
    assert f"translations/zh.yml:{line}: 'triage.easy_read.signs.vomiting-blood' has" in failed_build(
        small_project
    )


@pytest.mark.languages("en", "vi")
def test_a_missing_easy_read_key_is_one_clear_line(small_project: Path) -> None:
    """Six more languages land later: a language file without the Easy Read words fails with one line."""
    path = small_project / "translations/vi.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n  # Bản dễ đọc.*?(?=\n\S|\Z)", "", text, flags=re.DOTALL), encoding="utf-8")
    output = failed_build(small_project)
    assert re.search(
        r"translations/vi\.yml:\d+: missing or empty 'triage\.easy_read\.tiers\.emergency\.heading': add it, translated",
        output,
    ), output
    assert "Traceback" not in output


# --- the printable PDF ----------------------------------------------------------------------------------


def text_sizes(pdf: Path) -> list[tuple[float, str]]:
    """The size in points of every piece of text of a PDF: the font size times the scale of the text and
    the page matrices (Chromium draws text at size 1 or in CSS pixels and scales it)."""
    from pypdf import PdfReader

    found: list[tuple[float, str]] = []

    def visit(text: str, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's matrices and font
        if text.strip():
            found.append((size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]), text.strip()))

    for sheet in PdfReader(pdf).pages:
        sheet.extract_text(visitor_text=visit)
    return found


# What pdftotext does to shaped Arabic: it splits a word after tanwin ("نهاًر ا"), gives ligatures back in
# either order ("أعلى" as "أعىل"), and adds direction marks.
NOT_COMPARED = re.compile("[\\s\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670\u0640]")
LIGATURES = re.compile("ل[اأإآى]|ى")


def printed_holds(printed: str, text: str, locale: str) -> bool:
    """Whether the PDF's text holds a line: Arabic word by word, each found with white space ignored."""
    if locale != "ar":
        return holds(printed, text)
    squashed = NOT_COMPARED.sub("", printed)
    found = [word for word in NOT_COMPARED.sub(" ", text).split() if not LIGATURES.search(word)]
    return all(re.sub(r"\W", "", word) in squashed for word in found)


@pytest.mark.handouts
@pytest.mark.parametrize("locale", LOCALES)
def test_the_pdf_has_every_line_at_14_pt_at_least(site: Path, locale: str) -> None:
    pdf = site / easy_read_pdf_path(locale)
    sizes = text_sizes(pdf)
    assert sizes, f"{pdf.name}: no text"
    small = [(round(size, 1), text) for size, text in sizes if size < 13.95]
    assert not small, f"{locale}: text under 14 pt: {small[:5]}"
    printed = "".join(pdf_pages(pdf))
    triage = load_language(locale).triage
    for sign, text in triage.easy_read_signs.items():
        assert printed_holds(printed, text, locale), f"{locale}: sign {sign} is missing from the PDF"
    for tier in TIERS:
        for action in triage.easy_read[tier].actions:
            assert printed_holds(printed, action, locale), f"{locale}: {tier} action {action!r} is missing"
    language = load_language(locale)
    first = load_numbers().countries[language.countries[0]].numbers[0].number
    assert first in printed, f"{locale}: the number of {language.countries[0]} is not printed"
    page = page_of(site, locale)
    assert page.select_one("a[href$='easy-read.pdf']") is not None, "the page does not link to its PDF"


@pytest.mark.handouts
@pytest.mark.parametrize("locale", LOCALES)
def test_every_sheet_of_the_pdf_names_the_page_its_date_and_its_number(
    site: Path, site_url: str, locale: str
) -> None:
    """As every other handout: a sheet found alone says where it comes from and how current it is."""
    pdf = site / easy_read_pdf_path(locale)
    sheets = pdf_pages(pdf)
    address = site_url + easy_read_url(locale)
    for number, sheet in enumerate(sheets, start=1):
        assert address in sheet_words(sheet), f"{pdf.name} sheet {number} does not name {address}"
        assert made_date(locale).isoformat() in sheet_words(sheet), (
            f"{pdf.name} sheet {number} lacks its date"
        )
        assert f"{number}/{len(sheets)}" in sheet_words(sheet), f"{pdf.name} sheet {number} is not numbered"


@pytest.mark.languages("en", "es")
def test_an_action_left_out_is_refused_so_no_sentence_stands_beside_another_picture(
    small_project: Path,
) -> None:
    path = small_project / "translations/es.yml"
    replace_once(path, '          - "No conduzca usted."\n', "")
    lines = path.read_text(encoding="utf-8").splitlines()
    section = next(number for number, text in enumerate(lines) if text.startswith("  easy_read:"))
    actions = next(number for number in range(section, len(lines)) if lines[number].strip() == "actions:") + 1
    assert (
        f"translations/es.yml:{actions}: 'triage.easy_read.tiers.emergency.actions' has 3 sentences, English has 4"
        in failed_build(small_project)
    )
