"""Small helpers shared by the tests: reading built pages, searching in a browser."""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import lxml.html
from bs4 import BeautifulSoup


def edit(path: Path, change: Callable[[str], str]) -> None:
    """Change a text file as a contributor would."""
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a text file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return parse(path.read_text(encoding="utf-8"))


def tree(path: Path) -> lxml.html.HtmlElement:
    """A built page as lxml reads it, in C: for the tests that read every file of the site only to find
    links, ids or addresses (BeautifulSoup builds its tree in Python, ten times slower)."""
    return lxml.html.document_fromstring(path.read_text(encoding="utf-8"))


def is_third_party(url: str) -> bool:
    """True for a URL that would make the browser contact another host."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https")


@contextmanager
def recorded_requests(page) -> Iterator[list[str]]:
    """The URLs a page requests while the block runs; a page reused by later tests keeps no listener."""
    requests: list[str] = []

    def record(request) -> None:
        requests.append(request.url)

    page.on("request", record)
    try:
        yield requests
    finally:
        page.remove_listener("request", record)


# Resolves once the frame after the last input is painted and every running, finite animation or transition
# (Material's search field and menus, 250 ms) has finished: a wait as long as the page needs, no longer.
SETTLE_JS = """() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))
    .then(() => Promise.all(document.getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => null))))
    .then(() => true)"""


def settle(page) -> None:
    """Wait until the page has drawn what the last key press or resize changed."""
    page.evaluate(SETTLE_JS)


def search(page, word: str):
    """Open Material's search, wait until its index is ready, type a word; return the result items.

    Material drops a query typed before its index is ready. Until then its result line shows the
    "initializing" text the page was served with; it changes once the index is ready."""
    initializing = parse(_served_html(page.url)).select_one(".md-search-result__meta").get_text().strip()
    page.keyboard.press("s")
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText.trim() !== text",
        arg=initializing,
        timeout=30_000,
    )
    field = page.locator(".md-search__input")
    field.press_sequentially(word, delay=30)
    # Playwright types letters that have no key on a US keyboard (Chinese, Arabic) as text input, with
    # no key events; Material reads the query on key-up, as after a real keyboard or input method.
    field.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    return results


def _served_html(url: str) -> str:
    """The page as it was served, before any script changed it."""
    if url.startswith("file:"):
        return Path(url2pathname(urlsplit(url).path)).read_text(encoding="utf-8")
    with urllib.request.urlopen(url) as response:  # noqa: S310 - an http: URL of our test server
        return response.read().decode("utf-8")


# The translators' command line, as installed in the environment running the tests (pyproject.toml).
GUIDE_COMMAND = str(Path(sys.executable).with_name("guide"))
