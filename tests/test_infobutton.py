"""The infobutton (a patient record opens the guide from a diagnosis code, in the patient's language), its
static answers for services, and the safety change feeds (src/guide/infobutton/, src/guide/changes/)."""

from __future__ import annotations

import datetime as dt

import json
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import feedparser
import pytest
from conftest import build_site, failed_build
from guide.core.outputs import changes_feed_path, infobutton_answer_path
from guide.core.project import project
from guide.core.site_config import languages
from guide.infobutton.codes import ICD10CM, load_codes
from guide.infobutton.steps import REQUEST, emergency_card_text, page_path
from helpers import recorded_requests
from test_content_api import validator

CODES = load_codes().codes
LOCALES = [language.locale for language in languages()]
PREFIX = {language.locale: language.url_prefix for language in languages()}


def query(system: str, code: str, language: str) -> str:
    return "infobutton/?" + urlencode(
        {REQUEST["system"]: system, REQUEST["code"]: code, REQUEST["language"]: language}
    )


# --- static answers ---------------------------------------------------------------------------------------


def test_every_answer_validates_and_carries_the_emergency_card_of_its_language(site: Path) -> None:
    check = validator("infobutton.schema.json")
    for locale in LOCALES:
        card = emergency_card_text(locale)
        for code in CODES:
            answer = json.loads(
                (site / infobutton_answer_path(code.system, code.code, locale, ".json")).read_text()
            )
            assert not [error.message for error in check.iter_errors(answer)], (code, locale)
            [entry] = answer["feed"]["entry"]
            assert entry["lang"] == locale
            assert entry["summary"]["_value"] == card
            assert urlsplit(entry["link"][0]["href"]).path == "/" + PREFIX[locale] + page_path(code.page)
        empty = json.loads((site / infobutton_answer_path(None, None, locale, ".json")).read_text())
        assert not list(check.iter_errors(empty))
        assert empty["feed"]["entry"] == []


def test_every_atom_answer_and_change_feed_parses_without_error(site: Path) -> None:
    feeds = [*(site / "infobutton").rglob("*.atom"), site / changes_feed_path(None)]
    feeds += [site / changes_feed_path(locale) for locale in LOCALES]
    assert len(feeds) == (len(CODES) + 1) * len(LOCALES) + 1 + len(LOCALES)
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
    assert not feedparser.parse(
        (site / infobutton_answer_path(None, None, "es", ".atom")).read_bytes()
    ).entries


def test_the_hospitals_page_shows_the_infobutton_and_the_feeds_in_every_language(site: Path) -> None:
    for locale in LOCALES:
        page = (site / PREFIX[locale] / "for-hospitals" / "index.html").read_text(encoding="utf-8")
        assert 'id="infobutton"' in page
        assert "map $args $infobutton_code" in page
        assert changes_feed_path(locale) in page


# --- the infobutton in Chromium ---------------------------------------------------------------------------


