"""Silver NER training sentences from real news: the entity layer's high-precision mentions as BIO tags.

    python -m tasks.build.silver --out work/training/silver [--articles 600] [--workers 2]

Why: the bundled NER is trained on AQMAR (Wikipedia) only and misses news names (ANERcorp dev: PERS recall
0.43, ORG 0.42). News sentences labelled by what the pipeline knows for sure (knowledge base, gazetteer,
title + name, short forms of names already seen) add the news domain without hand labels.

Steps (build-time only, never imported at run time):
1. ``pick_articles``: a seeded shuffle of ``../shared/corpora/ant_news_bbc_cnn_france24.jsonl.gz``, leaving out
   every gold article (ids and urls of ``../shared/eval/*_gold.jsonl``), the 300 articles of the rule check
   set (``silver_exclude.txt``, the corpus ids of ``/work/corpus300/raw``) and repeated texts. ANERcorp is never
   read here (its licence allows evaluation only).
2. ``analyse_articles``: each article through the pipeline's own stages (ingest → nlp → entities, with the
   teacher models, ``models/ar`` by default) in worker processes of one torch thread; stanza's answers are
   cached under the work folder, so a rerun does not run stanza again.
3. ``label_sentence``: per sentence, the mentions become BIO tags over stanza's *tokens* (the surface tokens
   before the clitic split, which is what stanza's NER reads and predicts), typed PER / LOC / ORG / MISC
   (GPE → LOC as AQMAR has no GPE; DATE left out).

Decisions (and why):
- Labels come only from the sources ``HIGH_PRECISION`` (not ``stanza``, nor ``kb-context``, ``kb-fuzzy`` or the
  ``rules`` places): silver labels must be right more than they must be complete. ``--sources persons`` also
  trusts the person rules (``PERSON_RULE_SOURCES``): measured 2026-12-07, more persons found on ANERcorp but many
  common words read as persons in other news, so not the default (README, «Models»).
- Silver labels are incomplete: a name no source knows would be trained as O. So a sentence is kept only when
  (a) every mention of the sentence (DATE apart) comes from a high-precision source, and (b) every span the
  teacher NER found in it overlaps a mention of the entity layer (a name the statistical model sees and the
  knowledge base does not know drops the sentence). With ``--proper-noun-check`` also (c): every word the POS
  model tags PROPN overlaps one (``proper_noun_unlabelled``): the teacher NER misses most names nobody knows, so
  without (c) a kept sentence still teaches the student that such a name is O. Measured 2026-12-05 (3,000
  articles, 5,000 steps): persons found far more often, but half the new spans wrong; not the default (README,
  «Models»).
- Nisba adjectives («الصيني», «الفرنسية») are mentions of their state in the guideline but not names in AQMAR
  or ANERcorp: they are tagged O here, so the model keeps AQMAR's convention (the entity layer tags nisbas
  itself from the knowledge base).
- A proclitic (و ف ب ل ك, at most two letters) that the pipeline keeps outside a mention is part of the
  token: «وقيرغيزستان» gets B-LOC as a whole, as AQMAR tags «وكريستانو» B-PER; at run time
  ``tasks.nlp.analyse.trim_proclitic`` cuts the clitic off the model's span again. Any other token only partly
  inside a mention (a mention ending inside a token, or starting after other letters) drops the sentence,
  as does a token claimed by two mentions.
- A span next to a word the tokenizer cut in two («واشنط» «ن»: the bundled tokenizer splits the last letter
  off a line's final word when no punctuation follows) drops the sentence: the halves are not the name.
- Sentences without any label are kept only up to ``empty_share`` of the kept ones (news has many; they
  teach O but also carry the names no source knows).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tasks.settings import PROJECT_ROOT

SEED = 1234
CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "ant_news_bbc_cnn_france24.jsonl.gz"
GOLD_DIR = PROJECT_ROOT.parent / "shared" / "eval"
EXCLUDE_FILE = Path(__file__).with_name("silver_exclude.txt")

HIGH_PRECISION = frozenset({"kb", "kb-short", "title", "gazetteer", "short-form"})
"""Mention sources whose labels are trusted for training (everything but stanza and the looser passes)."""
PERSON_RULE_SOURCES = frozenset({"kb-title", "speaker-slot", "list", "lineage", "nisba", "profession"})
"""The entity layer's rules for persons the KB does not know (a title before a KB surname, the speaker's slot, a
list of persons, a lineage, a name after a nationality or a trade), each read on the 2,750 unread articles when it
was added; ``--silver-sources persons`` trusts them too (README, «Models»: measured 2026-12-07, not the default)."""
SOURCE_SETS = {"default": HIGH_PRECISION, "persons": HIGH_PRECISION | PERSON_RULE_SOURCES}
TYPE_MAP = {"PER": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
IGNORED_TYPES = frozenset({"DATE"})
PROCLITIC_CHARS = frozenset("وفبلك")
TATWEEL = "\u0640"  # «بـ"النظام"»: the kashida joins a clitic to a quote, it cuts no word
MIN_TOKENS, MAX_TOKENS = 4, 120
PROPN = "PROPN"  # a word the POS model reads as a proper noun: a name, labelled or not


# --------------------------------------------------------------------------- choosing articles


def exclusions(gold_dir: Path = GOLD_DIR, exclude_file: Path = EXCLUDE_FILE) -> tuple[set[str], set[str]]:
    """Corpus ids and urls that must never be trained on: every gold article and the rule check set."""
    ids: set[str] = set()
    urls: set[str] = set()
    for path in sorted(gold_dir.glob("*_gold.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            ids.add(str(rec["doc_id"]).removeprefix("ant_"))
            urls.update(_norm_url(u) for u in re.findall(r"https?://\S+", str(rec.get("source", ""))))
    if exclude_file.exists():
        ids.update(x.strip() for x in exclude_file.read_text(encoding="utf-8").split() if x.strip())
    return ids, urls


def _norm_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().rstrip("/")).lower()


def ids_of_raw_folder(raw: Path) -> list[str]:
    """Corpus ids of a benchmark raw folder (``<index>_<corpus id>.txt``, as ``bench.corpus.write_raw`` names)."""
    return sorted(re.sub(r"^\d+_", "", p.stem) for p in raw.glob("*.txt"))


def article_text(article: dict[str, Any]) -> str:
    """A raw file as a news site export holds it: headline line, then the body (as ``bench.corpus``)."""
    title = (article.get("title") or "").strip()
    body = (article.get("text") or "").strip()
    return f"{title}\n{body}\n" if title else f"{body}\n"


def pick_articles(
    corpus: Path, n: int, seed: int = SEED, excluded: tuple[set[str], set[str]] | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The first ``n`` usable articles of one seeded shuffle, and how many were left out as gold/check set."""
    ids, urls = excluded if excluded is not None else exclusions()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    seen: set[str] = set()
    picked: list[dict[str, Any]] = []
    left_out = 0
    for i in order:
        art = articles[i]
        if str(art.get("id")) in ids or _norm_url(str(art.get("url", ""))) in urls:
            left_out += 1
            continue
        text = article_text(art)
        if text in seen or len(text) < 200:
            continue
        seen.add(text)
        picked.append(art)
        if len(picked) == n:
            break
    return picked, left_out


