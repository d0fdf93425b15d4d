"""Build the site once per test run, serve it on localhost, and find the system Chromium.

Markers (explained in pyproject.toml) let `make check` leave out what a translator does not need:
`browser` is added here to every test that uses the `browser` fixture, `rebuilds` to every test that uses
`small_project` or `guide_copy` (a copy of the project to alter and build); `handouts` is written on
the tests. The site is built with the PDF handouts only when a selected test is marked `handouts`.

`make test` runs the tests in parallel (pytest-xdist, one worker per processor, at most four). The
controller then builds the site once, with the handouts, and serves it for the whole run; every worker
reads and opens that one site (SharedSite). Without workers, the `site` fixture builds it on first use."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NoReturn
from pathlib import Path

import pytest
from guide.config import OPTION_ENV
from guide.core.project import project
from guide.handouts.chromium import CHROMIUM_ARGS, MISSING_MESSAGE, find_chromium
from guide.handouts.local_server import QuietHandler, serving

ROOT = Path(__file__).resolve().parent.parent
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(
    project: Path,
    site_dir: Path,
    handouts: bool = False,
    site_url: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder; returns the finished process (check returncode).
    handouts=True prints the PDF handouts (minutes, in Chromium): only for the tests that read them.
    site_url is where the site will be served: absolute URLs in pages must point there. env: more
    environment variables (they win over handouts)."""
    env = {**BUILD_ENV, OPTION_ENV["handouts"]: "true" if handouts else "false", **(env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,  # callers check the return code: some builds must fail
    )


def failed_build(project: Path) -> str:
    """Build a project that must fail, the way a translator's mistake should: with a message, never a
    Python traceback. Returns what mkdocs printed."""
    result = build_site(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in output, output
    return output


PROJECT_PARTS = ("mkdocs.yml", "docs", "src", "overrides", "translations", "data", "scripts")
# Three short pages in each language (no medical text): the guide's build, data and language files on them
# build in about half the time of the same languages of the guide. Tests that change something and build use it.
SMALL_GUIDE_DOCS = project().small_guide_docs


def copy_project(target: Path, languages: tuple[str, ...] | None = None, docs: Path = ROOT / "docs") -> Path:
    """A copy of everything the build reads, to change and build without touching the repository.
    languages: build only these (English first): a smaller project that builds in a fraction of the time,
    for tests of a check that any language would show. docs: other pages to build (SMALL_GUIDE_DOCS); the
    nav and each language's menu titles then keep only the pages it has."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = docs if part == "docs" else ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, target / part)
    # The pictograms the build reads (npm ci installs them): shared, not copied.
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    if docs != ROOT / "docs":
        keep_only_pages(target)
    if languages is not None:
        keep_only_languages(target, languages)
    return target


_LANGUAGE_ENTRY = re.compile(r"^ {8}- locale: (\S+)\n(?: {10}.*\n)*", re.MULTILINE)


def keep_only_languages(project: Path, languages: tuple[str, ...]) -> None:
    """Drop every other language from a copied project: its mkdocs.yml entry and its pages."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    found = _LANGUAGE_ENTRY.findall(text)
    assert set(languages) <= set(found), f"unknown languages {set(languages) - set(found)}"
    text = _LANGUAGE_ENTRY.sub(lambda entry: entry.group(0) if entry.group(1) in languages else "", text)
    config.write_text(text, encoding="utf-8")
    for locale in set(found) - set(languages):
        shutil.rmtree(project / "docs" / locale)


_NAV_ENTRY = re.compile(r"^  - (?P<title>[^:\n]+): (?P<page>\S+\.md)\n", re.MULTILINE)
_MENU_TITLES = re.compile(r"^  nav_translations:.*\n(?: {4}.*\n)*", re.MULTILINE)
_MENU_TITLE = re.compile(r"^ {4}(?P<title>[^:\n]+):.*\n", re.MULTILINE)


def keep_only_pages(project: Path) -> None:
    """Drop from a copied project's nav, and from each language's menu titles, the pages its English
    folder does not have."""
    config = project / "mkdocs.yml"
    pages = {path.name for path in (project / "docs" / "en").glob("*.md")}
    text = config.read_text(encoding="utf-8")
    kept = {entry["title"] for entry in _NAV_ENTRY.finditer(text) if entry["page"] in pages}
    assert len(kept) == len(pages), f"pages that the nav of mkdocs.yml does not name: {pages}"
    config.write_text(
        _NAV_ENTRY.sub(lambda entry: entry.group(0) if entry["title"] in kept else "", text), encoding="utf-8"
    )

    def keep_titles(block: re.Match[str]) -> str:
        return _MENU_TITLE.sub(lambda title: title.group(0) if title["title"] in kept else "", block.group(0))

    for language_file in (project / "translations").glob("*.yml"):
        text = language_file.read_text(encoding="utf-8")
        language_file.write_text(_MENU_TITLES.sub(keep_titles, text, count=1), encoding="utf-8")


def _project_languages(request: pytest.FixtureRequest) -> tuple[str, ...] | None:
    marker = request.node.get_closest_marker("languages")
    return marker.args if marker else None


@pytest.fixture
def small_project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The small guide (SMALL_GUIDE_DOCS) with the project's build, data and language files, for a test to
    change and build. `@pytest.mark.languages("en", "fr")` keeps only those languages."""
    return copy_project(tmp_path / "project", _project_languages(request), SMALL_GUIDE_DOCS)


@pytest.fixture
def guide_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of the whole guide, for a test about its own pages (a round trip through a CAT tool, say).
    `@pytest.mark.languages(...)` as for small_project."""
    return copy_project(tmp_path / "project", _project_languages(request))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site_or_stop(site_dir: Path, port: int, handouts: bool) -> None:
    """The repository's site, for serving on `port`; if the build fails, the run stops, once, with
    mkdocs' own messages (file and line), instead of the same error for every test."""
    result = build_site(ROOT, site_dir, handouts=handouts, site_url=f"http://127.0.0.1:{port}/")
    if result.returncode != 0:
        pytest.exit(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", returncode=1)


@dataclass(frozen=True)
class SharedSite:
    """The site the controller of a parallel run built and serves, as its workers receive it."""

    directory: Path
    port: int

    KEY = "guide_shared_site"

    @classmethod
    def of_worker(cls, config: pytest.Config) -> SharedSite | None:
        given = getattr(config, "workerinput", {}).get(cls.KEY)
        return None if given is None else cls(Path(given["directory"]), int(given["port"]))


# On the controller: the shared site and the generator serving it (closing it stops the server).
_SHARED = pytest.StashKey[tuple[SharedSite, Iterator[str]]]()


def _is_controller_of_workers(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput") and getattr(config.option, "numprocesses", None) not in (
        None,
        0,
    )


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts the workers
def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if not _is_controller_of_workers(config):
        return
    directory, port = Path(tempfile.mkdtemp(prefix="guide-site-")), free_port()
    # With the handouts: a parallel run is `make test`, which runs their tests too.
    try:
        build_site_or_stop(directory, port, handouts=True)
    except pytest.exit.Exception:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    server = serve(directory, port)
    next(server)
    config.stash[_SHARED] = (SharedSite(directory, port), server)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:  # pytest-xdist: a worker is about to start
    shared, _ = node.config.stash[_SHARED]
    node.workerinput[SharedSite.KEY] = {"directory": str(shared.directory), "port": shared.port}


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _SHARED in session.config.stash:
        shared, server = session.config.stash[_SHARED]
        server.close()  # stops serving
        shutil.rmtree(shared.directory, ignore_errors=True)


@pytest.fixture(scope="session")
def site_port(request: pytest.FixtureRequest) -> int:
    shared = SharedSite.of_worker(request.config)
    return shared.port if shared else free_port()


# Markers added from the fixtures a test uses, so that no test can forget them.
MARKERS_BY_FIXTURE = {"browser": "browser", "small_project": "rebuilds", "guide_copy": "rebuilds"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in MARKERS_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    shared = SharedSite.of_worker(request.config)
    if shared:
        return shared.directory
    # The handouts take minutes to print: only when a selected test reads them.
    handouts = any(item.get_closest_marker("handouts") for item in request.session.items)
    site_dir = tmp_path_factory.mktemp("site")
    build_site_or_stop(site_dir, site_port, handouts)
    return site_dir


class _TestHandler(QuietHandler):
    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages: a missing address gets the site's root 404.html, with status 404.
        not_found = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        # LinkChecker throttles each host to a few requests a second, except servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """The directory served as a static host serves the guide, for the length of a `for` block."""
    with serving(directory, port, _TestHandler) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(request: pytest.FixtureRequest, site: Path, site_port: int) -> Iterator[str]:
    if SharedSite.of_worker(request.config):
        yield f"http://127.0.0.1:{site_port}/"  # served by the controller
        return
    yield from serve(site, site_port)


def missing_tool(message: str) -> NoReturn:
    """A tool a test needs is not installed: in CI a failure, never a skip."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def chromium_executable() -> str:
    """The system Chromium."""
    return find_chromium() or missing_tool(MISSING_MESSAGE)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
