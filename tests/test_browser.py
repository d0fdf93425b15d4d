"""Real headless Chromium: the emergency box is styled as an emergency, axe finds no violation,
and a page view makes no request to any other host."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from guidelib.site_config import languages, nav_pages, page_url
from helpers import search

EMERGENCY_RED = "rgb(179, 38, 30)"  # --guide-emergency in overrides/assets/stylesheets/guide.css
WHITE = "rgb(255, 255, 255)"

GENERATED_PAGES = ["for-hospitals/", "translation-status/", "offline/"]  # made by hooks, not in the nav
PAGES = [
    language.url_prefix + path
    for language in languages()
    for path in [page_url(page) for page in nav_pages()] + GENERATED_PAGES
]


def test_emergency_box_renders_with_its_own_style(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "when-to-get-help/")
    box = page.locator("div.admonition.emergency").first
    assert box.is_visible()
    style = box.evaluate(
        """box => {
            const title = box.querySelector('.admonition-title');
            const number = box.querySelector('.emergency-call__item:not([hidden]) .emergency-call__link');
            return {
                border: getComputedStyle(box).borderLeftColor,
                titleBackground: getComputedStyle(title).backgroundColor,
                titleColour: getComputedStyle(title).color,
                icon: getComputedStyle(title, '::before').maskImage,
                numberBackground: getComputedStyle(number).backgroundColor,
            };
        }"""
    )
    assert style["border"] == EMERGENCY_RED
    assert style["titleBackground"] == EMERGENCY_RED
    assert style["titleColour"] == WHITE
    assert style["numberBackground"] == EMERGENCY_RED
    assert "svg" in style["icon"]
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_and_no_third_party_request(browser, site_url: str, path: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # Open the search dialog with results too: Material's default fails axe there (dialog name).
    search(page, "spine")  # in every language's own index (the English titles of its sources)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    outside = [url for url in requests if not url.startswith((site_url, "data:", "blob:"))]
    assert not outside, f"requests to other hosts: {outside}"
    page.close()
