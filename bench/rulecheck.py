"""The rule check: what a change to the commitment rules does on news nobody tuned them on.

    python -m bench.rulecheck --raw /work/corpus300/raw [--baseline /work/corpus300/base] --out work/rulecheck

runs the pipeline's batch stages on a raw folder as ``flows.evaluate`` does (``process_batch`` per batch with
the NLP cache, published like the extract flow, no Prefect) into ``<out>/processed``, then counts the
commitment records per modality, per cue kind, per ``rule`` and per rule step. With ``--baseline`` (the
output folder of an earlier run, tables as the extract flow writes them, with or without a ``rule`` column) it
lists the records added, removed and changed (same key, other actors, counterparts or speaker), keyed by
``doc_id`` + ``trigger_start`` + ``modality``, and the entity mentions added and removed (by document, span and
type: a rule of the entity layer changes names, not records). It writes ``<out>/counts.json`` and
``<out>/rulecheck.md``: the
counts, and a sample of up to ``--sample`` records per group (``--seed`` fixes it) to read and judge, each with
its sentence (the trigger marked «…»), actors, counterparts, speaker and rule. Without a baseline the group is
every record.

The issue's discipline: no rule for a single example; each new family, strategy or filter comes with its
counts here and the precision of a sample you read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.settings import PROJECT_ROOT

DEFAULT_OUT = PROJECT_ROOT / "work" / "rulecheck"
LABELS = Path(__file__).with_name("labels") / "checksets.jsonl"
SAMPLE = 30
SEED = 13
Key = tuple[str, int, str]  # doc_id, trigger_start, modality


@dataclass(frozen=True)
class Record:
    """A commitment as the reader judges it."""

    doc_id: str
    source: str  # the raw file's name
    trigger: str
    trigger_start: int
    modality: str
    polarity: str
    sentence: str  # with the trigger marked «…»
    actors: tuple[str, ...]
    counterparts: tuple[str, ...]
    speaker: str | None
    rule: str

    @property
    def key(self) -> Key:
        return (self.doc_id, self.trigger_start, self.modality)

    @property
    def cue(self) -> str:
        """The cue kind (the rule's ``cue:`` step), ``-`` for a table without rules."""
        return next((s for s in self.rule.split("|") if s.startswith("cue:")), "-")

    @property
    def arguments(self) -> tuple[Any, ...]:
        return (self.actors, self.counterparts, self.speaker)


def _table(processed: Path, name: str) -> list[dict[str, Any]]:
    """A table's rows as written, whatever its schema version (a baseline may predate a column)."""
    files = sorted((processed / name).glob("*.parquet"))
    return pa.concat_tables([pq.read_table(f) for f in files], promote_options="default").to_pylist() if files else []


def load_records(processed: Path) -> list[Record]:
    """The commitments of an output folder, with their sentences, party names and rules."""
    docs = {r["doc_id"]: Path(r["source_path"]).name for r in _table(processed, "documents")}
    sents = {(r["doc_id"], r["sentence_idx"]): r for r in _table(processed, "sentences")}
    names = {r["entity_id"]: r["canonical_name"] for r in _table(processed, "entities")}
    parties: dict[tuple[str, str], list[str]] = {}
    for r in _table(processed, "commitment_parties"):
        parties.setdefault((r["commitment_id"], r["role"]), []).append(names.get(r["entity_id"], r["entity_id"]))
    out = []
    for c in _table(processed, "commitments"):
        s = sents.get((c["doc_id"], c["sentence_idx"]))
        sentence = c["trigger"]
        if s is not None:
            lo, hi = c["trigger_start"] - s["start_char"], c["trigger_end"] - s["start_char"]
            text = s["text"]
            sentence = f"{text[:lo]}«{text[lo:hi]}»{text[hi:]}" if 0 <= lo <= hi <= len(text) else text
        speaker = c.get("speaker_entity_id")
        out.append(Record(
            c["doc_id"], docs.get(c["doc_id"], c["doc_id"]), c["trigger"], c["trigger_start"], c["modality"],
            c["polarity"], " ".join(sentence.split()),
            tuple(sorted(parties.get((c["commitment_id"], "actor"), []))),
            tuple(sorted(parties.get((c["commitment_id"], "counterpart"), []))),
            names.get(speaker, speaker) if speaker else None, c.get("rule") or "",
        ))  # fmt: skip
    return sorted(out, key=lambda r: (r.source, r.trigger_start, r.modality))


@dataclass(frozen=True)
class MentionRow:
    """An entity mention as the reader checks it: a rule change may add or drop names, not only records."""

    doc_id: str
    source: str  # the raw file's name
    start: int
    end: int
    type: str
    found_by: str  # the mention's ``source`` column: kb, stanza, title, nisba, …
    text: str
    context: str  # the mention marked «…» in a few words around it

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.doc_id, self.start, self.end, self.type)


