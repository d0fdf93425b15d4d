"""The system Chromium (Debian's `chromium` package), for printing handouts and for the browser tests.

Playwright is told to use it with `executable_path`: downloading Playwright's own browser build is not
possible on the machines this project runs on, and the system package gets security updates.
"""

from __future__ import annotations

import os
import shutil

# Chromium as root, with no network beyond this machine: no sandbox, no background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_MESSAGE = "No Chromium found: run `make test` (installs Debian's chromium) or set CHROMIUM_PATH."


def find_chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None
