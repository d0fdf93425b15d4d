"""Printable handouts: a PDF of every page in every language, one PDF of the whole guide per language (a
booklet: guide/handouts/booklet.py), the alert cards of each language and of each pair of languages its
data implies (a wallet card and a phone-screen card, guide/handouts/alert_card.py), and the Easy Read "When
to get help" (guide/easy_read/page.py).

Headless Chromium (the system package) prints each language from one print source: the content of every
page's embed view (no site chrome), in nav order, each page starting on a new sheet, through the print
rules in guide.css (urgency boxes never split across sheets, their colours print, a TrueType font for each
script). The whole guide is that document printed once, so its PDF holds one subset of each font, not one
per page (made again with fontTools: Chromium embeds whole fonts past some 770 glyphs, pdf_fonts.py); each
page's own PDF is the same document printed with only that page shown. Every sheet's footer names the
page's web address and the date its text was last checked, so a printed copy can always be traced and
updated: a margin box of the page's own CSS named page (`@page section-3 { @bottom-center }`).

The print source is never a file of the site: it is given to a browser page of its own, and its
stylesheets are read from the local server that serves the built site. The printing pages run no
JavaScript and fetch nothing but that server. Chromium shapes Arabic right to left (WeasyPrint handles
right-to-left text poorly).

Only with the guide plugin's `handouts: true` (`make build`, `make test`, the deploy workflow): printing needs
Chromium. src/guide/handouts/steps.py links each page to its handout.
"""

from __future__ import annotations

import html
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from guide.handouts.alert_card import (
    OVERFLOWING_SIDES,
    PHONE_SIZE,
    WALLET_SIZE,
    card_html,
    overflow_problem,
    printed_pairs,
)
from guide.handouts.card_page import card_page_url
from guide.handouts.booklet import BOOKLET_RULES, booklet_sections, contents_pages
from guide.handouts.sections import Section
from guide.handouts.qr_code import qr_svg
from guide.easy_read.page import easy_read_pdf_path, easy_read_url, made_date
from guide.handouts.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium
from guide.core.html_fragments import outer_html, with_class
from guide.catalogues.language_registry import load_language
from guide.handouts.local_server import clean_environment, only_from, serving
from guide.core.outputs import (
    EMBED_ROOT,
    absolute_url,
    alert_card_path,
    embed_path,
    guide_handout_path,
    handout_path,
)
from guide.core.pages import read_meta
from guide.core.project import project
from guide.core.site_config import Language, languages, nav_pages, page_url, text_direction
from guide.core.engine import get_relative_url, PluginError

# A4; the same margins leave room on US Letter, which is wider and shorter, when a reader prints the page.
# The footer sits in the bottom margin.
PAGE_RULES = """
@page { size: A4; margin: 14mm 14mm 18mm; }
@page { @bottom-center { width: 100%; font-size: 7.5pt; color: #333; text-align: start; } }
.handout-section + .handout-section { break-before: page; }
/* Every page starts at the top of its sheet: a margin after a page break is dropped, so none for the first. */
.handout-section > :first-child { margin-top: 0; }
.handout-section[hidden] { display: none; }
.handout-qr { break-inside: avoid; margin: 4mm 0 0; }
.handout-qr .qr-code { display: block; width: 22mm; height: 22mm; }
"""
# The most a language's whole guide may weigh, in bytes (the Chinese one, the largest, was 1.9 MB: issue 11).
# tests/test_handouts.py checks it; scripts/benchmark.py shows it beside each language's.
GUIDE_HANDOUT_MAX_BYTES = 1_500_000


def css_string(text: str) -> str:
    """Plain text as a CSS string; '<' is escaped too, so that no text can close the <style> it is in."""
    return '"' + "".join(f"\\{ord(char):x} " if char in '"\\<>\n\r\f' else char for char in text) + '"'


def left_to_right(locale: str) -> tuple[str, str]:
    """What keeps an address, a date or sheet numbers left to right in a footer: Unicode isolates, in a
    right-to-left language only (in a left-to-right footer Chromium draws an isolate with a fallback font,
    which splits the word after it in the PDF's text)."""
    return ("\u2066", "\u2069") if text_direction(locale) == "rtl" else ("", "")