MENTION_CONTEXT = 40  # characters of text either side of a mention in the report


def load_mentions(processed: Path) -> list[MentionRow]:
    """The entity mentions of an output folder, each with its file and context."""
    docs = {r["doc_id"]: r for r in _table(processed, "documents")}
    out = []
    for m in _table(processed, "mentions"):
        d = docs.get(m["doc_id"], {})
        text, s, e = d.get("text") or "", m["start_char"], m["end_char"]
        context = f"{text[max(0, s - MENTION_CONTEXT) : s]}«{text[s:e]}»{text[e : e + MENTION_CONTEXT]}"
        out.append(MentionRow(m["doc_id"], Path(d.get("source_path") or m["doc_id"]).name, s, e, m["type"],
                              m["source"], m["text"], " ".join(context.split())))  # fmt: skip
    return sorted(out, key=lambda m: (m.source, m.start, m.type))


def compare_mentions(mentions: Sequence[MentionRow], baseline: Sequence[MentionRow]) -> dict[str, list[MentionRow]]:
    """Mentions added and removed against a baseline, keyed by document, span and type."""
    new = {m.key: m for m in mentions}
    old = {m.key: m for m in baseline}
    return {"added": [m for k, m in new.items() if k not in old],
            "removed": [m for k, m in old.items() if k not in new]}


def mention_counts(groups: Mapping[str, Sequence[MentionRow]]) -> dict[str, Any]:
    """How many mentions each group holds, and per type and source («added PER nisba»), most frequent first."""
    by = Counter(f"{name} {m.type} {m.found_by}" for name, group in groups.items() for m in group)
    return {**{name: len(group) for name, group in groups.items()},
            "by": dict(sorted(by.items(), key=lambda kv: (-kv[1], kv[0])))}  # fmt: skip


def counts(records: Sequence[Record]) -> dict[str, dict[str, int]]:
    """Records per modality, per cue kind, per rule and per rule step, most frequent first."""
    steps = Counter(step for r in records if r.rule for step in dict.fromkeys(r.rule.split("|")))

    def top(c: Counter[str]) -> dict[str, int]:
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "modality": top(Counter(r.modality for r in records)),
        "cue": top(Counter(f"{r.cue} {r.modality}" for r in records)),
        "rule": top(Counter(r.rule or "-" for r in records)),
        "step": top(steps),
    }


def compare(records: Sequence[Record], baseline: Sequence[Record]) -> dict[str, list[Record]]:
    """Records added and removed against a baseline (by doc_id + trigger_start + modality), and those kept
    with other actors, counterparts or speaker (``changed``, the new record)."""
    new = {r.key: r for r in records}
    old = {r.key: r for r in baseline}
    return {
        "added": [r for k, r in new.items() if k not in old],
        "removed": [r for k, r in old.items() if k not in new],
        "changed": [r for k, r in new.items() if k in old and old[k].arguments != r.arguments],
    }


def judge(records: Sequence[Record], labels_path: Path = LABELS, doc_ids: set[str] | None = None) -> dict[str, Any]:
    """The records a reader has judged (``labels/checksets.jsonl``: records of both check sets read under the
    guideline, keyed like ``Record.key``): a record is right when it was labelled ``right`` and keeps the
    labelled actors, or labelled ``wrong_actors`` and now has the actors the reader gave. Records nobody judged
    (new ones) are counted apart, to be read. A record judged right is lost when its document was analysed
    (``doc_ids``, else the documents that have records) and it is not among ``records``."""
    labels = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines() if labels_path.exists() else []:
        row = json.loads(line)
        labels[(row["doc_id"], row["trigger_start"], row["modality"])] = row
    judged = right = unjudged = 0
    for r in records:
        row = labels.get(r.key)
        if row is None:
            unjudged += 1
            continue
        judged += 1
        actors = sorted(r.actors)
        right += (row["label"] == "right" and actors == row["actors"]) or (
            row["label"] == "wrong_actors" and actors == row["gold_actors"])  # fmt: skip
    present = {r.key for r in records}
    docs = doc_ids if doc_ids is not None else {r.doc_id for r in records}
    lost = sum(1 for k, row in labels.items() if row["label"] == "right" and k[0] in docs and k not in present)
    return {"judged": judged, "right": right, "precision": round(right / judged, 3) if judged else None,
            "unjudged": unjudged, "right_lost": lost}  # fmt: skip


