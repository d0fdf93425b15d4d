"""The diagrams (a spine from the side, a body map) as readers receive them: on the overview and the symptoms
page in every language, in the embeds and offline; every word in any picture from that language's file; the
labels beside the drawing and inside the picture, on the mirrored side in Arabic; drawn in the colours of
each scheme; nothing moves. (The handouts: tests/test_handouts.py; the bytes: tests/test_pictograms.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import build_site, failed_build
from guide.catalogues.language_registry import load_language
from guide.core.outputs import embed_path
from guide.core.project import project
from guide.core.site_config import languages, text_direction
from guide.diagrams.steps import CAPTIONS
from helpers import edit, html_files, soup
from test_browser import CONTRAST_JS
from test_emergency_numbers import LAYOUT_SHIFT

PLACED = {"": ["spine-diagram"], "symptoms/": ["body-map", "spine-diagram"]}
ALT = {"spine-diagram": "diagram_spine_alt", "body-map": "diagram_body_alt"}
PHONE = {"width": 390, "height": 844}


def _figures(path: Path) -> list:
    return soup(path).select("figure.diagram")


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_the_overview_and_symptoms_show_their_diagrams_with_alt_text_and_a_cited_caption(
    site: Path, language
) -> None:
    strings = load_language(language.locale).strings
    for page, expected in PLACED.items():
        for where in (language.url_prefix + page, embed_path(language.locale, page)):
            figures = _figures(site / where / "index.html")
            assert [figure.svg["data-diagram"] for figure in figures] == expected, where
            for figure, kind in zip(figures, expected, strict=True):
                svg = figure.svg
                assert svg["role"] == "img" and svg["aria-label"] == strings[ALT[kind]], where
                assert svg["direction"] == text_direction(language.locale), where
                caption = figure.figcaption
                assert caption.get_text().startswith(strings[CAPTIONS[kind]]), where
                for link in caption.select("sup.citation a"):  # each cited source is in the page's list
                    assert soup(site / where / "index.html").select_one(link["href"]), f"{where}: {link}"


def _file_words(locale: str) -> list[str]:
    """Every string of translations/<lang>.yml."""

    def walk(node: object) -> list[str]:
        if isinstance(node, dict):
            return [text for value in node.values() for text in walk(value)]
        if isinstance(node, list):
            return [text for value in node for text in walk(value)]
        return [node] if isinstance(node, str) else []

    return walk(
        yaml.safe_load((project().root / "translations" / f"{locale}.yml").read_text(encoding="utf-8"))
    )


def test_no_svg_in_the_built_site_carries_words_not_in_its_languages_file(site: Path) -> None:
    words = {language.locale: _file_words(language.locale) for language in languages()}
    with_words = 0
    for path in html_files(site):
        page = soup(path)
        locale = page.html.get("lang", "")
        for svg in page.find_all("svg"):
            for piece in (text.strip() for text in svg.find_all(string=True)):
                if piece:
                    with_words += 1
                    assert any(piece in text for text in words[locale]), (
                        f"{path.relative_to(site)}: an SVG says {piece!r}, which is not in translations/{locale}.yml"
                    )
    assert with_words, "no diagram label found in the site"


@pytest.mark.languages("en", "fr")
def test_a_diagram_marker_with_a_title_or_a_dropped_diagram_stops_the_build_in_one_line(
    small_project: Path,
) -> None:
    english, french = small_project / "docs/en/index.md", small_project / "docs/fr/index.md"
    for page in (english, french):
        edit(
            page,
            lambda text: re.sub(r"\n(## .*\{#radiotherapy\})", r"\n!!! spine-diagram\n\n\1", text, count=1),
        )
    assert build_site(small_project, small_project / "site").returncode == 0
    edit(french, lambda text: text.replace("!!! spine-diagram", '!!! spine-diagram "Ma colonne"'))
    output = failed_build(small_project)
    assert (
        "docs/fr/index.md:" in output
        and ": write the diagram as '!!! spine-diagram' alone on its line" in output
    )
    edit(french, lambda text: text.replace('!!! spine-diagram "Ma colonne"\n', ""))
    assert "the diagrams should be the English page's, in its order: '!!! spine-diagram'" in failed_build(
        small_project
    )
    # A label too long for its place in the picture: the line of the language's file.
    edit(
        small_project / "translations/fr.yml",
        lambda text: re.sub(
            r'(?m)^  diagram_front: ".*"$', '  diagram_front: "Vue de face de tout le corps"', text
        ),
    )
    output = failed_build(small_project)
    assert re.search(
        r"translations/fr\.yml:\d+: 'strings\.diagram_front' is too long for its place", output
    ), output


# --- in Chromium -----------------------------------------------------------------------------------------

GEOMETRY = """() => [...document.querySelectorAll("svg.diagram__picture")].map((svg) => {
    const box = (element) => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const drawing = svg.querySelector(".diagram__bone, .diagram__body");
    return {
        kind: svg.dataset.diagram, picture: box(svg), drawing: box(drawing),
        labels: [...svg.querySelectorAll(".diagram__labels text")].map(box),
    };
})"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_labels_stand_beside_the_drawing_inside_the_picture_and_nothing_moves(
    browser, site_url: str, language
) -> None:
    """On a phone: each label whole inside its picture, none over another; the spine's four parts on the
    front side of the spine (right, or left in right-to-left Arabic); the page does not move as it scrolls."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(site_url + language.url_prefix + "symptoms/")
    page.locator("svg.diagram__picture").last.scroll_into_view_if_needed()
    shift = page.evaluate(LAYOUT_SHIFT)
    # The bound of every other layout test (tests/test_emergency_numbers.py): ko measured 0.0008 once in CI.
    assert shift < 0.001, f"{language.locale}: layout shift {shift}"
    rtl = text_direction(language.locale) == "rtl"
    for diagram in page.evaluate(GEOMETRY):
        picture, drawing, labels = diagram["picture"], diagram["drawing"], diagram["labels"]
        where = f"{language.locale} {diagram['kind']}"
        assert picture[2] - picture[0] <= PHONE["width"], where
        for index, label in enumerate(labels):
            assert picture[0] - 1 <= label[0] and label[2] <= picture[2] + 1, (
                f"{where}: label {index} is cut off"
            )
            assert picture[1] - 1 <= label[1] and label[3] <= picture[3] + 1, (
                f"{where}: label {index} is cut off"
            )
            assert not any(_overlap(label, other) for other in labels[index + 1 :]), (
                f"{where}: labels overlap"
            )
        if diagram["kind"] == "spine-diagram":
            for part in labels[:4]:
                assert (part[2] <= drawing[0]) if rtl else (part[0] >= drawing[2]), (
                    f"{where}: {part} {drawing}"
                )
    context.close()


@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_diagrams_are_drawn_in_the_schemes_colours_with_readable_labels(
    browser, site_url: str, scheme
) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + "symptoms/")
    colours = page.evaluate(
        "(() => { const c = " + CONTRAST_JS + ";"
        """const svg = document.querySelector("svg[data-diagram=spine-diagram]");
        const label = svg.querySelector(".diagram__labels text");
        const fill = (selector) => getComputedStyle(svg.querySelector(selector)).fill;
        return { label: c.contrast(getComputedStyle(label).fill, c.background(svg)),
                 text: getComputedStyle(label).fill === getComputedStyle(svg.closest("article")).color,
                 bone: fill(".diagram__bone"), cord: getComputedStyle(svg.querySelector(".diagram__cord")).stroke }; })()"""
    )
    page.close()
    assert colours["text"], f"{scheme}: labels are not in the text colour"
    assert colours["label"] >= 4.5, f"{scheme}: labels contrast {colours['label']:.2f}"
    expected = {
        "light": ("rgb(239, 230, 210)", "rgb(154, 106, 0)"),
        "dark": ("rgb(74, 70, 88)", "rgb(240, 194, 74)"),
    }
    assert (colours["bone"], colours["cord"]) == expected[scheme]


def test_the_diagrams_are_there_offline_after_one_visit(browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "ar/")
    page.locator("[data-offline-ready]").wait_for(state="visible", timeout=60_000)
    context.set_offline(True)
    page.goto(site_url + "ar/symptoms/")
    pictures = page.locator("svg.diagram__picture")
    assert pictures.count() == 2
    assert all(pictures.nth(index).bounding_box()["height"] > 200 for index in range(2))
    context.close()
