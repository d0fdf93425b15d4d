"""Numbers, phone and mail targets and link addresses, as readers receive them (guide/checks/reader_facts.py)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from guide.core.digits import DigitRun, _any_digit, _digit_runs_of_each_character
from guide.checks.reader_facts import browser_address_problem, digit_runs, new_digit_run, reader_facts


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("Call 999 now", ["999"]),
        ("اتصل ٩٩٩", ["999"]),  # Arabic-Indic
        ("تماس ۱۱۵", ["115"]),  # Extended Arabic-Indic (Persian, Urdu)
        ("कॉल १०८", ["108"]),  # Devanagari
        ("拨打１２０", ["120"]),  # full-width
        ("call ⁹⁹⁹", ["999"]),  # superscript
        ("call ①①②", ["112"]),  # circled
        ("call 𝟗𝟗𝟗", ["999"]),  # mathematical bold
        ("ফোন ৯৯৯", ["999"]),  # Bengali
        ("0800 123-456", ["0800", "123", "456"]),
        ("no digits, 三 is a word", []),
    ],
)
def test_digit_runs_in_any_script(text: str, digits: list[str]) -> None:
    assert [run.digits for run in digit_runs(text)] == digits


def test_a_run_remembers_how_it_is_written() -> None:
    assert [run.written for run in digit_runs("اتصل ٩٩٩ أو ⁰⁸⁰⁰")] == ["٩٩٩", "⁰⁸⁰⁰"]


def test_the_quick_way_finds_what_reading_each_character_finds() -> None:
    """digit_runs answers ASCII text and text without a digit in C; every character whose normal form holds
    a digit, alone and between letters, gets the runs the character-by-character reading gets."""
    with_a_digit = [
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if any(part.isdigit() for part in unicodedata.normalize("NFKC", char))
    ]
    assert len(with_a_digit) > 700
    every_digit = [char for char in map(chr, range(sys.maxunicode + 1)) if char.isdigit()]
    assert [char for char in every_digit if _any_digit().fullmatch(char)] == every_digit
    for char in with_a_digit:
        for text in (char, f"a{char}b", f"é 1{char}2 ٩"):
            assert digit_runs(text) == _digit_runs_of_each_character(text), hex(ord(char))
    assert digit_runs("sans chiffre, 三") == [] and digit_runs("call 999") == [DigitRun("999", "999")]


def test_the_same_number_in_another_script_is_not_new() -> None:
    assert new_digit_run("خلال ٢٤ ساعة", "within 24 hours") is None
    assert new_digit_run("خلال ٢٤ ساعة اتصل ٠٨٠٠", "within 24 hours").written == "٠٨٠٠"


@pytest.mark.parametrize(
    "address",
    [
        "https:\\\\evil.example/",
        "https://evil\\@www.nice.org.uk/",
        "https://evil.example\\.nice.org.uk/",
        "https://evil@www.nice.org.uk/",
        "https://www.nice.org.uk:443@evil.example/",
        "https:evil.example",
        "https:///evil.example/",
        "https://evil%2Eexample/",
        "https://www。nice。org。uk/",
        "https://ｅｖｉｌ.example/",
        "HTTPS://evil@nice.org.uk",
        "https://ev\til@nice.org.uk/",
        "a\\b.md",
    ],
)
def test_addresses_a_browser_may_read_differently_are_refused(address: str) -> None:
    assert browser_address_problem(address) is not None


@pytest.mark.parametrize(
    "address",
    [
        "https://www.nice.org.uk/guidance/ng234",
        "https://www.nhs.uk:443/conditions/?q=1#a",
        "when-to-get-help/#emergency",
        "../symptoms/",
        "mailto:team@example.org",
        "tel:+441234567890",
        "#source-2",
    ],
)
def test_plain_addresses_pass(address: str) -> None:
    assert browser_address_problem(address) is None


def test_facts_leave_out_the_call_area_and_read_links_and_attributes() -> None:
    html = (
        '<div class="emergency-call"><a href="tel:112">112</a></div>'
        '<p>Ring <a href="tel:+44%20800%20123">us</a> or <a href="&#109;ailto:A@Example.org?subject=x">'
        'write</a>.<img src="x.png" alt="code ٧٧"></p>'
    )
    facts = reader_facts(html)
    assert set(facts.digits) == {"77"}
    assert set(facts.phones) == {"+44800123"}
    assert set(facts.mail) == {"a@example.org"}
