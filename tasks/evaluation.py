"""Scoring pipeline output against gold JSONL in the GUIDELINE layout (document-level sets).

Besides the scores of one set: the outlet of each gold document (``outlet``, from its ``source``), the scores
per outlet and a leave-one-outlet-out view (``leave_one_outlet_out``: the figures on one outlet next to those
on every other outlet, with an optional ``fit`` that trains a decision step on the other outlets and applies
it to the held-out one), and the scores per provenance ``rule`` (``score_rules``: predicted, correct and
precision per rule value, per rule step and per cue kind).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    text: str
    entities: list[dict[str, Any]]
    commitments: list[dict[str, Any]]
    source: str = ""  # where the article comes from (``outlet`` reads it)


def read_gold(path: Path) -> list[GoldDoc]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append(GoldDoc(d["doc_id"], d["text"], d.get("entities", []), d.get("commitments", []),
                                    d.get("source") or ""))  # fmt: skip
    return docs


# ---------------------------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------------------------

# the names outlets go by in the gold sets' ``source`` strings → the name they are reported under
OUTLET_NAMES = {
    "bbc": "BBC", "cnn": "CNN", "france24": "France24",  # "ANT corpus BBC http://…"
    "skynews": "SkyNews", "alarabia": "Alarabiya", "alarabiya": "Alarabiya",  # ANT multisource folders
    "aawsat": "Asharq Al-Awsat", "alyaum": "Alyaum", "okaz": "Okaz", "alwatan": "Al-Watan",  # SaudiNewsNet papers
    "aleqt": "Aleqtisadiah", "alriyadh": "Al-Riyadh", "al-madina": "Al-Madina", "almadina": "Al-Madina",
    "sabq": "Sabq", "alsharq": "Al-Sharq", "spa": "SPA", "aleqtisadiya": "Aleqtisadiah", "aljazirah": "Al-Jazirah",
    "alweeam": "Alweeam", "3alyoum": "3alyoum",
}  # fmt: skip
# the outlet codes of ANT multisource article ids («AL-internationalNews-1653-20180617»: Al Arabiya)
ANT_ID_OUTLETS = {"AL": "Alarabiya", "BB": "BBC", "CN": "CNN", "FR": "France24", "SK": "SkyNews"}
# a raw file the check samples wrote (bench.checkset, bench.corpus): «<index>_<ANT id>.txt»,
# «<index>_<SaudiNewsNet day>_<item>_<paper>.txt»
_ANT_FILE_RE = re.compile(rf"^(?:\d+_)?({'|'.join(ANT_ID_OUTLETS)})-[A-Za-z]+-\d+-\d{{8}}(?:\.txt)?$")
_SNN_FILE_RE = re.compile(r"^(?:\d+_)?\d{4}-\d{2}-\d{2}_\d+_([A-Za-z0-9-]+?)(?:\.txt)?$")
_ANT_CORPUS_RE = re.compile(r"^ANT corpus (\S+)")
_ANT_MULTISOURCE_RE = re.compile(r"antcorpus\.multisource\.data(?:@[0-9a-f]+)?/([^/]+)/")
_URL_RE = re.compile(r"https?://\S+")


def _outlet_name(raw: str) -> str:
    return OUTLET_NAMES.get(raw.lower(), raw)


def outlet(source: str) -> str:
    """The outlet of a gold document, from its ``source``: «seed:…» (the Xinhua samples) → Xinhua, «ANT
    corpus BBC http://…» → BBC, the ANT multisource folder («…multisource.data@…/SkyNews/…») → SkyNews,
    a SaudiNewsNet article → its paper, from the URL after «|» (aawsat.com → Asharq Al-Awsat); a raw file of the
    check samples by its name («00002_SK-economy-1286-20180904.txt» → SkyNews, «00019_2015-08-01_138_aawsat.txt» →
    Asharq Al-Awsat); else the host of the source's URL, else "unknown"."""
    source = source.strip()
    if source.startswith("seed:"):
        return "Xinhua"
    if m := _ANT_CORPUS_RE.match(source):
        return _outlet_name(m.group(1))
    if m := _ANT_MULTISOURCE_RE.search(source):
        return _outlet_name(m.group(1))
    if m := _ANT_FILE_RE.match(source):
        return ANT_ID_OUTLETS[m.group(1)]
    if m := _SNN_FILE_RE.match(source):
        return _outlet_name(m.group(1))
    urls = _URL_RE.findall(source)
    if urls:
        host = (urlsplit(urls[-1]).hostname or "").removeprefix("www.")
        label = host.split(".")[0] if host else ""
        return _outlet_name(label) if label else "unknown"
    return "unknown"


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


