"""UI strings, site names, menu labels and page titles are plain text.

Templates print them inside HTML and attributes, and the build puts some into generated Markdown pages, so
markup in one of them would be markup on every page. The build refuses it with the file, line and key.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from guide.core.input_files import ContentError, compose_yaml

# Tags, entities (&lt; &#60; &#x3c;), Markdown code and links, attribute lists and raw URLs schemes that
# run code. Plain '&', quotes and brackets are fine in prose.
MARKUP = re.compile(
    r"[<>`]|&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*)(?:;|(?=\W|$))|\]\(|\{[:#.]|\b(?:javascript|vbscript|data):",
    re.IGNORECASE,
)
ADVICE = "write plain text: no HTML, entities (&lt;), Markdown code or links"


def markup_in(value: str) -> str | None:
    """The first piece of markup in a string, or None for plain text."""
    for found in MARKUP.finditer(value):
        text = found.group()
        if not text.startswith("&") or text.endswith(";") or _entity_without_semicolon(text):
            return text
    return None


def _entity_without_semicolon(text: str) -> bool:
    # Browsers decode "&lt" and "&#60" without the ';'; "& " or "AT&T" is prose.
    return bool(re.fullmatch(r"&(?:#[0-9]+|#x[0-9a-f]+|lt|gt|quot|amp|apos)", text, re.IGNORECASE))


def check_plain_text(value: str, path: Path | str, line: int, key: str) -> None:
    found = markup_in(value)
    if found is not None:
        raise ContentError(path, line, f"'{key}' contains '{found}': {ADVICE}")


def check_plain_text_tree(text: str, path: Path | str, first_line: int = 1) -> None:
    """Every string value (and key) of a YAML document is plain text; the error names the key's path."""
    root = compose_yaml(text, path, first_line)
    if root is not None:
        check_plain_text_node(root, path, first_line, "")


def check_plain_text_node(node: yaml.Node, path: Path | str, first_line: int, key: str) -> None:
    """Walk a composed YAML node: every scalar is checked, with its own line number."""
    if isinstance(node, yaml.ScalarNode):
        check_plain_text(str(node.value), path, first_line + node.start_mark.line, key or "value")
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            check_plain_text_node(item, path, first_line, f"{key}[{index}]")
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = f"{key}.{key_node.value}" if key else str(key_node.value)
            check_plain_text_node(key_node, path, first_line, name)
            check_plain_text_node(value_node, path, first_line, name)
