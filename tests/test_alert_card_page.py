"""The alert card's page (issue 26): the card in the reader's language and in the language of the country
they are in, with a note for the clinician and that country's emergency number, filled in on the device,
printed and saved as an image, offline and with no request to any other host."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from guide.catalogues.emergency_numbers import load_numbers
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import load_catalogue
from guide.core.site_config import languages
from guide.handouts.card_page import card_page_url
from guide.offline.language_files import language_files
from helpers import recorded_requests, soup
from test_emergency_numbers import LAYOUT_SHIFT, PHONE
from test_browser import AXE

LOCALES = [language.locale for language in languages()]
ONLY_DIGITS = re.compile(r"\d+")


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def squeezed(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_has_a_card_page_with_every_side(site: Path, locale: str) -> None:
    page = soup(site / card_page_url(locale) / "index.html")
    sides = {side["data-language"]: side for side in page.select(".alert-card__side")}
    assert set(sides) == set(LOCALES), "a side per language"
    assert "alert-card__side--reader" in sides[locale]["class"], "the reader's side is the page's language"
    catalogue = load_catalogue()
    numbers = load_numbers().countries
    for language, side in sides.items():
        words = load_language(language).triage
        assert side["lang"] == language
        side_text = text(side)
        for sign in catalogue.card_signs:
            assert squeezed(words.signs[sign]) in side_text, f"{language}: sign {sign}"
        for key in ("note", "mri", "local_number"):
            assert squeezed(words.clinician[key]) in side_text, f"{language}: clinician {key}"
        # Every country's number, each only from the data, on a line of its own that names the country.
        lines = side.select(".alert-card__number")
        assert {line["data-country"] for line in lines} == set(numbers)
        for line in lines:
            shown = [bold.get_text() for bold in line.select("b")]
            assert shown == [number.number for number in numbers[line["data-country"]].numbers]
        # The card ends with the number (or "call your local emergency number"), not a stray label.
        assert "alert-card__call" in side.find_all(recursive=False)[-1]["class"]
        cited = [link["href"] for link in side.select(".alert-card__clinician a")]
        assert cited == [
            f"#source-{n}"
            for n in (*catalogue.clinician_sources["note"], *catalogue.clinician_sources["mri"])
        ]
    listed = {item["id"] for item in page.select("ol.sources li")}
    assert {link.lstrip("#") for link in cited} <= listed, "the sources the clinician's note cites are listed"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_links_to_the_card_and_the_worker_saves_it(site: Path, locale: str) -> None:
    language = next(language for language in languages() if language.locale == locale)
    page = soup(site / language.url_prefix / "when-to-get-help" / "index.html")
    assert any(link["href"].rstrip("/").endswith("alert-card") for link in page.select(".alert-card-links a"))
    assert card_page_url(locale) + "index.html" in language_files(site, language), "not saved for offline"


def open_card(browser, site_url: str, path: str, locale: str, viewport=PHONE, **options):
    context = browser.new_context(viewport=viewport, locale=locale, service_workers="block", **options)
    page = context.new_page()
    page.goto(site_url + path)
    return context, page


def shown_sides(page) -> list[str]:
    return page.eval_on_selector_all(
        ".alert-card__side", "sides => sides.filter(s => s.checkVisibility()).map(s => s.dataset.language)"
    )


def test_a_vietnamese_reader_in_france_carries_a_card_a_french_doctor_can_read(
    browser, site_url: str
) -> None:
    french = load_language("fr").triage.clinician
    numbers = [number.number for number in load_numbers().countries["FR"].numbers]
    context, page = open_card(browser, site_url, "vi/alert-card/", "vi-FR", accept_downloads=True)
    with recorded_requests(page) as requests:
        page.reload()
        assert page.evaluate(LAYOUT_SHIFT) < 0.001
        assert shown_sides(page) == ["vi", "fr"]
        second = page.locator('.alert-card__side[data-language="fr"]')
        assert squeezed(french["note"]) in squeezed(second.inner_text())
        call = second.locator(".alert-card__call:visible")
        assert call.count() == 1 and ONLY_DIGITS.findall(call.inner_text()) == numbers
        assert page.locator('.alert-card__side[data-language="vi"] .alert-card__clinician').is_hidden()

        # Typed on the device: on both sides, kept across a reload, in the print and the image.
        page.fill("#alert-card-name", "Nguyễn Thị Lan")
        page.fill("#alert-card-team_number", "+33 1 23 45 67 89")
        for side in ("vi", "fr"):
            assert (
                page.locator(f'.alert-card__side[data-language="{side}"] [data-value="name"]').inner_text()
                == "Nguyễn Thị Lan"
            )
        page.reload()
        assert page.input_value("#alert-card-name") == "Nguyễn Thị Lan"
        assert (
            page.locator('.alert-card__side[data-language="fr"] [data-value="team_number"]').inner_text()
            == "+33 1 23 45 67 89"
        )
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        with page.expect_download() as download:
            page.click('[data-action="image"]')
        image = Path(download.value.path()).read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert int.from_bytes(image[16:20], "big") == 1080 and int.from_bytes(image[20:24], "big") == 2340
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2, "a front and a back"
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (105, 74)
    printed = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert "Lan" in printed and "Nguy" in printed, "the typed name is not in the print"
    assert not [url for url in requests if not url.startswith((site_url, "data:", "blob:"))]

    page.click('[data-action="clear"]')
    assert page.input_value("#alert-card-name") == ""
    assert page.locator('[data-value="name"]').first.inner_text() == ""
    page.reload()
    assert page.input_value("#alert-card-name") == ""
    context.close()


def test_a_stored_country_and_the_select_choose_the_second_side(browser, site_url: str) -> None:
    context, page = open_card(browser, site_url, "vi/alert-card/", "vi-VN")
    assert shown_sides(page) == ["vi"], "a Vietnamese reader in Vietnam: one language"
    page.evaluate("localStorage.setItem('spine-guide:country', 'FR')")
    page.reload()
    assert shown_sides(page) == ["vi", "fr"]
    assert page.input_value("#alert-card-language") == "fr"
    page.select_option("#alert-card-language", "es")
    assert shown_sides(page) == ["vi", "es"]
    page.reload()
    assert shown_sides(page) == ["vi", "es"], "the reader's choice is kept"
    page.select_option("#alert-card-language", "vi")
    assert shown_sides(page) == ["vi"]
    assert page.locator('.alert-card__side[data-language="vi"] .alert-card__clinician').is_visible()
    context.close()


def test_an_english_reader_in_the_united_states_gets_one_side_with_the_note_and_911(
    browser, site_url: str
) -> None:
    context, page = open_card(
        browser, site_url, "alert-card/", "en-US", viewport={"width": 1280, "height": 800}
    )
    assert page.evaluate(LAYOUT_SHIFT) < 0.001
    assert shown_sides(page) == ["en"], "the country's language is the page's: the card shows one language"
    side = page.locator('.alert-card__side[data-language="en"]')
    assert side.locator(".alert-card__clinician").is_visible()
    assert ONLY_DIGITS.findall(side.locator(".alert-card__call:visible").inner_text()) == ["911"]
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_a_country_without_a_number_says_to_call_the_local_number(browser, site_url: str) -> None:
    missing = load_numbers().no_source[0]
    context, page = open_card(browser, site_url, "fr/alert-card/", f"fr-{missing}")
    assert shown_sides(page) == ["fr", "en"], "no language of the guide for that country: English"
    call = page.locator('.alert-card__side[data-language="en"] .alert-card__call:visible')
    assert call.inner_text() == load_language("en").triage.clinician["local_number"]
    assert not ONLY_DIGITS.findall(call.inner_text())
    context.close()


def test_the_printer_refuses_a_wallet_card_side_that_would_be_cut_off(browser, site_url: str) -> None:
    """The wallet card's sides hide what overflows their 105 x 74 mm sheet. The printer measures each side
    laid out for print and stops the build, naming the translator's line, when one is too tall: a French back
    with a sign four times as long loses the note for the clinician. The French card as it is fits."""
    from guide.approvals.steps import translation_line
    from guide.core.input_files import ContentError
    from guide.handouts.alert_card import card_html
    from guide.handouts.handouts import check_card_fits

    sign = load_language("fr").triage.signs[load_catalogue().card_signs[0]]
    card = card_html("fr", "/assets/stylesheets/alert-card.css", site_url + "fr/alert-card/")
    assert sign in card
    page = browser.new_page()
    page.goto(site_url)  # the card's stylesheet is the site's: the card is set into a page of the site
    page.set_content(card, wait_until="load")
    check_card_fits(page)
    page.set_content(card.replace(sign, " ".join([sign] * 4), 1), wait_until="load")
    with pytest.raises(ContentError) as refused:
        check_card_fits(page)
    line = translation_line("fr", "triage.clinician.note")
    assert str(refused.value).startswith(
        f"translations/fr.yml:{line}: the back (the signs, the note for the clinician) of the printed alert card is "
    )
    assert str(refused.value).endswith(
        "mm too tall for its 105mm x 74mm sheet, so its end would be cut off: shorten the card's signs or "
        "triage.clinician"
    )
    page.close()
