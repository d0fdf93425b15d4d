"""Printable handouts: a PDF per page per language and one per language for the whole guide, with text in
the right language and script order, intact emergency boxes, the address and review date on every sheet, and
fonts embedded as TrueType subsets (no Type 3 fonts), so that the whole guide stays small."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from guide.handouts.alert_card import PHONE_SIZE, WALLET_SIZE, printed_pairs
from guide.handouts.card_page import card_page_url
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


def holds(pdf_text: str, text: str, share: float = 0.9) -> bool:
    """Whether the PDF's text holds a piece of page text. Arabic is compared word by word: pdftotext may
    order the words of a mixed-direction line differently, and writes lam-alef ligatures either way round."""
    if re.search("[\u0600-\u06ff]", text):
        # pdftotext splits some shaped Arabic words ("فور ا"): nine words in ten is a match.
        expected = set(arabic_words(text))
        return len(expected & set(arabic_words(pdf_text))) >= share * len(expected)
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
def test_every_page_handout_ends_with_a_qr_code_of_its_address(
    site: Path, site_url: str, language, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    for page in nav_pages():
        pdf = site / handout_path(language.locale, page_url(page))
        last = len(PdfReader(pdf).pages)
        address = site_url + language.url_prefix + page_url(page)
        # 100 dpi: some 3 pixels a module of the 22 mm code, enough for zbar and quick to draw.
        assert qr_codes(pdf, last, tmp_path, dpi=100) == [address], f"{pdf.name}: no QR code of {address}"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_emergency_box_starts_on_the_first_sheet_with_its_advice_and_numbers(site: Path, language) -> None:
    words = load_language(language.locale).triage.tiers["emergency"]
    first_number = load_numbers().countries[load_language(language.locale).countries[0]].numbers[0].number
    first_sheet = pdf_pages(site / handout_path(language.locale, "when-to-get-help/"))[0]
    assert holds(first_sheet, words["title"]), "the emergency box does not start on the first sheet"
    assert holds(first_sheet, words["action"]), "whom to call is not with the box title"
    assert first_number in first_sheet, "the first emergency number is not on the first sheet"


def qr_codes(pdf: Path, sheet: int, tmp_path: Path, dpi: int = 300) -> list[str]:
    """What the QR codes on one sheet (from 1) say: the sheet drawn at 300 dpi (poppler's pdftoppm), read
    by zbar's zbarimg. Without zbarimg the test fails: install zbar-tools (scripts/install-system-deps.sh)."""
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg is missing: install Debian's zbar-tools (scripts/install-system-deps.sh)")
    image = tmp_path / f"{pdf.stem}-{sheet}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-singlefile",
            "-f",
            str(sheet),
            "-l",
            str(sheet),
            str(pdf),
            str(image),
        ],
        check=True,
    )
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{image}.pgm"],
        capture_output=True,
        text=True,
        check=False,  # status 4: no code found, which the caller's comparison reports
    )
    return found.stdout.split()


