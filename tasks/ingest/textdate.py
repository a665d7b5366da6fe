"""The article's own date when neither a dateline nor a publication stamp gives one: a date its text states.

Why so narrow: an article's body is full of dates of the events it tells («في 26 يوليو 2013، اغتال…», «على
حدود الرابع من حزيران 1967», a timeline's «7 كانون الأول/ديسمبر 2014: …»): of the 34 undated check-set
articles (of 600: Sky News, Al Arabiya, Saudi papers, BBC, CNN, France 24) whose text holds a full date, one
states its own. Only three places are read as the article's own date, each with a full day, month and year
(Gregorian, or Hijri converted by hijridate through the DATE
tagger, tasks/entities/dates.py):

* ``label``: a short line opening with a publication label and the date right after it («آخر تحديث: الأحد 9
  أغسطس 2015», «نشر في: 26 شوال 1436 هـ»), anywhere in the text;
* ``date_line``: a line of the lead that is nothing but a date («الأحد 26 شوال 1436 هـ - 9 أغسطس 2015»);
* ``today``: «اليوم» right before the date in the lead («…، اليوم الاثنين الموافق 18/ 10/ 1436هـ بمحافظة
  الأحساء»), the day of writing.

A date without a year is never completed (guessing a year would invent a fact). Word lists are in
lexicons.toml ([text_date]), limits in constants.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tasks.entities.dates import DateMention, find_dates
from tasks.ingest import constants as C
from tasks.ingest import lexicons as lex
from tasks.ingest.lexicons import fold

__all__ = ["TextDate", "text_date"]

_GREGORIAN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HIJRI = re.compile(r"^\d{4}-\d{2}-\d{2} AH$")
_SEPARATORS = re.compile(r"[\s,،()\[\]|/:\-–—]+")  # between the words of a date line; no sentence end
_SENTENCE_END = re.compile(r"[.!?؟؛;]")


@dataclass(frozen=True)
class TextDate:
    """A date the text gives as its own: ISO date, its span in the text, and the rule that read it."""

    date: str
    start: int
    end: int
    rule: str  # label, date_line or today


def _iso(mention: DateMention) -> str | None:
    """The Gregorian ISO day of a full date (a Hijri one through its conversion), else None."""
    if _GREGORIAN.match(mention.canonical):
        return mention.canonical
    if _HIJRI.match(mention.canonical):
        return mention.gregorian
    return None


def _only_fillers(s: str, digits: bool = False) -> bool:
    """Is ``s`` nothing but filler words («الموافق», weekdays, stamp cues) and separators? ``digits`` lets a
    time through («- 10:30 ص»). A sentence end never passes: «حتى اليوم. وفي 5 مايو 2018» is two sentences."""
    if _SENTENCE_END.search(s):
        return False
    for token in _SEPARATORS.split(s):
        if not token or fold(token) in lex.DATE_FILLERS or (digits and token.isdigit()):
            continue
        return False
    return True


def _blank_others(line: str, offset: int, dates: Sequence[DateMention], keep: DateMention) -> str:
    """``line`` with every date but ``keep`` blanked: the Hijri half of a bilingual date line is no word."""
    chars = list(line)
    for d in dates:
        if d is not keep:
            chars[d.start - offset : d.end - offset] = " " * (d.end - d.start)
    return "".join(chars)


def _label_rest(line: str) -> str | None:
    """What follows a publication label that opens ``line`` (as raw text), or None without one."""
    words = list(re.finditer(r"\S+", line))
    folded = [fold(w.group()) for w in words]
    for label in lex.TEXT_DATE_LABELS:
        n = len(label.split())
        if len(words) >= n and " ".join(folded[:n]) == label:
            return line[words[n - 1].end() :]
    return None


def _today_before(prefix: str) -> bool:
    """Does «اليوم» end ``prefix``, with only fillers after it («اليوم الاثنين الموافق»)?"""
    for m in reversed(list(re.finditer(r"\S+", prefix))):
        if fold(m.group()) in lex.TODAY_WORDS:
            return _only_fillers(prefix[m.end() :])
        if _SENTENCE_END.search(m.group()) or fold(m.group()) not in lex.DATE_FILLERS:
            return False
    return False


def _line_date(text: str, start: int, end: int, lead: bool) -> TextDate | None:
    """The date a line gives as the article's, by the first rule that reads one; a written Gregorian date is
    preferred to a converted Hijri one on the same line."""
    line = text[start:end]
    label_rest = _label_rest(line) if len(line) <= C.TEXT_DATE_LINE_MAX_LEN else None
    if label_rest is None and not lead:
        return None
    dates = find_dates(text, start, end)
    found: list[TextDate] = []
    for d in dates:
        iso = _iso(d)
        if iso is None:
            continue
        own = _blank_others(line, start, dates, d)
        prefix, suffix = own[: d.start - start], own[d.end - start :]
        if label_rest is not None and len(prefix) >= len(line) - len(label_rest):
            if _only_fillers(prefix[len(line) - len(label_rest) :]):
                found.append(TextDate(iso, d.start, d.end, "label"))
        elif lead and _only_fillers(prefix) and _only_fillers(suffix, digits=True):
            found.append(TextDate(iso, d.start, d.end, "date_line"))
        elif lead and _today_before(prefix):
            found.append(TextDate(iso, d.start, d.end, "today"))
    if not found:
        return None
    gregorian = [f for f in found if any(_GREGORIAN.match(d.canonical) and d.start == f.start for d in dates)]
    return (gregorian or found)[0]


def text_date(text: str, lines: Sequence[tuple[int, int]], content: Sequence[tuple[int, int]]) -> TextDate | None:
    """The first date, in text order, that a line of ``text`` gives as the article's own. ``lines`` are every
    non-blank line, ``content`` the content ones: the lead is everything up to the end of the
    TEXT_DATE_SEARCH_LINES-th content line (the title and the first paragraphs, page furniture above them
    included)."""
    lead_lines = content[: C.TEXT_DATE_SEARCH_LINES]
    lead_end = lead_lines[-1][1] if lead_lines else 0
    for start, end in lines:
        found = _line_date(text, start, end, start < lead_end)
        if found is not None:
            return found
    return None
