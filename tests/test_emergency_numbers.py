"""Emergency numbers by country: one catalogue checked with phonenumbers, country names from CLDR in the
page's language, the reader's own country as one big tap-to-call button on the first screen of a phone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import build_site
from guide.catalogues.emergency_numbers import country_name, load_numbers
from guide.core.outputs import API_ROOT, embed_path
from guide.core.site_config import languages, nav_pages, page_url
from guide.catalogues.language_registry import load_language
from helpers import html_files, soup
from phonenumbers import shortnumberinfo

PHONE = {"width": 390, "height": 844}


def test_every_number_is_an_emergency_number_of_its_country() -> None:
    catalogue = load_numbers()
    assert len(catalogue.countries) >= 30
    for country in catalogue.countries.values():
        for number in country.numbers:
            assert shortnumberinfo.is_emergency_number(number.number, country.code), (
                f"{country.code} {number.number}"
            )


def test_each_language_shows_first_the_countries_the_issue_asks_for_where_we_have_a_source() -> None:
    wanted = {
        "es": ["ES", "MX", "US", "CO", "AR"],
        "fr": ["FR", "BE", "CH", "CA", "LU"],
        "zh": ["CN", "SG", "HK", "TW"],
        "ar": ["SA", "EG", "AE", "JO"],
        "vi": ["VN", "US", "AU", "CA"],
        "pt": ["BR", "PT"],
        "pl": ["PL", "GB"],
        "ko": ["KR", "US"],
        "zh-Hant": ["TW", "HK", "MO", "US"],
        "ru": ["RU", "UA", "EE", "LV", "LT"],
        "tl": ["PH", "US"],
        "en": ["US", "CA", "GB", "IE", "AU", "NZ", "IN", "PH", "ZA"],
    }
    catalogue = load_numbers()
    for locale, codes in wanted.items():
        shown = load_language(locale).countries
        for code in codes:
            # Either shown, or named on the sources page as a country we have no source for.
            assert code in shown or code in catalogue.no_source, f"{locale}: {code}"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_emergency_boxes_name_countries_in_the_page_language_without_doubts(site: Path, language) -> None:
    catalogue = load_numbers()
    notes = [country.note for country in catalogue.countries.values() if country.note]
    first = load_language(language.locale).countries[0]
    other_languages = {other.url_prefix for other in languages() if other.url_prefix and other != language}
    for path in html_files(site / language.url_prefix):
        if path.relative_to(site).parts[0] + "/" in other_languages | {"embed/"}:
            continue  # another language's pages, or the embed views (checked on their own)
        for box in soup(path).select("div.admonition.emergency"):
            item = box.select_one(f".emergency-call__item[data-country='{first}']")
            assert item is not None, f"{path}: no number for {first}"
            assert item["data-name"] == country_name(first, language.locale)
            assert (
                item.select_one("a[href^='tel:']")["href"]
                == "tel:" + catalogue.countries[first].numbers[0].dial
            )
            text = box.get_text()
            assert not [note for note in notes if note[:30] in text], (
                f"{path}: a verification note in the box"
            )
            assert "verified" not in text.lower()


def test_sources_page_lists_every_number_and_the_countries_without_a_source(site: Path) -> None:
    page = soup(site / "es" / "about" / "index.html")
    table = page.select_one(".numbers-table").get_text()
    for country in load_numbers().countries.values():
        assert country_name(country.code, "es") in table
    for code in load_numbers().no_source:
        assert country_name(code, "es") in page.get_text(), (
            f"{code} is not named as a country without a source"
        )


def test_emergency_numbers_json_names_every_country_in_every_language(site: Path) -> None:
    document = json.loads((site / API_ROOT / "emergency-numbers.json").read_text(encoding="utf-8"))
    assert {country["code"] for country in document["countries"]} == set(load_numbers().countries)
    mexico = next(country for country in document["countries"] if country["code"] == "MX")
    assert mexico["names"]["es"] == "México" and mexico["numbers"][0]["dial"] == "911"
    assert document["shown_first"]["ar"][0] == "SA"


@pytest.mark.languages("en")  # the data file is checked before any language is built
def test_a_made_up_number_fails_the_build_with_file_and_line(small_project: Path) -> None:
    path = small_project / "data/emergency-numbers.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index("  ES:") + 1  # its numbers line
    lines[index] = '    numbers: [{number: "113"}]'
    path.write_text("\n".join(lines), encoding="utf-8")
    result = build_site(small_project, small_project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/emergency-numbers.yml:{index + 1}: 113 is not an emergency number of ES" in output
    assert "Traceback" not in output


@pytest.mark.languages("en", "es")
def test_a_language_cannot_show_a_country_without_a_source(small_project: Path) -> None:
    path = small_project / "translations/es.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("countries: [")].count("\n") + 1
    path.write_text(text.replace("countries: [ES, MX, US,", "countries: [ES, MX, US, MA,"), encoding="utf-8")
    result = build_site(small_project, small_project / "site")
    assert (
        f"translations/es.yml:{line}: country 'MA' has no entry in data/emergency-numbers.yml"
        in result.stdout + result.stderr
    )


# --- In real Chromium -------------------------------------------------------------------------------


def first_screen(page) -> dict[str, float]:
    return page.evaluate(
        """() => {
            const box = document.querySelector('div.admonition.emergency');
            const title = box.querySelector('.admonition-title').getBoundingClientRect();
            const link = box.querySelector('.emergency-call__item:not([hidden]) .emergency-call__link').getBoundingClientRect();
            return {title: title.bottom, number: link.bottom, height: innerHeight};
        }"""
    )


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_title_and_number_are_on_the_first_screen_of_a_phone(browser, site_url: str, language) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for url in (
        site_url + language.url_prefix + "when-to-get-help/",
        site_url + embed_path(language.locale, "when-to-get-help/"),
    ):
        page.goto(url)
        place = first_screen(page)
        assert place["number"] <= place["height"], f"{url}: the number ends at {place['number']} px"
    # At 200% zoom the phone shows half as many CSS pixels: the box title still fits the first screen.
    zoomed = browser.new_context(viewport={"width": 195, "height": 422}, device_scale_factor=2)
    page = zoomed.new_page()
    page.goto(site_url + language.url_prefix + "when-to-get-help/")
    place = first_screen(page)
    assert place["title"] <= place["height"], f"at 200% the title ends at {place['title']} px"
    context.close()
    zoomed.close()


def chosen_number(page) -> str:
    return page.locator(
        "div.admonition.emergency .emergency-call__item:not([hidden]) .emergency-call__link"
    ).first.inner_text()


def test_browser_region_picks_the_country(browser, site_url: str) -> None:
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.goto(site_url + "es/when-to-get-help/")
    assert "México" in chosen_number(page) and "911" in chosen_number(page)
    assert page.locator("div.admonition.emergency .emergency-call__item:not([hidden])").count() == 1
    context.close()


def test_chosen_country_changes_every_box_and_is_kept_across_pages(browser, site_url: str) -> None:
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(site_url + "when-to-get-help/")
    assert "United States" in chosen_number(page)
    picker = page.locator(".country-picker").first
    picker.locator(".country-picker__toggle").click()
    picker.locator("input[type=search]").fill("fran")
    assert picker.locator(".country-picker__list li:not([hidden])").count() == 1
    picker.get_by_role("button", name="France").click()
    assert "France" in chosen_number(page) and "15" in chosen_number(page)
    assert page.evaluate("document.activeElement.classList.contains('emergency-call__link')"), (
        "focus moves to the number"
    )
    page.goto(site_url + "symptoms/")
    assert "France" in chosen_number(page)
    # Offline too, once the guide is saved on the device.
    page.locator("[data-offline-ready]").wait_for(state="visible", timeout=60_000)
    context.set_offline(True)
    page.goto(site_url + "index.html")
    assert "France" in chosen_number(page)
    context.close()


def all_language_countries_show(page) -> None:
    box = page.locator("div.admonition.emergency").first
    for code in load_language("fr").countries:
        assert box.locator(f".emergency-call__item[data-country='{code}'] a").first.is_visible(), code
    assert not box.locator(".country-picker").is_visible()


def test_without_javascript_every_country_of_the_language_shows(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "fr/when-to-get-help/")
    all_language_countries_show(page)
    context.close()


def test_in_print_every_country_of_the_language_shows_whatever_was_chosen(browser, site_url: str) -> None:
    context = browser.new_context(locale="fr-CA")
    page = context.new_page()
    page.goto(site_url + "fr/when-to-get-help/")
    assert "Canada" in chosen_number(page)
    page.emulate_media(media="print")
    all_language_countries_show(page)
    context.close()


# --- The right number wherever the reader is (never another country's) -----------------------------------

REGIONS = {
    # browser language: the country whose number the card must show, or None for "no checked number"
    "en-NZ": "NZ",
    "en-ZA": "ZA",
    "zh-TW": "TW",
    "zh-HK": "HK",
    "zh-SG": "SG",
    "ar-AE": "AE",
    "fr-CH": "CH",
    "es-AR": "AR",
    "es-CO": "CO",
    "en-NG": None,
    "en-ZW": None,
}


@pytest.mark.parametrize("region", REGIONS)
def test_the_card_shows_the_readers_own_country_or_says_it_has_no_number(
    browser, site_url: str, region: str
) -> None:
    locale = region.split("-")[0]
    prefix = next(language.url_prefix for language in languages() if language.locale == locale)
    context = browser.new_context(viewport=PHONE, locale=region, service_workers="block")
    page = context.new_page()
    page.goto(site_url + prefix + "when-to-get-help/")
    card = page.locator("div.admonition.emergency").first
    shown = card.locator(".emergency-call__item:visible")
    expected = REGIONS[region]
    if expected:
        assert shown.count() == 1 and shown.get_attribute("data-country") == expected, region
        dial = load_numbers().countries[expected].numbers[0].dial
        assert shown.locator("a.emergency-call__link").get_attribute("href") == "tel:" + dial
    else:
        assert shown.count() == 0, f"{region}: another country's number is shown"
        missing = card.locator(".emergency-call__missing")
        assert missing.is_visible() and country_name(region[-2:], locale) in missing.inner_text()
        assert card.locator(".country-picker input[type=search]").is_visible(), "the picker is open"
    context.close()


@pytest.mark.parametrize("typed", ["UK", "usa", "Deutschland", "台灣", "المغرب", "mexico"])
def test_the_picker_finds_what_people_type(browser, site_url: str, typed: str) -> None:
    context = browser.new_context(locale="en-US", service_workers="block")
    page = context.new_page()
    page.goto(site_url + "when-to-get-help/")
    picker = page.locator("div.admonition.emergency .country-picker").first
    picker.locator(".country-picker__toggle").click()
    picker.locator("input[type=search]").fill(typed)
    found = picker.locator(".country-picker__list li:not([hidden]) button")
    assert found.count() >= 1, f"nothing found for {typed}"
    found.first.click()
    card = page.locator("div.admonition.emergency").first
    if typed == "المغرب":  # Morocco: no source we can cite, so no number, said plainly
        assert card.locator(".emergency-call__item:visible").count() == 0
        assert "Morocco" in card.locator(".emergency-call__missing").inner_text()
    else:
        assert card.locator(".emergency-call__item:visible a.emergency-call__link").count() == 1
    context.close()


LAYOUT_SHIFT = """() => new Promise((done) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value; })
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(total), 800);
})"""


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_nothing_moves_and_every_page_leads_to_the_number_on_the_first_screen(
    browser, site_url: str, language
) -> None:
    for viewport, region in ((PHONE, "en-ZW"), (PHONE, "fr-CH"), ({"width": 1280, "height": 800}, "es-MX")):
        context = browser.new_context(viewport=viewport, locale=region, service_workers="block")
        page = context.new_page()
        for name in nav_pages():
            url = site_url + language.url_prefix + page_url(name)
            page.goto(url)
            shift = page.evaluate(LAYOUT_SHIFT)
            assert shift < 0.001, f"{url} at {viewport} ({region}): layout shift {shift}"
            if viewport is PHONE:
                way = page.locator(
                    ".help-strip a, .emergency-call__link:visible, .emergency-call__missing:visible"
                ).first
                box = way.bounding_box()
                assert box and box["y"] + box["height"] <= PHONE["height"], (
                    f"{url}: no way to the number on the first screen"
                )
        context.close()


# A card a frightened reader can take in: at most about 1.2 phone screens (issue 23's NHS care-card rule).
CARD_SCREENS = 1.2


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_no_card_is_taller_than_a_screen_and_a_bit_on_a_phone(browser, site_url: str, language) -> None:
    region = f"{language.locale}-{load_language(language.locale).countries[0]}"
    context = browser.new_context(viewport=PHONE, locale=region, service_workers="block")
    page = context.new_page()
    tallest = 0.0
    for url in [site_url + language.url_prefix + page_url(name) for name in nav_pages()] + [
        site_url + language.url_prefix + "offline/"
    ]:
        page.goto(url)
        heights = page.evaluate(
            "() => [...document.querySelectorAll('.triage-box')].map(card => card.getBoundingClientRect().height)"
        )
        for height in heights:
            assert height <= CARD_SCREENS * PHONE["height"], (
                f"{url} ({region}): a card is {height:.0f} px tall"
            )
        tallest = max([tallest, *heights])
    assert tallest > PHONE["height"] / 2, "no card measured"  # the cord card is at least half a screen
    context.close()


def test_the_same_day_card_gives_an_urgent_line_only_where_the_data_has_one(site: Path) -> None:
    """NHS 111 for urgent help that is not an emergency (issue 23): from the data, in every language."""
    urgent = {
        code: country.urgent_numbers
        for code, country in load_numbers().countries.items()
        if country.urgent_numbers
    }
    assert urgent.keys() == {"GB"}, "update this test when the data gives another country's urgent line"
    for language in languages():
        document = soup(site / language.url_prefix / "when-to-get-help" / "index.html")
        card = document.select_one("div.admonition.urgent")
        line = card.select_one(".urgent-call__item[data-country='GB']")
        assert line is not None, f"{language.locale}: no urgent line for the UK"
        assert line.select_one("a[href='tel:111']") is not None
        assert country_name("GB", language.locale) in line.get_text()
        # Shown without scripts and on paper only where the UK is one of the language's countries.
        assert line.has_attr("hidden") == ("GB" not in load_language(language.locale).countries)
        assert not document.select("div.admonition.emergency .urgent-call"), (
            "an urgent line in an emergency card"
        )


@pytest.mark.parametrize(
    ("region", "shown"), [("en-GB", True), ("en-US", False), ("fr-FR", False), ("es-GB", True)]
)
def test_the_urgent_line_shows_only_to_a_reader_in_its_country(
    browser, site_url: str, region: str, shown: bool
) -> None:
    language = region.split("-")[0]
    prefix = "" if language == "en" else f"{language}/"
    context = browser.new_context(viewport=PHONE, locale=region, service_workers="block")
    page = context.new_page()
    page.goto(site_url + prefix + "when-to-get-help/")
    line = page.locator("div.admonition.urgent .urgent-call__item[data-country='GB']").first
    assert line.is_visible() == shown, f"{region}: the NHS 111 line {'is hidden' if shown else 'shows'}"
    assert page.evaluate(LAYOUT_SHIFT) < 0.001
    context.close()
