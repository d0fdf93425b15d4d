"""Offline reading in the browser, per language: the offline notice (for pages never saved), the web app
manifest, and what each page's offline bar needs to register the language's service worker
(guide/offline/service_workers.py writes the workers once every language is built)."""

from __future__ import annotations

import json
from typing import Any

from guide.catalogues.language_registry import load_language
from guide.core.outputs import MANIFEST, OFFLINE_PAGE, from_page, offline_zip_path, service_worker_path
from guide.core.site_config import language_prefix, text_direction
from guide.catalogues.triage import load_catalogue
from guide.core.engine import File, Files, get_relative_url, MkDocsConfig, Page


def add_offline_page_and_manifest(files: Files, config: MkDocsConfig) -> None:
    """After mkdocs-static-i18n has sorted the files into languages."""
    prefix = language_prefix(config.theme["language"])
    strings = load_language(config.theme["language"]).strings
    # The emergency card comes along: a reader offline may be the one who needs it most
    # (src/guide/cards/steps.py writes it, with the numbers, as on every page).
    emergency_signs = ", ".join(
        sign.id for sign in load_catalogue().signs.values() if sign.tier == "emergency"
    )
    content = (
        f"---\ntitle: {json.dumps(strings['offline_title'])}\nsearch:\n  exclude: true\n---\n"
        f"# {strings['offline_title']}\n\n{strings['offline_help']}\n\n"
        f"!!! emergency\n    signs: {emergency_signs}\n\n{strings['offline_text']}\n"
    )
    files.append(File.generated(config, prefix + OFFLINE_PAGE, content=content))
    manifest_file = File.generated(config, prefix + MANIFEST, content="")
    manifest_file.content_string = json.dumps(manifest(config, manifest_file), ensure_ascii=False, indent=2)
    files.append(manifest_file)


def add_offline_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, offline_zips: bool
) -> None:
    locale = config.theme["language"]
    prefix = language_prefix(locale)
    # The scope is the language folder's name without the final slash ("zh", or "" for the whole site).
    context["offline"] = {
        "sw": from_page(service_worker_path(locale, not prefix), page),
        "scope": from_page("", page) + prefix.rstrip("/"),
        "home": from_page(prefix, page),
        "manifest": from_page(prefix + MANIFEST, page),
        "zip": from_page(offline_zip_path(locale), page) if offline_zips else None,
    }


def manifest(config: MkDocsConfig, manifest_file: File) -> dict[str, Any]:
    locale = config.theme["language"]
    images = get_relative_url("assets/images/", manifest_file.url)
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
