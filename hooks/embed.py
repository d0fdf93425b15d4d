"""Embed mode for hospital portals: a chrome-less copy of every page at /embed/<lang>/<page>/.

The copy has no header, navigation, search or footer, loads no Material JavaScript (it would touch
storage, which a sandboxed iframe forbids) and no service worker. Its folder tree mirrors the site, so
relative links between pages stay inside embed mode; external links open in a new tab.
A "For hospitals" page per language explains how to embed, with a live example.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bs4 import BeautifulSoup
from guidelib.emergency_numbers import load_numbers
from guidelib.bundle import building_bundle, handouts_wanted
from guidelib.csp import add_content_security_policy
from guidelib.escaping import Markup, escape_by_default
from guidelib.outputs import EMBED_ROOT, alert_card_path, absolute_url, api_index_path, guide_handout_path, oembed_path
from guidelib.site_config import language_prefix, text_direction
from guidelib.translations import load_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HOSPITALS_PAGE = "for-hospitals.md"
HOST_SNIPPET = Path(__file__).with_name("embed_host_snippet.html")


def _open_external_links_in_new_tab(content: str) -> str:
    soup = BeautifulSoup(content, "html.parser")
    for link in soup.find_all("a", href=True):
        if link["href"].startswith(("http://", "https://")):
            link["target"] = "_blank"
            link["rel"] = "noopener noreferrer"
    return str(soup)


@event_priority(-100)  # after mkdocs-static-i18n has sorted the files into languages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if building_bundle():
        return files
    locale = config.theme["language"]
    data = load_language(locale)
    strings = data.strings
    prefix = language_prefix(locale)
    # The example uses a real emergency number of a country where this language is spoken.
    example_number = quote(load_numbers().countries[data.countries[0]].numbers[0].dial)
    example_path = f"{EMBED_ROOT}/{prefix}when-to-get-help/?emergency={example_number}&team=012%20345%206789"
    to_site_root = "../" * (prefix + "for-hospitals/").count("/")
    site_url = absolute_url(config.site_url)
    other_uses = [api_index_path(), oembed_path(locale, "when-to-get-help/")]
    if handouts_wanted():
        other_uses += [guide_handout_path(locale), alert_card_path(locale), alert_card_path(locale, phone=True)]

    def snippet(src: str) -> str:
        template = HOST_SNIPPET.read_text(encoding="utf-8")
        return template.replace("__EMBED_URL__", src).replace("__TITLE__", html.escape(config.site_name))

    content = "\n\n".join(
        [
            f"---\ntitle: {json.dumps(strings['for_hospitals'])}\n---",
            f"# {strings['for_hospitals']}",
            html.escape(strings["for_hospitals_intro"]),
            f"```html\n{snippet(site_url + example_path)}\n```",
            html.escape(strings["for_hospitals_parameters"]),
            f"## {strings['for_hospitals_example']} {{#example}}",
            f'<div class="embed-example">\n{snippet(html.escape(to_site_root + example_path))}\n</div>',
            html.escape(strings["for_hospitals_other"]),
            "\n".join(f"- <{site_url}{path}>" for path in other_uses),
            html.escape(strings["for_hospitals_licence"]),
        ]
    )
    files.append(File.generated(config, prefix + HOSPITALS_PAGE, content=content + "\n"))
    return files


def _material_stylesheet(config: MkDocsConfig) -> str:
    """Material's main stylesheet; its file name carries a content hash that changes between versions."""
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).glob("assets/stylesheets/main.*.min.css")):
            return path.relative_to(folder).as_posix()
    raise FileNotFoundError("Material's main stylesheet was not found in the theme folders")


@event_priority(-100)  # after the other hooks have added their context (translation state)
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **kwargs: object) -> dict[str, Any]:
    if building_bundle() or page.file.generated_by:
        return context
    target = Path(config.site_dir) / EMBED_ROOT / page.url / "index.html"
    template = escape_by_default(config.theme.get_env()).get_template("embed.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        add_content_security_policy(template.render(
            page=page,
            config=config,
            content=Markup(_open_external_links_in_new_tab(page.content or "")),  # checked by content_safety
            root="../" * (page.url.count("/") + 1),  # one more level: the embed/ folder
            material_stylesheet=_material_stylesheet(config),
            translation=context.get("translation"),
            ui=load_language(config.theme["language"]).strings,
            punctuation=context["punctuation"],
            direction=text_direction(config.theme["language"]),
        )),
        encoding="utf-8",
    )
    return context