# --------------------------------------------------------------------------- BIO conversion


@dataclass(frozen=True)
class Token:
    """One stanza token (surface, before the clitic split) in document offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    """A labelled mention in document offsets; ``label`` is already in the model's label set."""

    start: int
    end: int
    label: str


def sentence_tokens(words: Iterable[Any]) -> dict[int, list[Token]]:
    """The tokens of each sentence from the word rows (``tasks.document.WordRecord``): a token is the
    (``token_start_char``, ``token_end_char``) its words share."""
    out: dict[int, list[Token]] = {}
    seen: set[tuple[int, int]] = set()
    for w in words:
        key = (w.sentence_idx, w.token_idx)
        if key in seen:
            continue
        seen.add(key)
        out.setdefault(w.sentence_idx, []).append(Token(w.token_start_char, w.token_end_char, w.token_text))
    return out


def bio_tags(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[list[str] | None, str]:
    """BIO tags of the tokens for the spans, or None and why the sentence cannot be labelled exactly.

    A span covers every token it overlaps; the part of its first token before it may only be a proclitic
    (≤ 2 letters of و ف ب ل ك), and it must end where its last token ends."""
    tags = ["O"] * len(tokens)
    for span in sorted(spans, key=lambda s: s.start):
        inside = [i for i, t in enumerate(tokens) if t.start < span.end and span.start < t.end]
        if not inside:
            return None, "span_without_token"
        first, last = tokens[inside[0]], tokens[inside[-1]]
        if span.start > first.start:
            prefix = first.text[: span.start - first.start]
            if len(prefix) > 2 or not set(prefix) <= PROCLITIC_CHARS:
                return None, "span_starts_mid_token"
        if span.end < last.end:
            return None, "span_ends_mid_token"
        if any(tags[i] != "O" for i in inside):
            return None, "token_in_two_spans"
        a, b = inside[0], inside[-1]
        if any(_glued(tokens[i], tokens[i + 1]) for i in range(max(a - 1, 0), min(b + 1, len(tokens) - 1))):
            return None, "span_cuts_word"
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + span.label
    return tags, "ok"


def _glued(left: Token, right: Token) -> bool:
    """Two tokens with no space between them, letters on both sides: the tokenizer cut a word
    («واشنطن» at a line end → «واشنط» «ن»); a name's tokens there would teach the model half-words."""
    return (
        left.end == right.start and bool(left.text) and bool(right.text)
        and left.text[-1].isalpha() and right.text[0].isalpha() and TATWEEL not in (left.text[-1], right.text[0])
    )  # fmt: skip


@dataclass
class SentenceResult:
    """One sentence's outcome: its tokens and tags when kept, else the reason it was dropped."""

    article: str
    sentence_idx: int
    tokens: list[str]
    tags: list[str] | None
    reason: str
    nisba: int = 0
    labels: Counter[str] = field(default_factory=Counter)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def label_sentence(
    tokens: Sequence[Token],
    mentions: Sequence[Any],
    teacher_spans: Sequence[tuple[int, int]],
    is_nisba: Any,
    proper_nouns: Sequence[tuple[int, int]] = (),
    sources: frozenset[str] = HIGH_PRECISION,
) -> tuple[list[str] | None, str, int]:
    """Tags of one sentence from its linked mentions (``MentionRecord``: start_char, end_char, text, type,
    source), or None and the reason; also how many nisba mentions were left as O.

    ``teacher_spans`` are the spans the teacher NER found before the entity layer, ``proper_nouns`` the words
    the POS model tagged PROPN; each must overlap one of the entity layer's mentions, else the sentence may
    hold a name no source labels (and would teach the model that such a name is O)."""
    if not MIN_TOKENS <= len(tokens) <= MAX_TOKENS:
        return None, "length", 0
    spans: list[Span] = []
    nisba = 0
    for m in mentions:
        if m.type in IGNORED_TYPES:
            continue
        if m.source not in sources or m.type not in TYPE_MAP:
            return None, f"uncertain_mention:{m.source}", 0
        if m.type == "GPE" and is_nisba(m.text):
            nisba += 1
            continue
        spans.append(Span(m.start_char, m.end_char, TYPE_MAP[m.type]))
    known = [(m.start_char, m.end_char) for m in mentions]
    if any(not any(_overlaps(t, k) for k in known) for t in teacher_spans):
        return None, "teacher_span_unlabelled", 0
    if any(not any(_overlaps(w, k) for k in known) for w in proper_nouns):
        return None, "proper_noun_unlabelled", 0
    tags, reason = bio_tags(tokens, spans)
    return tags, reason, nisba


def nisba_checker() -> Any:
    """``is_nisba(text)``: the surface (or its word after a proclitic) is in the KB only as a nisba."""
    from tasks.entities.kb import load_kb
    from tasks.text.clitics import split_clitics

    kb = load_kb()

    def is_nisba(text: str) -> bool:
        candidates = [text]
        parts = split_clitics(text)
        if parts:
            candidates.append(parts[-1])
        for c in candidates:
            matches = kb.lookup(c)
            if matches:
                return all(m.kind == "nisba" for m in matches)
        return False

    return is_nisba


# --------------------------------------------------------------------------- running the pipeline


def _init_worker() -> None:
    """One torch thread per worker process (two spinning threads per process stall a shared 2-core box)."""
    import os

    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)


