"""The two diagrams drawn for this guide, as inline SVG: the spine from the side (its four parts, the spinal
cord inside, a tumour pressing on the cord) and a body map (the band of nerve-root pain, the saddle area).

Pure functions of the words they show: every word comes from the language's file (Labels), none is in this
source. Shapes are drawn in the text colour (`currentColor`) and tinted by classes that guide.css colours
for the light and the dark scheme; without the stylesheet they are still outlines. On a right-to-left page
the drawing is mirrored (the person faces the other way, the front view comes first from the right) and the
labels stand on the mirrored side, anchored at the end that faces the drawing.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

WIDTH = 400  # viewBox units; the figure is drawn at most 30rem wide (guide.css)
FONT_SIZE = 14
LINE_HEIGHT = 16
# The elements and attributes a diagram is made of, and all GENERATED_MARKUP allows of them
# (src/guide/checks/html_policy.py) beyond the pictograms' (guide/catalogues/pictograms.py).
DIAGRAM_MARKUP = {
    "svg": frozenset({"viewBox", "width", "height", "focusable", "fill", "stroke", "font-size", "direction"}),
    "g": frozenset({"transform", "fill", "stroke", "stroke-width", "text-anchor"}),
    "path": frozenset({"d"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "text": frozenset({"x", "y", "text-anchor"}),
    "tspan": frozenset({"x", "dy"}),
}
DIAGRAM_CLASSES = frozenset(
    {
        "diagram",
        "diagram__picture",
        "diagram__bone",
        "diagram__cord",
        "diagram__nerves",
        "diagram__tumour",
        "diagram__guide",
        "diagram__body",
        "diagram__band",
        "diagram__saddle",
        "diagram__labels",
        "diagram__view",
    }
)
_WIDE = frozenset({"W", "F"})  # East Asian wide and full-width characters: about one em each
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+"
)


# The words of a diagram, in one language: the UI strings of translations/<lang>.yml (diagram_*).
Labels = Mapping[str, str]


# Where each label stands: how wide its place is (viewBox units) and how many lines it may take there.
REGION_WIDTH, SIDE_WIDTH, VIEW_WIDTH, LEGEND_WIDTH = WIDTH - 256 - 4, 130.0, 130.0, WIDTH - 60.0
LABEL_PLACES: dict[str, tuple[float, int]] = {
    "diagram_spine_neck": (REGION_WIDTH, 3),
    "diagram_spine_chest": (REGION_WIDTH, 3),
    "diagram_spine_lower": (REGION_WIDTH, 3),
    "diagram_spine_base": (REGION_WIDTH, 3),
    "diagram_spine_cord": (SIDE_WIDTH, 3),
    "diagram_spine_pressing": (SIDE_WIDTH, 3),
    "diagram_front": (VIEW_WIDTH, 1),
    "diagram_back": (VIEW_WIDTH, 1),
    "diagram_body_band": (LEGEND_WIDTH, 3),
    "diagram_body_saddle": (LEGEND_WIDTH, 3),
}


def label_too_long(labels: Labels) -> str | None:
    """The first label that does not fit its place in its diagram, if any; else None."""
    for key, (width, most) in LABEL_PLACES.items():
        lines = wrap(labels[key], width)
        if len(lines) > most or any(text_width(line) > width for line in lines):
            return key
    return None


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    """About how wide a line is drawn: a wide (Chinese) character one em, any other a little over half."""
    return sum(font_size * (1.0 if unicodedata.east_asian_width(c) in _WIDE else 0.56) for c in text)


def wrap(text: str, width: float, font_size: float = FONT_SIZE) -> list[str]:
    """The text in lines no wider than `width`, broken between words, or between characters in Chinese;
    each line is a piece of the text as written (a word longer than a line stands on its own)."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(" ".join(text.split())):
        if line and text_width((line + token).rstrip(), font_size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _label(labels: Labels, key: str, x: float, middle_y: float, anchor: str) -> str:
    """A label of one or more lines (LABEL_PLACES), centred on middle_y, anchored at x."""
    lines = wrap(labels[key], LABEL_PLACES[key][0])
    first = middle_y - (len(lines) - 1) * LINE_HEIGHT / 2 + FONT_SIZE * 0.35
    spans = "".join(
        f'<tspan x="{_n(x)}" dy="{0 if index == 0 else LINE_HEIGHT}">{html.escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text x="{_n(x)}" y="{_n(first)}" text-anchor="{anchor}">{spans}</text>'


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(points: Sequence[tuple[float, float]], closed: bool = False) -> str:
    return "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points) + ("Z" if closed else "")


def _figure(body: str, labels: str, height: float, alt: str, direction: str, name: str) -> str:
    """The SVG: the drawing (mirrored on right-to-left pages), then the labels, which are never mirrored."""
    mirrored = f'<g transform="matrix(-1 0 0 1 {WIDTH} 0)">' if direction == "rtl" else "<g>"
    return (
        f'<svg class="diagram__picture" data-diagram="{name}" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="{WIDTH}" height="{_n(height)}" role="img" aria-label="{html.escape(alt)}" focusable="false" '
        f'fill="none" stroke="currentColor" font-size="{FONT_SIZE}" direction="{direction}">'
        f"{mirrored}{body}</g>"
        f'<g class="diagram__labels" fill="currentColor" stroke="none">{labels}</g></svg>'
    )


def _x(direction: str) -> Callable[[float], float]:
    """Where a label's x lands: mirrored across the figure on a right-to-left page."""
    return (lambda x: WIDTH - x) if direction == "rtl" else (lambda x: x)


# --- the spine, from the side --------------------------------------------------------------------------
# The person faces right (front to the right, back to the left): the vertebral bodies in front, the
# spinal cord behind them in the canal, the bony spines (spinous processes) behind the cord.
SPINE_AXIS = 205.0
SPINE_HEIGHT = 498.0
# (count, top, step, body width, body height, curve): the neck curves forward, the chest back, the lower back
# forward, as a healthy spine does.
_SEGMENTS = (
    (7, 40.0, 13.0, 18.0, 10.0, 8.0),
    (12, 136.0, 15.0, 22.0, 12.0, -14.0),
    (5, 322.0, 20.0, 28.0, 16.0, 12.0),
)
TUMOUR_AT = 7 + 6  # the seventh vertebra of the chest: the chest is where compression is most common
# The parts of the spine (top, bottom) in viewBox units, and their label keys.
SPINE_PARTS = (
    ("diagram_spine_neck", 32.0, 126.0),
    ("diagram_spine_chest", 130.0, 310.0),
    ("diagram_spine_lower", 314.0, 410.0),
    ("diagram_spine_base", 414.0, 470.0),
)


@dataclass(frozen=True)
class Vertebra:
    x: float  # centre of its body
    y: float
    width: float
    height: float


def vertebrae() -> list[Vertebra]:
    found = []
    for count, top, step, width, height, curve in _SEGMENTS:
        for index in range(count):
            bulge = curve * math.sin(math.pi * (index + 0.5) / count)
            found.append(Vertebra(SPINE_AXIS + bulge, top + step * index, width, height))
    return found


def _cord_x(vertebra: Vertebra) -> float:
    return vertebra.x - vertebra.width / 2 - 7


def spine_svg(labels: Labels, direction: str) -> str:
    bones = vertebrae()
    bodies = "".join(
        f"M{_n(v.x - v.width / 2)} {_n(v.y - v.height / 2)}h{_n(v.width)}v{_n(v.height)}h{_n(-v.width)}Z"
        for v in bones
    )
    # Each bony spine behind the cord, slanting down and back.
    processes = "".join(f"M{_n(v.x - v.width / 2 - 12)} {_n(v.y - 3)}v5l-11 6v-4Z" for v in bones)
    sacrum = _points([(226, 412), (192, 414), (178, 452), (171, 475), (184, 472), (206, 442)], closed=True)
    tumour = bones[TUMOUR_AT]
    # The cord runs down to the first lumbar vertebra, pushed back where the tumour presses on it.
    cord_bones = bones[: 7 + 12 + 1]
    cord = [(_cord_x(bones[0]), 20.0)] + [
        (_cord_x(v) - (5 if index == TUMOUR_AT else 0), v.y) for index, v in enumerate(cord_bones)
    ]
    end = cord[-1]
    # Below it, the bundle of nerves (cauda equina) runs on to the base of the spine.
    nerves = "".join(
        _points([end] + [(_cord_x(v) + shift, v.y) for v in bones[7 + 12 + 1 :]] + [(186 + shift, 440)])
        for shift in (-3, 0, 3)
    )
    tumour_x = tumour.x - tumour.width / 2 - 2
    guides = "".join(f"M240 {_n(top)}h8V{_n(bottom)}h-8" for _, top, bottom in SPINE_PARTS)
    cord_label_y, tumour_label_y = 92.0, 250.0
    leaders = _points([(_cord_x(bones[4]) - 6, bones[4].y), (140, cord_label_y)]) + _points(
        [(tumour_x - 10, tumour.y + 4), (140, tumour_label_y)]
    )
    drawing = (
        f'<path class="diagram__cord" d="{_points(cord)}"></path>'
        f'<path class="diagram__nerves" d="{nerves}"></path>'
        f'<path class="diagram__bone" d="{bodies}{sacrum}{processes}"></path>'
        f'<circle class="diagram__tumour" cx="{_n(tumour_x)}" cy="{_n(tumour.y)}" r="9"></circle>'
        f'<path class="diagram__guide" d="{guides}{leaders}"></path>'
    )
    x = _x(direction)
    words = "".join(
        _label(labels, key, x(256), (top + bottom) / 2, "start") for key, top, bottom in SPINE_PARTS
    )
    words += _label(labels, "diagram_spine_cord", x(134), cord_label_y, "end")
    words += _label(labels, "diagram_spine_pressing", x(134), tumour_label_y, "end")
    words += _label(labels, "diagram_back", x(150), SPINE_HEIGHT - 14, "end")
    words += _label(labels, "diagram_front", x(256), SPINE_HEIGHT - 14, "start")
    return _figure(drawing, words, SPINE_HEIGHT, labels["diagram_spine_alt"], direction, "spine-diagram")


# --- the body map: front and back ----------------------------------------------------------------------
FRONT_X, BACK_X = 100.0, 300.0
# Half a standing person, from the neck to between the feet (x from the middle, y), and one arm.
_HALF_BODY = (
    (9, 64),
    (36, 74),
    (42, 84),
    (37, 140),
    (35, 172),
    (39, 202),
    (33, 318),
    (10, 318),
    (5, 216),
    (0, 212),
)
_ARM = ((42, 80), (56, 142), (58, 200), (47, 202), (45, 146), (37, 104))
# The band of nerve-root pain around the chest or tummy, and the saddle area (the bottom, genitals and
# inner thighs: where a saddle would touch), seen from the front and from the back.
_BAND = ((-37, 120), (37, 120), (36.5, 140), (-36.5, 140))
_SADDLE_FRONT = ((-10, 200), (10, 200), (20, 250), (8, 252), (0, 214), (-8, 252), (-20, 250))
_SADDLE_BACK = (
    (-35, 182),
    (35, 182),
    (38, 205),
    (20, 250),
    (8, 252),
    (0, 214),
    (-8, 252),
    (-20, 250),
    (-38, 205),
)
_LEGEND_TOP = 366.0


def _person(middle: float) -> str:
    half = [(middle + dx, y) for dx, y in _HALF_BODY]
    other = [(middle - dx, y) for dx, y in reversed(_HALF_BODY[:-1])]
    arms = _points([(middle + dx, y) for dx, y in _ARM], True) + _points(
        [(middle - dx, y) for dx, y in _ARM], True
    )
    return f"M{_n(middle + 20)} 42A20 20 0 1 1 {_n(middle + 20)} 41.9Z" + _points(half + other, True) + arms


def _shape(middle: float, points: Sequence[tuple[float, float]]) -> str:
    return _points([(middle + dx, y) for dx, y in points], closed=True)


def body_map_svg(labels: Labels, direction: str) -> str:
    x = _x(direction)
    band_words = wrap(labels["diagram_body_band"], LEGEND_WIDTH)
    saddle_words = wrap(labels["diagram_body_saddle"], LEGEND_WIDTH)
    band_y = _LEGEND_TOP
    saddle_y = (
        band_y + (len(band_words) - 1) * LINE_HEIGHT / 2 + 12 + (len(saddle_words) + 1) * LINE_HEIGHT / 2
    )
    height = saddle_y + len(saddle_words) * LINE_HEIGHT / 2 + 12
    drawing = (
        f'<path class="diagram__body" d="{_person(FRONT_X)}{_person(BACK_X)}"></path>'
        f'<path class="diagram__saddle" d="{_shape(FRONT_X, _SADDLE_FRONT)}{_shape(BACK_X, _SADDLE_BACK)}"></path>'
        f'<path class="diagram__band" d="{_shape(FRONT_X, _BAND)}{_shape(BACK_X, _BAND)}'
        f'{_swatch(band_y)}"></path>'
        f'<path class="diagram__saddle" d="{_swatch(saddle_y)}"></path>'
    )
    words = (
        f'<g class="diagram__view" text-anchor="middle">'
        f'<text x="{_n(x(FRONT_X))}" y="340">{html.escape(labels["diagram_front"])}</text>'
        f'<text x="{_n(x(BACK_X))}" y="340">{html.escape(labels["diagram_back"])}</text></g>'
        + _label(labels, "diagram_body_band", x(48), band_y, "start")
        + _label(labels, "diagram_body_saddle", x(48), saddle_y, "start")
    )
    return _figure(drawing, words, height, labels["diagram_body_alt"], direction, "body-map")


def _swatch(middle_y: float) -> str:
    """The legend's sample of a shaded area, at the start of its line."""
    return f"M14 {_n(middle_y - 8)}h24v16h-24Z"


DRAWINGS: dict[str, Callable[[Labels, str], str]] = {"spine-diagram": spine_svg, "body-map": body_map_svg}
