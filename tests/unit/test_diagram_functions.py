"""The diagrams' pure parts: labels wrapped in every script, markers read from a page, right-to-left mirroring."""

from __future__ import annotations

import re

import pytest
from guide.core.input_files import ContentError
from guide.diagrams.drawings import WIDTH, body_map_svg, label_too_long, spine_svg, text_width, wrap
from guide.diagrams.steps import find_diagrams

WORDS = {
    "diagram_spine_alt": "alt",
    "diagram_spine_neck": "Neck",
    "diagram_spine_chest": "Chest and middle back",
    "diagram_spine_lower": "Lower back",
    "diagram_spine_base": "Base of the spine",
    "diagram_spine_cord": "Spinal cord",
    "diagram_spine_pressing": "Cancer pressing on the cord",
    "diagram_front": "Front",
    "diagram_back": "Back",
    "diagram_body_alt": "alt",
    "diagram_body_band": "Band of nerve pain around the chest or tummy",
    "diagram_body_saddle": "Saddle area: bottom, genitals and inner thighs",
}
PAGE = "---\ntitle: T\n---\n# T\n\n"


@pytest.mark.parametrize(
    "text, width",
    [
        ("Chest and middle back", 100),
        ("Poitrine et milieu du dos", 120),
        ("胸部和背部中段", 60),
        ("الصدر ووسط الظهر", 70),
        ("Ngực và giữa lưng", 90),
    ],
)
def test_a_label_wraps_into_pieces_of_its_own_words_within_the_width(text: str, width: float) -> None:
    lines = wrap(text, width)
    assert len(lines) > 1
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert line in text
        assert text_width(line) <= width


def test_chinese_breaks_between_characters_and_a_long_word_stands_alone() -> None:
    assert wrap("胸部和背部中段", 14 * 3) == ["胸部和", "背部中", "段"]
    assert wrap("Neck supercalifragilistic", 40) == ["Neck", "supercalifragilistic"]


def test_a_diagram_marker_is_found_in_order_and_a_fenced_one_is_not() -> None:
    page = PAGE + "!!! body-map\n\nText.\n\n```\n!!! spine-diagram\n```\n\n!!! spine-diagram\n"
    assert find_diagrams(page, "docs/fr/x.md") == ["body-map", "spine-diagram"]


@pytest.mark.parametrize(
    "marker",
    [
        '!!! spine-diagram "Ma colonne"',
        "??? spine-diagram",
        "    !!! spine-diagram",
        "!!! body-map\n    name: x",
    ],
)
def test_a_marker_written_another_way_names_its_file_and_line(marker: str) -> None:
    with pytest.raises(ContentError) as refused:
        find_diagrams(PAGE + marker + "\n", "docs/fr/x.md")
    assert str(refused.value).startswith("docs/fr/x.md:6: write the diagram as '!!! ")


def _label_xs(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<text x="([\d.]+)"', svg)]


def test_right_to_left_mirrors_the_drawing_and_puts_the_labels_on_the_other_side() -> None:
    left, right = spine_svg(WORDS, "ltr"), spine_svg(WORDS, "rtl")
    assert 'direction="rtl"' in right and f"matrix(-1 0 0 1 {WIDTH} 0)" in right
    assert "matrix" not in left
    assert [WIDTH - x for x in _label_xs(left)] == _label_xs(right)
    # The words themselves are never mirrored: the labels are outside the mirrored group.
    assert right.index('</g><g class="diagram__labels"') < right.index(">Neck<")


def test_every_word_of_a_diagram_is_one_it_was_given() -> None:
    for svg in (spine_svg(WORDS, "ltr"), body_map_svg(WORDS, "rtl")):
        for piece in re.findall(r">([^<>]+)<", svg):
            assert any(piece in value for value in WORDS.values()), piece


def test_a_label_too_long_for_its_place_is_named() -> None:
    assert label_too_long(WORDS) is None
    assert label_too_long({**WORDS, "diagram_front": "Front view of the whole body"}) == "diagram_front"
    assert label_too_long({**WORDS, "diagram_spine_base": "Base " * 30}) == "diagram_spine_base"