def analyse_articles(
    paths: Sequence[str], models: str, cache: str, batch: int = 50, proper_noun_check: bool = False,
    sources: frozenset[str] = HIGH_PRECISION,
) -> list[SentenceResult]:  # fmt: skip
    """Ingest → nlp → entities over raw files (one worker's share); every sentence labelled or refused."""
    from tasks.entities.stage import link_entities
    from tasks.errors import IngestError
    from tasks.ingest.reader import ingest_file
    from tasks.nlp.analyse import analyse_documents
    from tasks.nlp.models import ModelConfig, cached_pipeline

    nlp = cached_pipeline(ModelConfig.from_setting(models), Path(cache))
    is_nisba = nisba_checker()
    out: list[SentenceResult] = []
    for i in range(0, len(paths), batch):
        docs, names = [], {}
        for p in paths[i : i + batch]:
            try:
                doc = ingest_file(p)
            except IngestError:
                continue
            docs.append(doc)
            names[doc.doc_id] = re.sub(r"^\d+_", "", Path(p).stem)
        analyses = analyse_documents(nlp, docs)
        teacher = {a.doc_id: [(m.sentence_idx, m.start_char, m.end_char) for m in a.mentions] for a in analyses}
        for a in link_entities(analyses):
            toks = sentence_tokens(a.words)
            propn_of: dict[int, list[tuple[int, int]]] = {}
            for w in a.words if proper_noun_check else ():
                if w.upos == PROPN:
                    propn_of.setdefault(w.sentence_idx, []).append((w.start_char, w.end_char))
            for s in a.sentences:
                tokens = toks.get(s.sentence_idx, [])
                mentions = [m for m in a.mentions if m.sentence_idx == s.sentence_idx]
                spans = [(b, e) for k, b, e in teacher[a.doc_id] if k == s.sentence_idx]
                propn = propn_of.get(s.sentence_idx, [])
                tags, reason, nisba = label_sentence(tokens, mentions, spans, is_nisba, propn, sources)
                labels = Counter(t[2:] for t in tags or [] if t.startswith("B-"))
                out.append(SentenceResult(names[a.doc_id], s.sentence_idx, [t.text for t in tokens], tags, reason,
                                          nisba, labels))  # fmt: skip
    return out


