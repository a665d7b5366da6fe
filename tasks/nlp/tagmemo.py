"""Spell each combination of the POS tagger's composite tags once per worker.

The tagger predicts a word's features (and composite XPOS) as one id per feature, and stanza spells them back
into a string word by word («Case=Gen|Definite=Def|…»: a format per feature, then a join): 103,104 spellings
in 100 benchmark articles, 3 % of stanza's time under cProfile, for 96 distinct combinations. ``install_tag_memo`` makes
the vocabularies spell each combination once and answer repeats from a map. The spelling is a pure function of
the ids, so the answers are the same strings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TAG_MEMO_SIZE = 50_000
"""Id combinations kept per vocabulary (100 benchmark articles bring 96); when full, the map starts again."""

MEMO_COLUMNS = ("upos", "xpos", "feats")


def _memo(spell: Callable[[Any], Any], size: int) -> Callable[[Any], Any]:
    """``spell`` with a bounded map from the ids (a list of ids as a tuple) to its answer."""
    answers: dict[Any, Any] = {}

    def id2unit(ids: Any) -> Any:
        key = tuple(ids) if isinstance(ids, list) else ids
        answer = answers.get(key)
        if answer is None:
            answer = spell(ids)
            if len(answers) >= size:
                answers.clear()
            answers[key] = answer
        return answer

    id2unit.answers = answers  # type: ignore[attr-defined]  # for the tests
    return id2unit


def install_tag_memo(pipeline: Any, size: int = TAG_MEMO_SIZE) -> list[str]:
    """Give the POS model's composite vocabularies that spell a string (stanza's ``CompositeVocab`` with a
    separator) the memoised ``id2unit``; returns the columns that got it."""
    from stanza.models.common.vocab import CompositeVocab

    processor = getattr(pipeline, "processors", {}).get("pos")
    vocab = getattr(getattr(processor, "_trainer", None), "vocab", None)
    done: list[str] = []
    for column in MEMO_COLUMNS:
        try:
            v = vocab[column] if vocab is not None else None
        except (KeyError, TypeError):
            continue
        if isinstance(v, CompositeVocab) and v.sep is not None:
            v.id2unit = _memo(v.id2unit, size)
            done.append(column)
    return done
