"""Raw article file → Document: decoded text plus offsets of the lines worth analysing.

Why this shape: every later step (stanza, entities, commitments, Parquet) points into one stored
text by character offsets, so ingest never edits the text. It only decodes it, unifies line
ends, and decides which line spans are content (segments) and which are web junk (boilerplate,
each tagged with the reason it was set aside). Datelines and publication stamps are read here
because they are the only reliable source of a document's date and agency; without them, a date the text
gives as its own (tasks/ingest/textdate.py), and last the file's modification time (``ingest_file``), date
the document, each named in ``document_date_source``.

Phrase lists and agency names are data (tasks/ingest/lexicons.toml, folded by tasks.ingest.lexicons), month
names the project's one month table (tasks/text/months.toml); thresholds and length limits are in
tasks.ingest.constants.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NoReturn

from tasks.errors import IngestError
from tasks.ingest import constants as C
from tasks.ingest import lexicons as lex
from tasks.ingest.constants import MAX_BYTES
from tasks.ingest.lexicons import fold
from tasks.ingest.textdate import text_date
from tasks.text import months

__all__ = [
    "MAX_BYTES",
    "Document",
    "Span",
    "decode_bytes",
    "ingest_bytes",
    "ingest_file",
    "parse_dateline",
]

@dataclass(frozen=True)
class Span:
    """A stretch of Document.text; kind says what it is (title/body) or why it was set aside."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    """One article as every later step sees it; all offsets point into ``text``."""

    doc_id: str
    source_path: str
    sha256: str
    encoding: str
    text: str
    title: str | None
    title_span: tuple[int, int] | None
    dateline_place: str | None
    dateline_date: str | None
    agency: str | None
    dateline_span: tuple[int, int] | None
    published_at: str | None
    published_date: str | None
    document_date: str | None  # the date the pipeline uses, from the first source of C.DATE_SOURCES that has one
    document_date_source: str | None  # dateline, published, text or file_mtime (None with document_date)
    segments: tuple[Span, ...]
    boilerplate: tuple[Span, ...]


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/ODT file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)

_FIX_TEXT = "export the article as plain text (UTF-8) and put that file in raw/ instead"
_FIX_REENCODE = "re-save the file as UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)"

_ARABIC_RANGES = ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00))
# besides Arabic: printable ASCII, Latin-1 and Latin Extended, general punctuation, currency signs
_PLAUSIBLE_RANGES = ((0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2070), (0x20A0, 0x20D0))
_ASCII_MAX = 0x7F


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o < hi for lo, hi in _ARABIC_RANGES)


def _is_plausible(ch: str) -> bool:
    """Characters an Arabic/Latin news text is made of; used to judge BOM-less UTF-16 guesses."""
    o = ord(ch)
    return ch.isspace() or _is_arabic(ch) or any(lo <= o < hi for lo, hi in _PLAUSIBLE_RANGES)


def _control_count(text: str) -> int:
    return sum(1 for c in text if (c < " " and c not in "\t\n\r\x0b\x0c") or "\x7f" <= c <= "\x9f")


def _check_textual(text: str, path: str, encoding: str) -> None:
    """Reject decoded data that is not text; a text with a few stray controls is still kept."""
    if "\x00" in text:
        raise IngestError(
            path, f"binary data: NUL characters in a file that decodes as {encoding}", _FIX_TEXT
        )
    controls = _control_count(text)
    if controls >= C.MIN_CONTROLS and controls > C.MAX_CONTROL_SHARE * len(text):
        raise IngestError(
            path, f"binary data: {controls} control characters in {len(text)} characters", _FIX_TEXT
        )


def _truncation(err: UnicodeDecodeError, size: int) -> bool:
    return err.reason == "unexpected end of data" and err.end == size


def _looks_arabic(text: str) -> bool:
    """A cp1256 guess is only believed if it yields mostly Arabic letters and no UTF-8 mojibake."""
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if _is_arabic(c))
    if arabic == 0 or arabic < C.MIN_CP1256_ARABIC_SHARE * len(letters):
        return False
    # UTF-8 Arabic misread as cp1256 alternates ط/ظ (lead bytes D8/D9) with symbols.
    return sum(text.count(c) for c in lex.MOJIBAKE_LETTERS) <= C.MAX_MOJIBAKE_SHARE * arabic


def _utf16_guess(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16: ASCII chars leave zero high bytes; pick the byte order that reads as text."""
    body = data if len(data) % 2 == 0 else data[:-1]
    if len(body) < 2:
        return None
    zeros_even = body[0::2].count(0)
    zeros_odd = body[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if zeros_odd >= zeros_even else ("utf-16-be", "utf-16-le")
    for codec in order:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and "\x00" not in text and sum(map(_is_plausible, text)) >= C.MIN_UTF16_PLAUSIBLE_SHARE * len(text):
            return text, codec
    return None


def _charset_hint(data: bytes) -> str:
    """charset-normalizer's guess, only to make the error message more useful."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: C.CHARSET_HINT_BYTES]).best()
    except Exception:  # a hint must never hide the real error
        return ""
    return f"; charset-normalizer guesses {best.encoding}" if best is not None else ""


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode raw bytes to text with the BOM removed; returns (text, encoding name).

    Order matters: BOMs are certain, strict UTF-8 almost never passes by accident, UTF-16 without
    BOM is recognised by its zero bytes, and cp1256 (which accepts any byte) comes last and is
    only trusted when the result reads as Arabic.
    """
    _refuse_non_text(data, path)
    decoded = _decode_with_bom(data, path)
    if decoded is None:
        decoded = _decode_with_nul_bytes(data, path)
    if decoded is not None:
        return decoded

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    else:
        _check_textual(text, path, "UTF-8")
        return text, "utf-8"
    return _decode_legacy(data, path, utf8_error)


def _refuse_non_text(data: bytes, path: str) -> None:
    """Empty files, known binary formats and UTF-32 are refused before any decoding is tried."""
    if not data:
        raise IngestError(path, "empty file (0 bytes)", "re-download the article or remove the file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(path, f"binary data: the file is {what}, not text", _FIX_TEXT)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise IngestError(path, "UTF-32 text is not supported", _FIX_REENCODE.replace("<encoding>", "UTF-32"))


def _decode_with_bom(data: bytes, path: str) -> tuple[str, str] | None:
    """UTF-8 or UTF-16 announced by a BOM (None without one): the BOM is certain, so errors are final."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            _raise_utf8_error(err, data, path)
        _check_textual(text, path, "UTF-8")
        return text, "utf-8-sig"

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            raise IngestError(
                path,
                f"truncated UTF-16: odd number of bytes ({len(data)}), the last character is cut",
                "re-download or re-export the article; the file was cut off",
            )
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise IngestError(
                path, f"undecodable UTF-16 (invalid surrogate at byte {err.start})", _FIX_REENCODE
            ) from err
        _check_textual(text, path, "UTF-16")
        return text, "utf-16"
    return None


def _decode_with_nul_bytes(data: bytes, path: str) -> tuple[str, str] | None:
    """BOM-less UTF-16 (None when there are no NUL bytes): NULs never occur in UTF-8 or cp1256 text."""
    if b"\x00" not in data:
        return None
    guess = _utf16_guess(data)
    if guess is None:
        raise IngestError(path, "binary data: NUL bytes and not readable as UTF-16 text", _FIX_TEXT)
    if len(data) % 2:
        raise IngestError(
            path,
            f"truncated UTF-16 ({guess[1]} without BOM): odd number of bytes ({len(data)})",
            "re-download or re-export the article; the file was cut off",
        )
    text, codec = guess
    _check_textual(text, path, codec)
    return text, codec


def _decode_legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: corrupted or truncated UTF-8 is refused, else Windows-1256 if it reads as Arabic."""
    if _truncation(utf8_error, len(data)):
        _raise_utf8_error(utf8_error, data, path)
    lossy = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for c in lossy if ord(c) > _ASCII_MAX)
    if non_ascii and lossy.count("\ufffd") <= C.MAX_BAD_UTF8_SHARE * non_ascii:
        # Mostly well-formed UTF-8 with a few bad bytes: corrupted UTF-8, not a legacy encoding.
        _raise_utf8_error(utf8_error, data, path)
    text = data.decode("cp1256")
    if _looks_arabic(text):
        _check_textual(text, path, "Windows-1256")
        return text, "cp1256"
    if _control_count(text) >= C.MIN_CONTROLS and _control_count(text) > C.MAX_CONTROL_SHARE * len(text):
        raise IngestError(path, "binary data: many control bytes and not valid UTF-8", _FIX_TEXT)
    raise IngestError(
        path,
        f"undecodable: not UTF-8, UTF-16 or Windows-1256 Arabic "
        f"(invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
        f"{_charset_hint(data)})",
        _FIX_REENCODE,
    )


def _raise_utf8_error(err: UnicodeDecodeError, data: bytes, path: str) -> NoReturn:
    if _truncation(err, len(data)):
        raise IngestError(
            path,
            f"truncated UTF-8: the file ends inside a multi-byte character (byte {err.start} of {len(data)})",
            "re-download or re-export the article; the file was cut off",
        ) from err
    raise IngestError(
        path,
        f"undecodable: invalid UTF-8 byte 0x{data[err.start]:02x} at offset {err.start}",
        "repair or re-download the file; it is UTF-8 with corrupted bytes",
    ) from err


# ---------------------------------------------------------------------------------------------
# Normalisation helpers (for matching only; stored text is never changed)
# ---------------------------------------------------------------------------------------------

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u00ad")


def _has_letter(s: str) -> bool:
    return any(c.isalpha() for c in s)


def _stripped_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and invisible format marks (ZWSP, LRM/RLM, BOM) from both ends."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------
# Agencies, months, weekdays
# ---------------------------------------------------------------------------------------------

# Agency names and weekdays are in tasks/ingest/lexicons.toml (``lex``), month names in tasks/text/months.toml.


def _agency_key(s: str) -> str:
    key = fold(s).replace(" ", "")
    for prefix in lex.AGENCY_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
    return key


_AGENCIES: dict[str, str] = {
    _agency_key(form): name for name, forms in lex.AGENCY_FORMS.items() for form in forms
}


def _known_agency(s: str) -> str | None:
    return _AGENCIES.get(_agency_key(s))


# Gregorian month names come from the project's one month table (tasks/text/months.toml), shared with date
# tagging; datelines and stamps always give a day, so names that are also words («ماي», «مارس») are safe here.
_MONTHS: dict[str, int] = {fold(form): n for form, n in months.GREGORIAN.items()}
_MONTH_RE = "|".join(
    re.escape(form).replace(r"\ ", r"[ \t]+") for form in sorted(months.GREGORIAN, key=len, reverse=True)
)
_WEEKDAYS = lex.WEEKDAYS


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------

_L = r"[^\W\d_]"
_WORD = rf"{_L}(?:{_L}|[\u0610-\u061a\u064b-\u065f\u0670]|['’\-]{_L})*"
_PART = rf"{_WORD}(?:[ \t\u00a0]+{_WORD}){{0,{C.PLACE_MAX_EXTRA_WORDS}}}"
_PLACE = rf"(?P<place>{_PART}(?:[ \t]*[،,][ \t]*{_PART}){{0,{C.PLACE_MAX_EXTRA_PARTS}}})"
_DATE = (
    rf"(?P<day>\d{{1,2}})[ \t]+(?:من[ \t]+)?(?P<month>{_MONTH_RE})(?!{_L})"
    rf"(?:[ \t]*/[ \t]*(?:{_MONTH_RE})(?!{_L}))?(?:[ \t]*[،,]?[ \t]*(?P<year>\d{{4}})(?!\d))?"
)
_LEAD = r"^[\s\u200b-\u200f\u2060\ufeff]*"
_DATELINE_PAREN = re.compile(
    rf"{_LEAD}{_PLACE}[ \t]*[،,]?[ \t]*(?:{_DATE}[ \t]*[،,]?[ \t]*)?"
    rf"\((?P<agency>[^()\n]{{1,{C.AGENCY_PAREN_MAX_LEN}}})(?P<close>\))(?P<dash>[ \t]*[-–—]+(?:[ \t]*[-–—]+)?)?"
)
_DATELINE_DASH = re.compile(
    rf"{_LEAD}{_PLACE}[ \t]*[،,]?[ \t]*(?:{_DATE}[ \t]*[،,]?[ \t]*)?[-–—][ \t]*"
    rf"(?P<agency>[^-–—:()\n]{{1,{C.AGENCY_DASH_MAX_LEN}}}?)[ \t]*[-–—:]"
)
_PLACE_STOPWORDS = lex.PLACE_STOPWORDS
_COMMA_SPLIT = re.compile(r"[،,]")
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class _Dateline:
    place: str
    day: int | None
    month: int | None
    year: int | None
    agency: str | None
    start: int
    end: int

    @property
    def iso_date(self) -> str | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return _valid_date(self.year, self.month, self.day)


def _match_dateline(line: str) -> _Dateline | None:
    """Find «PLACE [DAY MONTH [YEAR]] (AGENCY)» at the start of a line; offsets are within line."""
    folded = line.translate(_DIGITS)  # same length, so offsets stay valid for ``line``
    for pattern in (_DATELINE_PAREN, _DATELINE_DASH):
        m = pattern.match(folded)
        if m is None:
            continue
        place_start = m.start("place")
        parts = _COMMA_SPLIT.split(line[place_start : m.end("place")])
        words = list(_NON_SPACE.finditer(parts[0]))
        while words and (fold(words[-1].group()) in _WEEKDAYS or fold(words[-1].group()) == lex.DAY_WORD):
            words.pop()
        if not words or any(fold(w) in _PLACE_STOPWORDS for p in parts for w in p.split()):
            continue
        raw_agency = line[m.start("agency") : m.end("agency")].strip()
        agency = _known_agency(raw_agency)
        has_date = m.group("day") is not None
        if pattern is _DATELINE_DASH and agency is None:
            continue
        if not has_date:
            dashed = pattern is _DATELINE_DASH or m.group("dash") is not None
            if agency is None or not (dashed or len(parts) > 1):
                continue
        if agency is None:
            if not raw_agency or not _has_letter(raw_agency) or fold(raw_agency) in _WEEKDAYS:
                continue
            agency = raw_agency
        place_end = place_start + words[-1].end()
        end = m.end("close") if pattern is _DATELINE_PAREN else m.end("agency")
        return _Dateline(
            place=line[place_start:place_end],
            day=int(m.group("day")) if has_date else None,
            month=_MONTHS.get(fold(m.group("month"))) if has_date else None,
            year=int(m.group("year")) if m.group("year") else None,
            agency=agency,
            start=place_start,
            end=end,
        )
    return None


def parse_dateline(line: str) -> tuple[str, str | None, str | None, tuple[int, int]] | None:
    """Read a news dateline at the start of ``line``: (place, ISO date or None, agency, span).

    The agency is a normalised English name when known (شينخوا → Xinhua), else the text between
    the parentheses. Without a year the date is None: guessing a year would invent facts.
    """
    found = _match_dateline(line)
    if found is None:
        return None
    return found.place, found.iso_date, found.agency, (found.start, found.end)


# ---------------------------------------------------------------------------------------------
# Publication stamps
# ---------------------------------------------------------------------------------------------

_TIME = (
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)(?:Z|[+-]\d{2}:?\d{2}(?!\d))?"
    rf"(?:[ \t]*(?P<ampm>{'|'.join(lex.AM_PM_WORDS)}|[AaPp]\.?[Mm]\.?)(?![^\W\d_]))?"
)
_TIME_CUE = rf"(?:(?:{'|'.join(lex.TIME_CUES)})[ \t]*)?"
_TIME_SEP = rf"(?:[T \t.,|–-]+|[ \t]*[،,][ \t]*){_TIME_CUE}"
_STAMP_PATTERNS = (
    re.compile(
        rf"(?<!\d)(?P<y>\d{{4}})[-/.:](?P<m>\d{{1,2}})[-/.:](?P<d>\d{{1,2}})(?!\d)(?:{_TIME_SEP}{_TIME})?"
    ),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>\d{{4}})(?!\d)(?:{_TIME_SEP}{_TIME})?"
    ),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})[ \t]+(?P<mon>{_MONTH_RE})(?!{_L})[ \t]*[،,]?[ \t]*(?P<y>\d{{4}})(?!\d)"
        rf"(?:{_TIME_SEP}{_TIME})?"
    ),
)
_TIME_ONLY = re.compile(rf"^{_TIME_CUE}{_TIME}$")
_STAMP_CUES = lex.STAMP_CUES
_SOURCE_CUES = lex.SOURCE_CUES
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
_SOURCE_LINE = re.compile(
    rf"^[/(\[]?\s*(?:{lex.ARTICLE})?{lex.SOURCE_WORD}\s*[:：]\s*(?P<src>[^/)\]\n]{{1,{C.SOURCE_NAME_MAX_LEN}}}?)\s*[/)\]]?$"
)
_STAMP_TOKEN_SPLIT = re.compile(r"[\s|/:،,()\[\]]+")