def _chunks(items: Sequence[str], k: int) -> Iterator[list[str]]:
    for j in range(k):
        part = list(items[j::k])
        if part:
            yield part


def write_raw(articles: Sequence[dict[str, Any]], raw: Path) -> list[str]:
    """The picked articles as raw files ``<index>_<corpus id>.txt`` (the id names the sentence's source)."""
    raw.mkdir(parents=True, exist_ok=True)
    for old in raw.glob("*.txt"):
        old.unlink()
    paths = []
    for i, art in enumerate(articles):
        ident = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(art.get("id", "")))[:60]
        path = raw / f"{i:05d}_{ident}.txt"
        path.write_text(article_text(art), encoding="utf-8")
        paths.append(str(path))
    return paths


def run_analysis(
    paths: Sequence[str], models: str, cache: Path, workers: int, proper_noun_check: bool = False,
    sources: frozenset[str] = HIGH_PRECISION,
) -> list[SentenceResult]:  # fmt: skip
    """``analyse_articles`` in ``workers`` spawned processes (or in this one for 1), results in file order."""
    if workers <= 1 or len(paths) < 2:
        return analyse_articles(paths, models, str(cache), proper_noun_check=proper_noun_check, sources=sources)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker) as pool:
        futures = [pool.submit(analyse_articles, part, models, str(cache), 50, proper_noun_check, sources)
                   for part in _chunks(paths, workers)]  # fmt: skip
        results = [r for f in futures for r in f.result()]
    order = {Path(p).stem.split("_", 1)[1] if "_" in Path(p).stem else Path(p).stem: i for i, p in enumerate(paths)}
    return sorted(results, key=lambda r: (order.get(r.article, 0), r.sentence_idx))


# --------------------------------------------------------------------------- building the set


def select_sentences(
    results: Sequence[SentenceResult], empty_share: float = 0.2, seed: int = SEED
) -> list[SentenceResult]:
    """Kept sentences with at least one label, plus label-free ones up to ``empty_share`` of the total."""
    labelled = [r for r in results if r.tags is not None and any(t != "O" for t in r.tags)]
    empty = [r for r in results if r.tags is not None and all(t == "O" for t in r.tags)]
    n_empty = min(len(empty), int(len(labelled) * empty_share / (1 - empty_share))) if empty_share < 1 else len(empty)
    chosen = set(random.Random(seed).sample(range(len(empty)), n_empty))
    keep = labelled + [r for i, r in enumerate(empty) if i in chosen]
    rank = {id(r): i for i, r in enumerate(results)}
    return sorted(keep, key=lambda r: rank[id(r)])


