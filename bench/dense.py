"""Gold sets of the dense samples (``bench.checkset --dense``), kept without the article texts: the labels hold
each article's file name and commitments; this joins them to the texts of a raw folder drawn again with the same
command, checks that every sentence and trigger is in its text, and writes a gold file for ``flows.evaluate``.

    python -m bench.dense --labels bench/labels/dense_a_gold.jsonl --raw /work/dense/A/raw \
        --out /work/dense/A_gold.jsonl
    python -m flows.evaluate --gold /work/dense/A_gold.jsonl --out /work/dense/evalA

The labels of 2026-12-05 (sixth session), each annotated under ../shared/eval/GUIDELINE.md by a helper that did
not see the pipeline's output: ``dense_a_gold.jsonl`` (22 articles, 57 commitments) and ``dense2_a_gold.jsonl``
(22, 73), read while writing rules; ``dense_b_gold.jsonl`` (22, 110) and ``dense2_b_gold.jsonl`` (22, 85), held out:
scored, never read; ``dense3_a_gold.jsonl`` (22, 85) and ``dense3_b_gold.jsonl`` (22, 72), drawn at the session's
end and read by nobody (scored once on the session's first and last commits; the next session may read A and
must hold B out); ``dense4_*`` (seed 51229) and ``dense5_*`` (seed 51230, tenth session: A 22 articles, 75
commitments; B 22, 97) likewise: A read, B held out. The samples: ``bench.checkset --all-outlets --halves
--n 3000 --ant-n 1500 --dense 44`` with ``--seed 51226`` (dense), ``51227`` (dense2), ``51228`` (dense3),
``51229`` (dense4) and ``51230`` (dense5), each excluding the check sets, the fresh samples and every earlier
dense sample.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


class DenseGoldError(ValueError):
    """A label that does not fit its article."""


def join(labels: Path, raw: Path) -> list[dict]:
    """The gold documents of ``labels`` with the text of each one's file in ``raw``."""
    out = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        path = raw / doc["source"]
        if not path.exists():
            raise DenseGoldError(f"{labels}: {doc['source']} is not in {raw}; draw the sample again (bench.checkset)")
        text = path.read_text(encoding="utf-8")
        for c in doc["commitments"]:
            if c["sentence"] not in text or c["trigger"] not in c["sentence"]:
                raise DenseGoldError(f"{labels}: {doc['source']}: «{c['trigger']}» or its sentence is not in the text")
        out.append({**doc, "text": text})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labels", type=Path, required=True)
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    docs = join(args.labels, args.raw)
    args.out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    n = sum(len(d["commitments"]) for d in docs)
    print(f"{len(docs)} documents, {n} commitments → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
