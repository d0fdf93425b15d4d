"""FHIR R4 DocumentReferences and Bundles as pure functions on small cases (guide/fhir/documents.py), each
validated with fhir.resources' R4 models: the review state, the PDF attachment with and without handouts,
a translation's link to English, ids, and markup in a title."""

from __future__ import annotations

import dataclasses
import datetime as dt

import fhir.resources
import pydantic
import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.documentreference import DocumentReference
from guide.fhir.documents import PageRecord, bundle, document_reference, resource_id

SYSTEM = "https://guide.example.org/for-hospitals/#fhir"
ENGLISH = PageRecord(
    locale="en",
    slug="symptoms",
    title="Symptoms",
    description="The signs to know.",
    last_reviewed=dt.date(2026, 11, 30),
    review_state="not-clinically-reviewed",
    translation_state=None,
    outdated=False,
    page_url="https://guide.example.org/symptoms/",
    english_url="https://guide.example.org/symptoms/",
    pdf_url=None,
    site_name="The guide",
)
SPANISH = dataclasses.replace(
    ENGLISH,
    locale="es",
    title="Síntomas",
    translation_state="machine-assisted-draft",
    page_url="https://guide.example.org/es/symptoms/",
)


def validated(resource: dict) -> DocumentReference:
    return DocumentReference.parse_obj(resource)


def codes(resource: dict) -> list[str]:
    return [tag["code"] for tag in resource["meta"]["tag"]]


def test_the_models_are_fhir_r4() -> None:
    assert fhir.resources.__fhir_version__ == "4.0.1"


def test_an_english_page_is_a_valid_document_without_a_pdf_when_none_is_printed() -> None:
    resource = document_reference(ENGLISH, SYSTEM, "Symptoms")
    model = validated(resource)
    assert model.id == "en-symptoms" and model.language == "en" and model.status == "current"
    [content] = model.content
    assert content.attachment.url == ENGLISH.page_url
    assert content.attachment.contentType == "text/html"
    assert content.attachment.language == "en"
    assert model.date.isoformat() == "2026-11-30T00:00:00+00:00"
    assert "relatesTo" not in resource


def test_a_printed_handout_is_a_second_attachment() -> None:
    record = dataclasses.replace(ENGLISH, pdf_url="https://guide.example.org/handouts/en/symptoms.pdf")
    model = validated(document_reference(record, SYSTEM, "Symptoms"))
    assert [(c.attachment.contentType, c.attachment.url) for c in model.content] == [
        ("text/html", ENGLISH.page_url),
        ("application/pdf", record.pdf_url),
    ]


@pytest.mark.parametrize(
    ("changes", "status", "tags"),
    [
        ({}, "preliminary", ["not-clinically-reviewed"]),
        ({"review_state": "clinically-reviewed"}, "final", ["clinically-reviewed"]),
    ],
)
def test_english_review_state(changes: dict, status: str, tags: list[str]) -> None:
    resource = document_reference(dataclasses.replace(ENGLISH, **changes), SYSTEM, "Symptoms")
    assert validated(resource).docStatus == status
    assert codes(resource) == tags
    assert {tag["system"] for tag in resource["meta"]["tag"]} == {SYSTEM}


@pytest.mark.parametrize(
    ("changes", "status", "tags"),
    [
        ({}, "preliminary", ["not-clinically-reviewed", "translation-machine-assisted-draft"]),
        # The English page was checked but its translation was not: not final.
        (
            {"review_state": "clinically-reviewed"},
            "preliminary",
            ["clinically-reviewed", "translation-machine-assisted-draft"],
        ),
        (
            {"review_state": "clinically-reviewed", "translation_state": "reviewed"},
            "final",
            ["clinically-reviewed", "translation-reviewed"],
        ),
        # A checked translation of an older English text: not final, and it says so.
        (
            {"review_state": "clinically-reviewed", "translation_state": "reviewed", "outdated": True},
            "preliminary",
            ["clinically-reviewed", "translation-reviewed", "translation-outdated"],
        ),
    ],
)
def test_a_translation_is_final_only_when_both_were_checked(
    changes: dict, status: str, tags: list[str]
) -> None:
    resource = document_reference(dataclasses.replace(SPANISH, **changes), SYSTEM, "Symptoms")
    assert validated(resource).docStatus == status
    assert codes(resource) == tags


def test_a_translation_transforms_its_english_page_named_by_address() -> None:
    model = validated(document_reference(SPANISH, SYSTEM, "Symptoms"))
    [relation] = model.relatesTo
    assert relation.code == "transforms"
    assert relation.target.identifier.value == ENGLISH.page_url
    assert relation.target.display == "Symptoms"


def test_markup_in_a_title_stays_text_in_the_narrative() -> None:
    record = dataclasses.replace(ENGLISH, title='<img src=x onerror="alert(1)">', description="a & b")
    resource = document_reference(record, SYSTEM, record.title)
    validated(resource)
    assert "<img" not in resource["text"]["div"]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in resource["text"]["div"]


@pytest.mark.parametrize(
    ("locale", "slug", "expected"),
    [("es", "symptoms", "es-symptoms"), ("zh", "index", "zh-index"), ("pt-BR", "a/b_c", "pt-BR-a-b-c")],
)
def test_ids_are_valid_fhir_ids(locale: str, slug: str, expected: str) -> None:
    assert resource_id(locale, slug) == expected
    assert len(resource_id("en", "x" * 100)) == 64


def test_the_bundle_is_a_transaction_that_puts_each_document_by_its_id() -> None:
    resources = [
        document_reference(ENGLISH, SYSTEM, "Symptoms"),
        document_reference(SPANISH, SYSTEM, "Symptoms"),
    ]
    data = bundle("spine-guide", resources, "https://guide.example.org/")
    model = Bundle.parse_obj(data)
    assert model.type == "transaction"
    assert [entry.request.url for entry in model.entry] == [
        "DocumentReference/en-symptoms",
        "DocumentReference/es-symptoms",
    ]
    assert {entry.request.method for entry in model.entry} == {"PUT"}
    full_urls = [entry.fullUrl for entry in model.entry]
    assert len(set(full_urls)) == 2 and all(url.startswith("urn:uuid:") for url in full_urls)
    # The same on every build: a server that imports twice sees the same entries.
    assert bundle("spine-guide", resources, "https://guide.example.org/") == data


def test_the_model_rejects_what_r4_does_not_have() -> None:
    """The validation the site's tests rely on can fail: R4's DocumentReference has no 'title'."""
    resource = document_reference(ENGLISH, SYSTEM, "Symptoms") | {"title": "Symptoms"}
    with pytest.raises(pydantic.ValidationError):
        validated(resource)
