"""Offline reading in the browser: per language, a service worker that precaches that language's pages and
the shared assets they load, with a content revision per file, so only changed files are downloaded again.

Every worker sits at the site root (guide/core/outputs.py service_worker_path), its scope the language's
folder name without the final slash ("zh"), so a typed "/zh" is answered offline too; the default
language's worker has the whole site as scope. Every URL is relative, so the site works under a sub-path
(a GitHub Pages project site). Where a language's worker used to be (<lang>/sw.js), a worker that retires
itself unregisters the old registration of returning readers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from guide.offline.language_files import language_files
from guide.core.outputs import (
    INFOBUTTON_ROOT,
    RETIRED_SERVICE_WORKER,
    ZIP_ONLY_SCRIPTS,
    service_worker_path,
)
from guide.core.site_config import Language, languages

TEMPLATE = Path(__file__).with_name("service_worker.js")
OFFLINE_URL = "offline/"  # in each language folder: the offline notice (src/guide/offline/steps.py)
RETIRING_WORKER = """/* This language's service worker moved to the site root; this one unregisters the old registration. */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.registration.unregister()));
"""


def revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def precache_entry(site: Path, relative: str) -> dict[str, str]:
    """{url, revision} of a built file; a page by its folder URL, as pages are requested."""
    url = relative.removesuffix("index.html") if relative.endswith("/index.html") else relative
    return {"url": url if url != "index.html" else "./", "revision": revision(site / relative)}


def precache_entries(site: Path, language: Language) -> list[dict[str, str]]:
    """{url, revision} of every file the language's pages use; URLs relative to the site root, where the
    worker is."""
    return [
        precache_entry(site, relative)
        for relative in language_files(site, language)
        if not relative.startswith(ZIP_ONLY_SCRIPTS)
    ]


def infobutton_entries(site: Path, language: Language) -> list[dict[str, str]]:
    """For the default language's worker only (its scope is the whole site, and the infobutton page registers
    it): the infobutton page and its static answers, so that a record opens the guide by code offline. Not
    in the offline zips: the page links to every language."""
    if language.url_prefix:
        return []
    folder = site / INFOBUTTON_ROOT
    return [
        precache_entry(site, path.relative_to(site).as_posix())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


def language_offline_pages(language: Language) -> dict[str, str]:
    """For the default language's worker only (its scope holds every language folder): each other
    language's offline notice, for that language's pages when its own worker is not installed."""
    if language.url_prefix:
        return {}
    return {other.url_prefix: other.url_prefix + OFFLINE_URL for other in languages() if other.url_prefix}


def service_worker(site: Path, site_url: str | None, language: Language) -> str:
    other_offline_pages = language_offline_pages(language)
    entries = precache_entries(site, language) + infobutton_entries(site, language)
    entries += [
        {"url": url, "revision": revision(site / url / "index.html")} for url in other_offline_pages.values()
    ]
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:12]
    site_path = urlsplit(site_url or "/").path
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("__PRECACHE__", json.dumps(entries, separators=(",", ":")))
        .replace("__CACHE_PREFIX__", json.dumps(f"spine-guide:{site_path}:{language.locale}:"))
        .replace("__VERSION__", json.dumps(version))
        .replace("__OFFLINE_PAGE__", json.dumps(language.url_prefix + OFFLINE_URL))
        .replace("__LANGUAGE_OFFLINE_PAGES__", json.dumps(other_offline_pages))
    )


def write_service_workers(site: Path, site_url: str | None) -> None:
    """Once every language is built: the revisions are those of the finished files."""
    for language in languages():
        (site / service_worker_path(language.locale, language.default)).write_text(
            service_worker(site, site_url, language), encoding="utf-8"
        )
        if language.url_prefix:
            (site / language.url_prefix / RETIRED_SERVICE_WORKER).write_text(
                RETIRING_WORKER, encoding="utf-8"
            )
