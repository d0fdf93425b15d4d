"""Build modes: the second build that makes the offline bundle (hooks/offline_bundle.py), and whether to make
the downloads (offline zips, printable PDFs) at all. When every language has been built: build_phases.py."""

from __future__ import annotations

import os

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

