"""What offline reading costs a reader, measured in real Chromium (a benchmark, not a test), and what the
build costs next to a plain Material build of the same pages.

Bytes are counted at the server, as a static host that compresses text would send them: the gzip size of
HTML, CSS, JavaScript, JSON, SVG and XML bodies, the size of other bodies, nothing for a 304 answer.
Per language: the first view of its heaviest page (every page is opened, each in a fresh browser context
with service workers blocked: the page, its styles and scripts, and the search index and worker it loads
at once), what the pictures (the cards' pictograms and the diagrams, inline in the HTML, compressed) add
to the page they add most to, what the worker adds while it installs, a repeat view of another page once
it is active, and the precache (compressed, as installed).

Build CPU: our build with the offline zips, next to a plain Material build of the same pages (our mkdocs.yml
and Markdown settings, with i18n, without our plugin and our theme overrides); the handouts,
printed by Chromium, are reported on their own. A figure over its target is marked "!", and the script then
exits with status 1.

    .venv/bin/python scripts/benchmark.py [--site site] [--no-build-time]   (build first: make build; a
    site built without the handouts, `mkdocs build -d DIR` and `--site DIR`, measures the same bytes)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import time
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from guide.catalogues.pictograms import BUDGET_BYTES, compressed_bytes_added
from guide.handouts.handouts import GUIDE_HANDOUT_MAX_BYTES
from guide.offline.language_files import language_files
from guide.core.outputs import HANDOUT_ROOT, guide_handout_path, service_worker_path
from guide.config import OPTION_ENV
from guide.handouts.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium
from guide.handouts.local_server import QuietHandler, serving
from guide.core.site_config import languages
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent

TARGETS_KIB = {"first view": 130, "precache": 350, "repeat view": 15}
BUILD_CPU_TARGET = 1.5  # times a plain Material build of the same pages (issue 28)
# Text a web server sends compressed; Atom is XML (the infobutton answers the root worker precaches).
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".atom", ".webmanifest", "/")


def sent_size(path: Path, url_path: str) -> int:
    body = path.read_bytes()
    return (
        len(gzip.compress(body, 6))
        if url_path.endswith(COMPRESSIBLE) or path.suffix in COMPRESSIBLE
        else len(body)
    )


class CountingHandler(QuietHandler):
    sent: list[int]

    def send_head(self):  # noqa: ANN201 - the file object SimpleHTTPRequestHandler serves
        answer = super().send_head()
        if answer is not None and hasattr(answer, "name"):  # a file with a body (not a 304 or a listing)
            self.sent.append(sent_size(Path(answer.name), self.path.split("?")[0]))
        return answer


@contextmanager
def counting_server(site: Path) -> Iterator[tuple[str, list[int]]]:
    """The site served, with the list of response sizes (compressed as a host would) it fills."""
    sent: list[int] = []
    with serving(site, handler=type("Handler", (CountingHandler,), {"sent": sent})) as url:
        yield url, sent


def precache_kib(site: Path, language) -> tuple[int, float]:
    worker = (site / service_worker_path(language.locale, language.default)).read_text(encoding="utf-8")
    entries = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker, re.DOTALL).group(1))
    total = 0
    for entry in entries:
        path = (site / entry["url"]).resolve()  # worker URLs are relative to the site root, where it is
        total += sent_size(path / "index.html" if path.is_dir() else path, entry["url"])
    return len(entries), total / 1024


def kib_during(sent: list[int], action: Callable[[], object]) -> float:
    start = len(sent)
    action()
    return sum(sent[start:]) / 1024


def first_view_kib(browser, base: str, sent: list[int], url: str) -> float:
    """A reader's first view of a page: nothing cached, no service worker."""
    blocked = browser.new_context(service_workers="block")
    kib = kib_during(sent, lambda: blocked.new_page().goto(base + url, wait_until="networkidle"))
    blocked.close()
    return kib


def heaviest_first_view(browser, base: str, sent: list[int], site: Path, language) -> tuple[float, str]:
    """The first view that costs most among the language's pages, and that page's address."""
    pages = [
        path.removesuffix("index.html")
        for path in language_files(site, language)
        if path.endswith("index.html")
    ]
    return max((first_view_kib(browser, base, sent, url), url) for url in pages)


def picture_kib(site: Path, language) -> float:
    """What the inline pictures (pictograms and diagrams) add, compressed, to the language's page they add
    most to."""
    return max(
        compressed_bytes_added((site / path).read_text(encoding="utf-8")) / 1024
        for path in language_files(site, language)
        if path.endswith("index.html")
    )


def install_and_repeat(browser, base: str, sent: list[int], prefix: str) -> tuple[float, float]:
    """What the worker downloads on install after a first view of symptoms/, and a repeat view of treatment/."""
    first = first_view_kib(browser, base, sent, prefix + "symptoms/")
    context = browser.new_context()
    page = context.new_page()

    def first_view_and_install() -> None:
        page.goto(base + prefix + "symptoms/", wait_until="networkidle")
        page.locator("[data-offline-ready]").wait_for(state="visible", timeout=120_000)

    install = kib_during(sent, first_view_and_install) - first
    repeat = kib_during(sent, lambda: page.goto(base + prefix + "treatment/", wait_until="networkidle"))
    context.close()
    return install, repeat


def marked(value: float, target: float, width: int, decimals: int = 0) -> str:
    """A figure, with "!" after it when it is over its target."""
    return f"{value:{width - 1}.{decimals}f}" + ("!" if value > target else " ")


