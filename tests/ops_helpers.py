"""Helpers of the operations tests: a model-free batch writer, incremental updates without Prefect, and
table snapshots that compare runs over raw folders in different places."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tasks.ingest.reader import name_problem, shown_path
from tasks.nlp.models import ModelConfig
from tasks.store.incremental import (
    BatchResult,
    Plan,
    build_part,
    clean_leftovers,
    collect_garbage,
    commit,
    make_plan,
    read_part_record,
)
from tasks.store.parquet import BATCH_TABLES, read_table, to_table, write_parquet
from tasks.store.schema import TABLES

_DEFAULTS: dict[str, Any] = {"string": "", "int32": 0, "int64": 0, "bool": False, "float": 0.0, "double": 0.0,
                             "list<item: string>": ()}


def fake_batch(paths: list[str], dest: Path, key: str, duplicates: Mapping[str, str]) -> BatchResult:
    """Stands in for tasks.batch.process_batch: one document (UTF-8 text) per file, one mention and one
    commitment per document, an entity per first word shared across documents; anything else quarantined."""
    cols: dict[str, dict[str, list[Any]]] = {t: {} for t in BATCH_TABLES}
    doc_ids: dict[str, str] = {}

    def add(table: str, **row: Any) -> None:
        for k, v in row.items():
            cols[table].setdefault(k, []).append(v)

    entities: set[str] = set()
    for p in paths:
        if name_problem(p):  # as tasks.ingest.reader.ingest_file does
            add("quarantine", path=shown_path(p), sha256=None, stage="ingest", reason=name_problem(p))
            continue
        try:
            data = Path(p).read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            add("quarantine", path=p, sha256=None, stage="ingest", reason=type(exc).__name__)
            continue
        if not text.strip():
            add("quarantine", path=p, sha256=None, stage="ingest", reason="empty")
            continue
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        doc_ids[p] = doc_id
        if p in duplicates:
            add("quarantine", path=p, sha256=None, stage="ingest", reason=f"same text as {duplicates[p]}")
            continue
        word = text.split()[0]
        eid = "e:" + hashlib.sha256(word.encode()).hexdigest()[:8]
        add("documents", doc_id=doc_id, source_path=p, sha256=hashlib.sha256(data).hexdigest(), text=text)
        add("mentions", mention_id=doc_id + "-m", doc_id=doc_id, sentence_idx=0, start_char=0,
            end_char=len(word), text=word, type="PER", source="fake", entity_id=eid)  # fmt: skip
        if "commitments" in cols:
            add("commitments", commitment_id=doc_id + "-c", doc_id=doc_id)
        if "events" in cols:
            add("events", event_id=doc_id + "-c", doc_id=doc_id, source_path=p, actor_entity_ids=(eid,))
        if "commitment_parties" in cols:
            add("commitment_parties", commitment_id=doc_id + "-c", entity_id=eid, role="actor")
        if eid not in entities:
            entities.add(eid)
            add("entities", entity_id=eid, type="PER", canonical_name=word)
    for name in BATCH_TABLES:
        n = max((len(v) for v in cols[name].values()), default=0)
        for f in TABLES[name]:  # columns the fake does not care about: a default, or null where allowed
            if f.name not in cols[name]:
                cols[name][f.name] = [None if f.nullable else _DEFAULTS[str(f.type)]] * n
        write_parquet(to_table(name, cols[name]), dest / name / f"part-{key}.parquet")
    q = cols["quarantine"]
    return BatchResult(
        rows={name: len(cols[name][TABLES[name].names[0]]) for name in BATCH_TABLES},
        doc_ids=doc_ids,
        documents=frozenset(cols["documents"]["source_path"]),
        quarantine=tuple({"path": p, "stage": s, "reason": r}
                         for p, s, r in zip(q["path"], q["stage"], q["reason"], strict=True)),
    )  # fmt: skip


def update(raw: Path, out: Path, batch_size: int = 2, config: ModelConfig | None = None, **kw: Any) -> Plan:
    """One incremental run with the fake batch writer, composed like flows/extract.py (minus lock and records)."""
    clean_leftovers(out)
    plan = make_plan(raw, out, batch_size, config or ModelConfig(), **kw)
    records = {k: read_part_record(out, k) or {} for k in plan.keep}
    for spec in plan.batches:
        records[spec.key], _ = build_part(out, spec, fake_batch)
    if plan.needs_commit:
        manifest = commit(plan, records, "test")
        collect_garbage(out, manifest)
    return plan


def snapshot(out: Path, raw: Path | None = None) -> dict[str, list[str]]:
    """Every batch table's rows, sorted; paths under ``raw`` are written relative to it."""
    tables: dict[str, list[str]] = {}
    for name in BATCH_TABLES:
        rows = []
        for r in read_table(out, name).to_pylist():
            text = repr(sorted(r.items()))
            if raw is not None:
                text = text.replace(str(raw.resolve()) + "/", "<raw>/")
            rows.append(text)
        tables[name] = sorted(rows)
    return tables


def file_stats(out: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, mtime_ns, size) of every published table file and the manifest: equal means not rewritten."""
    stats = {}
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out)
        if p.is_file() and rel.parts[0] not in ("runs", ".lock") and not rel.parts[0].startswith(".parts"):
            st = p.stat()
            stats[str(rel)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return stats
