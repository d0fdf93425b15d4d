"""Subsets of the fonts in a PDF that Chromium printed, made with fontTools.

Chromium (Skia) subsets each font it embeds with HarfBuzz, keeping glyph ids. The HarfBuzz of Debian 12
(6.0) fails to do so for more than about 770 scattered glyphs of one font, and Skia then embeds the whole
font file: 2.3 MB for the Chinese font, a collection (.ttc) at that, which a PDF should not embed at all.
A page has fewer glyphs than that; a language's whole guide in Chinese has about 1,000. So the whole
guide's fonts are subset here, to the glyphs its text draws, with the same glyph ids (the PDF's fonts map
character codes to glyph ids one to one: /CIDToGIDMap /Identity).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject

# Skia draws text as "/F4 10 Tf" (choose a font) and "<03A1> Tj" (glyph ids, two bytes each), nothing else.
_TEXT = re.compile(rb"/([^\s/<>\[\]()]+) [-.\d]+ Tf|<([0-9A-Fa-f]*)> Tj")
_OTHER_TEXT = re.compile(rb"\sTJ\s|\s'\s|\s\"\s")
# Tables fontTools cannot subset (FontForge's FFTM) are dropped, which it reports as a warning.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


def _contents(resources: DictionaryObject, content: bytes) -> Iterator[tuple[bytes, DictionaryObject]]:
    """A content stream with the fonts it names, then the same for each form it draws."""
    yield content, resources.get("/Font", DictionaryObject())
    for form in resources.get("/XObject", DictionaryObject()).values():
        form = form.get_object()
        if form.get("/Subtype") == "/Form":
            yield from _contents(form.get("/Resources", DictionaryObject()), form.get_data())


def glyphs_used(writer: PdfWriter) -> dict[int, set[int]]:
    """The glyph ids drawn with each font, by the font's object number."""
    used: dict[int, set[int]] = {}
    for page in writer.pages:
        for content, fonts in _contents(page["/Resources"], page.get_contents().get_data()):
            if _OTHER_TEXT.search(content):
                raise ValueError("text drawn otherwise than with Tj: glyphs_used() would miss glyphs")
            font = None
            for match in _TEXT.finditer(content):
                if match[1]:
                    font = fonts["/" + match[1].decode()].indirect_reference.idnum
                    used.setdefault(font, set())
                else:
                    codes = match[2]
                    used[font].update(int(codes[i : i + 4], 16) for i in range(0, len(codes), 4))
    return used


def _font_program(data: bytes, postscript_name: str) -> TTFont:
    """The font itself, or the font of that name in a collection."""
    if data[:4] != b"ttcf":
        return TTFont(io.BytesIO(data))
    fonts = TTCollection(io.BytesIO(data)).fonts
    return next(font for font in fonts if font["name"].getDebugName(6) == postscript_name)


def subset_fonts(pdf: Path) -> None:
    """Replace each TrueType font that `pdf` embeds by the subset of the glyphs its text draws."""
    writer = PdfWriter(clone_from=pdf)
    used = glyphs_used(writer)
    options = subset.Options(
        retain_gids=True,  # character codes stay glyph ids
        notdef_outline=True,
        hinting=False,
        layout_features=[],  # the text is already shaped
        glyph_names=False,
    )
    for number, glyphs in used.items():
        font = writer.get_object(number)
        if font.get("/Subtype") != "/Type0":
            continue
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        if "/FontFile2" not in descriptor:
            continue
        stream = descriptor["/FontFile2"].get_object()
        program = _font_program(stream.get_data(), str(font["/BaseFont"]).split("+", 1)[-1])
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=sorted(glyphs | {0}))
        subsetter.subset(program)
        output = io.BytesIO()
        program.save(output)
        stream.set_data(output.getvalue())
        stream[NameObject("/Length1")] = NumberObject(len(output.getvalue()))
    writer.write(pdf)
