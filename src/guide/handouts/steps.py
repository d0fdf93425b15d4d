"""Each page links to its PDF handout and to the alert cards of its language, when the handouts are printed
(the guide plugin's `handouts` option; handouts/handouts.py prints them once every language is built)."""

from __future__ import annotations

from typing import Any

from guide.core.outputs import alert_card_path, from_page, handout_path
from guide.core.site_config import bare_page_url
from guide.core.engine import Page


def add_handout_links(context: dict[str, Any], page: Page, locale: str) -> None:
    context["handout"] = from_page(handout_path(locale, bare_page_url(page.url, locale)), page)
    context["alert_card"] = {
        "wallet": from_page(alert_card_path(locale), page),
        "phone": from_page(alert_card_path(locale, phone=True), page),
    }
