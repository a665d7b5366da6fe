"""Typed, cached access to the entity knowledge base (kb/entities.jsonl + kb/offices.json).

Lookup keys come from tasks.text.keys.alias_key (tasks.text.normalize.normalize + whitespace/dash folding), so a scanner
that builds candidate spans must key them the same way. Short forms of person names (شي، لي، بوتين) are kept out of
the default lookup: they are ambiguous and only safe inside a document that already named the person in full.
"""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from tasks.entities import constants as C
from tasks.text.keys import alias_key, alias_words

KB_DIR = Path(__file__).resolve().parents[2] / "kb"
DEFAULT_PATH = KB_DIR / "entities.jsonl"

MatchKind = Literal["alias", "abbreviation", "nisba", "short"]
# when one key is both an alias and a nisba of the same entity (مالي), report the most name-like kind
_KIND_PRIORITY: dict[str, int] = {"alias": 0, "abbreviation": 1, "nisba": 2, "short": 3}


def _parse_date(value: str | None, *, end: bool) -> date | None:
    """ISO date with reduced precision allowed: a start 'YYYY-MM' means its first day, an end its last day."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == C.DAY_PRECISION_PARTS:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else (C.LAST_MONTH if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return date(year, month, day)


@dataclass(frozen=True)
class Tenure:
    """One term in an office; both ends inclusive, end None = still in office."""

    office: str
    country: str | None
    org: str | None
    start: date | None
    end: date | None
    dates_unknown: bool = False

    def covers(self, on_date: date) -> bool:
        """True when the dates are curated and on_date falls inside the term."""
        if self.dates_unknown or self.start is None:
            return False
        return self.start <= on_date and (self.end is None or on_date <= self.end)


@dataclass(frozen=True)
class Entity:
    """One knowledge-base entity; fields mirror a line of kb/entities.jsonl."""

    entity_id: str
    type: str
    subtype: str | None
    canonical: str
    name_ar: str
    aliases_ar: tuple[str, ...] = ()
    short_aliases_ar: tuple[str, ...] = ()
    nisba_ar: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    iso_code: str | None = None
    wikidata_id: str | None = None
    country: str | None = None
    offices: tuple[Tenure, ...] = ()
    ambiguous_ar: tuple[str, ...] = ()
    body_kind: str | None = None
    source: str | None = None

    @classmethod
    def from_json(cls, d: dict) -> Entity:
        tenures = tuple(
            Tenure(
                office=t["office"],
                country=t.get("country"),
                org=t.get("org"),
                start=_parse_date(t.get("start"), end=False),
                end=_parse_date(t.get("end"), end=True),
                dates_unknown=bool(t.get("dates_unknown", False)),
            )
            for t in d.get("offices", [])
        )
        return cls(
            entity_id=d["entity_id"],
            type=d["type"],
            subtype=d.get("subtype"),
            canonical=d["canonical"],
            name_ar=d["name_ar"],
            aliases_ar=tuple(d.get("aliases_ar", [])),
            short_aliases_ar=tuple(d.get("short_aliases_ar", [])),
            nisba_ar=tuple(d.get("nisba_ar", [])),
            abbreviations=tuple(d.get("abbreviations", [])),
            iso_code=d.get("iso_code"),
            wikidata_id=d.get("wikidata_id"),
            country=d.get("country"),
            offices=tenures,
            ambiguous_ar=tuple(d.get("ambiguous_ar", [])),
            body_kind=d.get("body_kind"),
            source=d.get("source"),
        )


@dataclass(frozen=True)
class Match:
    """A lookup hit: the entity, which list the surface came from, and whether it is also an ordinary word."""

    entity: Entity
    kind: MatchKind
    key: str
    ambiguous: bool

    @property
    def entity_id(self) -> str:
        return self.entity.entity_id


@dataclass(frozen=True)
class Office:
    """A title from kb/offices.json: Arabic forms and the roles that let queries span naming differences."""

    office_id: str
    en: str
    scope: str
    roles: tuple[str, ...]
    ar: tuple[str, ...]
    ar_feminine: tuple[str, ...]


@dataclass(frozen=True)
class GenericBody:
    """A head noun such as «وزارة الخارجية» that names a different body in every state (see body())."""

    body_kind: str
    en: str
    heads_ar: tuple[str, ...]
    construct_ar: tuple[str, ...]
    every_state: bool = True  # False: only the states the KB curates one for have it (a senate)


@dataclass
class KnowledgeBase:
    """Entities by id plus the indexes the pipeline needs: surface key → matches, offices, state bodies."""

    entities: dict[str, Entity]
    offices: list[Office] = field(default_factory=list)
    generic_bodies: list[GenericBody] = field(default_factory=list)
    max_alias_words: int = 0
    _index: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    _office_index: dict[str, list[Office]] = field(default_factory=dict, repr=False)
    _offices_by_id: dict[str, Office] = field(default_factory=dict, repr=False)
    _by_iso: dict[str, Entity] = field(default_factory=dict, repr=False)
    _bodies: dict[tuple[str, str], Entity] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, dict[str, Match]] = defaultdict(dict)
        longest = 0
        for entity in self.entities.values():
            ambiguous = {alias_key(s) for s in entity.ambiguous_ar}
            lists: list[tuple[MatchKind, tuple[str, ...]]] = [
                ("alias", entity.aliases_ar),
                ("abbreviation", entity.abbreviations),
                ("nisba", entity.nisba_ar),
                ("short", entity.short_aliases_ar),
            ]
            for kind, surfaces in lists:
                for surface in surfaces:
                    key = alias_key(surface)
                    if not key:
                        continue
                    longest = max(longest, alias_words(surface))
                    known = index[key].get(entity.entity_id)
                    if known is None or _KIND_PRIORITY[kind] < _KIND_PRIORITY[known.kind]:
                        index[key][entity.entity_id] = Match(entity, kind, key, key in ambiguous)
            if entity.iso_code:
                self._by_iso[entity.iso_code] = entity
            if entity.body_kind and entity.country:
                self._bodies[(entity.body_kind, entity.country)] = entity
        self._index = {k: sorted(v.values(), key=lambda m: m.entity.entity_id) for k, v in index.items()}
        self.max_alias_words = longest
        for office in self.offices:
            self._offices_by_id[office.office_id] = office
            for form in (*office.ar, *office.ar_feminine):
                self._office_index.setdefault(alias_key(form), []).append(office)

    def lookup(self, surface: str, *, include_short: bool = False) -> list[Match]:
        """Entities whose alias, abbreviation or nisba has the same key as surface (clitics must be removed first).

        Short person forms are only returned with include_short=True (for in-document coreference)."""
        matches = self._index.get(alias_key(surface), [])
        return [m for m in matches if include_short or m.kind != "short"]

    def lookup_entities(self, surface: str, *, include_short: bool = False) -> list[Entity]:
        """lookup() without the match details."""
        return [m.entity for m in self.lookup(surface, include_short=include_short)]

    def office(self, office_id: str) -> Office | None:
        return self._offices_by_id.get(office_id)

    def subtype(self, entity_id: str) -> str | None:
        """The KB subtype of an entity («militant_group», «company», «newspaper»); None for one the KB does not hold."""
        ent = self.entities.get(entity_id)
        return ent.subtype if ent is not None else None

    def lookup_office(self, surface: str) -> list[Office]:
        """Offices one of whose Arabic title forms has this key («وزير الخارجية» → foreign_minister ...)."""
        return list(self._office_index.get(alias_key(surface), []))

    def country(self, iso_code: str) -> Entity | None:
        """The sovereign-state entity for an ISO 3166-1 alpha-2 code."""
        return self._by_iso.get(iso_code.upper())

    def body(self, body_kind: str, country_iso: str) -> Entity | None:
        """The state body a generic head names in a country: body('mfa', 'CN') → the Chinese foreign ministry."""
        return self._bodies.get((body_kind, country_iso.upper()))

    def office_holders(self, office_id: str, country_iso: str, on_date: date | datetime | str) -> list[Entity]:
        """Everyone holding the office (or an office with that role) for the state or organisation on that date.

        country_iso is an ISO2 code for state offices or an entity id (Q1065 for the UN) for organisations.
        Most recent start first, so the successor wins on a hand-over day."""
        day = _as_date(on_date)
        scope = country_iso.upper() if len(country_iso) == 2 else country_iso
        hits: list[tuple[date, Entity]] = []
        for entity in self.entities.values():
            for t in entity.offices:
                if t.country != scope and t.org != scope:
                    continue
                if t.office != office_id and office_id not in self._roles(t.office):
                    continue
                if t.covers(day) and t.start is not None:
                    hits.append((t.start, entity))
        hits.sort(key=lambda h: (h[0], h[1].entity_id), reverse=True)
        holders: dict[str, Entity] = {}
        for _, entity in hits:
            holders.setdefault(entity.entity_id, entity)
        return list(holders.values())

    def office_holder(self, office_id: str, country_iso: str, on_date: date | datetime | str) -> Entity | None:
        """The holder of an office on a date (see office_holders), or None when the KB does not know."""
        holders = self.office_holders(office_id, country_iso, on_date)
        return holders[0] if holders else None

    def _roles(self, office_id: str) -> tuple[str, ...]:
        office = self._offices_by_id.get(office_id)
        return office.roles if office else ()


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[: C.ISO_DATE_LEN])


def read_kb(path: Path) -> KnowledgeBase:
    """Parse entities.jsonl and the offices.json beside it (uncached; load_kb caches)."""
    entities: dict[str, Entity] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                entity = Entity.from_json(json.loads(line))
                entities[entity.entity_id] = entity
    offices: list[Office] = []
    bodies: list[GenericBody] = []
    offices_path = path.parent / "offices.json"
    if offices_path.exists():
        doc = json.loads(offices_path.read_text(encoding="utf-8"))
        offices = [
            Office(o["office_id"], o["en"], o["scope"], tuple(o["roles"]), tuple(o["ar"]), tuple(o["ar_feminine"]))
            for o in doc["offices"]
        ]
        bodies = [
            GenericBody(b["body_kind"], b["en"], tuple(b["heads_ar"]), tuple(b["construct_ar"]),
                        b.get("every_state", True))
            for b in doc["generic_bodies"]
        ]
    return KnowledgeBase(entities=entities, offices=offices, generic_bodies=bodies)


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> KnowledgeBase:
    return read_kb(path)


def load_kb(path: Path | str | None = None) -> KnowledgeBase:
    """The knowledge base at path (default kb/entities.jsonl), parsed once per process and path."""
    return _load_cached(Path(path or DEFAULT_PATH).resolve())
