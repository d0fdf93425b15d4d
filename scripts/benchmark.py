"""Size report for offline reading (a benchmark, not a test): precache size per language, and the bytes
a reader downloads for a first page view and for a repeat view once the service worker is active.

    .venv/bin/python scripts/benchmark.py [--site site]   (build first: make build)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import serve  # noqa: E402
from guidelib.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium  # noqa: E402
from guidelib.site_config import languages  # noqa: E402
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


def precache_bytes(site: Path, prefix: str) -> tuple[int, int]:
    worker = (site / prefix / "sw.js").read_text(encoding="utf-8")
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker, re.DOTALL).group(1))
    total = 0
    for entry in entries:
        path = (site / prefix / entry["url"]).resolve()
        total += (path / "index.html" if path.is_dir() else path).stat().st_size
    return len(entries), total


def page_view_bytes(page, url: str) -> int:
    """Bytes that came over the network (not from the service worker) for one page view."""
    sizes: list[int] = []

    def count(response) -> None:
        if not response.from_service_worker:
            with contextlib.suppress(PlaywrightError):  # redirects and aborted requests have no body
                sizes.append(len(response.body()))

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", count)
    return sum(sizes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    site = parser.parse_args().site
    executable = find_chromium()
    if executable is None:
        print(MISSING_MESSAGE, file=sys.stderr)
        return 1
    print(f"{'language':10} {'precached files':>16} {'precache KiB':>13} {'first view KiB':>15} {'repeat view KiB':>16}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for base in serve(site):
            for language in languages():
                count, size = precache_bytes(site, language.url_prefix)
                context = browser.new_context()
                page = context.new_page()
                first = page_view_bytes(page, base + language.url_prefix)
                page.locator("[data-offline-ready]").wait_for(state="visible", timeout=60_000)
                repeat = page_view_bytes(page, base + language.url_prefix + "symptoms/")
                context.close()
                print(f"{language.locale:10} {count:16} {size / 1024:13.0f} {first / 1024:15.0f} {repeat / 1024:16.0f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
