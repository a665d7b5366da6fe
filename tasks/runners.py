"""Where a run's batches execute: the Prefect task runner built from the ``runner`` setting.

The setting (``--runner`` or ``ILTIZAM_RUNNER``):

- ``thread`` (default) or ``thread:N``: Prefect's thread pool in the flow's own process, N batches at a
  time (default 1: one stanza model, memory bounded by one batch);
- ``dask``: a temporary local Dask cluster (``distributed.LocalCluster``), one single-threaded worker
  process per core; ``dask:N`` for N worker processes;
- ``dask:<scheme>://host:port`` (e.g. ``dask:tcp://10.0.0.5:8786``): an existing Dask scheduler.

Dask runs through prefect-dask's ``DaskTaskRunner`` (no home-made engine). Each worker process loads the
stanza model once (``tasks.nlp.models.get_pipeline`` caches it per process behind a lock) and reuses it for
every batch it gets. Workers must import this project and read ``raw/``, ``models/`` and the output folder
at the same paths as the flow (a shared filesystem), and reach the same Prefect API.

Wiring into a flow: ``@flow(task_runner=SettingTaskRunner())`` (the setting is read when a run starts, so
``ILTIZAM_RUNNER`` or ``--runner`` given by :func:`add_runner_option` apply), and submit the batches with
``task.submit(...)``, then ``future.result()``. Tasks called directly (not submitted) run in the flow.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from tasks.errors import ConfigError

RUNNER_ENV = "ILTIZAM_RUNNER"
DEFAULT_RUNNER = "thread"
RUNNER_HELP = (
    "where batches run: thread (default; thread:N for N at a time), dask (a local Dask cluster, one worker "
    "process per core; dask:N for N workers) or dask:tcp://host:8786 (an existing Dask scheduler); "
    f"default from {RUNNER_ENV}"
)


@dataclass(frozen=True)
class RunnerSpec:
    """A parsed runner setting."""

    kind: str  # "thread" or "dask"
    workers: int | None = None  # threads (thread) or local worker processes (dask); None: the default
    address: str | None = None  # scheduler address of an existing Dask cluster

    @property
    def description(self) -> str:
        if self.kind == "thread":
            return f"thread pool, {self.workers or 1} batch(es) at a time"
        if self.address:
            return f"Dask scheduler at {self.address}"
        return f"local Dask cluster, {self.workers or _cores()} worker process(es)"


def _cores() -> int:
    """Cores this process may use (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _count(value: str, setting: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise ConfigError(f"runner setting {setting!r}: {value!r} is not a positive number", fix=f"{RUNNER_HELP}.")
    return n


def parse_runner(setting: str | None = None) -> RunnerSpec:
    """``setting`` (or ``ILTIZAM_RUNNER``, or ``thread``) → RunnerSpec; a bad setting raises ConfigError."""
    raw = (setting if setting is not None else os.environ.get(RUNNER_ENV, "")).strip() or DEFAULT_RUNNER
    kind, _, rest = raw.partition(":")
    kind = kind.lower()
    if kind == "thread":
        return RunnerSpec("thread", _count(rest, raw) if rest else None)
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
            "n_workers": spec.workers or _cores(),
            # one batch at a time per worker: one model, one batch of memory, no two stanza calls sharing it
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        },
    )


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


def add_runner_option(parser: argparse.ArgumentParser) -> None:
    """``--runner SETTING``: checked at parse time and exported as ``ILTIZAM_RUNNER`` for the run."""
    parser.add_argument("--runner", action=_RunnerAction, default=None, help=RUNNER_HELP)
