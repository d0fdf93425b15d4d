"""Embed mode in real Chromium: a host page on another localhost port embeds a guide page in a
sandboxed iframe with our copy-paste snippet."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import serve
from guide.core.outputs import api_index_path, guide_handout_path
from guide.core.site_config import languages, nav_pages, page_url
from guide.catalogues.language_registry import load_language
from helpers import search, soup

SNIPPET = Path(__file__).resolve().parent.parent / "src" / "guide" / "embed" / "embed_host_snippet.html"


# WordPress's protocol for other sites' oEmbed frames, re-implemented from wp-includes/js/wp-embed.js and
# wp_filter_oembed_result(): it keeps only the iframe's src, width, height and title, sets
# sandbox="allow-scripts" (no popups), puts a secret in the src's fragment and in data-secret, answers
# only messages from that frame carrying that secret, caps heights at 1000 px (200 px at least), and
# opens a "link" message in the top window when it points to the frame's own host.
WORDPRESS_HOST_SCRIPT = """
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  document.querySelectorAll('iframe[data-secret="' + data.secret + '"]').forEach(function (frame) {
    if (event.source !== frame.contentWindow) return;
    frame.removeAttribute("style");
    if (data.message === "height") {
      var height = parseInt(data.value, 10);
      if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
      frame.height = height;
    }
    if (data.message === "link") {
      var source = new URL(frame.getAttribute("src")), target = new URL(data.value);
      if (/^https?:$/i.test(target.protocol) && target.host === source.host && document.activeElement === frame) {
        window.top.location.href = data.value;
      }
    }
  });
});
"""


def wordpress_iframe(oembed_html: str, secret: str) -> str:
    frame = BeautifulSoup(oembed_html, "html.parser").iframe
    kept = {name: frame[name] for name in ("src", "width", "height", "title")}
    kept["src"] += "#?secret=" + secret
    attributes = " ".join(f'{name}="{value}"' for name, value in kept.items())
    # WordPress hides the frame until its first message arrives.
    return (
        f'<iframe {attributes} sandbox="allow-scripts" security="restricted" data-secret="{secret}"'
        ' style="position: absolute; clip: rect(1px, 1px, 1px, 1px)"></iframe>'
    )


@pytest.fixture
def host_html(tmp_path: Path) -> Iterator[callable]:
    """Serve, from another port, a host page with the given HTML in its body; returns its address."""

    def make(host_url: str, body: str) -> str:
        (tmp_path / "host.html").write_text(
            f"<!doctype html><html><body style='margin:0'><h1>Hospital portal</h1>{body}<p>After the guide</p></body></html>",
            encoding="utf-8",
        )
        return host_url + "host.html"

    for host_url in serve(tmp_path):
        yield functools.partial(make, host_url)


@pytest.fixture
def host_page(host_html, site_url: str) -> callable:
    """A host page that embeds the given guide path with our copy-paste snippet."""

    def make(path: str) -> str:
        return host_html(
            SNIPPET.read_text(encoding="utf-8")
            .replace("__EMBED_URL__", site_url + path)
            .replace("__TITLE__", "Guide")
        )

    return make


def oembed_html(site: Path, locale: str, page: str) -> str:
    return json.loads((site / "oembed" / locale / f"{page}.json").read_text(encoding="utf-8"))["html"]


def embedded_frame(page):
    page.locator("iframe[data-spine-guide]").wait_for()
    return page.frame_locator("iframe[data-spine-guide]")


def test_iframe_grows_to_content_with_local_numbers_and_links_stay_embedded(browser, host_page) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(host_page("embed/symptoms/?emergency=%2B44%20999&team=0161%20446%200000"))
    frame = embedded_frame(page)

    number = frame.locator("div.admonition.emergency .hospital-number--emergency a").first
    number.wait_for()
    assert number.inner_text() == "+44 999"
    assert number.get_attribute("href") == "tel:+44999"
    team = frame.locator("div.admonition.urgent .hospital-number--team a").first
    assert team.inner_text() == "0161 446 0000"
    # The emergency card says "call your cancer team's 24-hour line": the team's number stands right there,
    # just after that action, before the emergency number.
    after_action = frame.locator("div.admonition.emergency .triage-action + .hospital-number--team a").first
    assert after_action.inner_text() == "0161 446 0000"

    iframe = page.locator("iframe[data-spine-guide]")
    # The snippet starts the iframe at 600px; the page's reported height replaces that.
    page.wait_for_function("() => document.querySelector('iframe[data-spine-guide]').clientHeight !== 600")
    page.wait_for_timeout(500)  # let late layout (fonts, images) report its final height
    content_height = frame.locator("html").evaluate("html => html.scrollHeight")
    frame_height = iframe.evaluate("frame => frame.clientHeight")
    assert abs(frame_height - content_height) <= 2, (frame_height, content_height)
    assert frame.locator("html").evaluate("html => html.scrollHeight <= window.innerHeight + 1")

    # The embed view has no site chrome and registers no service worker.
    assert frame.locator("header, nav.md-nav, .md-search, footer").count() == 0

    frame.locator("a[href*='when-to-get-help']").first.click()
    frame.locator("h1").first.wait_for()
    frame_url = next(f.url for f in page.frames if f != page.main_frame)
    assert "/embed/when-to-get-help/" in frame_url and "emergency=" in frame_url
    # The embed script adds the hospital's number once the new page has loaded: wait for it, not the h1.
    frame.locator("div.admonition.emergency .hospital-number--emergency").first.wait_for()
    assert not errors, errors


@pytest.mark.parametrize("bad", ["999<b>", "call 999", "javascript:alert(1)", "9", "1" * 30])
def test_invalid_host_numbers_are_not_shown_and_are_reported(browser, host_page, bad: str) -> None:
    page = browser.new_page()
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    page.goto(host_page(f"embed/when-to-get-help/?emergency={bad}&team=0161%20446%200000"))
    frame = embedded_frame(page)
    note = frame.locator(".hospital-number-rejected")
    note.wait_for()  # the page's script has read the address: the numbers are in place
    assert frame.locator("div.admonition.emergency .hospital-number--emergency").count() == 0
    assert (
        frame.locator("div.admonition.urgent .hospital-number--team").count() >= 1
    )  # the good one still shows
    assert note.is_visible() and "emergency=" in note.inner_text() and "team=" not in note.inner_text()
    assert any("emergency=" in warning for warning in warnings), warnings


def test_display_options_work_in_a_frame_and_on_its_internal_links_but_never_top_level(
    browser, host_page, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(host_page("embed/es/symptoms/?notice=hide&header=show"))
    frame = embedded_frame(page)
    header = frame.locator(".embed-header a")
    header.wait_for()
    assert (
        header.get_attribute("href") == site_url + "es/symptoms/"
        and header.get_attribute("target") == "_blank"
    )
    assert frame.locator("details.page-notice").count() == 0
    frame.locator("a[href*='when-to-get-help']").first.click()
    frame.locator(".embed-header a").wait_for()
    assert frame.locator("details.page-notice").count() == 0, "the options are kept on links inside the guide"
    # Anyone may send a link to our domain with these options: on a top-level visit they do nothing.
    page.goto(site_url + "embed/es/symptoms/?notice=hide&header=show")
    assert page.locator("details.page-notice").count() == 1 and page.locator(".embed-header").count() == 0
    page.close()


def test_unencoded_plus_and_other_scripts_digits_dial_ascii_numbers(browser, host_page) -> None:
    page = browser.new_page()
    # As a host writes it by hand: "+" not encoded (it arrives as a space), Arabic-Indic digits.
    page.goto(host_page("embed/when-to-get-help/?team=+44 20 7946 0000&emergency=\u0664\u0665\u0666"))
    frame = embedded_frame(page)
    team = frame.locator("div.admonition.urgent .hospital-number--team a").first
    team.wait_for()
    assert team.get_attribute("href") == "tel:+442079460000"
    assert team.inner_text() == "+44 20 7946 0000"
    emergency = frame.locator("div.admonition.emergency .hospital-number--emergency a").first
    assert emergency.get_attribute("href") == "tel:456"
    assert frame.locator(".hospital-number-rejected").count() == 0


def test_a_hospital_emergency_number_the_card_already_shows_is_said_once(browser, host_page) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(host_page("embed/when-to-get-help/?team=0161%20446%200000&emergency=999"))
    frame = embedded_frame(page)
    frame.locator("div.admonition.emergency .hospital-number--team").first.wait_for()
    card = frame.locator("div.admonition.emergency").first
    visible_999 = card.locator("a[href='tel:999']:visible")
    assert visible_999.count() == 1, "999 is shown twice in the emergency card"
    assert card.locator(".hospital-number--emergency").count() == 0
    context.close()


def test_the_host_snippet_clamps_absurd_heights_and_ignores_non_numbers(browser, host_page) -> None:
    page = browser.new_page()
    page.goto(host_page("embed/glossary/"))
    frame = embedded_frame(page)
    frame.locator("h1").first.wait_for()
    page.wait_for_function("() => document.querySelector('iframe[data-spine-guide]').clientHeight !== 600")

    def height() -> int:
        return page.locator("iframe[data-spine-guide]").evaluate("frame => frame.clientHeight")

    settled = height()
    frame.locator("html").evaluate(
        "() => parent.postMessage({type: 'spine-guide:height', height: '9e9px'}, '*')"
    )
    page.wait_for_timeout(300)
    assert height() == settled
    frame.locator("html").evaluate(
        "() => parent.postMessage({type: 'spine-guide:height', height: 1e12}, '*')"
    )
    page.wait_for_function(
        f"() => document.querySelector('iframe[data-spine-guide]').clientHeight !== {settled}"
    )
    assert height() == 30000


def test_a_citation_opens_its_source_in_place(browser, host_page) -> None:
    page = browser.new_page()
    page.goto(host_page("embed/symptoms/"))
    frame = embedded_frame(page)
    citation = frame.locator("sup.citation a[role='button']").first
    citation.wait_for()
    assert citation.get_attribute("aria-expanded") == "false"
    citation.focus()  # the first citation now sits below the cards, further down the frame
    scrolled_before = page.evaluate("() => window.scrollY")
    page.keyboard.press("Enter")
    panel = frame.locator("#" + citation.get_attribute("aria-controls"))
    assert panel.is_visible()
    assert citation.get_attribute("aria-expanded") == "true"
    number = citation.inner_text()
    expected = frame.locator(f"#source-{number}").inner_text()
    assert panel.inner_text().strip() == expected.strip()
    assert page.evaluate("() => window.scrollY") == scrolled_before  # nothing jumped away
    page.keyboard.press("Escape")
    assert not panel.is_visible()


def test_the_oembed_html_pasted_as_it_is_shows_the_whole_card(browser, site: Path, host_html) -> None:
    page = browser.new_page(viewport={"width": 640, "height": 900})
    page.goto(host_html(f'<div style="width: 600px">{oembed_html(site, "fr", "when-to-get-help")}</div>'))
    frame = page.frame_locator("iframe")
    frame.locator("div.admonition.emergency").wait_for()
    assert frame.locator("[data-embed-card]").count() == 1
    assert frame.locator("html").evaluate(
        "html => html.scrollHeight <= window.innerHeight"
    )  # no inner scrollbar
    assert frame.locator(".embed-card__more a").is_visible()


@pytest.mark.parametrize(
    ("locale", "page_name"),
    [(lang.locale, p) for lang in languages() for p in ("index", "symptoms", "when-to-get-help")],
)
def test_inside_a_wordpress_like_host_the_card_fits_and_its_link_opens(
    browser, site: Path, host_html, locale: str, page_name: str
) -> None:
    page = browser.new_page(viewport={"width": 600, "height": 800})
    iframe = wordpress_iframe(oembed_html(site, locale, page_name), "Ab12Cd34Ef")
    page.goto(host_html(f"{iframe}<script>{WORDPRESS_HOST_SCRIPT}</script>"))
    frame = page.frame_locator("iframe")
    frame.locator(".embed-card__more a").wait_for()
    page.wait_for_function("() => !document.querySelector('iframe').hasAttribute('style')")
    page.wait_for_timeout(300)
    card_height = frame.locator("html").evaluate(
        "() => Math.ceil(document.querySelector('main.embed').getBoundingClientRect().bottom)"
    )
    frame_height = page.locator("iframe").evaluate("frame => frame.clientHeight")
    assert card_height <= 1000, card_height
    assert abs(frame_height - card_height) <= 2, (frame_height, card_height)

    read_more = frame.locator(".embed-card__more a")
    expected = read_more.get_attribute("href")
    read_more.click()
    page.wait_for_url(expected)
    assert page.locator("h1").first.is_visible()


def test_source_page_from_an_embed_opens_a_guide_whose_search_and_offline_saving_work(
    browser, host_page
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(host_page("embed/symptoms/"))
    frame = embedded_frame(page)
    with context.expect_page() as opened:
        frame.locator(".embed-attribution a").click()
    guide = opened.value
    guide.wait_for_load_state()
    assert guide.url.endswith("/symptoms/")
    # Not sandboxed: the service worker saves the guide for offline reading, and search works.
    guide.locator("[data-offline-ready]").wait_for(state="visible", timeout=60_000)
    assert search(guide, "spine").count() > 0
    context.close()


@pytest.mark.parametrize(
    ("language", "page"),
    [(lang, p) for lang in languages() for p in nav_pages()],
    ids=lambda v: getattr(v, "locale", v),
)
def test_every_page_has_an_embed_view_without_site_chrome(site: Path, language, page: str) -> None:
    document = soup(site / "embed" / language.url_prefix / page_url(page) / "index.html")
    assert document.html.has_attr("data-embed")
    assert document.html["lang"] == language.locale
    assert document.find("h1")
    assert not document.select("header, .md-sidebar, .md-search, footer")
    assert not any("offline.js" in script.get("src", "") for script in document.find_all("script"))
    for link in document.select("a[href^='http']"):
        assert link.get("target") == "_blank" and "noopener" in link.get("rel", [])


@pytest.mark.handouts  # links to the whole-guide handout, made only with the handouts
@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_hospital_page_has_snippet_live_example_licence_and_other_formats(
    site: Path, site_url: str, language
) -> None:
    document = soup(site / language.url_prefix / "for-hospitals" / "index.html")
    code = document.select_one("pre code").get_text()
    assert f'src="{site_url}embed/{language.url_prefix}when-to-get-help/?emergency=' in code
    assert "spine-guide:height" in code, "the copy-paste snippet must include the resizing script"
    # The live example waits, closed, until a reader opens it: it would double the page's first view.
    assert (
        document.select_one("details.embed-example:not([open]) > iframe[data-spine-guide][sandbox]")
        is not None
    )
    assert load_language(language.locale).strings["for_hospitals_licence"] in document.get_text()
    links = {link["href"] for link in document.select("article a[href]")}
    assert {site_url + api_index_path(), site_url + guide_handout_path(language.locale)} <= links


def test_wordpress_keeps_sizing_the_frame_after_an_internal_link(browser, site_url: str, host_html) -> None:
    page = browser.new_page(viewport={"width": 600, "height": 800})
    secret = "Zz98Yy76"  # noqa: S105 - WordPress's per-frame token, not a password
    iframe = wordpress_iframe(
        f'<iframe src="{site_url}embed/symptoms/" width="600" height="1000" title="Guide"></iframe>', secret
    )
    page.goto(host_html(f"{iframe}<script>{WORDPRESS_HOST_SCRIPT}</script>"))
    frame = page.frame_locator("iframe")
    page.wait_for_function("() => !document.querySelector('iframe').hasAttribute('style')")
    frame.locator("a[href*='when-to-get-help']").first.click()
    page.wait_for_function("() => document.querySelector('iframe').height === '1000'")
    inner = next(f for f in page.frames if f != page.main_frame)
    inner.wait_for_url("**/embed/when-to-get-help/**")
    inner.wait_for_load_state("load")
    assert "secret=" + secret in inner.url
    # Only a message carrying WordPress's secret sets the height again; a narrower frame makes the page report.
    page.locator("iframe").evaluate("frame => { frame.height = 1; frame.width = 560; }")
    page.wait_for_function("() => document.querySelector('iframe').height === '1000'", timeout=10_000)
