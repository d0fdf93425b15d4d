"""A downloadable zip per language that opens from disk (file://) with working links and search.

After the normal build, this builds the site a second time with Material's offline plugin (file URLs
like `symptoms.html`, the search index inlined in a script) into a temporary folder, then zips each
language with the shared assets into site/downloads/. Material's offline plugin would load the
iframe-worker shim from a CDN; we ship that shim ourselves so the bundle makes no network request.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from guidelib.build_phases import whole_site_built, whole_site_step
from guidelib.bundle import (
    BUNDLE_BUILD_ENV,
    ON,
    ZIP_ONLY_SCRIPTS,
    building_bundle,
    bundles_wanted,
)
from guidelib.outputs import SHARED_FOLDERS, bundle_path, from_page
from guidelib.search_index import SEARCH_INDEX, in_language, language_index, unused_lunr_file
from guidelib.site_config import languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SHIM = ZIP_ONLY_SCRIPTS + "iframe-worker-shim.js"  # loads iframe-worker-setup.js beside it
# The web server's 404 page (absolute addresses, every language's nav) and the sitemap: nothing on disk uses them.
NOT_IN_ZIP = ("404.html", "sitemap.xml")


@event_priority(50)  # before Material's offline plugin (priority 0), which reads both settings below
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.plugins["material/offline"].config.enabled = building_bundle()
    # Our own copy of the shim: seeing an iframe-worker script already there, the offline plugin adds no CDN one.
    config.extra["polyfills"] = [SHIM] if building_bundle() else []
    if building_bundle():
        config.extra["alternate"] = []  # a zip holds one language: no switcher to pages it lacks
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    if "offline" in context and bundles_wanted():
        context["offline"]["bundle"] = from_page(bundle_path(config.theme["language"]), page)
    return context


def zip_language(bundle_site: Path, target: Path, locale: str, prefix: str) -> None:
    folder = f"spine-guide-{locale}"
    # The inlined search index (search_index.js), cut down to the zip's language, and only its lunr files.
    whole_site = json.loads((bundle_site / SEARCH_INDEX).read_text(encoding="utf-8"))
    index = language_index(whole_site, locale, prefix, relative_to_language=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(bundle_site.rglob("*")):
            relative = path.relative_to(bundle_site)
            if not path.is_file() or path.suffix in (".map", ".gz") or path.name in NOT_IN_ZIP:
                continue
            if relative.as_posix() == SEARCH_INDEX or unused_lunr_file(
                relative.as_posix(), index["config"]["lang"]
            ):
                continue
            if relative.as_posix() == "search/search_index.js":
                archive.writestr(
                    f"{folder}/search/search_index.js",
                    "var __index = " + json.dumps(index, ensure_ascii=False),
                )
            elif relative.parts[0] in SHARED_FOLDERS or in_language(relative.as_posix(), prefix):
                archive.write(path, f"{folder}/{relative.as_posix()}")
        start = f"{prefix}index.html"
        archive.writestr(
            f"{folder}/START-HERE.html",
            f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={start}">'
            f'<title>Spinal metastasis guide</title><a href="{start}">Open the guide</a>\n',
        )


@event_priority(whole_site_step("offline_zips"))  # once, after every language (guidelib/build_phases.py)
def on_post_build(config: MkDocsConfig) -> None:
    if not bundles_wanted() or not whole_site_built():
        return
    with tempfile.TemporaryDirectory() as temporary:
        bundle_site = Path(temporary) / "site"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--site-dir",
                str(bundle_site),
                "--config-file",
                config.config_file_path,
            ],
            cwd=Path(config.config_file_path).parent,
            env={**os.environ, BUNDLE_BUILD_ENV: ON},
            capture_output=True,
            text=True,
            check=False,  # a failure is reported below with mkdocs' output
        )
        if result.returncode != 0:
            raise PluginError(f"Building the offline bundle failed:\n{result.stdout}\n{result.stderr}")
        for language in languages():
            target = Path(config.site_dir) / bundle_path(language.locale)
            zip_language(bundle_site, target, language.locale, language.url_prefix)
