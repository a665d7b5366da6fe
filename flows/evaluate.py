"""Score the pipeline against a gold JSONL (GUIDELINE layout):
``python -m flows.evaluate --gold ../shared/eval/seeds_gold.jsonl``.

The gold texts are written as raw files, the extract flow runs over them, and the tables it writes
are scored; figures are printed and written to ``<out>/scores.json`` with an error listing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from prefect import flow, task

import flows  # noqa: F401  (Prefect defaults)
from flows.extract import extract
from tasks.evaluation import (
    GoldDoc,
    PredCommitment,
    commitment_errors,
    entity_errors,
    format_table,
    read_gold,
    score_commitments,
    score_entities,
)
from tasks.settings import PROJECT_ROOT
from tasks.store.parquet import read_table


def write_raw(gold: list[GoldDoc], raw: Path) -> None:
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    for gd in gold:
        (raw / f"{gd.doc_id}.txt").write_text(gd.text, encoding="utf-8")


def predicted_entities(processed: Path) -> dict[str, list[dict[str, Any]]]:
    """Mention rows per gold doc id (the raw file's stem), with the linked entity's canonical name."""
    docs = {r["doc_id"]: Path(r["source_path"]).stem for r in read_table(processed, "documents").to_pylist()}
    canon: dict[str, str] = {}
    if (processed / "entities").exists():
        canon = {r["entity_id"]: r["canonical_name"] for r in read_table(processed, "entities").to_pylist()}
    out: dict[str, list[dict[str, Any]]] = {}
    for m in read_table(processed, "mentions").to_pylist():
        gold_id = docs.get(m["doc_id"])
        if gold_id is None:
            continue
        out.setdefault(gold_id, []).append(
            {"text": m["text"], "type": m["type"], "canonical": canon.get(m["entity_id"] or "", m["text"])}
        )
    return out


def predicted_commitments(processed: Path) -> dict[str, list[PredCommitment]]:
    """Commitment records per gold doc id, with actor canonicals and the sentence they come from."""
    if not (processed / "commitments").exists():
        return {}
    docs = {r["doc_id"]: Path(r["source_path"]).stem for r in read_table(processed, "documents").to_pylist()}
    canon = {r["entity_id"]: r["canonical_name"] for r in read_table(processed, "entities").to_pylist()}
    sents = {(r["doc_id"], r["sentence_idx"]): r for r in read_table(processed, "sentences").to_pylist()}
    actors: dict[str, set[str]] = {}
    for r in read_table(processed, "commitment_parties").to_pylist():
        if r["role"] == "actor":
            actors.setdefault(r["commitment_id"], set()).add(canon.get(r["entity_id"], r["entity_id"]))
    out: dict[str, list[PredCommitment]] = {}
    for c in read_table(processed, "commitments").to_pylist():
        s = sents[(c["doc_id"], c["sentence_idx"])]
        out.setdefault(docs[c["doc_id"]], []).append(
            PredCommitment(
                frozenset(actors.get(c["commitment_id"], set())),
                c["trigger"],
                c["modality"],
                s["text"],
                s["start_char"],
                s["end_char"],
                c["polarity"],
            )
        )
    return out


def format_commitments(title: str, scores: dict[str, Any]) -> str:
    lines = [title]
    for by, s in scores.items():
        lines.append(f"  by actors+{by:8}  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                     f"(tp {s['tp']}, pred {s['pred']}, gold {s['gold']})")  # fmt: skip
        lines.append(f"    recall by modality: {s['recall_by_modality']}")
    return "\n".join(lines)


@task(name="score")
def score_task(gold_path: str, processed: str, out: str) -> dict[str, Any]:
    gold = read_gold(Path(gold_path))
    pred = predicted_entities(Path(processed))
    commitments = predicted_commitments(Path(processed))
    scores = {
        "gold": gold_path,
        "documents": len(gold),
        "entities": score_entities(gold, pred),
        "commitments": score_commitments(gold, commitments),
        "commitments_without_call_hope": score_commitments(gold, commitments, frozenset({"call", "hope"})),
    }
    out_p = Path(out)
    out_p.mkdir(parents=True, exist_ok=True)
    (out_p / "scores.json").write_text(json.dumps(scores, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    errors = [
        "# Entities (surface, type)",
        *entity_errors(gold, pred),
        "",
        "# Entities (canonical, type)",
        *entity_errors(gold, pred, key="canonical"),
        "",
        "# Commitments",
        *commitment_errors(gold, commitments),
    ]
    (out_p / "errors.md").write_text("\n".join(errors) + "\n", encoding="utf-8")
    return scores


@flow(name="evaluate")
def evaluate(gold: str, out: str | None = None, processed: str | None = None) -> dict[str, Any]:
    """Run the pipeline on the gold texts (unless ``processed`` is given) and print P/R/F1."""
    gold_p = Path(gold)
    out_p = Path(out) if out else PROJECT_ROOT / "work" / "eval" / gold_p.stem
    if processed is None:
        write_raw(read_gold(gold_p), out_p / "raw")
        processed = str(out_p / "processed")
        shutil.rmtree(processed, ignore_errors=True)  # score what the current code extracts, not a cache
        extract(raw=str(out_p / "raw"), out=processed)
    scores = score_task(str(gold_p), processed, str(out_p))
    ent = scores["entities"]
    print(format_table(f"entities, exact (surface, type) — {gold_p.name}", ent["exact"]))
    print(format_table(f"entities, (canonical, type) — {gold_p.name}", ent["canonical"]))
    print(format_commitments(f"commitments — {gold_p.name}", scores["commitments"]))
    print(format_commitments("commitments without call/hope", scores["commitments_without_call_hope"]))
    print(f"scores: {out_p / 'scores.json'}; errors: {out_p / 'errors.md'}")
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(PROJECT_ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"))
    ap.add_argument("--out", default=None, help="folder for raw copies, tables and scores")
    ap.add_argument("--processed", default=None, help="score an existing output folder instead of running")
    args = ap.parse_args(argv)
    evaluate(gold=args.gold, out=args.out, processed=args.processed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
