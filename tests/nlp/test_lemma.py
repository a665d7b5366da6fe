"""The lemma cache (tasks/nlp/lemma.py): bounded, and the same lemmas as stanza's own lemmatizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.nlp.lemma import LemmaCache

RAW = Path(__file__).resolve().parents[2] / "raw"


def test_the_cache_keeps_the_most_recently_used() -> None:
    cache = LemmaCache(size=2)
    cache.put(("في", "ADP"), "في")
    cache.put(("قال", "VERB"), "قال")
    assert cache.get(("في", "ADP")) == "في"  # now the most recent
    cache.put(("الرئيس", "NOUN"), "رئيس")
    assert len(cache) == 2
    assert cache.get(("قال", "VERB")) is None  # the least recently used went out
    assert cache.get(("في", "ADP")) == "في" and cache.get(("الرئيس", "NOUN")) == "رئيس"
    assert (cache.hits, cache.misses) == (3, 1)


@pytest.mark.slow
def test_deduplicated_cached_lemmas_equal_stanzas() -> None:
    import stanza

    from tasks.ingest.reader import ingest_file
    from tasks.nlp.lemma import install_lemma_cache
    from tasks.nlp.models import ModelConfig, build_pipeline

    docs = [ingest_file(p) for p in sorted(RAW.glob("*.txt"))]
    segments = [d.text[s.start : s.end] for d in docs for s in d.segments]
    nlp = build_pipeline(ModelConfig())

    def words() -> list[tuple[str, str, str]]:
        out = nlp([stanza.Document([], text=s) for s in segments])
        return [(w.text, w.upos, w.lemma) for d in out for s in d.sentences for w in s.words]

    bare = words()
    cache = install_lemma_cache(nlp)
    assert cache is not None
    assert words() == bare  # each (word, UPOS) once
    misses = cache.misses
    assert words() == bare  # every answer from the cache
    assert cache.misses == misses and len(cache) > 100
