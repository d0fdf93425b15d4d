"""The sources page lists every emergency number of the catalogue (data/emergency-numbers.yml) with its
sources, how well it is verified and when it was checked, and names the countries we have no source for.

Doubt about a number belongs here, never inside an emergency box.
"""

from __future__ import annotations

import html
from pathlib import PurePosixPath

from guide.catalogues.emergency_numbers import country_name, load_numbers
from guide.core.generated import cite, fill, placeholder
from guide.catalogues.sources import citation_html
from guide.catalogues.language_registry import load_language, punctuation
from guide.core.engine import Page

NUMBERS_PAGE = "about.md"
NUMBERS_ID = "emergency-numbers"


def numbers_table(locale: str) -> str:
    """Every country of the catalogue: its numbers, how well they are verified, a note and the sources."""
    strings = load_language(locale).strings
    catalogue = load_numbers()
    rows = []
    countries = sorted(
        catalogue.countries.values(), key=lambda country: country_name(country.code, locale).casefold()
    )
    for country in countries:
        numbers = ", ".join(
            html.escape(number.number) + (f" ({html.escape(number.service)})" if number.service else "")
            for number in country.numbers
        )
        verification = country.verification.replace("-", " ").capitalize() + "."
        note = html.escape(f"{verification} {country.note}".strip())
        rows.append(
            f'<tr><td>{html.escape(country_name(country.code, locale))}</td><td dir="ltr">{numbers}</td>'
            f'<td lang="en" dir="ltr">{note} {citation_html(country.sources)}</td></tr>'
        )
    missing = ", ".join(html.escape(country_name(code, locale)) for code in catalogue.no_source)
    marks = punctuation(locale)
    checked = catalogue.checked.isoformat()
    return (
        f"<p>{html.escape(strings['numbers_intro'])}{marks['sentence_gap']}{html.escape(strings['emergency_numbers_checked'])} "
        f'<time dir="ltr" datetime="{checked}">{checked}</time>{marks["full_stop"]}</p>'
        f'<div class="numbers-table"><table><thead><tr><th>{html.escape(strings["numbers_country"])}</th>'
        f"<th>{html.escape(strings['numbers_number'])}</th><th>{html.escape(strings['numbers_note'])}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        f"<p>{html.escape(strings['numbers_missing'])}{marks['colon']}{missing}{marks['full_stop']}</p>"
    )


def _is_numbers_page(page: Page) -> bool:
    return not page.file.generated_by and PurePosixPath(page.file.src_uri).name == NUMBERS_PAGE


def mark_numbers_table(markdown: str, page: Page, locale: str) -> str:
    """The sources page's table of emergency numbers, as a placeholder (before the citations are listed)."""
    if not _is_numbers_page(page):
        return markdown
    strings = load_language(locale).strings
    catalogue = load_numbers()
    cite(page, {n for country in catalogue.countries.values() for n in country.sources})
    return (
        markdown
        + f"\n\n## {html.escape(strings['numbers_heading'])} {{#{NUMBERS_ID}}}\n\n"
        + placeholder("numbers-table")
    )


def write_numbers_table(content: str, page: Page, locale: str) -> str:
    if not _is_numbers_page(page):
        return content
    return fill(content, "numbers-table", numbers_table(locale))
