"""FHIR R4 (4.0.1) resources for hospitals' record systems: a DocumentReference per page and language, and
transaction Bundles of them that a FHIR server imports in one request (POST to its base address; each entry
is a PUT, so importing again updates the same documents instead of adding copies).

A DocumentReference points to the page rather than holding it: its attachments are the page's published
address (HTML) and, when the build prints the handouts, its PDF handout. A build without handouts
(previews, tests, `GUIDE_HANDOUTS=false`) lists the HTML only, never an address that leads nowhere.

The review state is honest in two ways: `docStatus` is `final` only for a page a clinician checked (and, for a
translation, whose translation a clinician checked too), else `preliminary`; and `meta.tag` names the review
and translation state with codes the For hospitals page explains (its #fhir section is the code system).
A translation `transforms` its English page (relatesTo), named by address so that a Bundle of one language
imports without the English documents.

Pure functions of plain values: guide/fhir/steps.py gathers them from the build.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid
from dataclasses import dataclass
from typing import Any

FHIR_VERSION = "4.0.1"
URI_SYSTEM = "urn:ietf:rfc:3986"  # an identifier that is an address
XHTML = "http://www.w3.org/1999/xhtml"
REVIEWED = "clinically-reviewed"
TRANSLATION_REVIEWED = "reviewed"
# FHIR ids: letters, digits, '-' and '.', at most 64 characters.
ID_CHARACTERS = re.compile(r"[^A-Za-z0-9.-]")


@dataclass(frozen=True)
class PageRecord:
    """What a DocumentReference says about one page in one language."""

    locale: str
    slug: str  # 'symptoms', 'index'
    title: str
    description: str
    last_reviewed: dt.date
    review_state: str  # guide/core/pages.py REVIEW_STATES
    translation_state: str | None  # None for the English source
    outdated: bool  # English changed since the translation was made
    page_url: str  # the page's published address
    english_url: str  # the English page's address (its own, for English)
    pdf_url: str | None  # the PDF handout's address, None when the build prints no handouts
    site_name: str


def resource_id(locale: str, slug: str) -> str:
    """'es', 'symptoms' -> 'es-symptoms': stable, so that importing again updates the same document."""
    return ID_CHARACTERS.sub("-", f"{locale}-{slug}")[:64]


def document_status(record: PageRecord) -> str:
    """`final` only when a clinician checked the page and, for a translation, the translation."""
    checked = record.review_state == REVIEWED
    if record.translation_state is not None:
        checked = checked and record.translation_state == TRANSLATION_REVIEWED and not record.outdated
    return "final" if checked else "preliminary"


def state_tags(record: PageRecord, code_system: str) -> list[dict[str, str]]:
    """The review state, and for a translation its state and whether English changed since."""
    tags = [{"system": code_system, "code": record.review_state}]
    if record.translation_state is not None:
        tags.append({"system": code_system, "code": f"translation-{record.translation_state}"})
        if record.outdated:
            tags.append({"system": code_system, "code": "translation-outdated"})
    return tags


def narrative(record: PageRecord) -> dict[str, str]:
    """The human-readable summary every FHIR resource should carry: the title and the description."""
    return {
        "status": "generated",
        "div": f'<div xmlns="{XHTML}" lang="{html.escape(record.locale)}" xml:lang="{html.escape(record.locale)}">'
        f"<p><b>{html.escape(record.title)}</b></p><p>{html.escape(record.description)}</p></div>",
    }


def attachments(record: PageRecord) -> list[dict[str, Any]]:
    """The page (HTML) and, when printed, its PDF handout, each by its published address."""
    common = {"language": record.locale}
    found = [
        {"attachment": {"contentType": "text/html", "url": record.page_url, "title": record.title, **common}}
    ]
    if record.pdf_url:
        found.append(
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "url": record.pdf_url,
                    "title": f"{record.title} (PDF)",
                    **common,
                }
            }
        )
    return found


def document_reference(record: PageRecord, code_system: str, english_title: str) -> dict[str, Any]:
    """One page in one language as a FHIR R4 DocumentReference (JSON); a translation names its English page
    by address and title."""
    resource: dict[str, Any] = {
        "resourceType": "DocumentReference",
        "id": resource_id(record.locale, record.slug),
        "meta": {"tag": state_tags(record, code_system)},
        "language": record.locale,
        "text": narrative(record),
        "identifier": [{"system": URI_SYSTEM, "value": record.page_url}],
        "status": "current",
        "docStatus": document_status(record),
        "type": {"text": "Patient education"},
        # An instant: the day the page was last reviewed, at its start (UTC).
        "date": f"{record.last_reviewed.isoformat()}T00:00:00Z",
        "author": [{"display": record.site_name}],
        "description": record.description,
        "content": attachments(record),
    }
    if record.translation_state is not None:
        resource["relatesTo"] = [
            {
                "code": "transforms",
                "target": {
                    "identifier": {"system": URI_SYSTEM, "value": record.english_url},
                    "display": english_title,
                },
            }
        ]
    return resource


def bundle(bundle_id: str, resources: list[dict[str, Any]], site_url: str) -> dict[str, Any]:
    """A transaction Bundle: POSTed to a FHIR server's base, it creates or updates every document by its id.
    Each entry's fullUrl is a UUID made from the site and the id: the same on every build."""
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "type": "transaction",
        "entry": [
            {
                "fullUrl": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url + resource['id'])}",
                "resource": resource,
                "request": {"method": "PUT", "url": f"DocumentReference/{resource['id']}"},
            }
            for resource in resources
        ],
    }
