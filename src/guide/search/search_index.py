"""One search index per language: `<lang>/search/search_index.json` (English at the root), so a reader
downloads, precaches and searches only their own language.

mkdocs-static-i18n makes one index of every language; once every language is built, write_language_indexes
splits it. Each page's Material configuration (`__config` "base") points at its language folder
(src/guide/search/steps.py), where Material's search looks for `search/search_index.json` and resolves result
locations, which are therefore relative to it. Also here: what the index leaves out (excluded_from_search),
and which of Material's lunr files a language's search worker loads, so that a service worker precaches
those and no others.

Each language but the root one searches with its own copy of Material's search worker and lunr files,
inside its folder (copy_search_workers). A service worker controls a dedicated worker by the worker's own
address: one under the site's assets/ was outside every language's scope, so offline its lunr files came
from the browser's HTTP cache, or from nowhere, and search in Spanish or French stopped once that cache
went stale.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from guide.core.outputs import write_text_file
from guide.core.site_config import languages
from guide.search.traditional_chinese import is_traditional_chinese, traditional_words

SEARCH_INDEX = "search/search_index.json"
LUNR_FOLDER = "assets/javascripts/lunr/"
WORKER_FOLDER = "assets/javascripts/workers/"
# Openings of generated markup that Material's search leaves out (its data-search-exclude attribute; on a
# heading, the whole section). Each repeats on many pages and holds nothing a reader searches for, and
# together they were a third of every index, which a first page view downloads: the list of sources that
# ends every page (src/guide/page/citations.py), the citation marks "[2, 6]" (guide/catalogues/sources.py), and the numbers
# and country picker of emergency boxes (guide/cards/urgency_boxes.py), which are searched in the numbers
# table of the sources page. A box's words stay: searching a warning sign finds every page that shows it.
# Material's exclusion ends at the first closing tag of its element's name, so each block after a nested
# <div> of the emergency numbers is marked on its own.
NOT_SEARCHED = (
    '<h2 id="sources"',
    '<sup class="citation"',
    '<div class="emergency-call"',
    '<div class="country-picker"',
    '<p class="emergency-call__elsewhere"',
    # A diagram's labels: its caption and alt text say what it shows.
    '<svg class="diagram__picture"',
)
# Material removes the attribute from the page once it has indexed it (a value is needed for that).
SEARCH_EXCLUDE = ' data-search-exclude="generated"'
_MATERIAL_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": )"[^"]*"')
_MATERIAL_WORKER = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"search": )"[^"]*/(search\.[0-9a-f]+\.min\.js)"'
)


def with_search_base(html: str, base: str) -> str:
    """The page with Material's "base" (where its search reads search/search_index.json) set to `base`."""
    return _MATERIAL_BASE.sub(lambda match: f"{match.group(1)}{json.dumps(base)}", html, count=1)


def with_search_worker(html: str, worker_folder: str) -> str:
    """The page with Material's search worker ("search") loaded from `worker_folder` (same file name)."""
    return _MATERIAL_WORKER.sub(
        lambda match: f"{match.group(1)}{json.dumps(worker_folder + match.group(2))}", html, count=1
    )


def excluded_from_search(html: str) -> str:
    """A page's HTML with the NOT_SEARCHED blocks marked for Material's search to leave out."""
    for opening in NOT_SEARCHED:
        html = html.replace(opening, opening + SEARCH_EXCLUDE)
    return html


def in_language(location: str, prefix: str) -> bool:
    """Whether a site-root-relative location ('fr/symptoms/#x', 'symptoms/') is a page of this language."""
    if prefix:
        return location.startswith(prefix)
    other_prefixes = {language.url_prefix for language in languages() if language.url_prefix}
    return not any(location.startswith(other) for other in other_prefixes)


def language_index(
    whole_site: dict[str, Any], locale: str, prefix: str, relative_to_language: bool
) -> dict[str, Any]:
    """The whole-site index cut down to one language, with lunr configured for that language only
    (Traditional Chinese split into its words: search/traditional_chinese.py).
    relative_to_language: locations relative to the language folder (pages whose search base is that folder)."""
    docs = [doc for doc in whole_site["docs"] if in_language(doc["location"], prefix)]
    if relative_to_language:
        docs = [{**doc, "location": doc["location"].removeprefix(prefix)} for doc in docs]
    if is_traditional_chinese(locale):  # Material's jieba cut it as if it were Simplified
        docs = [
            {**doc, "title": traditional_words(doc["title"]), "text": traditional_words(doc["text"])}
            for doc in docs
        ]
    # A language lunr has no stemmer for is searched with the English pipeline (i18n left it out of "lang").
    lang = [locale] if locale in whole_site["config"]["lang"] else ["en"]
    return {**whole_site, "config": {**whole_site["config"], "lang": lang}, "docs": docs}


def lunr_files(search_languages: list[str]) -> set[str]:
    """Files under LUNR_FOLDER that Material's search worker imports for these languages (its setupSearchLanguages)."""
    files = set()
    for lang in search_languages:
        if lang == "ja":
            files.add("tinyseg.js")
        if lang in ("hi", "th"):
            files.add("wordcut.js")
        if lang != "en":
            files.add(f"min/lunr.{lang}.min.js")
    if len(search_languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return files


def search_languages(site: Path, prefix: str) -> list[str]:
    """The lunr languages of the search index in a language folder ("" is the root)."""
    index = json.loads((site / prefix / SEARCH_INDEX).read_text(encoding="utf-8"))
    return index["config"]["lang"]


def unused_search_file(relative: str, prefix: str, languages_searched: list[str]) -> bool:
    """Whether a site-root-relative path under the shared assets is a search file that a language's pages
    never load: the shared worker and lunr files, when the language has its own copies; else the lunr files
    of other languages."""
    if relative.startswith((WORKER_FOLDER, LUNR_FOLDER)) and prefix:
        return True
    return relative.startswith(LUNR_FOLDER) and relative.removeprefix(LUNR_FOLDER) not in lunr_files(
        languages_searched
    )


def copy_search_workers(site: Path) -> None:
    """Give each language folder its own search worker and the lunr files it imports (see the module's
    docstring), at the same paths below the folder as below the site root."""
    workers = sorted((site / WORKER_FOLDER).glob("search.*.min.js"))
    for language in languages():
        if not language.url_prefix:
            continue
        folder = site / language.url_prefix
        needed = [WORKER_FOLDER + worker.name for worker in workers] + [
            LUNR_FOLDER + name for name in lunr_files(search_languages(site, language.url_prefix))
        ]
        for relative in needed:
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / relative, target)


def write_language_indexes(site: Path) -> None:
    """Cut the whole-site index that mkdocs-static-i18n wrote into one index per language."""
    whole_site = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    for language in languages():
        index = language_index(whole_site, language.locale, language.url_prefix, relative_to_language=True)
        target = site / language.url_prefix / SEARCH_INDEX
        write_text_file(target, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
