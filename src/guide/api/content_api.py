"""A static JSON content API and oEmbed, for hospital sites and apps that reuse the guide.

- api/v1/<lang>/<page>.json: one page (title, review state, sections as HTML, sources, licence);
  api/v1/index.json lists every page of every language. data/schemas/ describes both, and the
  schemas are published beside them.
- api/v1/<lang>/triage.json: every warning sign with its tier, wording and sources, the tiers' titles and
  actions, and the alert card's words, in that language (data/triage.yml, translations/<lang>.yml).
- api/v1/emergency-numbers.json: every country's emergency numbers with their sources, country names in
  every language, and the countries each language shows first (data/emergency-numbers.yml).
- oembed/<lang>/<page>.json: an oEmbed "rich" answer whose HTML is an iframe of the page's card (the
  title, the first urgency box, the description and a link to the whole page; src/guide/embed/steps.py).
  Each page names it in a discovery <link> (overrides/main.html, src/guide/api/steps.py), so WordPress can embed a page from
  its address alone. Embedded pages report their height with WordPress's message (embed.js).

All URLs in these files are absolute: the files are read by other sites.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from guide.core.html_fragments import outer_html, parse_fragment, with_class
from guide.core.outputs import (
    API_ROOT,
    LICENCE,
    absolute_url,
    api_index_path,
    api_path,
    embed_card_path,
    embed_path,
    oembed_path,
    write_text_file,
)
from guide.core.project import project
from guide.core.site_config import bare_page_url, languages, page_slug, text_direction
from guide.catalogues.emergency_numbers import country_name, load_numbers
from guide.catalogues.sources import all_sources
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import TIERS, load_catalogue
from guide.core.engine import MkDocsConfig, Page

SCHEMA_VERSION = 1
TRIAGE_FILE = "triage.json"
CITED = re.compile(r'href="#source-(\d+)"')
NUMBERS_FILE = "emergency-numbers.json"
# The card's size: at most 1000 px tall at 600 px wide (WordPress's cap for other sites' frames). A static
# file cannot answer maxwidth/maxheight; the card reports its real height to hosts that listen.
CARD_WIDTH, CARD_HEIGHT = 600, 1000
# As the copy-paste snippet (embed/embed_host_snippet.html): links open as normal, unsandboxed tabs.
EMBED_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"


def write_json(path: Path, data: dict[str, Any]) -> None:
    write_text_file(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def sections(content: str, page_address: str) -> list[dict[str, Any]]:
    """The page body cut at each level-2 heading, links made absolute. The part before the first
    heading has id None; the sources list is left out (it is in 'sources')."""
    body = parse_fragment(content)
    for permalink in with_class(body, "headerlink", "a"):
        permalink.drop_tree()
    for attribute in ("href", "src"):
        for element in body.xpath(f".//*[@{attribute}]"):
            element.set(attribute, urljoin(page_address, element.get(attribute)))

    found: list[dict[str, Any]] = [
        {"id": None, "heading": None, "html": html.escape(body.text or "", quote=False)}
    ]
    for node in body:
        if node.tag == "h2":
            found.append({"id": node.get("id"), "heading": node.text_content().strip(), "html": ""})
        elif node.tag != "h1":  # the title is its own field
            found[-1]["html"] += outer_html(node)
        found[-1]["html"] += html.escape(node.tail or "", quote=False)
    for section in found:
        section["html"] = section["html"].strip()
    return [section for section in found if section["id"] != "sources" and (section["html"] or section["id"])]


def page_document(
    page: Page, config: MkDocsConfig, translation: dict[str, Any] | None, review: dict[str, Any]
) -> dict[str, Any]:
    """review: who checked the page and when, from the maintainers' records (guide/approvals/reviews.py)."""
    locale = config.theme["language"]
    bare_url = bare_page_url(page.url, locale)
    site_url = config.site_url
    return {
        "schema_version": SCHEMA_VERSION,
        "language": locale,
        "direction": text_direction(locale),
        "page": page_slug(bare_url),
        "title": page.meta["title"],
        "description": page.meta["description"],
        "last_reviewed": page.meta["last_reviewed"].isoformat(),
        "review_state": "clinically-reviewed" if review["reviewed"] else "not-clinically-reviewed",
        "review": review,
        "translation": {"state": translation["state"], "outdated": translation["outdated"]}
        if translation
        else None,
        "canonical_url": page.canonical_url,
        "embed_url": absolute_url(site_url, embed_path(locale, bare_url)),
        "oembed_url": absolute_url(site_url, oembed_path(locale, bare_url)),
        "sections": sections(page.content or "", page.canonical_url or absolute_url(site_url)),
        # The page's own sources and those its urgency boxes cite (both linked as #source-N).
        "sources": _source_entries(
            set(page.meta["sources"]) | {int(n) for n in CITED.findall(page.content or "")}
        ),
        "attribution": f"{page.meta['title']}. {config.site_name}. {page.canonical_url}",
        "licence": LICENCE,
    }


def oembed_document(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    locale = config.theme["language"]
    card_url = absolute_url(config.site_url, embed_card_path(locale, bare_page_url(page.url, locale)))
    title = f"{page.meta['title']} - {config.site_name}"
    iframe = BeautifulSoup("<iframe></iframe>", "html.parser").iframe
    iframe.attrs = {
        "src": card_url,
        "title": title,
        "width": str(CARD_WIDTH),
        "height": str(CARD_HEIGHT),
        "style": "border: 0; width: 100%",
        "sandbox": EMBED_SANDBOX,
    }
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": config.site_name,
        "provider_url": config.site_url,
        "html": str(iframe),
        "width": CARD_WIDTH,
        "height": CARD_HEIGHT,
        "license": LICENCE["name"],
        "license_url": LICENCE["url"],
    }


