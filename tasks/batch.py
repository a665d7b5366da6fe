"""One batch of raw files → Parquet part files, as a plain function: the stages of ``CHAIN`` in order.

Each stage declares what it requires and provides (tasks/stages.py); the extract flow checks ``CHAIN``
once at start and ``process_batch`` runs exactly that chain, so the order that was checked is the order
that runs. Between stages a batch is a list of typed
``DocAnalysis`` values (tasks/document.py), one per document.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tasks.commitments import stage as commitments_stage
from tasks.commitments.stage import find_commitments
from tasks.document import DocAnalysis, QuarantineRecord
from tasks.entities import stage as entities_stage
from tasks.entities.stage import link_entities
from tasks.errors import IltizamError, IngestError, ModelError
from tasks.ingest import stage as ingest_stage
from tasks.ingest.precheck import content_problem
from tasks.ingest.reader import Document, ingest_file, shown_path
from tasks.nlp import analyse as nlp_stage
from tasks.nlp.analyse import analyse_documents
from tasks.nlp.models import ModelConfig, get_pipeline, model_version
from tasks.stages import Stage, check_chain
from tasks.store import stage as store_stage
from tasks.store.incremental import BatchResult, BatchSpec, FileInfo, part_key
from tasks.store.stage import batch_rows, write_part
from tasks.versions import pipeline_version

CHAIN: tuple[Stage, ...] = (
    ingest_stage.STAGE, nlp_stage.STAGE, entities_stage.STAGE, commitments_stage.STAGE, store_stage.STAGE
)
"""The pipeline of every batch, in order (the extract flow checks it at start: check_batch_chain)."""


MIN_PARALLEL_BYTES = 100_000
"""Below this much new text a run stays in the flow's process: a worker process costs ~3 s more than
analysing in place (spawn, imports; the model loads either way), which two workers win back only on
some 6 s of stanza work (~100 kB of Arabic news on this machine)."""


def file_bytes(member: FileInfo) -> int:
    """A file's size: the text volume stanza's time follows (characters would need every file decoded)."""
    try:
        return os.stat(member.path).st_size
    except OSError:
        return 0


def workers_for(batches: Sequence[BatchSpec], workers: int) -> int:
    """How many worker processes a run's batches are worth: 1 (in the flow's process) for a small input,
    which would not win back the start-up of more; else ``workers``, at most one per file."""
    members = [m for b in batches for m in b.members]
    if workers <= 1 or len(members) < 2 or sum(map(file_bytes, members)) < MIN_PARALLEL_BYTES:
        return 1
    return min(workers, len(members))


def balance_batches(batches: Sequence[BatchSpec], state_id: str, workers: int) -> list[BatchSpec]:
    """The same files (in path order) re-cut into a multiple of ``workers`` batches of about equal text
    volume, at least as many as ``batches``: a split by file count left one worker waiting for the other
    (1.56× against 1.79–1.86× by volume on two cores, issue #16). Part keys come from the members as in
    the plan, so a rerun finds these parts whatever the worker count."""
    members = [m for b in batches for m in b.members]
    if workers <= 1 or not members:
        return list(batches)
    k = min(len(members), math.ceil(len(batches) / workers) * workers)
    sizes = [max(1, file_bytes(m)) for m in members]
    cum = list(itertools.accumulate(sizes))
    total = cum[-1]
    cuts = [0]
    for j in range(1, k):
        target = total * j / k
        i = bisect.bisect_left(cum, target)  # cum[i] >= target: cut after member i or before it
        end = i + 1 if i < len(cum) and (i == 0 or cum[i] - target <= target - cum[i - 1]) else i
        end = max(cuts[-1] + 1, min(end, len(members) - (k - j)))
        cuts.append(end)
    cuts.append(len(members))
    groups = [tuple(members[a:b]) for a, b in itertools.pairwise(cuts)]
    return [BatchSpec(part_key(state_id, g), g) for g in groups]


def batch_key(paths: Sequence[str]) -> str:
    """Deterministic part-file name for a batch: a rerun over the same files overwrites, never adds."""
    return hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:16]


@dataclass
class _Batch:
    """What a batch carries from stage to stage."""

    paths: Sequence[str]
    staging: Path
    key: str
    duplicates: Mapping[str, str]
    config: ModelConfig
    analyses: list[DocAnalysis] = field(default_factory=list)
    quarantine: list[QuarantineRecord] = field(default_factory=list)
    doc_ids: dict[str, str] = field(default_factory=dict)  # every file ingest read → its doc_id
    rows: dict[str, int] = field(default_factory=dict)

    def refuse(self, path: str, sha256: str, stage: str, reason: str) -> None:
        self.quarantine.append(QuarantineRecord(shown_path(path), sha256 or None, stage, reason))


def _ingest(b: _Batch) -> None:
    """Read every file; empty, binary, undecodable, off-topic, duplicate or boilerplate-only ones go to
    quarantine with the stage that refused them."""
    seen: dict[str, str] = {}
    for p in b.paths:
        try:
            doc = ingest_file(p)
        except IngestError as exc:
            b.refuse(p, "", "ingest", exc.reason + (f" (fix: {exc.fix})" if exc.fix else ""))
            continue
        except Exception as exc:  # a reader bug on one odd file must not take the batch down
            b.refuse(p, "", "ingest", f"unexpected {type(exc).__name__}: {exc}")
            continue
        b.doc_ids[p] = doc.doc_id
        problem = content_problem(doc)
        if problem:
            b.refuse(p, doc.sha256, "content", problem)
            continue
        if p in b.duplicates:
            b.refuse(p, doc.sha256, "ingest", f"same text as {b.duplicates[p]}; kept that one")
            continue
        if doc.doc_id in seen:
            b.refuse(p, doc.sha256, "ingest", f"same text as {seen[doc.doc_id]}; kept that one")
            continue
        if not doc.segments:
            b.refuse(p, doc.sha256, "ingest", "no text left after removing web boilerplate")
            continue
        seen[doc.doc_id] = p
        b.analyses.append(DocAnalysis(doc))


def analyse_guarded(nlp: Any, docs: list[Document], quarantine: list[QuarantineRecord]) -> list[DocAnalysis]:
    """Analyse the batch at once; if stanza fails on it, retry one document at a time so one bad
    document is quarantined instead of taking the others down."""
    try:
        return analyse_documents(nlp, docs)
    except ModelError:
        raise
    except Exception:
        good: list[DocAnalysis] = []
        for d in docs:
            try:
                good += analyse_documents(nlp, [d])
            except ModelError:
                raise
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
                quarantine.append(QuarantineRecord(d.source_path, d.sha256 or None, "nlp", reason))
        return good


def _nlp(b: _Batch) -> None:
    if b.analyses:
        b.analyses = analyse_guarded(get_pipeline(b.config), [a.doc for a in b.analyses], b.quarantine)


def _entities(b: _Batch) -> None:
    if b.analyses:
        b.analyses = link_entities(b.analyses)


def _commitments(b: _Batch) -> None:
    if b.analyses:
        b.analyses = find_commitments(b.analyses)


def _store(b: _Batch) -> None:
    versions = {"model_version": model_version(b.config), "pipeline_version": pipeline_version()}
    tables = batch_rows(b.analyses, b.quarantine, versions["model_version"], versions["pipeline_version"])
    b.rows = write_part(tables, b.staging, b.key, versions)


STEPS: dict[str, Callable[[_Batch], None]] = {
    ingest_stage.STAGE.name: _ingest,
    nlp_stage.STAGE.name: _nlp,
    entities_stage.STAGE.name: _entities,
    commitments_stage.STAGE.name: _commitments,
    store_stage.STAGE.name: _store,
}
"""How each stage of ``CHAIN`` runs on a batch."""


def check_batch_chain(chain: Sequence[Stage] = CHAIN) -> None:
    """Fail before any work when the chain is miswired (a requirement no earlier stage meets) or names a
    stage this module cannot run; the extract flow calls it once at start."""
    check_chain(chain)
    missing = [s.name for s in chain if s.name not in STEPS]
    if missing:
        raise IltizamError(
            f"no batch step for stage(s) {', '.join(missing)}", fix="add them to STEPS", path="tasks/batch.py"
        )


def process_batch(
    paths: Sequence[str],
    staging: Path,
    config: ModelConfig | None = None,
    key: str | None = None,
    duplicates: Mapping[str, str] | None = None,
) -> BatchResult:
    """Ingest, analyse and write one batch as ``staging/<table>/part-<key>.parquet`` for every table; bad
    files go to the quarantine table with their stage and reason. ``duplicates`` maps a path to the file
    (of another batch) whose identical text is kept instead (tasks.store.incremental decides it run-wide).
    Returns what was written, which is what the part record is made of."""
    b = _Batch(paths, staging, key or batch_key(paths), duplicates or {}, config or ModelConfig.from_setting())
    for stage in CHAIN:
        STEPS[stage.name](b)
    return BatchResult(
        rows=b.rows,
        doc_ids=b.doc_ids,
        documents=frozenset(a.doc.source_path for a in b.analyses),
        quarantine=tuple({"path": q.path, "stage": q.stage, "reason": q.reason} for q in b.quarantine),
    )

