"""Train the bundled Arabic stanza models offline: ``python -m flows.train_models``.

First the silver NER sentences: news articles through the pipeline with the current models as teacher
(``tasks.build.silver``, two worker processes; stanza's answers cached under the work folder). Then two lanes
run side by side on the 2 cores (one thread each): word vectors → NER (AQMAR plus the silver sentences), and
tokenizer → MWT → POS → lemma. Models are trained into a staging folder and copied into the
output folder only after every step and the held-out evaluation succeeded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.task_runners import ThreadPoolTaskRunner

import flows  # noqa: F401  (Prefect defaults)
from tasks import PIPELINE_VERSION
from tasks.build import training as tr
from tasks.build.model_card import write_model_card
from tasks.errors import TrainingError
from tasks.nlp.checksums import write_checksums
from tasks.nlp.models import BUNDLED_DIR, BUNDLED_FILES, CHARLM_FILES, write_resources_stub
from tasks.settings import PROJECT_ROOT
from tasks.text.clitics import LEXICON

DEFAULT_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"

FULL = {"tok_steps": 6000, "mwt_epochs": 30, "ner_steps": 5000, "pos_steps": 500, "lemma_epochs": 30,
        "vec_docs": None, "vec_epochs": 5, "limit": None, "silver_articles": 3000, "silver_workers": 2,
        "aqmar_repeat": 2, "silver_proper_noun_check": True, "silver_empty_share": 0.5,
        "ner_name_swap": 1, "charlm_epochs": 1, "charlm_hidden": 256, "charlm_dev_every": 50,
        "seed_articles": 1500}  # fmt: skip
QUICK = {"tok_steps": 4, "mwt_epochs": 1, "ner_steps": 4, "pos_steps": 4, "lemma_epochs": 1,
         "vec_docs": 30, "vec_epochs": 1, "limit": 60, "silver_articles": 3, "silver_workers": 1,
         "aqmar_repeat": 2, "silver_proper_noun_check": True, "silver_empty_share": 0.5,
         "ner_name_swap": 0, "charlm_epochs": 1, "charlm_hidden": 16, "charlm_dev_every": 5,
         "seed_articles": 5}  # fmt: skip


@task
def silver_data(
    corpora: Path, out: Path, articles: int, workers: int, teacher: str, proper_noun_check: bool = True,
    empty_share: float = 0.5, sources: str = "default",
) -> dict[str, Any]:  # fmt: skip
    """News sentences labelled by the entity layer's high-precision sources (tasks/build/silver.py): 3,000
    articles, the proper-noun check, unlabelled sentences up to half (the bundled NER of 2026-12-05, README)."""
    from tasks.build.silver import build_silver

    return build_silver(out, corpora / "ant_news_bbc_cnn_france24.jsonl.gz", articles, teacher, workers,
                        empty_share, proper_noun_check=proper_noun_check, sources=sources)  # fmt: skip


@task
def prepare_data(
    corpora: Path, data: Path, limit: int | None, silver: Path | None, aqmar_repeat: int, name_swap: int = 0,
    name_source: Path | None = None,
) -> dict[str, Any]:  # fmt: skip
    """UD and NER files; ``name_swap`` copies of the silver sentences with other persons' names
    (tasks/build/name_swap.py; ``name_source``: the Wikidata name words, default the local mirror)."""
    return {
        "ud": tr.prepare_ud(corpora / "ud_arabic_pud" / "ar_pud-ud-test.conllu", data, limit=limit),
        "ner": tr.prepare_ner(corpora / "aqmar", data, corpora / "anercorp" / "test_data.txt", limit=limit,
                              silver=silver, aqmar_repeat=aqmar_repeat if silver else 1,
                              name_swap_copies=name_swap if silver else 0, name_source=name_source),
    }


@task
def charlm_text(corpora: Path, data: Path, docs: int | None, dev_every: int) -> dict[str, int]:
    """The news corpus as raw text for the character language models, without the gold and check-set
    articles (the same exclusions as the silver sentences)."""
    from tasks.build.silver import exclusions

    return tr.prepare_charlm_text(corpora / "ant_news_bbc_cnn_france24.jsonl.gz", data, exclusions()[0],
                                  dev_every, limit_docs=docs)  # fmt: skip


@task
def charlm(data: Path, staging: Path, work: Path, direction: str, epochs: int, hidden: int) -> float:
    return tr.train_charlm(data, staging, work, direction, epochs=epochs, hidden=hidden)


@task
def word_vectors(corpora: Path, staging: Path, docs: int | None, epochs: int) -> dict[str, float]:
    return tr.train_word_vectors(
        corpora / "ant_news_bbc_cnn_france24.jsonl.gz", staging / "pretrain.pt", limit_docs=docs, epochs=epochs,
        min_count=1 if docs else 3,
    )


@task
def lexicon(corpora: Path, staging: Path, docs: int | None) -> dict[str, float]:
    return tr.build_lexicon(corpora / "ant_news_bbc_cnn_france24.jsonl.gz", staging / "lexicon.tsv.gz",
                            limit_docs=docs)  # fmt: skip


@task
def tokenizer(data: Path, staging: Path, work: Path, steps: int) -> float:
    return tr.train_tokenizer(data, staging, work, steps=steps)


@task
def mwt(data: Path, staging: Path, work: Path, epochs: int) -> float:
    return tr.train_mwt(data, staging, work, epochs=epochs)


@task
def ner(data: Path, staging: Path, work: Path, steps: int, use_charlm: bool) -> float:
    return tr.train_ner(data, staging, work, staging / "pretrain.pt", steps=steps, charlm=use_charlm)


@task
def pos(data: Path, staging: Path, work: Path, steps: int) -> float:
    return tr.train_pos(data, staging, work, staging / "pretrain.pt", steps=steps)


@task
def lemma(data: Path, staging: Path, work: Path, epochs: int) -> float:
    return tr.train_lemma(data, staging, work, epochs=epochs)


@task
def lemma_seed(corpora: Path, out: Path, articles: int) -> dict[str, float]:
    """The installed lemma model's answers for frequent words, loaded into every worker's cache
    (tasks/build/lemma_seed.py)."""
    from tasks.build.lemma_seed import build

    return build(out, articles, corpus=corpora / "ant_news_bbc_cnn_france24.jsonl.gz")


@task
def evaluate(staging: Path, data: Path) -> dict[str, Any]:
    write_resources_stub(staging)
    scores: dict[str, Any] = {
        "ud_test_pud": tr.evaluate_ud(staging, data, "tokenize,mwt,pos,lemma"),
        "ner_test_aqmar": tr.evaluate_ner(staging, data / "ner.test.json"),
    }
    if (data / "ner.anercorp_test.json").exists():
        scores["ner_test_anercorp"] = tr.evaluate_ner(staging, data / "ner.anercorp_test.json")
    return scores


NER_ONLY_KEPT = (*sorted({f for proc, files in BUNDLED_FILES.items() if proc != "ner" for f in files if f}),
                 LEXICON.name)  # fmt: skip
"""What ``--only ner`` takes from the installed bundle unchanged (the NER is trained on its word vectors)."""


@flow(name="train-models", task_runner=ThreadPoolTaskRunner(max_workers=2))
def train_models(
    corpora: str = str(DEFAULT_CORPORA),
    out: str = str(BUNDLED_DIR),
    work: str = str(PROJECT_ROOT / "work" / "training"),
    quick: bool = False,
    silver: bool = True,
    teacher: str = "bundled",
    name_source: str | None = None,
    only: str | None = None,
    use_charlm: bool = False,
    silver_sources: str = "default",
) -> dict[str, Any]:
    """Train every bundled model; ``quick`` runs a few steps on a small slice (for tests); ``silver`` adds
    news sentences labelled with ``teacher`` (the ``models`` setting) to the NER's data; ``only="ner"`` trains
    the NER (and its character language models) and keeps the other models of ``out`` as they are; ``use_charlm``
    gives the NER stanza's character language models trained on the news corpus (README, «Models»: measured, not
    the default)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if only not in (None, "ner"):
        raise TrainingError(f"--only {only}: unknown step", fix="use --only ner, or leave --only out to train all")
    cfg = QUICK if quick else FULL
    corpora_p, out_p, work_p = Path(corpora), Path(out), Path(work)
    data, staging = work_p / "data", work_p / "staging"
    staging.mkdir(parents=True, exist_ok=True)
    started = time.time()
    previous = json.loads((out_p / "model_card.json").read_text()) if only else {}
    if only:
        for name in NER_ONLY_KEPT:
            shutil.copy2(tr._require(out_p / name, f"--only {only} (kept from {out_p})"), staging / name)

    silver_dir = work_p / "silver" if silver else None
    silver_stats = None
    if silver_dir is not None:
        silver_stats = silver_data(corpora_p, silver_dir, cfg["silver_articles"], cfg["silver_workers"], teacher,
                                   cfg["silver_proper_noun_check"], cfg["silver_empty_share"],
                                   silver_sources)  # fmt: skip
    counts = prepare_data(corpora_p, data, cfg["limit"], silver_dir, cfg["aqmar_repeat"], cfg["ner_name_swap"],
                          Path(name_source) if name_source else None)  # fmt: skip
    for name in CHARLM_FILES.values():  # a NER trained without them must not be installed next to old ones
        (staging / name).unlink(missing_ok=True)
    # lane 1: word vectors → forward charlm → NER (after both charlms); lane 2: backward charlm → tokenizer →
    # MWT → POS → lemma. One thread each on the 2 cores.
    lm_text = charlm_text(corpora_p, data, cfg["vec_docs"], cfg["charlm_dev_every"]) if use_charlm else None
    vec = None if only else word_vectors.submit(corpora_p, staging, cfg["vec_docs"], cfg["vec_epochs"])
    fwd = bwd = None
    if use_charlm:
        fwd = charlm.submit(data, staging, work_p, "forward", cfg["charlm_epochs"], cfg["charlm_hidden"],
                            wait_for=[vec] if vec else [])  # fmt: skip
        bwd = charlm.submit(data, staging, work_p, "backward", cfg["charlm_epochs"], cfg["charlm_hidden"])
    ner_f = ner.submit(data, staging, work_p, cfg["ner_steps"], use_charlm,
                       wait_for=[f for f in (vec, fwd, bwd) if f])  # fmt: skip
    seconds: dict[str, float] = {}
    if not only:
        lex = lexicon(corpora_p, staging, cfg["vec_docs"])
        tok = tokenizer.submit(data, staging, work_p, cfg["tok_steps"], wait_for=[bwd] if bwd else [])
        mwt_f = mwt.submit(data, staging, work_p, cfg["mwt_epochs"], wait_for=[tok])
        pos_f = pos.submit(data, staging, work_p, cfg["pos_steps"], wait_for=[vec, mwt_f])
        lem_f = lemma.submit(data, staging, work_p, cfg["lemma_epochs"], wait_for=[pos_f])
        assert vec is not None
        seconds = {"word_vectors": vec.result()["seconds"], "tokenize": tok.result(), "mwt": mwt_f.result(),
                   "pos": pos_f.result(), "lemma": lem_f.result()}  # fmt: skip
    if fwd and bwd:
        seconds |= {"charlm_forward": fwd.result(), "charlm_backward": bwd.result()}
    seconds["ner"] = ner_f.result()
    scores = evaluate(staging, data)
    tr.install_models(staging, out_p, remove=() if use_charlm else tuple(CHARLM_FILES.values()))
    write_resources_stub(out_p)
    seed = None if only else lemma_seed(corpora_p, out_p, cfg["seed_articles"])  # --only ner keeps the lemma model
    command = ("python -m flows.train_models" + (" --quick" if quick else "") + ("" if silver else " --no-silver")
               + (" --charlm" if use_charlm else "") + (f" --only {only}" if only else "")
               + (f" --silver-sources {silver_sources}" if silver_sources != "default" else ""))  # fmt: skip
    trained_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    card: dict[str, Any] = {
        "pipeline_version": PIPELINE_VERSION,
        "trained_at": trained_at,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": command,
        "settings": cfg,
        "data_counts": counts,
        "silver": silver_stats,
        "word_vectors": None if only else vec.result(),  # type: ignore[union-attr]
        "lexicon": None if only else lex,
        "lemma_seed": seed,
        "charlm": lm_text,
        "train_seconds": seconds,
        "total_seconds": round(time.time() - started, 1),
        "sizes_mb": tr.file_sizes(out_p),
        "scores": scores,
    }
    if only:
        card = _ner_only_card(previous, card, command, trained_at)
    write_model_card(out_p, card)
    write_checksums(out_p)  # the files this run installed load with the full unpickler (tasks/nlp/checksums.py)
    print(json.dumps({"scores": scores, "sizes_mb": card["sizes_mb"], "train_seconds": seconds}, indent=1))
    return card