def plain_build(site_dir: Path) -> None:
    """A plain Material build of our pages: our mkdocs.yml less our plugin and theme overrides."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import get_yaml_loader

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        ours = yaml.load(file, Loader=get_yaml_loader())  # noqa: S506 - our own file, with MkDocs' tags
    theme = {
        key: value for key, value in ours["theme"].items() if key not in ("custom_dir", "favicon", "logo")
    }
    plugins = [plugin for plugin in ours["plugins"] if not (isinstance(plugin, dict) and "guide" in plugin)]
    config = load_config(
        str(ROOT / "mkdocs.yml"),
        site_dir=str(site_dir),
        theme=theme,
        plugins=plugins,
        hooks=[],
        extra_css=[],
        extra_javascript=[],
        watch=[],
        strict=False,  # its pages link to pages only our plugin makes
    )
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def build_cpu_seconds(command: list[str], env: dict[str, str]) -> float:
    return timed_build(command, env)[0]


def timed_build(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds (the build's and its children's: Chromium) and wall-clock seconds of one build."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, time.monotonic() - started


def pdf_counts(site: Path) -> dict[str, int]:
    """The PDFs a build printed, by kind: what CI's printing time grows with (the alert cards of language
    pairs grow with the languages and their countries: handouts/alert_card.py printed_pairs)."""
    pdfs = sorted((site / HANDOUT_ROOT).glob("*/*.pdf"))
    cards = [pdf for pdf in pdfs if pdf.name.startswith("alert-card")]
    pairs = [pdf for pdf in cards if pdf.stem.removesuffix("-phone") != "alert-card"]
    guides = [pdf for pdf in pdfs if pdf.name.startswith("spine-guide-")]
    return {
        "all": len(pdfs),
        "page handouts": len(pdfs) - len(cards) - len(guides),
        "booklets": len(guides),
        "own alert cards": len(cards) - len(pairs),
        "alert cards of pairs": len(pairs),
    }


def build_times() -> tuple[float, float, float, float]:
    """CPU seconds of our build with the zips, of the same with the handouts, and of a plain Material build
    of the same pages: each the fastest of three runs, as the machine may be busy; and the wall-clock
    seconds of the build with the handouts (CI waits for it)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", OPTION_ENV["offline_zips"]: "true"}
    with tempfile.TemporaryDirectory() as temporary:
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(Path(temporary) / "ours")]
        plain = [sys.executable, __file__, "--plain-build", str(Path(temporary) / "plain")]
        ours = min(build_cpu_seconds(mkdocs, env) for _ in range(3))
        material = min(build_cpu_seconds(plain, env) for _ in range(3))
        with_handouts, handouts_wall = timed_build(mkdocs, {**env, OPTION_ENV["handouts"]: "true"})
    return ours, with_handouts, material, handouts_wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-build-time", action="store_true", help="skip the timed builds")
    parser.add_argument(
        "--plain-build", type=Path, metavar="DIR", help=argparse.SUPPRESS
    )  # build_times' subprocess
    arguments = parser.parse_args()
    if arguments.plain_build:
        plain_build(arguments.plain_build)
        return 0
    executable = find_chromium()
    if executable is None:
        print(MISSING_MESSAGE, file=sys.stderr)
        return 1
    targets = ", ".join(
        f"{name} ≤ {kib} KiB" for name, kib in {**TARGETS_KIB, "pictures": BUDGET_BYTES // 1024}.items()
    )
    print(f'Compressed bytes, KiB (targets: {targets}); "!" marks a figure over its target')
    print(
        f"{'language':9} {'first view':>11} {'(heaviest page)':26} {'pictures':>11} {'worker install':>15} "
        f"{'repeat view':>12} "
        f"{'precache':>9} {'files':>6}"
    )
    over = False
    with sync_playwright() as playwright, counting_server(arguments.site) as (base, sent):
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for language in languages():
            first, heaviest = heaviest_first_view(browser, base, sent, arguments.site, language)
            install, repeat = install_and_repeat(browser, base, sent, language.url_prefix)
            count, precache = precache_kib(arguments.site, language)
            row = (
                f"{language.locale:9} {marked(first, TARGETS_KIB['first view'], 12)}{'/' + heaviest:26} "
                f"{marked(picture_kib(arguments.site, language), BUDGET_BYTES / 1024, 12, 1)}"
                f"{install:15.0f} {marked(repeat, TARGETS_KIB['repeat view'], 13, 1)}"
                f"{marked(precache, TARGETS_KIB['precache'], 10)}{count:6}"
            )
            over = over or "!" in row
            print(row)
        browser.close()
    handouts = [arguments.site / guide_handout_path(language.locale) for language in languages()]
    if all(pdf.is_file() for pdf in handouts):
        sizes = [pdf.stat().st_size / 1e6 for pdf in handouts]
        over = over or max(sizes) > GUIDE_HANDOUT_MAX_BYTES / 1e6
        print(
            f"Whole-guide handouts, MB (target ≤ {GUIDE_HANDOUT_MAX_BYTES / 1e6} MB): "
            + ", ".join(f"{pdf.parent.name} {size:.2f}" for pdf, size in zip(handouts, sizes, strict=True))
        )
        print(
            "PDFs printed: "
            + ", ".join(f"{kind} {count}" for kind, count in pdf_counts(arguments.site).items())
        )
    if not arguments.no_build_time:
        ours, with_handouts, material, handouts_wall = build_times()
        ratio = ours / material
        over = over or ratio > BUILD_CPU_TARGET
        print(
            f"Build CPU seconds: ours with the zips {ours:.1f}, plain Material {material:.1f} "
            f"({marked(ratio, BUILD_CPU_TARGET, 4, 2).strip()}x; target ≤ {BUILD_CPU_TARGET:g}x); "
            f"printing the handouts adds {with_handouts - ours:.0f} (the build with them takes {handouts_wall:.0f} s)"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
