"""Translations: complete, safe (same urgency boxes, headings and links as English), honest about
their state, and wired for readers (direction, switcher, hreflang, search)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project
from guidelib.site_config import DOCS, languages, nav_pages, page_url, text_direction
from guidelib.translation import SOURCE_LANGUAGE, is_outdated, parity_problems, translation_meta
from helpers import search, soup

TRANSLATIONS = [language for language in languages() if language.locale != SOURCE_LANGUAGE]
TRANSLATED_PAGES = sorted(path for language in TRANSLATIONS for path in (DOCS / language.locale).rglob("*.md"))


def test_there_are_five_translations() -> None:
    assert sorted(language.locale for language in TRANSLATIONS) == ["ar", "es", "fr", "vi", "zh"]


@pytest.mark.parametrize("path", TRANSLATED_PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_translation_keeps_the_english_safety_structure(path: Path) -> None:
    assert parity_problems(path) == []


@pytest.mark.parametrize("path", TRANSLATED_PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_translation_is_current_and_says_honestly_it_is_a_draft(path: Path) -> None:
    info = translation_meta(path)
    assert not is_outdated(path), f"{path} is out of date: run scripts/docs.py diff and stamp"
    if info["state"] == "reviewed":
        assert info.get("reviewed_by"), f"{path} says reviewed but names no reviewer"


@pytest.mark.parametrize("language", TRANSLATIONS, ids=lambda language: language.locale)
def test_translated_pages_show_their_state_direction_and_absolute_alternates(site: Path, site_url: str, language) -> None:
    for page in nav_pages():
        document = soup(site / language.url_prefix / page_url(page) / "index.html")
        assert document.body["dir"] == text_direction(language.locale)
        assert document.select_one(".translation-state"), f"{language.locale}/{page} does not show its state"
        alternates = {link["hreflang"]: link["href"] for link in document.select("link[rel=alternate][hreflang]")}
        assert set(alternates) == {lang.locale for lang in languages()} | {"x-default"}
        assert alternates["x-default"] == site_url + page_url(page)
        assert alternates[language.locale] == site_url + language.url_prefix + page_url(page)


def test_language_switcher_keeps_the_reader_on_the_same_page(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "when-to-get-help/")
    for language in TRANSLATIONS:
        link = page.locator(f".md-select__link[hreflang='{language.locale}']")
        assert link.count() == 1
        href = link.get_attribute("href")
        assert href.rstrip("/").endswith(f"{language.locale}/when-to-get-help"), href
    page.close()


@pytest.mark.parametrize("language", TRANSLATIONS, ids=lambda language: language.locale)
def test_search_finds_pages_in_each_language(browser, site: Path, site_url: str, language) -> None:
    # A word from the translated symptoms page title; Chinese titles have no spaces: jieba splits them.
    title = soup(site / language.url_prefix / "symptoms" / "index.html").find("h1").get_text().strip("¶ \n")
    word = title[:2] if language.locale == "zh" else max(title.split(), key=len)
    page = browser.new_page()
    page.goto(site_url + language.url_prefix)
    first = search(page, word).first
    assert f"/{language.locale}/" in (first.locator("a").first.get_attribute("href") or "")
    page.close()


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.locale)
def test_search_results_never_lead_to_another_language(browser, site_url: str, language) -> None:
    # "Bilsky" (a source's author, cited on every language's about page) is in every language's index.
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + language.url_prefix + "symptoms/")
    results = search(page, "Bilsky")
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(results.count())]
    other_roots = [site_url + other.url_prefix for other in languages() if other.url_prefix and other != language]
    assert all(href.startswith(site_url + language.url_prefix) for href in hrefs), hrefs
    assert not [href for href in hrefs if href.startswith(tuple(other_roots))], hrefs
    # Only this language's index and lunr files were downloaded.
    indexes = [url for url in requests if url.endswith("search_index.json")]
    assert indexes == [site_url + language.url_prefix + "search/search_index.json"]
    lunr = {url.rsplit("/", 1)[1] for url in requests if "/lunr/" in url}
    assert not lunr - {"lunr.stemmer.support.min.js", f"lunr.{language.locale}.min.js"}, lunr
    page.close()


# --- A translator's mistakes, each on a copy of the project -------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def failed_build(project: Path) -> str:
    result = build_site(project, project / "site", downloads=False)
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_deleted_translation_names_both_paths(project: Path) -> None:
    (project / "docs/fr/outlook.md").unlink()
    output = failed_build(project)
    assert "docs/en/outlook.md has no translation: docs/fr/outlook.md is missing" in output


def test_translation_without_english_source_names_both_paths(project: Path) -> None:
    (project / "docs/es/extra.md").write_text("---\ntitle: x\n---\n# x\n", encoding="utf-8")
    assert "docs/es/extra.md has no English source: docs/en/extra.md does not exist" in failed_build(project)


def test_dropped_emergency_box_fails_with_file_and_line(project: Path) -> None:
    path = project / "docs/vi/when-to-get-help.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("!!! emergency"))
    lines[index] = lines[index].replace("!!! emergency", "!!! note")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = failed_build(project)
    assert "docs/vi/when-to-get-help.md" in output and "should be '!!! emergency'" in output


def test_missing_ui_string_names_file_and_key(project: Path) -> None:
    edit(project / "translations/zh.yml", lambda text: "\n".join(
        line for line in text.splitlines() if not line.strip().startswith("read_english:")) + "\n")
    output = failed_build(project)
    assert "translations/zh.yml" in output and "strings.read_english" in output


def test_malformed_translation_file_names_file_and_line(project: Path) -> None:
    edit(project / "translations/ar.yml", lambda text: text.replace("strings:", "strings: [", 1))
    output = failed_build(project)
    assert "translations/ar.yml:" in output and "invalid YAML" in output


def test_changed_english_page_marks_translations_out_of_date(project: Path) -> None:
    edit(project / "docs/en/glossary.md", lambda text: text + "\nA new sentence for the test.\n")
    result = build_site(project, project / "site", downloads=False)
    assert result.returncode == 0, result.stderr
    banner = soup(project / "site/es/glossary/index.html").select_one(".translation-state--outdated")
    assert banner is not None and banner.find("a", href="../../glossary/")
    assert soup(project / "site/es/causes/index.html").select_one(".translation-state--outdated") is None

    status = subprocess.run(
        [sys.executable, "scripts/docs.py", "status", "es"], cwd=project, capture_output=True, text=True
    )
    assert status.returncode == 1 and "out of date: docs/es/glossary.md" in status.stdout


def test_translator_can_see_what_changed_in_english(tmp_path: Path) -> None:
    # A real git history: the translation was made from the first English version.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    if not (clone / "docs/es/glossary.md").is_file():
        pytest.fail("run this test on a checkout where the translations are committed")
    edit(clone / "docs/en/glossary.md", lambda text: text + "\nA sentence added to English.\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "commit", "--quiet", "-am", "change English"], cwd=clone, check=True)
    diff = subprocess.run(
        [sys.executable, "scripts/docs.py", "diff", "docs/es/glossary.md"], cwd=clone, capture_output=True, text=True
    )
    assert diff.returncode == 0, diff.stderr
    assert "+A sentence added to English." in diff.stdout
