"""A translator cannot change what a warning means, or claim who checked a page, without the maintainers'
records; and readers see who checked what they read and can report a mistake (issue 30).

- Safety wording (src/guide/approvals/safety_wording.py) changes only with a record in
  data/safety-approvals.yml: a changed sign, action, card title or card string is refused, naming the file,
  the line, the key and the command that records an approval; `guide approve` records one, with the
  back-translation, and the status page shows it.
- Reviews come from data/reviews.yml: a review claimed in front matter without a record is refused; a
  recorded review shows on the page, its embed view and in the API, with the next check due; a changed text
  makes it stale.
- Every page and embed view links to the issue form with its address, language and version filled in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import build_site, failed_build
from helpers import html_files, replace_once, soup

pytestmark = pytest.mark.languages("en", "fr")

FR = "translations/fr.yml"
BACK = "translations/back-translations/fr.yml"
PAGE = "docs/fr/when-to-get-help.md"
GUIDE = ["/usr/bin/env", "guide"]


def _line(project: Path, file: str, text: str) -> int:
    lines = (project / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _guide(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The guide command, run in the copied project as a maintainer would run it in theirs."""
    command = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "guide"
    return subprocess.run([str(command), *args], cwd=project, capture_output=True, text=True, check=False)


def _built(project: Path) -> Path:
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


# --- safety wording is approved, not just translated ----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            '    weakness: "',
            '    weakness: "pas urgent, parlez-en au prochain rendez-vous : ',
            "triage.signs.weakness",
        ),
        (
            "Appelez vite votre équipe de cancérologie (ligne 24 h/24), sinon le numéro d'urgence.",
            "Appelez votre équipe de cancérologie quand cela vous arrange, sinon le numéro d'urgence.",
            "triage.tiers.emergency.action",
        ),
        (
            '    vomiting-blood: "des vomissements de sang"',
            '    vomiting-blood: "des selles noires"',
            "triage.signs.vomiting-blood",
        ),
        ('  why_we_say_this: "', '  why_we_say_this: "Rien de grave. ', "strings.why_we_say_this"),
        ('    say: "', '    say: "Tout va bien. ', "triage.card.say"),
        ('      mri: "', "      mri: \"Pas besoin d'IRM. ", "triage.card.clinician.mri"),
        (
            '  review_not_reviewed_short: "Pas encore vérifiée par un professionnel de santé."',
            '  review_not_reviewed_short: "Vérifiée par un professionnel de santé."',
            "strings.review_not_reviewed_short",
        ),
    ],
    ids=[
        "sign means not urgent",
        "action softened",
        "sign replaced",
        "card string",
        "alert card",
        "clinician side",
        "not reviewed says reviewed",
    ],
)
def test_changed_safety_wording_without_an_approval_is_refused(
    small_project: Path, old: str, new: str, key: str
) -> None:
    replace_once(small_project / FR, old, new)
    line = _line(small_project, FR, new.strip())
    output = failed_build(small_project)
    assert (
        f"{FR}:{line}: safety wording '{key}' changed since its record in data/safety-approvals.yml" in output
    )
    assert f".venv/bin/guide approve fr {key} --by NAME --role ROLE" in output


def test_two_signs_swapped_between_tiers_are_refused(small_project: Path) -> None:
    text = (small_project / FR).read_text(encoding="utf-8")
    weakness = re.search(r'    weakness: "(.*)"', text).group(1)
    jaw = re.search(r'    jaw: "(.*)"', text).group(1)
    text = text.replace(weakness, "@@", 1).replace(jaw, weakness, 1).replace("@@", jaw, 1)
    (small_project / FR).write_text(text, encoding="utf-8")
    output = failed_build(small_project)
    line = _line(small_project, FR, "    weakness:")
    assert f"{FR}:{line}: safety wording 'triage.signs.weakness' changed since its record" in output


