"""The triage catalogue (data/triage.yml): every warning sign once, with its tier and sources, and the
title, lead and action of each tier. English wording lives in the catalogue; every other language
translates it once in the `triage:` section of translations/<lang>.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide.core.project import cached, project
from guide.core.digits import digit_runs
from guide.core.input_files import load_yaml_tree
from guide.core.pages import ContentError
from guide.catalogues.pictograms import check_icon, health_icons
from guide.catalogues.sources import all_sources
from guide.core.yaml_lines import KeyPath, line_of, node_lines
from guide.easy_read.sentences import check_easy_read

TRIAGE_FILE = "triage.yml"  # in data/
# Most urgent first: one card each, and the admonition kinds of the boxes (`!!! other-emergency`).
TIERS = ("emergency", "other-emergency", "urgent", "routine")
TIER_TEXTS = ("title", "lead", "action")
CARD_TEXTS = (
    "title",
    "say_heading",
    "say",
    "team_number",
    "cancer_type",
    "signs_heading",
    "name",
    "hospital",
    "notes",
)
# The side of the alert card for the clinician (`card: clinician:`), in the language of the country the
# reader is in (src/guide/handouts/card_page.py).
CLINICIAN_TEXTS = ("heading", "note", "mri", "local_number")
# Easy Read (guide/easy_read/): each tier's heading, the one sentence that leads its signs, and its actions.
EASY_READ = "easy_read"


@dataclass(frozen=True)
class Sign:
    id: str
    tier: str
    sources: tuple[int, ...]
    general_advice: bool
    icon: str  # the Health Icons pictogram beside the sign (guide/catalogues/pictograms.py)


@dataclass(frozen=True)
class Tier:
    name: str
    lead_sources: tuple[int, ...]
    action_sources: tuple[int, ...]
    action_general_advice: bool
    action_icon: str  # the pictogram beside the action: a phone, an ambulance, a hospital, a calendar


@dataclass(frozen=True)
class Catalogue:
    tiers: dict[str, Tier]
    signs: dict[str, Sign]  # in catalogue order
    say_sources: tuple[int, ...]
    clinician_sources: dict[str, tuple[int, ...]]  # "note" and "mri": what says each line for the clinician
    card_signs: tuple[str, ...]  # the emergency signs printed on the alert card
    easy_read_icons: dict[str, EasyReadIcons]  # by tier: the pictograms beside its Easy Read sentences
    english: Wording


@dataclass(frozen=True)
class EasyReadIcons:
    lead: str
    actions: tuple[str, ...]  # one per action sentence, in order


@dataclass(frozen=True)
class EasyReadTier:
    """One tier in Easy Read words: every text one sentence (guide/easy_read/sentences.py checks them)."""

    heading: str
    lead: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Wording:
    """The words of the catalogue in one language."""

    tiers: dict[str, dict[str, str]]  # tier -> {title, lead, action}
    signs: dict[str, str]
    card: dict[str, str]
    clinician: dict[str, str]  # card.clinician
    easy_read: dict[str, EasyReadTier] = field(default_factory=dict)  # by tier
    easy_read_signs: dict[str, str] = field(default_factory=dict)

    def easy_read_texts(self) -> list[tuple[KeyPath, str]]:
        """Every Easy Read sentence with its key path under the wording's root (heading, lead, actions, signs)."""
        texts: list[tuple[KeyPath, str]] = []
        for tier, words in self.easy_read.items():
            texts.append(((EASY_READ, "tiers", tier, "heading"), words.heading))
            texts.append(((EASY_READ, "tiers", tier, "lead"), words.lead))
            texts += [
                ((EASY_READ, "tiers", tier, "actions", index), text)
                for index, text in enumerate(words.actions)
            ]
        texts += [((EASY_READ, "signs", sign), text) for sign, text in self.easy_read_signs.items()]
        return texts


def _sources(value: Any, path: Path, line: int, what: str) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or any(not isinstance(n, int) or n not in all_sources() for n in value):
        raise ContentError(
            path, line, f"{what} must be a list of source numbers from data/sources.yml, like [2, 6]"
        )
    return tuple(value)


def _text(data: Any, key_path: KeyPath, lines: dict[KeyPath, int], path: Path) -> str:
    value: Any = data
    for key in key_path:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        else:
            value = None
    if not isinstance(value, str) or not value.strip():
        dotted = ".".join(str(key) for key in key_path)
        raise ContentError(
            path, line_of(lines, *key_path), f"missing or empty '{dotted}': add it, translated"
        )
    return value.strip()


