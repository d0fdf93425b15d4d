"""Pictograms: found by name in the Health Icons set, inlined as SVG of paths only, and a sign or action
naming an icon the set lacks refused with the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from guide.catalogues.pictograms import IconSet, check_icon, inline_svg, read_icon_set, rounded_path
from guide.catalogues.triage import load_catalogue
from guide.core.pages import ContentError
from guide.core.project import project, use_project

ICONS = IconSet(
    48,
    48,
    {
        "phone": '<path fill="currentColor" d="M1 2h3z"/>',
        "ambulance": '<g fill="currentColor"><path d="M1 1z"/><path fill-rule="evenodd" d="M2 2z" clip-rule="evenodd"/></g>',
        "labelled": '<path d="M1 1z"/><text x="1">Call</text>',
        "styled": '<path style="fill:red" d="M1 1z"/>',
    },
)


def test_an_icon_set_is_read_with_its_size_and_aliases() -> None:
    text = json.dumps(
        {
            "width": 48,
            "height": 48,
            "icons": {"phone": {"body": "<path/>"}},
            "aliases": {"call": {"parent": "phone"}},
        }
    )
    icons = read_icon_set(text)
    assert (icons.width, icons.height) == (48, 48)
    assert icons.bodies == {"phone": "<path/>", "call": "<path/>"}


def test_an_icon_is_inlined_hidden_from_screen_readers_in_the_text_colour_at_a_fixed_size() -> None:
    svg = inline_svg("phone", ICONS)
    assert svg == (
        '<svg class="pictogram" width="24" height="24" viewBox="0 0 48 48" fill="currentColor" '
        'aria-hidden="true" focusable="false" data-icon="phone">'
        '<path fill="currentColor" d="M1 2H4Z"></path></svg>'
    )


def test_an_icon_with_a_direction_is_marked_to_be_mirrored_and_its_elements_are_closed() -> None:
    svg = inline_svg("ambulance", ICONS)
    assert 'class="pictogram pictogram--directional"' in svg
    assert '<path fill-rule="evenodd" d="M2 2Z" clip-rule="evenodd"></path></g></svg>' in svg
    assert "/>" not in svg


@pytest.mark.parametrize(
    ("data", "rounded"),
    [
        # Relative steps become absolute points on the half-unit grid: no error adds up along the path.
        ("M13.24 21.58c2.88 5.66 7.52 10.28 13.18 13.18l4.4-4.4z", "M13 21.5C16 27 21 32 26.5 35L31 30.5Z"),
        ("m1 1 .3.3.3.3.3.3", "M1 1L1.5 1.5L1.5 1.5L2 2"),
        ("M10 10h2.26v-1.24H4V30", "M10 10H12.5V9H4V30"),
        # An arc's radii and end point round; its flags, written without spaces, stay.
        ("M32 12.5a1 1 0 1 0 2 0a1.3 1.3 0 011 1", "M32 12.5A1 1 0 1 0 34 12.5A1.5 1.5 0 0 1 35 13.5"),
    ],
)
def test_path_data_is_rounded_to_the_grid_without_drifting(data: str, rounded: str) -> None:
    assert rounded_path(data) == rounded


def test_a_known_icon_is_its_name() -> None:
    assert check_icon("phone", ICONS, "data/triage.yml", 12, "sign 'x' icon") == "phone"


@pytest.mark.parametrize("name", ["telephone", None, 3])
def test_an_unknown_icon_is_refused_with_the_file_and_line(name: object) -> None:
    with pytest.raises(ContentError, match=r"^data/triage\.yml:12: sign 'x' icon: unknown icon") as refused:
        check_icon(name, ICONS, "data/triage.yml", 12, "sign 'x' icon")
    assert "healthicons.org" in str(refused.value)


@pytest.mark.parametrize(("name", "what"), [("labelled", "<text>"), ("styled", "style=")])
def test_an_icon_with_words_or_styles_is_refused(name: str, what: str) -> None:
    with pytest.raises(ContentError, match=f"data/triage.yml:3: .*{what}"):
        check_icon(name, ICONS, "data/triage.yml", 3, "tiers.urgent.action_icon")


def test_the_catalogue_refuses_an_unknown_icon_naming_the_line_in_data_triage_yml(tmp_path: Path) -> None:
    root = project().root
    shutil.copytree(root / "data", tmp_path / "data")
    (tmp_path / "node_modules").symlink_to(root / "node_modules", target_is_directory=True)
    triage = tmp_path / "data" / "triage.yml"
    lines = triage.read_text(encoding="utf-8").split("\n")
    line = lines.index("    icon: urine-sample") + 1
    lines[line - 1] = "    icon: a-bladder-that-does-not-exist"
    triage.write_text("\n".join(lines), encoding="utf-8")
    use_project(tmp_path)
    try:
        with pytest.raises(ContentError) as refused:
            load_catalogue()
    finally:
        use_project(root)
    assert str(refused.value).endswith(
        f"triage.yml:{line}: sign 'bladder' icon: unknown icon 'a-bladder-that-does-not-exist': use the name of "
        "a Health Icons pictogram (https://healthicons.org; node_modules/@iconify-json/healthicons/icons.json), "
        "like 'ambulance'"
    )


def test_without_npm_ci_the_catalogue_asks_for_it_in_one_line(tmp_path: Path) -> None:
    root = project().root
    shutil.copytree(root / "data", tmp_path / "data")
    use_project(tmp_path)
    try:
        with pytest.raises(ContentError, match=r"package\.json:1: .*run `npm ci`"):
            load_catalogue()
    finally:
        use_project(root)