def test_a_softened_card_loses_its_safety_term(small_project: Path) -> None:
    """The emergency card's title and action softened: its words no longer say 'urgence'."""
    replace_once(small_project / FR, "Urgence : demandez vite de l'aide", "Quand vous aurez le temps")
    replace_once(
        small_project / FR,
        "Appelez vite votre équipe de cancérologie (ligne 24 h/24), sinon le numéro d'urgence.",
        "Appelez votre équipe de cancérologie quand cela vous arrange.",
    )
    text = (small_project / FR).read_text(encoding="utf-8").splitlines()
    line = next(n for n, content in enumerate(text, 1) if content == "    emergency:")
    output = failed_build(small_project)
    assert (
        f"{FR}:{line}: the card 'triage.tiers.emergency' no longer uses the safety term 'emergency'" in output
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '    use: "urgence"',
            '    use: "urgence"\n    accept: ["u"]',
            "'u' is too short for key term 'emergency'",
        ),
        ('    use: "urgence"', '    use: "ur"', "'ur' is too short for key term 'emergency'"),
    ],
    ids=["one-letter accepted form", "two-letter term"],
)
def test_too_short_key_term_forms_are_refused(small_project: Path, old: str, new: str, message: str) -> None:
    replace_once(small_project / FR, old, new)
    line = _line(small_project, FR, new.splitlines()[-1].strip())
    assert f"{FR}:{line}: {message}" in failed_build(small_project)


