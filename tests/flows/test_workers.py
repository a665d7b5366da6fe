"""Worker processes (issue #16): batches balanced by text volume, a small input kept in the flow's process,
and the same tables from one worker as from several."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tasks.batch as batch_mod
from bench.digest import table_digests
from tasks.batch import balance_batches, file_bytes, workers_for
from tasks.runners import RUNNER_ENV, WORKERS_ENV
from tasks.store.incremental import BatchSpec, FileInfo, part_key

RAW = Path(__file__).resolve().parents[2] / "raw"


def _files(tmp_path: Path, sizes: list[int]) -> list[FileInfo]:
    files = []
    for i, size in enumerate(sizes):
        p = tmp_path / f"{i:03d}.txt"
        p.write_bytes(b"x" * size)
        files.append(FileInfo(str(p), f"sha256:{i}"))
    return files


def _by_count(files: list[FileInfo], size: int) -> list[BatchSpec]:
    return [BatchSpec(f"k{i}", tuple(files[i : i + size])) for i in range(0, len(files), size)]


def test_batches_are_cut_by_volume_into_a_multiple_of_the_workers(tmp_path: Path) -> None:
    # by count (3 + 3) one worker would get 3 × 9,000 bytes and the other 3 × 1,000
    files = _files(tmp_path, [9000, 9000, 9000, 1000, 1000, 1000])
    cut = balance_batches(_by_count(files, 3), "sid", workers=2)
    assert len(cut) == 2
    volumes = [sum(file_bytes(m) for m in b.members) for b in cut]
    assert max(volumes) <= 18000 and min(volumes) >= 12000
    assert [m for b in cut for m in b.members] == files  # every file once, in path order
    assert all(b.key == part_key("sid", b.members) for b in cut)  # keys as the plan makes them
    assert len(balance_batches(_by_count(files, 2), "sid", workers=2)) == 4  # 3 batches → 4: 2 per worker
    assert balance_batches(_by_count(files, 3), "sid", workers=1) == _by_count(files, 3)


def test_a_small_input_stays_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path, [1000] * 4)
    assert workers_for(_by_count(files, 2), 2) == 1  # 4 kB: a worker's start-up would not be won back
    monkeypatch.setattr(batch_mod, "MIN_PARALLEL_BYTES", 0)
    assert workers_for(_by_count(files, 2), 2) == 2
    assert workers_for(_by_count(files, 2), 8) == 4  # at most one worker per file
    assert workers_for(_by_count(files[:1], 2), 2) == 1


@pytest.mark.slow
def test_one_and_two_workers_give_identical_tables(
    sample_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sample_run`` analysed the samples in the flow's process (one worker); here two worker processes of
    the default process pool analyse them (the small-input rule lifted), batches re-cut by volume."""
    from flows.extract import extract

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns(".*"))
    monkeypatch.setenv(RUNNER_ENV, "process")
    monkeypatch.setenv(WORKERS_ENV, "2")
    monkeypatch.setattr(batch_mod, "MIN_PARALLEL_BYTES", 0)
    capsys.readouterr()
    extract(raw=str(raw), out=str(tmp_path / "out"), batch_size=2)
    assert "on 2 worker processes" in capsys.readouterr().out
    one, two = table_digests(sample_run), table_digests(tmp_path / "out")
    assert {"documents", "tokens", "mentions", "entities", "commitments"} <= set(one)
    assert two == one


def test_a_worker_hands_freed_heap_back_after_a_batch() -> None:
    # many small blocks freed at once stay in glibc's arenas until malloc_trim: the growth of a worker's
    # resident memory from batch to batch (issue #16: peak RSS 1.15× from 200 to 1,000 articles)
    import sys

    import psutil

    from tasks.runners import _libc, release_memory

    if not sys.platform.startswith("linux") or getattr(_libc(), "malloc_trim", None) is None:
        pytest.skip("malloc_trim is glibc's")
    proc = psutil.Process()
    blocks = [bytearray(512) for _ in range(400_000)]  # ~250 MB of small heap blocks
    held = proc.memory_info().rss
    del blocks
    release_memory()
    assert proc.memory_info().rss < held - 100 * 2**20


def test_a_worker_ends_after_the_exit_handlers_without_the_teardown(tmp_path: Path) -> None:
    # the flow waits for its workers to end; the interpreter's teardown of the models took 2.3 s of a 200-article
    # run. Handlers registered before (Prefect's, logging's) still run, and the process ends with status 0
    import subprocess
    import sys

    marker, teardown = tmp_path / "handler_ran", tmp_path / "teardown_ran"
    code = (
        "import atexit, pathlib; "
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'yes'); "
        f"T = type('T', (), {{'__del__': lambda self: pathlib.Path({str(teardown)!r}).write_text('yes')}}); "
        "held = T(); "  # freed by the teardown only
        "from tasks.runners import _exit_without_teardown; atexit.register(_exit_without_teardown); "
        "print('work done', flush=True)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "work done"
    assert marker.read_text() == "yes" and not teardown.exists()
