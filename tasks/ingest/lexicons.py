"""The ingest stage's word lists, read once at import from ``lexicons.toml`` beside this module.

Why a data file: boilerplate phrases and agency names grow with every new site, and adding
one should not mean reading the classifier. This module folds each list exactly as the reader compares it
(``fold`` for whole lines and words, the raw forms for regex alternations, in the listed order that those
depend on).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from tasks.text.normalize import normalize

LEXICON_FILE = "lexicons.toml"

_PUNCTUATION = re.compile(r"[^\w\s]|_")


def fold(s: str) -> str:
    """``tasks.text.normalize.normalize`` (the one letter and digit fold of the project), case folded, with
    punctuation turned into spaces: the form boilerplate phrases and lines are compared in."""
    s = normalize(s).casefold()
    s = _PUNCTUATION.sub(" ", s)
    return " ".join(s.split())


def load_data() -> dict[str, Any]:
    """The parsed TOML file (tests read it to check the raw lists)."""
    text = resources.files("tasks.ingest").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _folded(phrases: Iterable[str]) -> frozenset[str]:
    """Phrases as ``fold`` makes them, order irrelevant."""
    return frozenset(fold(p) for p in phrases)


_DATA = load_data()
_DATELINE: dict[str, Any] = _DATA["dateline"]
_STAMPS: dict[str, Any] = _DATA["stamps"]
_BOILERPLATE: dict[str, Any] = _DATA["boilerplate"]

# datelines
AGENCY_FORMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {name: tuple(forms) for name, forms in _DATA["agencies"].items()}
)
AGENCY_PREFIXES: tuple[str, ...] = tuple(fold(p).replace(" ", "") for p in _DATELINE["agency_prefixes"])
WEEKDAYS: frozenset[str] = _folded(_DATELINE["weekdays"])
DAY_WORD: str = _DATELINE["day_word"]
PLACE_STOPWORDS: frozenset[str] = _folded(_DATELINE["place_stopwords"])

# publication stamps
AM_PM_WORDS: tuple[str, ...] = tuple(_STAMPS["am_pm_words"])
PM_INITIALS: tuple[str, ...] = tuple(_STAMPS["pm_initials"])
AM_INITIALS: tuple[str, ...] = tuple(_STAMPS["am_initials"])
TIME_CUES: tuple[str, ...] = tuple(_STAMPS["time_cues"])
STAMP_CUES: frozenset[str] = _folded(_STAMPS["cues"]) | WEEKDAYS
SOURCE_CUES: frozenset[str] = _folded(_STAMPS["source_cues"])
SOURCE_WORD: str = _STAMPS["source_word"]
ARTICLE: str = _STAMPS["article"]

# the article's own date written in its text (tasks/ingest/textdate.py)
_TEXT_DATE: dict[str, Any] = _DATA["text_date"]
TEXT_DATE_LABELS: tuple[str, ...] = tuple(sorted(_folded(_TEXT_DATE["labels"]), key=len, reverse=True))
TODAY_WORDS: frozenset[str] = _folded(_TEXT_DATE["today_words"])
DATE_FILLERS: frozenset[str] = _folded(_TEXT_DATE["fillers"]) | STAMP_CUES | _folded(AM_PM_WORDS)

# boilerplate lines
NAV_LINES: frozenset[str] = _folded(_BOILERPLATE["nav_lines"])
NAV_HOME: frozenset[str] = _folded(_BOILERPLATE["nav_home"])
NAV_SECTIONS: frozenset[str] = NAV_LINES | _folded(_BOILERPLATE["nav_sections"])
HOT_PICTURES: frozenset[str] = _folded(_BOILERPLATE["hot_pictures"])
GALLERY: frozenset[str] = _folded(_BOILERPLATE["gallery"])
RELATED_LINES: frozenset[str] = _folded(_BOILERPLATE["related_lines"])
RELATED_PREFIXES: tuple[str, ...] = tuple(_folded(_BOILERPLATE["related_prefixes"]))
AD_LINES: frozenset[str] = _folded(_BOILERPLATE["ad_lines"])
VIDEO_PLAYER: tuple[str, ...] = tuple(_BOILERPLATE["video_player"])
UNSUPPORTED_BROWSER: tuple[tuple[str, ...], ...] = tuple(tuple(pair) for pair in _BOILERPLATE["unsupported_browser"])
SHARE_CORE: frozenset[str] = _folded(_BOILERPLATE["share_core"])
SHARE_WORDS: frozenset[str] = SHARE_CORE | _folded(_BOILERPLATE["share_words"])
PROMO_START: tuple[str, ...] = tuple(_folded(_BOILERPLATE["promo_start"]))
PROMO_CHANNEL: frozenset[str] = _folded(_BOILERPLATE["promo_channel"])
COPYRIGHT: frozenset[str] = _folded(_BOILERPLATE["copyright"])
PHOTO_PREFIXES: tuple[str, ...] = tuple(_folded(_BOILERPLATE["photo_prefixes"]))
PHOTO_LINES: frozenset[str] = _folded(_BOILERPLATE["photo_lines"])
PHOTO_LABEL_WORDS: tuple[str, ...] = tuple(_BOILERPLATE["photo_label_words"])

# decoding and content checks
MOJIBAKE_LETTERS: tuple[str, ...] = tuple(_DATA["decoding"]["mojibake_letters"])
HTML_PAGE_TAGS: tuple[str, ...] = tuple(_DATA["html"]["page_tags"])
HTML_MARKUP_TAGS: tuple[str, ...] = tuple(_DATA["html"]["markup_tags"])