@dataclass(frozen=True)
class _Stamp:
    published_at: str | None
    source: str | None


def _stamp_datetime(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    month = _MONTHS.get(fold(groups["mon"])) if groups.get("mon") else int(groups["m"])
    if month is None:
        return None
    try:
        year, day = int(groups["y"]), int(groups["d"])
        if groups.get("H") is None:
            return date(year, month, day).isoformat()
        hour = int(groups["H"])
        ampm = fold(groups["ampm"] or "")
        if ampm[:1] in lex.PM_INITIALS and hour < C.HALF_DAY_HOURS:
            hour += C.HALF_DAY_HOURS
        elif ampm[:1] in lex.AM_INITIALS and hour == C.HALF_DAY_HOURS:
            hour = 0
        stamp = datetime(year, month, day, hour, int(groups["M"]), int(groups["S"] or 0))
    except ValueError:
        return None
    return stamp.isoformat() if groups["S"] is not None else stamp.isoformat(timespec="minutes")


def _parse_stamp(line: str) -> _Stamp | None:
    """A short line that is a publication date/time plus at most a source name (site, agency)."""
    if len(line) > C.STAMP_MAX_LEN:
        return None
    folded = line.translate(_DIGITS)
    source_only = _SOURCE_LINE.match(line)
    if source_only:
        return _Stamp(None, source_only.group("src").strip())
    if _TIME_ONLY.match(folded):
        return _Stamp(None, None)
    for pattern in _STAMP_PATTERNS:
        m = pattern.search(folded)
        if m is None:
            continue
        rest = line[: m.start()] + " " + line[m.end() :]
        tokens = [t for t in _STAMP_TOKEN_SPLIT.split(rest) if _has_letter(t)]
        others = [t for t in tokens if fold(t) not in _STAMP_CUES]
        source_cue = (
            "|" in rest or bool(_DOMAIN.search(rest)) or any(fold(t) in _SOURCE_CUES for t in tokens)
        )
        if others and not (source_cue and len(others) <= C.STAMP_MAX_SOURCE_WORDS):
            return None
        src_match = _SOURCE_LINE.match(rest.strip())
        source = src_match.group("src").strip() if src_match else (" ".join(others) or None)
        return _Stamp(_stamp_datetime(m), source)
    return None


# ---------------------------------------------------------------------------------------------
# Boilerplate classification
# ---------------------------------------------------------------------------------------------

# The phrase lists are in tasks/ingest/lexicons.toml (``lex``); the patterns here are built from them.
_VIDEO_PLAYER = re.compile(rf"^(?:{'|'.join(lex.VIDEO_PLAYER)})$")
_PHOTO_LABEL = re.compile(rf"^[(\[]?\s*(?:{lex.ARTICLE})?(?:{'|'.join(lex.PHOTO_LABEL_WORDS)})\s*[:：]")
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»)\s*|\s+/\s+")
_MENU_SPLIT = re.compile(r"\s*[|•·]\s*|\s+")
_MENU_ITEM_SPLIT = re.compile(r"\s*[|•·]\s*")
_MENU_SEPARATORS = "|•·"
_STRONG_CRUMB_SEPARATORS = (">>", "›")
_SPACED_GT = re.compile(r"\s>\s")
_SENTENCE_ENDS = (".", "؟", "?", "!")  # a line ending like a sentence is no breadcrumb
_PARAGRAPH_ENDS = (".", "。", ":", "：", "،", ",")  # a line ending like a paragraph's sentence is no headline


