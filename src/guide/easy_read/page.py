"""The Easy Read "When to get help", /<lang>/easy-read/ (English at /easy-read/), generated in every language
like the alert card's page, and printed as handouts/<lang>/easy-read.pdf (guide/handouts/handouts.py).

UK Easy Read conventions: one short sentence per line (guide/easy_read/sentences.py checks every one), a
picture beside each (on the left, on the right in right-to-left languages: the line's own direction puts
it there), large text, no citations in the body, and a note on who made it, when, and whether a clinician
checked it. Every word comes from the triage catalogue's Easy Read section (data/triage.yml, English) or
the language's `triage: easy_read:`; every picture is the catalogue's; the emergency number is the calling
card's own block (guide/cards/urgency_boxes.py), so the reader's country shows exactly as on the cards.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import PurePosixPath

from guide.cards.urgency_boxes import CALLING_TIERS, CARD_END, CARD_LAST_LINE, EVERY_SIGN_PAGE, emergency_call
from guide.catalogues.language_registry import LanguageData, load_language, punctuation
from guide.catalogues.pictograms import health_icons, inline_svg
from guide.catalogues.triage import TIERS, load_catalogue
from guide.core.engine import Files, MkDocsConfig, Page, get_relative_url
from guide.core.generated import generated_page, placeholder
from guide.core.outputs import HANDOUT_ROOT, from_page
from guide.core.pages import read_meta
from guide.core.project import project
from guide.core.site_config import language_prefix, page_url
from guide.translation.translated_pages import SOURCE_LANGUAGE

EASY_READ_PAGE = "easy-read.md"
# The picture beside the page's own first line (what the page is).
INTRO_ICON = "i-note-action"
# Indexes of the calling blocks' country pickers: apart from the cards' (0, 1, ...), should a page ever hold both.
PICKER_INDEX = 90


def easy_read_url(locale: str) -> str:
    """The page, relative to the site root: "easy-read/", "vi/easy-read/"."""
    return page_url(language_prefix(locale) + EASY_READ_PAGE)


def easy_read_pdf_path(locale: str) -> str:
    return f"{HANDOUT_ROOT}/{locale}/easy-read.pdf"


def _line(icon: str, text: str, kind: str) -> str:
    """One sentence with its picture beside it."""
    return (
        f'<li class="easy-read__line easy-read__line--{kind}">{inline_svg(icon, health_icons())}'
        f'<span class="easy-read__text">{html.escape(text)}</span></li>'
    )


def tier_section(language: LanguageData, locale: str, tier: str, index: int) -> str:
    """One level of care: its heading, what to do (with the number to call, in calling tiers), then the
    sentence that leads its signs and the signs, each beside its picture."""
    catalogue = load_catalogue()
    words = language.triage.easy_read[tier]
    icons = catalogue.easy_read_icons[tier]
    actions = "".join(
        _line(icon, text, "action") for icon, text in zip(icons.actions, words.actions, strict=True)
    )
    signs = "".join(
        _line(sign.icon, language.triage.easy_read_signs[sign.id], "sign")
        for sign in catalogue.signs.values()
        if sign.tier == tier
    )
    number = emergency_call(language, locale, PICKER_INDEX + index) if tier in CALLING_TIERS else ""
    return (
        f'<section class="easy-read__tier easy-read__tier--{tier}" aria-labelledby="easy-{tier}">'
        f'<h2 id="easy-{tier}">{html.escape(words.heading)}</h2>'
        f'<ul class="easy-read__lines">{actions}</ul>{number}'
        f'<ul class="easy-read__lines">{_line(icons.lead, words.lead, "lead")}{signs}</ul></section>'
    )


def made_date(locale: str) -> dt.date:
    """The page's date: the date the language's when-to-get-help page was last checked."""
    return read_meta(project().docs / locale / EVERY_SIGN_PAGE)["last_reviewed"]


def made_note(language: LanguageData, locale: str) -> str:
    """Who made the page and when (the date the when-to-get-help page of the language was last checked),
    and, honestly, that no clinician has checked it yet."""
    strings = language.strings
    # The Easy Read words are new: no clinician has checked them, nor any translation of them, whatever
    # the review state of the page they restate. Say otherwise only once someone has.
    state = [strings["review_not_reviewed_short"]]
    if locale != SOURCE_LANGUAGE:
        state.append(strings["translation_draft_short"])
    made = strings["easy_read_made"].replace("{date}", made_date(locale).isoformat())
    gap = punctuation(locale)["sentence_gap"]
    return f'<p class="easy-read__made">{html.escape(gap.join([made, *state]))}</p>'


def pdf_link(locale: str) -> str:
    """The page's printable handout (printed only for a published site: guide/handouts/handouts.py)."""
    target = get_relative_url(easy_read_pdf_path(locale), easy_read_url(locale))
    text = load_language(locale).strings["pdf_download"]
    return f'<p class="handout-link"><a href="{html.escape(target)}" download>{html.escape(text)}</a></p>'


def easy_read_page(locale: str, pdf: bool) -> tuple[str, dict[str, str]]:
    """The page's Markdown, its title and a block, and that block: one line on what the page is, a section
    per level of care, the note and, when the handouts are printed, the link to its PDF."""
    language = load_language(locale)
    strings = language.strings
    title = strings["easy_read_title"]
    sections = "".join(tier_section(language, locale, tier, index) for index, tier in enumerate(TIERS))
    body = (
        f'<div class="easy-read"><ul class="easy-read__lines">'
        f"{_line(INTRO_ICON, strings['easy_read_intro'], 'intro')}</ul>{sections}{made_note(language, locale)}</div>"
        + (pdf_link(locale) if pdf else "")
    )
    markdown = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n"
        f"# {html.escape(title)}\n\n{placeholder('easy-read')}"
    )
    return markdown, {"easy-read": body}


def add_easy_read_page(files: Files, config: MkDocsConfig, pdf: bool) -> None:
    """After mkdocs-static-i18n has sorted the files into languages, like the alert card's page."""
    locale = config.theme["language"]
    markdown, blocks = easy_read_page(locale, pdf)
    files.append(generated_page(config, language_prefix(locale) + EASY_READ_PAGE, markdown, blocks))


def with_easy_read_link(output: str, page: Page, locale: str) -> str:
    """When-to-get-help leads to its Easy Read version right after its first card. Added to the finished
    page, not its content, which the embed views and handouts copy, where no Easy Read page stands beside
    it; after the card, not above the title: there a line of its own pushed the card's title off the first
    screen at 200% zoom."""
    if page.file.generated_by or PurePosixPath(page.file.src_uri).name != EVERY_SIGN_PAGE:
        return output
    text = html.escape(load_language(locale).strings["easy_read_link"])
    link = f'<p class="easy-read-link"><a href="{from_page(easy_read_url(locale), page)}">{text}</a></p>'
    return after_first_card(output, link)


def after_first_card(output: str, insert: str) -> str:
    """The page with `insert` right after its first urgency card, which ends with its "why we say this"
    line (cards/urgency_boxes.py); unchanged when it has no card."""
    why = output.find(CARD_LAST_LINE)
    end = output.find(CARD_END, why) if why >= 0 else -1
    if end < 0:
        return output
    end += len(CARD_END)
    return output[:end] + insert + output[end:]
