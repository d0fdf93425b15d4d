"""One command line for the guide's content chores.

    python scripts/docs.py status [LANG ...]       which translations are missing, out of date or reviewed
    python scripts/docs.py diff docs/es/symptoms.md  what changed in English since that translation
    python scripts/docs.py stamp docs/es/symptoms.md  record that a translation matches English as it is now
    python scripts/docs.py terms [LANG ...]        key terms the English page uses and the translation lacks
    python scripts/docs.py export LANG [-o FILE]   the pages of LANG as one PO file for a CAT tool
    python scripts/docs.py import LANG FILE        write a translated PO file back into docs/LANG/
    python scripts/docs.py new-language LANG       scaffold docs/LANG/ and translations/LANG.yml from English
    python scripts/docs.py readability [PAGE ...]  reading level of English pages
"""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guidelib import po_exchange, readability  # noqa: E402
from guidelib.pages import ContentError, read_text_file  # noqa: E402
from guidelib.site_config import DOCS, languages  # noqa: E402
from guidelib.translation import (  # noqa: E402
    SOURCE_LANGUAGE,
    content_hash,
    english_source,
    is_outdated,
    missing_pages,
    parity_problems,
    source_hash,
    translated_page,
    translation_meta,
)
from guidelib.translations import key_term_problems  # noqa: E402

SAFETY_FLAG = re.compile(r"^[ \t]+safety:.*\n", re.MULTILINE)
TRANSLATION_BLOCK = re.compile(r"^translation:\n(?:[ \t]+.*\n)*", re.MULTILINE)


def cmd_status(args: argparse.Namespace) -> int:
    """Per language: missing pages, out-of-date pages, and how many are reviewed. Exit 1 on any problem."""
    problem = False
    for language in _translations(args.languages):
        missing = missing_pages(language)
        pages = sorted((DOCS / language).rglob("*.md"))
        outdated, reviewed, broken = [], 0, []
        for path in pages:
            if not english_source(path).is_file():
                continue
            try:
                reviewed += translation_meta(path)["state"] == "reviewed"
                if is_outdated(path):
                    outdated.append(path)
            except ContentError as error:
                broken.append(str(error))
            broken += parity_problems(path)
        print(f"{language}: {len(pages)} pages, {reviewed} reviewed, {len(outdated)} out of date, "
              f"{len(missing)} missing or extra, {len(broken)} other problems")
        for line in [*missing, *(f"out of date: {p.relative_to(ROOT)}" for p in outdated), *broken]:
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
        raise ContentError(DOCS / language, 1, f"'{language}' is not a translation in docs/: use one of "
                           + ", ".join(_translations([])))
    english_pages = sorted((DOCS / SOURCE_LANGUAGE).glob("*.md"))
    return [(english, translated_page(english, language)) for english in english_pages
            if translated_page(english, language).is_file()]


def cmd_export(args: argparse.Namespace) -> int:
    """Write the pages of one language as a PO file (English source, current translation) for a CAT tool."""
    target: Path = args.output or Path(f"spine-guide-{args.language}.po")
    target.write_bytes(po_exchange.export_po(args.language, _page_pairs(args.language)))
    print(f"Wrote {target}. Translate it in your CAT tool, then: python scripts/docs.py import "
          f"{args.language} {target}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Write the translations of a PO file (made by export) back into the pages of one language."""
    translations = po_exchange.read_po(args.file, args.language)
    pairs = _page_pairs(args.language)
    known = set().union(*(po_exchange.page_contexts(page) for _, page in pairs))
    for name, unit in translations.items():
        if name not in known:
            raise ContentError(args.file, unit.line, f"'{name}' is not a piece of docs/{args.language}/ as it is "
                               "now (the page changed since the export): export again and copy your translations over")
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
    log = subprocess.run(["git", "log", "--format=%H", "--", relative], cwd=ROOT, capture_output=True, text=True, check=False)
    for commit in log.stdout.split():
        shown = subprocess.run(["git", "show", f"{commit}:{relative}"], cwd=ROOT, capture_output=True, check=False)
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
        print(f"The English version with hash {wanted} is not in this clone's git history "
              f"(a shallow clone?). Compare by hand with {english.relative_to(ROOT)}.", file=sys.stderr)
        return 1
    new = english.read_text(encoding="utf-8")
    name = english.relative_to(ROOT).as_posix()
    sys.stdout.writelines(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        f"{name} (your version, {wanted})", f"{name} (now, {source_hash(english)})"))
    return 0


