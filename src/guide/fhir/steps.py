"""FHIR R4 files for hospitals' record systems (guide/fhir/documents.py says what they hold):

- fhir/r4/DocumentReference/<lang>-<page>.json: one page in one language;
- fhir/r4/bundle-<lang>.json: a transaction Bundle of a language's documents; fhir/r4/bundle.json: of every
  language's.

Each page's record is kept in memory as its language is built (from the page's front matter and translation
state, as the content API's index is), and the files are written once every language is built: no file is
read back from disk. The languages and pages are the build's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guide.api.content_api import write_json
from guide.catalogues.language_registry import load_language
from guide.core.engine import MkDocsConfig, Page
from guide.core.outputs import (
    HOSPITALS_PAGE,
    absolute_url,
    fhir_bundle_path,
    fhir_document_path,
    handout_path,
)
from guide.core.site_config import bare_page_url, languages, page_slug, page_url
from guide.fhir.documents import PageRecord, bundle, document_reference

# Each language's page records, in the order its build met them (kept on the plugin).
FhirRecords = dict[str, list[PageRecord]]
FHIR_ANCHOR = "fhir"  # the For hospitals page's section that explains the files and the codes of meta.tag


def _default_prefix() -> str:
    return next(language.url_prefix for language in languages() if language.default)


def code_system(site_url: str | None) -> str:
    """The system of the review-state tags: the English For hospitals page's section that explains them."""
    return absolute_url(site_url, f"{_default_prefix()}{page_url(HOSPITALS_PAGE)}#{FHIR_ANCHOR}")


def keep_page_record(
    context: dict[str, Any], page: Page, config: MkDocsConfig, records: FhirRecords, handouts: bool
) -> None:
    """After the translation state is in the context (None for English)."""
    locale = config.theme["language"]
    bare_url = bare_page_url(page.url, locale)
    translation = context.get("translation")
    records.setdefault(locale, []).append(
        PageRecord(
            locale=locale,
            slug=page_slug(bare_url),
            title=page.meta["title"],
            description=page.meta["description"],
            last_reviewed=page.meta["last_reviewed"],
            review_state=page.meta["review_state"],
            translation_state=translation["state"] if translation else None,
            outdated=bool(translation and translation["outdated"]),
            page_url=page.canonical_url or absolute_url(config.site_url, page.url),
            english_url=absolute_url(config.site_url, _default_prefix() + bare_url),
            pdf_url=absolute_url(config.site_url, handout_path(locale, bare_url)) if handouts else None,
            site_name=load_language(locale).site.site_name,
        )
    )


def documents(records: FhirRecords, site_url: str | None) -> dict[str, list[dict[str, Any]]]:
    """Every language's DocumentReferences, by language in the build's order, each sorted by id."""
    english = next((records.get(language.locale, []) for language in languages() if language.default), [])
    english_titles = {record.slug: record.title for record in english}
    system = code_system(site_url)
    return {
        language.locale: sorted(
            (
                document_reference(record, system, english_titles.get(record.slug, record.title))
                for record in records.get(language.locale, [])
            ),
            key=lambda resource: resource["id"],
        )
        for language in languages()
    }


def write_fhir_files(site: Path, site_url: str | None, records: FhirRecords) -> None:
    """Once every language is built."""
    by_language = documents(records, site_url)
    address = absolute_url(site_url)
    for locale, resources in by_language.items():
        for resource in resources:
            write_json(site / fhir_document_path(resource["id"]), resource)
        write_json(site / fhir_bundle_path(locale), bundle(f"spine-guide-{locale}", resources, address))
    every = [resource for resources in by_language.values() for resource in resources]
    write_json(site / fhir_bundle_path(None), bundle("spine-guide", every, address))