def _ner_only_card(previous: dict[str, Any], new: dict[str, Any], command: str, at: str) -> dict[str, Any]:
    """The card of a bundle whose NER (and charlms) were retrained: the kept models' entries stay the previous
    run's, the NER's entries and every held-out score are the new run's, and a sentence says which is which."""
    card = dict(previous)
    for key in ("silver", "charlm", "sizes_mb", "scores"):
        card[key] = new[key]
    card["data_counts"] = {**(previous.get("data_counts") or {}), "ner": new["data_counts"]["ner"]}
    card["train_seconds"] = {**(previous.get("train_seconds") or {}), **new["train_seconds"]}
    ner_settings = {k: v for k, v in new["settings"].items() if k.startswith(("ner", "silver", "charlm", "aqmar"))}
    card["settings"] = {**(previous.get("settings") or {}), **ner_settings}
    card["ner_retrained_at"] = at
    card["ner_retrained"] = (
        f"The NER{' and its two character language models' if new.get('charlm') else ''} was retrained at {at} by "
        f"`{command}` "
        f"({new['total_seconds']:.0f} s); the tokenizer, MWT, POS, lemma models, word vectors and lexicon are those of "
        f"the run above."
    )
    before = previous.get("scores") or {}
    if before.get("ner_test_aqmar"):
        card["ner_retrained"] += (
            f" The NER before it scored F1 {before['ner_test_aqmar']['f1']} on AQMAR test and "
            f"{(before.get('ner_test_anercorp') or {}).get('f1', '–')} on ANERcorp test."
        )
    return card


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", default=str(DEFAULT_CORPORA), help="folder with aqmar/, ud_arabic_pud/, ...")
    ap.add_argument("--out", default=str(BUNDLED_DIR), help="where the finished models go")
    ap.add_argument("--work", default=str(PROJECT_ROOT / "work" / "training"), help="scratch folder")
    ap.add_argument("--quick", action="store_true", help="a few steps on a small slice (smoke test)")
    ap.add_argument("--no-silver", action="store_true", help="train the NER on AQMAR alone")
    ap.add_argument("--only", choices=["ner"], default=None,
                    help="train only the NER and its character language models; keep the other bundled models")
    ap.add_argument("--charlm", action="store_true",
                    help="give the NER character language models trained on the news corpus (~12 min more)")
    ap.add_argument("--teacher", default="bundled", help="models that label the silver sentences")
    ap.add_argument("--name-source", default=None,
                    help="Wikidata person-name words for the name swap: the tokens file of "
                         "steveash/NETransliteration-COLING2018 or a git directory of it (default: the local mirror, "
                         "tasks/build/name_words.py)")  # fmt: skip
    ap.add_argument("--silver-sources", choices=["default", "persons"], default="default",
                    help="mention sources trusted as silver labels: default, or persons (also the entity layer's "
                         "rules for unknown persons; README «Models»: measured 2026-12-07, not the default)")
    args = ap.parse_args(argv)
    train_models(corpora=args.corpora, out=args.out, work=args.work, quick=args.quick, silver=not args.no_silver,
                 teacher=args.teacher, name_source=args.name_source, only=args.only,
                 use_charlm=args.charlm, silver_sources=args.silver_sources)
    return 0


if __name__ == "__main__":
    sys.exit(main())
