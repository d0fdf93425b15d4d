"""Material's own markup, corrected where the Nu HTML Checker finds it invalid.

Material's base.html (not a partial we can override) writes autocomplete="off" on its checkbox and radio
toggles (drawer, search, colour scheme); HTML allows autocomplete only on text-like inputs.
"""

from __future__ import annotations

import re


_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')


def without_toggle_autocomplete(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
