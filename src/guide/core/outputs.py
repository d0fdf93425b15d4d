"""Where the build writes the copies of each page that other sites, programs and printers use, and the
files of offline reading (service workers, zips).

Paths are relative to the site root. Each of these folders holds every language, so none of them is
part of one language's pages (the service worker does not precache them).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from guide.core.site_config import language_prefix, page_slug
from guide.core.engine import get_relative_url, Page


def write_text_file(path: Path, text: str) -> None:
    """Write a file of the built site, making its folder only when it is missing: the build writes over a
    thousand files into a few dozen folders."""
    try:
        path.write_text(text, encoding="utf-8")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


EMBED_ROOT = "embed"
EMBED_CARD_FOLDER = "card"  # inside EMBED_ROOT; no page of the guide is called "card"
API_ROOT = "api/v1"
OEMBED_ROOT = "oembed"
HANDOUT_ROOT = "handouts"
DOWNLOAD_ROOT = "downloads"
INFOBUTTON_ROOT = "infobutton"  # the infobutton page and its static answers (src/guide/infobutton/)
FHIR_ROOT = "fhir/r4"  # FHIR R4 DocumentReferences of every page and their Bundles (src/guide/fhir/)
CHANGES_FEED = "changes.atom"  # the safety change feed: at the root (every language) and in each language's
# folder ('en/changes.atom' too: English pages live at the root); src/guide/changes/
# Written once at the site root and used by the pages of every language (each has its own search/ folder).
SHARED_FOLDERS = ("assets",)
# Scripts only the offline zip uses (the iframe-worker shim that runs search from file://): never precached.
ZIP_ONLY_SCRIPTS = "assets/javascripts/vendor/"
SITE_LEVEL_FOLDERS = frozenset(
    {
        EMBED_ROOT,
        API_ROOT.split("/")[0],
        OEMBED_ROOT,
        HANDOUT_ROOT,
        DOWNLOAD_ROOT,
        INFOBUTTON_ROOT,
        FHIR_ROOT.split("/")[0],
    }
)
# Pages and files the build adds to every language, beside its Markdown pages (as MkDocs source paths).
OFFLINE_PAGE = "offline.md"  # the service worker's notice for a page never saved (src/guide/offline/steps.py)
MANIFEST = "manifest.webmanifest"  # the web app manifest (src/guide/offline/steps.py)
HOSPITALS_PAGE = "for-hospitals.md"  # how to embed pages (src/guide/embed/steps.py)
ALERT_CARD_PAGE = (
    "alert-card.md"  # the alert card in two languages, filled in on the device (handouts/card_page.py)
)
STATUS_PAGE = "translation-status.md"  # how far each translation is (src/guide/translation/steps.py)
LICENCE = {"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"}


def is_local_address(site_url: str | None) -> bool:
    """Whether an address opens only on the computer that built the site (no address, localhost, 127.x, ::1)."""
    host = urlsplit(site_url or "").hostname
    if not host or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name, such as guide.example.org


def published_address_problem(site_url: str | None) -> str | None:
    """Why a site built for publishing cannot use this address: handouts, alert cards, embed snippets,
    oEmbed answers and API files carry it to other computers, where a local address leads nowhere."""
    if not is_local_address(site_url):
        return None
    return (
        f"site_url is {site_url or 'not set'}, an address only this computer can open, and the handouts, cards, "
        "embed snippets and API files of a published site print it: set SITE_URL to the address where the "
        "site will be published, for example SITE_URL=https://guide.example.org/ make build"
    )


def absolute_url(site_url: str | None, path: str = "") -> str:
    """A site-relative path as a full address, for files and pages read on other sites."""
    return (site_url or "/").rstrip("/") + "/" + path


def embed_path(locale: str, bare_url: str) -> str:
    """The chrome-less copy of a page: 'embed/es/symptoms/'."""
    return f"{EMBED_ROOT}/{language_prefix(locale)}{bare_url}"


def embed_card_path(locale: str, bare_url: str) -> str:
    """The compact card of a page for oEmbed consumers: 'embed/card/es/symptoms/'."""
    return f"{EMBED_ROOT}/{EMBED_CARD_FOLDER}/{language_prefix(locale)}{bare_url}"


def api_path(locale: str, bare_url: str) -> str:
    return f"{API_ROOT}/{locale}/{page_slug(bare_url)}.json"


def api_index_path() -> str:
    return f"{API_ROOT}/index.json"


def oembed_path(locale: str, bare_url: str) -> str:
    return f"{OEMBED_ROOT}/{locale}/{page_slug(bare_url)}.json"


def infobutton_answer_path(system: str | None, code: str | None, locale: str, suffix: str) -> str:
    """A static answer to an infobutton request: 'infobutton/2.16.840.1.113883.6.90/G95.20/es.json';
    system and code None: the answer to a code the guide does not map, 'infobutton/empty/es.json'."""
    folder = f"{system}/{code}" if system and code else "empty"
    return f"{INFOBUTTON_ROOT}/{folder}/{locale}{suffix}"


def fhir_document_path(resource_id: str) -> str:
    """A page's FHIR DocumentReference in one language: 'fhir/r4/DocumentReference/es-symptoms.json'."""
    return f"{FHIR_ROOT}/DocumentReference/{resource_id}.json"


