"""Run the pipeline over a folder of raw articles: ``python -m flows.extract --raw raw --out processed``.

Incremental and idempotent (tasks/store/incremental.py): only new or changed files are analysed, a rerun with
nothing new rewrites nothing. One run at a time per output folder (tasks/store/lock.py). Runs on Prefect's
temporary local server unless PREFECT_API_URL points at a real one (see flows/serve.py).

Exit codes: 0 the run completed (quarantined files are counted in its last line, not failures);
1 the run failed (models, disk, settings: the message says which and how to fix it);
75 another run kept the output folder busy longer than --lock-timeout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prefect import flow, get_client, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.states import Completed, Crashed
from prefect.utilities.annotations import quote

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from flows.report import report_task
from flows.runlog import say
from tasks.batch import CHAIN, balance_batches, check_batch_chain, process_batch, workers_for
from tasks.errors import LockBusy
from tasks.nlp.models import ModelConfig, model_version
from tasks.prefect_server import guard_temporary_server, without_heartbeats
from tasks.runners import (
    SettingTaskRunner,
    add_runner_option,
    parse_runner,
    release_memory,
    share_api_with_workers,
)
from tasks.settings import PROJECT_ROOT
from tasks.store.incremental import (
    BatchSpec,
    Plan,
    build_part,
    clean_leftovers,
    collect_garbage,
    commit,
    load_manifest,
    make_plan,
    read_part_record,
    totals,
)
from tasks.store.lock import RunLock
from tasks.store.runs import (
    RunRecord,
    append_run,
    crashed_run,
    key_figures,
    new_run_id,
    report_href,
    summary_markdown,
)

ARTIFACT_KEY = "iltizam-extract-run"
FIGURES_KEY = "iltizam-extract-figures"  # the same run's rows added and totals, as a table artifact


@task(name="plan", cache_policy=NONE)
def plan_task(raw: str, out: str, batch_size: int, models: str, allow_empty_raw: bool) -> Plan:
    return make_plan(Path(raw), Path(out), batch_size, ModelConfig.from_setting(models), allow_empty_raw)


@task(name="process-batch", cache_policy=NONE)
def process_batch_task(out: str, spec: BatchSpec, models: str) -> tuple[dict[str, Any], bool]:
    config = ModelConfig.from_setting(models)
    try:
        return build_part(
            Path(out), spec, lambda paths, dest, key, dups: process_batch(paths, dest, config, key=key, duplicates=dups)
        )
    finally:
        release_memory()


@task(name="commit", cache_policy=NONE)
def commit_task(plan: Plan, records: dict[str, dict[str, Any]], run_id: str) -> dict[str, Any]:
    return commit(plan, records, run_id)


@task(name="record-run", cache_policy=NONE)
def record_run_task(out: str, record: RunRecord) -> None:
    append_run(Path(out), record)


def _report(out: str) -> Path | None:
    """The report page of the published tables; the tables stand even if it cannot be drawn."""
    try:
        return Path(report_task(out))
    except Exception as exc:
        say(f"warning: could not render the report ({exc}); retry: python -m flows.report --out {out}",
            file=sys.stderr)
        return None


def _record_crashed(out: Path, crashed: RunRecord) -> None:
    """A run killed while it held the lock: its row in ``runs`` and its Prefect state Crashed (it stayed
    Running: a killed process reports nothing). Best effort: this run's own work comes first."""
    say(f"the previous run {crashed.run_id} was killed before it finished; recorded as crashed", file=sys.stderr)
    crashed.record_failure(out)
    if not crashed.flow_run_id:
        return
    try:
        with get_client(sync_client=True) as client:
            state = client.read_flow_run(crashed.flow_run_id).state
            if state is None or not state.is_final():
                client.set_flow_run_state(crashed.flow_run_id, Crashed(message=crashed.message), force=True)
    except Exception as exc:  # another server, or the run was deleted: the runs table has it
        say(f"warning: could not mark flow run {crashed.flow_run_id} Crashed ({exc})", file=sys.stderr)


def _summary(r: RunRecord, out: str) -> str:
    commitments = "" if r.commitments_added is None else f", {r.commitments_added} commitments"
    return (
        f"{r.new_files} new, {r.changed_files} changed, {r.deleted_files} deleted, {r.skipped_files} unchanged "
        f"files; added {r.documents_added} documents, {r.mentions_added} mentions{commitments}; "
        f"{r.quarantined_added} quarantined ({r.quarantined} in {out}/quarantine); "
        + ("tables rewritten" if r.tables_rewritten else "nothing to do, tables untouched")
    )


