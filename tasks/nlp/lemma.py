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

import gzip
import types
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tasks.nlp.models import file_digest

LEMMA_CACHE_SIZE = 100_000
"""(word, UPOS) answers a worker keeps; ~25 MB at most, the vocabulary of some 2,000 news articles."""

SEED_FILE = "lemma_seed.tsv.gz"
"""The model's answers for the (word, UPOS) pairs news writes most often, computed at build time
(``python -m tasks.build.lemma_seed``) and loaded into every new cache: a fresh worker starts warm. Its first
line names the sha256 of the lemma model that answered; another model ignores the file."""
SEED_HEADER = "# lemma model sha256 "


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

    def answered(self) -> Mapping[tuple[str, str | None], str]:
        """Every answer held, read-only and without touching the recency order or the counts."""
        return MappingProxyType(self._data)

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


def install_lemma_cache(
    pipeline: Any, size: int = LEMMA_CACHE_SIZE, seed: Iterable[tuple[tuple[str, str | None], str]] = ()
) -> LemmaCache | None:
    """Give ``pipeline``'s lemma processor the deduplicating, caching ``process``, its cache filled with
    ``seed`` (``read_seed``) first; returns the cache, or None when the pipeline has no lemma processor this
    applies to."""
    processor = getattr(pipeline, "processors", {}).get("lemma")
    if processor is None or not cacheable(processor):
        return None
    cache = LemmaCache(size)
    for pair, lemma in seed:
        if len(cache) >= size:
            break
        cache.put(pair, lemma)
    cache.hits = cache.misses = 0
    processor._iltizam_lemma_cache = cache
    processor.process = types.MethodType(_process, processor)
    return cache


def read_seed(models_dir: Path, lemma_model: Path) -> list[tuple[tuple[str, str | None], str]]:
    """The seed's (word, UPOS) → lemma answers in ``models_dir``, most frequent first; none when there is no
    seed or it was made by another lemma model (a retrained or official one: its answers could differ)."""
    path = models_dir / SEED_FILE
    if not path.is_file() or not lemma_model.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        if header != SEED_HEADER + file_digest(lemma_model):
            return []
        out: list[tuple[tuple[str, str | None], str]] = []
        for line in f:
            word, upos, lemma = line.rstrip("\n").split("\t")
            out.append(((word, upos or None), lemma))
    return out


def write_seed(path: Path, lemma_model: Path, answers: Iterable[tuple[tuple[str, str | None], str]]) -> int:
    """Write a seed file (header, then «word TAB upos TAB lemma» lines in the given order); returns its size in
    pairs. Byte-identical for the same answers (gzip without a timestamp)."""
    lines = [SEED_HEADER + file_digest(lemma_model)]
    lines += [f"{w}\t{u or ''}\t{lemma}" for (w, u), lemma in answers]
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    return len(lines) - 1
