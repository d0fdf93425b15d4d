"""The built site: every page exists, pages carry what patients need, nothing loads from another host."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from guide.catalogues.language_registry import load_language
from guide.core.pages import read_meta
from guide.search.search_index import SEARCH_INDEX
from guide.core.site_config import languages, nav_pages, page_url
from guide.core.project import project
from guide.catalogues.sources import all_sources
from guide.translation.translated_pages import SOURCE_LANGUAGE, UNTRANSLATED, translation_meta
from helpers import html_files, is_third_party, soup, tree

DOCS = project().docs

PAGES_NEEDING_EMERGENCY_BOX = ("index.md", "symptoms.md", "when-to-get-help.md")
ALL_PAGES = [(language, page) for language in languages() for page in nav_pages()]


def built_page(site: Path, locale_prefix: str, page: str) -> Path:
    return site / locale_prefix / page_url(page) / "index.html"


@pytest.mark.parametrize(("language", "page"), ALL_PAGES, ids=lambda v: getattr(v, "locale", v))
def test_every_nav_page_is_built_with_title_and_sources(site: Path, language, page: str) -> None:
    path = built_page(site, language.url_prefix, page)
    assert path.is_file(), f"{page} ({language.locale}) was not built at {path}"
    document = soup(path)
    assert document.html["lang"] == language.locale
    assert document.find("h1"), f"{path} has no heading"
    sources = document.select("ol.sources li[id^=source-]")
    assert sources, f"{path} does not list its sources"


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_front_matter_is_complete(path: Path) -> None:
    meta = read_meta(path)  # raises with file and line when anything is missing
    assert set(meta["sources"]) <= all_sources().keys()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
@pytest.mark.parametrize("page", PAGES_NEEDING_EMERGENCY_BOX)
def test_emergency_box_with_numbers_where_required(site: Path, language, page: str) -> None:
    document = soup(built_page(site, language.url_prefix, page))
    boxes = document.select("div.admonition.emergency")
    assert boxes, f"{language.locale}/{page} has no emergency box"
    for box in boxes:
        numbers = box.select(".emergency-call a[href^='tel:']")
        assert numbers, f"an emergency box on {language.locale}/{page} shows no emergency number"


def test_pages_do_not_write_emergency_numbers_in_prose() -> None:
    # Numbers depend on the country: they belong in translations/<lang>.yml, added to boxes by the build.
    emergency_number = re.compile(r"(?<![\d,.\[-])(?:911|999|112|000|111|115|120|123|997|998)(?![\d\]])")
    offenders = [
        f"{path.relative_to(DOCS)}:{number}: {line.strip()}"
        for path in sorted(DOCS.rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if emergency_number.search(line) and not line.startswith(("sources:", "last_reviewed:"))
    ]
    assert not offenders, "Emergency numbers written in a page:\n" + "\n".join(offenders)


LOADING_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "preconnect"}


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for path in html_files(site):
        document = tree(path)
        for tag, attribute in LOADING_ATTRIBUTES.items():
            for element in document.iter(tag):
                if element.get(attribute) and is_third_party(element.get(attribute)):
                    offenders.append(
                        f"{path.relative_to(site)}: <{tag} {attribute}={element.get(attribute)}>"
                    )
        for link in document.xpath("//link[@href]"):
            if set((link.get("rel") or "").split()) & LOADING_LINK_RELS and is_third_party(link.get("href")):
                offenders.append(f"{path.relative_to(site)}: <link href={link.get('href')}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?([^'\")\s]+)", css.read_text(encoding="utf-8")):
            if not url.startswith("data:") and is_third_party(url):
                offenders.append(f"{css.relative_to(site)}: {url}")
    assert not offenders, "Third-party requests at page load:\n" + "\n".join(offenders)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    # Every #anchor, read from the built files (LinkChecker, test_links.py, fetches every address over HTTP).
    ids_cache: dict[Path, set[str]] = {}
    broken = []
    for path in html_files(site):
        base = "http://site/" + path.relative_to(site).as_posix()
        for href in tree(path).xpath("//a/@href"):
            target = urlsplit(urljoin(base, href))
            if target.netloc != "site":
                continue
            target_path = site / unquote(target.path).lstrip("/")
            if target_path.is_dir() or not target_path.suffix:
                target_path = target_path / "index.html"
            if not target_path.is_file():
                broken.append(f"{path.relative_to(site)}: {href} (no such page)")
                continue
            if not target.fragment:
                continue
            if target_path not in ids_cache:
                ids_cache[target_path] = set(tree(target_path).xpath("//@id"))
            if unquote(target.fragment) not in ids_cache[target_path]:
                broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "Broken internal links:\n" + "\n".join(broken)


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_a_missing_page_says_so_in_the_language_of_its_address(
    browser, site: Path, site_url: str, language
) -> None:
    # The test server answers like GitHub Pages: the root 404.html for every missing address.
    expected = soup(site / language.url_prefix / "404.html").find("h1").get_text().strip("¶ \n")
    page = browser.new_page()
    for missing in ("no-such-page/", "symptoms/no-such-section"):
        page.goto(site_url + language.url_prefix + missing)
        page.wait_for_function("locale => document.documentElement.lang === locale", arg=language.locale)
        assert page.locator("h1").first.inner_text().strip("¶ \n") == expected
    page.close()


def is_untranslated(locale: str, page: str) -> bool:
    if locale == SOURCE_LANGUAGE:
        return False
    return translation_meta(project().docs / locale / page)["state"] == UNTRANSLATED


def _index_text_by_page(site: Path, language) -> dict[str, str]:
    """A language's search index as the text of each page (Chinese without its zero-width word breaks)."""
    index = json.loads((site / language.url_prefix / SEARCH_INDEX).read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        texts[page] = texts.get(page, "") + " " + html.unescape(doc["title"] + " " + doc["text"])
    return {page: " ".join(text.replace("\u200b", "").split()) for page, text in texts.items()}


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_search_index_leaves_out_generated_lists_and_finds_every_warning_sign(site: Path, language) -> None:
    index = json.loads((site / language.url_prefix / SEARCH_INDEX).read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith("#sources")]
    assert not [doc["location"] for doc in index["docs"] if "<sup>[" in doc["text"]], "citation marks"
    texts = _index_text_by_page(site, language)
    strings = load_language(language.locale).strings
    signs = load_language(language.locale).triage.signs
    for page in nav_pages():
        if is_untranslated(language.locale, page):
            # Still the English text (a new language's scaffold): mkdocs-static-i18n drops a page whose
            # text is the same as the default language's from the search index.
            continue
        document = soup(built_page(site, language.url_prefix, page))
        shown = [item["data-sign"] for item in document.select(".triage-box li[data-sign]")]
        text = texts[page_url(page)]
        # A reader who searches a warning sign finds every page that shows it ...
        for sign in shown:
            assert " ".join(signs[sign].split()) in text, (
                f"{language.locale} {page}: sign {sign} not searchable"
            )
        # ... and not the numbers and country picker repeated in every emergency box.
        if shown:
            assert " ".join(strings["emergency_numbers_elsewhere"].split()) not in text, page


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_citation_links_are_named_for_screen_readers(site: Path, language) -> None:
    """A screen reader says "Source 6: Cancer Research UK", in the page's language, not "link 6"."""
    label = load_language(language.locale).strings["source_label"]
    prefix = label.split("{number}")[0]
    named = 0
    for page in nav_pages():
        for link in soup(built_page(site, language.url_prefix, page)).select(
            "sup.citation a[href^='#source-']"
        ):
            number = int(link["href"].removeprefix("#source-"))
            name = link.get("aria-label", "")
            assert name.startswith(f"{prefix}{number}"), (
                f"{language.locale}/{page}: citation {number} named {name!r}"
            )
            assert all_sources()[number].short in name, (
                f"{language.locale}/{page}: {name!r} lacks the source's name"
            )
            named += 1
    assert named > 100, f"only {named} citation links in {language.locale}"


def test_every_source_has_a_short_name() -> None:
    missing = [source.id for source in all_sources().values() if not source.short.strip()]
    assert not missing, f"data/sources.yml: give these sources a 'short' name: {missing}"
