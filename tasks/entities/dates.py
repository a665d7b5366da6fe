"""DATE mentions: day names, both month-name series, years, full dates, numeric stamps, decades.

Canonical forms follow the guideline: ISO where complete (2023-10-25, 2023-10), «Month D» for a day and
a month, the English name for a bare month or weekday, «1980s» for decades. Relative expressions
(«اليوم», «العام الماضي») and durations are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.entities import constants as C
from tasks.entities import lexicons as lex
from tasks.text.normalize import one_edit

# Word lists live in tasks/entities/lexicons.toml (``lex``), limits in tasks/entities/constants.py (``C``);
# what is left here is structural: digit and letter classes, punctuation.
MONTHS = lex.MONTHS
MONTH_NAMES_EN = lex.MONTH_NAMES_EN
WEEKDAYS = lex.WEEKDAYS
DECADES = lex.DECADES
_YEAR_CUES = "|".join(lex.YEAR_CUES)
_YEAR_NOUNS = "|".join(w + r"\s+" for w in lex.YEAR_NOUNS)
_PERCENT = "|".join(p.replace(" ", r"\s+") for p in lex.PERCENT_AFTER)
_BARE_YEAR_FOLLOWERS = "|".join(lex.BARE_YEAR_FOLLOWERS)
_CENTURY = rf"(?:{lex.CENTURY_OF}\s+)?{lex.CENTURY}\s+(?:{'|'.join(lex.CENTURY_QUALIFIERS)})"
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

_DIGIT = r"[0-9٠-٩]"
_PRE = r"(?<![\w\u064B-\u065F])(?:[وفبل]|ال)?"  # a proclitic stays outside the span
_END = r"(?![\w\u064B-\u065F])"
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_MONTH = rf"(?P<m1>{_MONTH_ALT})(?:\s*/\s*(?P<m2>{_MONTH_ALT}))?"

_STAMP = re.compile(
    rf"(?<!{_DIGIT})(?P<y>(?:19|20)\d\d)[-:/.](?P<mo>\d\d?)[-:/.](?P<d>\d\d?)"
    rf"(?:[ T.]+\d\d?:\d\d(?::\d\d)?)?(?!{_DIGIT})"
)
_DMY_NUM = re.compile(rf"(?<!{_DIGIT})(?P<d>\d\d?)/(?P<mo>\d\d?)/(?P<y>(?:19|20)\d\d)(?!{_DIGIT})")
_FULL = re.compile(
    rf"{_PRE}(?P<span>(?:(?P<d>{_DIGIT}{{1,2}})\s+)?{_MONTH}(?:\s*(?:,|،)?\s*(?:{lex.YEAR_NOUN}\s+)?"
    rf"(?P<y>{_DIGIT}{{4}}))?){_END}"
)
# a bilingual pair whose first name is misspelt: «سبتمر/أيلول»
_SLIP_PAIR = re.compile(
    rf"{_PRE}(?P<span>(?:(?P<d>{_DIGIT}{{1,2}})\s+)?(?P<x>[\u0621-\u064a]{{{C.SLIP_MONTH_MIN_LEN},{C.SLIP_MONTH_MAX_LEN}}})"
    rf"\s*/\s*(?P<m2>{_MONTH_ALT})(?:\s*(?:,|،)?\s*(?:{lex.YEAR_NOUN}\s+)?(?P<y>{_DIGIT}{{4}}))?){_END}"
)


def _slip_of_month(word: str, month: int) -> bool:
    """Is ``word`` one letter (not the first) away from a name of ``month``?"""
    return any(n == month and " " not in name and word[0] == name[0] and one_edit(word, name)
               for name, n in MONTHS.items())  # fmt: skip


_WEEKDAY = re.compile(
    rf"{_PRE.replace('|ال', '')}(?P<span>{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))}){_END}"
)
_YEAR = re.compile(
    rf"(?<![\w\u064B-\u065F])(?:{_YEAR_CUES})\s+(?:{_YEAR_NOUNS})?(?P<span>(?:1[5-9]|20|١[٥-٩]|٢٠){_DIGIT}{{2}})(?!{_DIGIT})"
    rf"(?!\s*(?:{_PERCENT}))"
)
# A bare year with no cue: a 4-digit number followed by punctuation, the end, or a function word
# (a count is followed by what it counts: «2000 جندي»).
_BARE_YEAR = re.compile(
    rf"(?<![\w\u064B-\u065F.,،/:-])(?P<span>(?:1[5-9]|20){_DIGIT}{{2}})(?![\w.,/:-]\d)"
    rf"(?=\s*(?:$|[.،,؛;:)\]»\-–]|\n|(?:{_BARE_YEAR_FOLLOWERS})(?![\w])))"
)
_DECADE = re.compile(
    rf"{_PRE.replace('|ال', '')}(?P<span>{'|'.join(sorted(DECADES, key=len, reverse=True))})"
    rf"(?:\s+{_CENTURY})?{_END}"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    canonical: str


def _int(s: str) -> int:
    return int(s.translate(_ARABIC_INDIC_DIGITS))


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    import datetime as dt

    try:
        if d is None:
            dt.date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every DATE expression in ``text[start:end]``, offsets into ``text``, longest first, no overlaps."""
    end = len(text) if end is None else end
    found: list[DateMention] = []

    def add(s: int, e: int, canonical: str | None) -> None:
        if canonical and s < e:
            found.append(DateMention(s, e, text[s:e], canonical))

    for m in _STAMP.finditer(text, start, end):
        add(m.start(), m.end(), _iso(int(m["y"]), int(m["mo"]), int(m["d"])))
    for m in _DMY_NUM.finditer(text, start, end):
        add(m.start(), m.end(), _iso(int(m["y"]), int(m["mo"]), int(m["d"])))
    def month_date(m: re.Match[str], month: int) -> None:
        s, e = m.span("span")
        if m["d"] and m["y"]:
            add(s, e, _iso(_int(m["y"]), month, _int(m["d"])))
        elif m["y"]:
            add(s, e, _iso(_int(m["y"]), month))
        elif m["d"]:
            day = _int(m["d"])
            add(s, e, f"{MONTH_NAMES_EN[month - 1]} {day}" if 1 <= day <= C.MAX_MONTH_DAY else None)
        else:
            add(s, e, MONTH_NAMES_EN[month - 1])

    for m in _FULL.finditer(text, start, end):
        month = MONTHS[m["m1"]]
        if m["m2"] and MONTHS[m["m2"]] != month:
            continue
        if m["m1"] in lex.AMBIGUOUS_MONTHS and not (m["d"] or m["y"] or m["m2"]):
            continue
        month_date(m, month)
    for m in _SLIP_PAIR.finditer(text, start, end):
        month = MONTHS[m["m2"]]
        if m["x"] not in MONTHS and _slip_of_month(m["x"], month):
            month_date(m, month)  # «سبتمر/أيلول»: the pair says which month the misspelt name is
    for m in _WEEKDAY.finditer(text, start, end):
        add(*m.span("span"), WEEKDAYS[m["span"]])
    for m in _YEAR.finditer(text, start, end):
        add(*m.span("span"), str(_int(m["span"])))
    for m in _BARE_YEAR.finditer(text, start, end):
        add(*m.span("span"), str(_int(m["span"])))
    for m in _DECADE.finditer(text, start, end):
        add(*m.span("span"), f"19{DECADES[m['span'].split()[0]]}s")
    # keep the longest of overlapping candidates
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
    return kept