def test_a_forged_approval_is_refused(small_project: Path) -> None:
    """Marking a draft approved without naming who approved it, or their role."""
    path = small_project / "data/safety-approvals.yml"
    text = path.read_text(encoding="utf-8")
    fr_start = text.index("\n  fr:\n")
    start = text.index("triage.signs.walking:", fr_start)
    end = text.index("\n", start)
    forged = text[start:end].replace("state: draft", "state: approved")
    path.write_text(text[:start] + forged + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    output = failed_build(small_project)
    assert (
        f"data/safety-approvals.yml:{line}: fr triage.signs.walking: an approval names who approved it"
        in output
    )


def _set(path: Path, key: str, value: str) -> None:
    """Give a sign (`    key: "..."`) a new value in a translations or back-translations file."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(rf'(?m)^    {key}: ".*"$', f'    {key}: "{value}"', text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def _log_change(project: Path) -> None:
    """Log the changed safety text in data/changes.yml, as `guide changes` prints the entry."""
    printed = _guide(project, "changes").stdout
    entry = printed[printed.index("  - date:") :].replace('"..."', '"A sign reworded"')
    entry = re.sub(r"(?m)^    pages: .*\n", "", entry)
    replace_once(project / "data/changes.yml", "changes:\n", "changes:\n" + entry)


def test_approve_records_the_back_translation_and_the_status_page_shows_it(small_project: Path) -> None:
    new_sign = "faiblesse ou lourdeur des bras ou des jambes, nouvelle ou pire"
    back = "weakness or heaviness of the arms or the legs, new or worse"
    _set(small_project / FR, "weakness", new_sign)
    assert "changed since its record" in failed_build(small_project)
    _set(small_project / BACK, "weakness", back)
    done = _guide(
        small_project,
        "approve",
        "fr",
        "triage.signs.weakness",
        "--by",
        "Dr Anne Roux",
        "--role",
        "oncology nurse",
    )
    assert done.returncode == 0, done.stderr
    _log_change(small_project)
    records = (small_project / "data/safety-approvals.yml").read_text(encoding="utf-8").splitlines()
    record = next(line for line in records if "triage.signs.weakness" in line and "Anne" in line)
    assert 'state: approved, approved_by: "Dr Anne Roux", role: "oncology nurse"' in record
    assert f'back_translation: "{back}"' in record
    site = _built(small_project)
    status = soup(site / "fr/translation-status/index.html").get_text(" ")
    today = dt.date.today().isoformat()
    assert f"{new_sign}: “{back}”; approved by Dr Anne Roux (oncology nurse) on {today}" in status
    assert "not yet approved by a clinician" in status  # the other signs are still drafts


def test_a_new_draft_is_recorded_with_one_command_and_claims_no_approval(small_project: Path) -> None:
    _set(small_project / FR, "walking", "nouvelle instabilité ou difficulté à marcher ou à tenir debout")
    _set(small_project / BACK, "walking", "new unsteadiness or difficulty walking or standing")
    result = _guide(small_project, "approve", "fr", "--draft")
    assert result.returncode == 0, result.stderr
    assert "1 text(s) of fr recorded as draft" in result.stdout
    records = (small_project / "data/safety-approvals.yml").read_text(encoding="utf-8").splitlines()
    record = next(line for line in records if "triage.signs.walking" in line and "difficulty walking" in line)
    assert "state: draft, approved_by: null, role: null" in record
    _log_change(small_project)
    _built(small_project)


def test_an_approval_needs_a_back_translation(small_project: Path) -> None:
    path = small_project / BACK
    text = re.sub(r'\n    walking: ".*"', "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    result = _guide(small_project, "approve", "fr", "triage.signs.walking", "--by", "Dr A", "--role", "nurse")
    assert result.returncode == 1
    assert f"{BACK}:1: no back-translation of 'triage.signs.walking'" in result.stderr


def test_a_back_translation_of_an_unknown_key_is_refused(small_project: Path) -> None:
    replace_once(small_project / BACK, "  signs:\n", '  signs:\n    weaknes: "typo"\n')
    result = _guide(small_project, "approve", "fr", "--draft")
    assert result.returncode == 1
    assert f"{BACK}:{_line(small_project, BACK, 'weaknes:')}: 'triage.signs.weaknes' is not a key of" in (
        result.stderr
    )


def test_a_back_translation_holds_the_easy_read_actions_by_their_place(small_project: Path) -> None:
    """The Easy Read actions are a list in the translation, so their back-translation is one too."""
    action = "Call your cancer team now, day or night."
    replace_once(small_project / BACK, '"Call your cancer team now, by day as by night."', f'"{action}"')
    path = small_project / "data/safety-approvals.yml"
    key = "triage.easy_read.tiers.emergency.actions.0"
    path.write_text(
        "\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if f"    {key}:" not in line),
        encoding="utf-8",
    )
    result = _guide(small_project, "approve", "fr", "--draft")
    assert result.returncode == 0, result.stderr
    record = next(line for line in path.read_text(encoding="utf-8").splitlines() if f"    {key}:" in line)
    assert f'back_translation: "{action}"' in record


# --- review claims come from records ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("review_state: not-clinically-reviewed", "review_state: clinically-reviewed"),
        ("  state: machine-assisted-draft", "  state: reviewed"),
        ('  reviewed_by: ""', '  reviewed_by: "Dr Martin, oncologue"'),
    ],
    ids=["review_state", "translation state", "reviewer"],
)
def test_a_review_claimed_in_front_matter_without_a_record_is_refused(
    small_project: Path, old: str, new: str
) -> None:
    replace_once(small_project / PAGE, old, new)
    line = _line(small_project, PAGE, new)
    output = failed_build(small_project)
    assert f"{PAGE}:{line}: claims a clinical review that data/reviews.yml does not record" in output
    assert f".venv/bin/guide review {PAGE} --by NAME --role ROLE" in output


def test_a_recorded_review_shows_on_the_page_its_embed_and_the_api_and_goes_stale(
    small_project: Path,
) -> None:
    date = "2026-01-15"
    for page in (PAGE, "docs/fr/about.md"):
        result = _guide(
            small_project, "review", page, "--by", "Dr Claire Martin", "--role", "oncologue", "--date", date
        )
        assert result.returncode == 0, result.stderr
    site = _built(small_project)
    for path in ("fr/when-to-get-help/index.html", "embed/fr/when-to-get-help/index.html"):
        notice = soup(site / path).select_one("details.page-notice")
        assert notice is not None, path
        assert "Vérifié par Dr Claire Martin (oncologue) le 2026-01-15." in notice.summary.get_text(" ")
        # A page with urgency cards is checked again a year later.
        assert (
            notice.select_one(".review-state__due").get_text()
            == "Prochaine vérification prévue avant le 2027-01-15."
        )
    about = soup(site / "fr/about/index.html").select_one(".review-state__due").get_text()
    assert about == "Prochaine vérification prévue avant le 2029-01-15."  # three years for other pages
    api = json.loads((site / "api/v1/fr/when-to-get-help.json").read_text(encoding="utf-8"))
    assert api["review_state"] == "clinically-reviewed"
    assert api["review"] == {
        "reviewed": True,
        "stale": False,
        "reviewer": "Dr Claire Martin",
        "role": "oncologue",
        "date": date,
        "next_due": "2027-01-15",
    }
    assert api["translation"]["state"] == "reviewed"
    english = json.loads((site / "api/v1/en/when-to-get-help.json").read_text(encoding="utf-8"))
    assert english["review"]["reviewed"] is False  # a review is of one language's text

    # The text changes after the review: the page says so, and nobody is named as having checked it.
    replace_once(small_project / PAGE, "\n## ", "\nUne phrase de plus.\n\n## ")
    site = _built(small_project)
    notice = soup(site / "fr/when-to-get-help/index.html").select_one("details.page-notice")
    assert "review-state--draft" in notice["class"]
    assert "Vérifié par" not in notice.summary.get_text(" ")
    assert (
        notice.select_one(".review-state__stale")
        .get_text()
        .startswith("Dr Claire Martin (oncologue) a vérifié une version précédente le 2026-01-15.")
    )
    api = json.loads((site / "api/v1/fr/when-to-get-help.json").read_text(encoding="utf-8"))
    assert (api["review_state"], api["review"]["stale"], api["review"]["next_due"]) == (
        "not-clinically-reviewed",
        True,
        None,
    )
    assert api["translation"]["state"] == "machine-assisted-draft"


def test_a_review_record_dated_in_the_future_is_refused(small_project: Path) -> None:
    path = small_project / "data/reviews.yml"
    replace_once(
        path,
        "reviews: []",
        'reviews:\n  - {page: "index", language: fr, reviewer: "Dr X", role: "nurse", date: 2999-01-01, hash: "0123456789ab"}',
    )
    line = _line(small_project, "data/reviews.yml", "- {page")
    assert f"data/reviews.yml:{line}: a review's date is today or before" in failed_build(small_project)


# --- report a mistake ---------------------------------------------------------------------------------------


def test_a_repository_that_is_not_github_is_refused(small_project: Path) -> None:
    replace_once(
        small_project / "mkdocs.yml", "repo_url: https://github.com/", "repo_url: https://evil.example/"
    )
    line = _line(small_project, "mkdocs.yml", "repo_url:")
    assert f"mkdocs.yml:{line}: repo_url must be the project's GitHub address" in failed_build(small_project)


def _report_links(page: Path) -> list:
    return soup(page).select("p.report-mistake a")


def test_every_page_and_embed_links_to_the_issue_form_with_its_page_language_and_version(site: Path) -> None:
    pages = [
        path
        for path in html_files(site)
        # Not pages to read: the 404 pages, the infobutton's answer page, the alert card's print source.
        if path.name != "404.html" and path.relative_to(site).parts[0] not in {"infobutton", "handouts"}
    ]
    assert len(pages) > 200
    for path in pages:
        document = soup(path)
        links = document.select("p.report-mistake a")
        assert len(links) == 1, path
        address = urlsplit(links[0]["href"])
        assert (address.scheme, address.netloc, address.path) == (
            "https",
            "github.com",
            "/spine-guide/spine-guide/issues/new",
        ), path
        query = parse_qs(address.query)
        # Only the form's fields: no tracking parameter.
        assert set(query) == {"template", "page", "language", "version"}, path
        assert query["template"] == ["report-a-mistake.yml"]
        assert query["language"] == [document.html["lang"]], path
        canonical = document.select_one('link[rel="canonical"]')
        if canonical is not None:
            assert query["page"] == [canonical["href"]], path
        assert re.fullmatch(r"[0-9a-f]{12}|generated", query["version"][0]), path
        is_embed = path.relative_to(site).parts[0] == "embed"
        assert (links[0].get("target") == "_blank") == is_embed, path
        assert links[0].get_text().strip(), path
    form = Path(__file__).resolve().parent.parent / ".github/ISSUE_TEMPLATE/report-a-mistake.yml"
    ids = re.findall(r"^    id: (\S+)", form.read_text(encoding="utf-8"), re.MULTILINE)
    assert {"page", "language", "version"} <= set(ids)


def test_the_link_is_in_the_page_language(site: Path) -> None:
    texts = {
        "": "Report a mistake on this page",
        "es/": "Informar de un error en esta página",
        "fr/": "Signaler une erreur sur cette page",
        "zh/": "报告本页的错误",
        "ar/": "أبلغ عن خطأ في هذه الصفحة",
        "vi/": "Báo lỗi trên trang này",
    }
    for prefix, text in texts.items():
        assert [link.get_text() for link in _report_links(site / prefix / "symptoms/index.html")] == [text]


def test_every_page_says_who_checked_it_or_that_nobody_has(site: Path) -> None:
    """Today nobody has: no page claims a review, and the API agrees."""
    for path in (site / "es").glob("*/index.html"):
        notice = soup(path).select_one("details.page-notice")
        if notice is None:  # pages the build writes (status, offline, alert card) are not reviewed texts
            continue
        assert "review-state--draft" in notice["class"], path
    api = json.loads((site / "api/v1/es/symptoms.json").read_text(encoding="utf-8"))
    assert api["review"] == {
        "reviewed": False,
        "stale": False,
        "reviewer": None,
        "role": None,
        "date": None,
        "next_due": None,
    }
    assert (
        soup(site / "es/symptoms/index.html")
        .select_one("details.page-notice summary")
        .get_text(" ")
        .startswith("Todavía no lo ha revisado un profesional clínico.")
    )