def fhir_bundle_path(locale: str | None) -> str:
    """The Bundle of every DocumentReference (None), or of one language's: 'fhir/r4/bundle-es.json'."""
    return f"{FHIR_ROOT}/bundle-{locale}.json" if locale else f"{FHIR_ROOT}/bundle.json"


def changes_feed_path(locale: str | None) -> str:
    """The safety change feed of every language (None), or of one: 'changes.atom', 'es/changes.atom'."""
    return f"{locale}/{CHANGES_FEED}" if locale else CHANGES_FEED


def handout_path(locale: str, bare_url: str) -> str:
    return f"{HANDOUT_ROOT}/{locale}/{page_slug(bare_url)}.pdf"


def guide_handout_path(locale: str) -> str:
    """One PDF with every page of a language, in nav order."""
    return f"{HANDOUT_ROOT}/{locale}/spine-guide-{locale}.pdf"


def alert_card_path(
    locale: str, suffix: str = ".pdf", phone: bool = False, pair: tuple[str, str] | None = None
) -> str:
    """The alert card of a language: the wallet card, or the phone-screen card; '.html' is what is printed.
    With `pair` (second language, country): the card in two languages for a reader in that country,
    'handouts/vi/alert-card-fr-FR.pdf'."""
    name = "alert-card" + (f"-{pair[0]}-{pair[1]}" if pair else "") + ("-phone" if phone else "")
    return f"{HANDOUT_ROOT}/{locale}/{name}{suffix}"


def offline_zip_path(locale: str) -> str:
    """The zip of a language's pages that opens from disk (guide/offline/offline_zips.py)."""
    return f"{DOWNLOAD_ROOT}/spine-guide-{locale}.zip"


def service_worker_path(locale: str, default: bool) -> str:
    """A language's service worker, at the site root so that its scope can be the language folder's name
    without the final slash: '/zh' (a typed address) is answered by the Chinese worker too."""
    return "sw.js" if default else f"sw-{locale}.js"


# Where each language's worker was before it moved to the site root: a worker that retires itself.
RETIRED_SERVICE_WORKER = "sw.js"  # in each language folder


def is_service_worker(relative: str) -> bool:
    """Whether a site-relative path is a service worker script, ours or a retired one."""
    name = relative.rsplit("/", 1)[-1]
    return name == "sw.js" or ("/" not in relative and name.startswith("sw-") and name.endswith(".js"))


def from_page(target: str, page: Page) -> str:
    """A URL relative to the site root ("" is the root itself), as a link from `page`, computed by MkDocs
    from the page's own URL: right on the web (directory URLs) and in the offline zip (file URLs)."""
    return get_relative_url(target or "./", page.url)