@flow(name="extract", task_runner=SettingTaskRunner())
def extract(
    raw: str = str(PROJECT_ROOT / "raw"),
    out: str = str(PROJECT_ROOT / "processed"),
    batch_size: int = 100,
    models: str = "bundled",
    lock_timeout: float = 600.0,
    allow_empty_raw: bool = False,
) -> dict[str, Any]:
    """Raw Arabic articles → documents, sentences, tokens, mentions, entities, commitments, quarantine
    and runs tables, updated incrementally."""
    started = dt.datetime.now(dt.UTC)
    record = RunRecord(new_run_id(started), started, flow_run.get_id(), raw=raw, batch_size=batch_size)
    out_p = Path(out)
    with RunLock(out_p, timeout=lock_timeout, flow_run_id=record.flow_run_id, run_id=record.run_id) as lock:
        if lock.crashed:
            _record_crashed(out_p, crashed_run(lock.crashed, record.run_id))
        try:
            check_batch_chain(CHAIN)  # a miswired stage chain fails here, before any file is touched
            clean_leftovers(out_p)
            record.model_version = model_version(ModelConfig.from_setting(models))
            plan = plan_task(raw, out, batch_size, models, allow_empty_raw)
            record.add_plan(plan)
            runner = parse_runner()
            workers = workers_for(plan.batches, runner.local_workers or 1)
            if workers > 1:  # one batch per worker at a time, all of about the same text volume
                plan.batches = balance_batches(plan.batches, plan.state_id, workers)
            say(f"plan: {plan.describe()}")
            records = {k: read_part_record(out_p, k) or {} for k in plan.keep}
            results: Iterator[tuple[dict[str, Any], bool]]
            if runner.local_workers and workers == 1:
                # a small input: called, not submitted, so no worker process is started (tasks/runners.py)
                where = "in the flow's process" + (" (small input)" if runner.local_workers > 1 else "")
                results = (process_batch_task(out, spec, models) for spec in plan.batches)
            else:  # submitted together: the task runner (--runner / ILTIZAM_RUNNER) decides where and how many
                where = f"on {workers} worker processes ({runner.kind})" if workers > 1 else runner.description
                with share_api_with_workers():
                    futures = [process_batch_task.submit(out, spec, models) for spec in plan.batches]
                results = (f.result() for f in futures)
            if plan.batches:
                say(f"analysing {len(plan.batches)} batch(es) {where}")
            for i, (spec, (part, reused)) in enumerate(zip(plan.batches, results, strict=True), 1):
                records[spec.key] = part
                record.add_part(part)
                say(f"batch {i}/{len(plan.batches)}: {len(spec.members)} files → " + record.part_line(part, reused))
            manifest = commit_task(quote(plan), quote(records), record.run_id) if plan.needs_commit else None
            record.tables_rewritten = manifest is not None
            manifest = manifest or load_manifest(out_p)
            record.set_totals(totals(manifest))
            collect_garbage(out_p, manifest)
            record.finish("completed", _summary(record, out))
            record_run_task(out, record)
            # a run that changed nothing rewrites nothing, the report included (unless it is missing)
            page = out_p / "report" / "index.html"
            report = _report(out) if record.tables_rewritten or not page.exists() else page
        except BaseException as exc:
            record.finish("failed", f"{type(exc).__name__}: {exc}")
            record.record_failure(out_p)
            raise
    try:
        create_markdown_artifact(
            summary_markdown(record, out_p, report=report),
            key=ARTIFACT_KEY,
            description=f"extract run {record.run_id}",
        )
        create_table_artifact(key_figures(record), key=FIGURES_KEY,
                              description=f"extract run {record.run_id}: rows added and table totals")  # fmt: skip
    except Exception as exc:  # the tables are committed; a missing summary in the UI is not a failure
        say(f"warning: could not create the run summary artifact ({exc})", file=sys.stderr)
    say(f"done in {record.seconds} s: {record.message} → {out_p}/<table>/*.parquet"
        + (f"; report: {report_href(report)}" if report else ""))
    return Completed(message=record.message, data=record.row())  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", default=str(PROJECT_ROOT / "raw"), help="folder of raw article files")
    ap.add_argument("--out", default=str(PROJECT_ROOT / "processed"), help="output folder for Parquet tables")
    ap.add_argument("--batch-size", type=int, default=100, help="documents per task (and per part file)")
    ap.add_argument("--models", default="bundled", help="bundled (default), a models folder, or stanza:<resources dir>")
    ap.add_argument("--lock-timeout", type=float, default=600.0, help="seconds to wait for a run already writing --out")
    ap.add_argument("--allow-empty-raw", action="store_true", help="let an empty raw folder empty every table")
    add_runner_option(ap)
    args = ap.parse_args(argv)
    guard_temporary_server()  # a kill -9 of this process must not leave Prefect's temporary server running
    with without_heartbeats():
        state = extract(
            raw=args.raw,
            out=args.out,
            batch_size=args.batch_size,
            models=args.models,
            lock_timeout=args.lock_timeout,
            allow_empty_raw=args.allow_empty_raw,
            return_state=True,
        )
    if state.is_completed():
        return 0
    exc = state.result(raise_on_failure=False)
    print(f"extract {state.name.lower()}: {exc}", file=sys.stderr)
    return 75 if isinstance(exc, LockBusy) else 1


if __name__ == "__main__":
    sys.exit(main())
