"""Shared fixtures: stanza for the rule tests (frozen answers, no model) and one pipeline run over the
samples, each built once.

``nlp`` answers from tests/fixtures/nlp/<module>.json, one bundle of stanza output per test module recorded
with the real models, so entity and commitment rule tests run in seconds and without ``models/``. The setting
ILTIZAM_TEST_NLP picks the mode:
- ``frozen`` (default): fixtures only; a text they lack fails with how to record it;
- ``live``: the real models, no fixtures (check the rules against the current models);
- ``record``: fixtures, missing texts analysed by the real models; each module's bundle is rewritten with
  exactly the texts its tests used (``python -m tests.freeze_nlp`` runs this);
- ``rerecord``: as ``record`` but every text analysed again (after the models changed: ``--all``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tasks.settings import PROJECT_ROOT, apply_prefect_defaults

apply_prefect_defaults()
os.environ.setdefault("OMP_NUM_THREADS", "2")

RAW = PROJECT_ROOT / "raw"
SHARED = PROJECT_ROOT.parent / "shared"
TESTS = Path(__file__).resolve().parent
NLP_FIXTURES = TESTS / "fixtures" / "nlp"
NLP_MODE_ENV = "ILTIZAM_TEST_NLP"
NLP_MODES = ("frozen", "live", "record", "rerecord")
FREEZE_HINT = (
    "A new or changed test text needs its stanza output recorded with the real models: "
    "`python -m tests.freeze_nlp` (see tests/freeze_nlp.py), or run on the models without fixtures with "
    f"{NLP_MODE_ENV}=live."
)


def nlp_mode() -> str:
    mode = os.environ.get(NLP_MODE_ENV, "frozen").strip() or "frozen"
    if mode not in NLP_MODES:
        raise pytest.UsageError(f"{NLP_MODE_ENV}={mode!r}: use one of {', '.join(NLP_MODES)}")
    return mode


def bundle_name(path: Path) -> str:
    """tests/entities/test_entities.py → ``entities.test_entities`` (the fixture file's stem)."""
    return ".".join(Path(path).resolve().relative_to(TESTS).with_suffix("").parts)


def frozen_pipeline(bundle: str, mode: str = "frozen") -> Any:
    """The ``nlp`` of one test module: a CachedPipeline over its bundle, with the real models behind it
    only when recording."""
    from tasks.nlp.cache import BundleStore, CachedPipeline

    if mode == "frozen":
        store = BundleStore(NLP_FIXTURES, readable=[bundle])
        return CachedPipeline(store, miss_hint=f"(looked in {NLP_FIXTURES / bundle}.json) {FREEZE_HINT}")
    from tasks.nlp.models import DEFAULT_PROCESSORS, ModelConfig, model_version, shared_pipeline

    header = {
        "about": "stanza output the rule tests of this module run on; regenerate: python -m tests.freeze_nlp",
        "model_version": model_version(ModelConfig.from_setting()),
        "processors": DEFAULT_PROCESSORS,
    }
    store = BundleStore(NLP_FIXTURES, bundle=bundle, readable=[bundle] if mode == "record" else [], header=header)
    return CachedPipeline(store, loader=shared_pipeline)


@pytest.fixture(scope="module")
def nlp(request: pytest.FixtureRequest) -> Iterator[Any]:
    """stanza for rule tests; frozen by default (see the module docstring)."""
    mode = nlp_mode()
    if mode == "live":
        from tasks.nlp.models import shared_pipeline

        yield shared_pipeline()
        return
    pipeline = frozen_pipeline(bundle_name(request.path), mode)
    yield pipeline
    if mode in ("record", "rerecord"):
        pipeline.store.save()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Recording runs only the tests that use stanza's answers."""
    if nlp_mode() not in ("record", "rerecord"):
        return
    keep = [i for i in items if "nlp" in getattr(i, "fixturenames", ())]
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep


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
