"""The CLI in a subprocess: killed with SIGKILL in the middle of a run, and racing another run on the same
output folder. Either way the tables end up exactly those of one uninterrupted run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ops_helpers import snapshot

from tasks.settings import PROJECT_ROOT
from tasks.store.incremental import MANIFEST, PARTS, PUBLISHING

pytestmark = pytest.mark.slow

RAW = PROJECT_ROOT / "raw"
SAMPLES = sorted(p.name for p in RAW.glob("*.txt"))


def start_cli(raw: Path, out: Path, log: Path) -> subprocess.Popen[bytes]:
    """``python -m flows.extract`` against the tests' Prefect server, one document per batch."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}
    cmd = [sys.executable, "-m", "flows.extract", "--raw", str(raw), "--out", str(out), "--batch-size", "1"]
    return subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)


def wait_for(condition, proc: subprocess.Popen[bytes], log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"the run ended first:\n{log.read_text(errors='replace')[-3000:]}"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_kill_9_during_a_run_then_rerun_gives_the_uninterrupted_tables(ops_reference, tmp_path, capsys):
    from flows.extract import extract

    ref_raw, ref_out = ops_reference
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name in SAMPLES[:2]:
        shutil.copy2(RAW / name, raw / name)  # the samples' mtimes, as the reference (file-mtime dates)
    extract(raw=str(raw), out=str(out), batch_size=1)  # the previous complete tables
    before, manifest = snapshot(out), (out / MANIFEST).read_text()
    old_parts = set(json.loads(manifest)["parts"])
    for name in SAMPLES[2:]:
        shutil.copy2(RAW / name, raw / name)  # the samples' mtimes, as the reference (file-mtime dates)

    log = tmp_path / "killed.log"
    proc = start_cli(raw, out, log)
    try:

        def two_new_parts() -> bool:
            return len({p.parent.name for p in (out / PARTS).glob("*/part.json")} - old_parts) >= 2

        wait_for(two_new_parts, proc, log)  # two of three batches written, the third under way
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
    finally:
        proc.kill()
    assert (out / MANIFEST).read_text() == manifest  # nothing was committed ...
    assert snapshot(out) == before  # ... and the previous tables are whole and readable

    capsys.readouterr()
    result = extract(raw=str(raw), out=str(out), batch_size=1)
    assert capsys.readouterr().out.count("finished by an interrupted run, reused") == 2
    assert result["new_files"] == 3 and result["documents_added"] == 3
    assert snapshot(out, raw) == snapshot(ref_out, ref_raw)
    assert not list(out.glob(".staging-*")) and not (out / PUBLISHING).exists()
    assert sorted(p.name for p in (out / PARTS).iterdir()) == sorted(json.loads((out / MANIFEST).read_text())["parts"])


def test_two_runs_on_one_output_folder_never_interleave(ops_reference, tmp_path):
    from flows.extract import extract

    ref_raw, ref_out = ops_reference
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns(".*"))
    log = tmp_path / "first.log"
    first = start_cli(raw, out, log)
    try:

        def first_holds_the_lock() -> bool:
            try:
                return json.loads((out / ".lock").read_text() or "{}").get("pid") == first.pid
            except (OSError, ValueError):
                return False

        wait_for(first_holds_the_lock, first, log)
        state = extract(raw=str(raw), out=str(out), batch_size=1, lock_timeout=0.5, return_state=True)
        assert state.is_failed() and f"pid {first.pid}" in state.message  # stops with a clear message
        result = extract(raw=str(raw), out=str(out), batch_size=1, lock_timeout=300)  # waits its turn
        assert first.wait(timeout=300) == 0, log.read_text(errors="replace")
    finally:
        first.kill()
    assert "5 new" in log.read_text()
    assert (result["skipped_files"], result["tables_rewritten"]) == (5, False)  # the first did the work
    assert snapshot(out, raw) == snapshot(ref_out, ref_raw)


HOLD = """
import sys, time
import flows.extract as fx
def hold(*args, **kwargs):
    print("holding the output folder", flush=True)
    time.sleep(600)
fx.make_plan = hold  # the run stops inside its flow, with the lock held, until it is killed
sys.exit(fx.main(sys.argv[1:]))
"""


def start_held_cli(raw: Path, out: Path, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The CLI stopped inside its flow run (a Prefect flow run Running, the output folder locked): no model."""
    cmd = [sys.executable, "-c", HOLD, "--raw", str(raw), "--out", str(out)]
    return subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)


def held_run(tmp_path: Path, env: dict[str, str]) -> tuple[Path, Path, subprocess.Popen[bytes]]:
    raw, out, log = tmp_path / "raw", tmp_path / "out", tmp_path / "held.log"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    proc = start_held_cli(raw, out, log, env)
    wait_for(lambda: b"holding the output folder" in log.read_bytes(), proc, log)
    return raw, out, proc


def test_kill_9_of_the_cli_leaves_no_prefect_server_running(tmp_path):
    import psutil

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # the CLI starts its temporary server
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    _, _, proc = held_run(tmp_path, env)
    try:
        servers = [c for c in psutil.Process(proc.pid).children(recursive=True) if "uvicorn" in c.cmdline()]
        assert servers, "the run started no temporary server"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        _, alive = psutil.wait_procs(servers, timeout=120)  # gone within seconds; 120 s only bounds the wait
        assert not alive, [p.cmdline()[:6] for p in alive]
    finally:
        proc.kill()
        for p in psutil.Process().children(recursive=True):
            if "uvicorn" in p.cmdline() and str(tmp_path) in p.environ().get("PREFECT_HOME", ""):
                p.kill()


def test_a_killed_run_is_marked_crashed_and_recorded_by_the_next_run(tmp_path, prefect_server):
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL

    from flows.extract import main
    from tasks.store.parquet import read_table

    raw, out, proc = held_run(tmp_path, {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())})
    try:
        held = json.loads((out / ".lock").read_text())
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        proc.kill()
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(held["flow_run_id"]).state.is_running()  # nobody told Prefect
    assert main(["--raw", str(raw), "--out", str(out)]) == 0
    assert main(["--raw", str(raw), "--out", str(out)]) == 0  # recorded once, not by every later run
    runs = sorted(read_table(out, "runs").to_pylist(), key=lambda r: r["started_at"])
    assert [r["status"] for r in runs] == ["crashed", "completed", "completed"]
    assert runs[0]["flow_run_id"] == held["flow_run_id"] and runs[0]["run_id"] == held.get("run_id")
    assert f"pid {proc.pid}" in runs[0]["message"] and runs[1]["run_id"] in runs[0]["message"]
    with get_client(sync_client=True) as client:
        state = client.read_flow_run(held["flow_run_id"]).state
    assert state.is_crashed() and "killed" in state.message
