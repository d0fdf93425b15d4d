"""The numbered sources (data/sources.yml) and the [n] citation markers pages use to cite them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from guide.core.project import cached, project
from guide.core.pages import ContentError, body_offset, load_yaml, read_text_file, split_front_matter

SOURCES_FILE = "sources.yml"  # in data/
# "[6]" or "[2, 6]", but not a Markdown link "[text](url)" or reference "[x][y]", nor an index such as
# "x[2]" in code. Chinese text needs no space before a citation ("求助[2]"). Pages use no reference
# definitions, so "[3]:" at the end of a sentence is a citation too.
CITATION = re.compile(r"(?<![\]A-Za-z0-9_\\])\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\](?![(\[])")


def citation_html(numbers: list[int] | tuple[int, ...]) -> str:
    """A citation marker as links to the page's source list: <sup class="citation">[<a>2</a>, <a>6</a>]</sup>."""
    links = ", ".join(f'<a href="#source-{number}">{number}</a>' for number in numbers)
    return f'<sup class="citation">[{links}]</sup>'


# A citation link as citation_html writes it, in the rendered page.
CITATION_LINK = re.compile(r'<a href="#source-(\d{1,3})">')


def name_citation_links(content: str, label: str) -> str:
    """Every citation link in a rendered page named for screen readers by the page language's label
    ("Source 6: Cancer Research UK"), not read out as a bare "link 6". After rendering, because a page's
    own Markdown may not carry ARIA attributes (guide/checks/html_policy.py)."""
    sources = all_sources()

    def named(match: re.Match[str]) -> str:
        number = int(match.group(1))
        source = sources.get(number)
        name = label.replace("{number}", str(number)).replace("{name}", source.short if source else "")
        return f'<a href="#source-{number}" aria-label="{html.escape(name.strip(" :："))}">'

    return CITATION_LINK.sub(named, content)


@dataclass(frozen=True)
class Source:
    id: int
    citation: str
    url: str
    short: str  # a few words for a citation link's accessible name


@cached
def all_sources() -> dict[int, Source]:
    path = project().data / SOURCES_FILE
    data = load_yaml(read_text_file(path), path)
    return {
        entry["id"]: Source(entry["id"], entry["citation"], entry.get("url", ""), entry.get("short", ""))
        for entry in data
    }


def citations(markdown: str) -> list[tuple[int, int]]:
    """(file line number, source number) for every citation in a page, front matter excluded."""
    found = []
    body = split_front_matter(markdown)[1]
    for number, line in enumerate(body.splitlines(), start=body_offset(markdown) + 1):
        for match in CITATION.finditer(line):
            found += [(number, int(n)) for n in match.group(1).split(",")]
    return found


def check_citations(markdown: str, listed: list[int], path: Path | str) -> None:
    """Every citation is listed in front matter and exists; every listed source is cited."""
    known = all_sources()
    cited = citations(markdown)
    for line, number in cited:
        if number not in known:
            raise ContentError(path, line, f"cites [{number}], which is not in data/sources.yml")
        if number not in listed:
            raise ContentError(path, line, f"cites [{number}] but front matter 'sources' does not list it")
    unused = sorted(set(listed) - {n for _, n in cited})
    if unused:
        raise ContentError(path, 1, f"front matter lists sources never cited on the page: {unused}")
