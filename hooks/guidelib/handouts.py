"""Printable handouts: a PDF of every page in every language, one PDF of the whole guide per language, and
an alert card per language (a wallet card and a phone-screen card, guidelib/alert_card.py).

Headless Chromium (the system package) prints each page's embed view, which has no site chrome, through
the print rules in guide.css: urgency boxes are never split across sheets, and their colours print.
Chromium shapes Arabic right to left and uses the Noto CJK fonts for Chinese (scripts/install-system-deps.sh
installs them; WeasyPrint handles right-to-left text poorly). Every sheet's footer names the page's web
address and the date its text was last checked, so a printed copy can always be traced and updated.

Only with the guide plugin's `handouts: true` (`make build`, `make test`, the deploy workflow): printing needs
Chromium. hooks/handouts.py links each page to its handout.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

from guidelib.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium
from guidelib.local_server import clean_environment, only_from, serving
from guidelib.alert_card import PHONE_SIZE, WALLET_SIZE, card_html
from guidelib.outputs import (
    absolute_url,
    alert_card_path,
    embed_path,
    guide_handout_path,
    handout_path,
)
from guidelib.pages import read_meta
from guidelib.project import project
from guidelib.site_config import Language, languages, nav_pages, page_url, text_direction
from guidelib.language_registry import load_language
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

MARGINS = {"top": "14mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
# A4; the same margins leave room on US Letter, which is wider and shorter, when a reader prints the page.
PAPER = "A4"
# Fonts Chromium embeds as subsets, per language (guide.css names the same for the page itself): the Noto
# CJK collection's CFF outlines would become Type 3 fonts. A language not listed uses the system default.
FOOTER_FONTS = {"zh": "'WenQuanYi Micro Hei', sans-serif"}


def footer(language: Language, address: str, last_reviewed: str) -> str:
    """Chromium's footer template: the page's address and review date on every sheet, and sheet numbers."""
    strings = load_language(language.locale).strings
    return (
        f'<div dir="{text_direction(language.locale)}" lang="{language.locale}" '
        f'style="box-sizing: border-box; width: 100%; padding: 0 {MARGINS["right"]} 0 {MARGINS["left"]}; '
        f"font-size: 7.5pt; font-family: {FOOTER_FONTS.get(language.locale, 'sans-serif')}; "
        'font-synthesis: none; color: #333;">'
        f'{html.escape(strings["source_page"])}: <span dir="ltr">{html.escape(address)}</span> · '
        f'{html.escape(strings["last_reviewed"])}: <span dir="ltr">{last_reviewed}</span> · '
        '<span dir="ltr"><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'
    )


def print_page(browser: Any, address: str, origin: str, target: Path, footer_html: str) -> None:
    """Print one page to PDF. Only requests to `origin` (our site, served on localhost) are let through."""
    page = browser.new_page()
    page.route("**/*", only_from(origin))  # no file:, other hosts or schemes, whatever the page asks for
    page.goto(address, wait_until="load")
    # On paper the review notice shows in full: a sheet cannot be clicked open.
    page.evaluate(
        "document.querySelectorAll('details.page-notice').forEach(notice => { notice.open = true; })"
    )
    page.pdf(
        path=str(target),
        format=PAPER,
        margin=MARGINS,
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer_html,
    )
    page.close()


def print_language(browser: Any, site: Path, site_url: str, language: Language, served: str) -> list[Path]:
    """Print every page of a language from its embed view, read from `served` (the site over HTTP)."""
    printed = []
    for source in nav_pages():
        bare_url = page_url(source)
        meta = read_meta(project().docs / language.locale / source)
        target = site / handout_path(language.locale, bare_url)
        target.parent.mkdir(parents=True, exist_ok=True)
        address = site_url + language.url_prefix + bare_url
        print_page(
            browser,
            served + embed_path(language.locale, bare_url),
            served,
            target,
            footer(language, address, meta["last_reviewed"].isoformat()),
        )
        printed.append(target)
    return printed


def join_pdfs(parts: list[Path], target: Path, title: str) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.add_metadata({"/Title": title})
    with target.open("wb") as output:
        writer.write(output)


def print_alert_cards(browser: Any, site: Path, site_url: str, language: Language, served: str) -> None:
    """The wallet card (front and back) and the phone card of a language, printed from the card's HTML."""
    source = site / alert_card_path(language.locale, ".html")
    source.parent.mkdir(parents=True, exist_ok=True)
    stylesheet = get_relative_url(
        "assets/stylesheets/alert-card.css", alert_card_path(language.locale, ".html")
    )
    source.write_text(
        card_html(language.locale, stylesheet, site_url + language.url_prefix), encoding="utf-8"
    )
    for phone, (width, height) in ((False, WALLET_SIZE), (True, PHONE_SIZE)):
        page = browser.new_page()
        page.route("**/*", only_from(served))
        page.goto(served + alert_card_path(language.locale, ".html"), wait_until="load")
        if phone:
            page.evaluate("document.documentElement.classList.add('phone')")
        page.pdf(
            path=str(site / alert_card_path(language.locale, phone=phone)),
            width=width,
            height=height,
            print_background=True,
        )
        page.close()


def print_handouts(site: Path, site_url: str | None) -> None:
    """Once every language is built: every handout and alert card of every language."""
    executable = find_chromium()
    if executable is None:
        raise PluginError(f"Printing the PDF handouts needs Chromium. {MISSING_MESSAGE}")
    from playwright.sync_api import sync_playwright

    address = absolute_url(site_url)
    with sync_playwright() as playwright, serving(site) as served, tempfile.TemporaryDirectory() as home:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, env=clean_environment(Path(home))
        )
        for language in languages():
            parts = print_language(browser, site, address, language, served)
            join_pdfs(parts, site / guide_handout_path(language.locale), language.site_name)
            print_alert_cards(browser, site, address, language, served)
        browser.close()
