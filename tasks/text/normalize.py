"""Arabic normalisation for matching only: stored spans and offsets always stay on the original text.

``normalize_with_map`` returns the normalised string and, for each of its characters, the index of the
original character it came from, so a match found in normalised text maps back to exact offsets.
"""

from __future__ import annotations

import re

TATWEEL = "\u0640"
# harakat, tanwin, shadda, sukun, dagger alef, Quranic marks
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_CHAR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u061c": "",
}  # fmt: skip
_DIGITS = {ord("٠") + i: str(i) for i in range(10)} | {ord("۰") + i: str(i) for i in range(10)}


def _norm_char(ch: str) -> str:
    if ch == TATWEEL or _DIACRITICS.match(ch):
        return ""
    ch = _CHAR_MAP.get(ch, ch)
    if ch and ord(ch) in _DIGITS:
        return _DIGITS[ord(ch)]
    return ch.lower()


class _Table(dict[int, str]):
    """Each character's normalised form, computed once (``_norm_char``) and kept: ``str.translate`` and the
    offset map read it per character instead of running a regex for every character of every document (the
    entity layer normalises some 35,000 strings per 100 articles)."""

    def __missing__(self, key: int) -> str:
        out = self[key] = _norm_char(chr(key))
        return out


_TABLE = _Table()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise (alef forms, ya/alef maqsura, ta marbuta, hamza seats, diacritics, tatweel, digits)
    and keep, for every output character, the index of its source character in ``text``."""
    parts = [_TABLE[ord(ch)] for ch in text]
    out = "".join(parts)
    if len(out) == len(text) and all(len(p) == 1 for p in parts):
        return out, list(range(len(text)))
    return out, [i for i, p in enumerate(parts) for _ in p]


def normalize(text: str) -> str:
    """Normalised form used as a lookup key; idempotent: normalize(normalize(x)) == normalize(x)."""
    return text.translate(_TABLE)


def span_to_original(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of normalised text back to the original text's offsets."""
    if start >= end:
        raise ValueError("empty span")
    return index[start], index[end - 1] + 1


def one_edit(a: str, b: str) -> bool:
    """Levenshtein distance ≤ 1 (a one-letter slip: «كازخستان», «سبتمر»)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
