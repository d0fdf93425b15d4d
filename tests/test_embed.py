"""Embed mode in real Chromium: a host page on another localhost port embeds a guide page in a
sandboxed iframe with our copy-paste snippet."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve
from guidelib.outputs import api_index_path, guide_handout_path
from guidelib.site_config import languages, nav_pages, page_url
from guidelib.translations import load_language
from helpers import soup

SNIPPET = Path(__file__).resolve().parent.parent / "hooks" / "embed_host_snippet.html"


@pytest.fixture
def host_page(tmp_path: Path, site_url: str) -> Iterator[callable]:
    """Serve, from another port, a host page that embeds the given guide path with our snippet."""

    def make(host_url: str, path: str) -> str:
        html = SNIPPET.read_text(encoding="utf-8").replace("__EMBED_URL__", site_url + path).replace("__TITLE__", "Guide")
        (tmp_path / "host.html").write_text(
            f"<!doctype html><html><body><h1>Hospital portal</h1>{html}<p>After the guide</p></body></html>",
            encoding="utf-8",
        )
        return host_url + "host.html"

    for host_url in serve(tmp_path):
        yield functools.partial(make, host_url)


def embedded_frame(page):
    page.locator("iframe[data-spine-guide]").wait_for()
    return page.frame_locator("iframe[data-spine-guide]")


def test_iframe_grows_to_content_with_local_numbers_and_links_stay_embedded(browser, host_page) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(host_page("embed/symptoms/?emergency=%2B44%20999&team=0161%20446%200000"))
    frame = embedded_frame(page)

    number = frame.locator("div.admonition.emergency .hospital-number a").first
    number.wait_for()
    assert number.inner_text() == "+44 999"
    assert number.get_attribute("href") == "tel:+44999"
    team = frame.locator("div.admonition.urgent .hospital-number a").first
    assert team.inner_text() == "0161 446 0000"

    iframe = page.locator("iframe[data-spine-guide]")
    # The snippet starts the iframe at 600px; the page's reported height replaces that.
    page.wait_for_function("() => document.querySelector('iframe[data-spine-guide]').clientHeight !== 600")
    page.wait_for_timeout(500)  # let late layout (fonts, images) report its final height
    content_height = frame.locator("html").evaluate("html => html.scrollHeight")
    frame_height = iframe.evaluate("frame => frame.clientHeight")
    assert abs(frame_height - content_height) <= 2, (frame_height, content_height)
    assert frame.locator("html").evaluate("html => html.scrollHeight <= window.innerHeight + 1")

    # The embed view has no site chrome and registers no service worker.
    assert frame.locator("header, nav.md-nav, .md-search, footer").count() == 0

    frame.locator("a[href*='when-to-get-help']").first.click()
    frame.locator("h1").first.wait_for()
    frame_url = next(f.url for f in page.frames if f != page.main_frame)
    assert "/embed/when-to-get-help/" in frame_url and "emergency=" in frame_url
    assert frame.locator("div.admonition.emergency .hospital-number").count() >= 1
    assert not errors, errors


@pytest.mark.parametrize("bad", ["999<b>", "call 999", "javascript:alert(1)", "9", "1" * 30])
def test_invalid_host_numbers_are_ignored(browser, host_page, bad: str) -> None:
    page = browser.new_page()
    page.goto(host_page(f"embed/when-to-get-help/?emergency={bad}&team={bad}"))
    frame = embedded_frame(page)
    frame.locator("div.admonition.emergency").first.wait_for()
    assert frame.locator(".hospital-number").count() == 0


@pytest.mark.parametrize(("language", "page"), [(lang, p) for lang in languages() for p in nav_pages()],
                         ids=lambda v: getattr(v, "locale", v))
def test_every_page_has_an_embed_view_without_site_chrome(site: Path, language, page: str) -> None:
    document = soup(site / "embed" / language.url_prefix / page_url(page) / "index.html")
    assert document.html.has_attr("data-embed")
    assert document.html["lang"] == language.locale
    assert document.find("h1")
    assert not document.select("header, .md-sidebar, .md-search, footer")
    assert not any("offline.js" in script.get("src", "") for script in document.find_all("script"))
    for link in document.select("a[href^='http']"):
        assert link.get("target") == "_blank" and "noopener" in link.get("rel", [])


@pytest.mark.downloads  # links to the whole-guide handout, made only with the downloads
@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_hospital_page_has_snippet_live_example_licence_and_other_formats(site: Path, site_url: str, language) -> None:
    document = soup(site / language.url_prefix / "for-hospitals" / "index.html")
    code = document.select_one("pre code").get_text()
    assert f'src="{site_url}embed/{language.url_prefix}when-to-get-help/?emergency=' in code
    assert "spine-guide:height" in code, "the copy-paste snippet must include the resizing script"
    assert document.select_one(".embed-example iframe[data-spine-guide][sandbox]") is not None
    assert load_language(language.locale).strings["for_hospitals_licence"] in document.get_text()
    links = {link["href"] for link in document.select("article a[href]")}
    assert {site_url + api_index_path(), site_url + guide_handout_path(language.locale)} <= links