def sample(records: Sequence[Any], n: int, seed: int) -> list[Any]:
    """Up to ``n`` records (or mentions) drawn with a fixed seed, in document order."""
    picked = random.Random(seed).sample(list(records), min(n, len(records)))
    return sorted(picked, key=lambda r: (r.source, r.start if isinstance(r, MentionRow) else r.trigger_start))


def _count_table(title: str, c: Mapping[str, int], unit: str = "records") -> list[str]:
    rows = [f"| `{k.replace('|', chr(92) + '|')}` | {v} |" for k, v in c.items()]
    return [f"| {title} | {unit} |", "|---|---:|", *rows, ""]


def _record_lines(r: Record, before: Record | None = None) -> list[str]:
    lines = [
        f"- [ ] **{r.modality}**{'' if r.polarity == 'positive' else ' (' + r.polarity + ')'} «{r.trigger}» — "
        f"`{r.source}`",
        f"  - {r.sentence}",
        f"  - actors: {', '.join(r.actors) or '–'}; counterparts: {', '.join(r.counterparts) or '–'}; "
        f"speaker: {r.speaker or '–'}",
        f"  - rule: `{r.rule or '-'}`",
    ]
    if before is not None:
        lines.append(f"  - before: actors {', '.join(before.actors) or '–'}; counterparts "
                     f"{', '.join(before.counterparts) or '–'}; speaker {before.speaker or '–'}")  # fmt: skip
    return lines


def report(
    records: Sequence[Record], groups: Mapping[str, Sequence[Record]], baseline: Sequence[Record] | None,
    n: int, seed: int, raw: Path, base_dir: Path | None,
    mentions: Mapping[str, Sequence[MentionRow]] | None = None,
) -> str:  # fmt: skip
    """The markdown to read: counts (and baseline counts), then a sample per group, then the entity mentions
    added and removed (with a baseline)."""
    docs = len({r.doc_id for r in records})
    md = [f"# Rule check: {raw}", "", f"{len(records)} commitment records in {docs} documents with records"]
    if baseline is not None:
        md[-1] += f"; baseline {base_dir}: {len(baseline)} records"
        md += ["", "| group | records | by modality |", "|---|---:|---|"]
        for name, group in groups.items():
            by_mod = ", ".join(f"{m} {k}" for m, k in counts(group)["modality"].items())
            md.append(f"| {name} | {len(group)} | {by_mod} |")
    md.append("")
    now = counts(records)
    old = counts(baseline) if baseline is not None else None
    md += ["## Per modality", "", "| modality | records | baseline |", "|---|---:|---:|"]
    md += [f"| {m} | {k} | {old['modality'].get(m, 0) if old else ''} |" for m, k in now["modality"].items()]
    if old:
        md += [f"| {m} | 0 | {k} |" for m, k in old["modality"].items() if m not in now["modality"]]
    md.append("")
    md += ["## Per cue kind", "", *_count_table("cue", now["cue"])]
    md += ["## Per rule step", "", *_count_table("step", now["step"])]
    md += ["## Per rule", "", *_count_table("rule", now["rule"])]
    before = {r.key: r for r in baseline or []}
    for name, group in groups.items():
        picked = sample(group, n, seed)
        md += [f"## Sample: {name} ({len(picked)} of {len(group)}, seed {seed})", "",
               "Tick the records that are right by the guideline (../shared/eval/GUIDELINE.md).", ""]  # fmt: skip
        if name in ("added", "changed"):
            group_counts = counts(group)
            md += [f"By rule step: {', '.join(f'`{k}` {v}' for k, v in list(group_counts['step'].items())[:12])}", ""]
        for r in picked:
            md += _record_lines(r, before.get(r.key) if name == "changed" else None)
        md.append("")
    if mentions is not None:
        by = mention_counts(mentions)["by"]
        md += ["## Entity mentions", "", *_count_table("change, type, source", by, "mentions")]
        for name, group in mentions.items():
            picked_mentions = sample(group, n, seed)
            md += [f"### Sample: {name} mentions ({len(picked_mentions)} of {len(group)}, seed {seed})", ""]
            md += [f"- [ ] **{m.type}** ({m.found_by}) {m.context} — `{m.source}`" for m in picked_mentions]
            md.append("")
    return "\n".join(md)


def run(raw: Path, out: Path, batch_size: int = 100, models: str | None = None, cache: str | None = None) -> Path:
    """The pipeline's batch stages over ``raw`` into ``out/processed`` (as ``flows.evaluate`` runs them)."""
    from flows.evaluate import nlp_cache_setting, run_tables
    from tasks.nlp.models import ModelConfig

    processed = out / "processed"
    with nlp_cache_setting(cache):
        run_tables(raw, processed, ModelConfig.from_setting(models), batch_size)
    return processed


