"""The owner of the build phases: notes each language as it starts and finishes (guidelib/build_phases.py),
so that the whole-site steps run once, after every language, in the order of WHOLE_SITE_STEPS."""

from __future__ import annotations

from guidelib.build_phases import (
    AFTER_I18N,
    LANGUAGE_FINISHED,
    build_failed,
    language_finished,
    language_started,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(AFTER_I18N)  # the i18n plugin has set the config (theme language) up for this language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language_started(config)
    return config


@event_priority(LANGUAGE_FINISHED)  # after the i18n plugin's on_post_build, which runs the nested builds
def on_post_build(config: MkDocsConfig) -> None:
    language_finished()


def on_build_error(error: Exception) -> None:
    build_failed()
