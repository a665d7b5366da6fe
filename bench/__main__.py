"""``python -m bench`` (N = 200 and 1000) or ``python -m bench --n 200``: see bench/__init__.py.

Work files go to ``work/bench/n<N>/`` (git-ignored): ``raw/`` (the drawn articles), ``processed/`` (the
pipeline's tables), ``dask1/``, ``dask2/``, and ``naive.json``, ``batched.json``, ``pipeline.json``,
``dask<W>.json`` (every measurement of the size).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpus import CORPUS, SEED, draw, load_articles, write_raw
from bench.phases import table_counts
from tasks.runners import RUNNER_ENV, WORKERS_ENV, _cores
from tasks.settings import PROJECT_ROOT

SIZES = (200, 1000)
WORK = PROJECT_ROOT / "work" / "bench"


def run_phase(
    phase: str, raw: Path, out: Path, json_path: Path, batch_size: int, models: str, threads: int | None,
    env_extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    env = dict(os.environ)
    # a private Prefect home: the temporary server's SQLite is not shared with other runs on the machine
    env["PREFECT_HOME"] = str(WORK / ".prefect")
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)  # torch's intra-op threads of the one-process phases
    for name in (RUNNER_ENV, WORKERS_ENV):
        env.pop(name, None)  # the pipeline runs with its defaults unless a phase says otherwise
    env.update(env_extra or {})
    cmd = [sys.executable, "-m", "bench.phases", phase, "--raw", str(raw), "--out", str(out),
           "--batch-size", str(batch_size), "--models", models, "--json", str(json_path)]  # fmt: skip
    json_path.unlink(missing_ok=True)
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, stdout=sys.stderr, check=False)
    if proc.returncode != 0 or not json_path.exists():
        raise SystemExit(f"benchmark phase {phase} failed (exit {proc.returncode}): {' '.join(cmd)}")
    result: dict[str, Any] = json.loads(json_path.read_text(encoding="utf-8"))
    return result


def write_sample(n: int, articles: list[dict[str, Any]], seed: int) -> Path:
    raw = WORK / f"n{n}" / "raw"
    write_raw(draw(articles, n, seed), raw)
    print(f"N={n}: {n} articles written to {raw}", file=sys.stderr)
    return raw


def measure(n: int, raw: Path, batch_size: int, models: str, threads: int | None) -> dict[str, Any]:
    base = raw.parent
    t0 = time.perf_counter()
    a = run_phase("naive", raw, base / "processed", base / "naive.json", batch_size, models, threads)
    b = run_phase("batched", raw, base / "processed", base / "batched.json", batch_size, models, threads)
    c = run_phase("pipeline", raw, base / "processed", base / "pipeline.json", batch_size, models, threads)
    c.update(table_counts(base / "processed"))
    return {"n": n, "naive": a, "batched": b, "pipeline": c, "bench_seconds": time.perf_counter() - t0}


def measure_dask(n: int, raw: Path, batch_size: int, models: str, threads: int | None) -> dict[str, Any]:
    """The pipeline on a local Dask cluster of 1, then 2 single-threaded workers: scale-out efficiency
    t1 / (2 · t2) (1.0: the second worker halves the time)."""
    base = raw.parent
    runs = {}
    for workers in (1, 2):
        out = base / f"dask{workers}"
        runs[workers] = run_phase("flow", raw, out, base / f"dask{workers}.json", batch_size, models, threads,
                                  {RUNNER_ENV: f"dask:{workers}"})  # fmt: skip
    t1, t2 = runs[1]["seconds"], runs[2]["seconds"]
    return {"n": n, "dask1": runs[1], "dask2": runs[2], "efficiency": t1 / (2 * t2)}


def _f(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def report(m: dict[str, Any]) -> str:
    n, a, b, c = m["n"], m["naive"], m["batched"], m["pipeline"]
    lines = [
        f"N={n}: {c['docs_in']} raw files → {c['documents']} documents, {c['quarantine']} quarantined; "
        f"{c['tokens']:,} tokens ({c['words']:,} words after the clitic split), {c['sentences']:,} sentences, "
        f"{c['mentions']:,} mentions, {c['commitments']:,} commitments; (b) fed {b['chars']:,} characters in "
        f"{b['texts']:,} segments, (a) {a['chars']:,} in {a['texts']:,} articles",
        f"  {'':34}{'wall s':>9}{'cpu s':>9}{'docs/s':>9}{'tokens/s':>10}{'peak RSS MB':>13}",
    ]

    def row(label: str, wall: float, cpu: float, docs: int | None, tokens: int | None, rss: float) -> str:
        dps = _f(docs / wall, 2) if docs else "-"
        tps = f"{tokens / wall:,.0f}" if tokens else "-"
        return f"  {label:34}{_f(wall):>9}{_f(cpu):>9}{dps:>9}{tps:>10}{rss:>13,.0f}"

    lines.append(row("(a) naive stanza, nlp(text) each", a["seconds"], a["cpu_seconds"], a["docs"], a["tokens"],
                     a["peak_rss_mb"]))  # fmt: skip
    lines.append(row("(b) bare stanza, pipeline segments", b["seconds"], b["cpu_seconds"], b["docs"], b["tokens"],
                     b["peak_rss_mb"]))  # fmt: skip
    lines.append(row("(c) pipeline, defaults", c["seconds"], c["cpu_seconds"], c["documents"], c["tokens"],
                     c["peak_rss_mb"]))  # fmt: skip
    lines.append(row("(d) rerun, unchanged", c["rerun_seconds"], c["rerun_cpu_seconds"], None, None,
                     c["rerun_peak_rss_mb"]))  # fmt: skip
    lines.append(
        f"  (a)/(c)={a['seconds'] / c['seconds']:.2f}  (b)/(c)={b['seconds'] / c['seconds']:.2f}  "
        f"(a)/(b)={a['seconds'] / b['seconds']:.2f}  (d)/(c)={c['rerun_seconds'] / c['seconds']:.3f}; "
        f"(c) ran on: {c['runner']}; peak RSS of (c) counts its worker processes"
    )
    stages = {k: v for k, v in c["stages"].items() if v >= 0.01}
    timed = ", ".join(f"{k} {_f(v, 2)} s" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]))
    lines.append(f"  stages timed in the flow's process of (c): {timed}")
    lines.append(
        f"  model load: (a) {_f(a['stages']['model load'], 2)} s, (b) {_f(b['stages']['model load'], 2)} s; torch "
        f"threads of (a), (b): {a['torch_threads']}; (c) timed with Prefect's temporary server already up (its "
        f"start-up, {_f(c['prefect_server_start_seconds'])} s, not counted)"
    )
    if c["rerun_rewritten_files"]:
        lines.append(f"  WARNING: the unchanged rerun rewrote {len(c['rerun_rewritten_files'])} table files")
    return "\n".join(lines)


def report_dask(d: dict[str, Any]) -> str:
    one, two = d["dask1"], d["dask2"]
    return (
        f"Dask, N={d['n']}: 1 worker {_f(one['seconds'])} s, 2 workers {_f(two['seconds'])} s "
        f"(local cluster, one thread each): speedup {one['seconds'] / two['seconds']:.2f}, scale-out efficiency "
        f"t1/(2·t2) = {d['efficiency']:.2f}; peak RSS {one['peak_rss_mb']:,.0f} / {two['peak_rss_mb']:,.0f} MB "
        "(the flow's process; Dask's workers are not its children)"
    )


def summary_line(results: list[dict[str, Any]]) -> str:
    """Worst ratios over the sizes measured; the RSS growth needs both 200 and 1000."""
    r1 = min(m["naive"]["seconds"] / m["pipeline"]["seconds"] for m in results)
    r2 = min(m["batched"]["seconds"] / m["pipeline"]["seconds"] for m in results)
    r3 = max(m["pipeline"]["rerun_seconds"] / m["pipeline"]["seconds"] for m in results)
    by_n = {m["n"]: m["pipeline"]["peak_rss_mb"] for m in results}
    r4 = f"{by_n[1000] / by_n[200]:.2f}" if 200 in by_n and 1000 in by_n else "n/a"
    return f"speedup_vs_naive={r1:.2f} speedup_vs_batched={r2:.2f} rerun/full={r3:.3f} rss1000/rss200={r4}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="articles to draw (repeatable); default 200 and 1000")
    ap.add_argument("--seed", type=int, default=SEED, help=f"sampling seed (default {SEED})")
    ap.add_argument("--batch-size", type=int, default=100, help="documents per batch (the pipeline's default)")
    ap.add_argument("--models", default=os.environ.get("ILTIZAM_MODELS", "bundled"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("OMP_NUM_THREADS", "1")),
        help="torch threads of the one-process phases (a) and (b) (OMP_NUM_THREADS; default 1: on a shared "
        "2-core machine two spinning OpenMP threads next to another busy process ran stanza up to 15× slower); "
        "the pipeline's workers have one each",
    )
    ap.add_argument("--dask", type=int, default=None, metavar="N",
                    help="articles of the Dask section (1 vs 2 workers; default: the largest size); 0 skips it")
    args = ap.parse_args(argv)
    sizes = sorted(set(args.n or SIZES))
    if any(n < 1 for n in sizes):
        ap.error("--n must be positive")
    WORK.mkdir(parents=True, exist_ok=True)
    articles = load_articles(args.corpus)
    results = []
    for n in sizes:
        m = measure(n, write_sample(n, articles, args.seed), args.batch_size, args.models, args.threads)
        results.append(m)
        print(report(m), flush=True)
    dask_n = sizes[-1] if args.dask is None else args.dask
    dask = None
    if dask_n:
        raw = WORK / f"n{dask_n}" / "raw" if dask_n in sizes else write_sample(dask_n, articles, args.seed)
        dask = measure_dask(dask_n, raw, args.batch_size, args.models, args.threads)
        print(report_dask(dask), flush=True)
    (WORK / "results.json").write_text(json.dumps({"sizes": results, "dask": dask}, indent=1) + "\n",
                                       encoding="utf-8")  # fmt: skip
    print(
        f"corpus {args.corpus.name}, seed {args.seed}, batch size {args.batch_size}, {_cores()} cores; "
        "ratios below are the worst over the sizes run; rss = peak RSS of the pipeline with its workers"
    )
    print(summary_line(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
