"""The lemma seed: the bundled lemma model's answers for the (word, UPOS) pairs news writes most often.

    python -m tasks.build.lemma_seed [--articles 1500] [--keep 50000] [--models models/ar]

Why: the lemmatizer answers from its training dictionary or, for every other (word, UPOS), from a seq2seq model
that depends on nothing else (tasks/nlp/lemma.py). A worker process caches those answers, but starts empty on
every run: lemma was 15 % of a fresh worker's stanza time (3.1 s of 20.3 s on 100 articles), 1.1 s once the
cache had seen 400 other articles. The seed is that warm cache, computed once here and shipped with the models
(``models/ar/lemma_seed.tsv.gz``); ``tasks.nlp.models.shared_pipeline`` loads it into each new cache. Its
header names the lemma model's sha256, so a retrained model ignores it until it is built again.

Input: a seeded shuffle of ``../shared/corpora/ant_news_bbc_cnn_france24.jsonl.gz`` (Apache-2.0, cite Chouigui
et al.), leaving out every gold article, the rule check set (``tasks.build.silver.exclusions``) and the 1,000
articles the speed benchmark draws (``bench.corpus``), so the benchmark measures articles the seed never saw.
Output: the pairs the model answered at least ``MIN_COUNT`` times, most frequent first, at most ``--keep``.
Build-time only, never imported at run time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from tasks.nlp.lemma import SEED_FILE, write_seed

SEED = 20261207
MIN_COUNT = 2  # a pair seen once in 1,500 articles is unlikely to come back
CHUNK = 50  # articles per stanza call


def pick_texts(n: int, corpus: Path | None = None, seed: int = SEED) -> list[str]:
    """``n`` article texts (headline and body as the benchmark writes them), none a gold, check-set or benchmark
    article, no text twice."""
    from bench.corpus import CORPUS, article_text, draw, load_articles
    from tasks.build.silver import exclusions

    articles = load_articles(corpus or CORPUS)
    excluded, _urls = exclusions()
    # by text, not id: the corpus holds some articles twice under two ids
    left_out = {article_text(a) for a in draw(articles, 1000)}
    left_out |= {article_text(a) for a in articles if str(a.get("id", "")) in excluded}
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    texts: list[str] = []
    seen: set[str] = set()
    for i in order:
        text = article_text(articles[i])
        if text in left_out or text in seen:
            continue
        seen.add(text)
        texts.append(text)
        if len(texts) == n:
            break
    return texts


def build(models: Path, n_articles: int = 1500, keep: int = 50_000, corpus: Path | None = None) -> dict[str, float]:
    """Run tokenize → lemma over the articles with the caching lemmatizer and write the seed (the training
    flow calls this after installing new models: a seed of the old lemma model would only be ignored)."""
    import stanza
    import torch

    from tasks.nlp.lemma import install_lemma_cache
    from tasks.nlp.models import BUNDLED_FILES, ModelConfig, build_pipeline

    torch.set_num_threads(1)
    start = time.time()
    nlp = build_pipeline(ModelConfig(models_dir=models), "tokenize,mwt,pos,lemma")
    cache = install_lemma_cache(nlp, size=10_000_000)
    # a dictionary-only or identity lemmatizer answers without the model: nothing to seed
    texts = pick_texts(n_articles, corpus) if cache is not None else []
    answered = cache.answered() if cache is not None else {}  # dictionary words never enter
    counts: Counter[tuple[str, str | None]] = Counter()
    for i in range(0, len(texts), CHUNK):
        docs = nlp([stanza.Document([], text=t) for t in texts[i : i + CHUNK]])
        counts.update(p for d in docs for s in d.sentences for w in s.words if (p := (w.text, w.upos)) in answered)
        print(f"{min(i + CHUNK, len(texts))}/{len(texts)} articles, {len(answered)} pairs", file=sys.stderr)
    ranked = sorted((p for p, c in counts.items() if c >= MIN_COUNT), key=lambda p: (-counts[p], p[0], p[1] or ""))
    ranked = ranked[:keep]
    out = models / SEED_FILE
    if ranked:
        size = write_seed(out, models / BUNDLED_FILES["lemma"][0], ((p, answered[p]) for p in ranked))
    else:  # no seq2seq part, or too few articles for any pair to come twice: no seed rather than an empty one
        out.unlink(missing_ok=True)
        size = 0
    covered = sum(counts[p] for p in ranked) / max(1, sum(counts.values()))
    return {"articles": len(texts), "pairs": size, "answered": len(answered), "share_of_model_calls": round(covered, 3),
            "seconds": round(time.time() - start, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", type=Path, default=Path("models/ar"), help="the bundled models folder")
    ap.add_argument("--articles", type=int, default=1500, help="corpus articles to read (default 1500)")
    ap.add_argument("--keep", type=int, default=50_000, help="at most this many pairs (default 50000)")
    args = ap.parse_args(argv)
    print(build(args.models, args.articles, args.keep))


if __name__ == "__main__":
    main()
