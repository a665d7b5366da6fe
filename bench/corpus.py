"""Draw N real news articles with a fixed seed and write them as raw files."""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

from tasks.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "ant_news_bbc_cnn_france24.jsonl.gz"
SEED = 20231025


def load_articles(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    if not corpus.is_file():
        raise SystemExit(f"corpus {corpus} not found. Fix: pass --corpus with the BBC/CNN/France24 jsonl.gz")
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def draw(articles: list[dict[str, Any]], n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """The first ``n`` distinct texts of one seeded shuffle. The sample of a smaller N is a prefix of a larger
    one's, so the sizes differ only in how many articles, not in which kind. Articles whose text repeats one
    already drawn (the corpus has a few) are skipped: the pipeline would quarantine them as copies while bare
    stanza analysed them, and both phases must work on the same texts."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    seen: set[str] = set()
    sample: list[dict[str, Any]] = []
    for i in order:
        text = article_text(articles[i])
        if text in seen:
            continue
        seen.add(text)
        sample.append(articles[i])
        if len(sample) == n:
            return sample
    raise SystemExit(f"asked for {n} articles, the corpus has {len(sample)} distinct ones")


def article_text(article: dict[str, Any]) -> str:
    """A raw file as a news site export would hold it: headline line, then the body."""
    title = (article.get("title") or "").strip()
    body = (article.get("text") or "").strip()
    return f"{title}\n{body}\n" if title else f"{body}\n"


def write_raw(sample: list[dict[str, Any]], raw: Path) -> list[Path]:
    """Write the sample as ``raw/<index>_<corpus id>.txt`` (UTF-8), replacing whatever ``raw`` held."""
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    paths = []
    for i, article in enumerate(sample):
        ident = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(article.get("id", "")))[:60]
        path = raw / f"{i:05d}_{ident}.txt"
        path.write_text(article_text(article), encoding="utf-8")
        paths.append(path)
    return paths
