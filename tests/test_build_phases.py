"""The whole-site steps run once, after every language, in WHOLE_SITE_STEPS order; and a change in
mkdocs-static-i18n that we depend on fails the build with a message, never silently.

Small fixture projects (two languages, hooks/build_phases.py and a hook that records what it sees),
built with MkDocs in a subprocess, as mkdocs-static-i18n's own tests do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_ENV, ROOT, build_site, copy_project

# Each test builds a fixture project or an altered copy of this one: not part of `make check`.
pytestmark = pytest.mark.rebuilds

# Records, for each on_config and each whole-site step, the language the config is set up for.
RECORDER = """
from pathlib import Path
from guidelib.build_phases import AFTER_I18N, whole_site_built, whole_site_step
from mkdocs.plugins import event_priority

LOG = Path(__file__).parent / "events.log"

def _note(line):
    with LOG.open("a", encoding="utf-8") as log:
        log.write(line + "\\n")

@event_priority(AFTER_I18N)
def on_config(config):
    _note("config " + config.theme["language"])
    return config

@event_priority(whole_site_step("service_workers"))
def on_post_build(config):
    _note("workers " + str(whole_site_built()))
"""
# Declared before the recorder but a later step: must still run after it.
EARLIER_IN_LIST = """
from pathlib import Path
from guidelib.build_phases import whole_site_built, whole_site_step
from mkdocs.plugins import event_priority

@event_priority(whole_site_step("offline_zips"))
def on_post_build(config):
    with (Path(__file__).parent / "events.log").open("a", encoding="utf-8") as log:
        log.write("zips " + str(whole_site_built()) + "\\n")
"""


def fixture_project(folder: Path, languages_key: str = "languages") -> Path:
    for locale, title in (("en", "Hello"), ("fr", "Bonjour")):
        (folder / "docs" / locale).mkdir(parents=True)
        (folder / "docs" / locale / "index.md").write_text(f"# {title}\n", encoding="utf-8")
    (folder / "recorder.py").write_text(RECORDER, encoding="utf-8")
    (folder / "zips.py").write_text(EARLIER_IN_LIST, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        f"""site_name: Fixture
theme:
  name: material
hooks:
  - {ROOT / "hooks" / "build_phases.py"}
  - zips.py
  - recorder.py
plugins:
  - i18n:
      docs_structure: folder
      reconfigure_material: true
      {languages_key}:
        - locale: en
          name: English
          default: true
          build: true
        - locale: fr
          name: Français
          build: true
""",
        encoding="utf-8",
    )
    return folder


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_whole_site_steps_run_once_after_every_language_in_order(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    events = (project / "events.log").read_text(encoding="utf-8").splitlines()
    # Each on_config after the i18n plugin sees the language it builds; the steps' gate opens only at the end.
    assert events == ["config en", "config fr", "workers False", "zips False", "workers True", "zips True"]
    assert (project / "site" / "fr" / "index.html").is_file()


# As if the plugin stopped setting each nested build's theme language: the language it builds is unknown.
LANGUAGE_NOT_SET = """
from mkdocs.plugins import event_priority

@event_priority(-105)  # between the i18n plugin's on_config and hooks/build_phases.py's
def on_config(config):
    config.theme["language"] = "en"
    return config
"""


def test_a_change_in_how_i18n_builds_languages_fails_the_build_with_a_message(tmp_path: Path) -> None:
    project = fixture_project(tmp_path)
    (project / "language_not_set.py").write_text(LANGUAGE_NOT_SET, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - zips.py\n", "  - zips.py\n  - language_not_set.py\n"),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode != 0
    assert "mkdocs-static-i18n no longer works as hooks/guidelib/build_phases.py expects" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "events.log").read_text(encoding="utf-8").count("True")  # no whole-site step ran


def test_a_mistyped_build_switch_fails_the_build_with_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env={**BUILD_ENV, "GUIDE_HANDOUTS": "true"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert (
        "environment variable GUIDE_HANDOUTS='true': set it to 1 (on) or 0 (off), or unset it"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_new_language_adds_everything_and_the_strict_build_passes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", project / ".github")
    scaffold = [sys.executable, "scripts/docs.py", "new-language", "pt"]
    made = subprocess.run(scaffold, cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert made.returncode == 0, made.stderr
    assert "/docs/pt/" in (project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert '"lang: pt":' in (project / ".github" / "labeler.yml").read_text(encoding="utf-8")

    built = build_site(project, tmp_path / "site", downloads=False)
    assert built.returncode == 0, built.stderr[-3000:]
    home = (tmp_path / "site" / "pt" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pt"' in home and "Português" in home

    status = [sys.executable, "scripts/docs.py", "status", "pt"]
    report = subprocess.run(
        status, cwd=project, capture_output=True, text=True, timeout=120, check=False
    ).stdout
    pages = len(list((project / "docs" / "en").rglob("*.md")))
    assert f"pt: {pages} pages, {pages} to translate" in report
    assert report.count("to translate: docs/pt/") == pages