def entity_errors(
    gold_docs: list[GoldDoc], predicted: Mapping[str, list[dict[str, Any]]], key: str = "exact"
) -> list[str]:
    """Missed and spurious pairs per document (``key`` "exact" or "canonical"), to guide work on rules."""
    lines = []
    exact_g, exact_p = entity_sets(gold_docs, predicted)[key]
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


@dataclass(frozen=True)
class PredCommitment:
    """A predicted record as the evaluation sees it: actor canonicals, trigger, sentence span."""

    actors: frozenset[str]
    trigger: str
    modality: str
    sentence: str
    start: int
    end: int
    polarity: str = "positive"
    counterparts: frozenset[str] = frozenset()
    speaker: str | None = None
    rule: str = ""  # provenance (the ``rule`` column of ``commitments``)


def _gold_span(text: str, sentence: str) -> tuple[int, int]:
    i = text.find(sentence)
    return (i, i + len(sentence)) if i >= 0 else (-1, -1)


def _match(
    gold: list[dict[str, Any]], pred: list[PredCommitment], text: str, by: str
) -> tuple[int, list[int], set[int]]:
    """Greedy one-to-one matching; returns (tp, matched gold indices, matched pred indices)."""
    pairs = _pairs(gold, pred, text, by)
    return len(pairs), [g for g, _ in pairs], {p for _, p in pairs}


def _pairs(gold: list[dict[str, Any]], pred: list[PredCommitment], text: str, by: str) -> list[tuple[int, int]]:
    """The (gold index, predicted index) pairs of the greedy one-to-one matching."""
    used: set[int] = set()
    matched: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        actors = frozenset(g["actor"])
        gs, ge = _gold_span(text, g["sentence"])
        for pi, p in enumerate(pred):
            if pi in used or p.actors != actors:
                continue
            if by == "trigger":
                ok = g["trigger"] in p.trigger or p.trigger in g["trigger"]
                ok = ok and (gs < 0 or (p.start < ge and gs < p.end))
            else:
                ok = gs >= 0 and p.start < ge and gs < p.end
            if ok:
                used.add(pi)
                matched.append((gi, pi))
                break
    return matched


def score_commitments(
    gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]], skip: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """P/R/F1 by (actors, trigger) and by (actors, overlapping sentence); recall by modality."""
    out: dict[str, Any] = {}
    for by in ("trigger", "sentence"):
        tp = n_pred = n_gold = 0
        by_mod: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for gd in gold_docs:
            gold = [c for c in gd.commitments if c["modality"] not in skip]
            pred = [p for p in predicted.get(gd.doc_id, []) if p.modality not in skip]
            t, matched, _ = _match(gold, pred, gd.text, by)
            tp += t
            n_pred += len(pred)
            n_gold += len(gold)
            for gi, g in enumerate(gold):
                by_mod[g["modality"]][1] += 1
                by_mod[g["modality"]][0] += gi in matched
        out[by] = prf(tp, n_pred, n_gold)
        out[by]["recall_by_modality"] = {m: round(a / b, 3) for m, (a, b) in sorted(by_mod.items())}
    return out


def commitment_errors(gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]]) -> list[str]:
    lines = []
    for gd in gold_docs:
        pred = predicted.get(gd.doc_id, [])
        _, matched, used = _match(gd.commitments, pred, gd.text, "trigger")
        missed = [g for gi, g in enumerate(gd.commitments) if gi not in matched]
        spurious = [p for pi, p in enumerate(pred) if pi not in used]
        if missed or spurious:
            lines.append(f"## {gd.doc_id}")
            for g in missed:
                lines.append(
                    f"- missed   {g['modality']:10} {g['trigger']} {sorted(g['actor'])} | {g['sentence'][:160]}"
                )
            for p in spurious:
                lines.append(f"- spurious {p.modality:10} {p.trigger} {sorted(p.actors)} | {p.sentence[:160]}")
    return lines


ArgumentCheck = tuple[dict[str, Any], PredCommitment, bool, bool]


def _argument_checks(gd: GoldDoc, pred: list[PredCommitment]) -> list[ArgumentCheck]:
    """Per record matched by (actors, trigger): (gold, predicted, counterparts equal, speaker equal)."""
    out = []
    for gi, pi in _pairs(gd.commitments, pred, gd.text, "trigger"):
        g, p = gd.commitments[gi], pred[pi]
        out.append((g, p, frozenset(g.get("counterpart") or []) == p.counterparts, g.get("speaker") == p.speaker))
    return out


