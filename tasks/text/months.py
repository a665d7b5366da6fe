"""The one month table (``months.toml`` beside this module), read once at import.

Why one table: ingest reads datelines and publication stamps, date tagging finds DATE mentions, and both must
know the same spellings; a Maghrebi form added for datelines used to be missing from date tagging. Forms are
kept as written (the regexes of both match raw text, so stored spans stay as in the article).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

MONTH_FILE = "months.toml"
MONTHS_IN_YEAR = 12


def load_data() -> dict[str, Any]:
    """The parsed TOML file (tests read it to check the raw lists)."""
    text = resources.files("tasks.text").joinpath(MONTH_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _by_form(series: Mapping[str, Mapping[str, list[str]]]) -> Mapping[str, int]:
    """Form → month number over every series, in series order then month order (a form names one month)."""
    found: dict[str, int] = {}
    for table in series.values():
        for number, forms in table.items():
            for form in forms:
                found.setdefault(form, int(number))
    return MappingProxyType(found)


_DATA = load_data()
_GREGORIAN: dict[str, Any] = _DATA["gregorian"]
_HIJRI: dict[str, Any] = _DATA["hijri"]
_GUARDS: dict[str, Any] = _DATA["guards"]

GREGORIAN_SERIES: tuple[str, ...] = ("egypt_gulf", "levant_iraq", "maghreb")
GREGORIAN: Mapping[str, int] = _by_form({s: _GREGORIAN[s] for s in GREGORIAN_SERIES})
GREGORIAN_FORMS: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {n: tuple(f for f, m in GREGORIAN.items() if m == n) for n in range(1, MONTHS_IN_YEAR + 1)}
)
GREGORIAN_EN: tuple[str, ...] = tuple(_GREGORIAN["english"])
GREGORIAN_ERA_MARKERS: tuple[str, ...] = tuple(_GREGORIAN["era_markers"])
HIJRI: Mapping[str, int] = _by_form({"forms": _HIJRI["forms"]})
HIJRI_EN: tuple[str, ...] = tuple(_HIJRI["english"])
HIJRI_ERA_MARKERS: tuple[str, ...] = tuple(_HIJRI["era_markers"])
NEED_DAY_OR_YEAR: frozenset[str] = frozenset(_GUARDS["day_or_year"])
MONTH_CUES: tuple[str, ...] = tuple(_GUARDS["month_cues"])
NEED_YEAR: frozenset[str] = frozenset(_GUARDS["year_only"])
