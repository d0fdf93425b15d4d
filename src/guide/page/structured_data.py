"""schema.org MedicalWebPage JSON-LD on every page, so search engines know what the page is about,
who it is for, its language and when its text was last checked."""

from __future__ import annotations

import json
from typing import Any

from guide.core.escaping import Markup
from guide.core.outputs import LICENCE
from guide.core.engine import MkDocsConfig, Page

CONDITION = {
    "@type": "MedicalCondition",
    "name": "Spinal metastasis",
    "alternateName": ["Spinal metastases", "Metastatic spinal cord compression"],
}


def medical_web_page(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.meta["title"],
        "description": page.meta["description"],
        "url": page.canonical_url,
        "inLanguage": config.theme["language"],
        "lastReviewed": page.meta["last_reviewed"].isoformat(),
        "audience": {"@type": "Patient"},
        "about": CONDITION,
        "license": LICENCE["url"],
        "isPartOf": {"@type": "WebSite", "name": config.site_name, "url": config.site_url},
    }


def add_structured_data(context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
    """Pages a person wrote only: status, offline and hospital pages are not medical content."""
    data = json.dumps(medical_web_page(page, config), ensure_ascii=False)
    # JSON, printed as it is; "</" escaped so no text can close the <script> it sits in.
    context["structured_data"] = Markup(data.replace("</", "<\\/"))
