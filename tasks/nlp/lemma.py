"""Lemmatise each distinct (word, UPOS) once, and remember it across calls in a long-lived process.

The Arabic lemmatizer has no contextual model: its answer depends only on the word and its UPOS (a lookup in
the training dictionary, else the seq2seq model on the word's characters and the tag). stanza still runs the
seq2seq model once per running word, so a batch's repeated words («في», «الرئيس», …) cost again every time.
``install_lemma_cache`` makes the pipeline's lemma processor send each (word, UPOS) the dictionary does not
know to the model once, and keep the answer in a bounded cache (least recently used out first) for the
following batches of the same worker; stanza's own ``lemma_store_results`` does the second part without a
bound. Lemma was 25 % of stanza's time; measured with both: 1.1–1.18× on stanza, identical tables (issue #16).
"""

from __future__ import annotations

import types
from collections import OrderedDict
from typing import Any

LEMMA_CACHE_SIZE = 100_000
"""(word, UPOS) answers a worker keeps; ~25 MB at most, the vocabulary of some 2,000 news articles."""


class LemmaCache:
    """A bounded map (word, UPOS) → lemma, least recently used out first."""

    def __init__(self, size: int = LEMMA_CACHE_SIZE) -> None:
        self.size = size
        self._data: OrderedDict[tuple[str, str | None], str] = OrderedDict()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: tuple[str, str | None]) -> str | None:
        value = self._data.get(key)
        if value is None:
            self.misses += 1
            return None
        self._data.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key: tuple[str, str | None], value: str) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.size:
            self._data.popitem(last=False)


def cacheable(processor: Any) -> bool:
    """Only a seq2seq lemmatizer whose answer depends on (word, UPOS) alone: not identity, not dictionary
    only, no contextual lemmatizer (stanza's own process runs otherwise)."""
    return (
        not getattr(processor, "use_identity", True)
        and not processor.config.get("dict_only", False)
        and not processor.trainer.has_contextual_lemmatizers()
    )


def _process(self: Any, document: Any) -> Any:
    """stanza's ``LemmaProcessor.process`` with the seq2seq model run once per new (word, UPOS)."""
    import torch
    from stanza.models.common import doc as sdoc
    from stanza.models.lemma.data import DataLoader

    trainer, config, cache = self.trainer, self.config, self._iltizam_lemma_cache
    pairs: list[tuple[str, str | None]] = [(w, p) for w, p in document.get([sdoc.TEXT, sdoc.UPOS])]
    ensemble = bool(config.get("ensemble_dict", False))
    in_dict = trainer.skip_seq2seq(pairs) if ensemble else [False] * len(pairs)
    known: dict[tuple[str, str | None], str] = {}
    skip = []  # True for every word the model need not see: in the dictionary, cached, or a repeat
    for pair, hit in zip(pairs, in_dict, strict=True):
        if hit or pair in known:
            skip.append(True)
            continue
        cached = cache.get(pair)
        if cached is not None:
            known[pair] = cached
            skip.append(True)
            continue
        known[pair] = ""  # placeholder: the model's answer comes below
        skip.append(False)
    if not all(skip):
        batch = DataLoader(document, config["batch_size"], config, vocab=self.vocab, evaluation=True, skip=skip,
                           expand_unk_vocab=True)  # fmt: skip
        preds: list[str] = []
        edits: list[Any] = []
        with torch.no_grad():
            for b in batch:
                ps, es = trainer.predict(b, config["beam_size"], batch.vocab)
                preds += ps
                if es is not None:
                    edits += es
        new = [pair for pair, s in zip(pairs, skip, strict=True) if not s]
        preds = trainer.postprocess([w for w, _ in new], preds, edits=edits or None)
        for pair, lemma in zip(new, preds, strict=True):
            known[pair] = lemma
            cache.put(pair, lemma)
    model = [known.get(pair, "") for pair in pairs]
    lemmas = trainer.ensemble(pairs, model) if ensemble else model
    # map empty string lemmas to '_', as stanza does
    document.set([sdoc.LEMMA], [max([(len(x), x), (0, "_")])[1] for x in lemmas])
    return document


def install_lemma_cache(pipeline: Any, size: int = LEMMA_CACHE_SIZE) -> LemmaCache | None:
    """Give ``pipeline``'s lemma processor the deduplicating, caching ``process``; returns its cache, or None
    when the pipeline has no lemma processor this applies to."""
    processor = getattr(pipeline, "processors", {}).get("lemma")
    if processor is None or not cacheable(processor):
        return None
    cache = LemmaCache(size)
    processor._iltizam_lemma_cache = cache
    processor.process = types.MethodType(_process, processor)
    return cache