def footer(language: Language, address: str, last_reviewed: str) -> str:
    strings = load_language(language.locale).strings
    start, end = left_to_right(language.locale)
    return (
        f"{strings['source_page']}: {start}{address}{end} · "
        f"{strings['last_reviewed']}: {start}{last_reviewed}{end} · "
    )


def printed_link(href: str, embed_url: str, site_url: str, name: str) -> str:
    """Where a link of a page's embed view leads on paper: a place in the page stays in the PDF (its id has
    the section's prefix); a page or file of the guide is its published address, not the embed copy on the
    printer's local server; links to other sites, tel: and mailto: stay as they are."""
    if href.startswith("#"):
        return f"#{name}-{href[1:]}"
    if urlsplit(href).scheme or urlsplit(href).netloc:
        return href
    target = urljoin("/" + embed_url, href).removeprefix("/")
    return absolute_url(site_url, target.removeprefix(EMBED_ROOT + "/"))


def read_section(
    site: Path, site_url: str, language: Language, source: str, number: int, served: str
) -> Section:
    """A page of the guide as its embed view shows it, made to stand beside the other pages in one document."""
    bare_url = page_url(source)
    embed_url = embed_path(language.locale, bare_url)
    document = lxml.html.fromstring((site / embed_url / "index.html").read_text(encoding="utf-8"))
    name = f"section-{number}"
    article = document.find(".//main")
    article.tag = "article"
    article.attrib.clear()  # the embed script's strings; nothing runs on paper
    article.set("class", "embed md-typeset handout-section")
    for notice in with_class(article, "page-notice", "details"):
        notice.set("open", "")  # on paper the review notice shows in full: a sheet cannot be clicked open
    # Every page has ids such as "sources" and "source-4": each section's own, so that links find them.
    for element in article.xpath(".//*[@id]"):
        element.set("id", f"{name}-{element.get('id')}")
    article.set("id", name)
    for link in article.xpath(".//a[@href]"):
        link.set("href", printed_link(link.get("href"), embed_url, site_url, name))
    for image in article.xpath(".//img[@src]"):
        image.set("src", urljoin(served + embed_url, image.get("src")))
    meta = read_meta(project().docs / language.locale / source)
    address = site_url + language.url_prefix + bare_url
    # The page's own handout ends with a QR code of its published address, to read it up to date.
    article.append(lxml.html.fragment_fromstring(f'<p class="handout-qr">{qr_svg(address, address)}</p>'))
    return Section(
        name=name,
        title=document.findtext(".//title"),
        footer=footer(language, address, meta["last_reviewed"].isoformat()),
        content=outer_html(article),
        target=site / handout_path(language.locale, bare_url),
    )


def print_source(language: Language, sections: list[Section], stylesheets: list[str]) -> str:
    """One HTML document of a language's sections, each on its own named pages with its own footer."""
    rules = [PAGE_RULES, BOOKLET_RULES]
    start, end = left_to_right(language.locale)
    numbers = f'{css_string(start)} counter(page) "/" counter(pages) {css_string(end)}'
    for section in sections:
        rules.append(f"#{section.name} {{ page: {section.name}; }}")
        rules.append(
            f"@page {section.name} {{ @bottom-center {{ content: {css_string(section.footer)} {numbers}; }} }}"
        )
    links = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in stylesheets)
    direction = text_direction(language.locale)
    return (
        f'<!doctype html><html lang="{language.locale}" dir="{direction}" data-embed><head>'
        f'<meta charset="utf-8"><title>{html.escape(load_language(language.locale).site.site_name)}</title>'
        f"{links}<style>{''.join(rules)}</style></head>"
        f'<body dir="{direction}">{"".join(section.content for section in sections)}</body></html>'
    )


