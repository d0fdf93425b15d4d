"""Which built files one language's pages use: the language's own pages and files, and the shared assets
they load. The service worker precaches these (guide/offline/service_workers.py); the offline zip holds them
(guide/offline/offline_zips.py)."""

from __future__ import annotations

import os
from pathlib import Path

from guide.core.outputs import CHANGES_FEED, SHARED_FOLDERS, SITE_LEVEL_FOLDERS, is_service_worker
from guide.search.search_index import search_languages, unused_search_file
from guide.core.site_config import Language, languages

# Source maps and precompressed copies: no page loads them.
UNREAD_SUFFIXES = (".map", ".gz")
# For crawlers, feed readers and the web host: no reader needs them offline.
HOST_FILES = ("sitemap.xml", "404.html", CHANGES_FEED)


def _files(folder: Path, site: Path) -> list[str]:
    """Site-relative paths of the files under a folder, at any depth."""
    return [
        (Path(top) / name).relative_to(site).as_posix() for top, _, names in os.walk(folder) for name in names
    ]


def language_files(site: Path, language: Language) -> list[str]:
    """Site-relative paths, sorted: this language's files, and the shared assets its pages may load
    (other languages' stemmers and segmenters left out)."""
    prefix = language.url_prefix
    # Folders that hold none of this language's files: walking them was most of the time (the handouts,
    # the API, the embed views).
    elsewhere = SITE_LEVEL_FOLDERS | {other.url_prefix.rstrip("/") for other in languages()} - {""}
    searched = search_languages(site, prefix)
    found = []
    for entry in site.iterdir():
        if entry.name in SHARED_FOLDERS:
            found += [path for path in _files(entry, site) if not unused_search_file(path, prefix, searched)]
        elif prefix and entry.name == prefix.rstrip("/"):
            found += _files(entry, site)
        elif not prefix and entry.name not in elsewhere:
            found += _files(entry, site) if entry.is_dir() else [entry.name]
    return sorted(
        path
        for path in found
        if Path(path).suffix not in UNREAD_SUFFIXES
        and path.rsplit("/", 1)[-1] not in HOST_FILES
        and not is_service_worker(path)
    )
