"""Translations: complete, safe (same urgency boxes, headings and links as English), honest about
their state, and wired for readers (direction, switcher, hreflang, search)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SMALL_GUIDE_DOCS, build_site, failed_build
from guide.core.site_config import languages, nav_pages, page_url, text_direction
from guide.core.project import project
from guide.translation.translated_pages import (
    SOURCE_LANGUAGE,
    is_outdated,
    parity_problems,
    source_hash,
    translation_meta,
)
from helpers import GUIDE_COMMAND, edit, search, soup

DOCS = project().docs

TRANSLATIONS = [language for language in languages() if language.locale != SOURCE_LANGUAGE]
TRANSLATED_PAGES = sorted(
    path for language in TRANSLATIONS for path in (DOCS / language.locale).rglob("*.md")
)


def test_the_guide_has_its_five_translations() -> None:
    # At least these: `.venv/bin/guide new-language` adds more, and the suite passes with them.
    assert {"ar", "es", "fr", "vi", "zh"} <= {language.locale for language in TRANSLATIONS}


@pytest.mark.parametrize("path", TRANSLATED_PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_translation_keeps_the_english_safety_structure(path: Path) -> None:
    assert parity_problems(path) == []


@pytest.mark.parametrize("path", TRANSLATED_PAGES, ids=lambda path: str(path.relative_to(DOCS)))
def test_translation_is_current_and_says_honestly_it_is_a_draft(path: Path) -> None:
    info = translation_meta(path)
    assert not is_outdated(path), f"{path} is out of date: run .venv/bin/guide diff and stamp"
    if info["state"] == "reviewed":
        assert info.get("reviewed_by"), f"{path} says reviewed but names no reviewer"


SMALL_GUIDE_TRANSLATIONS = sorted(
    path for path in SMALL_GUIDE_DOCS.glob("*/*.md") if path.parent.name != SOURCE_LANGUAGE
)


def test_the_small_guide_has_every_language_and_its_translations_are_current() -> None:
    # The tests of a check change one thing in the small guide: everything else in it must pass.
    assert {path.parent.name for path in SMALL_GUIDE_TRANSLATIONS} == {
        language.locale for language in TRANSLATIONS
    }
    docs = SMALL_GUIDE_DOCS.relative_to(ROOT)
    for path in SMALL_GUIDE_TRANSLATIONS:
        english = SMALL_GUIDE_DOCS / SOURCE_LANGUAGE / path.name
        assert translation_meta(path)["source_hash"] == source_hash(english), (
            f"{path.relative_to(ROOT)} is out of date: update it, then run "
            f".venv/bin/guide stamp --docs {docs} {path.relative_to(ROOT)}"
        )


@pytest.mark.parametrize("language", TRANSLATIONS, ids=lambda language: language.locale)
def test_translated_pages_show_their_state_direction_and_absolute_alternates(
    site: Path, site_url: str, language
) -> None:
    for page in nav_pages():
        document = soup(site / language.url_prefix / page_url(page) / "index.html")
        assert document.body["dir"] == text_direction(language.locale)
        assert document.select_one(".translation-state"), f"{language.locale}/{page} does not show its state"
        alternates = {
            link["hreflang"]: link["href"] for link in document.select("link[rel=alternate][hreflang]")
        }
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
    # "112" (in the numbers table of every language's sources page) is in every language's index.
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + language.url_prefix + "symptoms/")
    results = search(page, "112")
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(results.count())]
    other_roots = [
        site_url + other.url_prefix for other in languages() if other.url_prefix and other != language
    ]
    assert all(href.startswith(site_url + language.url_prefix) for href in hrefs), hrefs
    assert not [href for href in hrefs if href.startswith(tuple(other_roots))], hrefs
    # Only this language's index and lunr files were downloaded.
    indexes = [url for url in requests if url.endswith("search_index.json")]
    assert indexes == [site_url + language.url_prefix + "search/search_index.json"]
    lunr = {url.rsplit("/", 1)[1] for url in requests if "/lunr/" in url}
    assert not lunr - {"lunr.stemmer.support.min.js", f"lunr.{language.locale}.min.js"}, lunr
    page.close()


# --- A translator's mistakes, each on the small project ---------------------------------------------


@pytest.mark.languages("en", "fr")
def test_deleted_translation_names_both_paths(small_project: Path) -> None:
    (small_project / "docs/fr/about.md").unlink()
    output = failed_build(small_project)
    assert "docs/en/about.md has no translation: docs/fr/about.md is missing" in output


@pytest.mark.languages("en", "es")
def test_translation_without_english_source_names_both_paths(small_project: Path) -> None:
    (small_project / "docs/es/extra.md").write_text("---\ntitle: x\n---\n# x\n", encoding="utf-8")
    assert "docs/es/extra.md has no English source: docs/en/extra.md does not exist" in failed_build(
        small_project
    )


@pytest.mark.languages("en", "vi")
def test_dropped_emergency_box_fails_with_file_and_line(small_project: Path) -> None:
    path = small_project / "docs/vi/index.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("!!! emergency"))
    lines[index] = lines[index].replace("!!! emergency", "!!! note")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = failed_build(small_project)
    assert re.search(r"docs/vi/index\.md:\d+: urgency box 1 should be '!!! emergency'", output), output


@pytest.mark.languages("en", "zh")
def test_missing_ui_string_names_file_and_key(small_project: Path) -> None:
    edit(
        small_project / "translations/zh.yml",
        lambda text: (
            "\n".join(line for line in text.splitlines() if not line.strip().startswith("read_english:"))
            + "\n"
        ),
    )
    output = failed_build(small_project)
    assert "translations/zh.yml" in output and "strings.read_english" in output


@pytest.mark.languages("en", "ar")
def test_malformed_translation_file_names_file_and_line(small_project: Path) -> None:
    edit(small_project / "translations/ar.yml", lambda text: text.replace("strings:", "strings: [", 1))
    output = failed_build(small_project)
    assert "translations/ar.yml:" in output and "invalid YAML" in output


@pytest.mark.languages("en", "es")
def test_changed_english_page_marks_translations_out_of_date(small_project: Path) -> None:
    edit(small_project / "docs/en/about.md", lambda text: text + "\nA new sentence for the test.\n")
    result = build_site(small_project, small_project / "site")
    assert result.returncode == 0, result.stderr
    banner = soup(small_project / "site/es/about/index.html").select_one(".translation-state--outdated")
    assert banner is not None and banner.find("a", href="../../about/")
    assert (
        soup(small_project / "site/es/when-to-get-help/index.html").select_one(".translation-state--outdated")
        is None
    )

    status = subprocess.run(
        [GUIDE_COMMAND, "status", "es"],
        cwd=small_project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert status.returncode == 1 and "out of date: docs/es/about.md" in status.stdout


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
        [GUIDE_COMMAND, "diff", "docs/es/glossary.md"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert diff.returncode == 0, diff.stderr
    assert "+A sentence added to English." in diff.stdout


# --- Key terms and the CAT-tool exchange ----------------------------------------------------------------


def docs_command(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GUIDE_COMMAND, *args], cwd=project, capture_output=True, text=True, check=False)


def test_every_translation_uses_its_key_terms() -> None:
    result = docs_command(ROOT, "terms")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Every translated page uses its language's key terms." in result.stdout


@pytest.mark.languages("en", "es")
def test_missing_safety_term_stops_the_build_naming_the_english_line(small_project: Path) -> None:
    # The translator calls spinal cord compression something else.
    page = small_project / "docs/es/when-to-get-help.md"
    edit(
        page,
        lambda text: text.replace("compresión de la médula espinal", "presión en la médula").replace(
            "compresión medular", "presión en la médula"
        ),
    )
    english = (small_project / "docs/en/when-to-get-help.md").read_text(encoding="utf-8").splitlines()
    english_line = next(i for i, line in enumerate(english, 1) if "spinal cord compression" in line)
    terms_file = (small_project / "translations/es.yml").read_text(encoding="utf-8").splitlines()
    term_line = terms_file.index("  spinal cord compression:") + 1

    listed = docs_command(small_project, "terms", "es")
    assert listed.returncode == 1
    assert (
        f"safety term, the build stops: docs/en/when-to-get-help.md:{english_line}: uses the key term "
        "'spinal cord compression'" in listed.stdout
    )

    output = failed_build(small_project)
    assert (
        f"docs/en/when-to-get-help.md:{english_line}: uses the key term 'spinal cord compression', but "
        "docs/es/when-to-get-help.md uses none of" in output
    )
    assert f"translations/es.yml:{term_line}" in output and "Traceback" not in output


@pytest.mark.languages("en", "fr")
def test_unknown_key_term_names_the_file_and_line(small_project: Path) -> None:
    edit(
        small_project / "translations/fr.yml",
        lambda text: text.replace("  radiotherapy:\n", "  radiotherapie:\n", 1),
    )
    line = (small_project / "translations/fr.yml").read_text(encoding="utf-8").splitlines().index(
        "  radiotherapie:"
    ) + 1
    result = docs_command(small_project, "terms", "fr")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"translations/fr.yml:{line}: unknown key term 'radiotherapie'" in result.stderr


def test_exporting_and_importing_unchanged_changes_no_page(guide_copy: Path, tmp_path: Path) -> None:
    for language in TRANSLATIONS:
        catalogue = tmp_path / f"{language.locale}.po"
        assert docs_command(guide_copy, "export", language.locale, "-o", str(catalogue)).returncode == 0
        result = docs_command(guide_copy, "import", language.locale, str(catalogue))
        assert result.returncode == 0, result.stderr
        assert "No page changed." in result.stdout
    for original in sorted((ROOT / "docs").rglob("*.md")):
        copied = guide_copy / original.relative_to(ROOT)
        assert copied.read_bytes() == original.read_bytes(), f"{copied} changed on a round trip"


def translate_units(catalogue: Path, change: Callable[[str, str], str]) -> None:
    """What a translator does in a CAT tool: change the translation (msgstr) of some units."""
    from translate.storage import po

    store = po.pofile(catalogue.read_bytes())
    for unit in store.units:
        if not unit.isheader():
            unit.target = change(unit.getcontext(), str(unit.target or unit.source))
    catalogue.write_bytes(bytes(store))


@pytest.mark.languages("en", "es")
def test_translation_from_a_cat_tool_reaches_readers(small_project: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "es.po"
    assert docs_command(small_project, "export", "es", "-o", str(catalogue)).returncode == 0
    source = catalogue.read_text(encoding="utf-8")
    assert 'msgid "Radiotherapy"' in source and "signs:" not in source and "{#" not in source
    before = (small_project / "docs/es/index.md").read_text(encoding="utf-8")

    def translator(context: str, text: str) -> str:
        if context.startswith(
            "index.md#0@"
        ):  # the title, in the front matter: YAML quoting is the import's job
            return 'Inicio: "opciones"'
        if context.startswith("index.md#"):
            return text.replace("radioterapia", "terapia con rayos").replace(
                "Radioterapia", "Terapia con rayos"
            )
        return text

    translate_units(catalogue, translator)
    result = docs_command(small_project, "import", "es", str(catalogue))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "updated docs/es/index.md"

    after = (small_project / "docs/es/index.md").read_text(encoding="utf-8")

    def markers(text: str) -> list[str]:
        return [
            line
            for line in text.splitlines()
            if line.lstrip().startswith(("!!!", "signs:", "---", "sources:"))
        ]

    assert markers(after) == markers(before) and "radioterapia" not in after.casefold()

    built = build_site(small_project, small_project / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    # A word that is not a safety term is a note, not a failed build.
    assert "key term: docs/en/index.md:" in built.stderr and "'radiotherapy'" in built.stderr
    page = soup(small_project / "site/es/index.html")
    assert page.title.get_text().startswith('Inicio: "opciones"')
    heading = page.select_one("h2#radiotherapy")
    assert heading is not None and "Terapia con rayos" in heading.get_text()
    english_boxes = soup(small_project / "site/index.html").select(".admonition")
    assert [box["class"] for box in page.select(".admonition")] == [box["class"] for box in english_boxes]


def test_cat_tool_that_changes_a_link_target_is_stopped(small_project: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "fr.po"
    assert docs_command(small_project, "export", "fr", "-o", str(catalogue)).returncode == 0
    translate_units(
        catalogue, lambda context, text: text.replace("(when-to-get-help.md#emergency)", "(urgence.md)")
    )
    result = docs_command(small_project, "import", "fr", str(catalogue))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        result.stderr.startswith(f"{catalogue}:")
        and "keep the link targets exactly: when-to-get-help.md#emergency" in result.stderr
    )
    for original in sorted((SMALL_GUIDE_DOCS / "fr").glob("*.md")):
        assert (small_project / "docs/fr" / original.name).read_bytes() == original.read_bytes()


def test_import_into_a_page_changed_since_the_export_is_refused(small_project: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "vi.po"
    assert docs_command(small_project, "export", "vi", "-o", str(catalogue)).returncode == 0
    # Someone adds a paragraph at the top: every piece below it moves down by one.
    edit(small_project / "docs/vi/about.md", lambda text: text.replace("\n# ", "\nMột đoạn mới.\n\n# ", 1))
    changed = (small_project / "docs/vi/about.md").read_bytes()
    result = docs_command(small_project, "import", "vi", str(catalogue))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "about.md#" in result.stderr and "(the page changed since the export): export again" in result.stderr
    )
    assert (small_project / "docs/vi/about.md").read_bytes() == changed


def test_the_translation_error_form_offers_every_translated_language() -> None:
    """A reader reporting a wrong translation finds their language in the form (`guide new-language` adds it)."""
    import yaml

    from guide.cli.main import ERROR_FORM, error_form_option

    form = yaml.safe_load((project().root / ERROR_FORM).read_text(encoding="utf-8"))
    options = next(item for item in form["body"] if item.get("id") == "language")["attributes"]["options"]
    assert options == [
        *(
            error_form_option(language.name, language.locale)
            for language in languages()
            if not language.default
        ),
        "Other",
    ]
