"""The store stage: a batch's typed analyses → one Parquet part file per table.

Rows are gathered per table (``batch_rows``) and converted once, by ``tasks.store.parquet.to_table``
against the declared schema; what was written is returned as counts, so the part record is made
without reading the files back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from tasks.document import DocAnalysis, DocumentRecord, EntityRecord, QuarantineRecord
from tasks.errors import TableContractError
from tasks.stages import Stage
from tasks.store.events import batch_events
from tasks.store.parquet import BATCH_TABLES, to_table, write_parquet

STAGE = Stage(
    "store",
    requires=frozenset({"document", "sentences", "words", "mentions", "entities", "commitments", "parties"}),
    provides=frozenset({"tables"}),
    doc="one Parquet part file per table, written aside and renamed",
)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def document_record(analysis: DocAnalysis, model_version: str, pipeline_version: str) -> DocumentRecord:
    """The ``documents`` row of an analysed document (its sentence and word counts included)."""
    d = analysis.doc
    return DocumentRecord(
        doc_id=d.doc_id,
        source_path=d.source_path,
        sha256=d.sha256,
        encoding=d.encoding,
        title=d.title,
        published_date=_date(d.published_date),
        published_at=d.published_at,
        dateline_place=d.dateline_place,
        dateline_date=_date(d.dateline_date),
        agency=d.agency,
        document_date=_date(d.document_date),
        document_date_source=d.document_date_source,
        n_chars=len(d.text),
        n_sentences=len(analysis.sentences),
        n_words=len(analysis.words),
        text=d.text,
        model_version=model_version,
        pipeline_version=pipeline_version,
    )


def batch_rows(
    analyses: Sequence[DocAnalysis],
    quarantine: Sequence[QuarantineRecord],
    model_version: str,
    pipeline_version: str,
) -> dict[str, list[object]]:
    """Every batch table's rows, documents in batch order. ``entities`` holds one row per entity_id
    (the first document naming it gives the row), sorted by id so the part does not depend on order;
    ``events`` names parties from those rows (tasks/store/events.py)."""
    entities: dict[str, EntityRecord] = {}
    for a in analyses:
        for e in a.entities:
            entities.setdefault(e.entity_id, e)
    return {
        "documents": [document_record(a, model_version, pipeline_version) for a in analyses],
        "sentences": [s for a in analyses for s in a.sentences],
        "tokens": [w for a in analyses for w in a.words],
        "mentions": [m for a in analyses for m in a.mentions],
        "entities": sorted(entities.values(), key=lambda e: e.entity_id),
        "commitments": [c for a in analyses for c in a.commitments],
        "commitment_parties": [p for a in analyses for p in a.parties],
        "events": batch_events(analyses, entities, model_version, pipeline_version),
        "quarantine": list(quarantine),
    }


def write_part(
    tables: Mapping[str, Sequence[object]], staging: Path, key: str, versions: Mapping[str, str | None] | None = None
) -> dict[str, int]:
    """Write ``staging/<table>/part-<key>.parquet`` for every batch table; returns the rows of each.
    Every table gets a file, an empty one included (the commit links one file per table per part).
    ``versions`` (model_version, pipeline_version) are stamped on every row of the tables whose rows lack them."""
    missing = [t for t in BATCH_TABLES if t not in tables]
    unknown = [t for t in tables if t not in BATCH_TABLES]
    if missing or unknown:
        raise TableContractError(
            ", ".join(missing + unknown),
            f"a batch must give rows for exactly the batch tables (missing: {', '.join(missing) or '-'}; "
            f"unknown: {', '.join(unknown) or '-'})",
            "give batch_rows one entry per table of tasks/store/schema.py except runs",
        )
    for name in BATCH_TABLES:
        write_parquet(to_table(name, tables[name], stamp=versions), staging / name / f"part-{key}.parquet")
    return {name: len(tables[name]) for name in BATCH_TABLES}