def printer(browser: Any, origin: str) -> Any:
    """The browsing context that prints the handouts. Its pages run no JavaScript (nothing printed needs
    any), and only requests to `origin` (our site, served on localhost) are let through: no file:, other
    hosts or schemes, whatever a page asks for."""
    context = browser.new_context(java_script_enabled=False)
    context.route("**/*", only_from(origin))
    return context


def print_sheets(page: Any, target: Path, title: str, shown: str | None = None) -> None:
    """Print the loaded print source, only the section `shown` or all of them, with `title` as the PDF's."""
    page.evaluate(
        """([title, shown]) => {
            document.title = title;
            for (const section of document.querySelectorAll(".handout-section")) {
              section.hidden = shown !== null && section.id !== shown;
            }
        }""",
        [title, shown],
    )
    page.pdf(path=str(target), print_background=True, prefer_css_page_size=True)


def print_language(page: Any, site: Path, site_url: str, language: Language, served: str) -> None:
    """Every page's handout of a language, from one print source, and its whole guide."""
    sources = nav_pages()
    sections = [
        read_section(site, site_url, language, source, number, served)
        for number, source in enumerate(sources)
    ]
    # Every embed view has the same stylesheets: the first one's.
    first = embed_path(language.locale, page_url(sources[0]))
    document = lxml.html.fromstring((site / first / "index.html").read_text(encoding="utf-8"))
    stylesheets = [
        urljoin(served + first, link.get("href")) for link in document.xpath("//link[@rel='stylesheet']")
    ]
    page.set_content(print_source(language, sections, stylesheets), wait_until="load")
    sections[0].target.parent.mkdir(parents=True, exist_ok=True)
    for section in sections:
        print_sheets(page, section.target, section.title, shown=section.name)
    print_booklet(page, site, site_url, language, sections, stylesheets)


def print_booklet(
    page: Any, site: Path, site_url: str, language: Language, sections: list[Section], stylesheets: list[str]
) -> None:
    """The whole guide as a booklet (booklet.py), printed twice: the first printing tells the contents
    page on which sheet each chapter starts."""
    from guide.handouts.pdf_fonts import subset_fonts  # fontTools and pypdf: loaded only to print

    pages = nav_pages()
    address = absolute_url(site_url, language.url_prefix)
    newest = max(read_meta(project().docs / language.locale / source)["last_reviewed"] for source in pages)
    footer_line = footer(language, address, newest.isoformat())
    guide = site / guide_handout_path(language.locale)
    numbers = None
    for _ in range(2):
        parts = booklet_sections(language, sections, pages, address, footer_line, numbers)
        page.set_content(print_source(language, parts, stylesheets), wait_until="load")
        print_sheets(page, guide, load_language(language.locale).site.site_name)
        numbers = contents_pages(guide, [part.name for part in parts])
    subset_fonts(guide)


def print_alert_cards(page: Any, site: Path, site_url: str, language: Language, served: str) -> None:
    """The wallet card (front and back) and the phone card of a language, and of each pair of languages its
    data implies, one per country (alert_card.printed_pairs), each printed from the card's HTML; the QR
    code and the address on each lead to the card's published page."""
    address = absolute_url(site_url, card_page_url(language.locale))
    pairs = [
        (second, country)
        for second, countries in printed_pairs().get(language.locale, {}).items()
        for country in countries
    ]
    for pair in [None, *pairs]:  # None: the language's own card
        second, country = pair or (None, None)
        html_path = alert_card_path(language.locale, ".html", pair=pair)
        source = site / html_path
        source.parent.mkdir(parents=True, exist_ok=True)
        stylesheet = get_relative_url("assets/stylesheets/alert-card.css", html_path)
        source.write_text(card_html(language.locale, stylesheet, address, second, country), encoding="utf-8")
        page.goto(served + html_path, wait_until="load")
        check_card_fits(page)
        for phone, (width, height) in ((False, WALLET_SIZE), (True, PHONE_SIZE)):
            page.evaluate("phone => document.documentElement.classList.toggle('phone', phone)", phone)
            page.pdf(
                path=str(site / alert_card_path(language.locale, phone=phone, pair=pair)),
                width=width,
                height=height,
                print_background=True,
            )
        if pair:
            source.unlink()  # only what was printed; the language's own card keeps its HTML, as before


