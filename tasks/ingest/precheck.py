"""Content checks on a decoded document, before any model sees it.

Ingest already refuses what is not text (empty, binary, undecodable, truncated, too large, not a file).
These catch text that decodes fine but is not an Arabic article: an HTML page saved instead of the
article's text, a JSON or NDJSON dump (its Arabic values would pass the language check), and text in
another language. All go to quarantine with stage ``content``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter

from tasks.ingest import lexicons as lex
from tasks.ingest.constants import MAX_TAG_ATTRS_LEN, MAX_TAGS, MIN_ARABIC_SHARE
from tasks.ingest.reader import Document

__all__ = ["MAX_TAGS", "MIN_ARABIC_SHARE", "content_problem", "html_problem", "json_problem", "language_problem"]

_PAGE_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[\s>])", re.IGNORECASE)
# tag names are in tasks/ingest/lexicons.toml, the thresholds in tasks/ingest/constants.py
_STRONG_TAG = re.compile(rf"<\s*(?:{'|'.join(lex.HTML_PAGE_TAGS)})[\s>/]", re.IGNORECASE)
_TAG = re.compile(
    rf"<\s*/?\s*(?:{'|'.join(lex.HTML_MARKUP_TAGS)})(?:\s[^<>]{{0,{MAX_TAG_ATTRS_LEN}}})?\s*/?>",
    re.IGNORECASE,
)
_ARABIC_RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00))


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o < hi for lo, hi in _ARABIC_RANGES)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def html_problem(text: str) -> str | None:
    """Why ``text`` looks like HTML markup rather than an article's text, or None."""
    if _PAGE_START.match(text):
        return "HTML page instead of the article's text (starts with an HTML/XML declaration)"
    strong = _STRONG_TAG.search(text)
    if strong:
        return f"HTML page instead of the article's text (has a {strong.group(0).strip('<>/ ')!r} tag)"
    tags = len(_TAG.findall(text))
    if tags >= MAX_TAGS:
        return f"HTML markup instead of plain text ({tags} HTML tags)"
    return None


def _is_json(text: str) -> bool:
    if text[:1] not in ("{", "["):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def json_problem(text: str) -> str | None:
    """Why ``text`` looks like a JSON or NDJSON dump (e.g. an API answer) rather than an article, or None."""
    stripped = text.strip()
    if _is_json(stripped):
        return "JSON data instead of the article's text (the whole file parses as JSON)"
    lines = [line.strip() for line in stripped.splitlines() if line.strip()]
    if len(lines) >= 2 and all(_is_json(line) for line in lines):
        return f"NDJSON data instead of the article's text ({len(lines)} lines, each a JSON record)"
    return None


def language_problem(text: str) -> str | None:
    """Why ``text`` is not Arabic (share of Arabic letters below MIN_ARABIC_SHARE), or None."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "no letters at all"
    arabic = sum(1 for c in letters if _is_arabic(c))
    if arabic >= MIN_ARABIC_SHARE * len(letters):
        return None
    main, _ = Counter(_script(c) for c in letters if not _is_arabic(c)).most_common(1)[0]
    return (
        f"not Arabic: {100 * arabic / len(letters):.0f}% of {len(letters)} letters are Arabic, most are {main.title()}"
    )


def content_problem(doc: Document) -> str | None:
    """The first reason this document should not be analysed, or None. Only the content lines count
    (boilerplate such as Latin share buttons is already set aside by ingest)."""
    problem = html_problem(doc.text)
    if problem:
        return problem + " (fix: save the article as plain text)"
    problem = json_problem(doc.text)
    if problem:
        return problem + " (fix: write each article's text to its own plain-text file)"
    content = "\n".join(doc.text[s.start : s.end] for s in doc.segments)
    problem = language_problem(content)
    if problem:
        return problem + " (fix: raw/ is for Arabic articles; move the file elsewhere)"
    return None
