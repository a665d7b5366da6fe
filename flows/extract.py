"""Run the pipeline over a folder of raw articles: ``python -m flows.extract --raw raw --out processed``.

Runs on Prefect's temporary local server unless PREFECT_API_URL points at a real one.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from prefect import flow, task

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from tasks.batch import process_batch
from tasks.models import ModelConfig
from tasks.settings import PROJECT_ROOT
from tasks.store import publish


def list_raw_files(raw: Path) -> list[str]:
    """Every visible entry of the raw folder, sorted; directories and odd files are listed too so
    that they reach the quarantine table instead of vanishing."""
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder {raw} does not exist; create it and drop article texts in it")
    return sorted(str(p) for p in raw.iterdir() if not p.name.startswith("."))


@task(name="process-batch")
def process_batch_task(paths: list[str], staging: str, models: str) -> dict[str, Any]:
    return process_batch(paths, Path(staging), ModelConfig.from_setting(models)).as_dict()


@task(name="publish")
def publish_task(staging: str, out: str) -> None:
    publish(Path(staging), Path(out))


@flow(name="extract")
def extract(
    raw: str = str(PROJECT_ROOT / "raw"),
    out: str = str(PROJECT_ROOT / "processed"),
    batch_size: int = 100,
    models: str = "bundled",
) -> dict[str, Any]:
    """Raw Arabic articles → documents, sentences, tokens, mentions and quarantine tables."""
    started = time.time()
    paths = list_raw_files(Path(raw))
    out_p = Path(out)
    staging = out_p / f".staging-{uuid.uuid4().hex[:8]}"
    batches = [paths[i : i + batch_size] for i in range(0, len(paths), batch_size)] or [[]]
    totals = {"documents": 0, "sentences": 0, "words": 0, "mentions": 0, "quarantined": 0}
    for i, batch in enumerate(batches, 1):
        summary = process_batch_task(batch, str(staging), models)
        for k in totals:
            totals[k] += summary[k]
        print(
            f"batch {i}/{len(batches)}: {summary['documents']} documents, {summary['sentences']} sentences, "
            f"{summary['words']} words, {summary['mentions']} mentions, {summary['quarantined']} quarantined "
            f"({summary['seconds']:.1f} s)"
        )
    publish_task(str(staging), out)
    totals["seconds"] = round(time.time() - started, 1)
    print(
        f"done: {totals['documents']} documents, {totals['sentences']} sentences, {totals['words']} words, "
        f"{totals['mentions']} mentions, {totals['quarantined']} quarantined, in {totals['seconds']} s "
        f"→ {out_p}/<table>/*.parquet"
    )
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--raw", default=str(PROJECT_ROOT / "raw"), help="folder of raw article files")
    ap.add_argument("--out", default=str(PROJECT_ROOT / "processed"), help="output folder for Parquet tables")
    ap.add_argument("--batch-size", type=int, default=100, help="documents per task")
    ap.add_argument(
        "--models", default="bundled", help="bundled (default), a models folder, or stanza:<resources dir>"
    )
    args = ap.parse_args(argv)
    extract(raw=args.raw, out=args.out, batch_size=args.batch_size, models=args.models)
    return 0


if __name__ == "__main__":
    sys.exit(main())
