"""MWT expansion (tasks/nlp/mwt.py): the dictionary first, the model once per distinct token left; the same
words as stanza's own processor."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tasks.nlp.mwt import cacheable, install_mwt_once


def test_only_a_processor_whose_dictionary_overrides_its_model_is_changed() -> None:
    trainer = SimpleNamespace(dict_expansion=lambda word: None)
    assert cacheable(SimpleNamespace(config={"ensemble_dict": True}, _trainer=trainer))
    assert not cacheable(SimpleNamespace(config={"ensemble_dict": False}, _trainer=trainer))
    assert not cacheable(SimpleNamespace(config={"ensemble_dict": True, "dict_only": True}, _trainer=trainer))
    assert not install_mwt_once(SimpleNamespace(processors={}))


@pytest.mark.slow
def test_expansions_equal_stanzas(seed_segments: list[str]) -> None:
    import stanza

    from tasks.nlp.models import ModelConfig, build_pipeline

    def words(nlp: Any) -> list[tuple[str, ...]]:
        out = nlp([stanza.Document([], text=s) for s in seed_segments])
        return [(t.text, *(w.text for w in t.words)) for d in out for s in d.sentences for t in s.tokens]

    nlp = build_pipeline(ModelConfig())
    bare = words(nlp)
    assert install_mwt_once(nlp)  # the bundled MWT model ensembles its dictionary
    assert words(nlp) == bare
    mwt = nlp.processors["mwt"]
    multi = [t for t in bare if len(t) > 2]
    assert 0 < mwt._iltizam_mwt_calls < len({t[0] for t in multi})  # the model ran on fewer tokens than there are
