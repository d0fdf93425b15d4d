"""The whole guide of a language as a printed booklet: a cover (title, language, date, review state, the
published address and its QR code), a contents page, each chapter once, and one list of sources at the
end. Made from the same sections as the page handouts (handouts.py), changed for reading front to back:
  - the review notice, attribution and QR code of each page go; the cover says them once;
  - each page's "Sources" goes; its citations lead to the one list at the end;
  - the emergency numbers of the language's countries show in the first box of each tier only, and a box
    whose signs were all in an earlier box of its tier keeps its title and action only.
The contents page gets its page numbers from a first printing (contents_pages), as a browser cannot count
the pages a link leads to.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

from guide.catalogues.language_registry import load_language
from guide.core.html_fragments import outer_html, with_class
from guide.core.pages import read_meta
from guide.core.project import project
from guide.core.site_config import Language
from guide.handouts.qr_code import qr_svg
from guide.handouts.sections import Section

COVER, CONTENTS, SOURCES = "booklet-cover", "booklet-contents", "booklet-sources"
# What each page's handout says that the booklet's cover says once.
_ON_THE_COVER = ("page-notice", "embed-attribution", "handout-qr")
# The parts of an urgency box that a repeated box leaves out (its title and action stay).
_REPEATED_PARTS = ("triage-lead", "triage-signs", "triage-why")
# The emergency numbers of the language's countries, shown in the first box of their tier only.
_CALLS = ("emergency-call", "urgent-call")
_SECTION_SOURCE = re.compile(r"^#section-\d+-source-(\d+)$")
# The booklet's own print rules, beside handouts.PAGE_RULES.
BOOKLET_RULES = """
#booklet-cover { text-align: center; padding-top: 30mm; }
#booklet-cover .booklet-cover__title { font-size: 2.2em; margin-bottom: 1em; }
#booklet-cover .booklet-cover__language { font-size: 1.4em; }
#booklet-cover .qr-code { display: block; width: 35mm; height: 35mm; margin: 6mm auto 0; }
.booklet-contents { list-style: none; padding: 0; }
.md-typeset .booklet-contents li { display: flex; gap: 1em; margin: 0 0 0.6em; }
.booklet-contents a { flex: 1; }
"""


def _article(name: str, content: str) -> str:
    return f'<article class="embed md-typeset handout-section booklet-part" id="{name}">{content}</article>'


def _title(article: HtmlElement) -> str:
    heading = article.find(".//h1")
    for link in with_class(heading, "headerlink"):
        link.drop_tree()
    return " ".join(heading.text_content().split())


def cut_sources(article: HtmlElement, found: dict[int, HtmlElement]) -> None:
    """Take the page's "Sources" (heading, intro and list) out, keeping each source once in `found`, and
    point its citations at the one list at the end."""
    heading = next(iter(article.xpath(".//h2[substring(@id, string-length(@id) - 7) = '-sources']")), None)
    if heading is not None:
        intro = heading.getnext()
        for item in with_class(article, "sources", "ol")[0]:
            number = int(item.get("id").rsplit("-", 1)[1])
            item.set("id", f"source-{number}")
            found.setdefault(number, item)
        for element in (with_class(article, "sources", "ol")[0], intro, heading):
            element.drop_tree()
    for link in article.xpath(".//a[@href]"):
        if cited := _SECTION_SOURCE.match(link.get("href")):
            link.set("href", f"#source-{cited[1]}")


def shorten_boxes(article: HtmlElement, seen: dict[str, set[str]]) -> None:
    """Numbers in the first box of each tier; a box that adds no sign to its tier keeps title and action."""
    for box in with_class(article, "triage-box"):
        tier = box.get("class").split()[1]
        signs = set(box.get("data-signs", "").split())
        if tier in seen:
            for call in (part for name in _CALLS for part in with_class(box, name)):
                call.drop_tree()
            if signs <= seen[tier]:
                for part in (part for name in _REPEATED_PARTS for part in with_class(box, name)):
                    part.drop_tree()
        seen.setdefault(tier, set()).update(signs)


def _review_state(pages: list[str], locale: str) -> tuple[str, dt.date]:
    """What the cover says of the review: "not yet checked" unless every page was checked; and the date
    the newest page was last checked against its sources."""
    strings = load_language(locale).strings
    metas = [read_meta(project().docs / locale / page) for page in pages]
    reviewed = all(meta["review_state"] == "clinically-reviewed" for meta in metas)
    state = strings["review_reviewed"] if reviewed else strings["review_not_reviewed_short"]
    return state, max(meta["last_reviewed"] for meta in metas)


def booklet_sections(
    language: Language,
    sections: list[Section],
    pages: list[str],
    address: str,
    footer_line: str,
    page_numbers: Mapping[str, int] | None = None,
) -> list[Section]:
    """The booklet's parts in order: cover, contents, the chapters, the sources. `address` is the
    language's published guide; `footer_line` its parts' footer; `page_numbers` the sheet each chapter
    starts on, once known."""
    strings = load_language(language.locale).strings
    site_name = load_language(language.locale).site.site_name
    state, newest = _review_state(pages, language.locale)
    found: dict[int, HtmlElement] = {}
    seen: dict[str, set[str]] = {}
    chapters: list[Section] = []
    titles: list[tuple[str, str]] = []
    for section in sections:
        article = lxml.html.fragment_fromstring(section.content)
        # Said once, on the cover: the review state, the address (QR code) and the guide's name.
        for said in (part for name in _ON_THE_COVER for part in with_class(article, name)):
            said.drop_tree()
        cut_sources(article, found)
        shorten_boxes(article, seen)
        titles.append((section.name, _title(lxml.html.fragment_fromstring(section.content))))
        chapters.append(replace(section, content=outer_html(article)))
    cover = _article(
        COVER,
        f'<h1 class="booklet-cover__title">{html.escape(site_name)}</h1>'
        f'<p class="booklet-cover__language">{html.escape(language.name)}</p>'
        f'<p>{html.escape(strings["last_reviewed"])}: <bdi dir="ltr">{newest.isoformat()}</bdi></p>'
        f'<p class="booklet-cover__state">{html.escape(state)}</p>'
        f'<p class="booklet-cover__online">{html.escape(strings["booklet_online"])}:<br>'
        f'<a href="{html.escape(address)}" dir="ltr">{html.escape(address)}</a></p>'
        f"{qr_svg(address, address)}"
        f'<p class="booklet-cover__licence">{html.escape(load_language(language.locale).site.copyright)}</p>',
    )
    titles.append((SOURCES, strings["sources_heading"]))  # the one list of sources, last
    numbers = page_numbers or {}
    contents = _article(
        CONTENTS,
        f'<h1>{html.escape(strings["booklet_contents"])}</h1><ol class="booklet-contents">'
        + "".join(
            f'<li><a href="#{name}">{html.escape(title)}</a>'
            f'<span class="booklet-contents__page">{numbers.get(name, "")}</span></li>'
            for name, title in titles
        )
        + "</ol>",
    )
    sources = _article(
        SOURCES,
        f"<h1>{html.escape(strings['sources_heading'])}</h1><p>{html.escape(strings['booklet_sources_intro'])}</p>"
        '<ol class="sources">' + "".join(outer_html(found[number]) for number in sorted(found)) + "</ol>",
    )
    target = sections[0].target
    return [
        Section(COVER, site_name, footer_line, cover, target),
        Section(CONTENTS, site_name, footer_line, contents, target),
        *chapters,
        Section(SOURCES, site_name, footer_line, sources, target),
    ]


def contents_pages(pdf: Path, names: list[str]) -> dict[str, int]:
    """The sheet (from 1) on which each named part starts in a printed booklet: the contents page links to
    every chapter, and Chromium writes each link's target as a named destination."""
    from pypdf import PdfReader  # loaded only to print

    reader = PdfReader(pdf)
    # pypdf names them as PDF names: "/section-3".
    destinations = {name.removeprefix("/"): target for name, target in reader.named_destinations.items()}
    return {
        name: reader.get_destination_page_number(destinations[name]) + 1
        for name in names
        if name in destinations
    }