def split_by_article(
    sentences: Sequence[SentenceResult], dev: float = 0.1, seed: int = SEED
) -> tuple[list[SentenceResult], list[SentenceResult]]:
    """Train and dev sentences, each article's sentences on one side (seeded)."""
    articles = sorted({s.article for s in sentences})
    random.Random(seed).shuffle(articles)
    dev_ids = set(articles[: max(1, round(len(articles) * dev))]) if len(articles) > 1 else set()
    return [s for s in sentences if s.article not in dev_ids], [s for s in sentences if s.article in dev_ids]


def write_ner_json(sentences: Sequence[SentenceResult], path: Path) -> None:
    """The json ``training.prepare_ner`` writes: a list of sentences, each a list of {text, ner}."""
    data = [[{"text": tok, "ner": tag} for tok, tag in zip(s.tokens, s.tags or [], strict=True)] for s in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def build_silver(
    out: Path,
    corpus: Path = CORPUS,
    n_articles: int = 600,
    models: str = "bundled",
    workers: int = 2,
    empty_share: float = 0.2,
    seed: int = SEED,
    proper_noun_check: bool = False,
    sources: str = "default",
) -> dict[str, Any]:
    """Pick, analyse, label and write ``silver.train.json`` / ``silver.dev.json`` and ``silver.stats.json``;
    ``sources`` names the trusted mention sources (``SOURCE_SETS``)."""
    started = time.time()
    out.mkdir(parents=True, exist_ok=True)
    excluded = exclusions()
    articles, left_out = pick_articles(corpus, n_articles, seed, excluded)
    paths = write_raw(articles, out / "raw")
    results = run_analysis(paths, models, out / "nlp-cache", workers, proper_noun_check, SOURCE_SETS[sources])
    kept = select_sentences(results, empty_share, seed)
    train, dev = split_by_article(kept, seed=seed)
    write_ner_json(train, out / "silver.train.json")
    write_ner_json(dev, out / "silver.dev.json")
    reasons = Counter(r.reason.split(":")[0] if r.tags is None else "labelled" for r in results)
    stats = {
        "seed": seed,
        "sources": sources,
        "articles": len(articles),
        "articles_left_out_as_gold_or_checkset": left_out,
        "excluded_ids": len(excluded[0]),
        "sentences_analysed": len(results),
        "outcome": dict(reasons.most_common()),
        "uncertain_sources": dict(
            Counter(r.reason.split(":")[1] for r in results if r.reason.startswith("uncertain_mention:")).most_common()
        ),
        "labelled_without_entity": sum(1 for r in results if r.tags is not None and not r.labels),
        "kept": len(kept),
        "kept_without_entity": sum(1 for r in kept if not r.labels),
        "train_sentences": len(train),
        "dev_sentences": len(dev),
        "tokens": sum(len(r.tokens) for r in kept),
        "labels": dict(sum((r.labels for r in kept), Counter()).most_common()),
        "nisba_left_o": sum(r.nisba for r in kept),
        "seconds": round(time.time() - started, 1),
    }
    (out / "silver.stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    (out / "silver.articles.txt").write_text("".join(f"{a['id']}\n" for a in articles), encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=PROJECT_ROOT / "work" / "training" / "silver")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--models", default="bundled", help="teacher models (the `models` setting)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--empty-share", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--proper-noun-check",
        action="store_true",
        help="also drop sentences with a PROPN word no source labels (measured 2026-12-05, not the default)",
    )
    ap.add_argument(
        "--write-exclude-from",
        type=Path,
        default=None,
        help="write silver_exclude.txt from the ids of this raw folder (the rule check set) and stop",
    )
    ap.add_argument("--sources", choices=sorted(SOURCE_SETS), default="default",
                    help="trusted mention sources: default, or persons (also the rules for unknown persons)")
    args = ap.parse_args(argv)
    if args.write_exclude_from:
        ids = ids_of_raw_folder(args.write_exclude_from)
        EXCLUDE_FILE.write_text("".join(f"{i}\n" for i in ids), encoding="utf-8")
        print(f"{len(ids)} ids → {EXCLUDE_FILE}")
        return 0
    stats = build_silver(args.out, args.corpus, args.articles, args.models, args.workers, args.empty_share, args.seed,
                         args.proper_noun_check, args.sources)  # fmt: skip
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
