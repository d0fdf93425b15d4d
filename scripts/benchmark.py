"""What offline reading costs a reader, measured in real Chromium (a benchmark, not a test), and what the
build costs next to a plain Material build of the same pages.

Bytes are counted at the server, as a static host that compresses text would send them: the gzip size of
HTML, CSS, JavaScript, JSON, SVG and XML bodies, the size of other bodies, nothing for a 304 answer.
Per language: a first page view (service workers blocked), what the worker adds while it installs, a
repeat view of another page once it is active, and the precache (compressed, as installed).

    .venv/bin/python scripts/benchmark.py [--site site] [--no-build-time]   (build first: make build)
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guidelib.handouts import GUIDE_HANDOUT_MAX_BYTES  # noqa: E402
from guidelib.outputs import guide_handout_path, service_worker_path  # noqa: E402
from guidelib.plugin import OPTION_ENV  # noqa: E402
from guidelib.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium  # noqa: E402
from guidelib.site_config import languages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

TARGETS_KIB = {"first view": 130, "precache": 350, "repeat view": 15}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", "/")


def sent_size(path: Path, url_path: str) -> int:
    body = path.read_bytes()
    return (
        len(gzip.compress(body, 6))
        if url_path.endswith(COMPRESSIBLE) or path.suffix in COMPRESSIBLE
        else len(body)
    )


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    sent: list[int]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - the file object SimpleHTTPRequestHandler serves
        answer = super().send_head()
        if answer is not None and hasattr(answer, "name"):  # a file with a body (not a 304 or a listing)
            self.sent.append(sent_size(Path(answer.name), self.path.split("?")[0]))
        return answer


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page left mid-load is no error
            super().handle_error(request, client_address)


@contextmanager
def counting_server(site: Path) -> Iterator[tuple[str, list[int]]]:
    sent: list[int] = []
    handler = functools.partial(type("Handler", (CountingHandler,), {"sent": sent}), directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def precache_kib(site: Path, language) -> tuple[int, float]:
    worker = (site / service_worker_path(language.locale, language.default)).read_text(encoding="utf-8")
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker, re.DOTALL).group(1))
    total = 0
    for entry in entries:
        path = (site / entry["url"]).resolve()  # worker URLs are relative to the site root, where it is
        total += sent_size(path / "index.html" if path.is_dir() else path, entry["url"])
    return len(entries), total / 1024


def measure_language(browser, base: str, sent: list[int], prefix: str) -> tuple[float, float, float]:
    def kib_during(action) -> float:
        start = len(sent)
        action()
        return sum(sent[start:]) / 1024

    blocked = browser.new_context(service_workers="block")
    first = kib_during(lambda: blocked.new_page().goto(base + prefix + "symptoms/", wait_until="networkidle"))
    blocked.close()

    context = browser.new_context()
    page = context.new_page()

    def first_view_and_install() -> None:
        page.goto(base + prefix + "symptoms/", wait_until="networkidle")
        page.locator("[data-offline-ready]").wait_for(state="visible", timeout=120_000)

    install = kib_during(first_view_and_install) - first
    repeat = kib_during(lambda: page.goto(base + prefix + "treatment/", wait_until="networkidle"))
    context.close()
    return first, install, repeat


def build_cpu_seconds(config: Path, site_dir: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        check=True,
        capture_output=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def build_times() -> tuple[float, float]:
    """CPU seconds of our full build (zips and handouts) and of a plain Material build of the same pages."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as temporary:
        ours = build_cpu_seconds(
            ROOT / "mkdocs.yml",
            Path(temporary) / "ours",
            {**env, OPTION_ENV["handouts"]: "true", OPTION_ENV["offline_zips"]: "true"},
        )
        plain = Path(temporary) / "plain"
        shutil.copytree(ROOT / "docs", plain / "docs")
        (plain / "mkdocs.yml").write_text(
            "site_name: plain\ntheme:\n  name: material\nplugins:\n  - search\n"
        )
        material = build_cpu_seconds(plain / "mkdocs.yml", plain / "site", env)
    return ours, material


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-build-time", action="store_true", help="skip the two timed builds")
    arguments = parser.parse_args()
    executable = find_chromium()
    if executable is None:
        print(MISSING_MESSAGE, file=sys.stderr)
        return 1
    targets = ", ".join(f"{name} ≤ {kib} KiB" for name, kib in TARGETS_KIB.items())
    print(f"Compressed bytes, KiB (targets: {targets})")
    print(
        f"{'language':9} {'first view':>11} {'worker install':>15} {'repeat view':>12} {'precache':>9} {'files':>6}"
    )
    with sync_playwright() as playwright, counting_server(arguments.site) as (base, sent):
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for language in languages():
            first, install, repeat = measure_language(browser, base, sent, language.url_prefix)
            count, precache = precache_kib(arguments.site, language)
            print(
                f"{language.locale:9} {first:11.0f} {install:15.0f} {repeat:12.1f} {precache:9.0f} {count:6}"
            )
        browser.close()
    handouts = [arguments.site / guide_handout_path(language.locale) for language in languages()]
    if all(pdf.is_file() for pdf in handouts):
        print(
            f"Whole-guide handouts, MB (target ≤ {GUIDE_HANDOUT_MAX_BYTES / 1e6} MB): "
            + ", ".join(f"{pdf.parent.name} {pdf.stat().st_size / 1e6:.2f}" for pdf in handouts)
        )
    if not arguments.no_build_time:
        ours, material = build_times()
        print(
            f"Build CPU seconds: ours {ours:.0f}, plain Material {material:.0f} ({ours / material:.1f}x; target ≤ 2x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