def score_arguments(gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]]) -> dict[str, Any]:
    """Counterpart and speaker accuracy on the records matched by (actors, trigger): the matching already
    rewards the actors, these say whether the rest of the row an analyst reads is right too."""
    n = counterpart = speaker = 0
    for gd in gold_docs:
        for _, _, c_ok, s_ok in _argument_checks(gd, predicted.get(gd.doc_id, [])):
            n += 1
            counterpart += c_ok
            speaker += s_ok
    return {
        "matched": n,
        "counterpart_accuracy": round(counterpart / n, 4) if n else 0.0,
        "speaker_accuracy": round(speaker / n, 4) if n else 0.0,
    }


def argument_errors(gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]]) -> list[str]:
    """Matched records whose counterparts or speaker differ from the gold, per document."""
    lines = []
    for gd in gold_docs:
        wrong = [(g, p, c, s) for g, p, c, s in _argument_checks(gd, predicted.get(gd.doc_id, [])) if not (c and s)]
        if not wrong:
            continue
        lines.append(f"## {gd.doc_id}")
        for g, p, c_ok, s_ok in wrong:
            parts = []
            if not c_ok:
                parts.append(f"counterpart gold {sorted(g.get('counterpart') or [])} pred {sorted(p.counterparts)}")
            if not s_ok:
                parts.append(f"speaker gold {g.get('speaker')} pred {p.speaker}")
            lines.append(f"- {g['modality']:10} {g['trigger']} {sorted(g['actor'])}: " + "; ".join(parts)
                         + f" | {g['sentence'][:120]}")
    return lines


# ---------------------------------------------------------------------------------------------
# Scores per rule, per outlet, leave one outlet out
# ---------------------------------------------------------------------------------------------


def _count(tally: dict[str, list[int]], key: str, check: tuple[bool, bool] | None) -> None:
    """Count a record under ``key``: predicted, correct, and of the correct its counterparts and speaker right
    (``check`` is None for a record the matching left out)."""
    row = tally.setdefault(key, [0, 0, 0, 0])
    row[0] += 1
    if check is not None:
        row[1] += 1
        row[2] += check[0]
        row[3] += check[1]


def _tally_rows(tally: Mapping[str, list[int]]) -> dict[str, dict[str, float]]:
    """{key: {predicted, correct, precision, counterpart_right, speaker_right}}, most predicted first."""
    rows = sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return {k: {"predicted": n, "correct": c, "precision": round(c / n, 4), "counterpart_right": cp,
                "speaker_right": sp} for k, (n, c, cp, sp) in rows}  # fmt: skip


def score_rules(gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]]) -> dict[str, Any]:
    """Which strategies make wrong rows: per ``rule`` value, per rule step (``subject:after_verb``, each
    ``key:value`` of a rule counted apart) and per cue kind (with the modality), the records predicted, those
    matched by (actors, trigger), their precision, and how many of the matched have the gold counterparts
    and speaker (so ``speaker:carried`` says how often a carried speaker is right). A record without a rule
    counts as ``-``."""
    by_rule: dict[str, list[int]] = {}
    by_step: dict[str, list[int]] = {}
    by_cue: dict[str, list[int]] = {}
    for gd in gold_docs:
        pred = predicted.get(gd.doc_id, [])
        checks = {id(p): (c_ok, s_ok) for _, p, c_ok, s_ok in _argument_checks(gd, pred)}
        for p in pred:
            ok = checks.get(id(p))
            rule = p.rule or "-"
            _count(by_rule, rule, ok)
            for step in dict.fromkeys(rule.split("|")):
                _count(by_step, step, ok)
            cue = next((st for st in rule.split("|") if st.startswith("cue:")), "cue:-")
            _count(by_cue, f"{cue} {p.modality}", ok)
    return {"by_rule": _tally_rows(by_rule), "by_step": _tally_rows(by_step), "by_cue": _tally_rows(by_cue)}


def _cell(text: str) -> str:
    """A rule in a markdown table cell: its ``|`` escaped."""
    return text.replace("|", "\\|")


def format_rules(scores: Mapping[str, Any], key: str = "by_step", limit: int | None = None) -> str:
    """A markdown table of ``score_rules``' ``key`` (by_rule, by_step or by_cue), most predicted first."""
    rows = list(scores[key].items())[:limit]
    lines = [f"| {key.removeprefix('by_')} | predicted | correct | precision | cp right | sp right |",
             "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    lines += [f"| `{_cell(k)}` | {v['predicted']} | {v['correct']} | {v['precision']:.3f} | {v['counterpart_right']} | "
              f"{v['speaker_right']} |" for k, v in rows]  # fmt: skip
    return "\n".join(lines)


