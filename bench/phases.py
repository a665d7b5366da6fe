"""One measured phase in its own process: ``python -m bench.phases naive|batched|pipeline|flow --raw R --json F``.

A process per phase keeps the measurements apart: each loads the model itself and its peak RSS is its own
(the pipeline's with its worker processes, which are its children; Prefect's server is not counted).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tasks.settings import apply_prefect_defaults

apply_prefect_defaults()


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


class RssSampler:
    """Peak resident memory of this process and its worker processes (children, Prefect's temporary server
    left out) over a stretch of time, sampled in a daemon thread."""

    def __init__(self, interval: float = 0.2) -> None:
        import psutil

        self._proc = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self.peak = self._proc.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: set[int] = set()

    def rss(self) -> int:
        import psutil

        total = self._proc.memory_info().rss
        for child in self._proc.children(recursive=True):
            try:
                if child.pid in self._server:
                    continue
                if "uvicorn" in " ".join(child.cmdline()):
                    self._server.add(child.pid)
                    continue
                total += child.memory_info().rss
            except psutil.Error:  # a worker that just ended
                continue
        return total

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.peak = max(self.peak, self.rss())

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())


def cpu_seconds() -> float:
    """CPU time of this process and of its children that ended (the worker processes, once the flow is
    done with them)."""
    r, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def max_rss_mb() -> float:
    """ru_maxrss: the high-water mark of the whole process (kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageTimer:
    """Exclusive wall time per stage: a stage nested in another (the stanza call inside the nlp step)
    is counted only in the inner one, so the stages add up to at most the run's time."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.missing: list[str] = []
        self._lock = threading.Lock()
        self._local = threading.local()
        self._undo: list[Callable[[], None]] = []

    def reset(self) -> None:
        with self._lock:
            self.seconds.clear()
            self.calls.clear()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        stack: list[list[float]] = self._local.__dict__.setdefault("stack", [])
        frame = [0.0]  # time spent in nested stages
        stack.append(frame)
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            stack.pop()
            if stack:
                stack[-1][0] += elapsed
            with self._lock:
                self.seconds[name] = self.seconds.get(name, 0.0) + elapsed - frame[0]
                self.calls[name] = self.calls.get(name, 0) + 1

    def wrap(self, fn: Callable[..., Any], name: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return fn(*args, **kwargs)

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed

    def patch(self, module: Any, attr: str, name: str, result: Callable[[Any], Any] | None = None) -> None:
        """Time every call of ``module.attr`` as stage ``name``; a name the module lacks (the code moved)
        is listed in ``missing`` instead of failing the benchmark."""
        fn = getattr(module, attr, None)
        if not callable(fn):
            self.missing.append(f"{module.__name__}.{attr}")
            return
        timed = self.wrap(fn, name)
        if result is not None:
            inner = timed

            def timed(*args: Any, **kwargs: Any) -> Any:
                return result(inner(*args, **kwargs))

        setattr(module, attr, _Patched(timed, fn))
        self._undo.append(lambda: setattr(module, attr, fn))


class _Patched:
    """A timed stand-in for a function that pickles as the original: the flow and its tasks, sent to
    worker processes by value with their globals, must not carry the timer (its lock does not pickle)."""

    def __init__(self, timed: Callable[..., Any], original: Callable[..., Any]) -> None:
        self._timed = timed
        self.__wrapped__ = original

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._timed(*args, **kwargs)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _original, (self.__wrapped__,)


def _original(fn: Callable[..., Any]) -> Callable[..., Any]:
    return fn


class TimedPipeline:
    """The stanza pipeline with its calls timed as stage ``stanza``; everything else passes through."""

    def __init__(self, inner: Any, timer: StageTimer) -> None:
        self._inner = inner
        self._timer = timer

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        with self._timer.stage("stanza"):
            return self._inner(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def torch_threads() -> int:
    import torch

    return int(torch.get_num_threads())


# ---------------------------------------------------------------------------------------------
# (a) naive stanza, (b) bare stanza on the pipeline's segments
# ---------------------------------------------------------------------------------------------


def raw_files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.iterdir() if p.is_file() and not p.name.startswith("."))


def _stanza_run(calls: list[list[str]] | list[str], models: str, phase: str) -> dict[str, Any]:
    """Load the pipeline's stanza processors from the same files (no lemma cache: bare stanza), then make
    each call: a text (``nlp(text)``) or a list of texts (one call, one stanza Document each)."""
    import stanza

    from tasks.nlp.models import DEFAULT_PROCESSORS, ModelConfig, available_processors, build_pipeline

    config = ModelConfig.from_setting(models)
    texts = [t for c in calls for t in ([c] if isinstance(c, str) else c)]
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    with RssSampler() as rss:
        nlp = build_pipeline(config)
        load = time.perf_counter() - t0
        tokens = words = sentences = 0
        for i, call in enumerate(calls, 1):
            docs = [nlp(call)] if isinstance(call, str) else nlp([stanza.Document([], text=t) for t in call])
            for d in docs:
                sentences += len(d.sentences)
                for s in d.sentences:
                    tokens += len(s.tokens)
                    words += len(s.words)
            del docs
            if i % 50 == 0 or i == len(calls):
                print(f"  {phase}: {i}/{len(calls)} calls", file=sys.stderr)
    wall = time.perf_counter() - t0
    return {
        "phase": phase,
        "processors": available_processors(config, DEFAULT_PROCESSORS),
        "calls": len(calls),
        "texts": len(texts),
        "chars": sum(len(t) for t in texts),
        "sentences": sentences,
        "tokens": tokens,
        "words": words,
        "seconds": wall,
        "cpu_seconds": cpu_seconds() - cpu0,
        "stages": {"model load": load, "stanza": wall - load},
        "peak_rss_mb": rss.peak / 2**20,
        "max_rss_mb": max_rss_mb(),
        "torch_threads": torch_threads(),
    }


def naive_phase(raw: Path, models: str) -> dict[str, Any]:
    """What a user would write: ``nlp(text)`` for each article file, one after the other."""
    texts = [p.read_text(encoding="utf-8") for p in raw_files(raw)]
    result = _stanza_run(texts, models, "naive")
    result["docs"] = len(texts)
    return result


def pipeline_segments(raw: Path, batch_size: int) -> tuple[list[list[str]], int]:
    """The texts the pipeline sends to stanza (every content segment of every document ingest keeps, in the
    same order), ``batch_size`` documents per call as the plan cuts them; and the number of documents."""
    from tasks.ingest.precheck import content_problem
    from tasks.ingest.reader import ingest_file

    docs, seen = [], set()
    for p in raw_files(raw):
        try:
            doc = ingest_file(str(p))
        except Exception:
            continue
        if content_problem(doc) or doc.doc_id in seen or not doc.segments:
            continue
        seen.add(doc.doc_id)
        docs.append(doc)
    calls = [
        [d.text[s.start : s.end] for d in docs[i : i + batch_size] for s in d.segments]
        for i in range(0, len(docs), batch_size)
    ]
    return calls, len(docs)


def batched_phase(raw: Path, batch_size: int, models: str) -> dict[str, Any]:
    """Bare stanza on exactly the segments the pipeline feeds, a batch of documents per call (ingest, done
    before the clock starts, is the pipeline's own work)."""
    calls, docs = pipeline_segments(raw, batch_size)
    result = _stanza_run(calls, models, "batched")
    result["docs"] = docs
    return result


# ---------------------------------------------------------------------------------------------
# (b) full pipeline, (c) rerun
# ---------------------------------------------------------------------------------------------


def instrument(timer: StageTimer) -> None:
    """Time the pipeline's stages where the flow and the batch function look them up (batches run in worker
    processes are not seen; the batch task's globals stay unpatched: cloudpickle sends it to the workers
    by value, and a timer's lock does not pickle)."""
    import flows.extract as extract_mod
    import tasks.batch as batch_mod

    timer.patch(extract_mod, "make_plan", "plan (scan raw/)")
    timer.patch(extract_mod, "build_part", "batches in the flow's process (small input)")
    timer.patch(extract_mod, "commit", "commit (publish tables)")
    timer.patch(batch_mod, "ingest_file", "ingest")
    timer.patch(batch_mod, "content_problem", "ingest")
    timer.patch(batch_mod, "get_pipeline", "model load", result=lambda nlp: TimedPipeline(nlp, timer))
    timer.patch(batch_mod, "analyse_guarded", "nlp rows (stanza objects → typed analyses)")
    timer.patch(batch_mod, "link_entities", "entities")
    timer.patch(batch_mod, "find_commitments", "commitments")
    for attr in ("batch_rows", "write_part"):
        timer.patch(batch_mod, attr, "store (Arrow + Parquet per batch)")


def table_counts(out: Path) -> dict[str, Any]:
    """Rows of the published tables; called by the parent process, so reading them adds nothing to the
    pipeline process's peak memory."""
    import pyarrow.dataset as ds

    def dataset(name: str) -> Any:
        folder = out / name
        if not folder.is_dir() or not any(folder.glob("*.parquet")):
            return None
        return ds.dataset(sorted(folder.glob("*.parquet")), format="parquet")

    counts: dict[str, Any] = {}
    for name in ("documents", "sentences", "mentions", "entities", "commitments", "quarantine"):
        d = dataset(name)
        counts[name] = 0 if d is None else d.count_rows()
    d = dataset("tokens")
    tok = None if d is None else d.to_table(columns=["doc_id", "sentence_idx", "token_idx"])
    counts["words"] = 0 if tok is None else tok.num_rows
    key = ["doc_id", "sentence_idx", "token_idx"]
    counts["tokens"] = 0 if tok is None else tok.group_by(key).aggregate([]).num_rows
    return counts


def snapshot(out: Path) -> dict[str, int]:
    """mtime of every published table file (not the runs log a rerun appends to)."""
    from tasks.store.schema import TABLES

    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for name in TABLES
        if name != "runs"
        for p in (out / name).glob("*.parquet")
    }


def _run_flow(flow_fn: Any, **params: Any) -> tuple[float, float, float, Any]:
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    with RssSampler() as rss:
        state = flow_fn(**params, return_state=True)
    wall = time.perf_counter() - t0
    if not state.is_completed():
        raise SystemExit(f"the extract flow did not complete: {state.name}: {state.message}")
    return wall, cpu_seconds() - cpu0, rss.peak / 2**20, state


def pipeline_phase(raw: Path, out: Path, batch_size: int, models: str, rerun: bool = True) -> dict[str, Any]:
    """Start Prefect's temporary server first (a real deployment keeps one running; its start-up is
    reported, not counted), then time the extract flow into an empty folder and once more unchanged. The
    runner and workers are the defaults unless ILTIZAM_RUNNER / ILTIZAM_WORKERS say otherwise."""
    import shutil

    import stanza  # noqa: F401  (imported before timing, as in the bare stanza phase)
    from prefect import flow

    from flows.extract import extract
    from tasks.prefect_server import without_heartbeats
    from tasks.runners import parse_runner

    t0 = time.perf_counter()

    @flow(name="bench-warmup")
    def warmup() -> int:
        return 1

    warmup()
    server_start = time.perf_counter() - t0

    timer = StageTimer()
    instrument(timer)
    if out.exists():
        shutil.rmtree(out)
    params = {"raw": str(raw), "out": str(out), "batch_size": batch_size, "models": models}

    print("  full pipeline: running the extract flow …", file=sys.stderr)
    with without_heartbeats():  # as ``python -m flows.extract`` runs it
        wall, cpu, peak, _ = _run_flow(extract, **params)
    full_stages = dict(timer.seconds)
    full_calls = dict(timer.calls)
    before = snapshot(out)

    timer.reset()
    re_wall = re_cpu = re_peak = 0.0
    if rerun:
        print("  rerun: the same flow again, nothing changed …", file=sys.stderr)
        with without_heartbeats():
            re_wall, re_cpu, re_peak, _ = _run_flow(extract, **params)
    after = snapshot(out)
    rewritten = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    return {
        "phase": "pipeline",
        "runner": parse_runner().description,
        "docs_in": len(raw_files(raw)),
        "chars": sum(p.stat().st_size for p in raw_files(raw)),
        "seconds": wall,
        "cpu_seconds": cpu,
        "stages": full_stages,
        "stage_calls": full_calls,
        "peak_rss_mb": peak,
        "rerun_seconds": re_wall,
        "rerun_cpu_seconds": re_cpu,
        "rerun_stages": dict(timer.seconds),
        "rerun_peak_rss_mb": re_peak,
        "rerun_rewritten_files": rewritten,
        "prefect_server_start_seconds": server_start,
        "max_rss_mb": max_rss_mb(),
        "not_instrumented": timer.missing,
        "torch_threads": torch_threads(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("phase", choices=("naive", "batched", "pipeline", "flow"), help="flow: the pipeline, no rerun")
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--out", type=Path, help="output folder of the pipeline phase (emptied first)")
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--models", default=os.environ.get("ILTIZAM_MODELS", "bundled"))
    ap.add_argument("--json", type=Path, required=True, help="where to write the measurements")
    args = ap.parse_args(argv)
    if args.phase == "naive":
        result = naive_phase(args.raw, args.models)
    elif args.phase == "batched":
        result = batched_phase(args.raw, args.batch_size, args.models)
    else:
        if args.out is None:
            ap.error("the pipeline phase needs --out")
        result = pipeline_phase(args.raw, args.out, args.batch_size, args.models, rerun=args.phase == "pipeline")
    args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
