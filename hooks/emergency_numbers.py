"""Add the emergency numbers for the page's language to every `emergency` box.

Numbers depend on the country, not the language, so pages never write them: they live once per
language in translations/<lang>.yml and are added here, as tap-to-call links.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup
from guidelib.translations import LanguageData, load_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def numbers_html(data: LanguageData) -> str:
    strings = data.strings
    items = []
    for entry in data.emergency_numbers:
        note = f" ({html.escape(entry.note)})" if entry.note else ""
        dial = entry.number.replace(" ", "").replace("-", "")
        items.append(
            f'<li><span class="emergency-numbers__country">{html.escape(entry.country)}</span> '
            f'<a class="emergency-numbers__number" href="tel:{dial}">{html.escape(entry.number)}</a>{note}</li>'
        )
    return (
        '<div class="emergency-numbers">'
        f'<p class="emergency-numbers__label"><strong>{html.escape(strings["emergency_numbers_label"])}</strong></p>'
        f'<ul>{"".join(items)}</ul>'
        f"<p>{html.escape(strings['emergency_numbers_elsewhere'])} "
        f'<span class="emergency-numbers__checked">{html.escape(strings["emergency_numbers_checked"])} '
        f'<time dir="ltr" datetime="{data.numbers_checked.isoformat()}">{data.numbers_checked.isoformat()}</time>.</span></p>'
        "</div>"
    )


def on_page_content(content: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if 'class="admonition emergency' not in content:
        return content
    soup = BeautifulSoup(content, "html.parser")
    block = numbers_html(load_language(config.theme["language"]))
    for box in soup.select("div.admonition.emergency"):
        box.append(BeautifulSoup(block, "html.parser"))
    return str(soup)
