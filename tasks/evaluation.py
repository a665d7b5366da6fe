"""Scoring pipeline output against gold JSONL in the GUIDELINE layout (document-level sets)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    text: str
    entities: list[dict[str, Any]]
    commitments: list[dict[str, Any]]


def read_gold(path: Path) -> list[GoldDoc]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append(GoldDoc(d["doc_id"], d["text"], d.get("entities", []), d.get("commitments", [])))
    return docs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred,
            "gold": n_gold}  # fmt: skip


def score_sets(gold: Mapping[str, set[tuple[str, str]]], pred: Mapping[str, set[tuple[str, str]]]) -> dict[str, Any]:
    """Micro P/R/F1 over per-document sets of (key, type), overall and per type."""
    totals = {"tp": 0, "pred": 0, "gold": 0}
    by_type: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "pred": 0, "gold": 0})
    for doc_id in set(gold) | set(pred):
        g, p = gold.get(doc_id, set()), pred.get(doc_id, set())
        for item in g & p:
            by_type[item[1]]["tp"] += 1
        for item in g:
            by_type[item[1]]["gold"] += 1
        for item in p:
            by_type[item[1]]["pred"] += 1
        totals["tp"] += len(g & p)
        totals["pred"] += len(p)
        totals["gold"] += len(g)
    return {
        "all": prf(totals["tp"], totals["pred"], totals["gold"]),
        "by_type": {t: prf(c["tp"], c["pred"], c["gold"]) for t, c in sorted(by_type.items())},
    }


def entity_sets(
    gold_docs: Iterable[GoldDoc], predicted: Mapping[str, list[dict[str, Any]]]
) -> dict[str, tuple[dict[str, set[tuple[str, str]]], dict[str, set[tuple[str, str]]]]]:
    """Gold and predicted sets keyed two ways: exact (surface, type) and (canonical, type).

    ``predicted`` maps a gold doc_id to mention rows carrying ``text``, ``type`` and ``canonical``.
    """
    exact_g, exact_p, canon_g, canon_p = {}, {}, {}, {}
    for gd in gold_docs:
        exact_g[gd.doc_id] = {(e["text"], e["type"]) for e in gd.entities}
        canon_g[gd.doc_id] = {(e.get("canonical") or e["text"], e["type"]) for e in gd.entities}
        rows = predicted.get(gd.doc_id, [])
        exact_p[gd.doc_id] = {(r["text"], r["type"]) for r in rows}
        canon_p[gd.doc_id] = {(r.get("canonical") or r["text"], r["type"]) for r in rows}
    return {"exact": (exact_g, exact_p), "canonical": (canon_g, canon_p)}


def score_entities(gold_docs: list[GoldDoc], predicted: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    sets = entity_sets(gold_docs, predicted)
    return {name: score_sets(g, p) for name, (g, p) in sets.items()}


def entity_errors(gold_docs: list[GoldDoc], predicted: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """Missed and spurious (surface, type) pairs per document, to guide work on rules."""
    lines = []
    exact_g, exact_p = entity_sets(gold_docs, predicted)["exact"]
    for gd in gold_docs:
        missed = sorted(exact_g[gd.doc_id] - exact_p[gd.doc_id])
        spurious = sorted(exact_p[gd.doc_id] - exact_g[gd.doc_id])
        if missed or spurious:
            lines.append(f"## {gd.doc_id}")
            lines += [f"- missed   {t:5} {s}" for s, t in missed]
            lines += [f"- spurious {t:5} {s}" for s, t in spurious]
    return lines


def format_table(title: str, scores: Mapping[str, Any]) -> str:
    lines = [title, f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]

    def row(name: str, s: Mapping[str, float]) -> str:
        return (f"{name:10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {int(s['tp']):5d} "
                f"{int(s['pred']):5d} {int(s['gold']):5d}")  # fmt: skip

    lines.append(row("all", scores["all"]))
    for t, s in scores.get("by_type", {}).items():
        lines.append(row(t, s))
    return "\n".join(lines)
