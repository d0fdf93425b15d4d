"""The guide plugin (`- guide:` in mkdocs.yml): every step of the build, in the order it runs.

Each event method below calls one function per step, in order; what a step does is in the module it
names (a folder per feature: cards/, checks/, translation/, embed/, api/, fhir/, search/, offline/,
handouts/, page/). A page's journey, in every language:

  on_page_read_source  checks/content_safety   read and check the file before MkDocs parses it
                       checks/text_controls    no character that reverses or hides text
                       checks/reader_facts     a translation's title and description add no number
  on_pre_page          checks/content_safety   what the page's own Markdown renders to is checked
  on_page_markdown     cards, numbers table    urgency cards, the numbers table and the diagrams become
                       diagrams                placeholders
                       checks/internal_links   links between pages resolve
                       approvals/reviews       a review the page claims is one the maintainers recorded
                       page/citations          [n] markers and the page's sources become placeholders
                       translation             a translation keeps its English page's cards, headings, terms
  on_page_content      core/generated          a page the build writes gets its HTML blocks back
                       cards, numbers table    the placeholders become the cards and the diagrams, in the
                       diagrams                page's language and direction
                       page/citations          the citation links (named for screen readers), the sources
                       search                  what search leaves out is marked
                       checks/content_safety   the final HTML passes the allow-list and the card checks
                       checks/reader_facts     no number, phone, mail address or host beyond English's
  on_page_context      page, translation, ...  what the templates print (who checked the page, from the
                                               records; the link to report a mistake; hreflang links);
                                               the API files, FHIR records, embed views
  on_post_page         page, search, checks    Material's markup, search base, the Easy Read link, CSP

Once per build, before any language: check mkdocs.yml's reader-visible text, read and check every
language's file (a mistake in any of them is one clear line, whichever language is being built), check that
the change log and the approvals of safety wording hold every language's safety text as it is, and give
mkdocs-static-i18n each language's site name, description, licence line and menu titles. Per language:
note it as started and finished (core/build_phases.py). Once every language is built: the whole-site
steps, in the order written in _build_whole_site.

Priorities are named, and set only where the order against another plugin matters (core/build_phases.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from guide.api import content_api
from guide.approvals import steps as approvals
from guide.api import steps as api
from guide.cards import numbers_table
from guide.cards import steps as cards
from guide.catalogues.language_registry import SITE_TEXTS, load_language
from guide.checks import content_safety, internal_links, reader_facts, text_controls
from guide.checks.csp import add_content_security_policy
from guide.config import GuideConfig
from guide.core.build_phases import (
    AFTER_I18N,
    BEFORE_I18N,
    FIRST,
    LANGUAGE_FINISHED,
    LAST,
    BuildPhases,
    i18n_changed,
    languages_to_build,
)
from guide.core import generated
from guide.core import language_tags
from guide.core.escaping import Markup, escape_by_default
from guide.core.input_files import ContentError
from guide.core.outputs import published_address_problem
from guide.core.project import use_project
from guide.core.site_config import language_prefix, languages
from guide.diagrams import steps as diagrams
from guide.easy_read import page as easy_read
from guide.embed import steps as embed
from guide.handouts import card_page, handouts
from guide.handouts import steps as handout_links
from guide.infobutton import steps as infobutton
from guide.infobutton.codes import load_codes
from guide.changes import steps as changes
from guide.fhir import steps as fhir
from guide.offline import not_found, offline_zips, service_workers
from guide.offline import steps as offline
from guide.approvals import reviews
from guide.page import citations, hreflang, report_link, review_notice, structured_data, ui_strings
from guide.page.material_markup import without_toggle_autocomplete
from guide.search import search_index
from guide.search import steps as search
from guide.translation import steps as translation

log = get_plugin_logger(__name__)
Params = ParamSpec("Params")
Result = TypeVar("Result")


def one_line_refusals(event: Callable[Params, Result]) -> Callable[Params, Result]:
    """Bad input in a translator's file stops the build with its one line ("file:line: what to do"), never a
    traceback: every step raises ContentError, and MkDocs reports a PluginError as that line."""

    @functools.wraps(event)
    def run(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return run


class GuidePlugin(BasePlugin[GuideConfig]):
    def __init__(self) -> None:
        self.phases = BuildPhases()
        # Each language's "page not found" page, kept until every language is built.
        self.not_found_pages: dict[str, str] = {}
        # The language's template environment, escaping every value, for the pages the plugin renders itself.
        self.template_env: jinja2.Environment | None = None
        # The cards each page's Markdown names, found once and written into its HTML (by source path).
        self.page_cards: dict[str, cards.PageCards] = {}
        # The diagrams each page's Markdown places, in order (by source path).
        self.page_diagrams: dict[str, list[str]] = {}
        # Each page's entry in the content API's index, by language, for the whole-site step.
        self.api_index: content_api.IndexEntries = {}
        # Each page's FHIR record, by language, for the DocumentReferences and Bundles of the whole site.
        self.fhir_records: fhir.FhirRecords = {}
        # `mkdocs serve` rebuilds on every save: it skips the zips and the handouts, which only a
        # published site needs (a writer previews pages, not downloads).
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def prints_handouts(self) -> bool:
        return self.config.handouts and not self.serving

    @property
    def writes_zips(self) -> bool:
        return self.config.offline_zips and not self.serving

    # --- the build and each language ----------------------------------------------------------------

    @event_priority(BEFORE_I18N)
    @one_line_refusals
    def _set_up_build(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.phases.in_nested_build:
            return config
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError(
                "the guide plugin needs mkdocs-static-i18n: add '- i18n:' to plugins in mkdocs.yml"
            )
        use_project(Path(config.config_file_path).parent)
        if self.config.publish and (problem := published_address_problem(config.site_url)):
            raise PluginError(problem)
        content_safety.check_site_config(config)
        self.not_found_pages.clear()
        self.api_index.clear()
        self.fhir_records.clear()
        for language in languages():
            load_language(language.locale)
        # The clinical codes and the change log: a mistake stops the build before any language is built.
        load_codes()
        # Safety wording changes only with a recorded approval (or a recorded draft), by a maintainer; then
        # the change log holds it.
        approvals.check_approvals()
        changes.check_safety_log()
        for entry in i18n.config.languages:
            if not entry.build:  # a language switched off is neither built nor read
                continue
            site = load_language(entry.locale).site
            for key in SITE_TEXTS:
                entry[key] = getattr(site, key)
            entry["nav_translations"] = site.nav_translations or None
        self.phases.start_build(languages_to_build(i18n))
        return config

    @event_priority(AFTER_I18N)
    @one_line_refusals
    def _start_language(self, config: MkDocsConfig) -> MkDocsConfig:
        locale = config.theme["language"]
        current = getattr(config.plugins["i18n"], "current_language", None)
        if locale != current:
            raise i18n_changed(f"the theme language is {locale!r} while it builds {current!r}")
        self.phases.language_started(locale)
        return config

    on_config = CombinedEvent(_set_up_build, _start_language)

    @event_priority(FIRST)
    @one_line_refusals
    def _check_files(self, files: Files, config: MkDocsConfig) -> Files:
        content_safety.check_docs_files(config)
        return files

    @event_priority(AFTER_I18N)  # the files as mkdocs-static-i18n sorted them for the language built
    @one_line_refusals
    def _add_generated_pages(self, files: Files, config: MkDocsConfig) -> Files:
        translation.check_pages_and_add_status(files, config)
        embed.add_hospitals_page(files, config, self.prints_handouts)
        offline.add_offline_page_and_manifest(files, config)
        card_page.add_alert_card_page(files, config, self.prints_handouts)
        easy_read.add_easy_read_page(files, config, self.prints_handouts)
        return files

    on_files = CombinedEvent(_check_files, _add_generated_pages)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Every template escapes every value; compiled once per language, not per page.
        self.template_env = escape_by_default(env)
        # The rules that say which language a browser's or a voice's language tag means, for the scripts.
        self.template_env.globals["language_tags"] = Markup(language_tags.rules_json())
        return self.template_env

    # --- a page's journey ---------------------------------------------------------------------------

    @one_line_refusals
    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        source = content_safety.read_page_source(page)
        text_controls.check_page(page, source)
        reader_facts.check_title_and_description(page, source)
        return source

    @one_line_refusals
    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        content_safety.check_rendered_markdown(page)
        return page

    @one_line_refusals
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        locale = config.theme["language"]
        # Cards and the numbers table first: the source list below includes what they cite.
        # Also on the offline page, which the build writes.
        markdown, self.page_cards[page.file.src_uri] = cards.mark_cards(markdown, page, locale)
        if page.file.generated_by:
            return markdown
        markdown = numbers_table.mark_numbers_table(markdown, page, locale)
        markdown, self.page_diagrams[page.file.src_uri] = diagrams.mark_diagrams(markdown, page)
        internal_links.check_internal_links(page)
        reviews.check_review_claim(Path(page.file.abs_src_path))
        markdown = citations.mark_citations_and_sources(markdown, page, locale)
        translation.check_translation(page, locale)
        return markdown

    @one_line_refusals
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        locale = config.theme["language"]
        html = generated.fill_held_blocks(html, page)  # the HTML of a page the build writes whole
        html = cards.write_cards(html, page, locale, self.page_cards.pop(page.file.src_uri, cards.NO_CARDS))
        if not page.file.generated_by:
            html = numbers_table.write_numbers_table(html, page, locale)
            html = diagrams.write_diagrams(html, locale, self.page_diagrams.pop(page.file.src_uri, []))
            html = citations.write_citations_and_sources(html, page)
            html = citations.name_citations(html, locale)
        html = search_index.excluded_from_search(html)
        # Last: the final HTML that pages, embed views, the API and handouts are made from.
        html = content_safety.check_published_html(html, page, locale)
        reader_facts.check_numbers_and_addresses(html, page, locale)
        return html

    @event_priority(LAST)  # after Material's search plugin has read page.content
    @one_line_refusals
    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        locale = config.theme["language"]
        written = not page.file.generated_by
        ui_strings.add_page_strings(context, page, locale)
        hreflang.add_hreflang_links(context, page, config)
        report_link.add_report_link(context, page, config)
        cards.add_known_countries(context)
        offline.add_offline_context(context, page, config, self.writes_zips)
        card_page.add_card_context(context, page, locale)
        if written:
            # Who checked the page comes from the maintainers' records, never from its front matter.
            review_notice.add_review(context, page, locale)
            translation.add_translation_state(context, page, locale)
            structured_data.add_structured_data(context, page, config)
            if self.prints_handouts:
                handout_links.add_handout_links(context, page, locale)
            # With the translation state in the context: the API files and the embed views.
            api.write_api_files(context, page, config, self.api_index)
            fhir.keep_page_record(context, page, config, self.fhir_records, self.prints_handouts)
            if self.template_env is None:  # MkDocs calls on_env before any page's context
                raise PluginError("the guide plugin's on_env did not run before on_page_context")
            embed.write_embed_views(context, page, config, self.template_env, self.prints_handouts)
        content_safety.mark_checked_html(page)
        return context

    @event_priority(LAST)  # the content security policy hashes the inline scripts of the finished page
    @one_line_refusals
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = without_toggle_autocomplete(output)
        output = search.with_language_search(output, page, config.theme["language"])
        output = easy_read.with_easy_read_link(output, page, config.theme["language"])
        return add_content_security_policy(output)

    # --- templates that are not pages (the 404 page) ------------------------------------------------

    @one_line_refusals
    def on_template_context(
        self, context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        locale = config.theme["language"]
        ui_strings.add_template_strings(context, locale, config.site_url)
        # overrides/404.html links to the start of the page's language.
        if template_name == not_found.NOT_FOUND:
            context["language_home"] = not_found.site_path(config.site_url) + language_prefix(locale)
        return context

    @one_line_refusals
    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output
        output = without_toggle_autocomplete(add_content_security_policy(output))
        if template_name == not_found.NOT_FOUND:
            locale = config.theme["language"]
            output = not_found.not_found_page(output, locale, config.site_url)
            self.not_found_pages[locale] = output
        return output

    # --- the whole site -----------------------------------------------------------------------------

    @event_priority(LANGUAGE_FINISHED)
    @one_line_refusals
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.phases.language_finished():
            self._build_whole_site(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.phases.forget()

    def _build_whole_site(self, config: MkDocsConfig) -> None:
        """The steps that need every language built; each reads the finished site, not the config, which
        the i18n plugin leaves set up for the last language it built."""
        site, site_url = Path(config.site_dir), config.site_url
        log.info("Every language is built: writing the files of the whole site")
        content_api.write_site_files(site, site_url, self.api_index)
        # From the same index: the infobutton page and its answers, and the safety change feeds.
        infobutton.write_infobutton(site, site_url, self.api_index)
        changes.write_change_feeds(site, site_url, self.api_index)
        fhir.write_fhir_files(site, site_url, self.fhir_records)
        not_found.write_pages(site, self.not_found_pages)
        # Before the workers take the revisions of the finished files, each language's index among them.
        search_index.write_language_indexes(site)
        search_index.copy_search_workers(site)
        service_workers.write_service_workers(site, site_url)
        if self.prints_handouts:
            log.info("Printing the handouts")
            handouts.print_handouts(site, site_url)
        if self.writes_zips:
            log.info("Writing the offline zips")
            offline_zips.write_offline_zips(site, site_url)
