"""One command line for the guide's content chores.

guide status [LANG ...]       which translations are missing, out of date or reviewed
guide diff docs/es/symptoms.md  what changed in English since that translation
guide stamp docs/es/symptoms.md  record that a translation matches English as it is now
guide terms [LANG ...]        key terms the English page uses and the translation lacks
guide export LANG [-o FILE]   the pages of LANG as one PO file for a CAT tool
guide import LANG FILE        write a translated PO file back into docs/LANG/
guide new-language LANG       scaffold docs/LANG/ and translations/LANG.yml from English
guide readability [PAGE ...]  reading level of English pages
guide changes                 the entry to add to data/changes.yml after a change to the safety text
guide approve LANG KEY ... --by NAME --role ROLE   record a clinician's approval of safety wording
guide approve LANG --draft    record a language's unapproved safety wording as a draft (a new language)
guide review docs/es/x.md --by NAME --role ROLE    record a clinician's review of a page as it is now
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path


from guide.translation import po_exchange
from guide.checks import readability
from guide.core.pages import ContentError, read_text_file
from guide.core.project import project, use_project
from guide.core.site_config import LANGUAGE_CODE, cldr_locale, languages
from guide.translation.translated_pages import (
    SOURCE_LANGUAGE,
    UNTRANSLATED,
    content_hash,
    english_source,
    is_outdated,
    missing_pages,
    parity_problems,
    source_hash,
    translated_page,
    translation_meta,
)
from guide.approvals.reviews import page_review
from guide.catalogues.language_registry import key_term_problems


def cmd_changes(args: argparse.Namespace) -> int:
    """Print the entry to add at the top of data/changes.yml for the languages whose safety text changed."""
    from guide.changes.safety_log import load_log, logged_form, unlogged_languages
    from guide.changes.steps import current_fingerprints

    current = current_fingerprints()
    changed = unlogged_languages(load_log(), current)
    if not changed:
        print("data/changes.yml logs the safety text of every language as it is now: nothing to add")
        return 0
    print("Add at the top of 'changes:' in data/changes.yml, and say what changed:\n")
    print(f"  - date: {datetime.date.today().isoformat()}")
    print('    title: "..."')
    print('    summary: "..."')
    print("    pages: [when-to-get-help]  # the pages whose text changed; leave out for every page")
    print("    safety:")
    for locale in changed:
        print(f"      {locale}: {logged_form(current[locale])}")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    """Record in data/safety-approvals.yml that a clinician approved a language's safety wording (copying the
    translator's back-translation), or, with --draft, that it is published unapproved."""
    from guide.approvals.records import load_approvals
    from guide.approvals.steps import record, write_approvals

    if args.draft == bool(args.by or args.role) or (
        not args.draft and not (args.by and args.role and args.keys)
    ):
        print("give KEY ... with --by NAME --role ROLE, or --draft (and no names)", file=sys.stderr)
        return 1
    approvals = load_approvals()
    approver = None if args.draft else (args.by, args.role)
    recorded = record(approvals, args.language, args.keys, approver, args.date)
    write_approvals(approvals)
    state = "draft (not approved)" if args.draft else f"approved by {args.by} ({args.role})"
    print(f"data/safety-approvals.yml: {len(recorded)} text(s) of {args.language} recorded as {state}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Record in data/reviews.yml that a clinician reviewed a page as it is now."""
    from guide.approvals.reviews import record_review

    for page in args.pages:
        record_review(page.resolve(), args.by, args.role, args.date)
        print(f"data/reviews.yml: {page} reviewed by {args.by} ({args.role}) on {args.date.isoformat()}")
    return 0


def _project_root(start: Path) -> Path:
    """The guide checkout the command runs in: the nearest folder with mkdocs.yml, else the package's own."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "translations").is_dir():
            return folder
    return project().root


ROOT = _project_root(Path.cwd())
use_project(ROOT)  # this checkout, also when another one's guide package is installed
DOCS = project().docs
SAFETY_FLAG = re.compile(r"^[ \t]+safety:.*\n", re.MULTILINE)
TRANSLATION_BLOCK = re.compile(r"^translation:\n(?:[ \t]+.*\n)*", re.MULTILINE)


def cmd_status(args: argparse.Namespace) -> int:
    """Per language: missing pages, out-of-date pages, and how many are reviewed. Exit 1 on any problem."""
    problem = False
    for language in _translations(args.languages):
        missing = missing_pages(language)
        pages = sorted((DOCS / language).rglob("*.md"))
        outdated, untranslated, reviewed, broken = [], [], 0, []
        for path in pages:
            if not english_source(path).is_file():
                continue
            try:
                state = translation_meta(path)["state"]
                reviewed += page_review(path).reviewed  # the maintainers' record, not the front matter
                if state == UNTRANSLATED:
                    untranslated.append(path)
                if is_outdated(path):
                    outdated.append(path)
            except ContentError as error:
                broken.append(str(error))
            broken += parity_problems(path)
        print(
            f"{language}: {len(pages)} pages, {len(untranslated)} to translate, {reviewed} reviewed, "
            f"{len(outdated)} out of date, {len(missing)} missing or extra, {len(broken)} other problems"
        )
        to_translate = (f"to translate: {p.relative_to(ROOT)}" for p in untranslated)
        for line in [
            *missing,
            *to_translate,
            *(f"out of date: {p.relative_to(ROOT)}" for p in outdated),
            *broken,
        ]:
            print(f"  {line}")
        problem |= bool(missing or outdated or broken)
    return 1 if problem else 0


def _translations(requested: list[str]) -> list[str]:
    return requested or [lang.locale for lang in languages() if lang.locale != SOURCE_LANGUAGE]


def cmd_terms(args: argparse.Namespace) -> int:
    """Per page: key terms the English page uses whose agreed forms the translation lacks. Exit 1 on any."""
    found = False
    for language in _translations(args.languages):
        for path in sorted((DOCS / language).rglob("*.md")):
            if not english_source(path).is_file():
                continue
            problems = key_term_problems(path)
            if problems:
                print(path.relative_to(ROOT))
            for problem in problems:
                print(f"  {'safety term, the build stops' if problem.safety else 'note'}: {problem.message}")
            found |= bool(problems)
    if not found:
        print("Every translated page uses its language's key terms.")
    return 1 if found else 0


def _page_pairs(language: str) -> list[tuple[Path, Path]]:
    """(English page, translated page) for every English page that has a translation in that language."""
    if language == SOURCE_LANGUAGE or not (DOCS / language).is_dir():
        raise ContentError(
            DOCS / language,
            1,
            f"'{language}' is not a translation in docs/: use one of " + ", ".join(_translations([])),
        )
    english_pages = sorted((DOCS / SOURCE_LANGUAGE).glob("*.md"))
    return [
        (english, translated_page(english, language))
        for english in english_pages
        if translated_page(english, language).is_file()
    ]


def cmd_export(args: argparse.Namespace) -> int:
    """Write the pages of one language as a PO file (English source, current translation) for a CAT tool."""
    target: Path = args.output or Path(f"spine-guide-{args.language}.po")
    target.write_bytes(po_exchange.export_po(args.language, _page_pairs(args.language)))
    print(f"Wrote {target}. Translate it in your CAT tool, then: guide import {args.language} {target}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Write the translations of a PO file (made by export) back into the pages of one language."""
    translations = po_exchange.read_po(args.file, args.language)
    pairs = _page_pairs(args.language)
    known = set().union(*(po_exchange.page_contexts(page) for _, page in pairs))
    for name, unit in translations.items():
        if name not in known:
            raise ContentError(
                args.file,
                unit.line,
                f"'{name}' is not a piece of docs/{args.language}/ as it is "
                "now (the page changed since the export): export again and copy your translations over",
            )
    updated = {page: po_exchange.import_po(page, translations, args.file) for _, page in pairs}
    changed = [page for page, text in updated.items() if text != read_text_file(page)]
    for page in changed:  # every page is checked before any is written
        page.write_text(updated[page], encoding="utf-8")
        print(f"updated {page.relative_to(ROOT)}")
    problems = [problem for page in changed for problem in parity_problems(page)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not changed:
        print("No page changed.")
    return 1 if problems else 0


def _english_at_hash(english: Path, wanted: str) -> str | None:
    """The English text a translation was made from, found in git history by its hash."""
    relative = english.relative_to(ROOT).as_posix()
    log = subprocess.run(
        ["git", "log", "--format=%H", "--", relative], cwd=ROOT, capture_output=True, text=True, check=False
    )
    for commit in log.stdout.split():
        shown = subprocess.run(
            ["git", "show", f"{commit}:{relative}"], cwd=ROOT, capture_output=True, check=False
        )
        if content_hash(shown.stdout) == wanted:
            return shown.stdout.decode("utf-8")
    return None


def cmd_diff(args: argparse.Namespace) -> int:
    """Show what changed in the English page since the version this translation was made from."""
    translated: Path = args.page.resolve()
    english = english_source(translated)
    wanted = translation_meta(translated)["source_hash"]
    if wanted == source_hash(english):
        print(f"{translated.relative_to(ROOT)} is up to date with {english.relative_to(ROOT)}.")
        return 0
    old = _english_at_hash(english, wanted)
    if old is None:
        print(
            f"The English version with hash {wanted} is not in this clone's git history "
            f"(a shallow clone?). Compare by hand with {english.relative_to(ROOT)}.",
            file=sys.stderr,
        )
        return 1
    new = english.read_text(encoding="utf-8")
    name = english.relative_to(ROOT).as_posix()
    sys.stdout.writelines(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"{name} (your version, {wanted})",
            f"{name} (now, {source_hash(english)})",
        )
    )
    return 0


def stamp(path: Path, state: str | None = None, docs: Path = DOCS) -> None:
    """Write translation.source_hash (and keep or set the state) into a translated page's front matter;
    docs: the folder of the languages' pages."""
    text = path.read_text(encoding="utf-8")
    english = english_source(path.resolve(), docs)
    current = TRANSLATION_BLOCK.search(text)
    old_state = re.search(r"^\s+state:\s*(\S+)", current.group(0), re.MULTILINE) if current else None
    reviewer = re.search(r"^\s+reviewed_by:\s*(.*)$", current.group(0), re.MULTILINE) if current else None
    new_state = state or (old_state.group(1) if old_state else "machine-assisted-draft")
    new_reviewer = reviewer.group(1) if reviewer else '""'
    block = (
        f"translation:\n  source_hash: {source_hash(english)}\n"
        f"  state: {new_state}\n  reviewed_by: {new_reviewer}\n"
    )
    if current:
        text = text[: current.start()] + block + text[current.end() :]
    else:
        end = text.index("\n---\n", 3) + 1
        text = text[:end] + block + text[end:]
    path.write_text(text, encoding="utf-8")


def cmd_stamp(args: argparse.Namespace) -> int:
    """Record that translations match the English pages as they are now (after you updated them)."""
    for page in args.pages:
        stamp(page, args.state, args.docs.resolve())
        print(f"stamped {page}")
    return 0


def cmd_new_language(args: argparse.Namespace) -> int:
    """Add a language: its entry in mkdocs.yml, CODEOWNERS and the labeler, translations/LANG.yml with every
    section, and docs/LANG/ (and the tests' small guide) from English, every page and value marked as still
    to translate."""
    code = args.language
    if not LANGUAGE_CODE.fullmatch(code):
        print(
            f"'{code}' is not a language code: use two or three lowercase letters (ISO 639), like pt, "
            "with a script or a region if needed, like zh-Hant or pt-BR",
            file=sys.stderr,
        )
        return 1
    if code in {language.locale for language in languages()} or any(
        (docs / code).exists() for docs in (DOCS, project().small_guide_docs)
    ):
        print(f"'{code}' is already a language of the guide (mkdocs.yml or docs/{code}/)", file=sys.stderr)
        return 1
    for docs in (DOCS, project().small_guide_docs):  # the guide, and the small guide that tests build
        shutil.copytree(docs / SOURCE_LANGUAGE, docs / code)
        for page in sorted((docs / code).rglob("*.md")):
            stamp(page, UNTRANSLATED, docs)
    (ROOT / "translations" / f"{code}.yml").write_text(new_language_file(code), encoding="utf-8")
    name = _insert_language_entry(ROOT / "mkdocs.yml", code)
    _add_to_error_form(ROOT / ERROR_FORM, name, code)
    # Maintainers' data: to start with, every country of the catalogue where CLDR says the language is spoken.
    _append(ROOT / "data" / "language-countries.yml", f"{code}: [{', '.join(_countries_speaking(code))}]\n")
    team = f"@spine-guide/translators-{code}"
    _append(
        ROOT / ".github" / "CODEOWNERS",
        f"/docs/{code}/             {team}\n/translations/{code}.yml  {team}\n"
        f"/translations/back-translations/{code}.yml  {team}\n",
    )
    _append(
        ROOT / ".github" / "labeler.yml",
        f'"lang: {code}":\n  - changed-files:\n      - any-glob-to-any-file:\n'
        f"          - docs/{code}/**\n          - translations/{code}.yml\n",
    )
    _log_new_language(code)
    _record_draft_wording(code)
    print(
        f"Added '{code}' to mkdocs.yml, .github/CODEOWNERS, .github/labeler.yml, the translation-error form, data/changes.yml and data/safety-approvals.yml (as drafts), and wrote docs/{code}/,\n"
        f"tests/fixtures/small-guide/docs/{code}/ and translations/{code}.yml in English, marked as still to\n"
        "translate. Next:\n"
        f"  1. translate translations/{code}.yml (search for {UNTRANSLATED_MARK!r}); a maintainer checks the\n"
        f"     countries it must show first in data/language-countries.yml; write the English back-translation\n"
        f"     of its safety wording in translations/back-translations/{code}.yml; a maintainer then records the\n"
        f"     new wording as a draft: guide approve {code} --draft (a clinician's approval: guide approve {code} KEY --by --role)\n"
        f"  2. translate each page, then: guide stamp --state machine-assisted-draft docs/{code}/<page>.md\n"
        f"  3. ask a maintainer to create the {team} team; then make test"
    )
    return 0


def _record_draft_wording(code: str) -> None:
    """The new language's safety wording (still English) is recorded as a draft, approved by nobody."""
    from guide.approvals.records import load_approvals
    from guide.approvals.steps import record, write_approvals

    use_project(ROOT)
    approvals = load_approvals()
    record(approvals, code, [], None, datetime.date.today())
    write_approvals(approvals)


def _log_new_language(code: str) -> None:
    """The new language's safety text (still English) opens its history in data/changes.yml, so that the
    change feeds list every later change to it."""
    from guide.changes.safety_log import CHANGES_FILE, language_fingerprints, logged_form

    use_project(ROOT)  # forget what was read before the language's files existed
    path = ROOT / "data" / CHANGES_FILE
    text = path.read_text(encoding="utf-8")
    entry = (
        f"  - date: {datetime.date.today().isoformat()}\n"
        f'    title: "A new language, {code}: its pages and cards, still in English until translated"\n'
        f'    summary: "The guide has started a translation into {code}. Its warning signs and cards read as '
        f'the English ones until a translator and a clinician have checked them."\n'
        f"    safety:\n      {code}: {logged_form(language_fingerprints(code))}\n"
    )
    path.write_text(text.replace("changes:\n", "changes:\n" + entry, 1), encoding="utf-8")


UNTRANSLATED_MARK = "UNTRANSLATED"


def new_language_file(code: str) -> str:
    """translations/en.yml with the menu titles and the triage words added, all in English, to translate."""
    from guide.core.site_config import nav_titles
    from guide.catalogues.triage import load_catalogue

    english = (ROOT / "translations" / f"{SOURCE_LANGUAGE}.yml").read_text(encoding="utf-8")
    # Which key terms are safety terms is said once, in English; the new file gives its words for them.
    text = SAFETY_FLAG.sub("", english)
    menu = "".join(f"    {title}: {_quoted(title)}\n" for title in nav_titles())
    text = re.sub(
        r"^(  copyright: .*\n)",
        lambda m: m.group(1) + "  nav_translations:\n" + menu,
        text,
        count=1,
        flags=re.MULTILINE,
    )
    words = load_catalogue().english
    triage = ["triage:", "  tiers:"]
    for tier, texts in words.tiers.items():
        triage += [f"    {tier}:", *(f"      {key}: {_quoted(value)}" for key, value in texts.items())]
    triage += ["  signs:", *(f"    {sign}: {_quoted(value)}" for sign, value in words.signs.items())]
    triage += ["  card:", *(f"    {key}: {_quoted(value)}" for key, value in words.card.items())]
    triage += [
        "    clinician:",
        *(f"      {key}: {_quoted(value)}" for key, value in words.clinician.items()),
    ]
    # Easy Read: one sentence each, at most 15 words (guide/easy_read/sentences.py).
    triage += ["  easy_read:", "    tiers:"]
    for tier, easy in words.easy_read.items():
        triage += [
            f"      {tier}:",
            f"        heading: {_quoted(easy.heading)}",
            f"        lead: {_quoted(easy.lead)}",
            "        actions:",
            *(f"          - {_quoted(action)}" for action in easy.actions),
        ]
    triage += [
        "    signs:",
        *(f"      {sign}: {_quoted(value)}" for sign, value in words.easy_read_signs.items()),
    ]
    header = (
        f"# {UNTRANSLATED_MARK}: made by `guide new-language {code}` from English. Translate every\n"
        "# value (keep the keys), choose the countries, then delete this line and the next.\n"
        f"# {UNTRANSLATED_MARK}: the language code is {code}.\n"
    )
    text = re.sub(
        r"^countries: .*$",
        f"countries: [{', '.join(_countries_speaking(code))}]",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    return header + text.rstrip("\n") + "\n\n" + "\n".join(triage) + "\n"


def _countries_speaking(code: str) -> list[str]:
    """The catalogue's countries where CLDR says the language is spoken, most likely first: the language's
    own country (CLDR's likely subtags: pt is pt-Latn-BR), then where it is official, by the share of people
    who speak it, then the rest by that share. CLDR gives no head counts, so a maintainer checks the order."""
    from babel.core import get_global
    from babel.languages import get_territory_language_info

    from guide.catalogues.emergency_numbers import load_numbers
    from guide.catalogues.language_registry import cldr_language, spoken_in

    language = cldr_language(code)
    likely_subtags = get_global("likely_subtags")  # zh_Hant is zh_Hant_TW, zh alone zh_Hans_CN
    likely = (likely_subtags.get(cldr_locale(code)) or likely_subtags.get(language, "")).rsplit("_", 1)[-1]

    def rank(country: str) -> tuple[bool, bool, float, str]:
        info = next(
            (
                found
                for spoken, found in get_territory_language_info(country).items()
                if spoken.split("_")[0] == language.split("_")[0]
            ),
            {},
        )
        official = (info.get("official_status") or "").startswith("official")
        return (country != likely, not official, -(info.get("population_percent") or 0.0), country)

    return sorted((country for country in load_numbers().countries if spoken_in(code, country)), key=rank)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _insert_language_entry(config: Path, code: str) -> str:
    """After the last language of the i18n plugin in mkdocs.yml: locale, its own name (CLDR), build. Returns
    the name."""
    from babel import Locale

    # Its own name, without the country that likely subtags add ("Filipino (Pilipinas)"); with its script.
    cldr = Locale.parse(cldr_locale(code))
    name = (cldr.get_display_name(cldr) if cldr.script else cldr.get_language_name(cldr)) or code
    text = config.read_text(encoding="utf-8")
    entries = list(re.finditer(r"^        - locale: .*\n(?:          .*\n)*", text, re.MULTILINE))
    if not entries:
        raise SystemExit("mkdocs.yml: no language entries under plugins > i18n > languages")
    end = entries[-1].end()
    name = name[:1].upper() + name[1:]
    entry = f"        - locale: {code}\n          name: {_quoted(name)}\n          build: true\n"
    config.write_text(text[:end] + entry + text[end:], encoding="utf-8")
    return name


# The issue form for a translation error lists every translated language, as mkdocs.yml names it, then Other.
ERROR_FORM = Path(".github") / "ISSUE_TEMPLATE" / "translation-error.yml"
_OTHER_OPTION = '"Other"]'


def error_form_option(name: str, code: str) -> str:
    return f"{name} ({code})"


def _add_to_error_form(form: Path, name: str, code: str) -> None:
    text = form.read_text(encoding="utf-8")
    if _OTHER_OPTION not in text:
        raise SystemExit(
            f"{form}: its language options no longer end with {_OTHER_OPTION}; add '{code}' by hand"
        )
    option = f"{_quoted(error_form_option(name, code))}, {_OTHER_OPTION}"
    form.write_text(text.replace(_OTHER_OPTION, option, 1), encoding="utf-8")


def _append(path: Path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + lines, encoding="utf-8")


def cmd_readability(args: argparse.Namespace) -> int:
    """Print SMOG and Flesch-Kincaid grade for English pages; exit 1 if any is over the target."""
    english = DOCS / SOURCE_LANGUAGE
    paths = [Path(page) for page in args.pages] or sorted(english.glob("*.md"))
    for path in paths:
        if path.suffix != ".md" or not path.is_file() or path.resolve().parent != english.resolve():
            raise ContentError(
                path,
                1,
                f"not an English page: readability measures English pages only; give paths such as "
                f"{english.relative_to(DOCS.parent) / 'symptoms.md'}, or none for every English page",
            )
    failed = False
    for path in paths:
        result = readability.score(read_text_file(path))
        failed |= not result.ok
        print(
            f"{'ok' if result.ok else 'TOO HARD':8} SMOG {result.smog:5.1f} (max {readability.SMOG_LIMIT:g})  "
            f"grade {result.grade:5.1f} (max {readability.GRADE_LIMIT:g})  {path}"
        )
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)

    status = commands.add_parser("status", help=cmd_status.__doc__)
    status.add_argument("languages", nargs="*", help="language codes (default: all translations)")
    status.set_defaults(run=cmd_status)

    diff = commands.add_parser("diff", help=cmd_diff.__doc__)
    diff.add_argument("page", type=Path, help="a translated page, e.g. docs/es/symptoms.md")
    diff.set_defaults(run=cmd_diff)

    stamp_parser = commands.add_parser("stamp", help=cmd_stamp.__doc__)
    stamp_parser.add_argument("pages", nargs="+", type=Path, help="translated pages")
    stamp_parser.add_argument(
        "--state", choices=("machine-assisted-draft", "reviewed"), help="set the state too"
    )
    stamp_parser.add_argument(
        "--docs",
        type=Path,
        default=DOCS,
        help="the folder of the languages' pages (default: docs/; the tests' small guide: "
        "tests/fixtures/small-guide/docs)",
    )
    stamp_parser.set_defaults(run=cmd_stamp)

    terms = commands.add_parser("terms", help=cmd_terms.__doc__)
    terms.add_argument("languages", nargs="*", help="language codes (default: all translations)")
    terms.set_defaults(run=cmd_terms)

    export = commands.add_parser("export", help=cmd_export.__doc__)
    export.add_argument("language", help="language code, e.g. es")
    export.add_argument("-o", "--output", type=Path, help="PO file to write (default: spine-guide-LANG.po)")
    export.set_defaults(run=cmd_export)

    import_parser = commands.add_parser("import", help=cmd_import.__doc__)
    import_parser.add_argument("language", help="language code, e.g. es")
    import_parser.add_argument("file", type=Path, help="the PO file, translated")
    import_parser.set_defaults(run=cmd_import)

    new = commands.add_parser("new-language", help=cmd_new_language.__doc__)
    new.add_argument("language", help="ISO 639-1 code, e.g. pt")
    new.set_defaults(run=cmd_new_language)

    changes = commands.add_parser("changes", help=cmd_changes.__doc__)
    changes.set_defaults(run=cmd_changes)
    approve = commands.add_parser("approve", help=cmd_approve.__doc__)
    approve.add_argument("language", help="language code, e.g. es")
    approve.add_argument("keys", nargs="*", help="safety keys, e.g. triage.signs.weakness")
    approve.add_argument("--by", help="the approving clinician's name")
    approve.add_argument("--role", help="their role, e.g. 'oncology nurse, native speaker'")
    approve.add_argument("--draft", action="store_true", help="record unrecorded wording as not approved")
    approve.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today())
    approve.set_defaults(run=cmd_approve)

    review = commands.add_parser("review", help=cmd_review.__doc__)
    review.add_argument("pages", nargs="+", type=Path, help="pages, e.g. docs/es/symptoms.md")
    review.add_argument("--by", required=True, help="the reviewing clinician's name")
    review.add_argument("--role", required=True, help="their role")
    review.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today())
    review.set_defaults(run=cmd_review)

    read = commands.add_parser("readability", help=cmd_readability.__doc__)
    read.add_argument("pages", nargs="*", type=Path, help="Markdown files (default: docs/en/*.md)")
    read.set_defaults(run=cmd_readability)

    args = parser.parse_args()
    try:
        return args.run(args)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