def _easy_read_tier(
    data: Any, root: KeyPath, tier: str, actions: int, lines: dict[KeyPath, int], path: Path
) -> EasyReadTier:
    """A tier's Easy Read words: as many actions as English has, each with its picture (a missing or extra
    one would put a sentence beside the wrong picture)."""
    at = (*root, EASY_READ, "tiers", tier)
    given: Any = data
    for key in (*at, "actions"):
        given = given.get(key) if isinstance(given, dict) else None
    if isinstance(given, list) and len(given) != actions:
        raise ContentError(
            path,
            line_of(lines, *at, "actions"),
            f"'{'.'.join(map(str, (*at, 'actions')))}' has {len(given)} sentences, English has {actions}: "
            "translate each English sentence as one sentence, in the same order",
        )
    return EasyReadTier(
        heading=_text(data, (*at, "heading"), lines, path),
        lead=_text(data, (*at, "lead"), lines, path),
        actions=tuple(_text(data, (*at, "actions", index), lines, path) for index in range(actions)),
    )


def wording(
    data: Any,
    root: KeyPath,
    signs: list[str],
    lines: dict[KeyPath, int],
    path: Path,
    easy_read_actions: dict[str, int],
) -> Wording:
    """Every tier text, sign, card text and Easy Read sentence under `root` in a parsed YAML file; a missing
    one fails. easy_read_actions: how many action sentences each tier has in English."""
    return Wording(
        tiers={
            tier: {text: _text(data, (*root, "tiers", tier, text), lines, path) for text in TIER_TEXTS}
            for tier in TIERS
        },
        signs={sign: _text(data, (*root, "signs", sign), lines, path) for sign in signs},
        card={text: _text(data, (*root, "card", text), lines, path) for text in CARD_TEXTS},
        clinician={
            text: _text(data, (*root, "card", "clinician", text), lines, path) for text in CLINICIAN_TEXTS
        },
        easy_read={
            tier: _easy_read_tier(data, root, tier, easy_read_actions[tier], lines, path) for tier in TIERS
        },
        easy_read_signs={sign: _text(data, (*root, EASY_READ, "signs", sign), lines, path) for sign in signs},
    )


def typed_numbers(
    translated: Wording, english: Wording, root: KeyPath, lines: dict[KeyPath, int], path: Path
) -> None:
    """A translated text may hold only the numbers its English text holds (the "24" of "24-hour line"):
    phone numbers come from data/emergency-numbers.yml, never from a translation."""
    pairs = [(("signs", sign), text, english.signs[sign]) for sign, text in translated.signs.items()]
    pairs += [
        (("tiers", tier, key), text, english.tiers[tier][key])
        for tier, texts in translated.tiers.items()
        for key, text in texts.items()
    ]
    pairs += [(("card", key), text, english.card[key]) for key, text in translated.card.items()]
    pairs += [
        (("card", "clinician", key), text, english.clinician[key])
        for key, text in translated.clinician.items()
    ]
    pairs += [
        (key_path, text, english_text)
        for (key_path, text), (_, english_text) in zip(
            translated.easy_read_texts(), english.easy_read_texts(), strict=True
        )
    ]
    for key_path, text, english_text in pairs:
        # Digits in any script, superscript and full-width ones too (guide/core/digits.py).
        allowed = {int(run.digits) for run in digit_runs(english_text)}
        for run in digit_runs(text):
            if int(run.digits) not in allowed:
                raise ContentError(
                    path,
                    line_of(lines, *root, *key_path),
                    f"'{'.'.join(map(str, (*root, *key_path)))}' has the number {run.written}, which the English text does "
                    "not: phone numbers come from data/emergency-numbers.yml; delete it",
                )


def unknown_signs(
    data: Any, root: KeyPath, known: dict[str, Sign], lines: dict[KeyPath, int], path: Path
) -> None:
    """A translated sign the catalogue does not have is a typo or a removed sign: say so."""
    for signs_at in ((*root, "signs"), (*root, EASY_READ, "signs")):
        section: Any = data
        for key in signs_at:
            section = section.get(key) if isinstance(section, dict) else None
        for sign in section or {}:
            if sign not in known:
                raise ContentError(
                    path,
                    line_of(lines, *signs_at, sign),
                    f"unknown sign '{sign}': data/triage.yml has no such id",
                )