def _starts_with(norm: str, phrases: tuple[str, ...]) -> bool:
    """Whole-word prefix test, so «حملة» does not count as the imperative «حمّل»."""
    return any(norm == p or norm.startswith(p + " ") for p in phrases)


def _is_breadcrumb(line: str) -> bool:
    if len(line) > C.CRUMB_MAX_LEN or line.endswith(_SENTENCE_ENDS):
        return False
    parts = [p for p in _CRUMB_SPLIT.split(line) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > C.CRUMB_MAX_WORDS for p in parts):
        return False
    strong = any(sep in line for sep in _STRONG_CRUMB_SEPARATORS) or len(_SPACED_GT.findall(line)) >= 2
    if "»" in line and "«" in line:
        return False
    return strong or fold(parts[0]) in lex.NAV_HOME


def _is_menu(line: str) -> bool:
    if len(line) > C.MENU_MAX_LEN:
        return False
    tokens = [t for t in _MENU_SPLIT.split(line) if t]
    piped = any(sep in line for sep in _MENU_SEPARATORS)
    if piped:
        items = [t for t in _MENU_ITEM_SPLIT.split(line) if t.strip()]
        return len(items) >= C.MENU_MIN_PIPED_ITEMS and all(fold(i) in lex.NAV_SECTIONS for i in items)
    return len(tokens) >= C.MENU_MIN_ITEMS and all(fold(t) in lex.NAV_SECTIONS for t in tokens)


