"""Embed mode for hospital portals: a chrome-less copy of every page at /embed/<lang>/<page>/.

The copy has no header, navigation, search or footer, loads no Material JavaScript (it would touch
storage, which a sandboxed iframe forbids) and no service worker. Its folder tree mirrors the site, so
relative links between pages stay inside embed mode; external links open in a new tab.
A card per page at /embed/card/<lang>/<page>/ (the title, the first urgency box, the description and a
link) is what oEmbed answers point to: WordPress caps other sites' frames at 1000 px.
A "For hospitals" page per language explains how to embed, with every URL option and a live example.
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import jinja2
from lxml.etree import SubElement
from guide.catalogues.emergency_numbers import load_numbers
from guide.checks.csp import add_content_security_policy
from guide.core.escaping import Markup
from guide.core.html_fragments import has_class, inner_html, parse_fragment, with_class
from guide.core.outputs import (
    EMBED_ROOT,
    HOSPITALS_PAGE,
    INFOBUTTON_ROOT,
    changes_feed_path,
    infobutton_answer_path,
    fhir_bundle_path,
    fhir_document_path,
    absolute_url,
    alert_card_path,
    embed_card_path,
    embed_path,
    api_index_path,
    guide_handout_path,
    oembed_path,
    write_text_file,
)
from guide.catalogues.triage import TIERS
from guide.infobutton.codes import ICD10CM
from guide.infobutton.steps import REQUEST, rewrite_rule
from guide.fhir.documents import resource_id
from guide.fhir.steps import FHIR_ANCHOR
from guide.core.site_config import bare_page_url, language_prefix, page_url, text_direction
from guide.catalogues.language_registry import load_language
from guide.core.engine import File, Files, get_relative_url, MkDocsConfig, Page

HOST_SNIPPET = Path(__file__).with_name("embed_host_snippet.html")
# Every option a hospital can set in an embed address, with its validation (done in embed.js), and the
# sandbox the snippet grants: one list on the For hospitals page.
OPTION_STRINGS = (
    "for_hospitals_option_emergency",
    "for_hospitals_option_team",
    "for_hospitals_option_rules",
    "for_hospitals_encoding",
    "for_hospitals_option_notice",
    "for_hospitals_option_header",
    "for_hospitals_sandbox",
)


def _open_external_links_in_new_tab(content: str) -> str:
    fragment = parse_fragment(content)
    for link in fragment.iter("a"):
        if link.get("href", "").startswith(("http://", "https://")):
            link.set("target", "_blank")
            link.set("rel", "noopener noreferrer")
    return inner_html(fragment)


def add_hospitals_page(files: Files, config: MkDocsConfig, handouts: bool) -> None:
    """After mkdocs-static-i18n has sorted the files into languages."""
    locale = config.theme["language"]
    data = load_language(locale)
    strings = data.strings
    prefix = language_prefix(locale)
    # The example uses a real emergency number of a country where this language is spoken.
    example_number = quote(load_numbers().countries[data.countries[0]].numbers[0].dial)
    example_path = f"{EMBED_ROOT}/{prefix}when-to-get-help/"
    example_query = f"?emergency={example_number}&team=012%20345%206789"
    # The live example, relative to the page that shows it (the hospitals page itself).
    example_from_page = get_relative_url(example_path, page_url(prefix + HOSPITALS_PAGE)) + example_query
    site_url = absolute_url(config.site_url)
    other_uses = [api_index_path(), oembed_path(locale, "when-to-get-help/")]
    if handouts:
        other_uses += [
            guide_handout_path(locale),
            alert_card_path(locale),
            alert_card_path(locale, phone=True),
        ]

    def snippet(src: str) -> str:
        template = HOST_SNIPPET.read_text(encoding="utf-8")
        return template.replace("__EMBED_URL__", src).replace("__TITLE__", html.escape(config.site_name))

    content = "\n\n".join(
        [
            f"---\ntitle: {json.dumps(strings['for_hospitals'])}\n---",
            f"# {strings['for_hospitals']}",
            html.escape(strings["for_hospitals_intro"]),
            f"```html\n{snippet(site_url + example_path + example_query)}\n```",
            html.escape(strings["for_hospitals_parameters"]),
            "\n".join(f"- {html.escape(strings[key])}" for key in OPTION_STRINGS),
            f"## {strings['for_hospitals_example']} {{#example}}",
            # Closed until asked for: the framed page would double what a first view of this page costs.
            f'<details class="embed-example">\n<summary>{html.escape(strings["for_hospitals_example_show"])}</summary>\n'
            f"{snippet(html.escape(example_from_page))}\n</details>",
            html.escape(strings["for_hospitals_other"]),
            "\n".join(f"- <{site_url}{path}>" for path in other_uses),
            html.escape(strings["for_hospitals_oembed"]),
            *hospital_records_section(strings, site_url, locale),
            html.escape(strings["for_hospitals_licence"]),
        ]
    )
    files.append(File.generated(config, prefix + HOSPITALS_PAGE, content=content + "\n"))
    return files


def hospital_records_section(strings: dict[str, str], site_url: str, locale: str) -> list[str]:
    """The infobutton (an example address, the answers, a rewrite rule, offline use), the change feeds and the
    FHIR files (the Bundles, one DocumentReference, what their review codes mean)."""
    example = (
        f"{site_url}{INFOBUTTON_ROOT}/?{REQUEST['system']}={ICD10CM}&{REQUEST['code']}=G95.20"
        f"&{REQUEST['language']}={locale}"
    )
    answer = site_url + infobutton_answer_path(ICD10CM, "G95.20", locale, ".json")
    return [
        f"## {strings['for_hospitals_infobutton_heading']} {{#infobutton}}",
        html.escape(strings["for_hospitals_infobutton"]),
        f"- <{example}>\n- <{answer}>\n- <{answer.removesuffix('.json')}.atom>",
        html.escape(strings["for_hospitals_infobutton_answers"]),
        f"```nginx\n{rewrite_rule()}\n```",
        html.escape(strings["for_hospitals_infobutton_offline"]),
        html.escape(strings["for_hospitals_changes"]),
        f"- <{site_url}{changes_feed_path(None)}>\n- <{site_url}{changes_feed_path(locale)}>",
        f"## {strings['for_hospitals_fhir_heading']} {{#{FHIR_ANCHOR}}}",
        html.escape(strings["for_hospitals_fhir"]),
        f"- <{site_url}{fhir_bundle_path(None)}>\n- <{site_url}{fhir_bundle_path(locale)}>"
        f"\n- <{site_url}{fhir_document_path(resource_id(locale, 'when-to-get-help'))}>",
        html.escape(strings["for_hospitals_fhir_states"]),
    ]


def _material_stylesheet(config: MkDocsConfig) -> str:
    """Material's main stylesheet; its file name carries a content hash that changes between versions."""
    return _main_stylesheet(tuple(config.theme.dirs))


