"""QR codes of published addresses, for paper: the alert cards and the cover of the whole-guide booklet.
Made with segno (pinned in requirements.txt) as inline SVG, so the PDF draws them as vectors and the
printing browser fetches nothing; tests/test_handouts.py decodes them from the printed PDFs with zbar."""

from __future__ import annotations

import html

import segno


def qr_svg(address: str, label: str) -> str:
    """The address as an SVG QR code, sized by the stylesheet (class "qr-code"); medium error correction
    survives a worn card. `label` names it for a screen reader reading the print source."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code", dark="#000")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)