def group_scores(gold_docs: list[GoldDoc], predicted: Mapping[str, list[PredCommitment]]) -> dict[str, Any]:
    """The figures of a group of documents: actors+trigger P/R/F1 and counterpart / speaker accuracy on the
    matched records."""
    c = score_commitments(gold_docs, predicted)["trigger"]
    a = score_arguments(gold_docs, predicted)
    return {"documents": len(gold_docs), **{k: c[k] for k in ("precision", "recall", "f1", "tp", "pred", "gold")},
            **a}  # fmt: skip


def by_outlet(gold_docs: Iterable[GoldDoc]) -> dict[str, list[GoldDoc]]:
    """Gold documents per outlet, outlets by name."""
    out: dict[str, list[GoldDoc]] = defaultdict(list)
    for gd in gold_docs:
        out[outlet(gd.source)].append(gd)
    return dict(sorted(out.items()))


Predicted = Mapping[str, list[PredCommitment]]
# a decision step fitted on training documents: the records of one document it keeps
Predictor = Callable[[GoldDoc, list[PredCommitment]], list[PredCommitment]]
Fit = Callable[[list[GoldDoc], Predicted], Predictor]


def _apply(predictor: Predictor | None, docs: list[GoldDoc], predicted: Predicted) -> dict[str, list[PredCommitment]]:
    return {gd.doc_id: (predictor(gd, list(predicted.get(gd.doc_id, []))) if predictor
                        else list(predicted.get(gd.doc_id, []))) for gd in docs}  # fmt: skip


def leave_one_outlet_out(gold_docs: list[GoldDoc], predicted: Predicted, fit: Fit | None = None) -> dict[str, Any]:
    """For every outlet: the figures on that outlet alone (``held_out``) next to those on all the other
    outlets (``others``).

    Rules have nothing to fit, so without ``fit`` this is the per-outlet figures. A trainable decision step
    passes ``fit(train_docs, predicted) -> predictor``: it is fitted on the other outlets' gold documents and
    the pipeline's candidates for them, and the predictor (a document and its candidate records → the
    records it keeps) is scored on the held-out outlet (``held_out``) and on the outlets it was fitted on
    (``others``, its training figures)."""
    groups = by_outlet(gold_docs)
    out: dict[str, Any] = {}
    for name, held in groups.items():
        train = [gd for other, docs in groups.items() if other != name for gd in docs]
        predictor = fit(train, {gd.doc_id: list(predicted.get(gd.doc_id, [])) for gd in train}) if fit else None
        out[name] = {
            "held_out": group_scores(held, _apply(predictor, held, predicted)),
            "others": group_scores(train, _apply(predictor, train, predicted)),
        }
    return out


def format_outlets(loo: Mapping[str, Any], sets: Mapping[str, str] | None = None) -> str:
    """A markdown table: per outlet its documents, P/R/F1, counterpart and speaker accuracy, and the F1 on
    all other outlets (``leave_one_outlet_out``'s result; ``sets`` names each outlet's gold set(s))."""
    head = "| outlet | set | docs | P | R | F1 | tp/pred/gold | cp acc | sp acc | F1 others |"
    lines = [head, "|---|---|---:|---:|---:|---:|---|---:|---:|---:|"]

    def acc(s: Mapping[str, Any], key: str) -> str:
        return f"{s[key]:.3f}" if s["matched"] else "–"  # no matched record: nothing to judge

    def ratio(s: Mapping[str, Any], key: str, *counts: str) -> str:
        # no record predicted (precision), none to find (recall), or neither (F1): undefined, not 0
        return f"{s[key]:.3f}" if any(s[c] for c in counts) else "–"

    for name, v in loo.items():
        h, o = v["held_out"], v["others"]
        lines.append(f"| {name} | {(sets or {}).get(name, '')} | {h['documents']} | {ratio(h, 'precision', 'pred')} | "
                     f"{ratio(h, 'recall', 'gold')} | {ratio(h, 'f1', 'pred', 'gold')} | "
                     f"{h['tp']}/{h['pred']}/{h['gold']} | {acc(h, 'counterpart_accuracy')} | "
                     f"{acc(h, 'speaker_accuracy')} | {o['f1']:.3f} |")  # fmt: skip
    return "\n".join(lines)
