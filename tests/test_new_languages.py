"""The languages of issue 31 as their readers get them: Chinese in Traditional characters for readers in
Taiwan, Hong Kong and Macau (no Simplified-only forms in the warning signs), and search that finds a warning
sign's word in each new language (Traditional Chinese is cut into words: guide/search/traditional_chinese.py)."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from guide.catalogues.language_registry import load_language
from helpers import search, soup

TRADITIONAL = "zh-Hant"
_TAIWAN = opencc.OpenCC("s2tw")
_HONG_KONG = opencc.OpenCC("s2hk")


def simplified_only(text: str) -> set[str]:
    """Characters that neither Taiwan's nor Hong Kong's standard writes: OpenCC changes them in both."""
    return {char for char in text if _TAIWAN.convert(char) != char and _HONG_KONG.convert(char) != char}


def signs_text(locale: str) -> str:
    wording = load_language(locale).triage
    texts = [*wording.signs.values(), *wording.card.values(), *wording.clinician.values()]
    texts += [text for tier in wording.tiers.values() for text in tier.values()]
    return "".join(texts)


def test_the_traditional_warning_signs_have_no_simplified_only_characters() -> None:
    assert simplified_only(signs_text(TRADITIONAL)) == set()
    assert len(simplified_only(signs_text("zh"))) > 50  # the same words in Simplified characters are found


def test_the_traditional_cards_on_the_page_have_no_simplified_only_characters(site: Path) -> None:
    page = soup(site / TRADITIONAL / "when-to-get-help" / "index.html")
    cards = " ".join(card.get_text(" ") for card in page.select(".triage-box"))
    assert "漏尿" in cards  # the bladder sign is there
    assert simplified_only(cards) == set()
    assert simplified_only(page.select_one("article").get_text(" ")) == set()


# A word of the bladder sign in each new language: 漏尿 ("leaking urine") was cut apart (現漏/尿) by jieba's
# Simplified dictionary on Traditional text, so a reader in Taipei searching it found nothing there.
@pytest.mark.parametrize(("locale", "word"), [("ko", "소변"), (TRADITIONAL, "漏尿")])
def test_search_finds_a_warning_signs_word_in_each_new_language(
    browser, site_url: str, locale: str, word: str
) -> None:
    assert word in load_language(locale).triage.signs["bladder"]
    page = browser.new_page()
    page.goto(site_url + f"{locale}/")
    results = search(page, word)
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(results.count())]
    assert any(f"/{locale}/when-to-get-help/" in href for href in hrefs), hrefs
    assert all(f"/{locale}/" in href for href in hrefs), hrefs
    page.close()
