"""Templates escape every value unless it is marked as HTML we made (markupsafe.Markup).

Material's templates print page titles, descriptions, site names and copyright raw, and so did ours;
each of those is text a translator writes. With autoescaping on, only the values below stay HTML:
a page's rendered content (checked by src/guide/checks/content_safety.py) and our JSON-LD.

Each language's build makes a new environment, which compiled every one of Material's templates again:
a third of a plain Material build's time. Escaping environments share their compiled templates instead.
"""

from __future__ import annotations

from types import CodeType

import jinja2
from markupsafe import Markup

__all__ = ["Markup", "escape_by_default"]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, kept as code objects (reading marshalled code back cost most
    of what compiling did). An edited template (under `mkdocs serve`) has a new checksum and is compiled
    again. Only escaping environments use it: compiled code depends on autoescape."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self._code.get(bucket.key, ("", None))
        if code is not None and checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _CompiledTemplates()


def escape_by_default(env: jinja2.Environment) -> jinja2.Environment:
    env.autoescape = True
    env.cache = jinja2.utils.LRUCache(env.cache.capacity) if env.cache is not None else None  # recompile
    env.bytecode_cache = _COMPILED
    return env
