"""Each page links to its PDF handout and to the alert cards of its language, when the handouts are printed
(the guide plugin's `handouts` option; guidelib/handouts.py prints them once every language is built)."""

from __future__ import annotations

from typing import Any

from guidelib.outputs import alert_card_path, from_page, handout_path
from guidelib.plugin import guide
from guidelib.site_config import bare_page_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object
) -> dict[str, Any]:
    if guide(config).config.handouts and not page.file.generated_by:
        locale = config.theme["language"]
        context["handout"] = from_page(handout_path(locale, bare_page_url(page.url, locale)), page)
        context["alert_card"] = {
            "wallet": from_page(alert_card_path(locale), page),
            "phone": from_page(alert_card_path(locale, phone=True), page),
        }
    return context
