"""The character cache (tasks/nlp/charreps.py): the POS tags, features, lemmas and model entities stanza gives
without it, each distinct word's characters read once."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tasks.nlp.charreps import CACHED_PROCESSORS, CharCache, cacheable, install_char_cache


def test_a_model_without_stanzas_character_model_is_left_alone() -> None:
    assert not cacheable(SimpleNamespace(charmodel=None))
    assert not cacheable(SimpleNamespace())
    pipeline = SimpleNamespace(processors={"pos": SimpleNamespace(_trainer=SimpleNamespace(model=SimpleNamespace()))})
    assert install_char_cache(pipeline) == {}
    assert len(CharCache(size=3)) == 0


@pytest.mark.slow
def test_cached_character_vectors_give_stanzas_answers(seed_segments: list[str]) -> None:
    import stanza

    from tasks.nlp.models import ModelConfig, build_pipeline


    def answers(nlp: Any) -> list[tuple[Any, ...]]:
        out = nlp([stanza.Document([], text=s) for s in seed_segments])
        words = [(w.text, w.upos, w.xpos, w.feats, w.lemma) for d in out for s in d.sentences for w in s.words]
        return words + [(e.text, e.type, e.start_char) for d in out for e in d.ents]

    nlp = build_pipeline(ModelConfig())
    bare = answers(nlp)
    caches = install_char_cache(nlp)
    assert set(caches) == set(CACHED_PROCESSORS)  # the bundled POS and NER models read characters with it
    assert answers(nlp) == bare
    seen = {name: (c.misses, len(c)) for name, c in caches.items()}
    assert all(misses > 100 and misses == size for misses, size in seen.values())  # each distinct word once
    assert answers(nlp) == bare  # the second time every word comes from the table
    assert {name: (c.misses, len(c)) for name, c in caches.items()} == seen
    assert all(c.hits > c.misses for c in caches.values())

    # a table too small for the text starts again empty when full; a call with more distinct words than it holds
    # is left to stanza's own way: the answers stay the same
    half = min(size for _misses, size in seen.values()) // 2
    nlp = build_pipeline(ModelConfig())
    small = install_char_cache(nlp, size=half)
    assert answers(nlp) == bare
    assert all(c.clears > 0 and len(c) <= half for c in small.values())
    nlp = build_pipeline(ModelConfig())
    tiny = install_char_cache(nlp, size=1)
    assert answers(nlp) == bare
    assert all(len(c) == 0 for c in tiny.values())
