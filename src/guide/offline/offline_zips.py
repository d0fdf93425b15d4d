"""A zip per language that opens from disk (file://), made from the built site once every language is built.

The zip holds what the language's pages use (guide/offline/language_files.py), rewritten for a folder instead of
a web server: a link to a folder leads to its index.html; a link to anything the zip lacks (another
language, the English page a translation points to, the handouts, the page for hospitals) leads to its
address on the web; what only works on the web (the service worker's offline bar, the update notice, the
manifest, the language switcher: `data-web-only` in the templates) is left out. Material's search reads its
index from search/search_index.js under file://, and runs its worker through the iframe-worker shim, which
we ship (assets/javascripts/vendor/), so the zip makes no network request.
"""

from __future__ import annotations

import html
import json
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from guide.offline.language_files import language_files
from guide.core.outputs import (
    HOSPITALS_PAGE,
    MANIFEST,
    OFFLINE_PAGE,
    ZIP_ONLY_SCRIPTS,
    absolute_url,
    offline_zip_path,
)
from guide.search.search_index import SEARCH_INDEX
from guide.catalogues.language_registry import load_language
from guide.core.site_config import Language, languages, page_url

SHIM = ZIP_ONLY_SCRIPTS + "iframe-worker-shim.js"  # loads iframe-worker-setup.js beside it
SEARCH_SCRIPT = "search/search_index.js"  # what Material's search loads instead of the index under file://
# Pages and files of a language that only work on the web: the service worker's notice, the manifest, embedding.
WEB_ONLY = (page_url(OFFLINE_PAGE) + "index.html", MANIFEST, page_url(HOSPITALS_PAGE) + "index.html")
LINK_ATTRIBUTES = ("href", "src")
_SOMEWHERE = "https://zip.invalid/"  # a base to resolve a page's relative links against


def zip_folder(locale: str) -> str:
    """The folder the zip unpacks to."""
    return f"spine-guide-{locale}"


def _disk_file(path: str) -> str:
    """The file a site-relative address opens from disk: a folder's index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def relinked(html: str, page: str, contents: frozenset[str], site_url: str | None) -> str:
    """A built page (`page`: its site-relative file) as it reads from the zip's folder."""
    document = lxml.html.document_fromstring(html)
    for element in document.xpath("//*[@data-web-only]"):
        element.drop_tree()

    def relink(link: str) -> str:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not (parts.path or parts.query):
            return link  # another site, mailto:, tel:, data:, or a place on this page
        target = urlsplit(urljoin(_SOMEWHERE + page, link))
        path = target.path.removeprefix("/")
        fragment = f"#{target.fragment}" if target.fragment else ""
        if _disk_file(path) not in contents:
            return absolute_url(site_url, path) + (f"?{target.query}" if target.query else "") + fragment
        return posixpath.relpath(_disk_file(path), posixpath.dirname(page) or ".") + fragment

    # The pages' links are all href and src attributes; lxml's rewrite_links, which also looks into
    # styles, srcset and the like, took most of the zips' time.
    for element in document.xpath("//*[@href or @src]"):
        for attribute in LINK_ATTRIBUTES:
            if (link := element.get(attribute)) is not None:
                element.set(attribute, relink(link))
    shim = lxml.html.Element("script", src=posixpath.relpath(SHIM, posixpath.dirname(page) or "."))
    document.head.append(shim)  # before Material's bundle (in the body) starts the search worker
    return "<!doctype html>\n" + lxml.html.tostring(document, encoding="unicode")


def search_script(site: Path, language: Language) -> str:
    """The language's search index as a script; result locations open files: 'symptoms/index.html#x'."""
    index = json.loads((site / language.url_prefix / SEARCH_INDEX).read_text(encoding="utf-8"))
    for doc in index["docs"]:
        path, _, fragment = doc["location"].partition("#")
        doc["location"] = _disk_file(path) + (f"#{fragment}" if fragment else "")
    return "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def write_offline_zip(site: Path, site_url: str | None, language: Language) -> None:
    prefix = language.url_prefix
    web_only = {prefix + name for name in WEB_ONLY} | {prefix + SEARCH_INDEX}
    members = [relative for relative in language_files(site, language) if relative not in web_only]
    contents = frozenset(members) | {prefix + SEARCH_SCRIPT}
    folder = zip_folder(language.locale)
    target = site / offline_zip_path(language.locale)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in members:
            if relative.endswith(".html"):
                page = (site / relative).read_text(encoding="utf-8")
                archive.writestr(f"{folder}/{relative}", relinked(page, relative, contents, site_url))
            else:
                archive.write(site / relative, f"{folder}/{relative}")
        archive.writestr(f"{folder}/{prefix}{SEARCH_SCRIPT}", search_script(site, language))
        start, name = f"{prefix}index.html", html.escape(load_language(language.locale).site.site_name)
        archive.writestr(
            f"{folder}/START-HERE.html",
            f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={start}">'
            f'<title>{name}</title><a href="{start}">{name}</a>\n',
        )


def write_offline_zips(site: Path, site_url: str | None) -> None:
    for language in languages():
        write_offline_zip(site, site_url, language)
