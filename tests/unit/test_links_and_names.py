"""Pure functions that rewrite links and markup in built pages."""

from __future__ import annotations

from guide.catalogues.sources import all_sources, citation_html, name_citation_links
from guide.handouts.handouts import printed_link
from guide.offline.not_found import site_path
from guide.page.material_markup import without_toggle_autocomplete


def test_citation_links_are_named_with_the_label_of_the_page_language() -> None:
    named = name_citation_links(citation_html([6, 12]), "Fuente {number}: {name}")
    assert f'aria-label="Fuente 6: {all_sources()[6].short}"' in named
    assert 'aria-label="Fuente 12: ' in named
    assert ">6</a>, <a " in named  # the visible numbers stay


def test_a_citation_of_an_unknown_source_keeps_only_the_number() -> None:
    assert 'aria-label="Source 999"' in name_citation_links(
        '<a href="#source-999">999</a>', "Source {number}: {name}"
    )


def test_other_links_are_not_named() -> None:
    link = '<a href="#sources">x</a> <a href="https://example.org/#source-6">y</a>'
    assert name_citation_links(link, "Source {number}: {name}") == link


def test_printed_links_lead_to_the_published_guide_not_the_printer() -> None:
    site = "https://guide.example/"
    embed = "embed/es/symptoms/"
    assert printed_link("#weakness", embed, site, "section-2") == "#section-2-weakness"
    assert printed_link("../diagnosis/", embed, site, "section-2") == "https://guide.example/es/diagnosis/"
    assert printed_link("https://www.nice.org.uk/", embed, site, "s") == "https://www.nice.org.uk/"
    assert printed_link("tel:999", embed, site, "s") == "tel:999"


def test_site_path_is_the_path_of_the_site_root() -> None:
    assert site_path("https://example.org/guide") == "/guide/"
    assert site_path("https://example.org/") == "/"
    assert site_path(None) == "/"


def test_toggles_lose_autocomplete_and_text_inputs_keep_it() -> None:
    page = '<input type="checkbox" id="d" autocomplete="off"><input type="search" autocomplete="off">'
    assert (
        without_toggle_autocomplete(page)
        == '<input type="checkbox" id="d"><input type="search" autocomplete="off">'
    )
