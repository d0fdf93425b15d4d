"""Where the project's files are: the folder of the mkdocs.yml being built.

The guide plugin (guide/plugin.py) points this at the folder of the mkdocs.yml it builds, so that a copy
of the project (a test's fixture project) reads its own pages and data; the tests and the guide command use
the checkout this file is in. Loaders of project files cache what they read (`cached`); use_project()
forgets all of it, so each build (`mkdocs serve` rebuilds in one process) reads the files as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

Loader = TypeVar("Loader", bound=Callable[..., Any])


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def small_guide_docs(self) -> Path:
        """The tests' small guide: three short pages in every language (small_project in tests/conftest.py)."""
        return self.root / "tests" / "fixtures" / "small-guide" / "docs"

    @property
    def translations(self) -> Path:
        """The language registry: translations/<lang>.yml (guide/catalogues/language_registry.py)."""
        return self.root / "translations"

    @property
    def data(self) -> Path:
        return self.root / "data"


_current = Project(Path(__file__).resolve().parents[3])  # src/guide/core/project.py
_caches: list[Any] = []


def project() -> Project:
    return _current


def cached(loader: Loader) -> Loader:
    """functools.cache for a function that reads project files: cleared by use_project()."""
    wrapped = functools.cache(loader)
    _caches.append(wrapped)
    return wrapped  # type: ignore[return-value]


def use_project(root: Path) -> None:
    """Read the project in `root` from now on, forgetting everything read before."""
    global _current
    _current = Project(root.resolve())
    for cache in _caches:
        cache.cache_clear()