# The index's entry of each page, by language, as each language's build wrote the page's file: the
# whole-site step takes them from memory (IndexEntries, kept on the plugin), not back from disk.
IndexEntries = dict[str, list[dict[str, Any]]]


def index_entry(document: dict[str, Any], file_url: str) -> dict[str, Any]:
    """A page's line in the index: where its file is, and what a reader of the index needs to choose it."""
    return {
        "page": document["page"],
        "title": document["title"],
        "url": file_url,
        "canonical_url": document["canonical_url"],
        "review_state": document["review_state"],
        "last_reviewed": document["last_reviewed"],
    }


def index_document(entries: IndexEntries, site_url: str | None) -> dict[str, Any]:
    """Every page of every language, in the order of their file names (as before: stable for consumers)."""
    listed = []
    for language in languages():
        pages = sorted(entries.get(language.locale, []), key=lambda entry: entry["url"])
        listed.append(
            {
                "locale": language.locale,
                "name": language.name,
                "direction": text_direction(language.locale),
                "pages": pages,
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "page_schema": absolute_url(site_url, f"{API_ROOT}/page.schema.json"),
        "licence": LICENCE,
        "languages": listed,
    }


def _source_entries(numbers: set[int]) -> list[dict[str, Any]]:
    return [
        {"id": source.id, "citation": source.citation, "url": source.url or None}
        for source in (all_sources()[number] for number in sorted(numbers))
    ]


def triage_document(locale: str) -> dict[str, Any]:
    """The triage catalogue in one language, for hospitals' own apps and sheets."""
    catalogue = load_catalogue()
    words = load_language(locale).triage
    cited = {n for sign in catalogue.signs.values() for n in sign.sources}
    cited |= {n for tier in catalogue.tiers.values() for n in (*tier.lead_sources, *tier.action_sources)}
    cited |= set(catalogue.say_sources)
    cited |= {n for numbers in catalogue.clinician_sources.values() for n in numbers}
    return {
        "schema_version": SCHEMA_VERSION,
        "language": locale,
        "direction": text_direction(locale),
        "tiers": [
            {
                "id": name,
                **words.tiers[name],
                "lead_sources": list(catalogue.tiers[name].lead_sources),
                "action_sources": list(catalogue.tiers[name].action_sources),
                "action_general_advice": catalogue.tiers[name].action_general_advice,
                "action_icon": catalogue.tiers[name].action_icon,
            }
            for name in TIERS
        ],
        "signs": [
            {
                "id": sign.id,
                "tier": sign.tier,
                "text": words.signs[sign.id],
                "sources": list(sign.sources),
                "general_advice": sign.general_advice,
                "icon": sign.icon,
            }
            for sign in catalogue.signs.values()
        ],
        "card": {
            **words.card,
            "say_sources": list(catalogue.say_sources),
            "clinician": {
                **words.clinician,
                **{f"{line}_sources": list(n) for line, n in catalogue.clinician_sources.items()},
            },
        },
        "sources": _source_entries(cited),
        "licence": LICENCE,
    }


def numbers_document() -> dict[str, Any]:
    """Every country's emergency numbers, with country names in every language of the guide."""
    catalogue = load_numbers()
    locales = [language.locale for language in languages()]
    return {
        "schema_version": SCHEMA_VERSION,
        "checked": catalogue.checked.isoformat(),
        "countries": [
            {
                "code": country.code,
                "names": {locale: country_name(country.code, locale) for locale in locales},
                "numbers": [
                    {"number": n.number, "dial": n.dial, "service": n.service or None}
                    for n in country.numbers
                ],
                "verification": country.verification,
                "note": country.note or None,
                "sources": list(country.sources),
            }
            for country in catalogue.countries.values()
        ],
        "no_source": list(catalogue.no_source),
        "shown_first": {locale: list(load_language(locale).countries) for locale in locales},
        "sources": _source_entries({n for country in catalogue.countries.values() for n in country.sources}),
        "licence": LICENCE,
    }


def write_page_files(
    page: Page, config: MkDocsConfig, translation: dict[str, Any] | None, review: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """Write the page's API and oEmbed files; return the oEmbed address, for the page's discovery link, and
    the page's entry in the index."""
    locale = config.theme["language"]
    bare_url = bare_page_url(page.url, locale)
    site = Path(config.site_dir)
    document = page_document(page, config, translation, review)
    write_json(site / api_path(locale, bare_url), document)
    write_json(site / oembed_path(locale, bare_url), oembed_document(page, config))
    entry = index_entry(document, absolute_url(config.site_url, api_path(locale, bare_url)))
    return absolute_url(config.site_url, oembed_path(locale, bare_url)), entry


def write_site_files(site: Path, site_url: str | None, entries: IndexEntries) -> None:
    """Once every language is built: the index of every page, each language's triage file, the numbers."""
    write_json(site / api_index_path(), index_document(entries, site_url))
    for language in languages():
        write_json(site / API_ROOT / language.locale / TRIAGE_FILE, triage_document(language.locale))
    write_json(site / API_ROOT / NUMBERS_FILE, numbers_document())
    for schema in (project().data / "schemas").glob("*.schema.json"):
        shutil.copy(schema, site / API_ROOT / schema.name)
