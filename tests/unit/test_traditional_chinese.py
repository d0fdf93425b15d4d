"""Traditional Chinese in the search index: cut into words where jieba cuts the Simplified form."""

from __future__ import annotations

import pytest
from guide.search.search_index import language_index
from guide.search.traditional_chinese import ZERO_WIDTH_SPACE as ZWSP
from guide.search.traditional_chinese import is_traditional_chinese, traditional_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # jieba alone, on Traditional characters: 新出/現漏/尿 (and a search for 漏尿 finds nothing).
        ("新出現漏尿", ["新", "出現", "漏尿"]),
        ("脊髓壓迫之後的生活", ["脊髓", "壓迫", "之後", "的", "生活"]),
        # 乾燥 becomes 干燥 in Simplified: same length, the Traditional characters are kept.
        ("皮膚乾燥", ["皮膚", "乾燥"]),
    ],
)
def test_traditional_text_is_cut_into_its_words(text: str, words: list[str]) -> None:
    assert traditional_words(text) == ZWSP.join(words)


def test_only_chinese_runs_are_cut_and_material_s_first_cut_is_replaced() -> None:
    material = f"<p>{ZWSP}新出{ZWSP}現漏{ZWSP}尿{ZWSP}，24 小時 MRI</p>"
    assert (
        traditional_words(material) == f"<p>{ZWSP}新{ZWSP}出現{ZWSP}漏尿{ZWSP}，24 {ZWSP}小時{ZWSP} MRI</p>"
    )


@pytest.mark.parametrize(
    ("locale", "traditional"),
    [("zh-Hant", True), ("zh-Hant-TW", True), ("zh", False), ("zh-Hans", False), ("ko", False)],
)
def test_which_languages_are_traditional_chinese(locale: str, traditional: bool) -> None:
    assert is_traditional_chinese(locale) is traditional


def test_only_the_traditional_index_is_cut_again() -> None:
    cut_by_material = f"新出{ZWSP}現漏{ZWSP}尿"
    whole_site = {
        "config": {"lang": ["en"], "separator": "[\\s\\u200b]+"},
        "docs": [
            {"location": "zh-Hant/symptoms/", "title": "症狀", "text": cut_by_material},
            {"location": "zh/symptoms/", "title": "症状", "text": cut_by_material},
        ],
    }
    hant = language_index(whole_site, "zh-Hant", "zh-Hant/", relative_to_language=True)["docs"]
    simplified = language_index(whole_site, "zh", "zh/", relative_to_language=True)["docs"]
    assert hant == [{"location": "symptoms/", "title": "症狀", "text": f"新{ZWSP}出現{ZWSP}漏尿"}]
    assert simplified[0]["text"] == cut_by_material
