"""The guide plugin (`- guide:` in mkdocs.yml): the one owner of the build's options, phases and state.

Events only; what each step does is in the module it calls. Once per build, before any language:
point guidelib at the project built, read and check every language's file (a mistake in any of them is
one clear line, whichever language is being built), and give mkdocs-static-i18n each language's site name,
description, licence line and menu titles. Per language: note it as started and finished
(guidelib/build_phases.py). Once every language is built: the whole-site steps, in the order written in
_build_whole_site.

Hooks (hooks/*.py) do the per-page work. A hook reads the options and shared state with guide(config).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from guidelib import content_api, handouts, offline_zips, not_found, search_index, service_workers
from guidelib.build_phases import (
    AFTER_I18N,
    BEFORE_I18N,
    LANGUAGE_FINISHED,
    BuildPhases,
    i18n_changed,
    languages_to_build,
)
from guidelib.input_files import ContentError
from guidelib.language_registry import SITE_TEXTS, load_language
from guidelib.project import use_project
from guidelib.site_config import languages

log = get_plugin_logger(__name__)
PLUGIN_NAME = "guide"
# The environment variables that mkdocs.yml reads the options from (`!ENV [GUIDE_HANDOUTS, false]`).
OPTION_ENV = {"handouts": "GUIDE_HANDOUTS", "offline_zips": "GUIDE_OFFLINE_ZIPS"}


class GuideConfig(base.Config):
    # Print the PDF handouts and alert cards with the system Chromium (`make build`, `make test`, deploys).
    handouts = c.Type(bool, default=False)
    # Write each language's zip for reading from disk, without internet (site/downloads/).
    offline_zips = c.Type(bool, default=True)


class GuidePlugin(BasePlugin[GuideConfig]):
    def __init__(self) -> None:
        self.phases = BuildPhases()
        # Each language's "page not found" page, kept until every language is built (hooks/not_found.py).
        self.not_found_pages: dict[str, str] = {}
        # The language's template environment, escaping every value, for the pages hooks render themselves.
        self.template_env: jinja2.Environment | None = None

    @event_priority(BEFORE_I18N)
    def _set_up_build(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.phases.in_nested_build:
            return config
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError(
                "the guide plugin needs mkdocs-static-i18n: add '- i18n:' to plugins in mkdocs.yml"
            )
        use_project(Path(config.config_file_path).parent)
        self.not_found_pages.clear()
        try:
            for language in languages():
                load_language(language.locale)
        except ContentError as error:
            raise PluginError(str(error)) from None
        for entry in i18n.config.languages:
            site = load_language(entry.locale).site
            for key in SITE_TEXTS:
                entry[key] = getattr(site, key)
            entry["nav_translations"] = site.nav_translations or None
        self.phases.start_build(languages_to_build(i18n))
        return config

    @event_priority(AFTER_I18N)
    def _start_language(self, config: MkDocsConfig) -> MkDocsConfig:
        locale = config.theme["language"]
        current = getattr(config.plugins["i18n"], "current_language", None)
        if locale != current:
            raise i18n_changed(f"the theme language is {locale!r} while it builds {current!r}")
        self.phases.language_started(locale)
        return config

    on_config = CombinedEvent(_set_up_build, _start_language)

    @event_priority(LANGUAGE_FINISHED)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.phases.language_finished():
            self._build_whole_site(config)

    def on_build_error(self, error: Exception) -> None:
        self.phases.forget()

    def _build_whole_site(self, config: MkDocsConfig) -> None:
        """The steps that need every language built; each reads the finished site, not the config, which
        the i18n plugin leaves set up for the last language it built."""
        site, site_url = Path(config.site_dir), config.site_url
        log.info("Every language is built: writing the files of the whole site")
        content_api.write_site_files(site, site_url)
        not_found.write_pages(site, self.not_found_pages)
        # Before the workers take the revisions of the finished files, each language's index among them.
        search_index.write_language_indexes(site)
        service_workers.write_service_workers(site, site_url)
        if self.config.handouts:
            log.info("Printing the handouts")
            handouts.print_handouts(site, site_url)
        if self.config.offline_zips:
            log.info("Writing the offline zips")
            offline_zips.write_offline_zips(site, site_url)


def guide(config: MkDocsConfig) -> GuidePlugin:
    """The guide plugin of this build, for hooks: its options (guide(config).config) and shared state."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, GuidePlugin):
        raise PluginError(f"the hooks need the guide plugin: add '- {PLUGIN_NAME}' to plugins in mkdocs.yml")
    return plugin
