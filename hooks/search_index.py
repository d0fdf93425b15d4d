"""One search index per language: `<lang>/search/search_index.json` (English at the root), so a reader
downloads, precaches and searches only their own language.

mkdocs-static-i18n makes one index of every language; once every language is built, this splits it. Each
page's Material configuration (`__config` "base") points at its language folder, where Material's search
looks for `search/search_index.json` and resolves result locations, which are therefore relative to it.
The 404 pages get theirs in hooks/not_found.py. The offline zip (a second build) keeps the whole-site index: hooks/offline_bundle.py cuts it per zip.
"""

from __future__ import annotations

import json
from pathlib import Path

from guidelib.build_phases import whole_site_built, whole_site_step
from guidelib.bundle import building_bundle
from guidelib.search_index import SEARCH_INDEX, language_index, with_search_base
from guidelib.outputs import from_page
from guidelib.site_config import language_prefix, languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if building_bundle():
        return output
    return with_search_base(output, from_page(language_prefix(config.theme["language"]), page))


# Before hooks/offline.py takes the revisions of the finished files (WHOLE_SITE_STEPS order).
@event_priority(whole_site_step("search_indexes"))  # once, after every language (guidelib/build_phases.py)
def on_post_build(config: MkDocsConfig) -> None:
    if building_bundle() or not whole_site_built():
        return
    site = Path(config.site_dir)
    whole_site = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    for language in languages():
        index = language_index(whole_site, language.locale, language.url_prefix, relative_to_language=True)
        target = site / language.url_prefix / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
