"""Offline reading: per language, a service worker that precaches that language's pages and the shared
assets (with a content revision per file, so only changed files are downloaded again), a web app
manifest, and an offline page in that language for pages never cached.

Every URL is relative, so the site works under a sub-path (a GitHub Pages project site).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from guidelib.build_phases import AFTER_I18N, whole_site_built, whole_site_step
from guidelib.bundle import ZIP_ONLY_SCRIPTS, building_bundle
from guidelib.outputs import SHARED_FOLDERS, SITE_LEVEL_FOLDERS
from guidelib.search_index import SEARCH_INDEX, unused_lunr_file
from guidelib.site_config import Language, language_prefix, languages, text_direction
from guidelib.translations import load_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

SERVICE_WORKER_TEMPLATE = Path(__file__).with_name("offline_sw.js")
OFFLINE_PAGE = "offline.md"
OFFLINE_URL = "offline/"
MANIFEST = "manifest.webmanifest"
SKIPPED_SUFFIXES = (".map", ".gz", ".zip", ".pdf")
SKIPPED_NAMES = ("sw.js", "sitemap.xml", "404.html")


def _prefix(config: MkDocsConfig) -> str:
    """Folder of the language being built, relative to the site root: '' for the default language."""
    return language_prefix(config.theme["language"])


@event_priority(AFTER_I18N)  # after mkdocs-static-i18n has sorted the files into languages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    strings = load_language(config.theme["language"]).strings
    content = (
        f"---\ntitle: {json.dumps(strings['offline_title'])}\nsearch:\n  exclude: true\n---\n"
        f"# {strings['offline_title']}\n\n{strings['offline_text']}\n"
    )
    files.append(File.generated(config, _prefix(config) + OFFLINE_PAGE, content=content))
    manifest_json = json.dumps(manifest(config), ensure_ascii=False, indent=2)
    files.append(File.generated(config, _prefix(config) + MANIFEST, content=manifest_json))
    return files


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    if building_bundle():  # pages opened from disk cannot use a service worker
        return context
    to_root = "../" * page.url.count("/")
    language_root = to_root + _prefix(config)
    context["offline"] = {
        "sw": language_root + "sw.js",
        "scope": language_root or "./",
        "manifest": language_root + MANIFEST,
    }
    return context


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def precache_entries(site: Path, prefix: str) -> list[dict[str, str]]:
    """{url, revision} for this language's pages, its search index and the shared assets its pages use,
    URLs relative to <prefix>sw.js."""
    other_languages = {
        language.locale for language in languages() if language.url_prefix and language.url_prefix != prefix
    }
    language_root = site / prefix
    search_languages = json.loads((language_root / SEARCH_INDEX).read_text(encoding="utf-8"))["config"][
        "lang"
    ]
    up = "../" * prefix.count("/")
    entries = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if not path.is_file() or path.name in SKIPPED_NAMES or path.name.endswith(SKIPPED_SUFFIXES):
            continue
        if relative.parts[0] in SHARED_FOLDERS:
            if unused_lunr_file(relative.as_posix(), search_languages) or relative.as_posix().startswith(
                ZIP_ONLY_SCRIPTS
            ):
                continue  # other languages' stemmers and segmenters, the zip's shim: never loaded by these pages
            url = up + relative.as_posix()
        elif relative.parts[0] in SITE_LEVEL_FOLDERS:
            continue  # embed views, JSON, PDFs and zips of every language: not for reading offline here
        elif path.is_relative_to(language_root) and relative.parts[0] not in other_languages:
            url = path.relative_to(language_root).as_posix()
            if path.name == "index.html":
                url = url.removesuffix("index.html") or "./"  # pages are requested by their folder URL
        else:
            continue
        entries.append({"url": url, "revision": _revision(path)})
    return entries


def language_offline_pages(language: Language) -> dict[str, str]:
    """For the root worker only (its scope holds every language folder): each other language's offline page."""
    if language.url_prefix:
        return {}
    return {other.url_prefix: other.url_prefix + OFFLINE_URL for other in languages() if other.url_prefix}


def service_worker(site: Path, site_url: str, language: Language) -> str:
    other_offline_pages = language_offline_pages(language)
    entries = precache_entries(site, language.url_prefix)
    entries += [
        {"url": url, "revision": _revision(site / url / "index.html")} for url in other_offline_pages.values()
    ]
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:12]
    site_path = urlsplit(site_url).path
    return (
        SERVICE_WORKER_TEMPLATE.read_text(encoding="utf-8")
        .replace("__PRECACHE__", json.dumps(entries, separators=(",", ":")))
        .replace("__CACHE_PREFIX__", json.dumps(f"spine-guide:{site_path}:{language.locale}:"))
        .replace("__VERSION__", json.dumps(version))
        .replace("__OFFLINE_PAGE__", json.dumps(OFFLINE_URL))
        .replace("__LANGUAGE_OFFLINE_PAGES__", json.dumps(other_offline_pages))
    )


# Revisions must come from the finished files, each language's search index (hooks/search_index.py, an
# earlier step in WHOLE_SITE_STEPS) included.
@event_priority(whole_site_step("service_workers"))  # once, after every language (guidelib/build_phases.py)
def on_post_build(config: MkDocsConfig) -> None:
    if building_bundle() or not whole_site_built():
        return
    site = Path(config.site_dir)
    for language in languages():
        (site / language.url_prefix / "sw.js").write_text(
            service_worker(site, config.site_url or "/", language), encoding="utf-8"
        )


def manifest(config: MkDocsConfig) -> dict[str, Any]:
    locale = config.theme["language"]
    images = "../" * _prefix(config).count("/") + "assets/images/"
    return {
        "name": config.site_name,
        "short_name": config.site_name.split(":")[0].split("：")[0].strip(),
        "description": config.site_description,
        "lang": locale,
        "dir": text_direction(locale),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#3f51b5",
        "icons": [
            {"src": images + "favicon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": images + "icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": images + "icon-512.png", "sizes": "512x512", "type": "image/png"},
        ],
    }
