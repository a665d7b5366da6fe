"""The lemma seed's input (tasks/build/lemma_seed.py): corpus articles no evaluation or benchmark reads."""

from __future__ import annotations

from bench.corpus import article_text, draw, load_articles
from tasks.build.lemma_seed import pick_texts
from tasks.build.silver import exclusions


def test_the_seed_reads_no_gold_check_set_or_benchmark_article() -> None:
    texts = pick_texts(300)
    assert len(texts) == len(set(texts)) == 300
    articles = load_articles()
    benchmark = {article_text(a) for a in draw(articles, 1000)}  # the 200 and 1,000 the speed benchmark draws
    excluded_ids, _ = exclusions()
    excluded = {article_text(a) for a in articles if str(a.get("id", "")) in excluded_ids}
    assert excluded and not (set(texts) & (benchmark | excluded))
    assert pick_texts(300) == texts  # a fixed seed: the same articles every build
