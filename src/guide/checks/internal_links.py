"""Links between pages must resolve, checked on the Markdown so the error names the file and line.

MkDocs' own check names the file only. Anchors must be the fixed `{#id}` heading ids (WRITING.md), which
stay the same in every language, so a link checked here works in every translation.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide.core.pages import body_offset, read_text_file, split_front_matter
from guide.core.engine import Page, PluginError

LINK = re.compile(r"\]\(([^)\s\]]+)\)")  # linear: a target stops at "]" too
HEADING_ID = re.compile(r"\{#([\w-]+)\}")
GENERATED_IDS = {
    "sources",
    "emergency-numbers",
}  # added by src/guide/page/citations.py and src/guide/cards/numbers_table.py


def _ids(path: Path) -> set[str]:
    return set(HEADING_ID.findall(read_text_file(path))) | GENERATED_IDS


def broken_links(path: Path) -> list[tuple[int, str]]:
    markdown = read_text_file(path)
    found = []
    offset = body_offset(markdown)
    for number, line in enumerate(split_front_matter(markdown)[1].splitlines(), start=offset + 1):
        for target in LINK.findall(line):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
                continue  # https:, mailto:, tel: ... (external links are checked weekly)
            file_part, _, anchor = target.partition("#")
            target_path = (path.parent / file_part).resolve() if file_part else path
            if file_part and not (target_path.suffix == ".md" and target_path.is_file()):
                found.append((number, f"link to '{target}': no such page"))
            elif anchor and not anchor.startswith("source-") and anchor not in _ids(target_path):
                found.append((number, f"link to '{target}': no heading with {{#{anchor}}} there"))
    return found


def check_internal_links(page: Page) -> None:
    problems = broken_links(Path(page.file.abs_src_path))
    if problems:
        details = "; ".join(f"docs/{page.file.src_uri}:{line}: {what}" for line, what in problems)
        raise PluginError(f"Broken link ({details})")
