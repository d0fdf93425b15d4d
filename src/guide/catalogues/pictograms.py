"""Pictograms from Health Icons (https://healthicons.org, MIT, made for public health), read from the npm
package @iconify-json/healthicons that package.json pins and `npm ci` installs into node_modules/.

Which pictogram stands for which sign and which action is data (`icon:` and `action_icon:` in
data/triage.yml). The cards inline each one as an SVG of paths only: no text, no link, no script, drawn in
the text colour (`currentColor`) so that the dark scheme and print work; the words beside it come from the
language's file and the SVG is hidden from screen readers.
"""

from __future__ import annotations

import gzip
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from guide.core.input_files import ContentError
from guide.core.project import cached, project

ICON_PACKAGE = "@iconify-json/healthicons"
ICON_FILE = Path("node_modules") / ICON_PACKAGE / "icons.json"
MISSING_MESSAGE = (
    f"the pictograms ({ICON_PACKAGE}, pinned in package.json) are not installed: run `npm ci` in the "
    "project folder"
)
# Pictograms whose direction means something (the ambulance drives forward): mirrored on right-to-left
# pages (overrides/assets/stylesheets/guide.css), so they face the way the text reads. A walking person or
# a bent back has no forward to keep.
WITH_A_DIRECTION = frozenset({"ambulance"})
# Drawn at the size of a line of card text; the width and height attributes keep the space before the
# stylesheet arrives, so nothing moves.
SIZE = 24
# The SVG elements and attributes a pictogram is made of, and all that GENERATED_MARKUP allows of SVG
# (src/guide/checks/html_policy.py): an icon whose body holds anything else (text, a link, a style) is refused.
SVG_MARKUP = {
    "svg": frozenset({"width", "height", "viewBox", "fill", "focusable"}),
    "path": frozenset({"d", "fill", "fill-rule", "clip-rule"}),
    "g": frozenset({"fill", "fill-rule", "clip-rule"}),
}
BODY_ELEMENTS = ("path", "g")
# Drawn 24 px wide on a 48-unit grid: a coordinate on a half-unit grid is within a fifth of a pixel of the
# original and makes the pictograms about a third smaller to send.
GRID = 0.5
# What pictures (these pictograms and the diagrams, guide/diagrams/) may add to the first view of any page,
# compressed as a static host sends it.
BUDGET_BYTES = 15 * 1024
_INLINED = re.compile(r'<svg class="(?:pictogram|diagram__picture)[^"]*"[^>]*>.*?</svg>', re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+=\"[^\"<>]*\")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r"([\w:-]+)=\"([^\"<>]*)\"")
_PATH_DATA = re.compile(r' d="([^"<>]*)"')
_PARAMETERS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
_NUMBER = re.compile(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?")
_SEPARATORS = re.compile(r"[\s,]*")


@dataclass(frozen=True)
class IconSet:
    width: int
    height: int
    bodies: dict[str, str]  # name -> the SVG's inner markup, as Iconify stores it


def read_icon_set(text: str) -> IconSet:
    """An Iconify JSON icon set: its default size and every icon's body (aliases resolved to their parent)."""
    data = json.loads(text)
    bodies = {name: icon["body"] for name, icon in data["icons"].items()}
    for alias, target in data.get("aliases", {}).items():
        if target.get("parent") in bodies and len(target) == 1:
            bodies[alias] = bodies[target["parent"]]
    return IconSet(int(data.get("width", 16)), int(data.get("height", 16)), bodies)


@cached
def health_icons() -> IconSet:
    """The installed Health Icons; the build stops with one line if `npm ci` has not been run."""
    path = project().root / ICON_FILE
    if not path.is_file():
        raise ContentError(project().root / "package.json", 1, MISSING_MESSAGE)
    return read_icon_set(path.read_text(encoding="utf-8"))


def check_icon(name: object, icons: IconSet, path: Path | str, line: int, what: str) -> str:
    """The icon name, if the set has it; else one line naming the file and line to fix."""
    if not isinstance(name, str) or name not in icons.bodies:
        raise ContentError(
            path,
            line,
            f"{what}: unknown icon {name!r}: use the name of a Health Icons pictogram "
            f"(https://healthicons.org; node_modules/{ICON_PACKAGE}/icons.json), like 'ambulance'",
        )
    try:
        _closed_paths(icons.bodies[name], name)
    except ValueError as problem:
        raise ContentError(path, line, f"{what}: {problem}: choose another icon") from None
    return name


def _closed_paths(body: str, name: str) -> str:
    """The body with every element written open and closed (`<path ...></path>`), as an HTML parser
    reads it back; an element or attribute outside BODY_ELEMENTS and SVG_MARKUP is refused."""

    def element(tag: re.Match[str]) -> str:
        closing, element_name, attributes, self_closing = tag.groups()
        if element_name not in BODY_ELEMENTS:
            raise ValueError(f"icon {name!r} holds <{element_name}>, which a card may not show")
        for attribute, _ in _ATTRIBUTE.findall(attributes):
            if attribute not in SVG_MARKUP[element_name]:
                raise ValueError(
                    f"icon {name!r} has {attribute}= on <{element_name}>, which a card may not show"
                )
        if closing:
            return f"</{element_name}>"
        return f"<{element_name}{attributes}>" + (f"</{element_name}>" if self_closing else "")

    converted = _TAG.sub(element, body)
    if re.sub(r"<[^>]*>", "", converted).strip():
        raise ValueError(f"icon {name!r} holds text, which a card may not show")
    return converted


def _path_commands(d: str) -> Iterator[tuple[str, list[float]]]:
    """(command, numbers) of SVG path data, a repeated command written out each time."""
    position, command = 0, ""
    while (position := _SEPARATORS.match(d, position).end()) < len(d):  # type: ignore[union-attr]
        if d[position].upper() in _PARAMETERS:
            command, position = d[position], position + 1
            if command in "Zz":
                yield command, []
                continue
        if not command:
            raise ValueError(f"path data does not start with a command: {d[:20]!r}")
        values: list[float] = []
        for index in range(_PARAMETERS[command.upper()]):
            position = _SEPARATORS.match(d, position).end()  # type: ignore[union-attr]
            if command in "Aa" and index in (3, 4):  # an arc's flags: one digit each, perhaps unseparated
                if d[position : position + 1] not in ("0", "1"):
                    raise ValueError(f"path data has a bad arc flag at {position}")
                values.append(float(d[position]))
                position += 1
                continue
            number = _NUMBER.match(d, position)
            if number is None:
                raise ValueError(f"path data has no number at {position}: {d[position : position + 20]!r}")
            values.append(float(number.group()))
            position = number.end()
        yield command, values
        if command in "Mm":  # numbers after a move draw lines
            command = "l" if command == "m" else "L"


def _number(value: float, step: float) -> str:
    text = f"{round(value / step) * step:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=1024)  # the same few dozen paths, drawn on every card of every page
def rounded_path(d: str, step: float = GRID) -> str:
    """The same shape with every command absolute and every coordinate on a grid of `step` units: rounding
    absolute points builds up no error from one relative command to the next."""
    x = y = start_x = start_y = 0.0
    out: list[str] = []
    for command, values in _path_commands(d):
        upper, relative = command.upper(), command.islower()
        if upper == "Z":
            x, y = start_x, start_y
            out.append("Z")
            continue
        if upper in "HV":
            values = [values[0] + ((x if upper == "H" else y) if relative else 0)]
            x, y = (values[0], y) if upper == "H" else (x, values[0])
        elif upper == "A":  # radii, rotation and flags are not points
            values[5:] = [values[5] + x, values[6] + y] if relative else values[5:]
            x, y = values[5], values[6]
        else:
            values = [value + (x if index % 2 == 0 else y) * relative for index, value in enumerate(values)]
            x, y = values[-2], values[-1]
        if upper == "M":
            start_x, start_y = x, y
        numbers = [
            _number(value, 1 if upper == "A" and index in (2, 3, 4) else step)
            for index, value in enumerate(values)
        ]
        out.append(upper + " ".join(numbers).replace(" -", "-"))
    return "".join(out)


def inline_svg(name: str, icons: IconSet) -> str:
    """One pictogram as inline SVG, hidden from screen readers (the text beside it says what it shows)."""
    classes = "pictogram pictogram--directional" if name in WITH_A_DIRECTION else "pictogram"
    return (
        f'<svg class="{classes}" width="{SIZE}" height="{SIZE}" viewBox="0 0 {icons.width} {icons.height}" '
        f'fill="currentColor" aria-hidden="true" focusable="false" data-icon="{name}">'
        + _PATH_DATA.sub(
            lambda data: f' d="{rounded_path(data.group(1))}"', _closed_paths(icons.bodies[name], name)
        )
        + "</svg>"
    )


def compressed_bytes_added(page: str) -> int:
    """What the inline pictures (pictograms and diagrams) add to a page's HTML, compressed (gzip, as a static
    host sends it)."""
    without = _INLINED.sub("", page)
    return len(gzip.compress(page.encode("utf-8"), 6)) - len(gzip.compress(without.encode("utf-8"), 6))
