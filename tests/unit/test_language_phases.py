"""The phases of a multilingual build, as the guide plugin follows mkdocs-static-i18n's nested builds."""

from __future__ import annotations

import pytest
from guide.core.build_phases import BuildPhases
from mkdocs.exceptions import PluginError


def test_the_whole_site_is_built_once_after_the_outermost_language() -> None:
    phases = BuildPhases()
    phases.start_build(["en", "es", "fr"])
    phases.language_started("en")
    for nested in ("es", "fr"):  # i18n builds the others inside the default language's on_post_build
        phases.language_started(nested)
        assert not phases.language_finished()
    assert phases.language_finished()


def test_a_language_started_twice_is_a_change_in_i18n() -> None:
    phases = BuildPhases()
    phases.start_build(["en", "es"])
    phases.language_started("en")
    with pytest.raises(PluginError, match="no longer works as"):
        phases.language_started("en")


def test_a_language_left_out_is_a_change_in_i18n() -> None:
    phases = BuildPhases()
    phases.start_build(["en", "es"])
    phases.language_started("en")
    with pytest.raises(PluginError, match=r"it built \['en'\], not \['en', 'es'\]"):
        phases.language_finished()
