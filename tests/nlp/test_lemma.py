"""The lemma cache (tasks/nlp/lemma.py): bounded, and the same lemmas as stanza's own lemmatizer."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tasks.nlp.lemma import SEED_FILE, LemmaCache, install_lemma_cache, read_seed, write_seed
from tasks.nlp.models import BUNDLED_DIR, BUNDLED_FILES


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
def test_deduplicated_cached_lemmas_equal_stanzas(seed_segments: list[str]) -> None:
    import stanza

    from tasks.nlp.models import ModelConfig, build_pipeline

    nlp = build_pipeline(ModelConfig())

    def words() -> list[tuple[str, str, str]]:
        out = nlp([stanza.Document([], text=s) for s in seed_segments])
        return [(w.text, w.upos, w.lemma) for d in out for s in d.sentences for w in s.words]

    bare = words()
    cache = install_lemma_cache(nlp)
    assert cache is not None
    assert words() == bare  # each (word, UPOS) once
    misses = cache.misses
    assert words() == bare  # every answer from the cache
    assert cache.misses == misses and len(cache) > 100

    # a fresh cache filled with the shipped seed answers as stanza does
    nlp = build_pipeline(ModelConfig())
    seed = read_seed(BUNDLED_DIR, BUNDLED_DIR / BUNDLED_FILES["lemma"][0])
    cache = install_lemma_cache(nlp, seed=seed)
    assert cache is not None and len(cache) == len(seed)
    assert words() == bare
    assert cache.hits > cache.misses  # most answers came from the seed


def test_a_seed_is_read_back_in_order_and_only_for_its_own_model(tmp_path: Path) -> None:
    model = tmp_path / "lemma.pt"
    model.write_bytes(b"one lemma model")
    answers = [(("والرئيس", "NOUN"), "رئيس"), (("بكين", "PROPN"), "بكين"), (("،", None), "،")]
    assert write_seed(tmp_path / SEED_FILE, model, answers) == 3
    assert read_seed(tmp_path, model) == answers
    model.write_bytes(b"a retrained lemma model")  # its answers could differ: the seed is ignored
    assert read_seed(tmp_path, model) == []
    assert read_seed(tmp_path / "elsewhere", model) == []


def test_the_shipped_seed_belongs_to_the_shipped_lemma_model() -> None:
    # a retrained lemma model needs `python -m tasks.build.lemma_seed` again, or every worker starts cold
    seed = read_seed(BUNDLED_DIR, BUNDLED_DIR / BUNDLED_FILES["lemma"][0])
    assert len(seed) > 10_000
    assert all(word and lemma for (word, _upos), lemma in seed)


def test_a_seed_fills_the_cache_up_to_its_bound() -> None:
    trainer = SimpleNamespace(has_contextual_lemmatizers=lambda: False)
    pipeline = SimpleNamespace(processors={"lemma": SimpleNamespace(use_identity=False, config={}, trainer=trainer)})
    seed = [(("في", "ADP"), "في"), (("قال", "VERB"), "قال"), (("الرئيس", "NOUN"), "رئيس")]
    cache = install_lemma_cache(pipeline, size=2, seed=seed)
    assert cache is not None and len(cache) == 2 and (cache.hits, cache.misses) == (0, 0)
    assert cache.get(("في", "ADP")) == "في" and cache.get(("الرئيس", "NOUN")) is None  # the most frequent first
