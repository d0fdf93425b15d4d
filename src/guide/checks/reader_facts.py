"""A translation gives readers no number, phone or mail address, or link host that its English page does not.

What is compared is what readers receive: the final HTML of a page (the `content` that the page, its embed
views, the content API and oEmbed are all made from), read as a browser reads it. From it we take its
"facts": every run of digits in its text and in the attributes people read (alt, title, aria-label), after
Unicode NFKC normalisation and in any script (Arabic-Indic ٩٩٩, superscript ¹¹², full-width １２０ are all
"999", "112", "120"); the targets of its tel: and mailto: links; and the shape of every address, so that the
host the build checks is the host a browser would open.

Design: compare each translated page with its own English page, not with a list of allowed numbers.
mkdocs-static-i18n builds English first, so each English page's facts are known (by its bare URL) when its
translations are built. Everything the build adds from data (the cards' words, the numbers table, citations
[n], the source list with its years, dates) is added to the English page the same way, so it is already
among the English facts and no list of generated blocks has to be kept in step with the build. The one
part that differs by language on purpose is the call area of a calling card (class `emergency-call`: the
numbers of the language's countries, from data/emergency-numbers.yml); it is left out on both sides. A
translator cannot write that class (the sanitiser's WRITTEN_MARKUP refuses it), and the UI strings printed
in it are held to the same digit rule when translations/<lang>.yml is read (catalogues/language_registry.py).

A page's title and description leave the page through its head, the API and oEmbed too: they are compared
with the English page's when the page is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from guide.checks.html_policy import source_line
from guide.core.digits import digit_runs, new_digit_run
from guide.core.html_fragments import parse_fragment, with_class
from guide.core.input_files import ContentError
from guide.core.pages import front_matter_line, read_meta
from guide.core.site_config import bare_page_url
from guide.translation.translated_pages import SOURCE_LANGUAGE, english_source
from guide.core.engine import Page
from lxml.html import HtmlElement

# The call area of a calling card: the numbers of the page language's countries, written by the build.
CALL_AREA = "emergency-call"
READ_ATTRIBUTES = ("alt", "title", "aria-label")
ADDRESS_ADVICE = "write it as https://host/path, exactly as the English page does"
NUMBER_ADVICE = (
    "numbers to call come from data/emergency-numbers.yml and are added by the build; keep only the "
    "numbers the English page has (digits in every script count)"
)


def phone_target(href: str) -> str:
    """A tel: link's number as a phone dials it: '+' and ASCII digits."""
    dialled = unicodedata.normalize("NFKC", unquote(href.split(":", 1)[1]))
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() else c for c in dialled if c.isdigit() or c == "+"
    )


def mail_target(href: str) -> str:
    return unicodedata.normalize("NFKC", unquote(href.split(":", 1)[1].split("?", 1)[0])).strip().lower()


_WEB_SCHEME = re.compile(r"^(?:https?):", re.IGNORECASE)
_PLAIN_HOST = re.compile(r"[a-z0-9.-]+(?::[0-9]{1,5})?", re.IGNORECASE)