def landing(browser, site_url: str, address: str) -> tuple[str, list[str], list[str]]:
    """Where the reader lands from an infobutton address; the requests made and the dialogs opened."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        with recorded_requests(page) as requests:
            page.goto(site_url + address)
            page.wait_for_url(lambda url: "/infobutton/" not in url, timeout=5000)
            page.wait_for_load_state("load")
            return page.url, list(requests), dialogs
    finally:
        page.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_each_code_and_language_opens_its_page(browser, site_url: str, locale: str) -> None:
    for code in CODES:
        url, _, _ = landing(browser, site_url, query(code.system, code.code, locale))
        assert url == site_url + PREFIX[locale] + page_path(code.page), (code.code, locale)


@pytest.mark.parametrize(
    ("system", "code", "language", "expected"),
    [
        pytest.param(ICD10CM, "g9520", "es-MX", "es/when-to-get-help/", id="dotless lower-case code, region"),
        pytest.param(ICD10CM, "G95.20", "ja", "when-to-get-help/", id="language the guide lacks"),
        pytest.param(ICD10CM, "G95.20", "fil-PH", "tl/when-to-get-help/", id="Filipino is Tagalog"),
        pytest.param(ICD10CM, "Z99.9", "fr", "fr/", id="unknown code"),
        pytest.param("1.2.3", "G95.20", "zh", "zh/", id="unknown code system"),
        pytest.param(ICD10CM, "<script>alert(1)</script>", "es", "es/", id="script"),
        pytest.param(ICD10CM, "G95.20", "javascript:alert(1)", "when-to-get-help/", id="javascript language"),
        pytest.param("javascript:alert(document.domain)//", "G95.20", "ar", "ar/", id="javascript system"),
        pytest.param(ICD10CM, "G95.20" + "0" * 10_000, "vi", "vi/", id="10,000 characters"),
        pytest.param(ICD10CM, '"><img src=x onerror=alert(1)>', "<svg onload=alert(1)>", "", id="markup"),
    ],
)
def test_unknown_and_hostile_requests_land_on_a_safe_page_and_run_nothing(
    browser, site_url: str, system: str, code: str, language: str, expected: str
) -> None:
    url, requests, dialogs = landing(browser, site_url, query(system, code, language))
    assert url == site_url + expected
    assert not dialogs
    assert all(request.startswith(site_url) for request in requests), requests


def test_without_a_request_the_page_lists_every_link_and_stays(browser, site_url: str) -> None:
    page = browser.new_page(java_script_enabled=False)
    try:
        page.goto(site_url + "infobutton/")
        links = page.locator("a[data-code]")
        assert links.count() == len(CODES) * len(LOCALES)
        assert page.locator("a[data-home]").count() == len(LOCALES)
        page.locator(f'section[lang="es"] a[data-code="{CODES[0].code}"]').click()
        page.wait_for_url(site_url + "es/" + page_path(CODES[0].page))
    finally:
        page.close()


# --- the safety change feed -------------------------------------------------------------------------------

LOGGED = re.compile(r"safety: (\{.*\}) \(")


@pytest.mark.languages("en", "es")
def test_a_changed_warning_sign_must_be_logged_and_is_then_an_emergency_entry(small_project: Path) -> None:
    triage = small_project / "data" / "triage.yml"
    old = "new or worse weakness, heaviness or clumsiness in your arms or legs"
    triage.write_text(triage.read_text(encoding="utf-8").replace(old, old + " or hands"), encoding="utf-8")
    output = failed_build(small_project)
    [line] = [line for line in output.splitlines() if "changes.yml" in line]
    assert re.search(r"data/changes\.yml:\d+: the safety text .* of en changed and no entry logs it", line)
    assert ".venv/bin/guide changes" in line
    log = small_project / "data" / "changes.yml"
    entry = (
        f"  - date: {dt.date.today().isoformat()}\n"
        '    title: "Weakness of the hands is a warning sign"\n'
        '    summary: "The emergency card names weak hands too."\n    pages: [when-to-get-help]\n'
        f"    safety: {LOGGED.search(line).group(1)}\n"
    )
    log.write_text(
        log.read_text(encoding="utf-8").replace("changes:\n", "changes:\n" + entry, 1), encoding="utf-8"
    )
    result = build_site(small_project, small_project / "site")
    assert result.returncode == 0, result.stderr
    for path in (changes_feed_path(None), changes_feed_path("en")):
        feed = feedparser.parse((small_project / "site" / path).read_bytes())
        assert not feed.bozo
        newest, first = feed.entries[0], feed.entries[-1]
        assert newest.title == "Weakness of the hands is a warning sign"
        assert "emergency" in [tag.term for tag in newest.tags]
        assert newest.link.endswith("/when-to-get-help/")
        assert "emergency" not in [tag.term for tag in first.tags]
    # Spanish did not change: its feed lists only the changes that concern it, not this one.
    spanish = feedparser.parse((small_project / "site" / changes_feed_path("es")).read_bytes())
    assert [entry.title for entry in spanish.entries] == [entry.title for entry in feed.entries[1:]]


def test_the_log_records_the_safety_text_as_it_is_now() -> None:
    text = (project().data / "changes.yml").read_text(encoding="utf-8")
    assert all(f"\n      {locale}: {{emergency:" in text for locale in LOCALES)