def _classify(line: str) -> tuple[str | None, _Stamp | None]:
    """Return (boilerplate kind or None for content, parsed stamp if the line is a stamp)."""
    stamp = _parse_stamp(line)
    if stamp is not None:
        return "source_stamp", stamp
    if not _has_letter(line):
        return ("digits" if any(c.isdigit() for c in line) else "punctuation"), None
    if len(line) <= C.CREDIT_MAX_LEN and _known_agency(line.strip("()[]/|-–— \t")) is not None:
        return "credit", None  # a bare «(أ ف ب)» / «رويترز» line: photo or wire credit
    norm = fold(line)
    if _VIDEO_PLAYER.match(norm) or (
        len(line) < C.VIDEO_NOTICE_MAX_LEN
        and any(all(w in norm for w in pair) for pair in lex.UNSUPPORTED_BROWSER)
    ):
        return "video_player", None
    if norm in lex.HOT_PICTURES:
        return "hot_pictures", None
    if norm in lex.NAV_LINES or _is_breadcrumb(line) or _is_menu(line):
        return "nav", None
    if norm in lex.GALLERY:
        return "gallery", None
    if norm in lex.AD_LINES:
        return "ad", None
    if norm in lex.RELATED_LINES or (len(line) < C.RELATED_MAX_LEN and _starts_with(norm, lex.RELATED_PREFIXES)):
        return "related", None
    tokens = norm.split()
    if (
        len(line) <= C.SHARE_MAX_LEN
        and all(t in lex.SHARE_WORDS for t in tokens)
        and any(t in lex.SHARE_CORE for t in tokens)
    ):
        return "share", None
    if (
        len(line) <= C.PROMO_MAX_LEN
        and _starts_with(norm, lex.PROMO_START)
        and any(t in lex.PROMO_CHANNEL for t in tokens)
    ):
        return "promo", None
    if len(line) <= C.COPYRIGHT_MAX_LEN and ("©" in line or any(c in norm for c in lex.COPYRIGHT)):
        return "copyright", None
    if (
        len(line) <= C.PHOTO_CREDIT_MAX_LEN
        and (norm in lex.PHOTO_LINES or _starts_with(norm, lex.PHOTO_PREFIXES))
    ) or (len(line) <= C.PHOTO_LABEL_MAX_LEN and _PHOTO_LABEL.match(line)):
        return "photo_credit", None
    return None, None


