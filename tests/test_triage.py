"""The triage catalogue: every urgency box is built from data/triage.yml, so the same sign gets the same
advice on every page, in every language and output; a page or translation that breaks the catalogue's
rules fails the build naming the file and line."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import failed_build
from guide.core.outputs import API_ROOT
from guide.core.site_config import languages, page_url
from guide.catalogues.language_registry import load_language
from guide.catalogues.triage import TIERS, load_catalogue
from helpers import html_files, soup

CORD_SIGNS = {"weakness", "walking", "numbness", "saddle-numbness", "bladder", "bowels", "nerve-root-pain"}
PAGES_WITH_CORD_SIGNS = ("index.md", "symptoms.md", "when-to-get-help.md")


def boxes(path: Path) -> list[tuple[str, list[str]]]:
    """(tier, sign ids) of every urgency box on a built page."""
    found = []
    for box in soup(path).select("div.admonition"):
        tier = next((name for name in TIERS if name in box["class"]), None)
        if tier:
            found.append((tier, [item["data-sign"] for item in box.select("li[data-sign]")]))
    return found


def test_no_sign_stands_in_boxes_of_two_tiers_in_any_language(site: Path) -> None:
    tiers_of_sign: dict[str, set[str]] = defaultdict(set)
    for path in html_files(site):
        for tier, signs in boxes(path):
            for sign in signs:
                tiers_of_sign[sign].add(tier)
    assert tiers_of_sign, "no urgency box found"
    assert {sign: tiers for sign, tiers in tiers_of_sign.items() if len(tiers) > 1} == {}


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
@pytest.mark.parametrize("page", PAGES_WITH_CORD_SIGNS)
def test_every_emergency_box_of_the_main_pages_lists_the_cord_signs(site: Path, language, page: str) -> None:
    found = [
        signs
        for tier, signs in boxes(site / language.url_prefix / page_url(page) / "index.html")
        if tier == "emergency"
    ]
    assert found, f"{language.locale}/{page} has no emergency box"
    for signs in found:
        assert CORD_SIGNS <= set(signs), f"{language.locale}/{page}: missing {CORD_SIGNS - set(signs)}"


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_when_to_get_help_shows_every_sign_in_the_page_language(site: Path, language) -> None:
    page = soup(site / language.url_prefix / "when-to-get-help" / "index.html")
    words = load_language(language.locale).triage
    shown = {}
    for item in page.select("div.admonition li[data-sign]"):
        shown[item["data-sign"]] = " ".join(item.find(string=True, recursive=False).split())
    assert set(shown) == set(load_catalogue().signs)
    for sign, text in shown.items():
        assert text == " ".join(words.signs[sign].split()), (
            f"{language.locale}: sign {sign} is not the catalogue's words"
        )
    for tier in TIERS:
        box = page.select_one(f"div.admonition.{tier}")
        assert box.select_one(".admonition-title").get_text() == words.tiers[tier]["title"]
        assert words.tiers[tier]["action"] in box.select_one(".triage-action").get_text()


def test_cards_hold_no_citation_and_their_why_link_opens_every_source_of_the_card(site: Path) -> None:
    """NHS care-card discipline: no citation link inside a card; one "Why we say this" link to the sources
    page, whose section for that card cites every source of its signs, lead and action."""
    catalogue = load_catalogue()
    for language in languages():
        about = soup(site / language.url_prefix / "about" / "index.html")
        listed = {item["id"] for item in about.select("ol.sources li[id]")}
        for tier in TIERS:
            heading = about.select_one(f"h3#card-{tier}")
            assert heading is not None, f"{language.locale}: no section for the {tier} card"
            assert heading.get_text(strip=True) == load_language(language.locale).triage.tiers[tier]["title"]
        needed = {f"source-{n}" for sign in catalogue.signs.values() for n in sign.sources}
        assert needed <= listed, f"{language.locale}: the sources page does not list {needed - listed}"
    cards = 0
    for path in html_files(site):
        for card in soup(path).select("div.admonition.triage-box"):
            cards += 1
            assert not card.select("sup.citation, a[href^='#source-']"), f"{path}: a citation inside a card"
            why = card.select("p.triage-why a")
            assert len(why) == 1 and "#card-" in why[0]["href"], f"{path}: no single 'Why we say this' link"
    assert cards > 100


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_triage_json_holds_every_sign_in_the_language(site: Path, language) -> None:
    document = json.loads((site / API_ROOT / language.locale / "triage.json").read_text(encoding="utf-8"))
    words = load_language(language.locale).triage
    assert [sign["id"] for sign in document["signs"]] == list(load_catalogue().signs)
    assert all(sign["text"] == words.signs[sign["id"]] for sign in document["signs"])
    assert [tier["id"] for tier in document["tiers"]] == list(TIERS)


# --- A page or translation that breaks the rules fails the build with the file and line -----------------


def edit_line(path: Path, find: Callable[[str], bool], change: Callable[[str], str]) -> int:
    """Change the first line that `find` accepts; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(index for index, line in enumerate(lines) if find(line))
    lines[index] = change(lines[index])
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


