"""Line numbers of keys in a YAML file, so that an error in a data file can name the line to fix."""

from __future__ import annotations

import yaml

KeyPath = tuple[object, ...]


def node_lines(root: yaml.Node | None) -> dict[KeyPath, int]:
    """{('triage', 'signs', 'weakness'): 12, ...}: the 1-based line of every mapping key and list item of
    a composed YAML document (guide/core/input_files.py's load_yaml_tree)."""
    lines: dict[KeyPath, int] = {}

    def walk(node: yaml.Node | None, path: KeyPath) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, key.value)
                lines[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[(*path, index)] = item.start_mark.line + 1
                walk(item, (*path, index))

    walk(root, ())
    return lines


def line_of(lines: dict[KeyPath, int], *path: object) -> int:
    """The line of the longest prefix of path that exists: a missing key is reported at its parent."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def leading_comments(text: str) -> str:
    """The comment lines (and blank lines) at the top of a YAML file: a program that rewrites the file keeps
    the maintainers' explanation written there."""
    kept = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.startswith("#"):
            break
        kept.append(line)
    return "".join(kept)