# ---------------------------------------------------------------------------------------------
# Document assembly
# ---------------------------------------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int]]:
    """Stripped (start, end) of every non-blank line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = _stripped_bounds(text, pos, pos + len(raw))
        if start < end:
            spans.append((start, end))
        pos += len(raw) + 1
    return spans


def _looks_like_title(line: str) -> bool:
    """Headlines are short, carry no dateline and do not end like a sentence of a paragraph."""
    return (
        len(line) < C.TITLE_MAX
        and not line.endswith(_PARAGRAPH_ENDS)
        and _match_dateline(line) is None
    )


def _infer_year(day: int, month: int, published: str) -> str | None:
    """A dateline without a year takes the publication year (the year before if that is later)."""
    pub = date.fromisoformat(published[: C.ISO_DATE_LEN])
    iso = _valid_date(pub.year, month, day)
    if iso is not None and date.fromisoformat(iso) > pub + timedelta(days=C.YEAR_SLACK_DAYS):
        iso = _valid_date(pub.year - 1, month, day)
    return iso


def ingest_bytes(data: bytes, source_path: str) -> Document:
    """Build a Document from raw file bytes; raises IngestError when no usable text comes out."""
    decoded, encoding = decode_bytes(data, source_path)
    text = decoded.replace("\r\n", "\n").replace("\r", "\n")

    content, boilerplate, published_at, stamp_source = _sort_lines(text)
    if not content:
        raise IngestError(
            source_path,
            "no article text: every line is blank or boilerplate",
            "check that the file holds the article body and not only page furniture",
        )

    title_span: tuple[int, int] | None = None
    first_start, first_end = content[0]
    if len(content) > 1 and _looks_like_title(text[first_start:first_end]):
        title_span = content[0]
    body = content[1:] if title_span else content

    dateline, dateline_span = _find_dateline(text, body)
    dateline_date = dateline.iso_date if dateline else None
    if dateline and dateline_date is None and published_at and dateline.day and dateline.month:
        dateline_date = _infer_year(dateline.day, dateline.month, published_at)
    agency = dateline.agency if dateline else None
    if agency is None and stamp_source is not None:
        agency = _known_agency(stamp_source)

    published_date = published_at[: C.ISO_DATE_LEN] if published_at else dateline_date
    document_date, document_date_source = _document_date(text, content, boilerplate, dateline_date, published_date)
    segments = tuple(Span(s, e, "title" if (s, e) == title_span else "body") for s, e in content)
    return Document(
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest()[: C.DOC_ID_LEN],
        source_path=source_path,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
        title=text[title_span[0] : title_span[1]] if title_span else None,
        title_span=title_span,
        dateline_place=dateline.place if dateline else None,
        dateline_date=dateline_date,
        agency=agency,
        dateline_span=dateline_span,
        published_at=published_at,
        published_date=published_date,
        document_date=document_date,
        document_date_source=document_date_source,
        segments=segments,
        boilerplate=tuple(boilerplate),
    )


def _document_date(
    text: str,
    content: list[tuple[int, int]],
    boilerplate: list[Span],
    dateline_date: str | None,
    published_date: str | None,
) -> tuple[str | None, str | None]:
    """The document's date and its source, in the order of C.DATE_SOURCES: the dateline (the day the report
    was filed), the publication stamp, a date the text gives as its own (tasks/ingest/textdate.py). The file's
    modification time comes last, in ``ingest_file``: only it knows the file."""
    if dateline_date:
        return dateline_date, "dateline"
    if published_date:
        return published_date, "published"
    lines = sorted([*content, *((b.start, b.end) for b in boilerplate)])
    found = text_date(text, lines, content)
    return (found.date, "text") if found else (None, None)


def _sort_lines(text: str) -> tuple[list[tuple[int, int]], list[Span], str | None, str | None]:
    """Content line spans, boilerplate spans with their kind, and the first publication time and source
    that stamp lines give."""
    content: list[tuple[int, int]] = []
    boilerplate: list[Span] = []
    published_at: str | None = None
    stamp_source: str | None = None
    for start, end in _lines(text):
        kind, stamp = _classify(text[start:end])
        if kind is None:
            content.append((start, end))
            continue
        boilerplate.append(Span(start, end, kind))
        if stamp is not None:
            if published_at is None and stamp.published_at is not None:
                published_at = stamp.published_at
            if stamp_source is None and stamp.source is not None:
                stamp_source = stamp.source
    return content, boilerplate, published_at, stamp_source


def _find_dateline(text: str, body: list[tuple[int, int]]) -> tuple[_Dateline | None, tuple[int, int] | None]:
    """The dateline at the start of one of the first body lines, and its span in ``text``."""
    for start, end in body[: C.DATELINE_SEARCH_LINES]:
        dateline = _match_dateline(text[start:end])
        if dateline is not None:
            return dateline, (start + dateline.start, start + dateline.end)
    return None, None


def _symlink_loop(p: Path) -> bool:
    try:
        p.stat()
    except OSError as err:
        return err.errno == errno.ELOOP
    return False


def shown_path(path: str | Path) -> str:
    """``path`` as text every table and message can hold. A name that is not valid UTF-8 reaches Python
    with surrogate escapes, which Parquet and JSON refuse; its bad bytes are written as ``\\xe9``."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def name_problem(path: str | Path) -> str | None:
    """Why a file name cannot be stored as it is (not valid UTF-8), with its exact bytes, or None."""
    if shown_path(path) == str(path):
        return None
    return f"file name is not valid UTF-8 (its bytes: {os.fsencode(Path(path).name)!r})"


