"""Shared fixtures: the stanza pipeline and one pipeline run over the samples, each built once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tasks.settings import PROJECT_ROOT, apply_prefect_defaults

apply_prefect_defaults()
os.environ.setdefault("OMP_NUM_THREADS", "2")

RAW = PROJECT_ROOT / "raw"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from tasks.nlp.models import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory, prefect_server: None) -> Path:
    """The extract flow over a copy of raw/ (the five samples); returns the output folder."""
    from flows.extract import extract

    base = tmp_path_factory.mktemp("sample_run")
    raw = base / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns(".*"))
    out = base / "processed"
    extract(raw=str(raw), out=str(out), batch_size=2)
    return out


@pytest.fixture(scope="session")
def ops_reference(tmp_path_factory: pytest.TempPathFactory, prefect_server: None) -> tuple[Path, Path]:
    """An uninterrupted extract run from scratch over a copy of raw/, one document per batch: (raw, out).
    The operations tests compare incremental, interrupted and concurrent runs with it."""
    from flows.extract import extract

    base = tmp_path_factory.mktemp("ops_reference")
    raw = base / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns(".*"))
    extract(raw=str(raw), out=str(base / "out"), batch_size=1)
    return raw, base / "out"
