"""Expand with the MWT model only the multi-word tokens its dictionary does not know, each once per call.

stanza's MWT processor runs its seq2seq model on every multi-word token of a call («وقال», «بالصين», …) and, with
``ensemble_dict`` on (the bundled model's setting), then replaces the model's answer by the dictionary's for every
token the dictionary knows: that model work is thrown away, and a token seen a hundred times is expanded a
hundred times. ``install_mwt_once`` makes the processor ask its dictionary first and run the model once per
distinct token left; the answers are stanza's (the dictionary's where it knows the token, the model's for the
same characters otherwise; the model reads a token's characters alone).
"""

from __future__ import annotations

import types
from typing import Any


def cacheable(processor: Any) -> bool:
    """A processor whose dictionary overrides its model (``ensemble_dict``) and that has a model to run."""
    config = getattr(processor, "config", {})
    return bool(config.get("ensemble_dict", False)) and not config.get("dict_only", False) \
        and hasattr(getattr(processor, "_trainer", None), "dict_expansion")  # fmt: skip


def _process(self: Any, document: Any) -> Any:
    """``MWTProcessor.process`` with the model run only for distinct tokens the dictionary does not know."""
    import torch

    batch = self.build_batch(document)
    tokens = batch.doc.get_mwt_expansions(evaluation=True)
    known = [self.trainer.dict_expansion(t) for t in tokens]
    first: dict[str, int] = {}  # a token the dictionary lacks → its first sample
    for i, (token, expansion) in enumerate(zip(tokens, known, strict=True)):
        if expansion is None:
            first.setdefault(token, i)
    by_token: dict[str, Any] = {}
    if first:
        # the loader's samples are the tokens in order; keep one per token the model must expand (the character
        # vocabulary stays the one built from every token, as stanza's)
        batch.data = [batch.data[i] for i in first.values()]
        batch.num_examples = len(batch.data)
        predicted: list[Any] = []
        with torch.no_grad():
            for b in batch.to_loader():
                predicted += self.trainer.predict(b, never_decode_unk=True, vocab=batch.vocab)
        by_token = dict(zip(first, predicted, strict=True))
    expansions = [k if k is not None else by_token[t] for t, k in zip(tokens, known, strict=True)]
    batch.doc.set_mwt_expansions(expansions, process_manual_expanded=False)
    self._iltizam_mwt_calls = getattr(self, "_iltizam_mwt_calls", 0) + len(first)
    return batch.doc


def install_mwt_once(pipeline: Any) -> bool:
    """Give ``pipeline``'s MWT processor the dictionary-first ``process``; False when it has none this applies to."""
    processor = getattr(pipeline, "processors", {}).get("mwt")
    if processor is None or not cacheable(processor):
        return False
    processor.process = types.MethodType(_process, processor)
    return True