@functools.cache  # one search of the theme's folders, not one per page
def _main_stylesheet(theme_folders: tuple[str, ...]) -> str:
    for folder in theme_folders:
        for path in sorted(Path(folder).glob("assets/stylesheets/main.*.min.css")):
            return path.relative_to(folder).as_posix()
    raise FileNotFoundError("Material's main stylesheet was not found in the theme folders")


def _card_content(page: Page, read_more: str) -> str:
    """The page in brief, for oEmbed consumers such as WordPress that cap a frame at 1000 px: the title,
    the first urgency box, the page's description and a link to the whole page. Links lead to the full
    guide in a new tab; the sources the box cites stay in the card, hidden, for embed.js to open in place."""
    content = parse_fragment(page.content or "")
    boxes = [box for box in with_class(content, "admonition", "div") if any(has_class(box, k) for k in TIERS)]
    card = parse_fragment("")
    SubElement(card, "h1").text = page.meta["title"]
    if boxes:
        box = boxes[0]
        for link in box.iter("a"):
            if link.get("href") and not link.get("href").startswith("#"):
                link.set("href", urljoin(page.canonical_url or "", link.get("href")))
        cited = {
            link.get("href")[1:] for link in box.iter("a") if link.get("href", "").startswith("#source-")
        }
        box.tail = None
        for title in with_class(box, "admonition-title"):
            title.tag = "h2"  # the card stands right under the title here, whatever its level on the page
        card.append(box)
        listed = [
            item for sources in with_class(content, "sources", "ol") for item in sources.iterchildren("li")
        ]
        sources = [item for item in listed if item.get("id") in cited]
        if sources:
            hidden_list = SubElement(card, "ol", {"class": "sources", "hidden": ""})
            hidden_list.extend(sources)
    SubElement(card, "p", {"class": "embed-card__summary"}).text = page.meta["description"]
    more = SubElement(card, "p", {"class": "embed-card__more"})
    SubElement(more, "a", href=page.canonical_url or "").text = read_more
    return inner_html(card)


def write_embed_views(
    context: dict[str, Any],
    page: Page,
    config: MkDocsConfig,
    template_env: jinja2.Environment,
    handouts: bool,
) -> None:
    """The page's embed view and oEmbed card, after the other steps have added their context."""
    locale = config.theme["language"]
    ui = load_language(locale).strings
    template = template_env.get_template("embed.html")
    bare_url = bare_page_url(page.url, locale)
    views = {
        embed_path(locale, bare_url): (page.content or "", False),
        embed_card_path(locale, bare_url): (_card_content(page, ui["read_more"]), True),
    }
    for path, (content, card) in views.items():
        target = Path(config.site_dir) / path / "index.html"
        write_text_file(
            target,
            add_content_security_policy(
                template.render(
                    page=page,
                    config=config,
                    content=Markup(_open_external_links_in_new_tab(content)),  # checked by content_safety
                    card=card,
                    root=get_relative_url("./", path),
                    material_stylesheet=_material_stylesheet(config),
                    translation=context.get("translation"),
                    review=context.get("review"),
                    report_url=context.get("report_url"),
                    embed_view=True,
                    ui=ui,
                    punctuation=context["punctuation"],
                    known_countries=context.get("known_countries"),
                    direction=text_direction(locale),
                    # The printed handouts are made from this view: they point to the alert card by its address.
                    alert_card_url=absolute_url(config.site_url, alert_card_path(locale))
                    if handouts
                    else None,
                )
            ),
        )
