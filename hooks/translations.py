"""Translations stay complete, safe and honest.

- A language missing an English page (or with a page English lacks) fails the build, naming both paths.
- A translated page must keep the English page's urgency boxes, headings and links (safety parity).
- A translated page uses the language's agreed key terms wherever the English page uses them
  (translations/<lang>.yml `key_terms:`): a missing safety term fails the build, any other is a note.
- Each translated page tells the reader whether it is a draft, and whether English changed since.
- A translation status page lists every page of every language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from guidelib.bundle import building_bundle
from guidelib.outputs import absolute_url
from guidelib.pages import ContentError
from guidelib.site_config import DOCS, bare_page_url, languages, nav_pages
from guidelib.translation import (
    SOURCE_LANGUAGE,
    is_outdated,
    missing_pages,
    parity_problems,
    translated_page,
    translation_meta,
)
from guidelib.translations import key_term_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

STATUS_PAGE = "translation-status.md"
log = logging.getLogger("mkdocs.hooks.translations")


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def status_markdown() -> str:
    """A table of every page in every language: up to date, out of date, or missing; draft or reviewed."""
    others = [language for language in languages() if language.locale != SOURCE_LANGUAGE]
    header = "| Page | " + " | ".join(f"{lang.name} (`{lang.locale}`)" for lang in others) + " |"
    rule = "|---|" + "---|" * len(others)
    rows = []
    for page in nav_pages():
        english = DOCS / SOURCE_LANGUAGE / page
        cells = []
        for language in others:
            path = translated_page(english, language.locale)
            if not path.is_file():
                cells.append("missing")
                continue
            info = translation_meta(path)
            freshness = "out of date" if is_outdated(path) else "up to date"
            cells.append(f"{freshness}, {info['state'].replace('-', ' ')}")
        rows.append(f"| `{page}` | " + " | ".join(cells) + " |")
    return (
        "---\ntitle: Translation status\n---\n# Translation status\n\n"
        "Generated at build time. *Out of date* means the English page changed after the translation was "
        "made: the translated page then shows a notice and a link to the English version. *Machine assisted "
        "draft* means a native-speaking clinician has not yet checked the translation.\n\n"
        + "\n".join([header, rule, *rows])
        + "\n"
    )


@event_priority(-100)  # after mkdocs-static-i18n has sorted the files into languages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _language(config)
    if language != SOURCE_LANGUAGE:
        problems = missing_pages(language)
        if problems:
            raise PluginError("Missing translation:\n  " + "\n  ".join(problems))
    try:
        prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
        files.append(File.generated(config, prefix + STATUS_PAGE, content=status_markdown()))
    except ContentError as error:
        raise PluginError(str(error)) from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if _language(config) == SOURCE_LANGUAGE or page.file.generated_by:
        return markdown
    path = Path(page.file.abs_src_path)
    try:
        translation_meta(path)
    except ContentError as error:
        raise PluginError(str(error)) from None
    problems = parity_problems(path)
    if problems:
        raise PluginError(
            "Translation does not match its English page (urgency boxes, headings and links must stay the "
            "same, in the same order):\n  " + "\n  ".join(problems)
        )
    _check_key_terms(path)
    return markdown


def _check_key_terms(path: Path) -> None:
    """A missing safety term stops the build; other key terms are a note (a warning would fail --strict)."""
    try:
        problems = key_term_problems(path)
    except ContentError as error:
        raise PluginError(str(error)) from None
    safety = [problem.message for problem in problems if problem.safety]
    if safety:
        raise PluginError("A safety term is missing from a translation:\n  " + "\n  ".join(safety))
    for problem in problems:
        log.info("key term: %s", problem.message)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    if _language(config) == SOURCE_LANGUAGE or page.file.generated_by:
        return context
    path = Path(page.file.abs_src_path)
    bare_url = bare_page_url(page.url, _language(config))
    if building_bundle():  # the offline zip holds one language: the English page is read on the web
        english_url = absolute_url(config.site_url, directory_url(bare_url))
    else:  # page.url is "<lang>/<page>/"; climb back to the site root, where the English page lives.
        english_url = "../" * page.url.count("/") + bare_url
    context["translation"] = {
        "state": translation_meta(path)["state"],
        "outdated": is_outdated(path),
        "english_url": english_url,
    }
    return context


def directory_url(url: str) -> str:
    """A page's address as the web site serves it: 'symptoms.html' -> 'symptoms/', 'index.html' -> ''."""
    url = url.removesuffix("index.html")
    return url.removesuffix(".html") + "/" if url.endswith(".html") else url