def booklet_parts(sheets: list[str], language) -> tuple[int, int]:
    """Where the chapters of a booklet start and where its one list of sources starts (sheets from 0)."""
    strings = load_language(language.locale).strings
    sources = [
        number for number, sheet in enumerate(sheets) if holds(sheet, strings["booklet_sources_intro"])
    ]
    assert len(sources) == 1, f"the booklet has {len(sources)} lists of sources, not one"
    return 2, sources[0]


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_whole_guide_is_a_booklet_with_a_cover_and_contents(
    site: Path, site_url: str, language, tmp_path: Path
) -> None:
    """The cover names the guide, its language, the date and review state, and its published address, in
    words and as a QR code; the contents page lists every chapter with the sheet it starts on."""
    strings = load_language(language.locale).strings
    pdf = site / guide_handout_path(language.locale)
    sheets = pdf_pages(pdf)
    address = site_url + language.url_prefix
    cover = sheets[0]
    assert holds(cover, load_language(language.locale).site.site_name), "the cover has no title"
    assert holds(cover, language.name), "the cover does not name the language"
    newest = max(read_meta(project().docs / language.locale / page)["last_reviewed"] for page in nav_pages())
    assert newest.isoformat() in cover, "the cover does not date the guide"
    assert holds(cover, strings["review_not_reviewed_short"]), "the cover does not say it is not yet checked"
    assert address in words(cover)
    assert qr_codes(pdf, 1, tmp_path) == [address], "the cover's QR code is not the guide's address"
    assert holds(sheets[1], strings["booklet_contents"])
    for page in nav_pages():
        assert holds(sheets[1], page_title(site, language, page)), f"the contents page lacks {page}"
    assert holds(sheets[1], strings["sources_heading"]), "the contents page lacks the list of sources"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_whole_guide_holds_each_chapter_once_then_one_list_of_sources(
    site: Path, site_url: str, language
) -> None:
    """Every page in nav order, each once, from a new sheet that shows its title, on the sheet the contents
    page says; on every sheet the address and review date of its own page, and the sheet's number; then one
    list of sources, with no page's own "Sources", review notice or repeated country numbers."""
    strings = load_language(language.locale).strings
    pdf = site / guide_handout_path(language.locale)
    sheets = pdf_pages(pdf)
    first, sources = booklet_parts(sheets, language)
    pages = nav_pages()
    addresses = [site_url + language.url_prefix + page_url(page) for page in pages]
    chapters = sheets[first:sources]
    # A sheet's page is the one its footer names: the longest address on it (the first page's, the
    # language's home, begins every other address).
    owners = [max((a for a in addresses if a in words(sheet)), key=len, default=None) for sheet in chapters]
    starts = [number for number, owner in enumerate(owners) if number == 0 or owner != owners[number - 1]]
    assert [owners[number] for number in starts] == addresses, (
        f"{pdf.name}: pages missing, repeated or out of order"
    )
    for page, start in zip(pages, starts, strict=True):
        title = page_title(site, language, page)
        assert holds(chapters[start], title), f"{pdf.name}: {page} does not start on a sheet with its title"
    for number, (sheet, owner) in enumerate(zip(chapters, owners, strict=True), start=first + 1):
        page = pages[addresses.index(owner)]
        reviewed = read_meta(project().docs / language.locale / page)["last_reviewed"].isoformat()
        assert reviewed in sheet, f"{pdf.name} sheet {number} lacks the review date of {page}"
        assert f"{number}/{len(sheets)}" in words(sheet), f"{pdf.name} sheet {number} is not numbered"
    text = "".join(sheets)
    # (Arabic is compared word by word, and the two intros share most words: only the list's own sheet may.)
    own_lists = [number for number, sheet in enumerate(sheets) if holds(sheet, strings["sources_intro"])]
    assert set(own_lists) <= {sources}, f"a page's own list of sources is on sheets {own_lists}"
    assert not holds(text, strings["review_not_reviewed"]), "a page's review notice is in the booklet"
    # The country tiles (emergency numbers of the language's countries, with a line for other countries):
    # in the first box of each calling tier only, on one or two sheets; each page repeated them.
    label = strings["emergency_numbers_elsewhere"]
    # (In Arabic, pdftotext splits two of its eleven words, "رقمًا" and "أيضًا", inside the tiles' columns.)
    shown = [number + 1 for number, sheet in enumerate(sheets) if holds(sheet, label, share=0.8)]
    assert 1 <= len(shown) <= 2, f"{label!r} shows on sheets {shown}"
    # Every source cited in the guide is in the one list, in order of number.
    # A list number starts a line ("6. NICE ..."), or ends it in right-to-left text ("... NICE .6").
    markers = re.findall(r"^\s*(\d+)\.\s|\s\.(\d+)\s*$", "\n".join(sheets[sources:]), re.M)
    listed = [int(start or end) for start, end in markers]
    assert listed == sorted(set(listed)) and listed, "the list of sources is not one numbered list"
    # The contents page gives, line by line, the sheet each chapter and the sources start on (the footer,
    # which names the guide's address, aside).
    body = [line for line in sheets[1].splitlines() if site_url not in line]
    given = [int(number) for number in re.findall(r"\b\d+\b", "\n".join(body))]
    assert given == [first + start + 1 for start in starts] + [sources + 1], (
        "wrong sheets on the contents page"
    )
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


def card_size_mm(page) -> tuple[int, int]:  # noqa: ANN001 - a pypdf page
    box = page.mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def size_mm(size: tuple[str, str]) -> tuple[int, int]:
    return int(size[0].removesuffix("mm")), int(size[1].removesuffix("mm"))


def other_countries_numbers(country: str) -> set[str]:
    """The emergency numbers of every other country that this country does not share (112 is everywhere)."""
    countries = load_numbers().countries
    own = {number.number for number in countries[country].numbers}
    return {
        number.number for code, entry in countries.items() if code != country for number in entry.numbers
    } - own


PAIRS = [
    (reader, second, country)
    for reader, pairs in printed_pairs().items()
    for second, countries in pairs.items()
    for country in countries
]


def test_every_language_has_pairs_and_a_vietnamese_reader_in_paris_has_hers() -> None:
    """The pairs come from data (mkdocs.yml, data/language-countries.yml, CLDR): each language has English
    or another language of its countries; a Vietnamese reader in France gets a French card (issue 26)."""
    readers = {reader for reader, _, _ in PAIRS}
    assert readers == {language.locale for language in languages()}
    assert ("vi", "fr", "FR") in PAIRS and ("zh", "en", "GB") in PAIRS


