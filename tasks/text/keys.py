"""Lookup keys shared by the KB and gazetteer builders and the run-time linker, so a surface keyed at build time
meets the same surface keyed in an article («قاسم - جومارت» and «قاسم-جومارت»)."""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.text.normalize import normalize

DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")
EDGE_PUNCT = "#.,،؛;:!?؟«»\"'()[]{} \t\n"
HASHTAG_JOINER = "_"  # «#دونالد_ترمب»: the words of a hashtag, keyed as the name they spell


@lru_cache(maxsize=65536)
def alias_key(surface: str) -> str:
    """normalize, whitespace (and a hashtag's «_») collapsed, dashes joined, edge punctuation stripped.

    Cached: the same surfaces are keyed by the builder's dedupe, its ambiguity check and the loader's index."""
    return key_of_normalized(normalize(surface))


@lru_cache(maxsize=65536)
def key_of_normalized(norm: str) -> str:
    """alias_key of an already normalised text: alias_key(x) == key_of_normalized(normalize(x)). Cached: the
    entity layer keys every word and word run of a document, a third of a million keys per 100 articles, most
    of them repeats."""
    return DASHES.sub("-", " ".join(norm.replace(HASHTAG_JOINER, " ").strip(EDGE_PUNCT).split()))


def alias_words(surface: str) -> int:
    """How many tokens a scanner needs for this alias when dashes are split into their own tokens."""
    return len(DASHES.sub(" - ", normalize(surface)).split())