FILE_NAME_DATE_RE = re.compile(r"(?<!\d)(?P<y>\d{4})[-_.]?(?P<m>\d{2})[-_.]?(?P<d>\d{2})(?!\d)")


def file_name_date(name: str) -> str | None:
    """The ISO day a file is named with («SK-economy-642-20180525.txt», «snn_2015-07-31_396_aawsat.txt»), the
    last valid one in the name; None when it has none (or only numbers that are no day of FILE_NAME_YEARS)."""
    found = None
    for m in FILE_NAME_DATE_RE.finditer(name):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not C.FILE_NAME_YEARS[0] <= y <= C.FILE_NAME_YEARS[1]:
            continue
        try:
            found = date(y, mo, d).isoformat()
        except ValueError:
            continue
    return found


def ingest_file(path: str | Path) -> Document:
    """Read one raw file and ingest it; every way the file can be unusable becomes an IngestError."""
    shown = shown_path(path)
    p = Path(path)
    problem = name_problem(path)
    if problem:  # its rows could not name it: the tables and the manifest are UTF-8
        raise IngestError(shown, problem, "rename the file to a UTF-8 name (e.g. convmv -f cp1256 -t utf8)")
    if p.is_symlink() and _symlink_loop(p):
        raise IngestError(shown, "symlink loop (the link points back at itself)", "point the link at a file")
    if not p.exists():
        raise IngestError(shown, "file does not exist", "check the path and that the file was not moved")
    if p.is_dir():
        raise IngestError(shown, "is a directory, not a file", "pass the article files inside it, one by one")
    if not p.is_file():
        raise IngestError(
            shown, "not a regular file (device, socket or pipe)", "copy the article into a file"
        )
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                shown,
                f"too large for a news article ({size} bytes > {MAX_BYTES})",
                "split the dump into one file per article",
            )
        mtime = p.stat().st_mtime
        data = p.read_bytes()
    except OSError as err:
        raise IngestError(
            shown, f"cannot read the file: {err.strerror or err}", "check the file's permissions"
        ) from err
    doc = ingest_bytes(data, shown)
    if doc.document_date is not None:
        return doc
    named = file_name_date(p.name)
    if named is not None:
        return replace(doc, document_date=named, document_date_source="file_name")
    # The last resort: the day the file was saved (UTC, so the machine's time zone does not change it), which
    # a copy resets. It is labelled and dates no commitment (C.STATED_DATE_SOURCES).
    saved = datetime.fromtimestamp(mtime, tz=UTC).date().isoformat()
    return replace(doc, document_date=saved, document_date_source="file_mtime")
