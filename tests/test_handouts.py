"""Printable handouts: a PDF per page per language and one per language for the whole guide, with text in
the right language and script order, intact emergency boxes, the address and review date on every sheet, and
fonts embedded as TrueType subsets (no Type 3 fonts), so that the whole guide stays small."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from guide.handouts.alert_card import PHONE_SIZE, WALLET_SIZE
from guide.handouts.handouts import GUIDE_HANDOUT_MAX_BYTES
from guide.core.outputs import HANDOUT_ROOT, alert_card_path, embed_path, guide_handout_path, handout_path
from guide.core.pages import read_meta
from guide.core.project import project
from guide.core.site_config import languages, nav_pages, page_url
from guide.catalogues.emergency_numbers import load_numbers
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import load_catalogue
from helpers import soup

pytestmark = pytest.mark.handouts


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each sheet, as pdftotext (poppler) reads it."""
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout.split("\f")[:-1]


# Bidirectional controls that pdftotext adds around right-to-left runs; they are not text.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(text: str) -> str:
    return " ".join(_BIDI_CONTROLS.sub("", text).split())


def holds(pdf_text: str, text: str) -> bool:
    """Whether the PDF's text holds a piece of page text. Arabic is compared word by word: pdftotext may
    order the words of a mixed-direction line differently, and writes lam-alef ligatures either way round."""
    if re.search("[\u0600-\u06ff]", text):
        # pdftotext splits some shaped Arabic words ("فور ا"): nine words in ten is a match.
        expected = set(arabic_words(text))
        return len(expected & set(arabic_words(pdf_text))) >= 0.9 * len(expected)
    # Without white space: a PDF breaks lines inside Chinese text and after a hyphen.
    return "".join(words(text).split()) in "".join(words(pdf_text).split())


def page_title(site: Path, language, page: str) -> str:
    return (
        soup(site / language.url_prefix / page_url(page) / "index.html").find("h1").get_text().strip("¶ \n")
    )


def pdf_title(pdf: Path) -> str:
    from pypdf import PdfReader

    return PdfReader(pdf).metadata.title


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_every_page_has_a_handout_in_its_language(site: Path, site_url: str, language) -> None:
    strings = load_language(language.locale).strings
    for page in nav_pages():
        pdf = site / handout_path(language.locale, page_url(page))
        assert pdf.is_file(), f"no handout {pdf.relative_to(site)}"
        sheets = pdf_pages(pdf)
        assert sheets, f"{pdf} has no text"
        title = page_title(site, language, page)
        assert holds(sheets[0], title), f"{pdf}: the first sheet does not show the title {title!r}"
        assert pdf_title(pdf) == f"{title} - {load_language(language.locale).site.site_name}", (
            f"{pdf}: wrong /Title"
        )
        address = site_url + language.url_prefix + page_url(page)
        for number, sheet in enumerate(sheets, start=1):
            assert address in words(sheet), f"{pdf} sheet {number} does not name {address}"
            assert holds(sheet, strings["last_reviewed"]), f"{pdf} sheet {number} lacks the review date"
            assert f"{number}/{len(sheets)}" in words(sheet), f"{pdf} sheet {number} is not numbered"
        # The page links to its handout.
        link = soup(site / language.url_prefix / page_url(page) / "index.html").select_one(".handout-link a")
        assert link is not None and link["href"].endswith(handout_path(language.locale, page_url(page)))


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_emergency_box_starts_on_the_first_sheet_with_its_advice_and_numbers(site: Path, language) -> None:
    words = load_language(language.locale).triage.tiers["emergency"]
    first_number = load_numbers().countries[load_language(language.locale).countries[0]].numbers[0].number
    first_sheet = pdf_pages(site / handout_path(language.locale, "when-to-get-help/"))[0]
    assert holds(first_sheet, words["title"]), "the emergency box does not start on the first sheet"
    assert holds(first_sheet, words["action"]), "whom to call is not with the box title"
    assert first_number in first_sheet, "the first emergency number is not on the first sheet"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_whole_guide_handout_holds_every_page_in_order(site: Path, site_url: str, language) -> None:
    """What a reader of the whole guide gets: every page in nav order, each from a new sheet that shows its
    title; on every sheet the address and review date of its own page, and the sheet's number."""
    pdf = site / guide_handout_path(language.locale)
    sheets = pdf_pages(pdf)
    pages = nav_pages()
    addresses = [site_url + language.url_prefix + page_url(page) for page in pages]
    # A sheet's page is the one its footer names: the longest address on it (the first page's, the
    # language's home, begins every other address).
    owners = [max((a for a in addresses if a in words(sheet)), key=len, default=None) for sheet in sheets]
    starts = [number for number, owner in enumerate(owners) if number == 0 or owner != owners[number - 1]]
    assert [owners[number] for number in starts] == addresses, f"{pdf.name}: pages missing or out of order"
    for page, start in zip(pages, starts, strict=True):
        title = page_title(site, language, page)
        assert holds(sheets[start], title), f"{pdf.name}: {page} does not start on a sheet with its title"
    for number, (sheet, owner) in enumerate(zip(sheets, owners, strict=True), start=1):
        page = pages[addresses.index(owner)]
        reviewed = read_meta(project().docs / language.locale / page)["last_reviewed"].isoformat()
        assert reviewed in sheet, f"{pdf.name} sheet {number} lacks the review date of {page}"
        assert f"{number}/{len(sheets)}" in words(sheet), f"{pdf.name} sheet {number} is not numbered"
    assert pdf_title(pdf) == load_language(language.locale).site.site_name


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_review_notice_shows_open_on_paper(site: Path, language) -> None:
    notice = soup(site / embed_path(language.locale, "symptoms/") / "index.html").select_one(
        "details.page-notice"
    )
    first_sheet = pdf_pages(site / handout_path(language.locale, "symptoms/"))[0]
    for paragraph in notice.select("p"):  # hidden on screen until the notice is opened
        assert holds(first_sheet, paragraph.get_text()), f"not on paper: {paragraph.get_text()!r}"


