"""The Dask task runner (prefect-dask): settings, and a local cluster giving the same tables as the default runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tasks.errors import ConfigError
from tasks.runners import (
    RUNNER_ENV,
    WORKERS_ENV,
    RunnerSpec,
    SettingTaskRunner,
    _cores,
    build_task_runner,
    parse_runner,
)

RAW = Path(__file__).resolve().parents[2] / "raw"


@pytest.mark.parametrize(
    ("setting", "spec"),
    [
        ("", RunnerSpec("process")),
        ("process", RunnerSpec("process")),
        ("process:3", RunnerSpec("process", workers=3)),
        ("thread", RunnerSpec("thread")),
        ("thread:3", RunnerSpec("thread", workers=3)),
        ("dask", RunnerSpec("dask")),
        ("dask:local", RunnerSpec("dask")),
        ("dask:2", RunnerSpec("dask", workers=2)),
        ("dask:tcp://10.0.0.5:8786", RunnerSpec("dask", address="tcp://10.0.0.5:8786")),
        ("DASK:tls://sched.example.org:8786", RunnerSpec("dask", address="tls://sched.example.org:8786")),
    ],
)
def test_parse_runner(setting: str, spec: RunnerSpec) -> None:
    assert parse_runner(setting) == spec


@pytest.mark.parametrize("setting", ["threads", "dask:0", "thread:-1", "ray", "dask:many", "process:0"])
def test_bad_runner_setting_names_the_fix(setting: str) -> None:
    with pytest.raises(ConfigError, match="Fix: where batches run"):
        parse_runner(setting)


def test_runner_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    monkeypatch.delenv(RUNNER_ENV, raising=False)
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    default = SettingTaskRunner().duplicate()
    assert isinstance(default, ProcessPoolTaskRunner)
    assert default._max_workers == _cores()  # one single-threaded worker process per core
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert SettingTaskRunner().duplicate()._max_workers == 3
    assert build_task_runner("dask").cluster_kwargs["n_workers"] == 3
    monkeypatch.setenv(WORKERS_ENV, "none")
    with pytest.raises(ConfigError, match=WORKERS_ENV):
        SettingTaskRunner().duplicate()
    monkeypatch.delenv(WORKERS_ENV)
    thread = build_task_runner("thread")
    assert isinstance(thread, ThreadPoolTaskRunner)
    assert thread._max_workers == 1  # one batch at a time: one model, one batch of memory
    monkeypatch.setenv(RUNNER_ENV, "dask:tcp://127.0.0.1:8786")
    remote = SettingTaskRunner().duplicate()
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://127.0.0.1:8786"
    local = build_task_runner("dask:2")
    assert isinstance(local, DaskTaskRunner) and local.cluster_kwargs["n_workers"] == 2
    assert local.cluster_kwargs["threads_per_worker"] == 1


def _count_model_loads() -> None:
    """Run on a Dask worker: count every stanza model load of that worker process."""
    import tasks.nlp.models as models

    if hasattr(models, "_loads"):
        return
    load = models.build_pipeline
    models._loads = 0  # type: ignore[attr-defined]

    def counted(*args: Any, **kwargs: Any) -> Any:
        models._loads += 1  # type: ignore[attr-defined]
        return load(*args, **kwargs)

    models.build_pipeline = counted


def _model_loads() -> int:
    import tasks.nlp.models as models

    return int(getattr(models, "_loads", -1))


def _sorted_rows(out: Path) -> dict[str, list[str]]:
    from tasks.store.parquet import BATCH_TABLES, read_table

    return {
        name: sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)
                     for r in read_table(out, name).to_pylist())
        for name in BATCH_TABLES
    }  # fmt: skip


@pytest.mark.slow
def test_dask_cluster_gives_the_default_runners_tables(
    tmp_path: Path, prefect_server: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    from flows.extract import extract

    def run_batches(raw: str, out: str, batch_size: int) -> int:
        """The extract flow itself: its task runner, read from ILTIZAM_RUNNER, decides where batches run."""
        extract(raw=raw, out=out, batch_size=batch_size)
        return len(list((Path(out) / ".parts").glob("*/part.json")))

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns(".*"))

    monkeypatch.setenv(RUNNER_ENV, "thread")
    assert run_batches(str(raw), str(tmp_path / "thread"), 2) == 3

    # a local cluster standing in for a remote one: reached by its scheduler address, as `dask:tcp://…`
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            client.run(_count_model_loads)
            monkeypatch.setenv(RUNNER_ENV, f"dask:{cluster.scheduler_address}")
            assert run_batches(str(raw), str(tmp_path / "dask"), 2) == 3
            loads = client.run(_model_loads)
    assert list(loads.values()) == [1], f"the worker loaded the model {loads} times for 3 batches"

    thread_rows, dask_rows = _sorted_rows(tmp_path / "thread"), _sorted_rows(tmp_path / "dask")
    assert thread_rows["documents"] and thread_rows["tokens"] and thread_rows["mentions"]
    for name in thread_rows:
        assert dask_rows[name] == thread_rows[name], f"table {name} differs between the thread pool and Dask"
