"""Which HTML a page may contain, checked with nh3 (the ammonia sanitiser).

A page's HTML passes when sanitising it changes nothing; otherwise the first difference is reported
as an element or attribute, with text to find its line in the Markdown. "Changes nothing" is first asked
of the documents a browser builds from the two (lexbor follows the WHATWG parsing rules, in C), which
answers for nearly every page; only when they differ are both read as event streams blind to quoting,
entities and whitespace, which also find the difference to report. The allow-list is what
Markdown, our build steps (citations, sources, emergency numbers, admonitions, permalinks) and the planned
generated urgency boxes make. Two policies: WRITTEN_MARKUP, what a page's own Markdown may produce
(checked right after rendering), and PUBLISHED_MARKUP, that plus GENERATED_MARKUP, what the build adds
(checked on the final HTML). To let a step generate something new, extend GENERATED_MARKUP.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser

from guide.core.project import cached
from guide.catalogues.pictograms import SVG_MARKUP
from guide.catalogues.sources import all_sources
from guide.diagrams.drawings import DIAGRAM_CLASSES, DIAGRAM_MARKUP


@dataclass(frozen=True)
class MarkupPolicy:
    """Elements (each with its own attributes), attributes allowed on every element, and classes."""

    elements: dict[str, frozenset[str]]
    global_attributes: frozenset[str] = frozenset()
    attribute_prefixes: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    attribute_values: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def extended(self, other: MarkupPolicy) -> MarkupPolicy:
        elements = {
            tag: self.elements.get(tag, frozenset()) | other.elements.get(tag, frozenset())
            for tag in self.elements.keys() | other.elements.keys()
        }
        return MarkupPolicy(
            elements,
            self.global_attributes | other.global_attributes,
            self.attribute_prefixes | other.attribute_prefixes,
            self.classes | other.classes,
            {**self.attribute_values, **other.attribute_values},
        )


def _plain(*tags: str) -> dict[str, frozenset[str]]:
    return {tag: frozenset() for tag in tags}


# What a page's Markdown may produce: Markdown itself, admonitions, heading ids and permalinks. Translators
# write this. Citation links and the source list are written after rendering (src/guide/page/citations.py).
WRITTEN_MARKUP = MarkupPolicy(
    elements={
        **_plain(
            "p",
            "ul",
            "strong",
            "em",
            "b",
            "i",
            "code",
            "pre",
            "blockquote",
            "hr",
            "br",
            "sup",
            "sub",
            "small",
            "div",
            "span",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "caption",
            "dl",
            "dt",
            "dd",
            "kbd",
            "mark",
            "s",
        ),
        **{f"h{level}": frozenset({"id"}) for level in range(1, 7)},
        "a": frozenset({"href", "title", "rel"}),
        "ol": frozenset({"start"}),
        "li": frozenset(),
        "th": frozenset({"colspan", "rowspan", "scope"}),
        "abbr": frozenset({"title"}),
        "img": frozenset({"src", "alt", "title", "width", "height"}),
    },
    classes=frozenset(
        {
            # Urgency boxes (emergency, urgent, routine) are never written: the build makes them from data.
            "admonition",
            "admonition-title",
            "note",
            "tip",
            "warning",
            "info",
            "headerlink",
        }
    ),
)
# What the build adds after rendering (emergency numbers, generated urgency boxes): readers receive
# WRITTEN_MARKUP plus this. To let a step generate something new, extend this constant.
GENERATED_MARKUP = MarkupPolicy(
    elements={
        **_plain("details", "summary", "span", "div", "p", "ul", "li", "strong", "figure", "figcaption"),
        **{f"h{level}": frozenset({"id"}) for level in range(2, 7)},  # card titles
        "a": frozenset({"hreflang"}),
        "li": frozenset({"value"}),  # the source list: <li id="source-2" value="2">
        "time": frozenset({"datetime"}),
        "button": frozenset({"disabled"}),
        "select": frozenset({"name", "disabled"}),
        "option": frozenset({"value", "selected"}),
        "label": frozenset({"for"}),
        "input": frozenset({"name", "placeholder", "autocomplete", "spellcheck"}),
        # The cards' pictograms (guide/catalogues/pictograms.py): paths only, no text, link or style.
        **SVG_MARKUP,
    },
    global_attributes=frozenset({"id", "lang", "dir", "title", "hidden", "role"}),
    attribute_prefixes=frozenset({"data-", "aria-"}),
    classes=frozenset(
        {
            # Citation links and the list of sources (guide/page/citations.py)
            "citation",
            "sources",
            # Urgency boxes (guide/cards/urgency_boxes.py)
            "emergency",
            "other-emergency",
            "urgent",
            "routine",
            "triage-box",
            "triage-lead",
            "triage-signs",
            "triage-action",
            "general-advice",
            "emergency-call",
            "emergency-call__list",
            "urgent-call",
            "urgent-call__item",
            "urgent-call__item--language",
            "emergency-call__item",
            "emergency-call__item--language",
            "emergency-call__link",
            "emergency-call__label",
            "emergency-call__number",
            "emergency-call__other",
            "emergency-call__elsewhere",
            "emergency-call__missing",
            "triage-why",
            "country-picker__toggle",
            "country-picker__panel",
            # The line that leads to the number on pages without a card on the first screen, and the
            # offline notice's link to the saved when-to-get-help (src/guide/cards/steps.py)
            "help-strip",
            "offline-help",
            "country-picker",
            "country-picker__search",
            "country-picker__list",
            "country-picker__none",
            # The emergency numbers table of the sources page (src/guide/cards/numbers_table.py)
            "numbers-table",
            # The pictograms beside each sign and action (src/guide/catalogues/pictograms.py)
            "pictogram",
            "pictogram--directional",
        }
    ),
    attribute_values={"input": {"type": frozenset({"search"})}, "button": {"type": frozenset({"button"})}},
).extended(
    # The diagrams (src/guide/diagrams/drawings.py): shapes, and text from the language's file.
    MarkupPolicy(elements=DIAGRAM_MARKUP, classes=DIAGRAM_CLASSES)
)
PUBLISHED_MARKUP = WRITTEN_MARKUP.extended(GENERATED_MARKUP)
# Removed with everything inside them, so their text is reported as part of the element.
REMOVED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
        "object",
        "embed",
        "math",
        "svg",
    }
)
URL_ATTRIBUTES = frozenset({"href", "src"})
SAFE_SCHEMES = frozenset({"https", "mailto", "tel"})
ATTRIBUTE_LIST_HINT = (
    "a page may only give a heading its id with an attribute list ({#symptoms}); other attributes, "
    "classes ({: .x }) and HTML attributes are refused"
)


class UnsafeHtml(Exception):
    """What in a page's HTML is not allowed, and text that may find its line in the Markdown."""

    def __init__(self, message: str, *needles: str) -> None:
        super().__init__(message)
        self.message = message
        self.needles = tuple(needle for needle in needles if needle)


