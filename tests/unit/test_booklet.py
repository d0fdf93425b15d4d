"""The booklet's changes to each chapter (guide/handouts/booklet.py): one list of sources, numbers once,
repeated urgency boxes shortened."""

from __future__ import annotations

import lxml.html
from guide.handouts.booklet import cut_sources, shorten_boxes

CHAPTER = """<article id="section-2">
<p>A fact <a href="#section-2-source-6">6</a> and another <a href="#section-2-source-3">3</a>.</p>
<h2 id="section-2-sources">Sources</h2><p>The facts on this page come from these sources.</p>
<ol class="sources"><li id="section-2-source-3" value="3">Three</li><li id="section-2-source-6" value="6">Six</li></ol>
</article>"""


def box(tier: str, signs: str) -> str:
    return (
        f'<div class="admonition {tier} triage-box" data-signs="{signs}"><h2>Title</h2>'
        '<p class="triage-action">Act</p><div class="emergency-call">999</div><p class="triage-lead">Lead</p>'
        '<ul class="triage-signs"><li>Sign</li></ul><p class="triage-why">Why</p></div>'
    )


def test_sources_leave_the_chapter_and_its_citations_lead_to_the_one_list() -> None:
    article = lxml.html.fragment_fromstring(CHAPTER)
    found: dict = {}
    cut_sources(article, found)
    assert sorted(found) == [3, 6] and found[6].get("id") == "source-6"
    assert not article.xpath(".//h2 | .//ol"), "the chapter's own Sources stay"
    assert "come from these sources" not in article.text_content()
    assert [link.get("href") for link in article.xpath(".//a")] == ["#source-6", "#source-3"]


def test_a_source_cited_by_two_chapters_is_listed_once() -> None:
    found: dict = {}
    for _ in range(2):
        cut_sources(lxml.html.fragment_fromstring(CHAPTER), found)
    assert sorted(found) == [3, 6]


def test_numbers_show_in_the_first_box_of_a_tier_and_a_repeated_box_keeps_title_and_action() -> None:
    article = lxml.html.fragment_fromstring(
        "<article>"
        + box("emergency", "a b")
        + box("urgent", "c")
        + box("emergency", "b")  # nothing new: title and action only
        + box("emergency", "a d")  # a new sign: the whole box, without the numbers
        + "</article>"
    )
    shorten_boxes(article, {})
    first, urgent, repeated, grown = article.xpath("./div")
    assert first.xpath(".//*[@class='emergency-call']") and urgent.xpath(".//*[@class='emergency-call']")
    assert repeated.text_content() == "TitleAct"
    assert grown.text_content() == "TitleActLeadSignWhy"