@cached
def load_catalogue() -> Catalogue:
    path = project().data / TRIAGE_FILE
    text = path.read_text(encoding="utf-8")
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("signs"), list)
        or not isinstance(data.get("tiers"), dict)
    ):
        raise ContentError(path, 1, "must be a mapping with tiers, signs and card")
    tiers = {}
    for name in TIERS:
        entry = data["tiers"].get(name)
        if not isinstance(entry, dict):
            raise ContentError(path, line_of(lines, "tiers"), f"tiers.{name} is missing")
        tiers[name] = Tier(
            name,
            _sources(
                entry.get("lead_sources"), path, line_of(lines, "tiers", name, "lead_sources"), "lead_sources"
            ),
            _sources(
                entry.get("action_sources"),
                path,
                line_of(lines, "tiers", name, "action_sources"),
                "action_sources",
            ),
            bool(entry.get("action_general_advice")),
            check_icon(
                entry.get("action_icon"),
                health_icons(),
                path,
                line_of(lines, "tiers", name, "action_icon"),
                f"tiers.{name}.action_icon",
            ),
        )
    signs: dict[str, Sign] = {}
    english_signs: dict[str, str] = {}
    for index, entry in enumerate(data["signs"]):
        line = line_of(lines, "signs", index)
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ContentError(path, line, "each sign needs an id, a tier, a text and sources")
        sign_id = entry["id"]
        if sign_id in signs:
            raise ContentError(path, line, f"sign '{sign_id}' is listed twice: each sign belongs to one tier")
        if entry.get("tier") not in TIERS:
            raise ContentError(path, line, f"sign '{sign_id}': tier must be one of {', '.join(TIERS)}")
        sources = _sources(entry.get("sources"), path, line, f"sign '{sign_id}' sources")
        general_advice = bool(entry.get("general_advice"))
        if not sources and not general_advice:
            raise ContentError(
                path, line, f"sign '{sign_id}' cites no source: add sources, or general_advice: true"
            )
        icon = check_icon(
            entry.get("icon"),
            health_icons(),
            path,
            line_of(lines, "signs", index, "icon"),
            f"sign '{sign_id}' icon",
        )
        signs[sign_id] = Sign(sign_id, entry["tier"], sources, general_advice, icon)
        english_signs[sign_id] = _text(data, ("signs", index, "text"), lines, path)
    easy_read, easy_read_icons = _english_easy_read(data, lines, path)
    # English words in the shape every other language uses (signs keyed by id, Easy Read sentences without
    # their pictures), checked the same way.
    english = wording(
        {**data, "signs": english_signs, EASY_READ: easy_read},
        (),
        list(signs),
        lines,
        path,
        {tier: len(icons.actions) for tier, icons in easy_read_icons.items()},
    )
    check_easy_read(english, (), "en", lines, path)  # the catalogue's own words are English
    say_sources = _sources(
        data["card"].get("say_sources"), path, line_of(lines, "card", "say_sources"), "say_sources"
    )
    clinician_sources = {
        line: _sources(
            data["card"].get(f"{line}_sources"),
            path,
            line_of(lines, "card", f"{line}_sources"),
            f"card.{line}_sources",
        )
        for line in ("note", "mri")
    }
    if not all(clinician_sources.values()):
        raise ContentError(
            path,
            line_of(lines, "card"),
            "card.note_sources and card.mri_sources must cite the clinician's lines",
        )
    card_signs = data["card"].get("signs")
    if not isinstance(card_signs, list) or any(
        signs.get(s) is None or signs[s].tier != "emergency" for s in card_signs
    ):
        raise ContentError(path, line_of(lines, "card", "signs"), "card.signs must list emergency sign ids")
    return Catalogue(
        tiers, signs, say_sources, clinician_sources, tuple(card_signs), easy_read_icons, english
    )


def _english_easy_read(
    data: Any, lines: dict[KeyPath, int], path: Path
) -> tuple[Any, dict[str, EasyReadIcons]]:
    """The Easy Read section of data/triage.yml, where each lead and action is {icon, text}: its words in
    the shape the languages' files use (plain sentences), and its pictures."""
    section = data.get(EASY_READ)
    tiers = section.get("tiers") if isinstance(section, dict) else None
    if not isinstance(tiers, dict):
        raise ContentError(
            path, line_of(lines, EASY_READ), "easy_read.tiers is missing: add each tier's Easy Read words"
        )
    words: dict[str, Any] = {}
    icons: dict[str, EasyReadIcons] = {}

    def pictured(entry: Any, *key_path: object) -> tuple[str, str]:
        line = line_of(lines, EASY_READ, "tiers", *key_path)
        where = ".".join(map(str, (EASY_READ, "tiers", *key_path)))
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ContentError(
                path, line, f"'{where}' must be {{icon: <pictogram>, text: \"<one sentence>\"}}"
            )
        return check_icon(entry.get("icon"), health_icons(), path, line, f"{where}.icon"), entry["text"]

    for tier in TIERS:
        entry = tiers.get(tier)
        actions = entry.get("actions") if isinstance(entry, dict) else None
        if not isinstance(actions, list) or not actions:
            raise ContentError(
                path,
                line_of(lines, EASY_READ, "tiers", tier),
                f"easy_read.tiers.{tier} needs a heading, a lead and actions",
            )
        lead_icon, lead = pictured(entry.get("lead"), tier, "lead")
        pairs = [pictured(action, tier, "actions", index) for index, action in enumerate(actions)]
        icons[tier] = EasyReadIcons(lead_icon, tuple(icon for icon, _ in pairs))
        words[tier] = {"heading": entry.get("heading"), "lead": lead, "actions": [text for _, text in pairs]}
    return {"tiers": words, "signs": section.get("signs")}, icons
