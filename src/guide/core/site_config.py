"""What mkdocs.yml says about languages and pages, for the tests and the guide command."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from guide.core.input_files import StrictLoader, load_yaml
from guide.core.project import cached, project


class _Loader(StrictLoader):
    """mkdocs.yml uses `!ENV [NAME, default]`; here the default is enough."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
# Python objects for MkDocs itself (the heading slugify function); nothing here reads them.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Language:
    locale: str
    name: str  # in mkdocs.yml: the language's own name, in the language menu
    default: bool

    @property
    def url_prefix(self) -> str:
        """Where this language's pages live in the built site: '' for the default language."""
        return "" if self.default else f"{self.locale}/"


@cached
def mkdocs_config() -> dict[str, Any]:
    return load_yaml(project().config_file.read_text(encoding="utf-8"), project().config_file, loader=_Loader)


# A language code: ISO 639, with a script (zh-Hant) or a region (pt-BR), as mkdocs-static-i18n and Material
# accept them (BCP 47 spelling, which is also what pages' lang and hreflang carry).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?")

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def text_direction(locale: str) -> str:
    return "rtl" if locale in RIGHT_TO_LEFT else "ltr"


def cldr_locale(locale: str) -> str:
    """The guide's locale (a BCP 47 tag, like zh-Hant) as CLDR and Babel spell it (zh_Hant)."""
    return locale.replace("-", "_")


def language_prefix(locale: str) -> str:
    """Folder of a language in the built site: '' for the default language, else '<locale>/'."""
    return next(language.url_prefix for language in languages() if language.locale == locale)


@cached
def languages() -> tuple[Language, ...]:
    """The languages mkdocs-static-i18n builds (`build: true`, its default), in mkdocs.yml's order."""
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return tuple(
                Language(entry["locale"], entry["name"], bool(entry.get("default")))
                for entry in plugin["i18n"]["languages"]
                if entry.get("build", True) is True
            )
    raise LookupError("mkdocs.yml has no i18n plugin")


def nav_titles() -> list[str]:
    """The English menu titles of mkdocs.yml's nav, in nav order (each language translates them)."""
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, dict):
                title, value = next(iter(item.items()))
                titles.append(title)
                if isinstance(value, list):
                    walk(value)

    walk(mkdocs_config()["nav"])
    return titles


def nav_pages() -> list[str]:
    """Markdown files named in the nav, relative to a language folder, in nav order."""
    pages: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                pages.append(value)

    walk(mkdocs_config()["nav"])
    return pages


def bare_page_url(url: str, locale: str) -> str:
    """A built page's URL without its language folder: 'es/symptoms/' -> 'symptoms/'."""
    return url.removeprefix(language_prefix(locale))


def page_slug(bare_url: str) -> str:
    """A file-name-safe name for a page: '' -> 'index', 'symptoms/' -> 'symptoms'."""
    return bare_url.strip("/") or "index"


def page_url(page: str) -> str:
    """Site-relative URL of a page for directory URLs: 'index.md' -> '', 'symptoms.md' -> 'symptoms/'."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
