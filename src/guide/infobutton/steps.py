"""The infobutton: a patient record opens the guide from a diagnosis code, in the patient's language.

- infobutton/index.html: the address a record system opens, in MedlinePlus Connect's request shape
  (`?mainSearchCriteria.v.cs=<OID>&mainSearchCriteria.v.c=<code>&informationRecipient.languageCode.c=<lang>`).
  The page lists a link for every code in every language, and the guide's home in every language: a clinician
  without JavaScript clicks one. infobutton.js picks the link whose data attributes equal the request's values
  and replaces the address with it; an unknown code leads to the language's home, an unknown language to
  English, and anything else (a script, a `javascript:` address, a very long value) matches no link. Nothing
  from the address is ever written into the page or into another address. Any static host serves it; no server.
  Offline too: the page registers the default language's service worker (its scope is the whole site), which
  keeps this page and its answers with that language's pages (guide/offline/service_workers.py).
- infobutton/<OID>/<code>/<lang>.json and .atom: the answer a service would get from MedlinePlus Connect, as
  files (one entry: the page's title, its address, and the emergency card's text in that language, from the
  triage catalogue); infobutton/empty/<lang>.json and .atom answer a code the guide does not map (no entry).
  The For hospitals page shows a rewrite rule that sends the query form to these files.

The code list is data/codes.yml (guide/infobutton/codes.py), checked when the build starts.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

from guide.api.content_api import IndexEntries
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import load_catalogue
from guide.checks.csp import add_content_security_policy
from guide.core.atom import Category, Entry, Feed, atom_document, json_document
from guide.core.language_tags import rules_json
from guide.core.outputs import (
    INFOBUTTON_ROOT,
    absolute_url,
    infobutton_answer_path,
    service_worker_path,
    write_text_file,
)
from guide.core.site_config import languages, text_direction
from guide.infobutton.codes import CodeList, load_codes

SCRIPT = "assets/javascripts/infobutton.js"
REQUEST = {
    "system": "mainSearchCriteria.v.cs",
    "code": "mainSearchCriteria.v.c",
    "language": "informationRecipient.languageCode.c",
}
EMPTY = "empty"  # the folder of the answers to a code the guide does not map
AUTHOR_URL_PATH = "for-hospitals/"


def rewrite_rule() -> str:
    """An nginx rule for hospitals that proxy the query form (knowledgeResponseType=application/json or
    text/xml, as MedlinePlus Connect takes it) to the static answers; without that option, the page."""
    others = "|".join(language.locale for language in languages() if not language.default)
    default = next(language.locale for language in languages() if language.default)
    return f"""map $args $infobutton_system {{
    default "none";
    "~(^|&)mainSearchCriteria\\.v\\.cs=(urn:oid:)?(?<oid>[0-9]+(\\.[0-9]+)+)(&|$)" $oid;
}}
map $args $infobutton_code {{
    default "none";
    "~(^|&)mainSearchCriteria\\.v\\.c=(?<code>[A-Z][0-9A-Z]{{2}}(\\.[0-9A-Z]{{1,4}})?)(&|$)" $code;
}}
map $args $infobutton_language {{
    default "{default}";
    "~(^|&)informationRecipient\\.languageCode\\.c=(?<lang>{others})([-_][A-Za-z0-9]+)?(&|$)" $lang;
}}
map $args $infobutton_type {{
    default "";
    "~(^|&)knowledgeResponseType=application/json(&|$)" "json";
    "~(^|&)knowledgeResponseType=text/xml(&|$)" "atom";
}}
server {{
    location = /{INFOBUTTON_ROOT}/ {{
        if ($infobutton_type) {{
            rewrite ^ /{INFOBUTTON_ROOT}/$infobutton_system/$infobutton_code/$infobutton_language.$infobutton_type last;
        }}
    }}
    location /{INFOBUTTON_ROOT}/ {{
        try_files $uri /{INFOBUTTON_ROOT}/{EMPTY}/$infobutton_language.$infobutton_type =404;
    }}
}}"""


def emergency_card_text(locale: str) -> str:
    """The emergency card in a language, as plain text: its title, lead, signs and action (the triage
    catalogue's words for that language, never retyped)."""
    words = load_language(locale).triage
    tier = words.tiers["emergency"]
    signs = [words.signs[sign.id] for sign in load_catalogue().signs.values() if sign.tier == "emergency"]
    return "\n".join([tier["title"], tier["lead"], *(f"- {sign}" for sign in signs), tier["action"]])


def _pages(entries: IndexEntries, locale: str) -> dict[str, dict[str, Any]]:
    return {entry["page"]: entry for entry in entries.get(locale, [])}


def answer_feed(
    codes: CodeList, system: str, code: str | None, locale: str, site_url: str | None, entries: IndexEntries
) -> Feed:
    """The answer to one code in one language; code None (or unknown) is the empty answer."""
    found = codes.find(system, code) if code else None
    pages = _pages(entries, locale)
    site_name = load_language(locale).site.site_name
    path = infobutton_answer_path(system if found else None, found.code if found else None, locale, ".atom")
    newest = max(
        (dt.date.fromisoformat(page["last_reviewed"]) for page in pages.values()), default=dt.date.min
    )
    feed_entries: tuple[Entry, ...] = ()
    categories: tuple[Category, ...] = (Category(locale, REQUEST["language"]),)
    if found:
        page = pages[found.page]
        feed_entries = (
            Entry(
                id=page["canonical_url"],
                title=page["title"],
                url=page["canonical_url"],
                updated=dt.date.fromisoformat(page["last_reviewed"]),
                summary=emergency_card_text(locale),
                language=locale,
                categories=(Category(found.code, system, found.title),),
            ),
        )
        categories = (Category(found.code, REQUEST["code"]), Category(system, REQUEST["system"]), *categories)
    return Feed(
        id=absolute_url(site_url, path),
        title=site_name,
        subtitle=found.title if found else "",
        author=site_name,
        author_url=absolute_url(site_url, AUTHOR_URL_PATH),
        language=locale,
        updated=newest,
        entries=feed_entries,
        categories=categories,
    )


def _write(path: Path, text: str) -> None:
    write_text_file(path, text)


def write_answers(site: Path, site_url: str | None, entries: IndexEntries) -> None:
    codes = load_codes()
    for language in languages():
        locale = language.locale
        answers = [(code.system, code.code) for code in codes.codes] + [(None, None)]
        for system, code in answers:
            feed = answer_feed(codes, system or "", code, locale, site_url, entries)
            _write(site / infobutton_answer_path(system, code, locale, ".atom"), atom_document(feed))
            _write(
                site / infobutton_answer_path(system, code, locale, ".json"),
                json.dumps(json_document(feed), ensure_ascii=False, indent=1) + "\n",
            )


def page_path(page: str) -> str:
    """A page's folder inside its language's: 'index' -> '', 'when-to-get-help' -> 'when-to-get-help/'."""
    return "" if page == "index" else f"{page}/"


def _link(href: str, text: str, locale: str, **data: str) -> str:
    attributes = "".join(f' data-{name}="{html.escape(value)}"' for name, value in data.items())
    return f'<a href="{html.escape(href)}" hreflang="{locale}"{attributes}>{html.escape(text)}</a>'


def infobutton_page(entries: IndexEntries) -> str:
    """The page at /infobutton/, with every link the script may choose: per language, its home and the page
    of every code. Links are relative, so the page works on any host and in any folder."""
    codes = load_codes()
    default = next(language for language in languages() if language.default)
    sections = []
    for language in languages():
        locale = language.locale
        pages = _pages(entries, locale)
        home = "../" + language.url_prefix
        items = [
            f"<li>{_link(home + page_path(code.page), pages[code.page]['title'], locale, system=code.system, code=code.code, lang=locale)}"
            f" <small>{html.escape(codes.systems[code.system].name)} {html.escape(code.code)}</small></li>"
            for code in codes.codes
        ]
        sections.append(
            f'<section lang="{locale}" dir="{text_direction(locale)}">\n'
            f"<h2>{html.escape(language.name)}</h2>\n"
            f"<p>{_link(home, load_language(locale).site.site_name, locale, home=locale)}</p>\n"
            f"<ul>\n" + "\n".join(items) + "\n</ul>\n</section>"
        )
    name = load_language(default.locale).site.site_name
    page = f"""<!doctype html>
<html lang="{default.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(name)}</title>
<script src="../{SCRIPT}" defer></script>
</head>
<body data-sw="../{service_worker_path(default.locale, True)}" data-scope="../" data-language-tags="{html.escape(rules_json())}">
<main>
<h1>{html.escape(name)}</h1>
<p>Choose the page for the patient's condition, in the patient's language.</p>
{chr(10).join(sections)}
</main>
</body>
</html>
"""
    return add_content_security_policy(page)


def write_infobutton(site: Path, site_url: str | None, entries: IndexEntries) -> None:
    """Once every language is built, from the index entries each language's build kept in memory."""
    _write(site / INFOBUTTON_ROOT / "index.html", infobutton_page(entries))
    write_answers(site, site_url, entries)
