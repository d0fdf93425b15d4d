"""Real headless Chromium: the emergency box is styled as an emergency in both colour schemes, axe finds
no violation on any page on a phone, nor on any kind of page on a desktop or in the dark, the keyboard
focus is always visible, and a page view makes no request to any other host."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from guide.core.site_config import languages, nav_pages, page_url, text_direction
from helpers import recorded_requests, search, settle

EMERGENCY_RED = "rgb(179, 38, 30)"  # --guide-emergency in overrides/assets/stylesheets/guide.css
WHITE = "rgb(255, 255, 255)"
DRAFT_OLIVE = "rgb(107, 93, 0)"  # --guide-draft

GENERATED_PAGES = [
    "for-hospitals/",
    "translation-status/",
    "offline/",
    "alert-card/",
    "easy-read/",
]  # made by the build, not in the nav
PAGES = [
    language.url_prefix + path
    for language in languages()
    for path in [page_url(page) for page in nav_pages()] + GENERATED_PAGES
]
EMBED_PAGES = [
    f"embed/{language.url_prefix}{page_url(page)}" for language in languages() for page in nav_pages()
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
AA_TEXT = 4.5
AA_NON_TEXT = 3.0
AXE = Axe()

# WCAG contrast of computed colours, and the colour an element is painted on (its nearest opaque background).
CONTRAST_JS = r"""
(() => {
  const channels = (css) => css.match(/[\d.]+/g).map(Number);
  const luminance = (css) => {
    const [r, g, b] = channels(css).slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      const alpha = channels(colour)[3];
      if (alpha === undefined || alpha > 0.5) return colour;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  return { contrast, background };
})()
"""


def test_emergency_box_renders_with_its_own_style(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "when-to-get-help/")
    box = page.locator("div.admonition.emergency").first
    assert box.is_visible()
    style = box.evaluate(
        """box => {
            const title = box.querySelector('.admonition-title');
            const number = box.querySelector('.emergency-call__item:not([hidden]) .emergency-call__link');
            return {
                border: getComputedStyle(box).borderLeftColor,
                titleBackground: getComputedStyle(title).backgroundColor,
                titleColour: getComputedStyle(title).color,
                icon: getComputedStyle(title, '::before').maskImage,
                numberBackground: getComputedStyle(number).backgroundColor,
            };
        }"""
    )
    assert style["border"] == EMERGENCY_RED
    assert style["titleBackground"] == EMERGENCY_RED
    assert style["titleColour"] == WHITE
    assert style["numberBackground"] == EMERGENCY_RED
    assert "svg" in style["icon"]
    page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_urgency_boxes_keep_aa_contrast_and_distinct_colours(browser, site_url: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + "when-to-get-help/")
    boxes = page.evaluate(
        "() => { const { contrast, background } = "
        + CONTRAST_JS
        + """;
            return ["emergency", "urgent", "routine"].map((kind) => {
                const box = document.querySelector(`div.admonition.${kind}`);
                const title = box.querySelector('.admonition-title');
                const text = box.querySelector('li');
                return {
                    kind,
                    colour: getComputedStyle(title).backgroundColor,
                    title: contrast(getComputedStyle(title).color, getComputedStyle(title).backgroundColor),
                    text: contrast(getComputedStyle(text).color, background(text)),
                    againstPage: contrast(getComputedStyle(title).backgroundColor, background(box.parentElement)),
                };
            });
        }"""
    )
    for box in boxes:
        assert box["title"] >= AA_TEXT, f"{scheme}: {box['kind']} title contrast {box['title']:.2f}"
        assert box["text"] >= AA_TEXT, f"{scheme}: {box['kind']} text contrast {box['text']:.2f}"
        assert box["againstPage"] >= AA_NON_TEXT, (
            f"{scheme}: {box['kind']} against the page {box['againstPage']:.2f}"
        )
    assert len({box["colour"] for box in boxes}) == 3, f"{scheme}: urgency colours are not distinct: {boxes}"
    page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_focus_is_visible_and_skips_the_closed_drawer(
    browser, site_url: str, viewport: str, scheme: str
) -> None:
    """The first 30 tab stops of when-to-get-help: each on screen, with a ring of 3:1 against its background."""
    page = browser.new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page.goto(site_url + "when-to-get-help/", wait_until="networkidle")
    problems = []
    for stop in range(1, 31):
        page.keyboard.press("Tab")
        settle(page)  # Material's transitions (search field, menus) take 250 ms
        focus = page.evaluate(
            "() => { const { contrast, background } = "
            + CONTRAST_JS
            + """;
                // The colour scheme toggle is a hidden radio button that shows its focus on its visible label.
                const active = document.activeElement;
                const element = active.matches('.md-option')
                    ? [...active.form.querySelectorAll('label')].find((l) => getComputedStyle(l).display !== 'none')
                    : active;
                const box = element.getBoundingClientRect();
                const style = getComputedStyle(element);
                return {
                    name: element.outerHTML.slice(0, 100),
                    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                        && style.visibility === 'visible',
                    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    ringContrast: contrast(style.outlineColor, background(element.parentElement)),
                };
            }"""
        )
        if not focus["onScreen"]:
            problems.append(f"tab stop {stop} is off screen: {focus['name']}")
        elif not focus["ring"] or focus["ringContrast"] < AA_NON_TEXT:
            problems.append(
                f"tab stop {stop} has a faint focus ring ({focus['ringContrast']:.2f}): {focus['name']}"
            )
    assert not problems, "\n".join(problems)
    page.close()


# Service workers are blocked for axe: each page as the network serves it, without the worker downloading
# the language's precache on every load (test_offline.py tests the worker). Each view is one browser page,
# reused for every page checked (a fresh page costs a third more); the module's tests each open their own URL.
def reused_page(browser, viewport: str, scheme: str):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, service_workers="block")
    return context, context.new_page()


@pytest.fixture(scope="module")
def patient_view(browser):
    """A phone in the light scheme: how most patients read the guide."""
    context, page = reused_page(browser, "phone", "light")
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES + EMBED_PAGES)
def test_every_page_has_no_axe_violations_on_a_phone_and_loads_nothing_from_another_host(
    patient_view, site_url: str, path: str
) -> None:
    with recorded_requests(patient_view) as requests:
        patient_view.goto(site_url + path, wait_until="load")
        results = AXE.run(patient_view)
    assert results.violations_count == 0, results.generate_report()
    outside = [url for url in requests if not url.startswith((site_url, "data:", "blob:"))]
    assert not outside, f"requests to other hosts: {outside}"


# Every kind of page (each template, the urgency boxes, the tables) in the source language and the
# right-to-left one, in the three other viewport and scheme combinations: what changes with the width and
# the colours is the layout and the theme, which every language shares.
PAGE_KINDS = ["", "when-to-get-help/", "symptoms/", *GENERATED_PAGES]
SOURCE_AND_RIGHT_TO_LEFT = [
    language.url_prefix
    for language in languages()
    if language.locale == "en" or text_direction(language.locale) == "rtl"
]
KIND_PAGES = [prefix + path for prefix in SOURCE_AND_RIGHT_TO_LEFT for path in PAGE_KINDS] + [
    f"embed/{prefix}{path}" for prefix in SOURCE_AND_RIGHT_TO_LEFT for path in PAGE_KINDS[:3]
]
OTHER_VIEWS = {"light": ["desktop"], "dark": ["phone", "desktop"]}


@pytest.fixture(scope="module")
def other_views(browser):
    """A page in each scheme of OTHER_VIEWS, opened at its first viewport."""
    opened = {scheme: reused_page(browser, viewports[0], scheme) for scheme, viewports in OTHER_VIEWS.items()}
    yield {scheme: page for scheme, (_, page) in opened.items()}
    for context, _ in opened.values():
        context.close()


@pytest.mark.parametrize("path", KIND_PAGES)
def test_every_kind_of_page_has_no_axe_violations_on_a_desktop_and_in_the_dark_and_no_third_party_request(
    other_views, site_url: str, path: str
) -> None:
    reports, outside = [], []
    for scheme, viewports in OTHER_VIEWS.items():
        page = other_views[scheme]
        page.set_viewport_size(VIEWPORTS[viewports[0]])
        with recorded_requests(page) as requests:
            page.goto(site_url + path, wait_until="networkidle")  # and what scripts ask for after the load
            for viewport in viewports:
                page.set_viewport_size(VIEWPORTS[viewport])
                settle(page)  # Material's layout follows the new width
                results = AXE.run(page)
                if results.violations_count:
                    reports.append(f"{viewport}, {scheme}:\n{results.generate_report()}")
        outside += [url for url in requests if not url.startswith((site_url, "data:", "blob:"))]
    assert not reports, "\n".join(reports)
    assert not outside, f"requests to other hosts: {outside}"


# The search dialog is the same on every page: once per language, with results in that language's index.
@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_search_has_no_axe_violations(browser, site_url: str, language) -> None:
    page = browser.new_page()
    page.goto(site_url + language.url_prefix, wait_until="networkidle")
    # Open the search dialog with results: Material's default fails axe there (dialog name).
    search(page, "112")  # in every language's own index: the numbers table of its sources page
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()


@pytest.mark.parametrize("language, start_side", [("es", "Left"), ("ar", "Right")])
def test_page_notice_colour_is_on_the_start_side_in_both_directions(
    browser, site_url: str, language: str, start_side: str
) -> None:
    """Right-to-left pages keep the draft notice's own colour (Material's details border used to win)."""
    page = browser.new_page()
    page.goto(f"{site_url}{language}/symptoms/")
    border = page.evaluate(
        """side => {
            const style = getComputedStyle(document.querySelector('.page-notice.review-state--draft'));
            return { colour: style[`border${side}Color`], width: parseFloat(style[`border${side}Width`]) };
        }""",
        start_side,
    )
    assert border["colour"] == DRAFT_OLIVE and border["width"] >= 4, f"{language}: {border}"
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_front_door_offers_the_browsers_own_language_until_dismissed(
    browser, site_url: str, scheme: str
) -> None:
    context = browser.new_context(locale="fr-FR", color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    offer = page.locator(".language-offer:visible")
    assert offer.count() == 1 and offer.get_attribute("lang") == "fr", "no offer in French"
    assert offer.locator("a").get_attribute("href").rstrip("/").endswith("fr")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.goto(site_url + "symptoms/")
    assert page.locator(".language-offer").count() == 0, "only the front door offers"
    page.goto(site_url)
    page.locator(".language-offer:visible button").click()
    assert page.locator(".language-offer:visible").count() == 0
    page.reload()
    assert page.locator(".language-offer:visible").count() == 0, "offered again after dismissal"
    context.close()
    english = browser.new_context(locale="en-GB")
    page = english.new_page()
    page.goto(site_url)
    assert page.locator(".language-offer:visible").count() == 0, (
        "an English browser is offered another language"
    )
    english.close()


def test_a_filipino_browser_is_offered_the_tagalog_pages(browser, site_url: str) -> None:
    # Browsers and CLDR file Tagalog as Filipino (fil-PH): the guide's Tagalog is its language.
    context = browser.new_context(locale="fil-PH", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    offer = page.locator(".language-offer:visible")
    assert offer.count() == 1 and offer.get_attribute("lang") == "tl", "no offer in Tagalog"
    assert offer.locator("a").get_attribute("href").rstrip("/").endswith("tl")
    context.close()


@pytest.mark.parametrize(
    ("browser_language", "offered"),
    [
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-Hant-MO", "zh-Hant"),
        ("zh-CN", "zh"),
        ("zh-Hans-TW", "zh"),
    ],
)
def test_a_chinese_browser_is_offered_the_characters_of_its_region(
    browser, site_url: str, browser_language: str, offered: str
) -> None:
    """The rules of guide/core/language_tags.py, as the build writes them into the front door's script."""
    context = browser.new_context(locale=browser_language, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    offer = page.locator(".language-offer:visible")
    assert offer.count() == 1 and offer.get_attribute("lang") == offered, f"{browser_language}: not {offered}"
    context.close()
