"""A cache in front of stanza: each segment's annotation stored as small JSON, keyed by its text.

Stanza is 88 % of a run, and rules over its output are what changes from one experiment to the next. With
stanza's answers kept on disk, a rerun (an evaluation, a rule test) re-runs only the entity and commitment
layers: ``CachedPipeline`` has the call shape ``analyse`` uses (a list of ``stanza.Document`` in, the same list
annotated out), answers hits from the store, sends the misses to the real pipeline in ONE call (so stanza's
batches still fill) and loads that pipeline only when there is a miss.

Two stores:
- ``FolderStore``: one JSON file per segment, ``<folder>/<sha256 of the text>.json`` (the evaluation cache,
  ``work/nlp-cache/<model_version>/``: a new model never reads another model's output);
- ``BundleStore``: a few JSON files holding many segments each, read whole (the frozen test fixtures in
  ``tests/fixtures/nlp/``, one file per test module, keyed on the text only, so they need no model files).

A segment is stored as ``Document.to_dict()`` (one token or word per line) and rebuilt with
``stanza.Document(sentences, text=...)``, which also rebuilds the entities from the BIOES ``ner`` tags. Every
store checks that the rebuilt document gives back everything ``tasks.nlp.analyse`` reads (``signature``)
before writing, so a cached answer is never different from the model's.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from tasks.errors import NlpCacheError, NlpCacheMiss

Entry = dict[str, Any]  # {"text": str, "sentences": [[token or word dict, ...], ...]}
FORMAT = 1


def text_key(text: str) -> str:
    """The cache key of a segment: the sha256 of its text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_folder_name(version: str, processors: str) -> str:
    """A folder name for one model version (and processor set, when not the default)."""
    from tasks.nlp.models import DEFAULT_PROCESSORS

    name = version if processors == DEFAULT_PROCESSORS else f"{version}+{processors.replace(',', '+')}"
    return "".join(c if c.isalnum() or c in "._:+-" else "_" for c in name)


# ---------------------------------------------------------------------------------------------
# Document ⇄ entry
# ---------------------------------------------------------------------------------------------


def to_entry(doc: Any) -> Entry:
    """A stanza Document as plain JSON data; ``multi_ner`` is left out when it only repeats ``ner``."""
    sentences = []
    for sent in doc.sentences:
        rows = []
        for row in sent.to_dict():
            row = dict(row)
            if isinstance(row.get("id"), tuple):
                row["id"] = list(row["id"])
            if "multi_ner" in row and list(row["multi_ner"]) == [row.get("ner")]:
                del row["multi_ner"]
            rows.append(row)
        if rows:
            sentences.append(rows)
    return {"text": doc.text, "sentences": sentences}


def from_entry(entry: Mapping[str, Any]) -> Any:
    """The stanza Document of an entry: MWT range ids back to tuples, ``multi_ner`` restored, entities
    rebuilt from the ``ner`` tags (stanza does it when the text is given)."""
    import stanza

    sentences = []
    for rows in entry["sentences"]:
        sent = []
        for row in rows:
            row = dict(row)
            if isinstance(row.get("id"), list):
                row["id"] = tuple(row["id"])
            if "ner" in row and "multi_ner" not in row:
                row["multi_ner"] = [row["ner"]]
            sent.append(row)
        sentences.append(sent)
    return stanza.Document(sentences, text=entry["text"])


def signature(doc: Any) -> tuple[Any, ...]:
    """Everything ``tasks.nlp.analyse`` reads from a document, as comparable data."""
    sents = []
    for sent in doc.sentences:
        if not sent.tokens:
            continue
        tokens = tuple(
            (
                tok.text, tok.start_char, tok.end_char, tok.ner,
                tuple((w.text, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel) for w in tok.words),
            )
            for tok in sent.tokens
        )  # fmt: skip
        ents = tuple((e.type, e.start_char, e.end_char, e.text) for e in (getattr(sent, "ents", None) or []))
        sents.append((tokens, ents))
    return (doc.text, tuple(sents))


def checked_entry(doc: Any) -> Entry:
    """``to_entry`` of a model's document, verified to rebuild it exactly (through JSON and back)."""
    entry = to_entry(doc)
    again = from_entry(json.loads(json.dumps(entry, ensure_ascii=False)))
    if signature(again) != signature(doc):
        raise NlpCacheError(
            "the stored form does not rebuild stanza's output exactly (not cached)",
            fix="teach to_entry/from_entry (tasks/nlp/cache.py) the field stanza's output has and they miss",
            sentence=doc.text,
        )
    return entry


# ---------------------------------------------------------------------------------------------
# JSON layout: one token or word per line, so a fixture reads (and diffs) like CoNLL-U
# ---------------------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def format_sentences(sentences: Sequence[Sequence[Mapping[str, Any]]], indent: str) -> str:
    """``[[row, ...], ...]`` with one row per line."""
    if not sentences:
        return "[]"
    inner = indent + " "
    blocks = ["[\n" + ",\n".join(inner + " " + _dumps(row) for row in rows) + "\n" + inner + "]" for rows in sentences]
    return "[\n" + ",\n".join(inner + b for b in blocks) + "\n" + indent + "]"


def format_entry(entry: Mapping[str, Any], header: Mapping[str, Any] | None = None, indent: str = "") -> str:
    """One segment as a JSON object: header fields, its text, then its sentences row by row."""
    fields = [*(header or {}).items(), ("text", entry["text"])]
    inner = indent + " "
    lines = [f"{inner}{_dumps(k)}: {_dumps(v)}" for k, v in fields]
    lines.append(f'{inner}"sentences": ' + format_sentences(entry["sentences"], inner))
    return "{\n" + ",\n".join(lines) + "\n" + indent + "}"


