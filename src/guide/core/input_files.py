"""Reading files a translator can change: size-limited UTF-8 text (a byte order mark is fine) and YAML
without aliases, anchors or impossible dates. Every failure is a ContentError naming the file and line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

# The longest page today is 6 KB; anything far larger is a mistake or an attack on the build.
MAX_FILE_BYTES = 200_000
# Pages nest lists and quotes two or three deep; Python-Markdown recurses once per level.
MAX_NESTING = 12
# Pages use at most about 60 '['; Python-Markdown's time grows with the square of the unclosed ones in a
# paragraph (100,000 took minutes), so a page may have a thousand (under a second).
MAX_BRACKETS = 1000
_NESTING_MARKERS = re.compile(r"(?:(?:>|[*+-](?=\s)|\d{1,9}[.)](?=\s))[ \t]*)*")


class ContentError(Exception):
    """Bad input in a content or data file; the message names the file and line."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{display_path(path)}:{line}: {message}")
        self.path = str(path)
        self.line = line


def display_path(path: Path | str) -> str:
    """A path relative to the working directory when possible: what a translator sees in their editor."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_text_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a UTF-8 file (with or without a byte order mark), newlines as '\\n'."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ContentError(
            path, 1, f"file is {size // 1000} KB; the limit is {max_bytes // 1000} KB (split it)"
        )
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(
            path, 1, "file is saved as UTF-16; save it as UTF-8 (your editor's 'Save with encoding')"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            path, line, "file is not valid UTF-8; save it as UTF-8 (your editor's 'Save with encoding')"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


NESTED_TOO_DEEPLY = "YAML is nested too deeply; flatten it"


class StrictLoader(yaml.CSafeLoader):
    """YAML for content, read by libyaml (in C: the translations and approvals files are large), with dates
    that exist (2026-02-30 is an error with a line, not a crash). Anchors and aliases are refused before
    (refuse_anchors)."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> dt.date | dt.datetime:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"'{node.value}' is not a real date ({error}); write it like 2026-11-24",
                node.start_mark,
            ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def refuse_anchors(text: str, loader: type[StrictLoader] = StrictLoader) -> None:
    """No anchors or aliases: an "alias bomb" expands a few lines into billions of values. Read from the
    document's events, before anything is built from it."""
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None,
                None,
                "YAML anchors and aliases (&name, *name) are not allowed; write the value out",
                event.start_mark,
            )


def _yaml_error(error: yaml.YAMLError, path: Path | str, first_line: int) -> ContentError:
    problem = getattr(error, "problem", None) or str(error)
    if "maximum nesting depth" in problem:  # libyaml's limit (1,000 levels)
        return ContentError(path, first_line, NESTED_TOO_DEEPLY)
    found = getattr(error, "problem_mark", None)
    started = getattr(error, "context_mark", None)
    if found is None:
        return ContentError(path, first_line, f"invalid YAML: {problem}")
    # YAML notices an unclosed bracket or quote on a later line; name the line where it began.
    if started is not None and found.line - 3 <= started.line < found.line:
        return ContentError(
            path,
            first_line + started.line,
            f"invalid YAML: {problem} (noticed on line {first_line + found.line})",
        )
    return ContentError(path, first_line + found.line, f"invalid YAML: {problem}")


def _parse_yaml(
    parse: Callable[..., Any], text: str, path: Path | str, first_line: int, loader: type[StrictLoader]
) -> Any:
    try:
        refuse_anchors(text, loader)
        return parse(text, Loader=loader)
    except yaml.YAMLError as error:
        raise _yaml_error(error, path, first_line) from None
    except RecursionError:
        raise ContentError(path, first_line, NESTED_TOO_DEEPLY) from None


def compose_yaml(
    text: str, path: Path | str, first_line: int = 1, loader: type[StrictLoader] = StrictLoader
) -> Any:
    """The YAML node tree, with a line number on every node."""
    return _parse_yaml(yaml.compose, text, path, first_line, loader)


def load_yaml(
    text: str, path: Path | str, first_line: int = 1, loader: type[StrictLoader] = StrictLoader
) -> Any:
    return _parse_yaml(yaml.load, text, path, first_line, loader)


def _load_with_tree(text: str, Loader: type[StrictLoader]) -> tuple[Any, yaml.Node | None]:  # noqa: N803
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        return (None if root is None else loader.construct_document(root)), root
    finally:
        loader.dispose()


def load_yaml_tree(
    text: str, path: Path | str, first_line: int = 1, loader: type[StrictLoader] = StrictLoader
) -> tuple[Any, yaml.Node | None]:
    """The YAML's values and its node tree (with a line number on every node), from one parse."""
    return _parse_yaml(_load_with_tree, text, path, first_line, loader)


def deepest_nesting(markdown: str) -> tuple[int, int]:
    """(depth, line) of the most deeply nested quote or list line, counting 4 columns or one '>' a level."""
    deepest, where = 0, 1
    for number, line in enumerate(markdown.splitlines(), start=1):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        # "> > - - item" nests four levels on one line.
        markers = _NESTING_MARKERS.match(expanded.lstrip()).group()
        depth = indent // 4 + len(re.findall(r"[>*+-]|\d+[.)]", markers))
        if depth > deepest:
            deepest, where = depth, number
    return deepest, where


def check_nesting(markdown: str, path: Path | str) -> None:
    depth, line = deepest_nesting(markdown)
    if depth > MAX_NESTING:
        raise ContentError(
            path,
            line,
            f"lists or quotes nested {depth} levels deep; at most {MAX_NESTING} are allowed (flatten them)",
        )


def check_brackets(markdown: str, path: Path | str) -> None:
    if markdown.count("[") <= MAX_BRACKETS:
        return
    at = -1
    for _ in range(MAX_BRACKETS + 1):
        at = markdown.index("[", at + 1)
    raise ContentError(
        path,
        markdown.count("\n", 0, at) + 1,
        f"more than {MAX_BRACKETS} '[' in one page; pages need a few dozen (links and sources): delete the rest",
    )
