"""The guide plugin (src/guide/plugin.py): the whole-site steps run once, after every language, in
order; its options are typed; a change in mkdocs-static-i18n that we depend on fails the build with a
message, never silently; and a new language is one command.

Each test builds the small project (tests/fixtures/small-guide, in two languages) in a subprocess, as
mkdocs-static-i18n's own tests build fixture projects."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel import Locale
from conftest import ROOT, SMALL_GUIDE_DOCS, build_site
from helpers import GUIDE_COMMAND
from guide.core.outputs import api_index_path, offline_zip_path, service_worker_path

LANGUAGES = ("en", "fr")
# The small project in two languages for every test here (small_project; marked `rebuilds` by it).
pytestmark = pytest.mark.languages(*LANGUAGES)


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return build_site(project, project / "site", env=env)


def test_whole_site_steps_run_once_after_every_language(small_project: Path) -> None:
    result = build(small_project)
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stderr
    # mkdocs-static-i18n announces each language; the whole-site steps come once, after the last.
    building = [match.start() for match in re.finditer(r"Building '(\w+)' documentation", log)]
    assert re.findall(r"Building '(\w+)' documentation", log) == list(LANGUAGES)
    steps = [match.start() for match in re.finditer("Every language is built", log)]
    assert len(steps) == 1 and steps[0] > building[-1]
    assert log.count("Writing the offline zips") == 1

    site = small_project / "site"
    index = json.loads((site / api_index_path()).read_text(encoding="utf-8"))
    assert [language["locale"] for language in index["languages"]] == list(LANGUAGES)
    assert len(index["languages"][1]["pages"]) == len(list((small_project / "docs" / "fr").glob("*.md")))
    # Each language's own search index, then its worker, which precaches that index at its revision.
    worker = (site / service_worker_path("fr", default=False)).read_text(encoding="utf-8")
    assert '"url":"fr/search/search_index.json"' in worker
    assert (site / offline_zip_path("fr")).is_file()
    # Each language's 404 page in its folder, the default one at the root.
    assert 'lang="fr"' in (site / "fr" / "404.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (site / "404.html").read_text(encoding="utf-8")


def test_the_options_are_typed_and_a_wrong_value_is_one_clear_line(small_project: Path) -> None:
    result = build(small_project, GUIDE_HANDOUTS="1")
    assert result.returncode != 0
    assert "Plugin 'guide' option 'handouts': Expected type: <class 'bool'> but received: <class 'int'>" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_without_zips_no_zip_is_written_or_linked(small_project: Path) -> None:
    assert build(small_project, GUIDE_OFFLINE_ZIPS="false").returncode == 0
    site = small_project / "site"
    assert not (site / "downloads").exists()
    assert "downloads/spine-guide-fr.zip" not in (site / "fr" / "index.html").read_text(encoding="utf-8")


# As if the i18n plugin stopped setting each nested build's theme language: the language it builds is unknown.
LANGUAGE_NOT_SET = """
from mkdocs.plugins import event_priority

@event_priority(-105)  # between the i18n plugin's on_config (-100) and the guide plugin's (-110)
def on_config(config):
    config.theme["language"] = "en"
    return config
"""


def test_a_change_in_how_i18n_builds_languages_fails_the_build_with_a_message(small_project: Path) -> None:
    (small_project / "language_not_set.py").write_text(LANGUAGE_NOT_SET, encoding="utf-8")
    config = small_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nhooks:\n  - language_not_set.py\n",
        encoding="utf-8",
    )
    result = build(small_project)
    assert result.returncode != 0
    assert "mkdocs-static-i18n no longer works as src/guide/core/build_phases.py expects" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Every language is built" not in result.stderr  # no whole-site step ran on half a site


def test_a_missing_key_in_any_language_file_is_one_clear_line(small_project: Path) -> None:
    # Each language's file is checked before any language is built, whichever it is.
    french = small_project / "translations" / "fr.yml"
    text = french.read_text(encoding="utf-8")
    assert re.search(r"(?m)^  read_english:", text)
    french.write_text(re.sub(r"(?m)^  read_english:.*\n", "", text), encoding="utf-8")
    result = build(small_project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(r"translations/fr\.yml:\d+: missing or empty key 'strings\.read_english'", result.stderr)


@pytest.mark.languages("en")
def test_new_language_adds_everything_and_the_strict_build_passes(
    small_project: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / ".github", small_project / ".github")
    shutil.copytree(SMALL_GUIDE_DOCS, small_project / SMALL_GUIDE_DOCS.relative_to(ROOT))
    # A language the guide does not have yet (after `new-language pt` this test still has one to add).
    code = next(
        code for code in ("pt", "de", "it") if not (small_project / "translations" / f"{code}.yml").exists()
    )
    scaffold = [GUIDE_COMMAND, "new-language", code]
    made = subprocess.run(
        scaffold, cwd=small_project, capture_output=True, text=True, timeout=120, check=False
    )
    assert made.returncode == 0, made.stderr
    assert f"/docs/{code}/" in (small_project / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert f'"lang: {code}":' in (small_project / ".github" / "labeler.yml").read_text(encoding="utf-8")
    name = Locale.parse(code).get_language_name(code)
    form = (small_project / ".github" / "ISSUE_TEMPLATE" / "translation-error.yml").read_text(
        encoding="utf-8"
    )
    assert f'"{name[:1].upper() + name[1:]} ({code})", "Other"]' in form
    # The small guide that tests build gets the language too, so the whole suite passes with it.
    small_guide = small_project / SMALL_GUIDE_DOCS.relative_to(ROOT)
    assert sorted(path.name for path in (small_guide / code).glob("*.md")) == sorted(
        path.name for path in (small_guide / "en").glob("*.md")
    )
    assert "state: untranslated" in (small_guide / code / "index.md").read_text(encoding="utf-8")

    built = build_site(small_project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    home = (tmp_path / "site" / code / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{code}"' in home and Locale.parse(code).get_display_name(code).casefold() in (
        home.casefold()
    )

    status = [GUIDE_COMMAND, "status", code]
    report = subprocess.run(
        status, cwd=small_project, capture_output=True, text=True, timeout=120, check=False
    ).stdout
    pages = len(list((small_project / "docs" / "en").rglob("*.md")))
    assert f"{code}: {pages} pages, {pages} to translate" in report
    assert report.count(f"to translate: docs/{code}/") == pages


def test_a_build_to_publish_refuses_a_local_address_in_one_line(small_project: Path) -> None:
    result = build(small_project, GUIDE_PUBLISH="true", SITE_URL="http://127.0.0.1:8000/")
    assert result.returncode != 0
    assert "set SITE_URL to the address where the site will be published" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_published_build_carries_its_address_and_never_a_local_one(small_project: Path) -> None:
    result = build(small_project, GUIDE_PUBLISH="true", SITE_URL="https://guide.example.org/care/")
    assert result.returncode == 0, result.stderr[-3000:]
    site = small_project / "site"
    carriers = [
        *sorted((site / "api").rglob("*.json")),
        *sorted((site / "oembed").rglob("*.json")),
        *sorted((site / "embed").rglob("*.html")),
        *sorted(site.glob("**/for-hospitals/index.html")),
    ]
    assert len(carriers) > 10
    for path in carriers:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, f"{path} names a local address"
    assert "https://guide.example.org/care/" in (site / "for-hospitals" / "index.html").read_text(
        encoding="utf-8"
    )
