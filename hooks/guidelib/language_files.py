"""Which built files one language's pages use: the language's own pages and files, and the shared assets
they load. The service worker precaches these (guidelib/service_workers.py); the offline zip holds them
(guidelib/offline_zips.py)."""

from __future__ import annotations

import json
from pathlib import Path

from guidelib.outputs import SHARED_FOLDERS, SITE_LEVEL_FOLDERS, is_service_worker
from guidelib.search_index import SEARCH_INDEX, unused_lunr_file
from guidelib.site_config import Language, languages

# Source maps and precompressed copies: no page loads them.
UNREAD_SUFFIXES = (".map", ".gz")
# For crawlers and for the web host: no page of the guide links to them.
HOST_FILES = ("sitemap.xml", "404.html")


def search_languages(site: Path, language: Language) -> list[str]:
    """The lunr languages of a language's search index (written by guidelib/search_index.py)."""
    index = json.loads((site / language.url_prefix / SEARCH_INDEX).read_text(encoding="utf-8"))
    return index["config"]["lang"]


def language_files(site: Path, language: Language) -> list[str]:
    """Site-relative paths, sorted: this language's files, and the shared assets its pages may load
    (other languages' stemmers and segmenters left out)."""
    prefix = language.url_prefix
    other_folders = tuple(other.url_prefix for other in languages() if other.url_prefix not in ("", prefix))
    lunr_languages = search_languages(site, language)
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or path.suffix in UNREAD_SUFFIXES:
            continue
        if relative.split("/")[0] in SHARED_FOLDERS:
            if not unused_lunr_file(relative, lunr_languages):
                found.append(relative)
            continue
        outside = relative.split("/")[0] in SITE_LEVEL_FOLDERS or relative.startswith(other_folders)
        if outside or not relative.startswith(prefix):
            continue
        if path.name in HOST_FILES or is_service_worker(relative):
            continue
        found.append(relative)
    return found
