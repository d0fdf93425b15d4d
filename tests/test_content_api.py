"""The static JSON content API, oEmbed and schema.org data: what other sites and programs read."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from guide.core.outputs import API_ROOT, api_index_path, api_path, oembed_path
from guide.core.site_config import languages, nav_pages, page_url, text_direction
from guide.core.project import project
from helpers import parse, soup

ROOT = project().root

SCHEMAS = ROOT / "data" / "schemas"
ALL_PAGES = [(language, page) for language in languages() for page in nav_pages()]


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def load(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_every_json_file_is_valid_against_its_schema(site: Path) -> None:
    checks = {"api/v1/index.json": validator("index.schema.json")}
    page_schema, oembed_schema = validator("page.schema.json"), validator("oembed.schema.json")
    triage_schema = validator("triage.schema.json")
    checks["api/v1/emergency-numbers.json"] = validator("emergency-numbers.schema.json")
    for path in (site / API_ROOT).glob("*/*.json"):
        checks[path.relative_to(site).as_posix()] = (
            triage_schema if path.name == "triage.json" else page_schema
        )
    checks |= {
        path.relative_to(site).as_posix(): oembed_schema for path in (site / "oembed").glob("*/*.json")
    }
    # One page file and one oEmbed file per page per language, the index, the numbers and a triage file per language.
    assert len(checks) == 2 + 2 * len(ALL_PAGES) + len(languages())
    errors = [
        f"{path}: {error.message} at {list(error.absolute_path)}"
        for path, check in checks.items()
        for error in check.iter_errors(load(site, path))
    ]
    assert not errors, "\n".join(errors)


def test_the_schemas_reject_a_broken_page_document(site: Path) -> None:
    document = load(site, api_path("en", "symptoms/"))
    del document["sources"]
    document["direction"] = "up"
    assert len(list(validator("page.schema.json").iter_errors(document))) == 2


def test_index_lists_every_page_of_every_language(site: Path, site_url: str) -> None:
    index = load(site, api_index_path())
    assert [entry["locale"] for entry in index["languages"]] == [language.locale for language in languages()]
    for entry, language in zip(index["languages"], languages(), strict=True):
        assert entry["direction"] == text_direction(language.locale)
        listed = {page["url"] for page in entry["pages"]}
        expected = {site_url + api_path(language.locale, page_url(page)) for page in nav_pages()}
        assert listed == expected
    assert (site / API_ROOT / "page.schema.json").is_file(), "the schema is published beside the data"


@pytest.mark.parametrize(("language", "page"), ALL_PAGES, ids=lambda v: getattr(v, "locale", v))
def test_page_document_matches_the_page(site: Path, site_url: str, language, page: str) -> None:
    document = load(site, api_path(language.locale, page_url(page)))
    html_page = soup(site / language.url_prefix / page_url(page) / "index.html")
    assert document["language"] == language.locale
    assert document["title"] == html_page.find("h1").get_text().strip("¶ \n")
    assert document["canonical_url"] == site_url + language.url_prefix + page_url(page)
    # Sections carry the page's level-2 headings, in order, with their fixed ids; sources stand apart,
    # and a card's title is a heading of the card, not a section.
    heading_ids = [
        h2["id"] for h2 in html_page.select("article h2[id]:not(.admonition-title)") if h2["id"] != "sources"
    ]
    assert [section["id"] for section in document["sections"] if section["id"]] == heading_ids
    listed = [int(li["id"].removeprefix("source-")) for li in html_page.select("ol.sources li[id^=source-]")]
    assert [source["id"] for source in document["sources"]] == listed
    # Links are absolute, so the HTML works on another site.
    for section in document["sections"]:
        for link in parse(section["html"]).find_all("a", href=True):
            assert urlsplit(link["href"]).scheme in ("http", "https", "tel", "mailto"), link["href"]
    if page in ("index.md", "symptoms.md", "when-to-get-help.md"):
        assert any('class="admonition emergency' in section["html"] for section in document["sections"])


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_pages_name_their_oembed_and_schema_org_data(site: Path, site_url: str, language) -> None:
    for page in nav_pages():
        document = soup(site / language.url_prefix / page_url(page) / "index.html")
        discovery = document.select_one('link[rel=alternate][type="application/json+oembed"]')
        assert discovery is not None, f"{language.locale}/{page} has no oEmbed discovery link"
        assert discovery["href"] == site_url + oembed_path(language.locale, page_url(page))
        oembed = load(site, oembed_path(language.locale, page_url(page)))
        iframe = parse(oembed["html"]).iframe
        # oEmbed consumers (WordPress caps frames at 1000 px) get the page's card, not the whole page.
        assert iframe["src"] == site_url + "embed/card/" + language.url_prefix + page_url(page)
        assert (
            soup(site / "embed" / "card" / language.url_prefix / page_url(page) / "index.html").select_one(
                "html[data-embed-card] .embed-card__more a"
            )["href"]
            == document.select_one("link[rel=canonical]")["href"]
        )

        data = json.loads(document.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "MedicalWebPage"
        assert data["inLanguage"] == language.locale
        assert data["audience"]["@type"] == "Patient"
        assert data["about"]["@type"] == "MedicalCondition"
        assert data["lastReviewed"] == load(site, api_path(language.locale, page_url(page)))["last_reviewed"]