# Right-to-left marks, Arabic diacritics and tatweel: pdftotext places them differently, they are not letters.
_NOT_LETTERS = re.compile("[\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670\u0640]")


def arabic_words(text: str) -> list[str]:
    """Arabic words of four letters or more, without the lam-alef pairs that PDF fonts draw as one ligature
    (pdftotext gives those back in either order)."""
    found = re.findall("[\u0621-\u064a]{4,}", _NOT_LETTERS.sub("", text))
    return [word for word in found if not re.search("ل[اأإآ]", word)]


def test_arabic_handout_is_shaped_text_in_reading_order(site: Path) -> None:
    article = soup(site / "ar/symptoms/index.html").select_one("article")
    for hidden in article.select("[hidden]"):  # never shown, never printed (the update prompt)
        hidden.decompose()
    page_words = arabic_words(article.get_text())[:60]
    pdf_words = set(arabic_words("".join(pdf_pages(site / handout_path("ar", "symptoms/")))))
    assert len(page_words) >= 30
    in_order = [word for word in page_words if word in pdf_words]
    reversed_only = [word for word in page_words if word[::-1] in pdf_words and word not in pdf_words]
    # Reversed (visual-order) text would give back the words spelled backwards.
    assert len(in_order) >= 0.9 * len(page_words), f"missing from the PDF: {set(page_words) - pdf_words}"
    assert not reversed_only, f"reversed in the PDF: {reversed_only}"


