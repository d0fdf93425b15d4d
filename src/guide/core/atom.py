"""Atom feeds (RFC 4287) and their JSON form in the shape MedlinePlus Connect answers with, for the
infobutton's static answers (guide/infobutton/) and the safety change feed (guide/changes/).

Plain functions of plain values: every text is escaped by the XML writer, never pasted into markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Category:
    term: str
    scheme: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    updated: dt.date
    summary: str
    language: str
    categories: tuple[Category, ...] = ()


@dataclass(frozen=True)
class Feed:
    id: str  # the feed's own address
    title: str
    subtitle: str
    author: str
    author_url: str
    language: str
    updated: dt.date
    entries: tuple[Entry, ...] = ()
    categories: tuple[Category, ...] = field(default_factory=tuple)
    alternate: str | None = None  # the web page the feed is about


def timestamp(day: dt.date) -> str:
    """An Atom date: the day at midnight UTC ('2026-12-05T00:00:00Z')."""
    return f"{day.isoformat()}T00:00:00Z"


def _category(parent: ET.Element, category: Category) -> None:
    attributes = {"term": category.term}
    if category.scheme:
        attributes["scheme"] = category.scheme
    if category.label:
        attributes["label"] = category.label
    ET.SubElement(parent, "category", attributes)


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> None:
    ET.SubElement(parent, tag, attributes).text = text


def atom_document(feed: Feed) -> str:
    """The feed as Atom XML, with an XML declaration."""
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: feed.language})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title, type="text")
    _text(root, "subtitle", feed.subtitle, type="text")
    _text(root, "updated", timestamp(feed.updated))
    author = ET.SubElement(root, "author")
    _text(author, "name", feed.author)
    _text(author, "uri", feed.author_url)
    ET.SubElement(root, "link", {"rel": "self", "href": feed.id})
    if feed.alternate:
        ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": feed.alternate})
    for category in feed.categories:
        _category(root, category)
    for entry in feed.entries:
        element = ET.SubElement(root, "entry", {XML_LANG: entry.language})
        _text(element, "id", entry.id)
        _text(element, "title", entry.title, type="text")
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html", "href": entry.url})
        _text(element, "updated", timestamp(entry.updated))
        _text(element, "summary", entry.summary, type="text")
        for category in entry.categories:
            _category(element, category)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _json_category(category: Category) -> dict[str, str]:
    return {"scheme": category.scheme or "", "term": category.term}


def json_document(feed: Feed) -> dict[str, Any]:
    """The feed in the JSON shape of MedlinePlus Connect's answers: values as {"_value": ...}."""
    return {
        "feed": {
            "lang": feed.language,
            "id": {"_value": feed.id},
            "title": {"_value": feed.title, "type": "text"},
            "subtitle": {"_value": feed.subtitle, "type": "text"},
            "updated": {"_value": timestamp(feed.updated)},
            "author": {"name": {"_value": feed.author}, "uri": {"_value": feed.author_url}},
            "category": [_json_category(category) for category in feed.categories],
            "entry": [
                {
                    "lang": entry.language,
                    "id": {"_value": entry.id},
                    "title": {"_value": entry.title, "type": "text"},
                    "link": [{"href": entry.url, "rel": "alternate", "title": entry.title}],
                    "updated": {"_value": timestamp(entry.updated)},
                    "summary": {"_value": entry.summary, "type": "text"},
                    "category": [_json_category(category) for category in entry.categories],
                }
                for entry in feed.entries
            ],
        }
    }
