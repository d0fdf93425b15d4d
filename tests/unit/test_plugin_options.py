"""The guide plugin's options, read in-process from mkdocs.yml by MkDocs' own load_config."""

from __future__ import annotations

import pytest
from guide.config import OPTION_ENV
from guide.core.outputs import is_local_address, published_address_problem
from guide.core.project import project
from mkdocs.config import load_config


def guide_plugin(monkeypatch: pytest.MonkeyPatch, handouts: str, zips: str):  # noqa: ANN201 - GuidePlugin
    monkeypatch.setenv(OPTION_ENV["handouts"], handouts)
    monkeypatch.setenv(OPTION_ENV["offline_zips"], zips)
    return load_config(str(project().config_file)).plugins["guide"]


def test_the_options_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = guide_plugin(monkeypatch, "true", "false")
    assert plugin.config.handouts is True and plugin.config.offline_zips is False
    assert plugin.prints_handouts and not plugin.writes_zips


def test_serve_skips_the_zips_and_handouts_that_only_a_published_site_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plugin = guide_plugin(monkeypatch, "true", "true")
    plugin.on_startup(command="serve", dirty=False)
    assert not plugin.prints_handouts and not plugin.writes_zips
    plugin.on_startup(command="build", dirty=False)
    assert plugin.prints_handouts and plugin.writes_zips


def test_an_option_that_is_not_true_or_false_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config.base import ValidationError

    monkeypatch.setenv(OPTION_ENV["handouts"], "sometimes")
    with pytest.raises((ValidationError, SystemExit)):
        load_config(str(project().config_file))


@pytest.mark.parametrize(
    ("address", "local"),
    [
        (None, True),
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/guide/", True),
        ("http://[::1]:8000/", True),
        ("http://127.8.9.10/", True),
        ("https://guide.example.org/", False),
        ("https://spine-guide.github.io/guide/", False),
        ("http://10.0.0.5/", False),  # a hospital's own network: other computers open it
    ],
)
def test_a_local_address_is_told_apart_from_a_published_one(address: str | None, local: bool) -> None:
    assert is_local_address(address) is local
    assert (published_address_problem(address) is not None) is local


def test_the_refusal_says_how_to_set_the_address() -> None:
    problem = published_address_problem("http://127.0.0.1:8000/")
    assert problem and "SITE_URL=" in problem and "make build" in problem and "\n" not in problem
