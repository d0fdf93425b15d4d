"""Content safety: nothing a translator can change may harm a reader.

Every file under docs/, translations/<lang>.yml and the language entries of mkdocs.yml are untrusted.
This module is the one owner of that concern:

- files: only Markdown pages and plain images under docs/ (of the type their name says, at most 4000 px a
  side: guide/checks/images.py), no symlinks, no huge or non-UTF-8 files;
- reading: front matter is checked (real dates, no YAML aliases, plain-text title and description)
  before MkDocs parses it, and deeply nested Markdown is refused before Python-Markdown recurses;
- mkdocs.yml: site names, descriptions, copyright and menu labels of every language are plain text;
- the HTML readers receive: after every other step has changed a page (last), the page's
  HTML must pass an allow-list sanitiser (guide/checks/html_policy.py) unchanged; the page, its embed
  view, the JSON API, oEmbed and the handouts are all made from this HTML;
- external links in a translation go only to hosts its English page or data/sources.yml links to;
- urgency boxes (guide/cards/urgency.py) are the English page's, visible, and carry no typed phone number.

Every refusal is one PluginError line naming the file and, where it can, the line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from guide.core.escaping import Markup
from guide.checks.html_policy import (
    PUBLISHED_MARKUP,
    WRITTEN_MARKUP,
    UnsafeHtml,
    check_html,
    link_hosts,
    source_hosts,
    source_line,
)
from guide.core.input_files import MAX_FILE_BYTES, check_brackets, check_nesting, compose_yaml, read_text_file
from guide.core.pages import read_meta
from guide.checks.images import image_problem
from guide.checks.plain_text import check_plain_text_node
from guide.core.site_config import bare_page_url
from guide.translation.translated_pages import SOURCE_LANGUAGE, english_source
from guide.cards.urgency import UrgencyProblem, check_against_english, urgency_boxes
from guide.core.engine import MkDocsConfig, Page, PluginError

# What may live under docs/: pages and raster images. SVG can carry script, so it stays in overrides/.
ALLOWED_SUFFIXES = (".md", ".png", ".jpg", ".jpeg", ".webp")
# Language entries of mkdocs.yml that readers see; each is plain text (the rest is in translations/<lang>.yml).
LANGUAGE_TEXT_KEYS = ("name",)
SITE_TEXT_KEYS = ("site_name", "site_description", "copyright")


# --- mkdocs.yml --------------------------------------------------------------------------------------


def _fields(node: yaml.Node | None) -> dict[str, yaml.Node]:
    return {key.value: value for key, value in node.value} if isinstance(node, yaml.MappingNode) else {}


def check_site_config_text(config_path: Path) -> None:
    """The reader-visible text of mkdocs.yml, site-wide and per language, is plain text."""
    root = _fields(compose_yaml(read_text_file(config_path), config_path))
    for key in (*SITE_TEXT_KEYS, "nav"):
        if key in root:
            check_plain_text_node(root[key], config_path, 1, key)
    for plugin in getattr(root.get("plugins"), "value", []):
        for entry in getattr(_fields(_fields(plugin).get("i18n")).get("languages"), "value", []):
            fields = _fields(entry)
            locale = fields["locale"].value if "locale" in fields else "?"
            for key in LANGUAGE_TEXT_KEYS:
                if key in fields:
                    check_plain_text_node(fields[key], config_path, 1, f"languages[{locale}].{key}")


def check_site_config(config: MkDocsConfig) -> None:
    check_site_config_text(Path(config.config_file_path))


# --- files under docs/ -------------------------------------------------------------------------------


def docs_file_problems(docs_dir: Path) -> list[str]:
    """Symlinks, files of a type we do not publish, and oversized files, on the real file system."""
    problems = []
    for folder, subfolders, names in os.walk(docs_dir, followlinks=False):
        for name in sorted(subfolders + names):
            path = Path(folder) / name
            shown = path.relative_to(docs_dir.parent).as_posix()
            if path.is_symlink():
                problems.append(f"{shown}: is a symbolic link; replace it with the real file or delete it")
            elif path.is_file() and not name.lower().endswith(ALLOWED_SUFFIXES):
                problems.append(
                    f"{shown}: files of this type are not published; pages are Markdown (.md) and images "
                    f"{', '.join(s for s in ALLOWED_SUFFIXES if s != '.md')}: delete it or convert it"
                )
            elif path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
                problems.append(
                    f"{shown}: is larger than {MAX_FILE_BYTES // 1000} KB; make it smaller or split it"
                )
            elif path.is_file() and not name.lower().endswith(".md") and (problem := image_problem(path)):
                problems.append(f"{shown}: {problem}")
    return problems


def check_docs_files(config: MkDocsConfig) -> None:
    problems = docs_file_problems(Path(config.docs_dir))
    if problems:
        raise PluginError("Files not allowed in docs/:\n  " + "\n  ".join(problems))


# --- reading a page ----------------------------------------------------------------------------------


def read_page_source(page: Page) -> str | None:
    """Read the page ourselves, so that bad input is refused before MkDocs or Markdown trips on it."""
    if page.file.generated_by or not page.file.abs_src_path:
        return None
    path = Path(page.file.abs_src_path)
    source = read_text_file(path)
    read_meta(path)
    check_nesting(source, path)
    check_brackets(source, path)
    return source


def check_rendered_markdown(page: Page) -> None:
    """Check what the page's own Markdown renders to, before the build adds generated HTML; and turn a
    RecursionError deep in Python-Markdown into a clean message."""
    if page.file.generated_by:
        return
    render = page.render

    def render_and_check(*args: Any, **kwargs: Any) -> None:
        try:
            render(*args, **kwargs)
        except RecursionError:
            raise PluginError(
                f"docs/{page.file.src_uri}: the page is nested too deeply for Markdown (lists, quotes or HTML "
                "inside each other); flatten it"
            ) from None
        try:
            check_html(page.content or "", WRITTEN_MARKUP)
        except UnsafeHtml as problem:
            raise _refusal(page, problem) from None

    page.render = render_and_check  # type: ignore[method-assign]


def _refusal(page: Page, problem: UnsafeHtml | UrgencyProblem) -> PluginError:
    line = source_line(page.file.content_string, problem.needles)
    return PluginError(f"docs/{page.file.src_uri}:{line}: {problem.message}")


# --- the HTML readers receive ------------------------------------------------------------------------


def _english_hosts(page: Page, locale: str) -> set[str]:
    if locale == SOURCE_LANGUAGE:
        return set()
    english = english_source(Path(page.file.abs_src_path))
    return link_hosts(read_text_file(english)) if english.is_file() else set()


def external_link_problems(content: str, page: Page, locale: str) -> list[tuple[str, str]]:
    """(what, distinctive text) for links in a translation to hosts neither English nor the sources use."""
    if locale == SOURCE_LANGUAGE:
        return []
    allowed = _english_hosts(page, locale) | source_hosts()
    found = []
    for host in sorted(link_hosts(content, html=True) - allowed):
        found.append((f"link to {host}, a site the English page does not link to", host))
    return found


def check_published_html(content: str, page: Page, locale: str) -> str:
    """Last, on the final HTML that pages, embed views, the API and handouts use: the sanitiser, links to
    other hosts, and the urgency cards against the English page's."""
    if page.file.generated_by:  # built by the plugin from plain-text strings, not written by a person
        return content
    try:
        sanitised = check_html(content, PUBLISHED_MARKUP)
        for what, needle in external_link_problems(content, page, locale):
            raise UnsafeHtml(what, needle)
        check_against_english(urgency_boxes(content), bare_page_url(page.url, locale), locale)
    except (UnsafeHtml, UrgencyProblem) as problem:
        raise _refusal(page, problem) from None
    # Readers get the sanitiser's own serialisation: the same markup, with no parser differences left.
    return sanitised


def mark_checked_html(page: Page) -> None:
    """After Material's search plugin, which rewrites page.content as a plain string: the checked HTML and
    the heading titles, for the templates to print as HTML."""
    page.content = Markup(page.content or "")  # checked in check_published_html
    _mark_toc_titles(page.toc)  # Python-Markdown gives heading titles already escaped


def _mark_toc_titles(items: Any) -> None:
    for item in items:
        item.title = Markup(item.title)
        _mark_toc_titles(item.children)
