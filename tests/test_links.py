"""LinkChecker over the served site: every internal link resolves (external links: weekly workflow)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


CONFIG = Path(__file__).with_name("linkcheckerrc")


def test_linkchecker_finds_no_broken_internal_link(site_url: str) -> None:
    linkchecker = Path(sys.executable).with_name("linkchecker")
    result = subprocess.run(
        [str(linkchecker), "--config", str(CONFIG), "--no-robots", site_url],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,  # LinkChecker's summary below says what is broken
    )
    summary = re.search(r"(\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert summary, f"LinkChecker did not finish:\n{result.stdout}\n{result.stderr}"
    assert summary.groups() == ("0", "0"), result.stdout
