"""Compute each distinct word's character representation once, and remember it across calls in a worker.

The POS tagger and the NER model each read every word through a character LSTM (stanza's ``CharacterModel``)
whose output for a word depends on that word's characters only, not on its sentence. stanza still runs it once
per running word: in 100 news articles, 33,791 words of which 7,511 distinct, and the POS model's character
LSTM (400 hidden units) was 18 % of stanza's time. ``install_char_cache`` makes both models run it once per
distinct word and keep the vectors in a bounded table for the following batches of the same worker.

The vectors are the model's own; stanza's do not depend on a word's sentence either, only (in the last bits
of a float) on which other words share its batch, as with any batched call: the tables are compared in the
tests and the benchmark as for every other speed change (issue #16).
"""

from __future__ import annotations

import threading
import types
from typing import Any

CHAR_CACHE_WORDS = 8_000
"""Distinct words a worker keeps per model (8,000 × 400 floats, 13 MB, for POS; half that for NER): about what
one batch of 100 news articles brings (7,500), so a batch's own repeats are hits; when full, the table starts
again empty, and a worker's memory does not grow with the text it has read. Benchmark peak RSS of 1,000
articles against 200: 1.11 with 60,000 words, 1.10 with 12,000 (1.08 without the cache)."""

CACHED_PROCESSORS = ("pos", "ner")


class CharCache:
    """Word (as the model's character ids) → row of a preallocated table of the model's vectors."""

    def __init__(self, size: int = CHAR_CACHE_WORDS) -> None:
        self.size = size
        self.rows: dict[tuple[int, ...], int] = {}
        self.table: Any = None  # torch tensor (size, dim), made on the first call
        self.hits = self.misses = 0
        self.clears = 0  # times the table was full and started again
        self.lock = threading.Lock()  # threads that share the pipeline take turns with the table

    def __len__(self) -> int:
        return len(self.rows)

    def clear(self) -> None:
        self.rows.clear()
        self.clears += 1


def cacheable(model: Any) -> bool:
    """A model whose character part is stanza's ``CharacterModel`` (the POS tagger's and the NER model's when
    they use no character language model); ``_forward`` uses the cache in inference only."""
    from stanza.models.common.char_model import CharacterModel

    return isinstance(getattr(model, "charmodel", None), CharacterModel)


def _word_vectors(charmodel: Any, chars: Any, wordlens: list[int]) -> Any:
    """stanza's ``CharacterModel.forward`` up to the per-word vectors (rows in the order given, longest first),
    without the regrouping into sentences."""
    import torch
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

    embs = charmodel.dropout(charmodel.char_emb(chars))
    batch = embs.size(0)
    layers = charmodel.num_dir * charmodel.args["char_num_layers"]
    hidden = charmodel.args["char_hidden_dim"]
    output = charmodel.charlstm(
        pack_padded_sequence(embs, wordlens, batch_first=True), wordlens,
        hx=(charmodel.charlstm_h_init.expand(layers, batch, hidden).contiguous(),
            charmodel.charlstm_c_init.expand(layers, batch, hidden).contiguous()),
    )  # fmt: skip
    if charmodel.attn:
        reps = output[0]
        weights = torch.sigmoid(charmodel.char_attn(charmodel.dropout(reps.data)))
        padded, _ = pad_packed_sequence(PackedSequence(reps.data * weights, reps.batch_sizes), batch_first=True)
        return padded.sum(1)
    h, _c = output[1]
    return h[-2:].transpose(0, 1).contiguous().view(batch, -1)


def _forward(self: Any, chars: Any, chars_mask: Any, word_orig_idx: Any, sentlens: Any, wordlens: Any) -> Any:
    """``CharacterModel.forward`` with the LSTM run only for words not in the cache (in inference only: a model
    in training or with gradients on takes stanza's own way)."""
    import torch

    if self.training or torch.is_grad_enabled():
        return self._iltizam_forward(chars, chars_mask, word_orig_idx, sentlens, wordlens)
    with self._iltizam_char_cache.lock:
        return _cached_forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)


def _first_rows(keys: list[tuple[int, ...]], cached: dict[tuple[int, ...], int]) -> dict[tuple[int, ...], int]:
    """Each word of the call that is not cached → its first row in the call."""
    new: dict[tuple[int, ...], int] = {}
    for r, k in enumerate(keys):
        if k not in cached:
            new.setdefault(k, r)
    return new


def _cached_forward(self: Any, chars: Any, chars_mask: Any, word_orig_idx: Any, sentlens: Any, wordlens: Any) -> Any:
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    cache: CharCache = self._iltizam_char_cache
    lens = [int(n) for n in wordlens]
    keys = [tuple(row[:n]) for row, n in zip(chars.tolist(), lens, strict=True)]
    new = _first_rows(keys, cache.rows)
    if len(cache.rows) + len(new) > cache.size:
        cache.clear()
        new = _first_rows(keys, cache.rows)
        if len(new) > cache.size:  # more distinct words in one call than the table holds: stanza's own way
            return self._iltizam_forward(chars, chars_mask, word_orig_idx, sentlens, wordlens)
    cache.misses += len(new)
    cache.hits += len(keys) - len(new)
    if new:
        rows = list(new.values())  # ascending, so still longest first as pack_padded_sequence wants
        vectors = _word_vectors(self, chars[rows][:, : lens[rows[0]]], [lens[r] for r in rows])
        if cache.table is None:
            cache.table = vectors.new_empty((cache.size, vectors.size(1)))
        start = len(cache.rows)
        cache.table[start : start + len(rows)] = vectors
        for i, k in enumerate(new):
            cache.rows[k] = start + i
    res = cache.table.index_select(0, torch.tensor([cache.rows[k] for k in keys], dtype=torch.long))
    # the rest as stanza does it: words back in sentence order, one packed sequence of sentences
    res = tensor_unsort(res, word_orig_idx)
    res = pack_sequence(res.split(sentlens))
    if self.pad:
        res = pad_packed_sequence(res, batch_first=True)[0]
    return res


def install_char_cache(pipeline: Any, size: int = CHAR_CACHE_WORDS) -> dict[str, CharCache]:
    """Give the character model of ``pipeline``'s POS and NER models the caching ``forward``; returns the caches
    by processor name (none for a model whose character part is another kind)."""
    caches: dict[str, CharCache] = {}
    for name in CACHED_PROCESSORS:
        processor = getattr(pipeline, "processors", {}).get(name)
        trainer = getattr(processor, "_trainer", None)
        model = getattr(trainer, "model", None)
        if model is None or not cacheable(model):
            continue
        charmodel = model.charmodel
        cache = CharCache(size)
        charmodel._iltizam_char_cache = cache
        charmodel._iltizam_forward = charmodel.forward
        charmodel.forward = types.MethodType(_forward, charmodel)
        caches[name] = cache
    return caches
