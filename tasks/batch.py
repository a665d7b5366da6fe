"""One batch of raw files → Parquet part files: ingest → nlp → store, as a plain function."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tasks import PIPELINE_VERSION
from tasks.commitments.tagger import tag_commitments
from tasks.entities.resolve import EntityRow, entity_columns, resolve_columns
from tasks.errors import IngestError, ModelError
from tasks.ingest.precheck import content_problem
from tasks.ingest.reader import Document, ingest_file
from tasks.nlp.analyse import MENTION_COLS, SENT_COLS, TOKEN_COLS, Analysed, analyse
from tasks.nlp.models import ModelConfig, get_pipeline, model_version
from tasks.store.parquet import document_columns, to_table, write_parquet


@dataclass
class BatchSummary:
    batch_key: str
    documents: int = 0
    sentences: int = 0
    words: int = 0
    mentions: int = 0
    commitments: int = 0
    quarantined: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def batch_key(paths: Sequence[str]) -> str:
    """Deterministic part-file name for a batch: a rerun over the same files overwrites, never adds."""
    return hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:16]


def _merge(parts: Sequence[Analysed]) -> Analysed:
    merged = Analysed({c: [] for c in SENT_COLS}, {c: [] for c in TOKEN_COLS}, {c: [] for c in MENTION_COLS})
    for p in parts:
        for attr in ("sentences", "tokens", "mentions"):
            target = getattr(merged, attr)
            for k, v in getattr(p, attr).items():
                target[k].extend(v)
        merged.per_doc.update(p.per_doc)
    return merged


def analyse_guarded(nlp: Any, docs: list[Document], quarantine: list[tuple[str, str, str, str]]) -> tuple[
    Analysed, list[Document]
]:
    """Analyse the batch at once; if stanza fails on it, retry one document at a time so one bad
    document is quarantined instead of taking the others down."""
    try:
        return analyse(nlp, docs), docs
    except ModelError:
        raise
    except Exception:
        good: list[Document] = []
        parts: list[Analysed] = []
        for d in docs:
            try:
                parts.append(analyse(nlp, [d]))
                good.append(d)
            except ModelError:
                raise
            except Exception as exc:
                quarantine.append((d.source_path, d.sha256, "nlp", f"{type(exc).__name__}: {exc}"))
        return _merge(parts), good


def process_batch(
    paths: Sequence[str],
    staging: Path,
    config: ModelConfig | None = None,
    key: str | None = None,
    duplicates: Mapping[str, str] | None = None,
) -> BatchSummary:
    """Ingest, analyse and write one batch as ``staging/<table>/part-<key>.parquet`` for every table; bad
    files go to the quarantine table with their stage and reason. ``duplicates`` maps a path to the file
    (of another batch) whose identical text is kept instead (tasks.store.incremental decides it run-wide)."""
    start = time.time()
    config = config or ModelConfig.from_setting()
    key = key or batch_key(paths)
    duplicates = duplicates or {}
    quarantine: list[tuple[str, str, str, str]] = []
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for p in paths:
        try:
            doc = ingest_file(p)
        except IngestError as exc:
            quarantine.append((p, "", "ingest", exc.reason + (f" (fix: {exc.fix})" if exc.fix else "")))
            continue
        except Exception as exc:  # a reader bug on one odd file must not take the batch down
            quarantine.append((p, "", "ingest", f"unexpected {type(exc).__name__}: {exc}"))
            continue
        problem = content_problem(doc)
        if problem:
            quarantine.append((p, doc.sha256, "content", problem))
            continue
        if p in duplicates:
            quarantine.append((p, doc.sha256, "ingest", f"same text as {duplicates[p]}; kept that one"))
            continue
        if doc.doc_id in seen:
            quarantine.append((p, doc.sha256, "ingest", f"same text as {seen[doc.doc_id]}; kept that one"))
            continue
        if not doc.segments:
            quarantine.append((p, doc.sha256, "ingest", "no text left after removing web boilerplate"))
            continue
        seen[doc.doc_id] = p
        docs.append(doc)

    analysed = Analysed({c: [] for c in SENT_COLS}, {c: [] for c in TOKEN_COLS}, {c: [] for c in MENTION_COLS})
    entity_rows: dict[str, EntityRow] = {}
    commitment_cols: dict[str, list[Any]] = {}
    party_cols: dict[str, list[Any]] = {}
    if docs:
        nlp = get_pipeline(config)
        analysed, docs = analyse_guarded(nlp, docs, quarantine)
        analysed.mentions, entity_rows = resolve_columns(
            docs, analysed.sentences, analysed.mentions, analysed.tokens
        )
        commitment_cols, party_cols = tag_commitments(docs, analysed.sentences, analysed.mentions, entity_rows)

    version = model_version(config)
    tables = {
        "documents": document_columns(docs, analysed.per_doc, version, PIPELINE_VERSION),
        "sentences": analysed.sentences,
        "tokens": analysed.tokens,
        "mentions": analysed.mentions,
        "entities": entity_columns(entity_rows.values()),
        "commitments": commitment_cols,
        "commitment_parties": party_cols,
        "quarantine": {
            "path": [q[0] for q in quarantine],
            "sha256": [q[1] or None for q in quarantine],
            "stage": [q[2] for q in quarantine],
            "reason": [q[3] for q in quarantine],
        },
    }
    for name, cols in tables.items():
        write_parquet(to_table(name, cols), staging / name / f"part-{key}.parquet")
    return BatchSummary(
        batch_key=key,
        documents=len(docs),
        sentences=len(analysed.sentences["doc_id"]),
        words=len(analysed.tokens["doc_id"]),
        mentions=len(analysed.mentions["doc_id"]),
        commitments=len(commitment_cols.get("commitment_id", [])),
        quarantined=len(quarantine),
        seconds=round(time.time() - start, 2),
    )
