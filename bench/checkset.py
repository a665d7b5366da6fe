"""A rule-check set from outlets the gold sets barely use: Al Arabiya and Sky News Arabia (ANT multisource)
and the Saudi papers of SaudiNewsNet, drawn with a fixed seed, gold articles left out.

    python -m bench.checkset --ant <git dir> --snn <git dir> --out /work/checkset/raw [--n 300]

With ``--all-outlets --halves --seed S --exclude <raw folder> …`` it draws the fresh samples of unseen news:
every ANT outlet's news pages and every SaudiNewsNet paper, none of the gold or earlier check-set articles, split
into ``<out>/A/raw`` (to read and diagnose) and ``<out>/B/raw`` (held out: judged, never read while writing rules).
The fresh samples of 2026-12-05: ``--all-outlets --halves --n 300 --ant-n 200 --seed 2612 --exclude
/work/checkset/raw --exclude /work/corpus300/raw --out /work/fresh`` (150 + 150 articles, each 100 ANT and 50
SaudiNewsNet; judgments in ``labels/fresh_a.jsonl`` and ``labels/fresh_b.jsonl``).

The git dirs are snapshots of ``antcorpus/antcorpus.multisource.data`` and ``ParallelMazen/SaudiNewsNet``
(read with ``git show``; nothing is copied into the project). The BBC/CNN/France24 check set of
``bench.corpus`` is news of three outlets only; the commitments rules are checked on both (``bench.rulecheck``).
Half the articles come from each source; ANT articles only from its news and economy pages (its culture,
sport and technology pages hold almost no commitments), SaudiNewsNet articles from every paper.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tasks.settings import PROJECT_ROOT

SEED = 13
ANT_OUTLETS = ("Alarabia", "SkyNews")
ALL_ANT_OUTLETS = ("Alarabia", "SkyNews", "BBC", "CNN", "France24")
ANT_PAGES = ("internationalNews", "economy", "middleEast")
MIN_CHARS = 400  # shorter texts are captions and briefs
GOLD = PROJECT_ROOT.parent / "shared" / "eval"
_TAG = re.compile(r"<(?P<tag>TITLE|TEXT)>\s*(?P<body>.*?)\s*</(?P=tag)>", re.S)


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(repo), *args], check=True, capture_output=True).stdout


def gold_ids(folder: Path = GOLD) -> set[str]:
    """Corpus ids of every gold article («SK-economy-825-20180622», «2015-07-31_396»)."""
    ids: set[str] = set()
    for path in folder.glob("*_gold.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc_id = json.loads(line)["doc_id"]
            ids.add(doc_id.removeprefix("ant_"))
            if doc_id.startswith("snn_"):
                ids.add("_".join(doc_id.removeprefix("snn_").split("_")[:2]))
    return ids


def ant_articles(repo: Path, outlets: Sequence[str] = ANT_OUTLETS) -> list[tuple[str, str]]:
    """(id, title + body) of the ANT articles of the chosen outlets and pages."""
    names = _git(repo, "ls-tree", "-r", "--name-only", "HEAD").decode().split("\n")
    out = []
    for name in names:
        parts = name.split("/")
        if len(parts) != 3 or parts[0] not in outlets or parts[1] not in ANT_PAGES:
            continue
        out.append((Path(name).stem, name))
    return sorted(out)


def ant_text(repo: Path, name: str) -> str:
    doc = _git(repo, "show", f"HEAD:{name}").decode("utf-8")
    fields = {m["tag"]: m["body"] for m in _TAG.finditer(doc)}
    return f"{fields.get('TITLE', '').strip()}\n{fields.get('TEXT', '').strip()}\n"


def snn_articles(repo: Path) -> list[tuple[str, str]]:
    """(id «date_index», title + content) of every SaudiNewsNet article."""
    out = []
    for name in _git(repo, "ls-tree", "-r", "--name-only", "HEAD", "dataset/").decode().split():
        day = Path(name).stem
        with zipfile.ZipFile(io.BytesIO(_git(repo, "show", f"HEAD:{name}"))) as z:
            items: list[dict[str, Any]] = json.load(z.open(f"{day}.json"))
        for i, a in enumerate(items):
            title, body = (a.get("title") or "").strip(), (a.get("content") or "").strip()
            out.append((f"{day}_{i}_{a.get('source', '')}", f"{title}\n{body}\n" if title else f"{body}\n"))
    return out


def draw(
    pool: Sequence[tuple[str, str]], n: int, skip: set[str], text_of: Callable[[str], str] = str, seed: int = SEED,
) -> list[tuple[str, str]]:  # fmt: skip
    """The first ``n`` distinct, long enough, non-gold texts of one seeded shuffle (``text_of`` reads an
    item's text from its second field)."""
    order = list(range(len(pool)))
    random.Random(seed).shuffle(order)
    picked: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in order:
        ident, text = pool[i][0], text_of(pool[i][1])
        key = "_".join(ident.split("_")[:2]) if ident[:4].isdigit() else ident
        if key in skip or len(text) < MIN_CHARS or text in seen:
            continue
        seen.add(text)
        picked.append((ident, text))
        if len(picked) == n:
            break
    return picked


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", type=Path, required=True, help="git dir of antcorpus/antcorpus.multisource.data")
    ap.add_argument("--snn", type=Path, required=True, help="git dir of ParallelMazen/SaudiNewsNet")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--ant-n", type=int, default=None, help="how many of the n are ANT articles (default n/2)")
    ap.add_argument("--all-outlets", action="store_true",
                    help=f"ANT articles of every outlet ({', '.join(ALL_ANT_OUTLETS)})")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a raw folder whose articles to leave out too (an earlier check set); repeatable")
    ap.add_argument("--halves", action="store_true",
                    help="write two samples of n/2, <out>/A and <out>/B: one to read, one held out")
    args = ap.parse_args(argv)
    skip = gold_ids() | {i for folder in args.exclude for i in raw_ids(folder)}
    outlets = ALL_ANT_OUTLETS if args.all_outlets else ANT_OUTLETS
    n_ant = args.n // 2 if args.ant_n is None else args.ant_n
    ant = draw(ant_articles(args.ant, outlets), n_ant, skip, lambda name: ant_text(args.ant, name), args.seed)
    snn = draw(snn_articles(args.snn), args.n - n_ant, skip, seed=args.seed)
    parts = {"A": ant[0::2] + snn[0::2], "B": ant[1::2] + snn[1::2]} if args.halves else {"": ant + snn}
    for name, picked in parts.items():
        out = args.out / name / "raw" if name else args.out
        out.mkdir(parents=True, exist_ok=True)
        for k, (ident, text) in enumerate(picked):
            (out / f"{k:05d}_{re.sub(r'[^A-Za-z0-9_.-]+', '_', ident)[:60]}.txt").write_text(text, "utf-8")
        print(f"{len(picked)} articles in {out} ({len(skip)} ids left out)", file=sys.stderr)
    return 0


def raw_ids(folder: Path) -> set[str]:
    """The corpus ids of a raw folder this module or bench.corpus wrote («00003_SK-economy-642-20180525.txt»),
    with the «date_index» key of a SaudiNewsNet id too."""
    ids = set()
    for path in folder.glob("*.txt"):
        ident = path.stem.split("_", 1)[1]
        ids |= {ident, "_".join(ident.split("_")[:2])}
    return ids


if __name__ == "__main__":
    raise SystemExit(main())
