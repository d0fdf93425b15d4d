"""Build modes: the second build that makes the offline bundle (hooks/offline_bundle.py), whether to make
the downloads (offline zips, printable PDFs) at all, and when every language has been built."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

# Hooks whose on_post_build needs every language built use this priority and whole_site_built().
AFTER_ALL_LANGUAGES = -200

# "true" inside the second build that makes the bundle; mkdocs.yml enables Material's offline plugin with it.
BUNDLE_BUILD_ENV = "GUIDE_BUNDLE_BUILD"
# Scripts only the offline zip uses (the iframe-worker shim that runs search from file://): not precached.
ZIP_ONLY_SCRIPTS = "assets/javascripts/vendor/"
# "1" skips making bundles, for quick builds (the bad-input tests).
SKIP_BUNDLE_ENV = "GUIDE_SKIP_BUNDLE"
# "1" prints the PDF handouts (hooks/handouts.py). Needs the system Chromium, so `make serve` leaves it off.
HANDOUTS_ENV = "GUIDE_HANDOUTS"


def building_bundle() -> bool:
    return os.environ.get(BUNDLE_BUILD_ENV) == "true"


def bundles_wanted() -> bool:
    return not building_bundle() and os.environ.get(SKIP_BUNDLE_ENV) != "1"


def handouts_wanted() -> bool:
    return not building_bundle() and os.environ.get(HANDOUTS_ENV) == "1"


def whole_site_built(config: MkDocsConfig) -> bool:
    """True only in the last on_post_build of a build, once every language and the shared search index exist.

    mkdocs-static-i18n builds the default language, then, from its own on_post_build (priority -100),
    builds each other language and rewrites the search index. An on_post_build with priority
    AFTER_ALL_LANGUAGES sees this once with the plugin no longer building; in the nested builds it
    sees the plugin still building.
    """
    i18n = config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)
