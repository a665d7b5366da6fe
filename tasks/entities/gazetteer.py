"""A gazetteer of cities for place names the statistical NER tags (GPE/LOC) but the curated KB does not know.

The run time reads only ``kb/gazetteer.tsv.gz``; ``python -m tasks.build.gazetteer`` builds it from GeoNames (what
goes in and why: that module's docstring). Keys are ``tasks.text.keys.alias_key``; entity ids are ``gn:<geonameid>``.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

KB_DIR = Path(__file__).resolve().parents[2] / "kb"
DEFAULT_PATH = KB_DIR / "gazetteer.tsv.gz"
HEADER = ("key", "geonameid", "name", "country", "population", "ambiguous")

NOUN_MIN = 20
"""A one-word surface used this often both with and without «ال» in the news lexicon is a noun, not a name."""


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country: str
    population: int

    @property
    def entity_id(self) -> str:
        return f"gn:{self.geonameid}"


@dataclass(frozen=True)
class Gazetteer:
    """Alias key → place; keys whose runner-up city is comparable in size map to None."""

    places: Mapping[str, Place | None]

    def __len__(self) -> int:
        return len(self.places)

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def lookup(self, key: str) -> Place | None:
        """The city named by an alias key (``tasks.text.keys.alias_key``), also tried without a leading «ال».

        None when unknown or ambiguous (an ambiguous key does not fall back to its article-less form)."""
        if key in self.places:
            return self.places[key]
        if key.startswith("ال"):
            return self.places.get(key[2:])
        return None


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    """The gazetteer at path (default kb/gazetteer.tsv.gz), parsed once per process and path."""
    places: dict[str, Place | None] = {}
    lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n")
    for line in lines[1:]:
        if not line:
            continue
        key, gid, name, country, population, ambiguous = line.split("\t")
        places[key] = None if ambiguous == "1" else Place(int(gid), name, country, int(population))
    return Gazetteer(places)


