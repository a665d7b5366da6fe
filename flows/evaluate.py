"""Score the pipeline against the gold sets: ``python -m flows.evaluate`` (every ``*_gold.jsonl`` in
``../shared/eval/``) or ``python -m flows.evaluate --gold ../shared/eval/dev_gold.jsonl [--gold …]``.

Each set's texts are written as raw files (``work/eval/<set>/raw/<doc_id>.txt``) and go through the stages of
the extract flow: ``tasks.batch.process_batch`` per batch, published by ``tasks.store.incremental`` as the flow
publishes them, into ``work/eval/<set>/processed`` (compare two runs with ``python -m bench.digest``). So what
is scored is what the pipeline writes; only Prefect, the run log and the report are left out (no flow run,
no temporary server). Stanza's answers come from the NLP cache ``work/nlp-cache/<model_version>/``
(``tasks/nlp/cache.py``; ``--nlp-cache``, ``--no-nlp-cache``): a warm rerun loads no model and re-runs only the
entity and commitment layers, in seconds.

Per set it prints P/R/F1 and writes ``work/eval/<set>/scores.json`` and ``errors.md`` (missed and spurious
pairs per document, then precision per provenance ``rule``); then one summary table of every set, and over all
sets together the figures per outlet (the outlet comes from each gold document's ``source``) with a
leave-one-outlet-out view, and the precision per rule step: printed, in ``work/eval/outlets.json`` and in
``work/eval/summary.md`` (with ``--out``, in that folder). ``tasks.evaluation.leave_one_outlet_out`` takes a
``fit`` callback for a trainable decision step (trained on all outlets but one, scored on the held-out one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tasks.evaluation import (
    GoldDoc,
    PredCommitment,
    argument_errors,
    by_outlet,
    commitment_errors,
    entity_errors,
    format_outlets,
    format_rules,
    format_table,
    group_scores,
    leave_one_outlet_out,
    read_gold,
    score_arguments,
    score_commitments,
    score_entities,
    score_rules,
)
from tasks.nlp.models import NLP_CACHE_ENV, ModelConfig
from tasks.settings import PROJECT_ROOT
from tasks.store.parquet import read_table

EVAL_DIR = PROJECT_ROOT.parent / "shared" / "eval"
WORK = PROJECT_ROOT / "work"
DEFAULT_NLP_CACHE = WORK / "nlp-cache"


def gold_sets(folder: Path = EVAL_DIR) -> list[Path]:
    """Every gold set of the shared folder, by name."""
    return sorted(folder.glob("*_gold.jsonl"))


def set_name(gold: Path) -> str:
    """``dev_gold.jsonl`` → ``dev``: the folder name under ``work/eval``."""
    stem = gold.name.removesuffix(".jsonl")
    return stem.removesuffix("_gold") or stem


def write_raw(gold: list[GoldDoc], raw: Path) -> None:
    """One raw file per gold document, named by its id (the scoring maps documents back by file name)."""
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    for gd in gold:
        (raw / f"{gd.doc_id}.txt").write_text(gd.text, encoding="utf-8")


def run_tables(raw: Path, out: Path, config: ModelConfig, batch_size: int = 100) -> dict[str, Any]:
    """The extract flow's tables for ``raw``, from scratch, without Prefect: the same plan, the same
    ``process_batch`` per batch and the same publishing (entities deduplicated across batches)."""
    from tasks.batch import check_batch_chain, process_batch
    from tasks.store.incremental import build_part, commit, make_plan
    from tasks.store.runs import new_run_id

    check_batch_chain()
    shutil.rmtree(out, ignore_errors=True)  # score what the current code extracts, never older tables
    plan = make_plan(raw, out, batch_size, config)
    records: dict[str, dict[str, Any]] = {}
    for spec in plan.batches:
        records[spec.key], _ = build_part(
            out, spec, lambda paths, dest, key, dups: process_batch(paths, dest, config, key=key, duplicates=dups)
        )
    return commit(plan, records, new_run_id(dt.datetime.now(dt.UTC)))


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
    """Commitment records per gold doc id: actor and counterpart canonicals (``commitment_parties``), the
    speaker's canonical (``speaker_entity_id`` through ``entities``) and the sentence they come from."""
    if not (processed / "commitments").exists():
        return {}
    docs = {r["doc_id"]: Path(r["source_path"]).stem for r in read_table(processed, "documents").to_pylist()}
    canon = {r["entity_id"]: r["canonical_name"] for r in read_table(processed, "entities").to_pylist()}
    sents = {(r["doc_id"], r["sentence_idx"]): r for r in read_table(processed, "sentences").to_pylist()}
    parties: dict[tuple[str, str], set[str]] = {}
    for r in read_table(processed, "commitment_parties").to_pylist():
        parties.setdefault((r["commitment_id"], r["role"]), set()).add(canon.get(r["entity_id"], r["entity_id"]))
    out: dict[str, list[PredCommitment]] = {}
    for c in read_table(processed, "commitments").to_pylist():
        s = sents[(c["doc_id"], c["sentence_idx"])]
        speaker = c["speaker_entity_id"]
        out.setdefault(docs[c["doc_id"]], []).append(
            PredCommitment(
                frozenset(parties.get((c["commitment_id"], "actor"), set())),
                c["trigger"],
                c["modality"],
                s["text"],
                s["start_char"],
                s["end_char"],
                c["polarity"],
                counterparts=frozenset(parties.get((c["commitment_id"], "counterpart"), set())),
                speaker=canon.get(speaker, speaker) if speaker else None,
                rule=c.get("rule") or "",
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


def score(gold_path: Path, processed: Path, out: Path) -> dict[str, Any]:
    """Score one output folder against one gold set; writes ``scores.json`` and ``errors.md`` in ``out``."""
    gold = read_gold(gold_path)
    pred = predicted_entities(processed)
    commitments = predicted_commitments(processed)
    scores = {
        "gold": str(gold_path),
        "documents": len(gold),
        "entities": score_entities(gold, pred),
        "commitments": score_commitments(gold, commitments),
        "commitments_without_call_hope": score_commitments(gold, commitments, frozenset({"call", "hope"})),
        "arguments": score_arguments(gold, commitments),
        "rules": score_rules(gold, commitments),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "scores.json").write_text(json.dumps(scores, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    errors = [
        "# Entities (surface, type)",
        *entity_errors(gold, pred),
        "",
        "# Entities (canonical, type)",
        *entity_errors(gold, pred, key="canonical"),
        "",
        "# Commitments",
        *commitment_errors(gold, commitments),
        "",
        "# Counterparts and speakers of matched commitments",
        *argument_errors(gold, commitments),
        "",
        "# Precision per rule (records matched by actors+trigger)",
        "",
        format_rules(scores["rules"], "by_cue"),
        "",
        format_rules(scores["rules"], "by_step"),
        "",
        format_rules(scores["rules"], "by_rule"),
    ]
    (out / "errors.md").write_text("\n".join(errors) + "\n", encoding="utf-8")
    return scores


def set_folder(gold: Path, out: str | Path | None = None) -> Path:
    """Where one set's raw copies, tables and scores go: ``out``, else ``work/eval/<set>``."""
    return Path(out) if out else WORK / "eval" / set_name(gold)


def outlet_report(sets: dict[str, tuple[list[GoldDoc], dict[str, list[PredCommitment]]]], folder: Path) -> str:
    """Figures per outlet and leave-one-outlet-out over every set together, and precision per rule step;
    writes ``outlets.json`` and ``summary.md`` in ``folder`` and returns the text to print."""
    docs = [gd for gold, _ in sets.values() for gd in gold]
    pred = {doc_id: recs for _, p in sets.values() for doc_id, recs in p.items()}
    outlet_sets: dict[str, str] = {}
    for name, (gold, _) in sets.items():
        for o in by_outlet(gold):
            outlet_sets[o] = ", ".join(filter(None, [outlet_sets.get(o, ""), name]))
    loo = leave_one_outlet_out(docs, pred)
    rules = score_rules(docs, pred)
    per_set = {name: group_scores(gold, p) for name, (gold, p) in sets.items()}
    folder.mkdir(parents=True, exist_ok=True)
    data = {"sets": per_set, "outlets": {o: v["held_out"] | {"sets": outlet_sets[o]} for o, v in loo.items()},
            "leave_one_outlet_out": loo, "rules": rules}  # fmt: skip
    (folder / "outlets.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    outlets = format_outlets(loo, outlet_sets)
    md = [
        "# Evaluation summary", "",
        "Commitments matched by actors+trigger; counterpart (cp) and speaker (sp) accuracy on the matched records.",
        "", "## Per set", "",
        "| set | docs | P | R | F1 | tp/pred/gold | cp acc | sp acc |", "|---|---:|---:|---:|---:|---|---:|---:|",
        *[f"| {n} | {s['documents']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
          f"{s['tp']}/{s['pred']}/{s['gold']} | {s['counterpart_accuracy']:.3f} | {s['speaker_accuracy']:.3f} |"
          for n, s in per_set.items()],
        "", "## Per outlet, leave one outlet out", "",
        "Each outlet alone next to the F1 on every other outlet (rules fit nothing: a trainable decision step is "
        "fitted on the other outlets through `leave_one_outlet_out(…, fit=…)`).", "",
        outlets,
        "", "## Precision per cue kind", "", format_rules(rules, "by_cue"),
        "", "## Precision per rule step", "", format_rules(rules, "by_step"),
        "", "## Precision per rule", "", format_rules(rules, "by_rule"), "",
    ]  # fmt: skip
    (folder / "summary.md").write_text("\n".join(md), encoding="utf-8")
    return "\n".join([
        "per outlet (all sets):", outlets, "", "precision per rule step (all sets):", format_rules(rules, "by_step"),
        f"outlets: {folder / 'outlets.json'}; summary: {folder / 'summary.md'}",
    ])  # fmt: skip


def evaluate(
    gold: str | Path,
    out: str | Path | None = None,
    processed: str | Path | None = None,
    config: ModelConfig | None = None,
    batch_size: int = 100,
) -> dict[str, Any]:
    """Run the pipeline on one gold set's texts (unless ``processed`` is given), score it and print P/R/F1."""
    gold_p = Path(gold)
    out_p = set_folder(gold_p, out)
    started = time.perf_counter()
    if processed is None:
        write_raw(read_gold(gold_p), out_p / "raw")
        processed = out_p / "processed"
        run_tables(out_p / "raw", Path(processed), config or ModelConfig.from_setting(), batch_size)
    scores = score(gold_p, Path(processed), out_p)
    ent = scores["entities"]
    print(format_table(f"entities, exact (surface, type) — {gold_p.name}", ent["exact"]))
    print(format_table(f"entities, (canonical, type) — {gold_p.name}", ent["canonical"]))
    print(format_commitments(f"commitments — {gold_p.name}", scores["commitments"]))
    print(format_commitments("commitments without call/hope", scores["commitments_without_call_hope"]))
    args = scores["arguments"]
    print(
        f"matched commitments (actors+trigger): {args['matched']}; counterpart accuracy "
        f"{args['counterpart_accuracy']:.3f}, speaker accuracy {args['speaker_accuracy']:.3f}"
    )
    print(f"scores: {out_p / 'scores.json'}; errors: {out_p / 'errors.md'} ({time.perf_counter() - started:.1f} s)")
    return scores


# ---------------------------------------------------------------------------------------------
# Summary of every set
# ---------------------------------------------------------------------------------------------


SUMMARY_COLUMNS = (
    "docs", "ent exact F1", "ent canon F1", "commit F1", "matched", "counterpart acc", "speaker acc",
)  # fmt: skip


def summary_row(scores: dict[str, Any]) -> list[str]:
    args = scores["arguments"]
    return [
        str(scores["documents"]),
        f"{scores['entities']['exact']['all']['f1']:.3f}",
        f"{scores['entities']['canonical']['all']['f1']:.3f}",
        f"{scores['commitments']['trigger']['f1']:.3f}",
        str(args["matched"]),
        f"{args['counterpart_accuracy']:.3f}",
        f"{args['speaker_accuracy']:.3f}",
    ]


def format_summary(results: dict[str, dict[str, Any]]) -> str:
    """One table, one row per set: entities exact and canonical F1, commitments (actors, trigger) F1, and
    the counterpart and speaker accuracies on matched commitments."""
    rows = [["set", *SUMMARY_COLUMNS]] + [[name, *summary_row(s)] for name, s in results.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths,
             strict=True))) for r in rows]  # fmt: skip
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", default=None,
                    help=f"a gold JSONL (repeatable); default: every *_gold.jsonl in {EVAL_DIR}")  # fmt: skip
    ap.add_argument("--out", default=None, help="folder for raw copies, tables and scores (one --gold only)")
    ap.add_argument("--processed", default=None, help="score an existing output folder instead of running")
    ap.add_argument("--models", default=None, help="bundled (default, or ILTIZAM_MODELS), a folder, stanza:<dir>")
    ap.add_argument("--batch-size", type=int, default=100, help="documents per batch, as in flows.extract")
    ap.add_argument("--nlp-cache", default=None,
                    help=f"stanza answers cache (default ${NLP_CACHE_ENV} or {DEFAULT_NLP_CACHE})")  # fmt: skip
    ap.add_argument("--no-nlp-cache", action="store_true", help="run stanza on every text, store nothing")
    args = ap.parse_args(argv)

    golds = [Path(g) for g in args.gold] if args.gold else gold_sets()
    if not golds:
        ap.error(f"no *_gold.jsonl in {EVAL_DIR}; pass --gold")
    if (args.out or args.processed) and len(golds) != 1:
        ap.error("--out and --processed need exactly one --gold")
    cache = None if args.no_nlp_cache else str(args.nlp_cache or os.environ.get(NLP_CACHE_ENV) or DEFAULT_NLP_CACHE)
    config = ModelConfig.from_setting(args.models)

    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    scored: dict[str, tuple[list[GoldDoc], dict[str, list[PredCommitment]]]] = {}
    with nlp_cache_setting(cache):
        for gold in golds:
            print(f"=== {set_name(gold)} ({gold})")
            results[set_name(gold)] = evaluate(gold, args.out, args.processed, config, args.batch_size)
            processed = Path(args.processed) if args.processed else set_folder(gold, args.out) / "processed"
            scored[set_name(gold)] = (read_gold(gold), predicted_commitments(processed))
            print()
        note = _cache_note(config)
    print(format_summary(results))
    print()
    print(outlet_report(scored, Path(args.out) if args.out else WORK / "eval"))
    print(f"{len(results)} set(s) in {time.perf_counter() - started:.1f} s{note}")
    return 0


@contextmanager
def nlp_cache_setting(folder: str | None) -> Iterator[None]:
    """ILTIZAM_NLP_CACHE (read by tasks.nlp.models.get_pipeline, which process_batch calls) for the
    evaluation only: set to ``folder``, or unset for None; restored afterwards."""
    before = os.environ.get(NLP_CACHE_ENV)
    if folder:
        os.environ[NLP_CACHE_ENV] = folder
    else:
        os.environ.pop(NLP_CACHE_ENV, None)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(NLP_CACHE_ENV, None)
        else:
            os.environ[NLP_CACHE_ENV] = before


def _cache_note(config: ModelConfig) -> str:
    """Hits and misses of the NLP cache in this process (nothing when it is off)."""
    if not os.environ.get(NLP_CACHE_ENV):
        return "; NLP cache off"
    from tasks.nlp.models import get_pipeline

    nlp = get_pipeline(config)
    return f"; NLP cache {nlp.store.folder}: {nlp.hits} segments cached, {nlp.misses} analysed by stanza"


if __name__ == "__main__":
    sys.exit(main())
