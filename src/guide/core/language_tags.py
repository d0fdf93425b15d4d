"""Which of the guide's languages a language tag from elsewhere means: a browser's (the front door's offer of
a translation), a device voice's (read aloud) or a hospital record's (the infobutton).

The one table of these rules. The build uses it (guide/infobutton/codes.py) and writes it into the pages,
as JSON, for their scripts (partials/country.html, listen.js, infobutton.js), so a rule is changed here only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection

# Codes that name a language of the guide by another code: CLDR and devices file Tagalog as Filipino (fil).
SAME_LANGUAGE = {"fil": "tl"}
# Chinese of Taiwan, Hong Kong and Macau, or marked Hant, reads Traditional characters, unless marked Hans.
TRADITIONAL = {"language": "zh", "locale": "zh-Hant", "subtags": ["hant", "tw", "hk", "mo"], "unless": "hans"}


def guide_language(tag: str, known: Collection[str]) -> str:
    """The guide's code for a tag ('es-MX' is 'es', 'zh-TW' is 'zh-Hant' when the guide has it, 'fil-PH' is
    'tl'), whether or not the guide has that language; '' for no tag."""
    subtags = re.split(r"[-_]", tag.strip().lower())
    primary = SAME_LANGUAGE.get(subtags[0], subtags[0])
    if (
        primary == TRADITIONAL["language"]
        and TRADITIONAL["unless"] not in subtags
        and set(TRADITIONAL["subtags"]) & set(subtags[1:])
        and TRADITIONAL["locale"] in known
    ):
        return TRADITIONAL["locale"]
    return primary


def rules_json() -> str:
    """The rules, for a page's scripts (letters, quotes and brackets only: safe in an attribute or a script)."""
    return json.dumps({"same": SAME_LANGUAGE, "traditional": TRADITIONAL}, separators=(",", ":"))
