"""Where a run's batches execute: the Prefect task runner built from the ``runner`` setting.

The setting (``--runner`` or ``ILTIZAM_RUNNER``):

- ``process`` (default): Prefect's process pool (``ProcessPoolTaskRunner``), one single-threaded worker
  process per core (``--workers N`` or ``ILTIZAM_WORKERS``; ``process:N`` for N); stanza is 91 % of a run
  and one torch thread per process beat two threads in one process (1.79–1.86× against 1.11×, issue #16);
- ``thread`` or ``thread:N``: Prefect's thread pool in the flow's own process, N batches at a
  time (default 1: one stanza model, memory bounded by one batch);
- ``dask``: a temporary local Dask cluster (``distributed.LocalCluster``), one single-threaded worker
  process per core (``--workers``); ``dask:N`` for N worker processes;
- ``dask:<scheme>://host:port`` (e.g. ``dask:tcp://10.0.0.5:8786``): an existing Dask scheduler.

The process pool and Dask run through Prefect's own runners (no home-made engine). Each worker process loads the
stanza model once (``tasks.nlp.models.get_pipeline`` caches it per process behind a lock) and reuses it for
every batch it gets. Workers must import this project and read ``raw/``, ``models/`` and the output folder
at the same paths as the flow (a shared filesystem), and reach the same Prefect API.

Wiring into a flow: ``@flow(task_runner=SettingTaskRunner())`` (the setting is read when a run starts, so
``ILTIZAM_RUNNER`` or ``--runner`` given by :func:`add_runner_option` apply), and submit the batches with
``task.submit(...)``, then ``future.result()``. Tasks called directly (not submitted) run in the flow: the
extract flow does that for a small input (``local_workers``), which never starts a worker process.
"""

from __future__ import annotations

import argparse
import atexit
import ctypes
import ctypes.util
import gc
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from tasks.errors import ConfigError

RUNNER_ENV = "ILTIZAM_RUNNER"
WORKERS_ENV = "ILTIZAM_WORKERS"
DEFAULT_RUNNER = "process"
RUNNER_HELP = (
    "where batches run: process (default: a pool of --workers single-threaded processes; process:N for N), "
    "thread (in the flow's process; thread:N for N at a time), dask (a local Dask cluster of --workers "
    "processes; dask:N for N workers) or dask:tcp://host:8786 (an existing Dask scheduler); "
    f"default from {RUNNER_ENV}"
)
WORKERS_HELP = f"worker processes of the process and local dask runners (default: the number of cores; {WORKERS_ENV})"
PARENT_POLL_SECONDS = 0.5


@dataclass(frozen=True)
class RunnerSpec:
    """A parsed runner setting."""

    kind: str  # "process", "thread" or "dask"
    workers: int | None = None  # threads (thread) or local worker processes; None: the default
    address: str | None = None  # scheduler address of an existing Dask cluster

    @property
    def description(self) -> str:
        if self.kind == "thread":
            return f"thread pool, {self.workers or 1} batch(es) at a time"
        if self.address:
            return f"Dask scheduler at {self.address}"
        if self.kind == "process":
            return f"process pool, {self.local_workers} single-threaded worker process(es)"
        return f"local Dask cluster, {self.local_workers} worker process(es)"

    @property
    def local_workers(self) -> int | None:
        """Worker processes this runner starts on this machine (process, local dask); None for the thread
        pool (no process to start) and a remote scheduler (its workers already run)."""
        if self.kind == "thread" or self.address:
            return None
        return self.workers or default_workers()


def _cores() -> int:
    """Cores this process may use (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _count(value: str, setting: str, what: str = "runner setting", fix: str = RUNNER_HELP) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise ConfigError(f"{what} {setting!r}: {value!r} is not a positive number", fix=f"{fix}.")
    return n


def default_workers() -> int:
    """``ILTIZAM_WORKERS``, else the number of cores; a bad value raises ConfigError."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    return _count(raw, raw, what=WORKERS_ENV, fix=WORKERS_HELP) if raw else _cores()


def parse_runner(setting: str | None = None) -> RunnerSpec:
    """``setting`` (or ``ILTIZAM_RUNNER``, or ``thread``) → RunnerSpec; a bad setting raises ConfigError."""
    raw = (setting if setting is not None else os.environ.get(RUNNER_ENV, "")).strip() or DEFAULT_RUNNER
    kind, _, rest = raw.partition(":")
    kind = kind.lower()
    if kind == "thread":
        return RunnerSpec("thread", _count(rest, raw) if rest else None)
    if kind == "process":
        return RunnerSpec("process", _count(rest, raw) if rest else None)
    if kind == "dask":
        if not rest or rest == "local":
            return RunnerSpec("dask")
        if "://" in rest:
            return RunnerSpec("dask", address=rest)
        return RunnerSpec("dask", workers=_count(rest, raw))
    raise ConfigError(f"unknown runner setting {raw!r}", fix=f"{RUNNER_HELP}.")


