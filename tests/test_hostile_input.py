"""A translation pull request cannot harm a reader: a corpus of hostile inputs.

Most cases are unit tests of the functions the build runs (fast): Markdown rendered with the site's own
extensions and then checked as src/guide/checks/content_safety.py checks every page; plain-text UI strings; YAML
and file reading; urgency boxes; link addresses. A few build the whole site and check what readers get.
Each case is either refused (with file and line where the build reports it) or produces nothing dangerous.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import markdown
from pymdownx import slugs
import pytest
import yaml
from conftest import build_site, failed_build
from guide.checks.csp import content_security_policy
from guide.checks.html_policy import WRITTEN_MARKUP, UnsafeHtml, check_html, sanitise, url_allowed
from guide.core.input_files import ContentError, check_nesting, load_yaml, read_text_file
from guide.core.pages import check_meta
from guide.checks.plain_text import check_plain_text_tree, markup_in
from guide.core.site_config import mkdocs_config
from guide.cards.urgency import UrgencyProblem, urgency_boxes
from helpers import replace_once

# What would run code, load from elsewhere, send data or hide text, in any output.
DANGEROUS = re.compile(
    r"<\s*(script|iframe|object|embed|form|meta|base|style|link|svg|math|template|frame|applet)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:text|\ssrcset=|formaction|<!--",
    re.IGNORECASE,
)
# The cards' pictograms (guide/catalogues/pictograms.py): an SVG of paths and groups with plain attributes,
# which the build writes and nothing can run in; anything else in an SVG is still dangerous.
PICTOGRAM = re.compile(
    r'<svg(?: (?:class|width|height|viewBox|fill|aria-hidden|focusable|data-icon)="[^"<>]*")*>'
    r'(?:</?(?:path|g)(?: (?:d|fill|fill-rule|clip-rule)="[^"<>]*")*>)*</svg>',
    re.IGNORECASE,  # the API writes HTML, whose parser takes viewbox as the SVG's viewBox
)
# The diagrams (guide/diagrams/drawings.py): shapes and words the build writes, with plain attributes.
DIAGRAM = re.compile(
    r'<svg(?: (?:class|data-diagram|viewBox|width|height|role|aria-label|focusable|fill|stroke|font-size|direction)="[^"<>]*")*>'
    r'(?:</?(?:g|path|circle|text|tspan)(?: (?:class|transform|fill|stroke|text-anchor|d|cx|cy|r|x|y|dy)="[^"<>]*")*>|[^<>]+)*</svg>',
    re.IGNORECASE,
)


def render(text: str) -> str:
    """Markdown to HTML with the extensions and settings of mkdocs.yml, as MkDocs renders a page."""
    extensions, configs = [], {}
    for entry in mkdocs_config()["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        configs[name] = settings
    # mkdocs_config() reads mkdocs.yml without its Python objects: give toc the slugify mkdocs.yml names.
    if configs.get("toc", {}).get("slugify", "unset") is None:
        configs["toc"] = {**configs["toc"], "slugify": slugs.slugify(case="lower")}
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


# --- Markdown and HTML a translator might write ---------------------------------------------------------

REFUSED_MARKDOWN = {
    "script tag": "<script>alert(1)</script>",
    # Urgency boxes are built from data/triage.yml, never written: a hand-made one is refused.
    "hand-made urgency box": '<div class="admonition emergency"><p class="admonition-title">Call</p><p>Wait.</p></div>',
    "script mixed case": "<ScRiPt>alert(1)</sCrIpT>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "object file": '<object data="file:///etc/passwd"></object>',
    "embed": '<embed src="https://evil.example/x.swf">',
    "form": '<form action="https://evil.example"><input name="q"></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0; url=https://evil.example">',
    "base href": '<base href="https://evil.example/">',
    "style element": "<style>.emergency { display: none }</style>",
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "third-party image": '<img src="https://evil.example/pixel.png" alt="">',
    "protocol-relative image": '<img src="//evil.example/pixel.png" alt="">',
    "markdown image from elsewhere": "![x](https://evil.example/pixel.png)",
    "image srcset": '<img src="a.png" srcset="https://evil.example/x.png 2x" alt="">',
    "audio": '<audio src="https://evil.example/a.mp3" autoplay></audio>',
    "video poster": '<video poster="https://evil.example/p.png"></video>',
    "svg onload": '<svg onload="alert(1)"></svg>',
    "math": "<math><mi>x</mi></math>",
    "template": "<template><p>hidden</p></template>",
    "noscript": "<noscript><p>x</p></noscript>",
    "html comment": "Text <!-- hidden instructions --> more",
    "conditional comment": "<!--[if IE]><p>x</p><![endif]-->",
    "cdata": "<![CDATA[ <script>alert(1)</script> ]]>",
    "onclick in html": '<p onclick="alert(1)">x</p>',
    "onmouseover uppercase": '<p ONMOUSEOVER="alert(1)">x</p>',
    "handler on next line": '<a href="index.md"\nonfocus="alert(1)" autofocus>x</a>',
    "style attribute": '<p style="display:none">x</p>',
    "css url": '<p style="background:url(https://evil.example/x)">x</p>',
    "attr_list onclick on link": '[text](page.md){ onclick="alert(1)" }',
    "attr_list handler on paragraph": 'Paragraph\n{: onmouseover="alert(1)" }',
    "attr_list style": 'Paragraph\n{: style="display:none" }',
    "attr_list fake emergency class": "Call now\n{: .fake-box }",
    "attr_list hidden fake class on heading": "## Title {: .md-hidden }",
    "attr_list data-md attribute": 'Paragraph\n{: data-md-component="search" }',
    "attr_list id clobbering": "Paragraph\n{: #__search }",
    "javascript link": "[x](javascript:alert(1))",
    "javascript mixed case": "[x](JaVaScRiPt:alert(1))",
    "javascript hex entity": "[x](&#x6A;avascript:alert(1))",
    "javascript decimal entity": '<a href="&#106;avascript:alert(1)">x</a>',
    "javascript entity colon": '<a href="javascript&colon;alert(1)">x</a>',
    "javascript with tab": '<a href="java&#9;script:alert(1)">x</a>',
    "javascript with newline entity": '<a href="java&#10;script:alert(1)">x</a>',
    "javascript leading space": '<a href=" javascript:alert(1)">x</a>',
    "javascript titled link": '[x](javascript:alert(1) "title")',
    "javascript reference link": "[x][r]\n\n[r]: javascript:alert(1)",
    "javascript reference with entity": '[x][r]\n\n[r]: &#x6A;avascript:alert(1) "t"',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data image": '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">',
    "http link": "[x](http://evil.example/)",
    "autolink http": "<http://evil.example/>",
    "look-alike reference definition": "[NHS][nhs]\n\n[nhs]: http://nhs.evil.example/",
    "protocol-relative link": '<a href="//evil.example/">x</a>',
    "backslash link": '<a href="/\\evil.example/">x</a>',
    "file link": "[x](file:///etc/passwd)",
    "formaction": '<button formaction="https://evil.example">x</button>',
    "input not search": '<input type="password" name="p">',
    "button submit": '<button type="submit">x</button>',
    "md_in_html script": '<div markdown="1">\n<script>alert(1)</script>\n</div>',
    "md_in_html handler": '<div markdown="1" onclick="alert(1)">\ntext\n</div>',
    "raw fake emergency box": '<div class="admonition emergency fake">x</div>',
    "textarea": "<textarea>x</textarea>",
    "frameset": '<frameset><frame src="https://evil.example"></frameset>',
    "details open handler": '<details ontoggle="alert(1)" open><summary>x</summary></details>',
    "srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "xlink href": '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    "marquee": "<marquee>x</marquee>",
    "object param": '<object><param name="src" value="https://evil.example"></object>',
    "isindex": "<isindex action=https://evil.example>",
    "keygen": "<keygen autofocus onfocus=alert(1)>",
    "unknown custom element": "<x-widget>x</x-widget>",
    "backtick fence is not enabled, so the tag is raw": "```\n<script>alert(1)</script>\n```",
    "attr_list hidden": "Keep this warning\n{: hidden }",
    "raw hidden paragraph": "<p hidden>Keep this warning</p>",
    "attr_list data attribute": 'Paragraph\n{: data-x="1" }',
    "attr_list role": 'Paragraph\n{: role="alert" }',
    "attr_list id on a paragraph": "Paragraph\n{: #my-anchor }",
    "attr_list lang": 'Paragraph\n{: lang="en" }',
    "raw details": "<details><summary>More</summary><p>x</p></details>",
    "raw generated class": '<div class="emergency-numbers">999</div>',
    # Citation links and the source list are the build's, written after rendering (guide/page/citations.py).
    "typed citation link": 'Facts <sup class="citation">[<a href="#source-2">2</a>]</sup>',
    "typed source list": '<ol class="sources"><li id="source-2" value="2">A source</li></ol>',
    "nested admonition with handler": '!!! note "n"\n    <p onclick="alert(1)">x</p>',
}


@pytest.mark.parametrize("source", REFUSED_MARKDOWN.values(), ids=REFUSED_MARKDOWN.keys())
def test_hostile_markdown_is_refused(source: str) -> None:
    with pytest.raises(UnsafeHtml):
        check_html(render(source), WRITTEN_MARKUP)


# Harmless text that looks odd: builds, and the HTML readers get is exactly what Markdown made.
ACCEPTED_MARKDOWN = {
    "bare http text is not a link": "Our old site was http colon slash slash example dot org.",
    "escaped html is text": "Write &lt;script&gt; as text",
    "code span with tag": "Type `<script>` to see it as text",
    "indented code with tag": "Code:\n\n    <script>alert(1)</script>",
    "https link": "[NHS](https://www.nhs.uk/)",
    "mailto link": "[mail](mailto:team@example.org)",
    "tel link": "[call](tel:+441234567890)",
    "relative link with anchor": "[see](symptoms.md#emergency)",
    "heading id": "## Symptoms {#symptoms}",
    "note admonition": '!!! note "Remember"\n    Bring your list of medicines.',
    "unicode lookalike text": "ｊａｖａｓｃｒｉｐｔ：ａｌｅｒｔ（１）",
    "right-to-left override in text": "abc\u202edcba",
    "tabs and crlf": "a\tb\r\nc",
}


@pytest.mark.parametrize("source", ACCEPTED_MARKDOWN.values(), ids=ACCEPTED_MARKDOWN.keys())
def test_harmless_markdown_passes_unchanged(source: str) -> None:
    html = render(source)
    check_html(html, WRITTEN_MARKUP)
    assert not DANGEROUS.search(sanitise(html, WRITTEN_MARKUP))


@pytest.mark.parametrize(
    ("attribute", "value", "allowed"),
    [
        ("href", "symptoms/", True),
        ("href", "#source-2", True),
        ("href", "https://www.nhs.uk/", True),
        ("href", "mailto:a@b.org", True),
        ("href", "tel:999", True),
        ("href", "http://evil.example/", False),
        ("href", "//evil.example/", False),
        ("href", "\\\\evil.example", False),
        ("href", "jav\tascript:x", False),
        ("href", "\x01javascript:x", False),
        ("href", "data:text/html,x", False),
        ("src", "https://cdn.example/x.png", False),
        ("src", "../assets/x.png", True),
        ("src", "data:image/png;base64,AAAA", False),
    ],
)
def test_link_addresses(attribute: str, value: str, allowed: bool) -> None:
    assert url_allowed(attribute, value) is allowed


def test_sources_may_keep_their_old_http_addresses() -> None:
    assert url_allowed("href", "http://www.bmj.com/cgi/content/full/383/oct18_1/p1973")


# --- UI strings, site names, titles: plain text --------------------------------------------------------

MARKUP_STRINGS = [
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "&lt;script&gt;",
    "&#60;script",
    "&#x3c;b&#x3e;",
    "&lt",
    '"><script>alert(1)</script>',
    "`code`",
    "[click](https://evil.example)",
    "javascript:alert(1)",
    "Title {: onclick=x }",
    "x&nbsp;y",
    "data:text/html,x",
]


@pytest.mark.parametrize("value", MARKUP_STRINGS)
def test_markup_in_a_ui_string_is_found(value: str) -> None:
    assert markup_in(value) is not None


@pytest.mark.parametrize(
    "value", ["AT&T", "Q & A", "l'hôpital", "5 - 3 = 2", "«Guillemets»", "急症：拨打 120", "(see below)"]
)
def test_plain_ui_strings_pass(value: str) -> None:
    assert markup_in(value) is None


def test_markup_anywhere_in_a_translation_file_names_line_and_key(tmp_path: Path) -> None:
    text = 'strings:\n  ok: fine\ntriage:\n  signs:\n    - plain\n    - "<b>weak legs</b>"\n'
    with pytest.raises(ContentError, match=r"x\.yml:6: 'triage\.signs\[1\]' contains '<'"):
        check_plain_text_tree(text, tmp_path / "x.yml")


def test_yaml_escape_in_a_title_is_still_markup(tmp_path: Path) -> None:
    meta = yaml.safe_load('title: "\\u003cimg src=x onerror=alert(1)\\u003e"')
    with pytest.raises(ContentError, match="'title' contains '<'"):
        check_meta({**_good_meta(), **meta}, tmp_path / "p.md", 'title: "\\u003cimg"\n')


def test_quote_in_a_description_is_plain_text_and_escaped_by_templates() -> None:
    assert markup_in('Pain" http-equiv="refresh" content="0;url=https://evil.example') is None


def _good_meta() -> dict[str, object]:
    import datetime as dt

    return {
        "title": "T",
        "description": "D",
        "last_reviewed": dt.date(2026, 1, 1),
        "review_state": "not-clinically-reviewed",
        "sources": [1],
    }


def test_future_review_date_is_refused(tmp_path: Path) -> None:
    import datetime as dt

    with pytest.raises(ContentError, match="in the future"):
        check_meta(
            {**_good_meta(), "last_reviewed": dt.date.today() + dt.timedelta(days=1)}, tmp_path / "p.md"
        )


# --- reading files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        ("a: &a [1]\nb: &b [*a, *a]\nc: [*b, *b]\n", "anchors and aliases"),
        ("base: &base {x: 1}\nother:\n  <<: *base\n", "anchors and aliases"),
        ("last_reviewed: 2026-02-30\n", "not a real date"),
        ("last_reviewed: 2026-13-01\n", "not a real date"),
        ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested too deeply"),
        ("a: [unclosed\n", "invalid YAML"),
    ],
)
def test_hostile_yaml_is_refused_with_a_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        load_yaml(text, tmp_path / "x.yml")


def test_utf16_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: x\n---\n", encoding="utf-16")
    with pytest.raises(ContentError, match="UTF-16"):
        read_text_file(path)


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"line one\nline two \xff\n")
    with pytest.raises(ContentError, match=r"page\.md:2: file is not valid UTF-8"):
        read_text_file(path)


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n")
    assert read_text_file(path) == "---\ntitle: x\n---\n"


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("a" * 300_000, encoding="utf-8")
    with pytest.raises(ContentError, match="limit"):
        read_text_file(path)


@pytest.mark.parametrize(
    "text",
    [
        "> " * 10_000 + "deep",
        "".join("    " * level + "- item\n" for level in range(40)),
        "- " * 50 + "x",
        "1. " * 30 + "x",
    ],
    ids=["quotes", "indented lists", "list markers on one line", "numbered on one line"],
)
def test_deep_nesting_is_refused_before_markdown_sees_it(tmp_path: Path, text: str) -> None:
    with pytest.raises(ContentError, match="nested"):
        check_nesting("intro\n" + text, tmp_path / "p.md")


# --- urgency boxes ---------------------------------------------------------------------------------------

BOX = '<div class="admonition emergency"><p class="admonition-title">Call</p><p>Go now.</p>{extra}</div>'
NUMBERS = (
    '<div class="emergency-call"><ul class="emergency-call__list"><li class="emergency-call__item">'
    '<a class="emergency-call__link" href="tel:999">999</a></li><li hidden data-numbers="112"></li></ul>'
    '<details class="country-picker" hidden></details></div>'
)

HIDDEN_BOXES = {
    "collapsible": '<details class="emergency"><summary>Call</summary><p>Go.</p></details>',
    "inside details": "<details><summary>x</summary>" + BOX.format(extra="") + "</details>",
    "hidden attribute": BOX.format(extra="").replace(
        '<div class="admonition emergency"', '<div hidden class="admonition emergency"'
    ),
    "hidden parent": "<div hidden>" + BOX.format(extra="") + "</div>",
    "style on box": BOX.format(extra="").replace(
        '<div class="admonition emergency"', '<div style="display:none" class="admonition emergency"'
    ),
    "hidden text inside": BOX.format(extra="<p hidden>x</p>"),
    "typed number": BOX.format(extra="<p>Call 0800 123 456.</p>"),
    "typed number with plus": BOX.format(extra="<p>Ring +1 (900) 555-0199</p>"),
    "arabic-indic digits": BOX.format(extra="<p>اتصل ٩٩٩</p>"),
    "fullwidth digits": BOX.format(extra="<p>拨打１２０</p>"),
    "fake box from a class": '<p class="emergency">Call</p>',
}


@pytest.mark.parametrize("html", HIDDEN_BOXES.values(), ids=HIDDEN_BOXES.keys())
def test_hidden_fake_or_numbered_urgency_boxes_are_refused(html: str) -> None:
    with pytest.raises(UrgencyProblem):
        urgency_boxes(html)


def test_generated_numbers_and_citations_in_a_box_are_fine() -> None:
    html = BOX.format(extra=NUMBERS + '<p>Go <sup class="citation">[<a href="#source-12">12</a>]</sup></p>')
    assert urgency_boxes(html) == ["emergency ()"]


# --- HTML pages we write ----------------------------------------------------------------------------------


def test_policy_allows_only_hashed_inline_scripts() -> None:
    policy = content_security_policy(
        '<script>var a = 1;</script><script type="application/ld+json">{}</script>'
    )
    assert "object-src 'none'" in policy and "base-uri 'none'" in policy and "form-action 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert policy.count("'sha256-") == 1


def test_printer_never_reads_local_files(tmp_path: Path, browser) -> None:
    from guide.handouts.handouts import Section, print_sheets, print_source, printer
    from guide.handouts.local_server import serving
    from guide.core.site_config import languages
    from pypdf import PdfReader

    hostile = (
        "<p>Visible text</p>"
        "<object data='file:///etc/passwd' width=600 height=300></object>"
        "<iframe src='file:///etc/passwd'></iframe><img src='file:///etc/hostname'>"
        "<iframe src='https://example.org/'></iframe>"
    )
    (tmp_path / "page.html").write_text(f"<!doctype html><meta charset='utf-8'>{hostile}", encoding="utf-8")
    section = Section(
        "section-0", "Title", "Footer", f"<article id='section-0'>{hostile}</article>", tmp_path
    )
    with serving(tmp_path) as served:
        page = printer(browser, served).new_page()
        # A print source, as the pages are printed, and a served page, as the alert cards are.
        page.set_content(print_source(languages()[0], [section], []), wait_until="load")
        print_sheets(page, tmp_path / "source.pdf", "Title")
        page.goto(served + "page.html", wait_until="load")
        print_sheets(page, tmp_path / "page.pdf", "Title")
    for pdf in ("source.pdf", "page.pdf"):
        text = "".join(sheet.extract_text() for sheet in PdfReader(tmp_path / pdf).pages)
        assert "Visible text" in text
        assert "root:" not in text


# --- whole builds: what readers receive ------------------------------------------------------------------


def test_every_built_page_has_a_policy_and_no_api_section_holds_anything_dangerous(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
    for document in (site / "api").rglob("*.json"):
        for section in json.loads(document.read_text(encoding="utf-8")).get("sections", []):
            html = DIAGRAM.sub("", PICTOGRAM.sub("", section["html"]))
            assert not DANGEROUS.search(html), (document, section["id"])


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "docs/es/index.md",
            "\n## ",
            '\n<p style="display:none">x</p>\n\n## ',
            r"docs/es/index\.md:\d+: attribute style",
            id="hidden style",
            marks=pytest.mark.languages("en", "es"),
        ),
        pytest.param(
            "docs/es/index.md",
            "!!! emergency",
            "!!! note",
            r"docs/es/index\.md:\d+: urgency box 1 should be '!!! emergency'",
            id="box replaced",
            marks=pytest.mark.languages("en", "es"),
        ),
        pytest.param(
            "docs/fr/about.md",
            "\n## ",
            "\n[Voir][x]\n\n[x]: https://evil.example/\n\n## ",
            r"docs/fr/about\.md:\d+: link to evil\.example",
            id="new external host",
            marks=pytest.mark.languages("en", "fr"),
        ),
        pytest.param(
            "docs/es/about.md",
            "last_reviewed: ",
            "last_reviewed: 2026-02-30\nx_old: ",
            r"docs/es/about\.md:\d+: invalid YAML: '2026-02-30' is not a real date",
            id="impossible date",
            marks=pytest.mark.languages("en", "es"),
        ),
        pytest.param(
            "translations/es.yml",
            "  read_english:",
            "  read_englsh:",
            r"translations/es\.yml:\d+: missing or empty key 'strings\.read_english'",
            id="mistyped key in es",
            marks=pytest.mark.languages("en", "es"),
        ),
        pytest.param(
            "translations/zh.yml",
            '  sources_heading: "',
            '  sources_heading: "<img src=x onerror=alert(1)>',
            r"translations/zh\.yml:\d+: 'strings\.sources_heading' contains '<'",
            id="markup in zh string",
            marks=pytest.mark.languages("en", "zh"),
        ),
        pytest.param(
            "translations/fr.yml",
            'copyright: "Texte',
            'copyright: "<script>alert(1)</script>Texte',
            r"translations/fr\.yml:\d+: 'site\.copyright' contains '<'",
            id="markup in copyright",
            marks=pytest.mark.languages("en", "fr"),
        ),
        pytest.param(
            "translations/es.yml",
            'When to get help: "Cuándo pedir ayuda"',
            'When to get help: "Cuándo pedir ayuda<img src=x onerror=alert(1)>"',
            r"translations/es\.yml:\d+: 'site\.nav_translations\.When to get help'",
            id="markup in menu label",
            marks=pytest.mark.languages("en", "es"),
        ),
        pytest.param(
            "translations/vi.yml",
            "  Overview:",
            "  Overveiw:",
            r"translations/vi\.yml:\d+: missing or empty key 'site\.nav_translations\.Overview'",
            id="menu title missing in vi",
            marks=pytest.mark.languages("en", "vi"),
        ),
    ],
)
def test_hostile_change_fails_the_build_naming_file_and_line(
    small_project: Path, file: str, old: str, new: str, expected: str
) -> None:
    replace_once(small_project / file, old, new)
    assert re.search(expected, failed_build(small_project)), expected


@pytest.mark.languages("en", "es")
def test_symlink_and_html_file_in_docs_fail_the_build(small_project: Path) -> None:
    os.symlink("/etc/passwd", small_project / "docs/es/passwd.md")
    (small_project / "docs/es/page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    output = failed_build(small_project)
    assert "docs/es/passwd.md: is a symbolic link" in output
    assert "docs/es/page.html: files of this type are not published" in output


@pytest.mark.languages("en")
def test_deeply_nested_quotes_fail_cleanly(small_project: Path) -> None:
    path = small_project / "docs/en/about.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "> " * 10_000 + "deep\n", encoding="utf-8")
    assert re.search(
        r"docs/en/about\.md:\d+: lists or quotes nested 10000 levels", failed_build(small_project)
    )


@pytest.mark.languages("en", "es")
def test_utf16_page_fails_cleanly(small_project: Path) -> None:
    path = small_project / "docs/es/about.md"
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-16")
    assert "docs/es/about.md:1: file is saved as UTF-16" in failed_build(small_project)


@pytest.mark.languages("en", "es")
def test_byte_order_mark_builds(small_project: Path) -> None:
    path = small_project / "docs/es/about.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = build_site(small_project, small_project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (small_project / "site/es/about/index.html").is_file()


# --- in Chromium: the policy breaks nothing, and a link cannot put a number on our domain --------------


def _policy_violations(page) -> list[str]:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    return messages


HOSPITAL_NUMBER = "+1 900 555 0199"


def test_top_level_visit_shows_no_number_from_the_address(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "embed/es/when-to-get-help/?emergency=" + HOSPITAL_NUMBER.replace("+", "%2B"))
    page.locator("div.admonition.emergency").first.wait_for()
    page.wait_for_load_state("load")
    assert page.locator(".hospital-number").count() == 0
    assert HOSPITAL_NUMBER not in page.content()


def test_framed_number_says_where_it_comes_from_and_policy_blocks_nothing(
    browser, site_url: str, tmp_path: Path
) -> None:
    from conftest import serve

    (tmp_path / "host.html").write_text(
        f'<!doctype html><iframe src="{site_url}embed/es/when-to-get-help/?emergency=%2B1%20900%20555%200199" '
        'sandbox="allow-scripts allow-popups" style="width:100%;height:600px"></iframe>',
        encoding="utf-8",
    )
    for host in serve(tmp_path):
        page = browser.new_page()
        messages = _policy_violations(page)
        page.goto(host + "host.html")
        frame = page.frame_locator("iframe")
        line = frame.locator("div.admonition.emergency .hospital-number").first
        line.wait_for()
        assert HOSPITAL_NUMBER in line.inner_text()
        source = line.locator(".hospital-number__source").inner_text()
        assert source.strip() == _strings("es")["hospital_number_source"]
        assert not [m for m in messages if "Content Security Policy" in m], messages


def test_search_works_under_the_policy(browser, site_url: str) -> None:
    from helpers import search

    page = browser.new_page()
    messages = _policy_violations(page)
    page.goto(site_url + "zh/symptoms/", wait_until="networkidle")
    assert search(page, "spine").count() > 0
    assert not [m for m in messages if "Content Security Policy" in m], messages


def _strings(locale: str) -> dict[str, str]:
    from guide.catalogues.language_registry import load_language

    return load_language(locale).strings


@pytest.mark.parametrize(
    "deep",
    ["*" * 5000 + "x" + "*" * 5000, '<div markdown="1">\n' * 3000 + "x\n" + "</div>\n" * 3000],
    ids=["emphasis", "md_in_html"],
)
@pytest.mark.languages("en")
def test_markdown_recursion_fails_cleanly(small_project: Path, deep: str) -> None:
    path = small_project / "docs/en/about.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + deep + "\n", encoding="utf-8")
    assert "docs/en/about.md: the page is nested too deeply for Markdown" in failed_build(small_project)