def browser_address_problem(url: str) -> str | None:
    """Why a browser might open another host than the one Python's urlsplit reads in this address, or None.
    The WHATWG parser reads a backslash as '/', 'https:host' as 'https://host', takes what follows an '@'
    as the host, and decodes %41 and full-width dots in a host: all refused, so the two agree."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00- ")
    if "\\" in cleaned:
        return "has a backslash, which browsers read as '/'"
    if not _WEB_SCHEME.match(cleaned):
        return None
    rest = cleaned.split(":", 1)[1]
    if not rest.startswith("//") or rest.startswith("///"):
        return "must start with https:// and the host"
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if "@" in authority:
        return "names a user before its host (user@host)"
    if not _PLAIN_HOST.fullmatch(authority):
        return "has a host written in a way browsers may read differently; write it as the English page does"
    return None


@dataclass(frozen=True)
class ReaderFacts:
    """What a page gives readers to act on, each with how it is written (to find its line)."""

    digits: dict[str, str]
    phones: dict[str, str]
    mail: dict[str, str]


def reader_facts(html: str) -> ReaderFacts:
    return _facts(parse_fragment(html))


def _facts(root: HtmlElement) -> ReaderFacts:
    """The facts of a parsed page (its call areas are removed from the tree)."""
    for call_area in with_class(root, CALL_AREA):
        call_area.drop_tree()  # keeps the text after it
    texts = [*root.itertext(), *root.xpath(_READ_ATTRIBUTES)]
    phones, mail = {}, {}
    for value in root.xpath(".//@href"):
        href = value.strip()
        if href.lower().startswith("tel:"):
            phones.setdefault(phone_target(href), href)
        elif href.lower().startswith("mailto:"):
            mail.setdefault(mail_target(href), href.split(":", 1)[1])
    digits: dict[str, str] = {}
    for text in texts:
        for run in digit_runs(text):
            digits.setdefault(run.digits, run.written)
    return ReaderFacts(digits, phones, mail)


_READ_ATTRIBUTES = " | ".join(f".//@{name}" for name in READ_ATTRIBUTES)


def address_problems(root: HtmlElement) -> list[tuple[str, str]]:
    """(message, the address) for every href or src of a parsed page whose host a browser could read
    differently."""
    found = []
    for value in root.xpath(".//@href | .//@src"):
        problem = browser_address_problem(value) if value else None
        if problem:
            found.append((f"the address '{value[:60]}' {problem}: {ADDRESS_ADVICE}", str(value)))
    return found


# Bare page URL -> the English page's facts (filled while English is built).
english_facts: dict[str, ReaderFacts] = {}


def _new_facts(page_facts: ReaderFacts, english: ReaderFacts) -> list[tuple[str, str]]:
    problems = [
        (f"number '{written}' is not on the English page: {NUMBER_ADVICE}", written)
        for digits, written in page_facts.digits.items()
        if digits not in english.digits
    ]
    problems += [
        (f"phone link '{href}' is not on the English page: delete it; {NUMBER_ADVICE}", href)
        for number, href in page_facts.phones.items()
        if number not in english.phones
    ]
    problems += [
        (f"mail address '{address}' is not on the English page: delete it", address)
        for target, address in page_facts.mail.items()
        if target not in english.mail
    ]
    return problems


def check_numbers_and_addresses(html: str, page: Page, locale: str) -> None:
    """On the final HTML: every address reads the same to the build and to browsers, and a translation
    adds no number, phone or mail address to its English page's."""
    if page.file.generated_by:  # made by the build from plain-text strings and data
        return
    root = parse_fragment(html)
    problems = address_problems(root)
    facts = _facts(root)
    bare_url = bare_page_url(page.url, locale)
    if locale == SOURCE_LANGUAGE:
        english_facts[bare_url] = facts
    elif bare_url in english_facts:
        problems += _new_facts(facts, english_facts[bare_url])
    if problems:
        message, needle = problems[0]
        source = page.file.content_string
        raise ContentError(f"docs/{page.file.src_uri}", source_line(source, (needle,)), message)


def check_title_and_description(page: Page, source: str | None) -> None:
    """A translated page's title and description (the head, the API and oEmbed print them) hold only the
    numbers its English page's title and description hold."""
    if source is None or not page.file.abs_src_path:
        return
    path = Path(page.file.abs_src_path)
    english = english_source(path)
    if english == path or not english.is_file():
        return
    meta, english_meta = read_meta(path), read_meta(english)
    allowed = f"{english_meta['title']} {english_meta['description']}"
    for key in ("title", "description"):
        run = new_digit_run(meta[key], allowed)
        if run is not None:
            raise ContentError(
                path,
                front_matter_line(key, source),
                f"'{key}' has the number '{run.written}', which the English page's title and description do "
                f"not: {NUMBER_ADVICE}",
            )
