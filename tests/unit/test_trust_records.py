"""The pure parts of approvals, reviews and the report link: small cases, no build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from guide.approvals.records import DRAFT, Approval, approvals_document, parse_approvals
from guide.approvals.reviews import Review, parse_reviews, review_state, reviews_document, text_hash
from guide.approvals.safety_wording import CARD_STRINGS, NOTICE_STRINGS, safety_texts, value_at
from guide.approvals.safety_wording import text_hash as wording_hash
from guide.approvals.steps import _dotted_keys, unapproved_keys
from guide.catalogues.triage import CARD_TEXTS, CLINICIAN_TEXTS, TIERS, Wording
from guide.core.input_files import ContentError
from guide.page.report_link import report_url
from guide.page.review_notice import review_lines
from guide.translation.key_terms import KeyTerm, card_term_gaps, letters, page_words

PATH = Path("data/x.yml")


def _wording(sign: str = "weakness in the legs") -> Wording:
    return Wording(
        tiers={tier: {"title": f"{tier} title", "lead": "lead", "action": "action"} for tier in TIERS},
        signs={"weakness": sign},
        card={text: text for text in CARD_TEXTS},
        clinician={text: text for text in CLINICIAN_TEXTS},
    )


def test_safety_texts_cover_cards_signs_the_alert_card_and_card_strings() -> None:
    texts = safety_texts(_wording(), {key: key for key in (*CARD_STRINGS, *NOTICE_STRINGS)})
    assert texts["triage.signs.weakness"] == "weakness in the legs"
    assert texts["triage.tiers.emergency.action"] == "action"
    assert texts["triage.card.clinician.mri"] == "mri"
    assert texts["strings.why_we_say_this"] == "why_we_say_this"
    assert len(texts) == len(TIERS) * 3 + 1 + len(CARD_TEXTS) + len(CLINICIAN_TEXTS) + len(
        CARD_STRINGS
    ) + len(NOTICE_STRINGS)


def test_a_changed_text_has_no_record_until_one_is_written() -> None:
    record = Approval(wording_hash("weakness in the legs"), DRAFT, None, None, dt.date(2026, 12, 6), "")
    assert (
        unapproved_keys({"triage.signs.weakness": "weakness in the legs"}, {"triage.signs.weakness": record})
        == []
    )
    assert unapproved_keys({"triage.signs.weakness": "not urgent"}, {"triage.signs.weakness": record}) == [
        "triage.signs.weakness"
    ]
    assert unapproved_keys({"triage.signs.walking": "x"}, {}) == ["triage.signs.walking"]


def test_the_approvals_file_reads_back_what_it_writes() -> None:
    approvals = {
        "es": {
            "triage.signs.weakness": Approval(
                "0123456789ab",
                "approved",
                'Dr "A" Ruiz',
                "nurse: oncology",
                dt.date(2026, 12, 6),
                "weak: legs",
            )
        }
    }
    parsed = parse_approvals(approvals_document(approvals, "# header\n"), PATH)
    assert parsed["es"]["triage.signs.weakness"].approved_by == 'Dr "A" Ruiz'
    assert parsed["es"]["triage.signs.weakness"].back_translation == "weak: legs"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            '{hash: "0123456789ab", state: approved, approved_by: null, role: null, date: 2026-12-06, back_translation: "x"}',
            "an approval names who approved it",
        ),
        (
            '{hash: "0123456789ab", state: draft, approved_by: "Dr X", role: null, date: 2026-12-06, back_translation: ""}',
            "a draft has approved_by: null",
        ),
        (
            '{hash: "012", state: draft, approved_by: null, role: null, date: 2026-12-06, back_translation: ""}',
            "hash must be 12 hexadecimal digits",
        ),
        (
            '{hash: "0123456789ab", state: ok, approved_by: null, role: null, date: 2026-12-06, back_translation: ""}',
            "state must be one of draft, approved",
        ),
        ('{hash: "0123456789ab", state: draft}', "must have exactly hash, state"),
    ],
    ids=["approved by nobody", "draft with an approver", "short hash", "unknown state", "missing fields"],
)
def test_a_bad_approval_record_is_refused_with_its_line(record: str, message: str) -> None:
    text = f"approvals:\n  es:\n    triage.signs.weakness: {record}\n"
    with pytest.raises(ContentError, match=message) as error:
        parse_approvals(text, PATH)
    assert str(error.value).startswith(f"{PATH}:3:")


def test_value_at_reads_a_dotted_key() -> None:
    data = {"triage": {"signs": {"weakness": " weak "}}, "strings": {"x": ""}}
    assert value_at(data, "triage.signs.weakness") == "weak"
    assert value_at(data, "strings.x") is None
    assert value_at(data, "triage.tiers.emergency.title") is None


def test_a_back_translation_names_each_easy_read_action_by_its_place() -> None:
    data = {"triage": {"easy_read": {"tiers": {"urgent": {"heading": "h", "actions": ["a", "b"]}}}}}
    assert _dotted_keys(data) == [
        "triage.easy_read.tiers.urgent.heading",
        "triage.easy_read.tiers.urgent.actions.0",
        "triage.easy_read.tiers.urgent.actions.1",
    ]
    assert value_at(data, "triage.easy_read.tiers.urgent.actions.1") == "b"


REVIEW = Review(
    "when-to-get-help",
    "es",
    "Dr Ruiz",
    "oncologist",
    dt.date(2026, 3, 1),
    text_hash("---\na: 1\n---\nText\n"),
)


def test_a_review_holds_for_a_year_on_a_page_with_cards_and_three_years_otherwise() -> None:
    current = REVIEW.hash
    with_cards = review_state((REVIEW,), "when-to-get-help", "es", current, has_cards=True)
    assert (with_cards.reviewed, with_cards.stale, with_cards.next_due) == (True, False, dt.date(2027, 3, 1))
    other = review_state((REVIEW,), "when-to-get-help", "es", current, has_cards=False)
    assert other.next_due == dt.date(2029, 3, 1)


def test_a_review_of_29_february_is_due_on_28_february() -> None:
    leap = Review("a", "es", "Dr", "nurse", dt.date(2024, 2, 29), "0123456789ab")
    assert review_state((leap,), "a", "es", "0123456789ab", has_cards=True).next_due == dt.date(2025, 2, 28)


def test_a_changed_text_makes_the_latest_review_stale() -> None:
    older = Review("when-to-get-help", "es", "Dr Old", "nurse", dt.date(2025, 1, 1), "aaaaaaaaaaaa")
    state = review_state((older, REVIEW), "when-to-get-help", "es", "bbbbbbbbbbbb", has_cards=True)
    assert (state.reviewed, state.stale, state.reviewer, state.next_due) == (False, True, "Dr Ruiz", None)
    assert (
        review_state((REVIEW,), "when-to-get-help", "fr", REVIEW.hash, True).reviewer is None
    )  # other language


def test_the_fingerprint_is_of_the_text_not_the_front_matter() -> None:
    assert text_hash("---\nstate: draft\n---\nText\n") == text_hash("---\nstate: reviewed\n---\nText\n")
    assert text_hash("---\na: 1\n---\nText\n") != text_hash("---\na: 1\n---\nOther text\n")


def test_the_reviews_file_reads_back_what_it_writes() -> None:
    assert parse_reviews(reviews_document((REVIEW,), "# header\n"), PATH) == (REVIEW,)
    assert parse_reviews(reviews_document((), "# header\n"), PATH) == ()


def test_a_review_without_a_reviewer_is_refused() -> None:
    text = 'reviews:\n  - {page: a, language: es, reviewer: "", role: "x", date: 2026-01-01, hash: "0123456789ab"}\n'
    with pytest.raises(ContentError, match=f"{PATH}:2: a review names the page, the language, the reviewer"):
        parse_reviews(text, PATH)


def test_the_notice_lines() -> None:
    strings = {
        "review_by": "By {name} ({role}) on {date}.",
        "review_due": "Due {date}.",
        "review_stale": "Old {name} {role} {date}.",
    }
    state = review_state((REVIEW,), "when-to-get-help", "es", REVIEW.hash, True)
    assert review_lines(state, strings) == {
        "checked": "By Dr Ruiz (oncologist) on 2026-03-01.",
        "due": "Due 2027-03-01.",
    }
    stale = review_state((REVIEW,), "when-to-get-help", "es", "cccccccccccc", True)
    assert review_lines(stale, strings) == {"checked": "Old Dr Ruiz oncologist 2026-03-01."}
    assert review_lines(review_state((), "x", "es", "c", True), strings) == {}


def test_the_report_link_fills_the_form_and_nothing_else() -> None:
    url = report_url(
        "https://github.com/o/r/", "https://guide.example/es/symptoms/?a=1&b", "es", "0123456789ab"
    )
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/o/r/issues/new")
    assert parse_qs(parts.query) == {
        "template": ["report-a-mistake.yml"],
        "page": ["https://guide.example/es/symptoms/?a=1&b"],
        "language": ["es"],
        "version": ["0123456789ab"],
    }


def test_letters_count_wide_characters_twice() -> None:
    assert letters("u") == 1
    assert letters("urgence") == 7
    assert letters("急") == 2
    assert letters("急诊") == 4
    assert letters("u.") == 1


def test_a_term_in_an_unused_link_definition_is_not_a_word_of_the_page() -> None:
    words = page_words("---\ntitle: x\n---\nTexte.\n\n[urgence]: https://example.org/\n")
    assert "urgence" not in words
    assert "texte" in words


def _term(english: str, use: str, safety: bool = True) -> KeyTerm:
    return KeyTerm(english=english, use=use, accept=(), safety=safety, line=3)


def test_a_card_that_loses_a_safety_term_is_found() -> None:
    english = {"emergency": _term("emergency", "emergency"), "steroids": _term("steroids", "steroids", False)}
    french = {"emergency": _term("emergency", "urgence"), "steroids": _term("steroids", "corticoïdes")}
    cards = {
        "tiers.emergency": ("Emergency: get help now", "Quand vous aurez le temps"),
        "tiers.urgent": ("Call your team today", "Appelez votre équipe"),
        "card": ("Take steroids", "Prenez"),  # not a safety term: not this check's concern
    }
    assert card_term_gaps(cards, english, french) == [("tiers.emergency", french["emergency"])]