@cached
def trusted_http_urls() -> frozenset[str]:
    """Source addresses from data/sources.yml; some old sites only have http: addresses."""
    return frozenset(source.url for source in all_sources().values() if source.url)


@cached
def source_hosts() -> frozenset[str]:
    return frozenset(urlsplit(url).hostname or "" for url in trusted_http_urls()) - {""}


def url_allowed(attribute: str, value: str) -> bool:
    """Relative addresses everywhere; https:, mailto: and tel: links; src only from this site."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value)  # browsers ignore tabs and newlines inside URLs
    other_host = cleaned.startswith(("//", "\\\\", "/\\", "\\/"))
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned, re.IGNORECASE)
    if attribute == "src" or not scheme:
        return not scheme and not other_host
    return scheme.group(1).lower() in SAFE_SCHEMES or value in trusted_http_urls()


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES and not url_allowed(attribute, value):
        return None
    if attribute == "id" and value.startswith("__"):  # Material's own controls (__search, __drawer)
        return None
    if attribute.startswith("data-md"):  # Material's scripts act on these
        return None
    return value


def sanitise(html: str, policy: MarkupPolicy = PUBLISHED_MARKUP) -> str:
    return nh3.clean(
        html,
        tags=set(policy.elements),
        clean_content_tags=REMOVED_WITH_CONTENT - set(policy.elements),
        attributes={
            "*": set(policy.global_attributes),
            **{tag: set(attrs) for tag, attrs in policy.elements.items()},
        },
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes=set(policy.attribute_prefixes),
        tag_attribute_values={
            tag: {name: set(values) for name, values in attributes.items()}
            for tag, attributes in policy.attribute_values.items()
        },
        url_schemes=set(SAFE_SCHEMES) | {"http"},  # http: only for data/sources.yml (_attribute_filter)
        allowed_classes={tag: set(policy.classes) for tag in policy.elements},
    )


Event = tuple


class _EventStream(HTMLParser):
    """HTML as a list of (kind, ...) events, blind to quoting, entity and whitespace differences."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.events.append(("text", text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        normal = [
            (name, " ".join(sorted((value or "").split())) if name == "class" else value or "")
            for name, value in attrs
        ]
        self.events.append(("start", tag, tuple(sorted(normal))))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_comment(self, data: str) -> None:
        self._flush()
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self._flush()
        self.events.append(("declaration", decl))

    handle_pi = unknown_decl = handle_decl


