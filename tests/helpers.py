"""Small helpers shared by the tests: reading built pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return parse(path.read_text(encoding="utf-8"))


def is_third_party(url: str) -> bool:
    """True for a URL that would make the browser contact another host."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def search(page, word: str):
    """Open Material's search, type a word, and return the result items once there are some.

    Material drops a query typed before its search index is ready, and nothing shows when the index
    becomes ready; so type the word again (at most three times) when no result came."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.keyboard.press("s")
    field = page.locator(".md-search__input")
    results = page.locator(".md-search-result__item")
    for _ in range(2):
        field.fill("")
        field.press_sequentially(word, delay=30)
        try:
            results.first.wait_for(timeout=7_000)
            return results
        except PlaywrightTimeout:
            continue
    field.fill("")
    field.press_sequentially(word, delay=30)
    results.first.wait_for(timeout=15_000)
    return results
