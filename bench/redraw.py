"""Rebuild a labelled sample's raw folder from its list of corpus ids.

A sample drawn by hand (the random 1,000 articles of the fifteenth session) is kept as the list of its files,
«<index>_<corpus id>.txt», one per line (`labels/random1206_files.txt`); this writes the same files again from the
ANT BBC/CNN/France24 corpus and a SaudiNewsNet snapshot, so the labels of its judged records
(`labels/random1206.jsonl`, keyed by the text's doc_id) score it again:

    python -m bench.redraw --files bench/labels/random1206_files.txt --snn <git dir> --out /work/random1206/raw
    python -m bench.rulecheck --raw /work/random1206/raw --out work/rc/random1206 --labels bench/labels/random1206.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.checkset import snn_articles
from bench.corpus import CORPUS, article_text, load_articles


def redraw(files: Sequence[str], snn_repo: Path, out: Path, corpus: Path = CORPUS) -> int:
    """Write every listed file from its corpus; a missing id stops with its name (the wrong snapshot)."""
    ant = {str(a.get("id")): article_text(a) for a in load_articles(corpus)}
    wanted = {name.split("_", 1)[1].removesuffix(".txt") for name in files}
    snn = {i: t for i, t in snn_articles(snn_repo) if i in wanted} if wanted - ant.keys() else {}
    out.mkdir(parents=True, exist_ok=True)
    for name in files:
        ident = name.split("_", 1)[1].removesuffix(".txt")
        text = ant.get(ident, snn.get(ident))
        if text is None:
            raise SystemExit(f"{name}: id {ident} is in neither corpus. Fix: pass the snapshots it was drawn from")
        (out / name).write_text(text, encoding="utf-8")
    return len(files)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=Path, required=True, help="the sample's file names, one per line")
    ap.add_argument("--snn", type=Path, required=True, help="git dir of ParallelMazen/SaudiNewsNet")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    files = [line.strip() for line in args.files.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = redraw(files, args.snn, args.out, args.corpus)
    print(f"{n} articles in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
