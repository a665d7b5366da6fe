"""Run records: one row per run in the ``runs`` table, and the markdown summary shown in Prefect's UI."""

from __future__ import annotations

import datetime as dt
import os
import sys
import urllib.parse
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from tasks.settings import REPORT_BASE_ENV, REPORT_ROOT_ENV
from tasks.store.parquet import read_table, to_table, write_parquet
from tasks.store.schema import TABLES
from tasks.versions import pipeline_version as current_pipeline_version

if TYPE_CHECKING:
    from tasks.store.incremental import Plan

RUNS_FILE = Path("runs") / "runs.parquet"


def new_run_id(started: dt.datetime) -> str:
    """Sortable and unique: UTC start time plus a random suffix."""
    return f"{started.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


@dataclass
class RunRecord:
    run_id: str
    started_at: dt.datetime
    flow_run_id: str | None = None
    ended_at: dt.datetime | None = None
    status: str = "running"
    message: str | None = None
    raw: str | None = None
    batch_size: int | None = None
    new_files: int = 0
    changed_files: int = 0
    deleted_files: int = 0
    skipped_files: int = 0
    requeued_files: int = 0
    documents_added: int = 0
    quarantined_added: int = 0
    mentions_added: int = 0
    commitments_added: int | None = None
    documents: int | None = None
    quarantined: int | None = None
    mentions: int | None = None
    commitments: int | None = None
    tables_rewritten: bool = False
    model_version: str | None = None
    pipeline_version: str = field(default_factory=current_pipeline_version)
    seconds: float | None = None
    quarantine_rows: list[dict[str, Any]] = field(default_factory=list)  # this run's, for the summary only

    def __post_init__(self) -> None:
        if "commitments" in TABLES and self.commitments_added is None:
            self.commitments_added = 0

    def finish(self, status: str, message: str) -> None:
        self.ended_at = dt.datetime.now(dt.UTC)
        self.seconds = round((self.ended_at - self.started_at).total_seconds(), 2)
        self.status = status
        self.message = message

    def add_plan(self, plan: Plan) -> None:
        self.raw = plan.raw
        self.new_files, self.changed_files, self.deleted_files = len(plan.new), len(plan.changed), len(plan.deleted)
        self.skipped_files, self.requeued_files = len(plan.skipped), len(plan.requeued)

    def add_part(self, part: Mapping[str, Any]) -> None:
        self.add_part_rows(part["rows"])
        self.quarantine_rows.extend(part.get("quarantine", []))

    @staticmethod
    def part_line(part: Mapping[str, Any], reused: bool) -> str:
        rows = part["rows"]
        counts = [f"{rows.get(t, 0)} {t}" for t in ("documents", "mentions", "commitments") if t in rows]
        counts.append(f"{rows.get('quarantine', 0)} quarantined")
        how = "finished by an interrupted run, reused" if reused else f"{part.get('seconds', 0):.1f} s"
        return f"{', '.join(counts)} ({how})"

    def record_failure(self, out: Path) -> None:
        """Best effort: a failed run's row (the disk may be what failed)."""
        try:
            append_run(out, self)
        except Exception as exc:
            print(f"warning: could not record the failed run in {out}/runs ({exc})", file=sys.stderr)

    def add_part_rows(self, rows: Mapping[str, int]) -> None:
        self.documents_added += rows.get("documents", 0)
        self.quarantined_added += rows.get("quarantine", 0)
        self.mentions_added += rows.get("mentions", 0)
        if "commitments" in TABLES:
            self.commitments_added = (self.commitments_added or 0) + rows.get("commitments", 0)

    def set_totals(self, sums: Mapping[str, int]) -> None:
        self.documents = sums.get("documents")
        self.quarantined = sums.get("quarantine")
        self.mentions = sums.get("mentions")
        self.commitments = sums.get("commitments")

    def row(self) -> dict[str, Any]:
        """The ``runs`` row: every field but this run's quarantine rows (for the summary only). Not fitted
        to the schema here: to_table refuses a field the schema lacks or a column the record lacks."""
        d = asdict(self)
        del d["quarantine_rows"]
        order = {name: i for i, name in enumerate(TABLES["runs"].names)}  # the table's order, unknown ones last
        return dict(sorted(d.items(), key=lambda kv: order.get(kv[0], len(order))))


