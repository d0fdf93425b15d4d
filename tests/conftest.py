"""Build the site once per test run, serve it on localhost, and find the system Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from guidelib.bundle import SKIP_BUNDLE_ENV

ROOT = Path(__file__).resolve().parent.parent
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(
    project: Path, site_dir: Path, bundles: bool = True, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder; returns the finished process (check returncode).
    bundles=False skips the offline zip files, for quicker builds in tests that do not need them.
    site_url is where the site will be served: absolute URLs in pages (hreflang) must point there."""
    env = {**BUILD_ENV, SKIP_BUNDLE_ENV: "0" if bundles else "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "translations", "data", "scripts")


def copy_project(target: Path) -> Path:
    """A copy of everything the build reads, to change and build without touching the repository."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, site_url=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path, port: int = 0) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site: Path, site_port: int) -> Iterator[str]:
    yield from serve(site, site_port)


def chromium_executable() -> str:
    """The system Chromium. In CI a missing browser is a failure, never a skip."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    message = "No Chromium found: run `make test` (installs Debian's chromium) or set CHROMIUM_PATH."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


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


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