def build_task_runner(setting: str | None = None) -> TaskRunner[Any]:
    """The Prefect task runner for ``setting`` (see the module docstring)."""
    spec = parse_runner(setting)
    if spec.kind == "thread":
        return ThreadPoolTaskRunner(max_workers=spec.workers or 1)
    if spec.kind == "process":
        return ProcessPoolTaskRunner(max_workers=spec.local_workers, initializer=init_worker, initargs=(os.getpid(),))
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as err:  # pragma: no cover - a pinned dependency
        raise ConfigError(
            f"runner {spec.description} needs prefect-dask", fix="pip install -e . (it pins prefect-dask)."
        ) from err
    if spec.address:
        return DaskTaskRunner(address=spec.address)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": spec.local_workers,
            # one batch at a time per worker: one model, one batch of memory, no two stanza calls sharing it
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        },
    )


def release_memory() -> None:
    """After a batch: collect its stanza documents and hand the freed heap back to the system. glibc keeps
    freed small blocks in its arenas, so a worker's resident memory grew with every batch it had analysed
    (peak RSS of the run 1.15× from 200 to 1,000 articles); ``malloc_trim`` returns them. A no-op where the
    C library has no ``malloc_trim`` (musl, macOS)."""
    gc.collect()
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def init_worker(parent: int) -> None:
    """Start of every process-pool worker: one torch thread (two spinning OpenMP threads per process on
    shared cores ran stanza up to 15× slower), exit once the flow's process is gone (a kill -9 of the
    run must not leave a worker writing part files next to the next run), and end without the interpreter's
    teardown when the pool shuts down (``_exit_without_teardown``)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="iltizam-parent-watch", daemon=True).start()
    atexit.register(_exit_without_teardown)


def _exit_without_teardown() -> None:
    """A worker's last step: run the other exit handlers (Prefect's, logging's), flush, and end the process
    without the interpreter's teardown, which frees the stanza models object by object. The flow waits for its
    workers to end, and that teardown took 2.3 s of a 200-article run (1.15 s in a process with the models
    loaded; the handlers 7 ms), after every table was written. Forked multiprocessing children end this way
    too (``os._exit``)."""
    atexit.unregister(_exit_without_teardown)
    run_others = getattr(atexit, "_run_exitfuncs", None)
    if run_others is None:  # pragma: no cover - CPython has it; elsewhere the normal teardown follows
        return
    run_others()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(0)


@contextmanager
def share_api_with_workers() -> Iterator[None]:
    """Tasks submitted inside this block reach the flow's own Prefect server. Without a PREFECT_API_URL
    the flow runs on Prefect's temporary server, and each worker process (it gets the flow's settings)
    started a temporary server of its own before its first task: 6–10 s instead of 2.8 s here."""
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL, temporary_settings

    ctx = FlowRunContext.get()
    url = str(ctx.client.api_url) if ctx is not None and ctx.client is not None else ""
    if PREFECT_API_URL.value() or not url.startswith(("http://127.", "http://localhost", "https://")):
        yield  # a configured server (workers get its address), or none a worker could reach
        return
    with temporary_settings({PREFECT_API_URL: url}):
        yield


class SettingTaskRunner(TaskRunner[Any]):
    """A placeholder for ``@flow(task_runner=...)`` that becomes the runner of the ``ILTIZAM_RUNNER``
    setting when a run starts (Prefect calls ``duplicate()`` then), so the setting applies at run time,
    not when the flow module is imported."""

    def duplicate(self) -> Any:
        return build_task_runner()

    def submit(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover - Prefect submits to the duplicate
        raise RuntimeError("SettingTaskRunner is only a placeholder; Prefect runs tasks on its duplicate()")


class _RunnerAction(argparse.Action):
    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: str | None = None) -> None:
        try:
            parse_runner(values)
        except ConfigError as err:
            parser.error(str(err))
        os.environ[RUNNER_ENV] = values
        setattr(namespace, self.dest, values)


class _WorkersAction(argparse.Action):
    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: str | None = None) -> None:
        if values < 1:
            parser.error(f"--workers must be at least 1, not {values}")
        os.environ[WORKERS_ENV] = str(values)
        setattr(namespace, self.dest, values)


def add_runner_option(parser: argparse.ArgumentParser) -> None:
    """``--runner SETTING`` and ``--workers N``: checked at parse time and exported as ``ILTIZAM_RUNNER`` and
    ``ILTIZAM_WORKERS`` for the run."""
    parser.add_argument("--runner", action=_RunnerAction, default=None, help=RUNNER_HELP)
    parser.add_argument("--workers", type=int, action=_WorkersAction, default=None, help=WORKERS_HELP)
