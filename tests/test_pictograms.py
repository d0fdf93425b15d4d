"""Pictograms in the built site: every sign and every action of every card, in every language, has the
Health Icons pictogram that data/triage.yml names for it, as inline SVG that carries no words; a machine
without `npm ci` gets one line saying so."""

from __future__ import annotations

from pathlib import Path

from conftest import failed_build
from guide.catalogues.pictograms import BUDGET_BYTES, compressed_bytes_added
from guide.catalogues.triage import TIERS, load_catalogue
from guide.core.site_config import languages
from helpers import html_files, soup

# Every element a pictogram may hold (guide/catalogues/pictograms.py).
SVG_ELEMENTS = {"svg", "path", "g"}


def test_every_sign_and_action_of_every_card_has_its_pictogram_in_every_language(site: Path) -> None:
    catalogue = load_catalogue()
    with_cards: set[str] = set()
    for path in html_files(site):
        page = soup(path)
        for card in page.select(".triage-box"):
            with_cards.add(page.html.get("lang", ""))
            tier = next(name for name in TIERS if name in card["class"])
            where = f"{path.relative_to(site)} ({tier} card)"
            action = card.select_one(".admonition-title > svg.pictogram")  # right above the action
            assert action is not None, f"{where}: the action has no pictogram"
            assert action["data-icon"] == catalogue.tiers[tier].action_icon, where
            for item in card.select("li[data-sign]"):
                pictogram = item.select_one(":scope > svg.pictogram")
                assert pictogram is not None, f"{where}: sign {item['data-sign']} has no pictogram"
                assert pictogram["data-icon"] == catalogue.signs[item["data-sign"]].icon, where
                assert pictogram["aria-hidden"] == "true", where
                assert item.get_text().strip(), f"{where}: sign {item['data-sign']} has no words beside it"
    assert {language.locale for language in languages()} <= with_cards


def test_no_pictogram_carries_words(site: Path) -> None:
    """Every word near a pictogram comes from the language's file: its SVG holds shapes only, no text, title
    or description, and no element a picture could hide words in. (The diagrams' words: tests/test_diagrams.py.)"""
    found = 0
    for path in html_files(site):
        for svg in soup(path).select("svg.pictogram"):
            found += 1
            assert not svg.get_text().strip(), (
                f"{path.relative_to(site)}: an SVG holds the text {svg.get_text()!r}"
            )
            others = {element.name for element in svg.find_all(True)} - SVG_ELEMENTS
            assert not others, f"{path.relative_to(site)}: an SVG holds {others}"
    assert found, "no pictogram found in the site"


def test_the_pictograms_add_at_most_15_kib_compressed_to_any_page(site: Path) -> None:
    """The first view of a page is its HTML, its styles and scripts: the pictograms are all in the HTML."""
    costs = {path: compressed_bytes_added(path.read_text(encoding="utf-8")) for path in html_files(site)}
    heaviest = max(costs, key=costs.__getitem__)
    assert costs[heaviest] <= BUDGET_BYTES, (
        f"{heaviest.relative_to(site)}: the pictograms add {costs[heaviest]} bytes"
    )
    assert costs[heaviest] > 1024, "no pictogram measured"


def test_a_build_without_npm_ci_stops_with_one_line_asking_for_it(small_project: Path) -> None:
    (small_project / "node_modules").unlink()
    output = failed_build(small_project)
    assert (
        "package.json:1: the pictograms (@iconify-json/healthicons, pinned in package.json) are not "
        in output
    )
    assert "run `npm ci` in the project folder" in output
