"""Translations stay complete, safe and honest.

- A language missing an English page (or with a page English lacks) fails the build, naming both paths.
- A translated page must keep the English page's urgency boxes, headings and links (safety parity).
- A translated page uses the language's agreed key terms wherever the English page uses them
  (translations/<lang>.yml `key_terms:`): a missing safety term fails the build, any other is a note.
- Each translated page tells the reader whether it is a draft, and whether English changed since.
- A translation status page gives, per language, the share of pages up to date and reviewed, and every
  page by its title in that language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from guide.core.outputs import STATUS_PAGE, from_page
from guide.core.pages import read_meta
from guide.core.project import cached, project
from guide.core.site_config import Language, bare_page_url, languages, nav_pages
from guide.translation.translated_pages import (
    SOURCE_LANGUAGE,
    is_outdated,
    missing_pages,
    parity_problems,
    translated_page,
    translation_meta,
)
from guide.catalogues.language_registry import key_term_problems
from guide.approvals.reviews import page_review
from guide.approvals.steps import signs_back_translated
from guide.core.engine import File, Files, MkDocsConfig, Page, PluginError

log = logging.getLogger("mkdocs.plugins.guide.translation")


def _language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _share(count: int, total: int) -> str:
    return f"{count} of {total} pages ({round(100 * count / total)}%)"


def _language_status(language: Language) -> list[str]:
    """One language: how many pages are up to date and reviewed, then each page by its own title."""
    lines = []
    up_to_date = reviewed = 0
    pages = nav_pages()
    for page in pages:
        english = project().docs / SOURCE_LANGUAGE / page
        english_title = read_meta(english)["title"]
        path = translated_page(english, language.locale)
        if not path.is_file():
            lines.append(f"- **{english_title}**: not translated yet")
            continue
        translation_meta(path)
        fresh = not is_outdated(path)
        up_to_date += fresh
        review = page_review(path)
        reviewed += review.reviewed
        state = (
            f"reviewed by {review.reviewer} ({review.role}) on {review.date}"
            if review.reviewed
            else "draft, not yet checked by a clinician"
        )
        lines.append(
            f"- **{read_meta(path)['title']}** ({english_title}): "
            f"{'up to date' if fresh else 'English changed since'}; {state}"
        )
    summary = (
        f"Up to date with English: {_share(up_to_date, len(pages))}. "
        f"Reviewed by a clinician: {_share(reviewed, len(pages))}."
    )
    signs = [
        "",
        f"Each warning sign in {language.name}, its translator's back-translation into English, and whether a "
        "clinician approved it (data/safety-approvals.yml):",
        "",
        *signs_back_translated(language.locale),
    ]
    return [f"## {language.name} {{#{language.locale}}}", "", summary, "", *lines, *signs, ""]


@cached  # the same page in every language's build
def status_markdown() -> str:
    """For readers and new translators: per language, the share of pages up to date with English and
    reviewed by a clinician, then every page by its title in that language. Lists, not a wide table, so
    it reads on a phone."""
    others = [language for language in languages() if language.locale != SOURCE_LANGUAGE]
    sections = [line for language in others for line in _language_status(language)]
    return (
        "---\ntitle: Translation status\n---\n# Translation status\n\n"
        "Every page of this guide is written in English first, then translated. Here you can see, for each "
        "language, which pages match the latest English text and which a clinician who speaks the language "
        "has checked. When the English page changed after a translation was made, the translated page says "
        "so and links to the English version. A draft is a translation made with the help of a computer "
        "that a clinician has not yet checked. Want to help? See CONTRIBUTING.md in the guide's "
        "source.\n\n" + "\n".join(sections)
    )


def check_pages_and_add_status(files: Files, config: MkDocsConfig) -> None:
    """After mkdocs-static-i18n has sorted the files into languages."""
    language = _language(config)
    if language != SOURCE_LANGUAGE:
        problems = missing_pages(language)
        if problems:
            raise PluginError("Missing translation:\n  " + "\n  ".join(problems))
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    files.append(File.generated(config, prefix + STATUS_PAGE, content=status_markdown()))


def check_translation(page: Page, locale: str) -> None:
    if locale == SOURCE_LANGUAGE:
        return
    path = Path(page.file.abs_src_path)
    translation_meta(path)
    problems = parity_problems(path)
    if problems:
        raise PluginError(
            "Translation does not match its English page (urgency boxes, headings and links must stay the "
            "same, in the same order):\n  " + "\n  ".join(problems)
        )
    _check_key_terms(path)


def _check_key_terms(path: Path) -> None:
    """A missing safety term stops the build; other key terms are a note (a warning would fail --strict)."""
    problems = key_term_problems(path)
    safety = [problem.message for problem in problems if problem.safety]
    if safety:
        raise PluginError("A safety term is missing from a translation:\n  " + "\n  ".join(safety))
    for problem in problems:
        log.info("key term: %s", problem.message)


def add_translation_state(context: dict[str, Any], page: Page, locale: str) -> None:
    if locale == SOURCE_LANGUAGE:
        return
    path = Path(page.file.abs_src_path)
    bare_url = bare_page_url(page.url, locale)
    written_state = translation_meta(path)["state"]
    # Reviewed only as the maintainers' records say (guide/approvals/reviews.py), whatever the page says.
    reviewed = context["review"]["reviewed"]
    state = (
        "reviewed"
        if reviewed
        else ("machine-assisted-draft" if written_state == "reviewed" else written_state)
    )
    context["translation"] = {
        "state": state,
        "outdated": is_outdated(path),
        "english_url": from_page(bare_url, page),  # the English page lives at the site root
    }
