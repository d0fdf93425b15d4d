"""FHIR R4 files for hospitals' record systems (src/guide/fhir/): a DocumentReference per page and language and
transaction Bundles of them, validated with fhir.resources' R4 models, against the pages the build wrote."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import build_site
from fhir.resources.bundle import Bundle
from fhir.resources.documentreference import DocumentReference
from guide.core.outputs import fhir_bundle_path, fhir_document_path, handout_path
from guide.core.site_config import languages, nav_pages, page_slug, page_url
from guide.fhir.documents import resource_id
from helpers import soup

LANGUAGES = languages()


def load(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def site_file(site: Path, address: str) -> Path:
    """The built file an absolute address of the served site leads to."""
    path = urlsplit(address).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def title(site: Path, prefix: str, page: str) -> str:
    return soup(site / prefix / page_url(page) / "index.html").find("h1").get_text().strip("¶ \n")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_each_language_bundle_validates_and_holds_one_document_per_page(site: Path, language) -> None:
    data = load(site, fhir_bundle_path(language.locale))
    model = Bundle.parse_obj(data)
    assert model.type == "transaction"
    expected = {resource_id(language.locale, page_slug(page_url(page))) for page in nav_pages()}
    assert {entry.resource.id for entry in model.entry} == expected
    for entry in model.entry:
        assert entry.request.method == "PUT" and entry.request.url == f"DocumentReference/{entry.resource.id}"
        # The Bundle holds the same document as its own file.
        assert (
            entry.resource.dict()
            == DocumentReference.parse_obj(load(site, fhir_document_path(entry.resource.id))).dict()
        )


def test_the_bundle_of_every_language_holds_every_language_bundle(site: Path) -> None:
    every = Bundle.parse_obj(load(site, fhir_bundle_path(None)))
    ids = [entry.resource.id for entry in every.entry]
    assert len(ids) == len(set(ids)) == len(LANGUAGES) * len(nav_pages())
    assert len({entry.fullUrl for entry in every.entry}) == len(ids)
    by_language = [
        entry.resource.id
        for language in LANGUAGES
        for entry in Bundle.parse_obj(load(site, fhir_bundle_path(language.locale))).entry
    ]
    assert ids == by_language


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.locale)
def test_each_document_describes_its_page_as_built(site: Path, site_url: str, language) -> None:
    printed = (site / "handouts").is_dir()
    for page in nav_pages():
        bare = page_url(page)
        resource = load(site, fhir_document_path(resource_id(language.locale, page_slug(bare))))
        model = DocumentReference.parse_obj(resource)
        address = site_url + language.url_prefix + bare
        assert model.language == language.locale
        assert model.identifier[0].value == address
        html, *pdf = [content.attachment for content in model.content]
        assert (html.contentType, html.url, html.language) == ("text/html", address, language.locale)
        assert html.title == title(site, language.url_prefix, page)
        assert site_file(site, html.url).is_file()
        # The PDF handout is an attachment exactly when the build printed it, and then it is there.
        if printed:
            [handout] = pdf
            assert handout.contentType == "application/pdf"
            assert handout.url == site_url + handout_path(language.locale, bare)
            assert site_file(site, handout.url).is_file()
        else:
            assert pdf == []
        # Honest review state: nothing in the guide is checked by a clinician yet.
        assert model.docStatus == "preliminary"
        assert "not-clinically-reviewed" in [tag.code for tag in model.meta.tag]
        if language.default:
            assert not model.relatesTo
        else:
            [relation] = model.relatesTo
            assert relation.code == "transforms"
            assert relation.target.identifier.value == site_url + bare
            assert relation.target.display == title(site, "", page)


@pytest.mark.handouts
def test_with_handouts_every_document_attaches_its_pdf(site: Path, site_url: str) -> None:
    for language in LANGUAGES:
        for page in nav_pages():
            model = DocumentReference.parse_obj(
                load(site, fhir_document_path(resource_id(language.locale, page_slug(page_url(page)))))
            )
            [handout] = [c.attachment for c in model.content if c.attachment.contentType == "application/pdf"]
            assert site_file(site, handout.url).stat().st_size > 0


@pytest.mark.languages("en", "ar")
def test_without_handouts_documents_attach_only_the_page(small_project: Path) -> None:
    site = small_project / "site"
    result = build_site(small_project, site, handouts=False)
    assert result.returncode == 0, result.stderr
    bundle = Bundle.parse_obj(load(site, fhir_bundle_path(None)))
    assert {entry.resource.language for entry in bundle.entry} == {"en", "ar"}
    assert not (site / "handouts").exists()
    for entry in bundle.entry:
        assert [content.attachment.contentType for content in entry.resource.content] == ["text/html"]


def test_the_hospitals_page_explains_the_fhir_files_in_every_language(site: Path, site_url: str) -> None:
    for language in LANGUAGES:
        page = soup(site / language.url_prefix / "for-hospitals" / "index.html")
        heading = page.find(id="fhir")
        assert heading is not None and heading.name == "h2", language.locale
        links = {link["href"] for link in page.find_all("a", href=True)}
        for path in (fhir_bundle_path(None), fhir_bundle_path(language.locale)):
            assert site_url + path in links, (language.locale, path)
            assert (site / path).is_file()
        # The review codes the documents' tags use are named there.
        assert "not-clinically-reviewed" in page.get_text()
