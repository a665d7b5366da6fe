"""DATE mentions: day names, every month-name series, years, full dates, numeric stamps, decades, Hijri dates.

Canonical forms follow the guideline: ISO where complete (2023-10-25, 2023-10), «Month D» for a day and
a month, the English name for a bare month or weekday, «1980s» for decades. Hijri dates keep their own
calendar in an ISO-like form with "AH" («26 شوال 1436 هـ» → 1436-10-26 AH, «شوال 1436» → 1436-10 AH,
«1436هـ» → 1436 AH); where the day is known, ``gregorian`` carries the Gregorian ISO date of the Umm al-Qura
calendar (converted by the hijridate package, never by a table of our own). Relative expressions («اليوم»,
«العام الماضي») and durations are not dates. Month names come from the project's one month table
(tasks/text/months.toml), shared with ingest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hijridate import Hijri

from tasks.entities import constants as C
from tasks.entities import lexicons as lex
from tasks.text import months
from tasks.text.normalize import one_edit

# Word lists live in tasks/entities/lexicons.toml (``lex``), limits in tasks/entities/constants.py (``C``);
# what is left here is structural: digit and letter classes, punctuation.
MONTHS = months.GREGORIAN
MONTH_NAMES_EN = months.GREGORIAN_EN
HIJRI_MONTHS = months.HIJRI
WEEKDAYS = lex.WEEKDAYS
DECADES = lex.DECADES
_YEAR_CUES = "|".join(lex.YEAR_CUES)
_YEAR_NOUNS = "|".join(w + r"\s+" for w in lex.YEAR_NOUNS)
_PERCENT = "|".join(p.replace(" ", r"\s+") for p in lex.PERCENT_AFTER)
_BARE_YEAR_FOLLOWERS = "|".join(lex.BARE_YEAR_FOLLOWERS)
_CENTURY = rf"(?:{lex.CENTURY_OF}\s+)?{lex.CENTURY}\s+(?:{'|'.join(lex.CENTURY_QUALIFIERS)})"
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_MONTH_YEAR_NOUN = rf"(?:(?:{'|'.join(lex.MONTH_YEAR_NOUNS)})\s+)"
_DAY_OF = "|".join(w.replace(" ", r"\s+") for w in lex.DAY_OF)
_ORDINAL = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lex.ORDINAL_DAYS), key=len, reverse=True))

_DIGIT = r"[0-9٠-٩]"
_PRE = r"(?<![\w\u064B-\u065F])(?:[وفبل]|ال)?"  # a proclitic stays outside the span
_END = r"(?![\w\u064B-\u065F])"
_MONTH_ALT = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in MONTHS), key=len, reverse=True))
# a bilingual pair is one span: «يوليو/تموز», «أيلول (سبتمبر)»
_MONTH = rf"(?P<m1>{_MONTH_ALT})(?:\s*/\s*(?P<m2>{_MONTH_ALT})|\s*\(\s*(?P<m3>{_MONTH_ALT})\s*\))?"
# a day: digits, or an ordinal word followed by «من» («الرابع عشر من يوليو»)
_DAY = rf"(?:(?P<d>{_DIGIT}{{1,2}})\s+|(?P<od>{_ORDINAL})\s+(?:{_DAY_OF})\s+)"

_STAMP = re.compile(
    rf"(?<!{_DIGIT})(?P<y>(?:19|20)\d\d)[-:/.](?P<mo>\d\d?)[-:/.](?P<d>\d\d?)"
    rf"(?:[ T.]+\d\d?:\d\d(?::\d\d)?)?(?!{_DIGIT})"
)
_DMY_NUM = re.compile(rf"(?<!{_DIGIT})(?P<d>\d\d?)/(?P<mo>\d\d?)/(?P<y>(?:19|20)\d\d)(?!{_DIGIT})")
_FULL = re.compile(
    rf"{_PRE}(?P<span>{_DAY}?{_MONTH}(?:\s*(?:,|،)?\s*{_MONTH_YEAR_NOUN}?"
    rf"(?P<y>{_DIGIT}{{4}})(?:\s*(?:{'|'.join(months.GREGORIAN_ERA_MARKERS)})(?![\w\u064B-\u065F]))?)?){_END}"
)
# a bilingual pair whose first name is misspelt: «سبتمر/أيلول»
_SLIP_PAIR = re.compile(
    rf"{_PRE}(?P<span>(?:(?P<d>{_DIGIT}{{1,2}})\s+)?(?P<x>[\u0621-\u064a]{{{C.SLIP_MONTH_MIN_LEN},{C.SLIP_MONTH_MAX_LEN}}})"
    rf"\s*/\s*(?P<m2>{_MONTH_ALT})(?:\s*(?:,|،)?\s*{_MONTH_YEAR_NOUN}?(?P<y>{_DIGIT}{{4}}))?){_END}"
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
# Hijri dates. A Hijri year is 1000–1499 («رمضان 2018» is the Ramadan of a Gregorian year, not AH); the era
# marker («هـ», «هجري», «للهجرة») may carry a tatweel. Numeric and bare-year forms need the marker, a month name
# is enough on its own (with a day or a year).
_HIJRI_YEAR = rf"(?:1[0-4]|١[٠-٤]){_DIGIT}{{2}}(?!{_DIGIT})"
_HIJRI_ERA = rf"\s*(?:{'|'.join(months.HIJRI_ERA_MARKERS)})\u0640*"
_HIJRI_ALT = "|".join(sorted((re.escape(m).replace(r"\ ", r"\s+") for m in HIJRI_MONTHS), key=len, reverse=True))
_HIJRI_FULL = re.compile(
    rf"{_PRE.replace('|ال', '')}(?P<span>{_DAY}?(?P<m>{_HIJRI_ALT})"
    rf"(?:\s*(?:,|،)?\s*{_MONTH_YEAR_NOUN}?(?P<y>{_HIJRI_YEAR})(?:{_HIJRI_ERA})?)?){_END}"
)
_HIJRI_DMY = re.compile(
    rf"(?<![\d٠-٩/-])(?P<span>(?P<d>{_DIGIT}{{1,2}})\s*(?P<sep>[/-])\s*(?P<mo>{_DIGIT}{{1,2}})\s*(?P=sep)\s*"
    rf"(?P<y>{_HIJRI_YEAR}){_HIJRI_ERA}){_END}"
)
_HIJRI_YMD = re.compile(
    rf"(?<![\d٠-٩/-])(?P<span>(?P<y>{_HIJRI_YEAR})\s*(?P<sep>[/-])\s*(?P<mo>{_DIGIT}{{1,2}})\s*(?P=sep)\s*"
    rf"(?P<d>{_DIGIT}{{1,2}}){_HIJRI_ERA}){_END}"
)
_HIJRI_BARE_YEAR = re.compile(rf"(?<![\w\u064B-\u065F/-])(?P<span>(?P<y>{_HIJRI_YEAR}){_HIJRI_ERA}){_END}")
# a preposition or time word before a name that is also a word makes it a month («في مارس», «أواخر مارس»)
_MONTH_CUE_BEFORE = re.compile(rf"(?<![\w\u064B-\u065F])(?:{'|'.join(months.MONTH_CUES)})\s+$")
# an ordinal after a definite word is a rank, not a day («الأسبوع الأول من مارس»), unless the word is a
# weekday («الأربعاء السادس من شوال»)
_DEFINITE_BEFORE = re.compile(
    rf"(?<![\w\u064B-\u065F])[وفبلك]?(?!(?:{'|'.join(WEEKDAYS)})\s+$)ال[\w\u064B-\u065F]+\s+$"
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
    gregorian: str | None = None  # the Gregorian ISO date of a Hijri date whose day is known


def hijri_to_gregorian(year: int, month: int, day: int) -> str | None:
    """The Gregorian ISO date of a Hijri date in the Umm al-Qura calendar (hijridate); None outside its range
    (1343–1500 AH) or for a day the month does not have there (another reckoning may count 30 days)."""
    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _form(written: str) -> str:
    """A month name as the table lists it: the run of white space inside «كانون   الثاني» made one space."""
    return " ".join(written.split())


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

    def add(s: int, e: int, canonical: str | None, gregorian: str | None = None) -> None:
        if canonical and s < e:
            found.append(DateMention(s, e, text[s:e], canonical, gregorian))

    def day_of(m: re.Match[str]) -> int | None:
        """The day a match names: digits or an ordinal word (not one ranking a definite noun before it)."""
        if m["d"]:
            return _int(m["d"])
        if m["od"] and not _DEFINITE_BEFORE.search(text, max(0, m.start("span") - C.PREVIOUS_WORD_MAX_LEN),
                                                   m.start("span")):  # fmt: skip
            return lex.ORDINAL_DAYS[" ".join(m["od"].split())]
        return None

    def hijri_date(m: re.Match[str], month: int, day: int | None) -> None:
        """«26 شوال 1436 هـ» → 1436-10-26 AH (and its Gregorian date), «شوال 1436» → 1436-10 AH, «26 شوال» →
        Shawwal 26; a Hijri month alone is no date (most are also first names)."""
        if not 1 <= month <= months.MONTHS_IN_YEAR or (day is not None and not 1 <= day <= C.MAX_HIJRI_DAY):
            return
        s, e = m.span("span")
        if m["y"] and day:
            year = _int(m["y"])
            add(s, e, f"{year:04d}-{month:02d}-{day:02d} AH", hijri_to_gregorian(year, month, day))
        elif m["y"]:
            add(s, e, f"{_int(m['y']):04d}-{month:02d} AH")
        elif day:
            add(s, e, f"{months.HIJRI_EN[month - 1]} {day}")

    for m in _STAMP.finditer(text, start, end):
        add(m.start(), m.end(), _iso(int(m["y"]), int(m["mo"]), int(m["d"])))
    for m in _DMY_NUM.finditer(text, start, end):
        add(m.start(), m.end(), _iso(int(m["y"]), int(m["mo"]), int(m["d"])))
    def month_date(m: re.Match[str], month: int, day: int | None) -> None:
        s, e = m.span("span")
        if day and m["y"]:
            add(s, e, _iso(_int(m["y"]), month, day))
        elif m["y"]:
            add(s, e, _iso(_int(m["y"]), month))
        elif day:
            add(s, e, f"{MONTH_NAMES_EN[month - 1]} {day}" if 1 <= day <= C.MAX_MONTH_DAY else None)
        else:
            add(s, e, MONTH_NAMES_EN[month - 1])

    def cued(at: int) -> bool:
        return _MONTH_CUE_BEFORE.search(text, max(0, at - C.PREVIOUS_WORD_MAX_LEN), at) is not None

    def unranked(pattern: re.Pattern[str], m: re.Match[str], month_group: str) -> re.Match[str] | None:
        """The match itself, or without its ordinal when that ranks a noun («الأسبوع الأول من مارس 2018»)."""
        if m["od"] and day_of(m) is None:
            return pattern.match(text, m.start(month_group), end)
        return m

    for found_match in _FULL.finditer(text, start, end):
        m = unranked(_FULL, found_match, "m1")
        if m is None:
            continue
        month, day, pair = MONTHS[_form(m["m1"])], day_of(m), m["m2"] or m["m3"]
        if pair and MONTHS[_form(pair)] != month:
            continue
        if _form(m["m1"]) in months.NEED_DAY_OR_YEAR and not (day or m["y"] or pair or cued(m.start())):
            continue
        month_date(m, month, day)
    for m in _SLIP_PAIR.finditer(text, start, end):
        month = MONTHS[_form(m["m2"])]
        if m["x"] not in MONTHS and _slip_of_month(m["x"], month):
            month_date(m, month, _int(m["d"]) if m["d"] else None)  # «سبتمر/أيلول»: the pair names the month
    for found_match in _HIJRI_FULL.finditer(text, start, end):
        m = unranked(_HIJRI_FULL, found_match, "m")
        if m is None:
            continue
        form, day = _form(m["m"]), day_of(m)
        if form in months.NEED_YEAR and not m["y"]:
            continue  # «فاز 3 صفر»: a score
        hijri_date(m, HIJRI_MONTHS[form], day)
    for pattern in (_HIJRI_DMY, _HIJRI_YMD):
        for m in pattern.finditer(text, start, end):
            hijri_date(m, _int(m["mo"]), _int(m["d"]))
    for m in _HIJRI_BARE_YEAR.finditer(text, start, end):
        add(*m.span("span"), f"{_int(m['y']):04d} AH")
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
