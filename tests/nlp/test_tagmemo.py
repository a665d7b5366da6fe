"""The POS tag memo (tasks/nlp/tagmemo.py): the same tag strings as stanza's own spelling, each combination
spelt once."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tasks.nlp.tagmemo import _memo, install_tag_memo


def test_each_combination_is_spelt_once_and_the_map_is_bounded() -> None:
    calls: list[Any] = []

    def spell(ids: Any) -> str:
        calls.append(ids)
        return "|".join(f"F{i}={v}" for i, v in enumerate(ids)) if isinstance(ids, list) else f"T{ids}"

    memo = _memo(spell, size=2)
    assert memo([1, 2]) == "F0=1|F1=2" and memo([1, 2]) == "F0=1|F1=2"
    assert memo(7) == "T7" and memo(7) == "T7"
    assert len(calls) == 2  # one spelling per combination
    assert memo([3]) == "F0=3"  # a third combination: the full map starts again
    assert len(memo.answers) == 1  # type: ignore[attr-defined]


def test_a_pipeline_without_a_pos_model_is_left_alone() -> None:
    assert install_tag_memo(SimpleNamespace(processors={})) == []


@pytest.mark.slow
def test_memoised_tags_equal_stanzas(seed_segments: list[str]) -> None:
    import stanza

    from tasks.nlp.models import ModelConfig, build_pipeline


    def tags(nlp: Any) -> list[tuple[Any, ...]]:
        out = nlp([stanza.Document([], text=s) for s in seed_segments])
        return [(w.text, w.upos, w.xpos, w.feats) for d in out for s in d.sentences for w in s.words]

    nlp = build_pipeline(ModelConfig())
    bare = tags(nlp)
    columns = install_tag_memo(nlp)
    assert "feats" in columns  # the bundled POS model spells its features from one id per feature
    assert tags(nlp) == bare
    assert tags(nlp) == bare  # the second time from the map
    feats = nlp.processors["pos"]._trainer.vocab["feats"]
    answers = feats.id2unit.answers
    assert {w[3] for w in bare} - {None} <= set(answers.values())  # every spelling came from the map
    assert len(answers) < len(bare) // 20  # a few dozen combinations for thousands of words
