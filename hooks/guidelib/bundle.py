"""Build modes: the second build that makes the offline bundle (hooks/offline_bundle.py), and whether to make
the downloads (offline zips, printable PDFs) at all. When every language has been built: build_phases.py.

The switches are environment variables, all with one convention: "1" on, "0" or unset off; anything else
fails the build with a message (a typo must not silently leave the PDFs out of a deploy)."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

# "1" inside the second build that makes the bundle; hooks/offline_bundle.py then enables Material's offline plugin.
BUNDLE_BUILD_ENV = "GUIDE_BUNDLE_BUILD"
# Scripts only the offline zip uses (the iframe-worker shim that runs search from file://): not precached.
ZIP_ONLY_SCRIPTS = "assets/javascripts/vendor/"
# "1" skips making bundles, for quick builds (the bad-input tests).
SKIP_BUNDLE_ENV = "GUIDE_SKIP_BUNDLE"
# "1" prints the PDF handouts (hooks/handouts.py). Needs the system Chromium, so `make serve` leaves it off.
HANDOUTS_ENV = "GUIDE_HANDOUTS"
ON, OFF = "1", "0"


def switch(name: str) -> bool:
    value = os.environ.get(name, OFF).strip()
    if value not in (ON, OFF, ""):
        raise PluginError(
            f"environment variable {name}={value!r}: set it to {ON} (on) or {OFF} (off), or unset it"
        )
    return value == ON


def building_bundle() -> bool:
    return switch(BUNDLE_BUILD_ENV)


def bundles_wanted() -> bool:
    return not building_bundle() and not switch(SKIP_BUNDLE_ENV)


def handouts_wanted() -> bool:
    return not building_bundle() and switch(HANDOUTS_ENV)