@pytest.mark.parametrize(("reader", "second", "country"), PAIRS, ids="-".join)
def test_card_in_two_languages_has_both_sides_and_only_that_countrys_number(
    site: Path, reader: str, second: str, country: str
) -> None:
    """The wallet card (the reader's front and back, then the clinician's) and the phone card (one screen
    per language): the signs in both languages, the clinician's note in the country's language, that
    country's emergency number and no other country's."""
    from pypdf import PdfReader

    numbers = {number.number for number in load_numbers().countries[country].numbers}
    others = other_countries_numbers(country)
    for phone, count, size in ((False, 4, WALLET_SIZE), (True, 2, PHONE_SIZE)):
        pdf = site / alert_card_path(reader, phone=phone, pair=(second, country))
        pdf_reader = PdfReader(pdf)
        assert len(pdf_reader.pages) == count, f"{pdf.name}: {len(pdf_reader.pages)} sheets, not {count}"
        assert all(card_size_mm(page) == size_mm(size) for page in pdf_reader.pages), (
            f"{pdf.name}: wrong size"
        )
        sheets = pdf_pages(pdf)
        half = count // 2
        for locale, text in ((reader, "".join(sheets[:half])), (second, "".join(sheets[half:]))):
            triage = load_language(locale).triage
            for sign in load_catalogue().card_signs:
                assert holds(text, triage.signs[sign]), (
                    f"{pdf.name}: {locale} sign {sign} is missing or cut off"
                )
            assert holds(text, triage.clinician["note"]), (
                f"{pdf.name}: the {locale} note is missing or cut off"
            )
        printed = set(re.findall(r"\d+", "".join(sheets)))
        assert numbers <= printed, f"{pdf.name}: {country}'s number is missing"
        assert not printed & others, f"{pdf.name}: another country's number {printed & others}"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_printed_cards_have_a_qr_code_of_the_card_page(
    site: Path, site_url: str, language, tmp_path: Path
) -> None:
    address = site_url + card_page_url(language.locale)
    pairs = printed_pairs()[language.locale]
    second = next(iter(pairs))
    for pdf, sheet in (
        (site / alert_card_path(language.locale), 2),
        (site / alert_card_path(language.locale, phone=True), 1),
        (site / alert_card_path(language.locale, pair=(second, pairs[second][0])), 4),
    ):
        assert qr_codes(pdf, sheet, tmp_path) == [address], (
            f"{pdf.name} sheet {sheet}: no QR code of {address}"
        )


def test_card_page_links_the_printed_cards_of_its_pairs(site: Path) -> None:
    """The card's page links the language's own PDFs, which alert-card.js turns into the chosen pair's for
    the reader's country (tests/test_alert_card_page.py); every pair it names is printed."""
    for language in languages():
        page = soup(site / card_page_url(language.locale) / "index.html")
        printed = page.select_one(".alert-card-form__printed")
        hrefs = [link["href"] for link in printed.select("a")]
        assert [href.rsplit("/", 1)[-1] for href in hrefs] == ["alert-card.pdf", "alert-card-phone.pdf"]
        folder = site / card_page_url(language.locale)
        for href in hrefs:
            assert (folder / href).resolve().is_file(), href
            for pair in printed["data-cards"].split():
                second, country = pair.rsplit("-", 1)  # zh-Hant-TW: the country is last
                paired = href.replace("alert-card", f"alert-card-{second}-{country}")
                assert (folder / paired).resolve().is_file(), f"{language.locale}: {paired} is not printed"


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


def test_card_page_links_the_pdf_of_the_chosen_pair(browser, site_url: str) -> None:
    """A Vietnamese reader in France: the French card with France's number, in both sizes; with English
    chosen, which has no card for France, the Vietnamese card of Vietnamese readers' countries."""
    from test_alert_card_page import open_card

    context, page = open_card(browser, site_url, "vi/alert-card/", "vi-FR")
    links = page.locator(".alert-card-form__printed a")

    def printed() -> list[str]:
        return [href.rsplit("/", 1)[-1] for href in links.evaluate_all("links => links.map(l => l.href)")]

    assert printed() == ["alert-card-fr-FR.pdf", "alert-card-fr-FR-phone.pdf"]
    page.select_option("#alert-card-language", "en")
    assert printed() == ["alert-card.pdf", "alert-card-phone.pdf"]
    page.select_option("#alert-card-language", "fr")
    assert printed() == ["alert-card-fr-FR.pdf", "alert-card-fr-FR-phone.pdf"]
    for href in links.evaluate_all("links => links.map(l => l.href)"):
        assert page.request.get(href).ok, f"{href} is not served"
    context.close()


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
