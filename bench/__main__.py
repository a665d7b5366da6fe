"""``python -m bench`` (N = 200 and 1000) or ``python -m bench --n 200``: see bench/__init__.py.

Work files go to ``work/bench/n<N>/`` (git-ignored): ``raw/`` (the drawn articles), ``processed/`` (the
pipeline's tables), ``stanza.json`` and ``pipeline.json`` (every measurement of the size).
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
from tasks.settings import PROJECT_ROOT

SIZES = (200, 1000)
WORK = PROJECT_ROOT / "work" / "bench"


def run_phase(
    phase: str, raw: Path, out: Path, json_path: Path, batch_size: int, models: str, threads: int | None
) -> dict[str, Any]:
    env = dict(os.environ)
    # a private Prefect home: the temporary server's SQLite is not shared with other runs on the machine
    env["PREFECT_HOME"] = str(WORK / ".prefect")
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)  # torch's intra-op threads, the same in every phase
    cmd = [sys.executable, "-m", "bench.phases", phase, "--raw", str(raw), "--out", str(out),
           "--batch-size", str(batch_size), "--models", models, "--json", str(json_path)]  # fmt: skip
    json_path.unlink(missing_ok=True)
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, stdout=sys.stderr, check=False)
    if proc.returncode != 0 or not json_path.exists():
        raise SystemExit(f"benchmark phase {phase} failed (exit {proc.returncode}): {' '.join(cmd)}")
    result: dict[str, Any] = json.loads(json_path.read_text(encoding="utf-8"))
    return result


def measure(
    n: int, articles: list[dict[str, Any]], seed: int, batch_size: int, models: str, threads: int | None
) -> dict[str, Any]:
    base = WORK / f"n{n}"
    raw = base / "raw"
    write_raw(draw(articles, n, seed), raw)
    print(f"N={n}: {n} articles written to {raw}", file=sys.stderr)
    t0 = time.perf_counter()
    a = run_phase("stanza", raw, base / "processed", base / "stanza.json", batch_size, models, threads)
    b = run_phase("pipeline", raw, base / "processed", base / "pipeline.json", batch_size, models, threads)
    b.update(table_counts(base / "processed"))
    return {"n": n, "stanza": a, "pipeline": b, "bench_seconds": time.perf_counter() - t0}


def _f(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def report(m: dict[str, Any]) -> str:
    n, a, b = m["n"], m["stanza"], m["pipeline"]
    lines = [
        f"N={n}: {b['docs_in']} raw files → {b['documents']} documents, {b['quarantine']} quarantined; "
        f"{b['tokens']:,} tokens ({b['words']:,} words after the clitic split), {b['sentences']:,} sentences, "
        f"{b['mentions']:,} mentions, {b['commitments']:,} commitments; {a['chars']:,} characters",
        f"  {'':24}{'wall s':>9}{'cpu s':>9}{'docs/s':>9}{'tokens/s':>10}{'peak RSS MB':>13}",
    ]

    def row(label: str, wall: float, cpu: float, docs: int | None, tokens: int | None, rss: float) -> str:
        dps = _f(docs / wall, 2) if docs else "-"
        tps = f"{tokens / wall:,.0f}" if tokens else "-"
        return f"  {label:24}{_f(wall):>9}{_f(cpu):>9}{dps:>9}{tps:>10}{rss:>13,.0f}"

    lines.append(row("(a) bare stanza", a["seconds"], a["cpu_seconds"], a["docs"], a["tokens"], a["peak_rss_mb"]))
    lines.append(
        row("(b) full pipeline", b["seconds"], b["cpu_seconds"], b["documents"], b["tokens"], b["peak_rss_mb"])
    )
    lines.append(row("(c) rerun, unchanged", b["rerun_seconds"], b["rerun_cpu_seconds"], None, None,
                     b["rerun_peak_rss_mb"]))  # fmt: skip
    lines.append(
        f"  pipeline/stanza={b['seconds'] / a['seconds']:.2f}  rerun/full={b['rerun_seconds'] / b['seconds']:.3f}  "
        f"cpu pipeline/stanza={b['cpu_seconds'] / a['cpu_seconds']:.2f}  "
        f"process peak RSS (ru_maxrss): stanza {a['max_rss_mb']:,.0f} MB, pipeline {b['max_rss_mb']:,.0f} MB"
    )
    for key, label, total in (("stages", "(b)", b["seconds"]), ("rerun_stages", "(c)", b["rerun_seconds"])):
        stages = dict(b[key])
        stages["other (Prefect engine, lock, run log, …)"] = max(0.0, total - sum(stages.values()))
        parts = [f"{k} {_f(v, 2)} s ({100 * v / total:.0f}%)" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])]
        lines.append(f"  stages of {label}: " + ", ".join(parts))
    lines.append(
        f"  (a) stages: model load {_f(a['stages']['model load'], 2)} s, stanza {_f(a['stages']['stanza'], 2)} s "
        f"({a['tokens']:,} tokens, {a['words']:,} words; processors {a['processors']}); torch threads "
        f"{a['torch_threads']}; (b) timed with Prefect's temporary server already up (its start-up, "
        f"{_f(b['prefect_server_start_seconds'])} s, not counted)"
    )
    if b["rerun_rewritten_files"]:
        lines.append(f"  WARNING: the unchanged rerun rewrote {len(b['rerun_rewritten_files'])} table files")
    if b["not_instrumented"]:
        lines.append(f"  not instrumented (code moved): {', '.join(b['not_instrumented'])}")
    return "\n".join(lines)


def summary_line(results: list[dict[str, Any]]) -> str:
    """Worst ratios over the sizes measured; the RSS growth needs both 200 and 1000."""
    r1 = max(m["pipeline"]["seconds"] / m["stanza"]["seconds"] for m in results)
    r2 = max(m["pipeline"]["rerun_seconds"] / m["pipeline"]["seconds"] for m in results)
    by_n = {m["n"]: m["pipeline"]["max_rss_mb"] for m in results}
    r3 = f"{by_n[1000] / by_n[200]:.2f}" if 200 in by_n and 1000 in by_n else "n/a"
    return f"pipeline/stanza={r1:.2f} rerun/full={r2:.3f} rss1000/rss200={r3}"


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
        help="torch threads in every phase (OMP_NUM_THREADS; default 1: on a shared 2-core machine two "
        "spinning OpenMP threads next to another busy process ran stanza up to 15× slower)",
    )
    args = ap.parse_args(argv)
    sizes = sorted(set(args.n or SIZES))
    if any(n < 1 for n in sizes):
        ap.error("--n must be positive")
    WORK.mkdir(parents=True, exist_ok=True)
    articles = load_articles(args.corpus)
    results = []
    for n in sizes:
        m = measure(n, articles, args.seed, args.batch_size, args.models, args.threads)
        results.append(m)
        print(report(m), flush=True)
    (WORK / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(
        f"corpus {args.corpus.name}, seed {args.seed}, batch size {args.batch_size}; "
        "ratios below are the worst over the sizes run; rss = peak RSS of the pipeline's process"
    )
    print(summary_line(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