def rulecheck(
    raw: Path, out: Path, baseline: Path | None = None, n: int = SAMPLE, seed: int = SEED, batch_size: int = 100,
    models: str | None = None, cache: str | None = None, processed: Path | None = None, labels: Path = LABELS,
) -> dict[str, Any]:  # fmt: skip
    """Run (unless ``processed`` is given), count, compare with ``baseline``; writes ``counts.json`` and
    ``rulecheck.md`` in ``out`` and returns the counts. ``labels``: the judged records to score against (a
    held-out sample's judgments live apart from the check sets', so reading one never tunes the other)."""
    out.mkdir(parents=True, exist_ok=True)
    processed = processed or run(raw, out, batch_size, models, cache)
    records = load_records(processed)
    base = load_records(baseline) if baseline is not None else None
    groups = compare(records, base) if base is not None else {"records": list(records)}
    doc_ids = {r["doc_id"] for r in _table(processed, "documents")}
    judged = judge(records, labels, doc_ids=doc_ids)
    result: dict[str, Any] = {"records": len(records), **counts(records), "judged": judged}
    mention_groups = None
    if base is not None:
        mention_groups = compare_mentions(load_mentions(processed), load_mentions(baseline))
        result["mentions"] = mention_counts(mention_groups)
        result["baseline"] = {"records": len(base), **counts(base)}
        result["groups"] = {name: {"records": len(g), **counts(g)} for name, g in groups.items()}
        result["keys"] = {name: [list(r.key) for r in g] for name, g in groups.items()}
    (out / "counts.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "rulecheck.md").write_text(report(records, groups, base, n, seed, raw, baseline, mention_groups),
                                      encoding="utf-8")  # fmt: skip
    (out / "records.jsonl").write_text(
        "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", required=True, help="a folder of raw articles")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help=f"work folder (default {DEFAULT_OUT})")
    ap.add_argument("--baseline", default=None, help="output folder of an earlier run to compare with")
    ap.add_argument("--processed", default=None, help="count an existing output folder instead of running")
    ap.add_argument("--sample", type=int, default=SAMPLE, help=f"records per sampled group (default {SAMPLE})")
    ap.add_argument("--seed", type=int, default=SEED, help=f"the sample's seed (default {SEED})")
    ap.add_argument("--batch-size", type=int, default=100, help="documents per batch, as in flows.extract")
    ap.add_argument("--models", default=None, help="bundled (default, or ILTIZAM_MODELS), a folder, stanza:<dir>")
    ap.add_argument("--nlp-cache", default=None,
                    help="stanza answers cache (default $ILTIZAM_NLP_CACHE, else flows.evaluate's work/nlp-cache)")
    ap.add_argument("--no-nlp-cache", action="store_true", help="run stanza on every text, store nothing")
    ap.add_argument("--labels", type=Path, default=LABELS, help=f"judged records (default {LABELS})")
    args = ap.parse_args(argv)
    from flows.evaluate import DEFAULT_NLP_CACHE
    from tasks.nlp.models import NLP_CACHE_ENV

    cache = None if args.no_nlp_cache else str(args.nlp_cache or os.environ.get(NLP_CACHE_ENV) or DEFAULT_NLP_CACHE)

    started = time.perf_counter()
    out = Path(args.out)
    result = rulecheck(
        Path(args.raw), out, Path(args.baseline) if args.baseline else None, args.sample, args.seed,
        args.batch_size, args.models, cache,
        Path(args.processed) if args.processed else None, args.labels,
    )  # fmt: skip
    print(f"{result['records']} records: " + ", ".join(f"{m} {k}" for m, k in result["modality"].items()))
    if "groups" in result:
        print(f"baseline {result['baseline']['records']} records; " + "; ".join(
            f"{name} {g['records']} ({', '.join(f'{m} {k}' for m, k in g['modality'].items())})"
            for name, g in result["groups"].items()))  # fmt: skip
    if "mentions" in result:
        m = result["mentions"]
        print(f"entity mentions: added {m['added']}, removed {m['removed']}" + (
            " (" + ", ".join(f"{k} {v}" for k, v in list(m["by"].items())[:6]) + ")" if m["by"] else ""))
    j = result["judged"]
    if j["judged"]:
        print(f"judged by reading: {j['right']} right of {j['judged']} (precision {j['precision']}); "
              f"{j['right_lost']} records judged right are gone; {j['unjudged']} records not judged yet")
    print(f"counts: {out / 'counts.json'}; to read: {out / 'rulecheck.md'} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
