"""Templates escape every value unless it is marked as HTML we made (markupsafe.Markup).

Material's templates print page titles, descriptions, site names and copyright raw, and so did ours;
each of those is text a translator writes. With autoescaping on, only the values below stay HTML:
a page's rendered content (checked by hooks/content_safety.py) and our JSON-LD.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

__all__ = ["Markup", "escape_by_default"]


def escape_by_default(env: jinja2.Environment) -> jinja2.Environment:
    env.autoescape = True
    env.cache = jinja2.utils.LRUCache(env.cache.capacity) if env.cache is not None else None  # recompile
    return env
