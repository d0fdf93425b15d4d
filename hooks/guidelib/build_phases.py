"""The build phases of a multilingual build, owned by hooks/build_phases.py.

mkdocs-static-i18n builds the default language, then, from its own on_post_build, builds each other
language inside it (a nested MkDocs build), and rewrites the shared search index. Hooks that need every
language built (the whole-site steps) ask whole_site_built(); it is true only in the outermost build's
on_post_build, after every language listed with `build: true` in the plugin's configuration has finished.
We count the languages ourselves from the plugin's public configuration: if the plugin ever builds them
differently, the count does not match and the build fails with a message saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# mkdocs-static-i18n's priority for on_config, on_files, on_nav, on_post_page and on_post_build.
I18N_PRIORITY = -100
# A hook that needs the language's config or files as the plugin left them runs at this priority or lower:
# strictly lower, so the order never rests on a tie.
AFTER_I18N = I18N_PRIORITY - 10
# Where hooks/build_phases.py notes that a language is finished: after the plugin's on_post_build has run the
# nested builds, before any whole-site step.
LANGUAGE_FINISHED = I18N_PRIORITY - 50

# The whole-site steps, in the order they run: each on_post_build takes whole_site_step(name) as priority.
WHOLE_SITE_STEPS = (
    "api_index",  # hooks/content_api.py
    "not_found_pages",  # hooks/not_found.py
    "search_indexes",  # hooks/search_index.py: each language's index, before the workers take its revision
    "service_workers",  # hooks/offline.py: revisions of the finished files
    "handouts",  # hooks/handouts.py: prints every language's embed views
    "offline_zips",  # hooks/offline_bundle.py
)
_FIRST_STEP_PRIORITY = LANGUAGE_FINISHED - 50


def whole_site_step(name: str) -> int:
    """The event priority of a whole-site step's on_post_build: its place in WHOLE_SITE_STEPS."""
    return _FIRST_STEP_PRIORITY - WHOLE_SITE_STEPS.index(name)


@dataclass
class BuildState:
    expected: list[str] = field(default_factory=list)  # languages to build, from the i18n plugin's config
    running: list[str] = field(default_factory=list)  # languages started and not finished, outermost first
    finished: list[str] = field(default_factory=list)
    whole_site: bool = False


STATE = BuildState()

I18N_CHANGED = (
    "mkdocs-static-i18n no longer works as hooks/guidelib/build_phases.py expects ({problem}); "
    "check the installed version against requirements.txt, or update build_phases.py for it"
)


def languages_to_build(config: MkDocsConfig) -> list[str]:
    """Locales with `build: true` in the i18n plugin's public configuration (only the theme's without it)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return [config.theme["language"]]
    try:
        locales = [language.locale for language in plugin.config.languages if language.build is True]
    except (AttributeError, TypeError) as error:
        raise PluginError(
            I18N_CHANGED.format(problem=f"its config has no languages with locale and build: {error}")
        ) from None
    if not locales:
        raise PluginError(I18N_CHANGED.format(problem="no language has build: true"))
    return locales


def language_started(config: MkDocsConfig) -> None:
    """Called from on_config after the i18n plugin has set the config up for the language it builds."""
    if not STATE.running:  # a new build (`mkdocs serve` rebuilds in the same process)
        STATE.expected, STATE.finished, STATE.whole_site = languages_to_build(config), [], False
    locale = config.theme["language"]
    if locale not in STATE.expected or locale in STATE.running + STATE.finished:
        raise PluginError(
            I18N_CHANGED.format(
                problem=f"it set up the language {locale!r} after {STATE.running + STATE.finished}, of {STATE.expected}"
            )
        )
    STATE.running.append(locale)


def language_finished() -> None:
    STATE.finished.append(STATE.running.pop())
    if STATE.running:
        return
    if sorted(STATE.finished) != sorted(STATE.expected):
        raise PluginError(I18N_CHANGED.format(problem=f"it built {STATE.finished}, not {STATE.expected}"))
    STATE.whole_site = True


def build_failed() -> None:
    """Forget a build that stopped half-way, so that the next one (under `mkdocs serve`) starts clean."""
    STATE.running.clear()
    STATE.finished.clear()
    STATE.whole_site = False


def whole_site_built() -> bool:
    """True only in the outermost on_post_build, once every language has been built."""
    return STATE.whole_site
