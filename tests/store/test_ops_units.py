"""Operations without models or Prefect: lock, content checks, fingerprints, plan/commit semantics, and a
crash injected at every file-system step of a run (the incremental protocol with a fake batch writer)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from ops_helpers import fake_batch, file_stats, snapshot, update

from tasks.errors import ConfigError, LockBusy
from tasks.ingest.precheck import content_problem, html_problem, language_problem
from tasks.ingest.reader import ingest_file
from tasks.nlp.models import ModelConfig
from tasks.settings import PROJECT_ROOT
from tasks.store.incremental import (
    CURRENT,
    MANIFEST,
    PUBLISHING,
    SNAPSHOTS,
    fingerprint,
    load_manifest,
    make_plan,
    scan,
)
from tasks.store.lock import RunLock
from tasks.store.parquet import BATCH_TABLES, read_table

RAW = PROJECT_ROOT / "raw"


def write(raw: Path, files: dict[str, str]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (raw / name).write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------- lock


def test_second_run_waits_then_stops_with_the_holders_pid(tmp_path):
    messages: list[str] = []
    with RunLock(tmp_path, timeout=5):
        start = time.monotonic()
        with pytest.raises(LockBusy) as err:
            RunLock(tmp_path, timeout=0.5, poll=0.05, notify=messages.append).acquire()
        assert time.monotonic() - start >= 0.5
    assert f"pid {os.getpid()}" in str(err.value) and "--lock-timeout" in str(err.value)
    assert len(messages) == 1 and messages[0].startswith("waiting for")


def test_waiting_run_proceeds_when_the_first_one_ends(tmp_path):
    first = RunLock(tmp_path)
    first.acquire()
    threading.Timer(0.3, first.release).start()
    messages: list[str] = []
    with RunLock(tmp_path, timeout=10, poll=0.05, notify=messages.append):
        assert messages  # it announced that it waits
    assert json.loads((tmp_path / ".lock").read_text() or "{}") == {}


def test_lock_of_a_killed_run_is_free_at_once(tmp_path):
    code = (
        f"from tasks.store.lock import RunLock; import time; RunLock({str(tmp_path)!r}).acquire(); "
        "print('held', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy):
            RunLock(tmp_path, timeout=0.2, notify=lambda m: None).acquire()
        proc.kill()  # SIGKILL: no clean-up code runs
        proc.wait()
        with RunLock(tmp_path, timeout=2):
            pass
    finally:
        proc.kill()


# --------------------------------------------------------------------------------------------- content checks


def test_samples_pass_the_content_checks():
    for p in sorted(RAW.glob("*.txt")):
        assert content_problem(ingest_file(p)) is None, p


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><head><title>خبر</title></head><body><p>نص عربي</p></body></html>",
        "<html>\n<p>قال الرئيس</p>",
        "<div>قال</div>" * 12,
        "قال الرئيس <script>var x = 1;</script> إن",
    ],
)
def test_html_is_recognised(text):
    assert html_problem(text)


def test_plain_text_with_a_stray_angle_bracket_is_not_html():
    assert html_problem("ارتفع المؤشر إلى 3 < 4 وقال <المسؤول> إن النمو مستمر") is None


def test_json_dumps_with_arabic_values_are_quarantined_as_markup():
    from tasks.ingest.reader import ingest_bytes

    article = (RAW / "000_12aa428b04c4e9a9.txt").read_text(encoding="utf-8")
    record = {"title": article.splitlines()[0], "body": article, "source": "xinhua"}
    dump = json.dumps(record, ensure_ascii=False, indent=2).encode()
    ndjson = "\n".join(json.dumps({**record, "id": i}, ensure_ascii=False) for i in range(3)).encode()
    assert content_problem(ingest_bytes(dump, "dump.json")).startswith("JSON data instead of the article's text")
    assert content_problem(ingest_bytes(ndjson, "dump.ndjson")).startswith("NDJSON data")
    assert "fix:" in content_problem(ingest_bytes(ndjson, "dump.ndjson"))
    assert content_problem(ingest_bytes(article.encode(), "a.txt")) is None


def test_a_read_only_output_folder_stops_with_what_and_how_to_fix(tmp_path, monkeypatch):
    import errno

    from tasks.errors import StoreError

    def read_only(path, *args, **kwargs):  # what a read-only mount does (root ignores chmod)
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(StoreError) as err:
        RunLock(tmp_path, timeout=1).acquire()
    assert "read-only file system" in str(err.value) and str(tmp_path) in str(err.value)
    assert "remount it read-write" in err.value.fix


def test_language_check():
    assert language_problem("قال الرئيس الصيني شي جين بينغ لوكالة Xinhua إن التعاون مع Kyrgyzstan مستمر") is None
    problem = language_problem("The president said on Monday that the talks would continue next week.")
    assert problem and problem.startswith("not Arabic: 0%") and "Latin" in problem
    assert "Cyrillic" in (language_problem("Президент заявил, что переговоры продолжатся") or "")


# --------------------------------------------------------------------------------------------- fingerprints


def test_fingerprints_never_open_pipes_or_read_huge_files(tmp_path):
    os.mkfifo(tmp_path / "pipe")  # opening it would block the run
    (tmp_path / "dir").mkdir()
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with open(tmp_path / "huge", "wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse
    (tmp_path / "a.txt").write_bytes(b"abc")
    assert fingerprint(tmp_path / "pipe")[0].startswith("special:")
    assert fingerprint(tmp_path / "dir") == ("directory", None)
    assert fingerprint(tmp_path / "dangling") == ("missing", None)
    assert fingerprint(tmp_path / "huge")[0].startswith("large:")
    fp, data = fingerprint(tmp_path / "a.txt")
    assert fp == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" and data == b"abc"


def test_identical_texts_keep_the_first_path(tmp_path):
    sample = (RAW / "000_12aa428b04c4e9a9.txt").read_bytes()
    (tmp_path / "b.txt").write_bytes(sample)
    (tmp_path / "a.txt").write_bytes(sample.replace(b"\n", b"\r\n"))  # other bytes, same text
    (tmp_path / "c.txt").write_bytes(sample)
    infos = scan(tmp_path, {})
    assert infos[str(tmp_path / "a.txt")].dup_of is None
    assert infos[str(tmp_path / "b.txt")].dup_of == infos[str(tmp_path / "c.txt")].dup_of == str(tmp_path / "a.txt")


# --------------------------------------------------------------------------------------------- plan and commit


def test_incremental_semantics(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha one", "b.txt": "beta two", "c.txt": "gamma three", "d.txt": "delta four"})
    plan = update(raw, out)
    assert len(plan.new) == 4 and len(plan.batches) == 2
    first = snapshot(out)
    assert len(first["documents"]) == 4 and len(first["entities"]) == 4

    stats = file_stats(out)
    plan = update(raw, out)  # nothing new: nothing planned, nothing written
    assert not plan.needs_commit and len(plan.skipped) == 4
    assert file_stats(out) == stats and snapshot(out) == first

    write(raw, {"a.txt": "alpha changed", "e.txt": "epsilon five"})
    (raw / "c.txt").unlink()
    plan = update(raw, out)
    names = {k: sorted(Path(p).name for p in getattr(plan, k)) for k in ("new", "changed", "deleted", "requeued")}
    assert names == {"new": ["e.txt"], "changed": ["a.txt"], "deleted": ["c.txt"], "requeued": ["b.txt", "d.txt"]}
    fresh = tmp_path / "fresh"
    update(raw, fresh)
    assert snapshot(out) == snapshot(fresh)  # exactly the tables of a run from scratch
    docs = {Path(r["source_path"]).name: r["text"] for r in read_table(out, "documents").to_pylist()}
    assert docs == {"a.txt": "alpha changed", "b.txt": "beta two", "d.txt": "delta four", "e.txt": "epsilon five"}
    manifest = load_manifest(out)
    assert manifest is not None
    assert sorted(p.name for p in (out / ".parts").iterdir()) == sorted(manifest["parts"])  # old parts collected


def test_a_copy_becomes_a_document_when_the_original_changes(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "same words", "b.txt": "same words"})
    update(raw, out, batch_size=1)
    assert [r["reason"] for r in read_table(out, "quarantine").to_pylist()] == [f"same text as {raw / 'a.txt'}"]
    write(raw, {"a.txt": "other words"})
    plan = update(raw, out, batch_size=1)
    assert [Path(p).name for p in plan.requeued] == ["b.txt"]  # unchanged bytes, new role
    assert read_table(out, "quarantine").num_rows == 0 and read_table(out, "documents").num_rows == 2


def test_new_models_or_pipeline_reanalyse_everything(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha", "b.txt": "beta"})
    update(raw, out)
    other = tmp_path / "models"
    other.mkdir()
    (other / "model_card.json").write_text("{}")
    plan = make_plan(raw, out, 2, ModelConfig(models_dir=other))
    assert len(plan.requeued) == 2 and plan.keep == []


def test_guards_against_a_wrong_or_empty_raw_folder(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha"})
    update(raw, out)
    with pytest.raises(ConfigError, match="holds the tables of"):
        make_plan(tmp_path, out, 2, ModelConfig())
    (raw / "a.txt").unlink()
    with pytest.raises(ConfigError, match="refusing to empty"):
        make_plan(raw, out, 2, ModelConfig())
    update(raw, out, allow_empty_raw=True)
    assert all(read_table(out, t).num_rows == 0 for t in BATCH_TABLES)
    assert all(list((out / t).glob("*.parquet")) for t in BATCH_TABLES)  # empty tables stay readable


def test_tables_tampered_with_are_rebuilt(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha", "b.txt": "beta", "c.txt": "gamma"})
    update(raw, out)
    before = snapshot(out)
    next((out / "mentions").glob("*.parquet")).unlink()
    plan = update(raw, out)
    assert plan.repair and not plan.batches and snapshot(out) == before
    shutil.rmtree(out / ".parts")
    plan = update(raw, out)  # the part store is gone: analysed again
    assert len(plan.requeued) == 3 and snapshot(out) == before


def test_a_damaged_part_file_is_found_and_its_batch_analysed_again(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha one", "b.txt": "beta two", "c.txt": "gamma three", "d.txt": "delta four"})
    update(raw, out)
    before = snapshot(out)
    part = sorted((out / ".parts").glob("*/documents/*.parquet"))[0]
    os.truncate(part, part.stat().st_size // 2)  # the published table file is the same inode: cut too
    plan = update(raw, out)
    assert plan.batches and len(plan.requeued) == 2  # not "nothing to do"
    assert "damaged" in plan.damaged[0]
    assert snapshot(out) == before  # analysed again and published: readable and whole
    part = sorted((out / ".parts").glob("*/mentions/*.parquet"))[-1]
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one byte changed: only the checksum sees it
    part.write_bytes(bytes(data))
    plan = update(raw, out)
    assert len(plan.damaged) == 1 and len(plan.requeued) == 2 and snapshot(out) == before
    entities = next((out / "entities").glob("*.parquet"))  # deduplicated, no part holds it: the manifest's check
    os.truncate(entities, 10)
    plan = update(raw, out)
    assert plan.repair == "entities/" + entities.name + " is damaged" and not plan.batches
    assert snapshot(out) == before and not update(raw, out).needs_commit


# --------------------------------------------------------------------------------------------- crash injection


class Crash(BaseException):
    """Stands for kill -9: not an Exception, so no `except Exception` clean-up runs."""


def _crash_after(monkeypatch: pytest.MonkeyPatch, n: int) -> list[str]:
    """Make the n-th file-system mutation (rename, link, swap, delete, fsync'd write) raise Crash;
    returns the steps taken, each as "<operation> <target>"."""
    import tasks.store.incremental as inc
    import tasks.store.parquet as store

    steps: list[str] = []

    def wrap(owner: object, name: str, target: int) -> None:
        real = getattr(owner, name)

        def step(*args, **kwargs):
            steps.append(f"{name} {args[target]}")
            if len(steps) == n:
                raise Crash(steps[-1])
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, step)

    wrap(os, "replace", 1)
    wrap(os, "link", 1)
    wrap(os, "symlink", 1)
    wrap(store, "exchange", 1)
    wrap(shutil, "rmtree", 0)
    wrap(inc, "write_json_atomic", 1)
    return steps


def _crash_points(steps: list[str]) -> list[int]:
    """Every step, except that of the part files written one per table inside a part only the first and
    the last are kept (the others are the same operation on another table)."""
    part_writes = [i for i, s in enumerate(steps) if s.startswith("replace") and "/.parts/" in s]
    by_part: dict[str, list[int]] = {}
    for i in part_writes:
        by_part.setdefault(steps[i].split("/.parts/")[1].split("/")[0], []).append(i)
    skip = {i for idx in by_part.values() for i in idx[1:-1]}
    return [i + 1 for i in range(len(steps)) if i not in skip]


def _older_layout(out: Path) -> None:
    """Turn an output folder into the layout before snapshots: a real folder per table, no ``.current``."""
    for name in BATCH_TABLES:
        if not (out / name).is_symlink():
            continue
        files = sorted((out / name).glob("*.parquet"))
        folder = out / f"{name}.real"
        folder.mkdir()
        for f in files:
            shutil.copy2(f, folder / f.name)
        (out / name).unlink()
        folder.rename(out / name)
    (out / CURRENT).unlink(missing_ok=True)
    shutil.rmtree(out / SNAPSHOTS, ignore_errors=True)
    manifest = json.loads((out / MANIFEST).read_text())
    manifest.pop("snapshot", None), manifest.pop("files", None)
    (out / MANIFEST).write_text(json.dumps(manifest))


def _layout(out: Path) -> str:
    """What a finished run leaves: the manifest's snapshot alone, every table linked to it, nothing aside."""
    snapshots = sorted(p.name for p in (out / SNAPSHOTS).iterdir()) if (out / SNAPSHOTS).is_dir() else []
    if snapshots != [json.loads((out / MANIFEST).read_text()).get("snapshot")]:
        return f"snapshots {snapshots}"
    if not all((out / t).is_symlink() and os.readlink(out / t) == f"{CURRENT}/{t}" for t in BATCH_TABLES):
        return "a table is not linked"
    if list(out.glob(".*.tmp")) or list(out.glob(".old-*")) or (out / PUBLISHING).exists():
        return "leftovers"
    return "one snapshot, linked, no leftovers"


@pytest.mark.parametrize("layout", ["snapshots", "older"])
def test_readers_see_one_snapshot_when_a_run_is_killed_at_any_step(tmp_path, monkeypatch, layout):
    """Killed at every file operation, every swap included: readers see all the old tables or all the new
    ones (never some of each), and the next run finishes the work. ``older``: an output folder written
    before snapshots existed, moved to them on its first commit."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # durability on power loss is not what this tests
    raw, base = tmp_path / "raw", tmp_path / "base"
    write(raw, {"a.txt": "alpha one", "b.txt": "beta two", "c.txt": "gamma three", "d.txt": "delta four"})
    update(raw, base)
    if layout == "older":
        _older_layout(base)
    old = snapshot(base)
    old_manifest = (base / MANIFEST).read_text()
    write(raw, {"a.txt": "alpha changed", "e.txt": "epsilon five", "f.txt": "zeta six"})
    (raw / "c.txt").unlink()
    reference = tmp_path / "reference"
    shutil.copytree(base, reference, symlinks=True)
    with pytest.MonkeyPatch.context() as mp:
        steps = _crash_after(mp, 0)
        update(raw, reference)
    new = snapshot(reference)
    assert new != old
    points = _crash_points(steps)
    assert len(steps) > 40 and len(points) > 25  # analyse 2 batches, publish a snapshot, collect garbage

    mixed: list[tuple[str, list[str]]] = []
    unfinished: list[str] = []
    layouts: list[tuple[str, str]] = []
    for n in points:
        out = tmp_path / f"crash-{n}"
        shutil.copytree(base, out, symlinks=True)
        with pytest.MonkeyPatch.context() as mp, pytest.raises(Crash):
            _crash_after(mp, n)
            update(raw, out)
        now = snapshot(out)
        if now not in (old, new):
            mixed.append((steps[n - 1], [t for t in BATCH_TABLES if now[t] != old[t]]))
        if (out / MANIFEST).read_text() == old_manifest and now != old:
            assert (out / PUBLISHING).exists(), steps[n - 1]  # the next run knows it must rebuild
        update(raw, out)  # the next run finishes the work
        if snapshot(out) != new:
            unfinished.append(steps[n - 1])
        layouts.append((steps[n - 1], _layout(out)))
        shutil.rmtree(out)
    assert not mixed  # (step killed at, tables of the new run next to old ones)
    assert not unfinished
    assert all(found == "one snapshot, linked, no leftovers" for _, found in layouts), layouts


def test_the_readme_queries_read_the_published_snapshot(tmp_path):
    import duckdb
    import pyarrow.dataset as ds

    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha one", "b.txt": "beta two", "c.txt": "alpha three"})
    update(raw, out)
    query = (f"select d.source_path, m.text from read_parquet('{out}/mentions/*.parquet') m "
             f"join read_parquet('{out}/documents/*.parquet') d using (doc_id) order by 1")  # fmt: skip
    assert [Path(p).name for p, _ in duckdb.sql(query).fetchall()] == ["a.txt", "b.txt", "c.txt"]
    assert ds.dataset(out / "entities").to_table().num_rows == 2


# --------------------------------------------------------------------------------------------- missed runs


def test_only_late_auto_scheduled_runs_count_as_missed():
    from flows.serve import missed_runs

    now = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)

    def run(minutes_late: float, auto: bool = True, scheduled: bool = True) -> SimpleNamespace:
        state = SimpleNamespace(is_scheduled=lambda: scheduled)
        return SimpleNamespace(
            auto_scheduled=auto, state=state, expected_start_time=now - dt.timedelta(minutes=minutes_late)
        )

    runs = [run(60), run(11), run(5), run(-30), run(60, auto=False), run(60, scheduled=False)]
    assert missed_runs(runs, now, dt.timedelta(minutes=10)) == runs[:2]


def test_deployment_has_the_cron_schedule_and_parameters():
    from flows.serve import build_deployment

    d = build_deployment("*/15 6-20 * * *", "hourly-test", "Asia/Riyadh", {"raw": "/data/raw", "batch_size": 50})
    assert d.name == "hourly-test" and d.flow_name == "extract"
    (schedule,) = d.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("*/15 6-20 * * *", "Asia/Riyadh")
    assert schedule.active is not False
    assert d.parameters == {"raw": "/data/raw", "batch_size": 50}
    assert d.entrypoint == "flows/extract.py:extract"  # relative: flows.serve runs from the project root
    from prefect.utilities.callables import parameter_schema

    from flows.extract import extract

    assert {"raw", "out", "batch_size", "models", "lock_timeout"} <= set(parameter_schema(extract).properties)


def test_fake_batch_writes_every_table(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    fake_batch([str(tmp_path / "a.txt")], tmp_path / "part", "k", {})
    assert sorted(p.name for p in (tmp_path / "part").iterdir()) == sorted(BATCH_TABLES)


def test_an_unreadable_file_is_quarantined_not_fatal(tmp_path, monkeypatch):
    from tasks.batch import process_batch

    locked, empty = tmp_path / "locked.txt", tmp_path / "empty.txt"
    locked.write_text("نص")
    empty.write_bytes(b"")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:  # what chmod 000 does for a user other than root
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert fingerprint(locked)[0].startswith("unreadable:13:")
    result = process_batch([str(locked), str(empty)], tmp_path / "part", key="k")
    rows = read_table(tmp_path / "part", "quarantine").to_pylist()
    assert result.rows["quarantine"] == 2 and result.rows["documents"] == 0 and not result.documents
    assert [q["path"] for q in result.quarantine] == [r["path"] for r in rows]
    assert rows[0]["stage"] == "ingest" and rows[0]["reason"].startswith("cannot read the file: Permission denied")


# --------------------------------------------------------------------------------------------- hostile names and files


def test_a_file_name_that_is_not_utf8_is_quarantined_and_the_rest_processed(tmp_path):
    from tasks.batch import process_batch

    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha one", "b.txt": "beta two", "c.txt": "gamma three"})
    bad = os.fsdecode(os.path.join(os.fsencode(raw), b"caf\xe9.txt"))  # printf 'caf\xe9.txt'
    Path(bad).write_text("delta four", encoding="utf-8")
    update(raw, out)
    assert sorted(Path(p).name for p in read_table(out, "documents").column("source_path").to_pylist()) == [
        "a.txt", "b.txt", "c.txt"
    ]  # fmt: skip
    (row,) = read_table(out, "quarantine").to_pylist()
    assert row["path"] == str(raw) + "/caf\\xe9.txt" and "b'caf\\xe9.txt'" in row["reason"]  # the exact bytes
    assert not update(raw, out).needs_commit  # the manifest keeps the name: not tried again
    # the real ingest refuses it the same way, before reading it
    result = process_batch([bad], tmp_path / "part", key="k")
    (q,) = read_table(tmp_path / "part", "quarantine").to_pylist()
    assert result.rows["documents"] == 0 and q["stage"] == "ingest" and "not valid UTF-8" in q["reason"]


def test_a_symlink_loop_is_reported_as_one(tmp_path):
    from tasks.errors import IngestError

    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert fingerprint(tmp_path / "loop.txt")[0].startswith("unstatable:")
    with pytest.raises(IngestError, match="symlink loop"):
        ingest_file(tmp_path / "loop.txt")


def test_a_changed_kb_entry_or_rule_reanalyses_everything_and_an_unchanged_rerun_nothing(tmp_path, monkeypatch):
    import tasks.store.incremental as incremental

    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {"a.txt": "alpha", "b.txt": "beta"})
    update(raw, out)
    config = ModelConfig()
    plan = make_plan(raw, out, 2, config)
    assert plan.requeued == [] and plan.keep and not plan.needs_commit  # unchanged: nothing to do
    # a KB entry or a rule constant edited: the rules fingerprint differs, so every batch runs again
    monkeypatch.setattr(incremental, "rules_version", lambda: "a-changed-rule")
    plan = make_plan(raw, out, 2, config)
    assert len(plan.requeued) == 2 and plan.keep == []


def test_the_rules_fingerprint_follows_the_kb_the_rule_data_and_the_rule_code(tmp_path):
    from tasks.versions import KNOWLEDGE_DIR, rule_files
    from tasks.versions import fingerprint as rules_fingerprint

    files = rule_files()
    names = {str(p.relative_to(PROJECT_ROOT)) for p in files}
    assert {"kb/entities.jsonl", "tasks/commitments/lexicons.toml", "tasks/commitments/tagger.py",
            "tasks/entities/resolve.py", "tasks/commitments/groups.toml"} <= names  # fmt: skip
    assert not [n for n in names if n.startswith("tasks/build/")]  # build-time tools decide no run's output
    assert KNOWLEDGE_DIR / "entities.jsonl" in files
    rule = tmp_path / "rule.toml"
    rule.write_text('threshold = 3\n')
    before = rules_fingerprint([rule], tmp_path)
    rule.write_text('threshold = 4\n')
    assert rules_fingerprint([rule], tmp_path) != before
