"""Offline reading in real Chromium: the service workers, the update prompt, and the offline zips."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import pytest
from conftest import build_site, free_port, serve
from guide.core.outputs import infobutton_answer_path, offline_zip_path
from guide.core.site_config import languages, nav_pages, page_url
from guide.infobutton.codes import ICD10CM, load_codes
from guide.infobutton.steps import REQUEST
from helpers import edit, search, soup

READY = "[data-offline-ready]"


def open_and_wait_until_saved(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.locator(READY).wait_for(state="visible", timeout=60_000)
    # "Available offline" and "Save this guide" never show together (Material's button rule beat `hidden`).
    assert not page.locator("[data-offline-save]").is_visible()
    return page


def expected_h1(site: Path, prefix: str, page: str) -> str:
    return soup(site / prefix / page_url(page) / "index.html").find("h1").get_text().strip("¶ \n")


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_every_page_and_search_work_offline_after_one_visit(
    browser, site: Path, site_url: str, language
) -> None:
    context = browser.new_context()
    page = open_and_wait_until_saved(context, site_url + language.url_prefix)
    # Only the service worker may serve the guide offline: the browser's HTTP cache kept search working
    # for a while (heuristic freshness) when the search worker was outside every language's scope.
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    context.set_offline(True)

    for nav_page in nav_pages():
        page.goto(site_url + language.url_prefix + page_url(nav_page))
        assert page.locator("h1").first.inner_text().strip("¶ \n") == expected_h1(
            site, language.url_prefix, nav_page
        )

    search(page, expected_h1(site, language.url_prefix, "symptoms.md").split()[0])

    # A page never cached: the offline page in the reader's language, not a browser error.
    page.goto(site_url + language.url_prefix + "no-such-page/")
    offline_title = (
        soup(site / language.url_prefix / "offline" / "index.html").find("h1").get_text().strip("¶ \n")
    )
    assert page.locator("h1").first.inner_text().strip("¶ \n") == offline_title
    context.close()


def test_online_reader_gets_the_real_404_not_the_offline_page(browser, site: Path, site_url: str) -> None:
    context = browser.new_context()
    page = open_and_wait_until_saved(context, site_url)
    response = page.goto(site_url + "no-such-page/")
    assert response is not None and response.status == 404
    offline_title = soup(site / "offline" / "index.html").find("h1").get_text().strip("¶ \n")
    assert offline_title not in page.content()
    context.close()


@pytest.fixture
def rebuildable_site(small_project: Path, tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    """The small project (its test names the languages), its built site, and the URL serving it; rebuild
    to publish a new version."""
    project = small_project
    site, port = tmp_path / "site", free_port()
    url = f"http://127.0.0.1:{port}/"
    assert build_site(project, site, site_url=url).returncode == 0
    for served_url in serve(site, port):
        yield project, site, served_url


@pytest.mark.languages("en")  # a new version of one language
def test_returning_reader_is_prompted_and_sees_new_text_online_and_offline(browser, rebuildable_site) -> None:
    project, site, url = rebuildable_site
    context = browser.new_context()
    page = open_and_wait_until_saved(context, url + "when-to-get-help/")

    new_sentence = "This sentence was added in a newer version of the guide."
    when_to_get_help = project / "docs" / "en" / "when-to-get-help.md"
    edit(when_to_get_help, lambda text: text + f"\n{new_sentence}\n")
    assert build_site(project, site, site_url=url).returncode == 0

    page.reload()
    prompt = page.locator("[data-update]")
    prompt.wait_for(state="visible", timeout=60_000)
    with page.expect_navigation():
        prompt.locator("button").click()
    page.get_by_text(new_sentence).wait_for()

    context.set_offline(True)
    page.goto(url + "about/")
    page.goto(url + "when-to-get-help/")
    assert page.get_by_text(new_sentence).is_visible()
    context.close()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_zip_opens_from_disk_with_links_and_search_and_no_network(
    browser, site: Path, tmp_path: Path, language
) -> None:
    with zipfile.ZipFile(site / offline_zip_path(language.locale)) as archive:
        archive.extractall(tmp_path)
    start = tmp_path / f"spine-guide-{language.locale}" / "START-HERE.html"
    assert start.is_file()

    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(start.as_uri())
    page.wait_for_url("**/index.html")

    page.locator("a[href$='symptoms/index.html']").first.click()
    page.wait_for_url("**/symptoms/index.html")
    assert page.locator("div.admonition.emergency").first.is_visible()

    search(page, expected_h1(site, language.url_prefix, "treatment.md").split()[0])

    outside = [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert not outside, f"the zip made network requests: {outside}"
    context.close()


@pytest.mark.languages("en", "es")
def test_offline_reading_works_under_a_sub_path(browser, small_project: Path, tmp_path: Path) -> None:
    # A GitHub Pages project site lives at https://<owner>.github.io/<repo>/: scope and URLs follow site_url.
    project = small_project
    root, port = tmp_path / "root", free_port()
    url = f"http://127.0.0.1:{port}/guide/"
    assert build_site(project, root / "guide", site_url=url).returncode == 0
    for _ in serve(root, port):
        context = browser.new_context()
        page = open_and_wait_until_saved(context, url + "es/")
        scope = page.evaluate(
            "navigator.serviceWorker.getRegistration().then(registration => registration.scope)"
        )
        assert scope == url + "es"  # the folder's name without the final slash: "/guide/es" is answered too
        context.set_offline(True)
        page.goto(url + "es/about/")
        assert page.locator("h1").first.inner_text().strip("¶ \n") == expected_h1(
            root / "guide", "es/", "about.md"
        )
        context.close()


def h1(page) -> str:
    return page.locator("h1").first.inner_text().strip("¶ \n")


def test_saved_pages_answer_at_every_address_variant_offline(browser, site: Path, site_url: str) -> None:
    context = browser.new_context()
    open_and_wait_until_saved(context, site_url)  # English (the root worker) and Chinese saved
    page = open_and_wait_until_saved(context, site_url + "zh/")
    open_and_wait_until_saved(context, site_url + "ar/")
    context.set_offline(True)
    symptoms = expected_h1(site, "ar/", "symptoms.md")
    for variant in (
        "ar/symptoms",
        "ar/symptoms/index.html",
        "ar/symptoms/?from=leaflet#top",
        "ar/symptoms?x=1",
    ):
        page.goto(site_url + variant)
        assert h1(page) == symptoms, variant
    for variant in ("zh", "zh/index.html"):
        page.goto(site_url + variant)
        assert h1(page) == expected_h1(site, "zh/", "index.md"), variant
    # At the saved page's own address, so that its relative links stay in its language.
    page.goto(site_url + "ar/symptoms")
    assert page.url == site_url + "ar/symptoms/"
    page.locator("a[href='../when-to-get-help/']").first.dispatch_event("click")
    page.wait_for_url("**/ar/when-to-get-help/")
    assert h1(page) == expected_h1(site, "ar/", "when-to-get-help.md")
    context.close()


def test_a_bare_language_address_works_offline_when_only_that_language_is_saved(
    browser, site: Path, site_url: str
) -> None:
    context = browser.new_context()
    page = open_and_wait_until_saved(context, site_url + "zh/symptoms/")  # Chinese only: no root worker
    context.set_offline(True)
    page.goto(site_url + "zh")
    assert page.url == site_url + "zh/"
    assert h1(page) == expected_h1(site, "zh/", "index.md")
    page.locator("nav.md-nav--primary a[href='symptoms/']").first.dispatch_event("click")
    page.wait_for_url("**/zh/symptoms/")
    assert h1(page) == expected_h1(site, "zh/", "symptoms.md")
    context.close()


def test_switching_language_offline_shows_that_language(browser, site: Path, site_url: str) -> None:
    context = browser.new_context()
    page = open_and_wait_until_saved(context, site_url)  # only English saved
    context.set_offline(True)
    page.goto(site_url + "fr/symptoms/")
    assert h1(page) == soup(site / "fr" / "offline" / "index.html").find("h1").get_text().strip("¶ \n")
    context.set_offline(False)
    page = open_and_wait_until_saved(context, site_url + "fr/")
    context.set_offline(True)
    page.goto(site_url + "fr/symptoms/")
    assert h1(page) == expected_h1(site, "fr/", "symptoms.md")
    context.close()


def test_no_update_prompt_on_a_first_visit_to_a_second_language(browser, site_url: str) -> None:
    context = browser.new_context()
    open_and_wait_until_saved(context, site_url)
    page = open_and_wait_until_saved(context, site_url + "vi/")
    page.reload()
    page.locator(READY).wait_for(state="visible", timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.locator("[data-update]").is_hidden()
    context.close()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_a_page_view_has_no_failed_request(browser, site_url: str, language) -> None:
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and failed.append(f"{response.url} {response.status}"),
    )
    page.goto(site_url + language.url_prefix + "symptoms/")
    page.locator(READY).wait_for(state="visible", timeout=60_000)
    page.goto(site_url + language.url_prefix + "treatment/", wait_until="networkidle")
    assert not failed, failed
    context.close()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_every_link_in_the_zip_opens_a_file_in_the_zip(
    site: Path, site_url: str, tmp_path: Path, language
) -> None:
    """Each address in every page of the zip (links, scripts, styles, images) is a file in the zip, or a
    web address (a source, or the English page a translation points to)."""
    with zipfile.ZipFile(site / offline_zip_path(language.locale)) as archive:
        archive.extractall(tmp_path)
    broken = []
    for html in sorted((tmp_path / f"spine-guide-{language.locale}").rglob("*.html")):
        for tag in soup(html).find_all(["a", "link", "script", "img"]):
            address = tag.get("href") or tag.get("src")
            parts = urlsplit(address or "")
            if not address or parts.scheme in ("http", "https", "mailto", "tel", "data") or not parts.path:
                continue
            if not (html.parent / unquote(parts.path)).is_file():
                broken.append(f"{html.relative_to(tmp_path)}: {address}")
    assert not broken, "\n".join(broken[:20])


def test_a_link_out_of_the_saved_language_offline_explains_in_the_readers_language(
    browser, site: Path, site_url: str
) -> None:
    context = browser.new_context()
    page = open_and_wait_until_saved(context, site_url + "es/symptoms/")  # only Spanish saved
    context.set_offline(True)
    page.locator("a.md-select__link[hreflang='fr']").first.dispatch_event("click")
    page.wait_for_url("**/es/offline/")
    assert h1(page) == soup(site / "es" / "offline" / "index.html").find("h1").get_text().strip("¶ \n")
    context.close()


# --- the infobutton offline (src/guide/infobutton/, the root worker's precache) ----------------------------

WORKER_ACTIVE = """async (scope) => {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  if (!registration) return "no worker";
  const worker = registration.active || registration.waiting || registration.installing;
  while (worker.state !== "activated" && worker.state !== "redundant") {
    await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  }
  return worker.state + " " + registration.scope;
}"""


def infobutton_address(code: str, language: str) -> str:
    return "infobutton/?" + urlencode(
        {REQUEST["system"]: ICD10CM, REQUEST["code"]: code, REQUEST["language"]: language}
    )


def test_the_infobutton_works_offline_after_one_use(browser, site: Path, site_url: str) -> None:
    """A record opens the infobutton once, online, for a Spanish reader: the infobutton page registers the
    site's worker (the English one, whose scope is the whole site), which keeps the infobutton page and its
    answers; the Spanish page saves the Spanish pages. Offline, the infobutton still leads to a saved page,
    its answers still open, and a language never saved gets the offline notice in that language."""
    # Two codes that open different pages (data/codes.yml).
    codes = [code for code in load_codes().codes if code.system == ICD10CM]
    cord = codes[0]
    bone = next(code for code in codes if code.page != cord.page)
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + infobutton_address(cord.code, "es"))
    page.wait_for_url(site_url + "es/" + page_url(cord.page + ".md"))
    page.locator(READY).wait_for(state="visible", timeout=60_000)  # the Spanish pages are saved
    assert page.evaluate(WORKER_ACTIVE, site_url) == f"activated {site_url}"
    context.set_offline(True)

    page.goto(site_url + infobutton_address(cord.code, "es"))
    page.wait_for_url(site_url + "es/" + page_url(cord.page + ".md"))
    assert h1(page) == expected_h1(site, "es/", cord.page + ".md")
    # English was never opened as a page: the worker the infobutton registered saved it.
    page.goto(site_url + infobutton_address(bone.code, "en"))
    page.wait_for_url(site_url + page_url(bone.page + ".md"))
    assert h1(page) == expected_h1(site, "", bone.page + ".md")
    # A language never opened on this computer: its offline notice, in that language.
    page.goto(site_url + infobutton_address(cord.code, "fr"))
    page.wait_for_url("**/fr/**")
    assert h1(page) == soup(site / "fr" / "offline" / "index.html").find("h1").get_text().strip("¶ \n")
    # The static answers for services, offline: opened, and read as a program reads them.
    answers = [infobutton_answer_path(ICD10CM, cord.code, "es", suffix) for suffix in (".json", ".atom")]
    response = page.goto(site_url + answers[0])
    assert response is not None and response.ok
    for answer in answers:
        read = page.evaluate("async (url) => (await fetch(url)).text()", site_url + answer)
        assert read == (site / answer).read_text(encoding="utf-8"), answer
    context.close()
