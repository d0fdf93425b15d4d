"""Words of Traditional Chinese text for the search index.

Material's search splits every run of Chinese characters into words with jieba at build time and joins
them with zero-width spaces, which the search's separator (mkdocs.yml) splits again in the reader's browser.
jieba's dictionary is Simplified: on Traditional text it cuts words apart (新出現漏尿 becomes 新出/現漏/尿,
so a search for 漏尿 finds nothing). A Traditional page is cut again here, where jieba cuts the same text
written in Simplified characters (OpenCC's t2s): 新/出現/漏尿.
"""

from __future__ import annotations

import functools
import re

import jieba
import opencc

ZERO_WIDTH_SPACE = "\u200b"
# Runs of Han characters, as Material's search segments them (\p{script: Han}: CJK ideographs and their
# extensions, compatibility ideographs, 〇 and 々).
_HAN = re.compile(
    "[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f]+"
)


def is_traditional_chinese(locale: str) -> bool:
    """Whether a guide language is Chinese in Traditional characters (zh-Hant, zh-Hant-TW)."""
    return locale.split("-")[:2] == ["zh", "Hant"]


@functools.cache
def _simplifier() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _simplified(run: str) -> str:
    """The run in Simplified characters, one for one (a phrase OpenCC rewrites to another length is
    converted character by character, so that positions keep matching)."""
    simplified = _simplifier().convert(run)
    if len(simplified) != len(run):
        simplified = "".join(
            converted if len(converted := _simplifier().convert(char)) == 1 else char for char in run
        )
    return simplified


def _cut(run: str) -> list[str]:
    """A run of Traditional characters cut into words where jieba cuts its Simplified form."""
    words: list[str] = []
    start = 0
    for word in jieba.cut(_simplified(run)):
        words.append(run[start : start + len(word)])
        start += len(word)
    return words


def traditional_words(text: str) -> str:
    """Text (an index entry's HTML) with each run of Chinese characters split into its words, as Material
    writes Chinese: zero-width spaces around and between the words, none at either end of the text."""
    unsegmented = text.replace(ZERO_WIDTH_SPACE, "")
    segmented = _HAN.sub(
        lambda run: ZERO_WIDTH_SPACE + ZERO_WIDTH_SPACE.join(_cut(run.group(0))) + ZERO_WIDTH_SPACE,
        unsegmented,
    )
    return segmented.strip(ZERO_WIDTH_SPACE)