@functools.lru_cache(maxsize=4)  # a page's final HTML is read twice: check_html, then link_hosts
def browser_document(html: str) -> LexborHTMLParser:
    """The document a browser builds from the HTML."""
    return LexborHTMLParser(html)


def events(html: str) -> tuple[Event, ...]:
    parser = _EventStream()
    parser.feed(html)
    parser.close()
    parser._flush()
    return tuple(parser.events)


def _next_text(stream: tuple[Event, ...], start: int) -> str:
    return next((event[1] for event in stream[start : start + 4] if event[0] == "text"), "")


def _describe(original: tuple[Event, ...], start: int, cleaned_part: tuple[Event, ...]) -> UnsafeHtml:
    event = original[start]
    following = _next_text(original, start + 1)
    if event[0] == "comment":
        return UnsafeHtml(
            "HTML comments are not allowed in pages (they can hide text); delete it", event[1].strip()[:30]
        )
    if event[0] == "declaration":
        return UnsafeHtml(f"'<!{event[1][:20]}>' is not allowed in pages; delete it", event[1][:20])
    if event[0] == "text":
        return UnsafeHtml(
            f"text '{event[1][:40]}' would not reach readers (it is inside markup that is not allowed)",
            event[1][:30],
        )
    tag = event[1]
    kept = next((e for e in cleaned_part if e[0] == "start" and e[1] == tag), None)
    if event[0] == "start" and kept is not None:
        # Event handlers first: they are what a reviewer must see.
        removed = sorted((a for a in event[2] if a not in kept[2]), key=lambda a: not a[0].startswith("on"))
        if removed:
            name, value = removed[0]
            if name in URL_ATTRIBUTES:
                return UnsafeHtml(
                    f'<{tag} {name}="{value[:60]}"> is not allowed: links must be relative, https:, mailto: or tel:, '
                    "and images must come from this site",
                    value[:40],
                    following,
                    f"<{tag}",
                )
            return UnsafeHtml(
                f'attribute {name}="{value[:40]}" on <{tag}> is not allowed: {ATTRIBUTE_LIST_HINT}',
                value[:40] if len(value) > 2 else "",
                name + "=",
                following,
                name,
            )
    return UnsafeHtml(
        f"<{tag}> is not allowed in pages: use plain Markdown (HTML beyond what Markdown makes is refused)",
        f"<{tag}",
        following,
    )


def check_html(html: str, policy: MarkupPolicy = PUBLISHED_MARKUP) -> str:
    """The sanitiser's serialisation of the HTML; raise UnsafeHtml unless that changes nothing but quoting,
    entities and whitespace."""
    sanitised = sanitise(html, policy)
    if browser_document(html).html == LexborHTMLParser(sanitised).html:
        return sanitised
    original = events(html)
    cleaned = events(sanitised)
    if original == cleaned:
        return sanitised
    matcher = SequenceMatcher(None, original, cleaned, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation != "equal":
            # Removing a comment or tag joins the text around it: report the markup, not the text.
            changed = range(i1, max(i2, i1 + 1))
            first = next((i for i in changed if i < len(original) and original[i][0] != "text"), i1)
            raise _describe(original, min(first, len(original) - 1), cleaned[j1:j2])
    raise AssertionError("the event streams differ, so some opcode is not 'equal'")


_MARKDOWN_HOST = re.compile(r"(?:https?:)?//([^/\s)>\]\"'?#:]+)", re.IGNORECASE)


def link_hosts(text: str, html: bool = False) -> set[str]:
    """Hosts of the external addresses in Markdown text, or in the href and src attributes of HTML."""
    if not html:
        return {host.lower() for host in _MARKDOWN_HOST.findall(text)}
    hosts = set()
    for element in browser_document(text).css("[href], [src]"):
        for name, value in element.attributes.items():
            host = urlsplit((value or "").strip()).hostname if name in URL_ATTRIBUTES else None
            if host:
                hosts.add(host.lower())
    return hosts


def source_line(source: str, needles: tuple[str, ...]) -> int:
    """The first line of the page's Markdown that contains one of the needles (case-blind), else 1."""
    lines = source.lower().splitlines()
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle.lower() in line:
                return number
    return 1
