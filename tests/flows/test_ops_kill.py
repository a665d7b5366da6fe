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
        shutil.copy(RAW / name, raw / name)
    extract(raw=str(raw), out=str(out), batch_size=1)  # the previous complete tables
    before, manifest = snapshot(out), (out / MANIFEST).read_text()
    old_parts = set(json.loads(manifest)["parts"])
    for name in SAMPLES[2:]:
        shutil.copy(RAW / name, raw / name)

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