def _write_atomic(path: Path, text: str) -> None:
    """Written aside and renamed: a reader (another thread, a killed run) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# Stores
# ---------------------------------------------------------------------------------------------


class SegmentStore(Protocol):
    def get(self, key: str) -> Entry | None: ...

    def put(self, entries: Mapping[str, Entry]) -> None: ...


class FolderStore:
    """One JSON file per segment, named by its key: safe for threads and processes sharing the folder."""

    def __init__(self, folder: Path, header: Mapping[str, Any] | None = None) -> None:
        self.folder = Path(folder)
        self.header = dict(header or {})

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None  # absent, or unreadable (then it is analysed and written again)
        return data if isinstance(data, dict) and "sentences" in data else None

    def put(self, entries: Mapping[str, Entry]) -> None:
        for key, entry in entries.items():
            _write_atomic(self.path(key), format_entry(entry, {"format": FORMAT, **self.header}) + "\n")


def read_bundle(path: Path) -> dict[str, Entry]:
    """The segments of one bundle file, by key (recomputed from each text, so a hand edit cannot lie)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {text_key(e["text"]): e for e in data.get("segments", [])}


def format_bundle(header: Mapping[str, Any], entries: Iterable[Entry]) -> str:
    """A bundle: its header fields, then ``"segments"``, each a text and its sentences row by row."""
    lines = [f" {_dumps(k)}: {_dumps(v)}" for k, v in header.items()]
    segs = [" " + format_entry(e, indent=" ") for e in entries]
    lines.append(' "segments": [\n' + ",\n".join(segs) + "\n ]" if segs else ' "segments": []')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_bundle(path: Path, header: Mapping[str, Any], entries: Iterable[Entry]) -> None:
    text = format_bundle(header, list(entries))
    json.loads(text)  # the hand-made layout must stay valid JSON
    _write_atomic(path, text)


class BundleStore:
    """Frozen fixtures: every ``*.json`` bundle of a folder is read; new answers go to ``bundle``.

    ``readable`` limits lookups to some bundle names (a test module reads its own file only, so each
    file is complete on its own). ``used`` records, in order, every entry asked for or added, so a
    recording can rewrite its bundle with exactly what its tests need (``save``)."""

    def __init__(
        self, folder: Path, bundle: str | None = None, readable: Sequence[str] | None = None,
        header: Mapping[str, Any] | None = None,
    ) -> None:  # fmt: skip
        self.folder = Path(folder)
        self.bundle = bundle
        self.header = dict(header or {})
        names = sorted(p.stem for p in self.folder.glob("*.json")) if readable is None else list(readable)
        self.entries: dict[str, Entry] = {}
        for name in names:
            path = self.folder / f"{name}.json"
            if path.is_file():
                self.entries.update(read_bundle(path))
        self.used: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            with self._lock:
                self.used.setdefault(key, entry)
        return entry

    def put(self, entries: Mapping[str, Entry]) -> None:
        with self._lock:
            self.entries.update(entries)
            for k, e in entries.items():
                self.used.setdefault(k, e)

    def save(self) -> Path | None:
        """Rewrite ``bundle`` with the entries used, in the order of use (nothing used: file removed)."""
        if self.bundle is None:
            return None
        path = self.folder / f"{self.bundle}.json"
        if not self.used:
            path.unlink(missing_ok=True)
            return None
        write_bundle(path, self.header, self.used.values())
        return path


# ---------------------------------------------------------------------------------------------
# The pipeline
# ---------------------------------------------------------------------------------------------


class CachedPipeline:
    """Stanza's call shape over a store: hits rebuilt from JSON, misses to ``loader()`` in one call.

    ``loader`` returns the real pipeline and is called only on a miss; without one (frozen fixtures)
    a miss raises ``NlpCacheMiss`` with ``miss_hint`` (how to record the missing answers)."""

    def __init__(self, store: SegmentStore, loader: Callable[[], Any] | None = None, miss_hint: str = "") -> None:
        self.store = store
        self.loader = loader
        self.miss_hint = miss_hint
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def __call__(self, docs: Sequence[Any]) -> list[Any]:
        import stanza

        if isinstance(docs, stanza.Document | str):
            raise TypeError("CachedPipeline takes a list of stanza.Document, as tasks.nlp.analyse passes")
        texts = [d.text for d in docs]
        keys = [text_key(t) for t in texts]
        out: list[Any] = [None] * len(docs)
        missing: dict[str, str] = {}  # key → text, first occurrence order
        for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
            entry = self.store.get(key)
            if entry is not None and entry.get("text") == text:
                out[i] = from_entry(entry)
            else:
                missing.setdefault(key, text)
        with self._lock:
            self.hits += len(docs) - sum(1 for k in keys if k in missing)
            self.misses += len(missing)
        if missing:
            fresh = self._analyse(missing)
            for i, key in enumerate(keys):
                if out[i] is None:
                    out[i] = fresh[key]
        return out

    def _analyse(self, missing: Mapping[str, str]) -> dict[str, Any]:
        """The misses through the real pipeline in one call, stored once verified."""
        import stanza

        if self.loader is None:
            texts = list(missing.values())
            shown = "\n".join(f"  «{t[:120]}»" for t in texts[:5])
            raise NlpCacheMiss(
                f"no stored stanza output for {len(missing)} segment(s):\n{shown}",
                fix=self.miss_hint or "give CachedPipeline a loader (the real models) to analyse and store them",
                path=getattr(self.store, "folder", None),
                sentence=texts[0],
            )
        nlp = self.loader()
        docs = nlp([stanza.Document([], text=t) for t in missing.values()])
        fresh = dict(zip(missing, docs, strict=True))
        self.store.put({k: checked_entry(d) for k, d in fresh.items()})
        return fresh
