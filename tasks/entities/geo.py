"""GeoNames facts of the places the linker names: geonames_id, a point and the first-level division.

The run time reads only ``kb/geo.tsv.gz``, keyed by entity id (KB ids and the gazetteer's ``gn:<geonameid>``);
``python -m tasks.build.geo`` builds it from GeoNames (which entities get which facts and why: that module's
docstring). GeoNames data is CC BY 4.0 (kb/README.md).
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from tasks.entities.gazetteer import KB_DIR

GEO_PATH = KB_DIR / "geo.tsv.gz"
HEADER = ("entity_id", "geonames_id", "latitude", "longitude", "admin1", "match")
GEO_TYPES = frozenset({"GPE", "LOC"})
"""Only places carry geo facts; every other entity type has them null."""


@dataclass(frozen=True, slots=True)
class GeoFacts:
    geonames_id: int
    latitude: float | None  # WGS84 degrees; None where GeoNames gives the feature no single point (countries)
    longitude: float | None
    admin1: str | None  # GeoNames' admin1 key «<ISO2>.<code>» (CN.22 = Beijing), None where unknown


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


@lru_cache(maxsize=4)
def load_geo(path: Path = GEO_PATH) -> Mapping[str, GeoFacts]:
    """Entity id → its GeoNames facts, from ``path`` (``#`` lines are the header comment), parsed once per path."""
    facts: dict[str, GeoFacts] = {}
    lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n")
    rows = [line for line in lines if line and not line.startswith("#")]
    for line in rows[1:]:
        eid, gid, lat, lon, admin1, _match = line.split("\t")
        facts[eid] = GeoFacts(int(gid), _float(lat), _float(lon), admin1 or None)
    return MappingProxyType(facts)


def geo_of(entity_id: str, entity_type: str, path: Path = GEO_PATH) -> GeoFacts | None:
    """The GeoNames facts of a GPE/LOC entity, None for other types and for places GeoNames was not matched to."""
    return load_geo(path).get(entity_id) if entity_type in GEO_TYPES else None