def test_chinese_handout_has_the_page_text(site: Path) -> None:
    paragraph = soup(site / "zh/symptoms/index.html").select_one("article h1 ~ p").get_text()
    sample = "".join(paragraph.split())[:20]
    pdf_text = "".join("".join(pdf_pages(site / handout_path("zh", "symptoms/"))).split())
    assert sample in pdf_text, "Chinese text is missing from the PDF (no CJK font?)"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_alert_cards_carry_the_signs_and_fit_their_size(site: Path, language) -> None:
    from pypdf import PdfReader

    words = load_language(language.locale).triage
    for phone, pages, (width, height) in ((False, 2, WALLET_SIZE), (True, 1, PHONE_SIZE)):
        pdf = site / alert_card_path(language.locale, phone=phone)
        reader = PdfReader(pdf)
        assert len(reader.pages) == pages, f"{pdf.name}: the card does not fit {pages} sheet(s)"
        box = reader.pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
            int(width.removesuffix("mm")),
            int(height.removesuffix("mm")),
        )
        text = "".join(pdf_pages(pdf))
        for sign in load_catalogue().card_signs:
            assert holds(text, words.signs[sign]), f"{pdf.name}: sign {sign} is missing or cut off"
        assert holds(text, words.card["say"]) and holds(text, words.card["team_number"])
        # The back ends with the note for the clinician, not with the emergency box's title and no number.
        assert holds(text, words.clinician["note"]), f"{pdf.name}: the clinician's note is missing or cut off"
        stray = "".join(words.tiers["emergency"]["title"].split())
        assert stray not in "".join(text.split()), f"{pdf.name}: a stray emergency label"
    page = soup(site / language.url_prefix / "when-to-get-help" / "index.html")
    links = [link["href"] for link in page.select(".alert-card-links a")]
    assert [link.rstrip("/").rsplit("/", 1)[-1] for link in links] == [
        "alert-card.pdf",
        "alert-card-phone.pdf",
        "alert-card",  # the card's page, in two languages (tests/test_alert_card_page.py)
    ]
    handout = "".join(pdf_pages(site / handout_path(language.locale, "when-to-get-help/")))
    assert holds(handout, load_language(language.locale).strings["alert_card_link"]), (
        "the handout does not point to the card"
    )


def font_subtypes(pdf: Path) -> list[str]:
    """The kind of every font the sheets use: /Type0 for a CID font (a TrueType subset, as Chromium embeds
    them), /Type3 for one drawn glyph by glyph (big files, poor text)."""
    from pypdf import PdfReader

    found: list[str] = []

    def walk(resources) -> None:  # noqa: ANN001 - a pypdf dictionary
        found.extend(font.get_object()["/Subtype"] for font in resources.get("/Font", {}).values())
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get_object().get("/Subtype") == "/Form" and "/Resources" in xobject.get_object():
                walk(xobject.get_object()["/Resources"])

    for sheet in PdfReader(pdf).pages:
        walk(sheet["/Resources"])
    return found


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_handouts_embed_real_subset_fonts(site: Path, language) -> None:
    """No Type 3 font in any handout or card (the Noto CJK fonts and Arabic in a synthesised bold were); no
    page's handout embeds whole fonts (over 2 MB for Chinese: Chromium's fallback when it cannot subset)."""
    for pdf in sorted((site / HANDOUT_ROOT / language.locale).glob("*.pdf")):
        subtypes = font_subtypes(pdf)
        assert "/Type3" not in subtypes, f"{pdf.name}: {subtypes.count('/Type3')} Type 3 fonts"
    for page in nav_pages():
        pdf = site / handout_path(language.locale, page_url(page))
        assert pdf.stat().st_size <= 500_000, f"{pdf.name}: {pdf.stat().st_size} bytes"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_whole_guide_handout_is_small(site: Path, language) -> None:
    """One font subset for the whole guide, not one per page: the Chinese guide was 1.9 MB (issue 11)."""
    size = (site / guide_handout_path(language.locale)).stat().st_size
    assert size <= GUIDE_HANDOUT_MAX_BYTES, (
        f"{size / 1e6:.2f} MB, more than {GUIDE_HANDOUT_MAX_BYTES / 1e6} MB"
    )


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_the_diagrams_are_printed_in_the_handouts_with_their_words(site: Path, language) -> None:
    """The symptoms page's two diagrams (src/guide/diagrams/) print as drawings with real text: each line of
    their labels and their captions is in the page's handout and in the whole guide."""
    page = soup(site / language.url_prefix / "symptoms" / "index.html")
    pieces = [
        text.strip()
        for figure in page.select("figure.diagram")
        for text in figure.find_all(string=True)
        if text.strip() and not text.parent.find_parent("sup")
    ]
    assert len(page.select("figure.diagram svg tspan")) >= 10
    for pdf in (handout_path(language.locale, "symptoms/"), guide_handout_path(language.locale)):
        text = "".join(pdf_pages(site / pdf))
        if language.locale == "ar":  # pdftotext splits some shaped words: nine in ten over all the words
            assert holds(text, " ".join(pieces)), f"{pdf}: the diagrams' words are not printed"
            continue
        missing = [piece for piece in pieces if not holds(text, piece)]
        assert not missing, f"{pdf}: the diagrams' words are not printed: {missing}"
