"""Parquet output: one folder per table, part files written aside and renamed into place."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.ingest import Document
from tasks.schema import TABLES


def to_table(name: str, columns: Mapping[str, Sequence[Any]]) -> pa.Table:
    """Columns → Arrow table with the declared schema (an empty batch still gets every column)."""
    schema = TABLES[name]
    data = {f.name: list(columns.get(f.name, [])) for f in schema}
    n = max((len(v) for v in data.values()), default=0)
    for f in schema:
        if not data[f.name] and n:
            data[f.name] = [None] * n
    return pa.Table.from_pydict(data, schema=schema)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write beside the target, fsync, then rename: readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def document_columns(
    docs: Sequence[Document], per_doc: Mapping[str, tuple[int, int]], model_version: str, pipeline_version: str
) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {f.name: [] for f in TABLES["documents"]}
    for d in docs:
        n_sent, n_words = per_doc.get(d.doc_id, (0, 0))
        row = {
            "doc_id": d.doc_id,
            "source_path": d.source_path,
            "sha256": d.sha256,
            "encoding": d.encoding,
            "title": d.title,
            "published_date": _date(d.published_date),
            "published_at": d.published_at,
            "dateline_place": d.dateline_place,
            "dateline_date": _date(d.dateline_date),
            "agency": d.agency,
            "n_chars": len(d.text),
            "n_sentences": n_sent,
            "n_words": n_words,
            "text": d.text,
            "model_version": model_version,
            "pipeline_version": pipeline_version,
        }
        for k, v in row.items():
            cols[k].append(v)
    return cols


def compact_entities(staging: Path) -> None:
    """Batches each write the entities they saw; one row per entity_id is kept (first by id order)."""
    folder = staging / "entities"
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return
    table = pa.concat_tables([pq.read_table(f, schema=TABLES["entities"]) for f in files])
    seen: set[str] = set()
    keep = []
    for i, eid in enumerate(table.column("entity_id").to_pylist()):
        if eid not in seen:
            seen.add(eid)
            keep.append(i)
    table = table.take(pa.array(keep, type=pa.int64())).sort_by("entity_id")
    write_parquet(table, folder / "entities.parquet.new")
    for f in files:
        f.unlink()
    os.replace(folder / "entities.parquet.new", folder / "entities.parquet")


def publish(staging: Path, out: Path) -> None:
    """Swap every finished table folder from ``staging`` into ``out``.

    Each table is renamed into place as a whole, so a reader never sees rows of two runs mixed.
    """
    compact_entities(staging)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        new = staging / name
        if not new.exists():
            continue
        target = out / name
        old = out / f".old-{name}-{uuid.uuid4().hex[:8]}"
        if target.exists():
            os.replace(target, old)
        os.replace(new, target)
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def read_table(out: Path, name: str) -> pa.Table:
    """Read a table back with its declared schema (used by tests and the evaluate flow)."""
    folder = out / name
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return TABLES[name].empty_table()
    return pa.concat_tables([pq.read_table(f, schema=TABLES[name]) for f in files])