@pytest.mark.languages("en")
def test_a_sign_in_a_box_of_another_tier_fails_with_file_and_line(small_project: Path) -> None:
    line = edit_line(
        small_project / "docs/en/when-to-get-help.md",
        lambda line: line.strip().startswith("signs: new-back-pain"),
        lambda line: line + ", weakness",
    )
    assert f"docs/en/when-to-get-help.md:{line}: sign 'weakness' belongs in emergency boxes" in failed_build(
        small_project
    )


@pytest.mark.languages("en", "es")
def test_an_unknown_sign_fails_with_file_and_line(small_project: Path) -> None:
    line = edit_line(
        small_project / "docs/es/index.md",
        lambda line: line.strip().startswith("signs:"),
        lambda line: line + ", leg-cramps",
    )
    assert f"docs/es/index.md:{line}: unknown sign 'leg-cramps'" in failed_build(small_project)


@pytest.mark.languages("en", "fr")
def test_a_translation_missing_a_sign_fails_naming_file_and_key(small_project: Path) -> None:
    line = edit_line(
        small_project / "translations/fr.yml",
        lambda line: line.strip().startswith("walking:"),
        lambda line: '    walking: ""',
    )
    assert f"translations/fr.yml:{line}: missing or empty 'triage.signs.walking'" in failed_build(
        small_project
    )


@pytest.mark.languages("en", "zh")
def test_a_box_with_its_own_words_fails_with_file_and_line(small_project: Path) -> None:
    line = edit_line(
        small_project / "docs/zh/when-to-get-help.md",
        lambda line: line.startswith("!!! emergency"),
        lambda line: '!!! emergency "下次复诊时再说"',
    )
    assert f"docs/zh/when-to-get-help.md:{line}: write '!!! emergency' with nothing after it" in failed_build(
        small_project
    )


@pytest.mark.languages("en", "ar")
def test_a_translation_with_other_signs_than_english_fails(small_project: Path) -> None:
    line = edit_line(
        small_project / "docs/ar/index.md",
        lambda line: line.strip().startswith("signs: weakness"),
        lambda line: line.replace("weakness, ", ""),
    )
    output = failed_build(small_project)
    assert re.search(
        rf"docs/ar/index.md:{line - 1}: urgency box 1 should be '!!! emergency' with 'signs: weakness",
        output,
    )


# --- Cards for the moment of need (NHS care-card discipline) and the clinical corrections -------------


def test_signs_people_may_already_have_are_an_emergency_only_when_new_or_worse() -> None:
    english = load_catalogue().english.signs
    for sign in (
        "weakness",
        "numbness",
        "saddle-numbness",
        "bladder",
        "bowels",
        "nerve-root-pain",
        "walking-leg-pain",
    ):
        assert english[sign].startswith(("new ", "a new ")), f"{sign}: {english[sign]}"
    for sign in ("bladder", "bowels"):  # leaking, too, only when new
        assert "new leaking" in english[sign]


def test_clots_and_bleeding_call_the_emergency_number_first_and_a_calf_alone_is_same_day() -> None:
    catalogue = load_catalogue()
    assert catalogue.signs["clot-in-lung"].tier == catalogue.signs["vomiting-blood"].tier == "other-emergency"
    assert catalogue.english.tiers["other-emergency"]["action"].startswith("Call your emergency number now")
    assert catalogue.signs["swollen-calf"].tier == "urgent"
    assert "first sign of cancer" in catalogue.english.tiers["emergency"]["lead"]
    assert all("first sign of cancer" not in catalogue.english.tiers[tier]["lead"] for tier in TIERS[1:])
    assert "Do not drive" in catalogue.english.tiers["emergency"]["action"]
    assert "night" in catalogue.english.tiers["urgent"]["action"]


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_card_titles_are_headings_that_name_their_landmark(site: Path, language) -> None:
    page = soup(site / language.url_prefix / "when-to-get-help" / "index.html")
    cards = page.select("div.admonition.triage-box")
    assert [card["class"][1] for card in cards][:2] == ["emergency", "other-emergency"]
    for card in cards:
        title = card.find(["h2", "h3", "h4"], class_="admonition-title")
        assert title is not None
    for card in {card["class"][1]: card for card in reversed(cards)}.values():  # the first of each kind
        title = card.find(["h2", "h3", "h4"], class_="admonition-title")
        assert card["role"] == "region" and card["aria-labelledby"] == title["id"]
        assert len(card.select("li[data-sign]")) <= 9


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_the_offline_page_carries_the_emergency_card_and_the_saved_help_page(site: Path, language) -> None:
    page = soup(site / language.url_prefix / "offline" / "index.html")
    card = page.select_one("div.admonition.emergency")
    assert card is not None and card.select("li[data-sign]"), f"{language.locale}: no emergency card offline"
    first = load_language(language.locale).countries[0]
    assert card.select_one(f".emergency-call__item[data-country='{first}'] a[href^='tel:']") is not None
    assert page.select_one(".offline-help a[href*='when-to-get-help']") is not None
