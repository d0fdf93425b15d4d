"""What counts as one Easy Read sentence: at most 15 words (Chinese counted with jieba), one sentence."""

from __future__ import annotations

import pytest
from guide.easy_read.sentences import MAX_WORDS, sentence_problem, word_count


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Call your cancer team now, day or night.", "en", 8),
        ("If you cannot reach them, call your family doctor's out-of-hours service.", "en", 11),
        ("Si vous ne pouvez pas la joindre, appelez le numéro d'urgence.", "fr", 11),
        # Tanwin and short vowels are combining marks: "ليلًا" stays one word.
        ("اتصل بفريق السرطان الآن، ليلًا أو نهارًا.", "ar", 7),
        ("Gọi ngay cho nhóm ung bướu, dù ngày hay đêm.", "vi", 10),  # Vietnamese: one syllable, one word
        # Chinese writes no spaces: jieba finds the words; punctuation is no word.
        ("不要自己开车。", "zh", 3),
    ],
)
def test_words_are_counted_in_the_language(text: str, language: str, words: int) -> None:
    assert word_count(text, language) == words


def test_a_chinese_sentence_is_counted_in_words_not_characters() -> None:
    sentence = "现在就打电话给您的癌症团队，白天晚上都可以。"
    assert word_count(sentence, "zh") < len(sentence) - 2
    assert word_count(sentence * 2, "zh") == 2 * word_count(sentence, "zh")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Call your cancer team now, day or night.", "en"),
        ("Do not drive yourself.", "en"),
        ("如果联系不上他们，请拨打急救电话。", "zh"),
        ("إذا لم تستطع الوصول إليهم، فاتصل برقم الطوارئ.", "ar"),
    ],
)
def test_a_short_sentence_passes(text: str, language: str) -> None:
    assert sentence_problem(text, language) is None


def test_a_sixteenth_word_is_refused() -> None:
    fifteen = " ".join(["word"] * MAX_WORDS) + "."
    assert sentence_problem(fifteen, "en") is None
    problem = sentence_problem("one " + fifteen, "en")
    assert problem is not None and "has 16 words" in problem


def test_a_long_chinese_sentence_is_refused() -> None:
    problem = sentence_problem("如果您的腿没有力气或发麻，请叫救护车，" * 3, "zh")
    assert problem is not None and "words" in problem


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Call now. Then rest.", "en"),
        ("现在就拨打急救电话。然后告诉您的癌症团队。", "zh"),
        ("اتصل برقم الطوارئ الآن. ثم أخبر فريق السرطان.", "ar"),
        ("Is it new? Call your team.", "en"),
    ],
)
def test_two_sentences_in_one_line_are_refused(text: str, language: str) -> None:
    problem = sentence_problem(text, language)
    assert problem is not None and "more than one sentence" in problem


def test_the_easy_read_link_follows_the_first_card() -> None:
    from guide.easy_read.page import after_first_card

    card = '<div class="admonition emergency"><p class="triage-why"><a href="x">Why</a></p></div>'
    page = f"<h1>Help</h1>{card}{card}"
    assert after_first_card(page, "<p>E</p>") == f"<h1>Help</h1>{card}<p>E</p>{card}"
    assert after_first_card("<h1>No card</h1>", "<p>E</p>") == "<h1>No card</h1>"
