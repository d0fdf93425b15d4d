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
from guidelib.outputs import API_ROOT
from guidelib.site_config import languages, page_url
from guidelib.language_registry import load_language
from guidelib.triage import TIERS, load_catalogue
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


def test_every_page_with_a_box_lists_the_sources_its_box_cites(site: Path) -> None:
    catalogue = load_catalogue()
    for path in html_files(site):
        page = soup(path)
        listed = {item["id"] for item in page.select("ol.sources li[id]")}
        for item in page.select("div.admonition li[data-sign]"):
            needed = {f"source-{number}" for number in catalogue.signs[item["data-sign"]].sources}
            assert needed <= listed, (
                f"{path.relative_to(site)}: sign {item['data-sign']} cites unlisted sources"
            )


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
