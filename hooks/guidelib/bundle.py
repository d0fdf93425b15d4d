"""Build modes for the downloadable offline bundle (see hooks/offline_bundle.py)."""

from __future__ import annotations

import os

# "true" inside the second build that makes the bundle; mkdocs.yml enables Material's offline plugin with it.
BUNDLE_BUILD_ENV = "GUIDE_BUNDLE_BUILD"
# "1" skips making bundles, for quick builds (the bad-input tests).
SKIP_BUNDLE_ENV = "GUIDE_SKIP_BUNDLE"


def building_bundle() -> bool:
    return os.environ.get(BUNDLE_BUILD_ENV) == "true"


def bundles_wanted() -> bool:
    return not building_bundle() and os.environ.get(SKIP_BUNDLE_ENV) != "1"


def bundle_path(locale: str) -> str:
    """Where a language's zip lives, relative to the site root."""
    return f"downloads/spine-guide-{locale}.zip"
