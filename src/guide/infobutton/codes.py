"""Clinical codes that open the guide from a patient record (data/codes.yml), read and checked once per build.

A record system asks in the request shape of MedlinePlus Connect (HL7's context-aware knowledge retrieval,
"infobutton"): mainSearchCriteria.v.cs is the code system's OID, mainSearchCriteria.v.c the code, and
informationRecipient.languageCode.c the patient's language. The functions here say which page and language a
request leads to; overrides/assets/javascripts/infobutton.js does the same in the reader's browser, by
matching the links of the infobutton page (src/guide/infobutton/steps.py), so that a value in the address
never becomes part of another address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.core.input_files import ContentError, load_yaml_tree
from guide.core.language_tags import guide_language
from guide.core.project import cached, project
from guide.core.yaml_lines import line_of, node_lines

CODES_FILE = "codes.yml"  # in data/
ICD10CM = "2.16.840.1.113883.6.90"
WHO_ICD10 = "2.16.840.1.113883.6.3"
# How a code of each system is written in its official list: a letter, two digits, then after a dot up to
# four characters (ICD-10-CM) or one digit (WHO ICD-10 at the level this guide uses).
CODE_PATTERNS = {
    ICD10CM: re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?"),
    WHO_ICD10: re.compile(r"[A-Z][0-9]{2}(\.[0-9])?"),
}
# Longer values are not codes: they are ignored, whatever they hold.
MAX_VALUE = 64
_OID = re.compile(r"[0-2](\.(0|[1-9][0-9]*))+")
_LANGUAGE = re.compile(r"[a-z]{2,3}|zh-Hant")


@dataclass(frozen=True)
class CodeSystem:
    oid: str
    name: str
    citation: str
    url: str


@dataclass(frozen=True)
class Code:
    system: str  # the OID
    code: str  # as the official list writes it: 'G95.20'
    title: str  # its official title, in English
    page: str  # a page of the guide: 'when-to-get-help', 'index'
    source: str  # the official page that shows the code


@dataclass(frozen=True)
class CodeList:
    systems: dict[str, CodeSystem]
    codes: tuple[Code, ...]

    def find(self, system: str, code: str) -> Code | None:
        wanted = (normal_system(system), normal_code(code))
        return next((c for c in self.codes if (c.system, normal_code(c.code)) == wanted), None)


def normal_system(value: str) -> str:
    """An OID as records send it: 'urn:oid:2.16.840.1.113883.6.90' or the bare OID; '' if it is no OID."""
    value = value.strip()
    if len(value) > MAX_VALUE:
        return ""
    value = value.removeprefix("urn:oid:")
    return value if _OID.fullmatch(value) else ""


def normal_code(value: str) -> str:
    """A code to compare: upper case, without its dot (records send 'G95.20', 'g95.20' or 'G9520')."""
    value = value.strip()
    if len(value) > MAX_VALUE:
        return ""
    value = value.upper().replace(".", "")
    return value if re.fullmatch(r"[A-Z0-9]{1,8}", value) else ""


def normal_language(value: str, known: tuple[str, ...], default: str) -> str:
    """The guide's language for a request's language code ('es', 'es-MX', 'ZH_cn'; the rules of
    guide/core/language_tags.py); `default` when the guide does not have that language or the value is no
    language code."""
    if len(value.strip()) > MAX_VALUE:
        return default
    language = guide_language(value, known)
    return language if _LANGUAGE.fullmatch(language) and language in known else default


def resolve(
    codes: CodeList, system: str, code: str, language: str, known: tuple[str, ...], default: str
) -> tuple[str, str]:
    """(page, language) for a request: the code's page in the patient's language (the default language if the
    guide lacks it); for an unknown code, that language's home page ('index')."""
    found = codes.find(system, code)
    return (found.page if found else "index", normal_language(language, known, default))


def _text(entry: dict[str, Any], key: str, path: Path, line: int, what: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, line, f"{what} needs '{key}:' (text)")
    return value


def _address(entry: dict[str, Any], key: str, path: Path, line: int, what: str) -> str:
    """An official page: an https:// address."""
    value = _text(entry, key, path, line, what)
    if not value.startswith("https://"):
        raise ContentError(path, line, f"{what}: {key} must be an https:// address")
    return value


def parse_codes(text: str, path: Path, pages: set[str]) -> CodeList:
    """The code list of data/codes.yml; a mistake is one line, with the file and line to fix. pages: the pages
    a code may open (file names of docs/en/ without .md)."""
    data, root = load_yaml_tree(text, path)
    lines = node_lines(root)
    if not isinstance(data, dict) or not isinstance(data.get("systems"), list):
        raise ContentError(path, 1, "must be a mapping with 'systems:' and 'codes:' lists")
    if not isinstance(data.get("codes"), list):
        raise ContentError(path, line_of(lines, "codes"), "'codes:' must be a list")
    systems: dict[str, CodeSystem] = {}
    for index, entry in enumerate(data["systems"]):
        line = line_of(lines, "systems", index)
        if not isinstance(entry, dict):
            raise ContentError(path, line, "each system needs oid, name, citation and url")
        oid = _text(entry, "oid", path, line, "a code system")
        if oid not in CODE_PATTERNS:
            raise ContentError(
                path,
                line,
                f"code system {oid!r} is not one the guide can check: use {', '.join(CODE_PATTERNS)}",
            )
        url = _address(entry, "url", path, line_of(lines, "systems", index, "url"), f"code system {oid}")
        systems[oid] = CodeSystem(
            oid, _text(entry, "name", path, line, oid), _text(entry, "citation", path, line, oid), url
        )
    codes: list[Code] = []
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(data["codes"]):
        line = line_of(lines, "codes", index)
        if not isinstance(entry, dict):
            raise ContentError(path, line, "each code needs system, code, title, page and source")
        system = _text(entry, "system", path, line, "a code")
        if system not in systems:
            raise ContentError(
                path,
                line_of(lines, "codes", index, "system"),
                f"unknown code system {system!r}: list it under systems:",
            )
        code = _text(entry, "code", path, line, "a code")
        if not CODE_PATTERNS[system].fullmatch(code):
            raise ContentError(
                path,
                line_of(lines, "codes", index, "code"),
                f"{code!r} is not a {systems[system].name} code as its official list writes it (like G95.20)",
            )
        if (system, normal_code(code)) in seen:
            raise ContentError(path, line, f"{systems[system].name} code {code} is listed twice")
        seen.add((system, normal_code(code)))
        page = _text(entry, "page", path, line, f"code {code}")
        if page not in pages:
            raise ContentError(
                path,
                line_of(lines, "codes", index, "page"),
                f"code {code}: no page '{page}' (docs/en/{page}.md); use one of {', '.join(sorted(pages))}",
            )
        source = _address(entry, "source", path, line_of(lines, "codes", index, "source"), f"code {code}")
        codes.append(Code(system, code, _text(entry, "title", path, line, f"code {code}"), page, source))
    return CodeList(systems, tuple(codes))


@cached
def load_codes() -> CodeList:
    path = project().data / CODES_FILE
    pages = {page.stem for page in (project().docs / "en").glob("*.md")}
    return parse_codes(path.read_text(encoding="utf-8"), path, pages)