def check_card_fits(page: Any) -> None:
    """Every side of the wallet card fits its sheet: laid out for print at the card's width, none is taller
    than the card (the sides hide what overflows, so a long translation would lose its last sign or the note
    for the clinician without a word)."""
    width = round(float(WALLET_SIZE[0].removesuffix("mm")) / 25.4 * 96)
    viewport = page.viewport_size
    page.set_viewport_size({"width": width, "height": viewport["height"] if viewport else 800})
    page.emulate_media(media="print")
    try:
        problem = overflow_problem(page.evaluate(OVERFLOWING_SIDES))
    finally:
        page.emulate_media(media=None)
        if viewport:
            page.set_viewport_size(viewport)
    if problem:
        raise problem


def print_easy_read(page: Any, site: Path, site_url: str, language: Language, served: str) -> None:
    """The Easy Read "When to get help" as the reader sees the page, through the print rules (guide.css:
    14 pt text, every country of the language's numbers, no picker), on A4; every sheet ends with the page's
    address, its date and the sheet's number, as the other handouts' sheets do, at the same 14 pt."""
    strings = load_language(language.locale).strings

    def kept(part: str) -> str:
        """Left to right in any language, and never broken across lines (a date breaks at its hyphens)."""
        return f'<bdi dir="ltr" style="white-space: nowrap">{part}</bdi>'

    address = absolute_url(site_url, easy_read_url(language.locale))
    line = (
        f"{html.escape(strings['source_page'])}: {kept(html.escape(address))} · "
        f"{html.escape(strings['last_reviewed'])}: {kept(made_date(language.locale).isoformat())} · "
        + kept('<span class="pageNumber"></span>/<span class="totalPages"></span>')
    )
    page.goto(served + easy_read_url(language.locale), wait_until="load")
    page.pdf(
        path=str(site / easy_read_pdf_path(language.locale)),
        format="A4",
        margin={"top": "14mm", "bottom": "30mm", "left": "14mm", "right": "14mm"},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        # Chromium's own footer, outside the page and its Content-Security-Policy; text escaped.
        footer_template=(
            f'<div lang="{language.locale}" dir="{text_direction(language.locale)}" style="width: 100%; '
            'margin: 0 14mm; font-family: sans-serif; font-size: 14pt; line-height: 1.3; color: #000;">'
            f"{line}</div>"
        ),
    )


# Browsers printing at once, each a share of the languages: printing is Chromium's work and fontTools', and
# two run side by side on two processors in little more than half the time of one after the other.
PRINTERS = 2


def print_handouts(site: Path, site_url: str | None) -> None:
    """Once every language is built: every handout and alert card of every language."""
    executable = find_chromium()
    if executable is None:
        raise PluginError(f"Printing the PDF handouts needs Chromium. {MISSING_MESSAGE}")
    address = absolute_url(site_url)
    shares = [languages()[start::PRINTERS] for start in range(PRINTERS)]
    with serving(site) as served, ThreadPoolExecutor(PRINTERS) as pool:
        printing = [
            pool.submit(print_languages, share, executable, site, address, served) for share in shares
        ]
        for share in printing:
            share.result()  # a printer's error, raised here


def print_languages(
    share: tuple[Language, ...], executable: str, site: Path, address: str, served: str
) -> None:
    """Every handout and alert card of these languages, in a browser of their own (Playwright's synchronous
    API is one per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as home:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, env=clean_environment(Path(home))
        )
        # Two pages for all the printing, not a new one per handout. The cards are documents of their own,
        # with their own Content-Security-Policy (alert_card.py), which a print source written into the same
        # page would keep.
        context = printer(browser, served)
        guide_page, card_page = context.new_page(), context.new_page()
        for language in share:
            print_language(guide_page, site, address, language, served)
            print_alert_cards(card_page, site, address, language, served)
            print_easy_read(card_page, site, address, language, served)
        browser.close()
