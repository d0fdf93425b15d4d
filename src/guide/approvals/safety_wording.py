"""Which words are safety wording, in one place: what a translator may not change without a recorded approval.

Safety wording is every text a reader acts on in an urgency card or the alert card: the triage catalogue's
words (each tier's title, lead and action, every warning sign, the alert card's words and its clinician side,
and every Easy Read sentence)
and the UI strings printed inside a card (CARD_STRINGS); and, because they say who checked a page, the page
notice's strings (NOTICE_STRINGS). Keys are dotted, as a translator finds them in
translations/<lang>.yml: 'triage.signs.weakness', 'triage.tiers.emergency.action', 'strings.why_we_say_this'.
"""

from __future__ import annotations

import hashlib
from typing import Any

from guide.catalogues.triage import CARD_TEXTS, CLINICIAN_TEXTS, TIER_TEXTS, TIERS, Wording

# The UI strings shown inside an urgency card (src/guide/cards/urgency_boxes.py): the call area, the country
# picker, the "why we say this" line and the general-advice marks.
CARD_STRINGS = (
    "emergency_number_in",
    "choose_country",
    "country_search",
    "country_none",
    "emergency_number_missing",
    "emergency_numbers_elsewhere",
    "urgent_number_in",
    "why_we_say_this",
    "card_general_advice",
    "general_advice",
)

# The strings that tell a reader whether a clinician checked the page (the page notice): a translator who
# wrote "checked by a clinician" into the "not yet checked" line would claim a review that did not happen.
NOTICE_STRINGS = (
    "review_not_reviewed",
    "review_not_reviewed_short",
    "translation_draft",
    "translation_draft_short",
    "translation_reviewed",
    "review_by",
    "review_due",
    "review_stale",
)


def safety_texts(words: Wording, strings: dict[str, str]) -> dict[str, str]:
    """Every safety text of one language by its dotted key, in the order of the translations file."""
    texts = {f"triage.tiers.{tier}.{part}": words.tiers[tier][part] for tier in TIERS for part in TIER_TEXTS}
    texts |= {f"triage.signs.{sign}": text for sign, text in words.signs.items()}
    texts |= {f"triage.card.{part}": words.card[part] for part in CARD_TEXTS}
    texts |= {f"triage.card.clinician.{part}": words.clinician[part] for part in CLINICIAN_TEXTS}
    # 'triage.easy_read.tiers.emergency.actions.0': an action is found by its place in the list.
    texts |= {"triage." + ".".join(map(str, path)): text for path, text in words.easy_read_texts()}
    texts |= {f"strings.{key}": strings[key] for key in (*CARD_STRINGS, *NOTICE_STRINGS)}
    return texts


def key_path(key: str) -> tuple[str | int, ...]:
    """'triage.signs.weakness' -> ('triage', 'signs', 'weakness'): where the key is in a YAML file (a number
    is a place in a list)."""
    return tuple(int(part) if part.isdigit() else part for part in key.split("."))


def text_hash(text: str) -> str:
    """The fingerprint an approval records: SHA-256 of the text as the reader gets it, 12 hex digits."""
    return hashlib.sha256(text.strip().encode()).hexdigest()[:12]


def value_at(data: Any, key: str) -> str | None:
    """The string at a dotted key of a parsed YAML file (a back-translation), or None."""
    value = data
    for part in key_path(key):
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None