def crashed_run(left: Mapping[str, Any], found_by: str) -> RunRecord:
    """The ``runs`` row of a run that was killed while it held the output folder (what it left in the lock
    file, tasks/store/lock.py): status ``crashed``, no end time (unknown)."""
    try:
        started = dt.datetime.fromisoformat(left["since"])
    except (KeyError, TypeError, ValueError):
        started = dt.datetime.now(dt.UTC)
    record = RunRecord(left.get("run_id") or new_run_id(started), started, left.get("flow_run_id"))
    record.status = "crashed"
    record.message = (
        f"crashed: the run (pid {left.get('pid')} on {left.get('host', '?')}) ended without finishing (killed, "
        f"e.g. kill -9, out of memory or power loss); found by run {found_by}, which redid its work"
    )
    return record


def append_run(out: Path, record: RunRecord) -> None:
    """Append the run's row: the runs table is rewritten aside and renamed (it is small)."""
    path = out / RUNS_FILE
    old = read_table(out, "runs")
    new = to_table("runs", {k: [v] for k, v in record.row().items()})
    write_parquet(pa.concat_tables([old, new]), path)


def _cell(v: Any) -> str:
    return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")


def report_href(report: Path) -> str:
    """Where the UI can open the report: its http:// address while ``flows.serve`` serves the output folder
    holding it on 127.0.0.1 (``REPORT_BASE_ENV``), else its file:// address (a browser on this machine)."""
    page = Path(report).resolve()
    base, root = os.environ.get(REPORT_BASE_ENV, "").strip(), os.environ.get(REPORT_ROOT_ENV, "").strip()
    if base and root and page.is_relative_to(Path(root).resolve()):
        rel = page.relative_to(Path(root).resolve()).as_posix()
        return base.rstrip("/") + "/" + urllib.parse.quote(rel)
    return page.as_uri()


def key_figures(record: RunRecord) -> list[dict[str, Any]]:
    """The run's figures as rows (Prefect table artifact): what the run added and what the tables hold now."""
    return [
        {"table": name, "added": added, "total": total}
        for name, added, total in (
            ("documents", record.documents_added, record.documents),
            ("mentions", record.mentions_added, record.mentions),
            ("commitments", record.commitments_added, record.commitments),
            ("quarantine", record.quarantined_added, record.quarantined),
        )
    ]


def summary_markdown(record: RunRecord, out: Path, max_quarantine: int = 25, report: Path | None = None) -> str:
    """The run as a markdown table (Prefect artifact), with this run's quarantined files and, when given, a
    link to the report page (``report_href``: http:// while flows.serve serves it, else file://)."""
    rows: Sequence[tuple[str, Any]] = [
        ("status", record.status),
        ("message", record.message),
        ("run id", record.run_id),
        ("flow run id", record.flow_run_id),
        ("started / ended (UTC)", f"{record.started_at:%Y-%m-%d %H:%M:%S} / "
                                  f"{record.ended_at:%H:%M:%S}" if record.ended_at else record.started_at),
        ("seconds", record.seconds),
        ("raw folder", record.raw),
        ("output folder", str(out)),
        ("new / changed / deleted files", f"{record.new_files} / {record.changed_files} / {record.deleted_files}"),
        ("unchanged files skipped", record.skipped_files),
        ("unchanged files re-analysed with a changed batch", record.requeued_files),
        ("documents / quarantined / mentions / commitments added",
         f"{record.documents_added} / {record.quarantined_added} / {record.mentions_added} / "
         f"{_cell(record.commitments_added)}"),
        ("tables now: documents / quarantined / mentions / commitments",
         f"{_cell(record.documents)} / {_cell(record.quarantined)} / {_cell(record.mentions)} / "
         f"{_cell(record.commitments)}"),
        ("tables rewritten", "yes" if record.tables_rewritten else "no (nothing changed)"),
        ("models", record.model_version),
        ("pipeline", record.pipeline_version),
    ]  # fmt: skip
    lines = ["# iltizam extract run", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {_cell(v)} |" for k, v in rows]
    if report is not None:
        uri = report_href(report).replace("(", "%28").replace(")", "%29")
        lines.append(f"| report | [{_cell(report)}]({uri}) |")
    if record.quarantine_rows:
        lines += ["", f"## Quarantined in this run ({len(record.quarantine_rows)})", "",
                  "| file | stage | reason |", "|---|---|---|"]  # fmt: skip
        for q in record.quarantine_rows[:max_quarantine]:
            lines.append(f"| {_cell(Path(q['path']).name)} | {_cell(q['stage'])} | {_cell(q['reason'])} |")
        if len(record.quarantine_rows) > max_quarantine:
            lines.append(f"| … {len(record.quarantine_rows) - max_quarantine} more | | |")
    lines += ["", f"All quarantined files: `{out}/quarantine/*.parquet`; every run: `{out}/runs/runs.parquet`."]
    return "\n".join(lines) + "\n"
