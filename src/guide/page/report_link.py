"""'Report a mistake on this page': a plain link, on every page and embed view, to the project's issue form
(.github/ISSUE_TEMPLATE/report-a-mistake.yml) with the page's address, language and version filled in.
GitHub fills a form's fields from the query by their ids. No script, no tracking parameter, and nothing is
loaded from GitHub until the reader follows the link."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from guide.approvals.reviews import text_hash
from guide.core.engine import MkDocsConfig, Page
from guide.core.input_files import ContentError, read_text_file

ISSUE_FORM = "report-a-mistake.yml"
_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


def report_url(repo_url: str, page_address: str, language: str, version: str) -> str:
    """The issue form's address with the fields filled in (pure)."""
    query = {"template": ISSUE_FORM, "page": page_address, "language": language, "version": version}
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(query)}"


def add_report_link(context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
    repo_url = (config.repo_url or "").rstrip("/")
    if not _REPOSITORY.fullmatch(repo_url):
        path = Path(config.config_file_path)
        raise ContentError(
            path,
            next(
                (
                    n
                    for n, line in enumerate(read_text_file(path).splitlines(), 1)
                    if line.startswith("repo_url:")
                ),
                1,
            ),
            "repo_url must be the project's GitHub address, https://github.com/OWNER/REPO: "
            "readers report mistakes through its issue form",
        )
    # The version of a written page is the fingerprint of its text, as data/reviews.yml records it.
    version = (
        "generated" if page.file.generated_by else text_hash(read_text_file(Path(page.file.abs_src_path)))
    )
    address = page.canonical_url or page.url
    context["report_url"] = report_url(repo_url, address, config.theme["language"], version)
