"""Urgency cards in a page's Markdown: found, checked against the catalogue, replaced in order."""

from __future__ import annotations

import pytest
from guide.cards.urgency_boxes import Box, find_boxes, replace_boxes
from guide.core.pages import ContentError

PAGE = """---
title: A page
---
# A page

Some text.

## Warning signs

!!! emergency
    signs: weakness, bladder

Between the cards.

!!! urgent
    signs: night-pain
"""


def test_cards_are_found_with_their_signs_lines_and_heading_levels() -> None:
    boxes = find_boxes(PAGE, "docs/en/page.md")
    assert boxes == [
        Box("emergency", ("weakness", "bladder"), line=10, heading_level=3),
        Box("urgent", ("night-pain",), line=15, heading_level=3),
    ]


def test_a_card_in_a_code_fence_is_not_a_card() -> None:
    assert find_boxes("# T\n\n```\n!!! emergency\n    signs: weakness\n```\n", "docs/en/page.md") == []


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ("!!! emergency\n    signs: night-pain\n", "sign 'night-pain' belongs in urgent boxes"),
        ("!!! emergency\n    signs: no-such-sign\n", "unknown sign 'no-such-sign'"),
        ("!!! emergency\n    signs: weakness, weakness\n", "a sign is named twice"),
        ('!!! emergency "Not urgent"\n    signs: weakness\n', "with nothing after it"),
        ("??? emergency\n    signs: weakness\n", "must always be open and visible"),
        ("!!! emergency\n    signs: weakness\n    Wait and see.\n", "holds only one line"),
        ("!!! emergency\n    signs:\n", "name at least one sign"),
    ],
)
def test_a_card_that_changes_the_catalogue_is_refused_with_its_line(card: str, message: str) -> None:
    with pytest.raises(ContentError) as error:
        find_boxes("# T\n\n" + card, "docs/fr/page.md")
    assert message in str(error.value)
    assert "docs/fr/page.md:" in str(error.value)


def test_the_help_page_must_show_every_sign() -> None:
    with pytest.raises(ContentError, match="must show every sign; missing: "):
        find_boxes("# T\n\n!!! emergency\n    signs: weakness\n", "docs/en/when-to-get-help.md")


def test_cards_are_replaced_in_order_and_the_rest_is_kept() -> None:
    body = PAGE.split("---\n", 2)[2]
    replaced = replace_boxes(body, ["<card 1>", "<card 2>"])
    assert "signs:" not in replaced and "!!!" not in replaced
    assert replaced.index("<card 1>") < replaced.index("Between the cards.") < replaced.index("<card 2>")
    assert "Some text." in replaced
