"""The phases of a multilingual build, as the guide plugin (guide/plugin.py) follows them.

mkdocs-static-i18n builds the default language, then, from its own on_post_build, builds each other
language inside it (a nested MkDocs build on the same config), and rewrites the shared search index.
Every language runs every MkDocs event once. BuildPhases notes each language as it starts and finishes;
the whole site is built when the outermost language finishes and every language listed with `build: true`
in the i18n plugin's public configuration has been built. If the plugin ever builds languages differently,
the counts do not match and the build fails with a message saying so, instead of running the whole-site
steps on half a site.

The guide plugin's events run at these priorities where the order against another plugin matters: the
config or files as the i18n plugin left them for the language being built, strictly below its own
priority, so the order never rests on a tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from guide.core.engine import PluginError


# mkdocs-static-i18n's priority for on_config, on_files, on_nav, on_post_page and on_post_build.
I18N_PRIORITY = -100
# Before the i18n plugin's on_config: where the guide plugin gives it each language's texts.
BEFORE_I18N = I18N_PRIORITY + 10
# After the i18n plugin has set up the config (theme language) or sorted the files for the language built.
AFTER_I18N = I18N_PRIORITY - 10
# After the i18n plugin's on_post_build has run the nested builds: where the whole-site steps run.
LANGUAGE_FINISHED = I18N_PRIORITY - 50
# Before every other plugin: the files under docs/ are checked before anything reads them.
FIRST = 100
# After every other plugin: Material's search has read the page, and the checks see the final HTML.
LAST = -1000

I18N_CHANGED = (
    "mkdocs-static-i18n no longer works as src/guide/core/build_phases.py expects ({problem}); "
    "check the installed version against requirements.txt, or update build_phases.py for it"
)


def i18n_changed(problem: str) -> PluginError:
    return PluginError(I18N_CHANGED.format(problem=problem))


def languages_to_build(i18n: Any) -> list[str]:
    """Locales with `build: true` in the i18n plugin's public configuration."""
    try:
        locales = [language.locale for language in i18n.config.languages if language.build is True]
    except (AttributeError, TypeError) as error:
        raise i18n_changed(f"its config has no languages with locale and build: {error}") from None
    if not locales:
        raise i18n_changed("no language has build: true")
    return locales


@dataclass
class BuildPhases:
    expected: list[str] = field(default_factory=list)  # languages to build, from the i18n plugin's config
    running: list[str] = field(default_factory=list)  # started and not finished, outermost first
    finished: list[str] = field(default_factory=list)

    @property
    def in_nested_build(self) -> bool:
        return bool(self.running)

    def start_build(self, expected: list[str]) -> None:
        self.expected, self.running, self.finished = expected, [], []

    def language_started(self, locale: str) -> None:
        if locale not in self.expected or locale in self.running + self.finished:
            raise i18n_changed(
                f"it set up the language {locale!r} after {self.running + self.finished}, of {self.expected}"
            )
        self.running.append(locale)

    def language_finished(self) -> bool:
        """Note that the innermost language is built; True once the whole site is."""
        self.finished.append(self.running.pop())
        if self.running:
            return False
        if sorted(self.finished) != sorted(self.expected):
            raise i18n_changed(f"it built {self.finished}, not {self.expected}")
        return True

    def forget(self) -> None:
        """A build stopped half-way: the next one (under `mkdocs serve`) starts clean."""
        self.start_build([])