def stamp(path: Path, state: str | None = None) -> None:
    """Write translation.source_hash (and keep or set the state) into a translated page's front matter."""
    text = path.read_text(encoding="utf-8")
    english = english_source(path.resolve())
    current = TRANSLATION_BLOCK.search(text)
    old_state = re.search(r"^\s+state:\s*(\S+)", current.group(0), re.MULTILINE) if current else None
    reviewer = re.search(r"^\s+reviewed_by:\s*(.*)$", current.group(0), re.MULTILINE) if current else None
    new_state = state or (old_state.group(1) if old_state else "machine-assisted-draft")
    new_reviewer = reviewer.group(1) if reviewer else '""'
    block = (f"translation:\n  source_hash: {source_hash(english)}\n"
             f"  state: {new_state}\n  reviewed_by: {new_reviewer}\n")
    if current:
        text = text[: current.start()] + block + text[current.end():]
    else:
        end = text.index("\n---\n", 3) + 1
        text = text[:end] + block + text[end:]
    path.write_text(text, encoding="utf-8")


def cmd_stamp(args: argparse.Namespace) -> int:
    """Record that translations match the English pages as they are now (after you updated them)."""
    for page in args.pages:
        stamp(page, args.state)
        print(f"stamped {page}")
    return 0


def cmd_new_language(args: argparse.Namespace) -> int:
    """Copy the English pages and translations/en.yml as a starting point for a new language."""
    code = args.language
    target = DOCS / code
    if target.exists():
        print(f"{target.relative_to(ROOT)} already exists", file=sys.stderr)
        return 1
    shutil.copytree(DOCS / SOURCE_LANGUAGE, target)
    for page in sorted(target.rglob("*.md")):
        stamp(page, "machine-assisted-draft")
    english = (ROOT / "translations" / f"{SOURCE_LANGUAGE}.yml").read_text(encoding="utf-8")
    # Which key terms are safety terms is said once, in English; the new file gives its words for them.
    (ROOT / "translations" / f"{code}.yml").write_text(SAFETY_FLAG.sub("", english), encoding="utf-8")
    print(f"Created docs/{code}/ and translations/{code}.yml from English. Next:\n"
          f"  1. add '{code}' under plugins > i18n > languages in mkdocs.yml (name, site_name, nav_translations)\n"
          f"  2. translate translations/{code}.yml, with emergency numbers for the countries that speak it\n"
          f"     and key_terms (the one term to use for each English term, and a few accepted forms)\n"
          f"  3. translate each page, then: python scripts/docs.py stamp docs/{code}/<page>.md\n"
          f"  4. make test")
    return 0


def cmd_readability(args: argparse.Namespace) -> int:
    """Print SMOG and Flesch-Kincaid grade for English pages; exit 1 if any is over the target."""
    paths = args.pages or sorted((DOCS / SOURCE_LANGUAGE).glob("*.md"))
    failed = False
    for path in paths:
        result = readability.score(Path(path).read_text(encoding="utf-8"))
        failed |= not result.ok
        print(f"{'ok' if result.ok else 'TOO HARD':8} SMOG {result.smog:5.1f} (max {readability.SMOG_LIMIT:g})  "
              f"grade {result.grade:5.1f} (max {readability.GRADE_LIMIT:g})  {path}")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    status = commands.add_parser("status", help=cmd_status.__doc__)
    status.add_argument("languages", nargs="*", help="language codes (default: all translations)")
    status.set_defaults(run=cmd_status)

    diff = commands.add_parser("diff", help=cmd_diff.__doc__)
    diff.add_argument("page", type=Path, help="a translated page, e.g. docs/es/symptoms.md")
    diff.set_defaults(run=cmd_diff)

    stamp_parser = commands.add_parser("stamp", help=cmd_stamp.__doc__)
    stamp_parser.add_argument("pages", nargs="+", type=Path, help="translated pages")
    stamp_parser.add_argument("--state", choices=("machine-assisted-draft", "reviewed"), help="set the state too")
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
