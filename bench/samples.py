"""Every unseen-news sample of the check workflow, drawn again in one command on a new machine.

    python -m bench.samples --ant <git dir> --snn <git dir> [--root /work]

writes, in this order (each draw leaves out every earlier sample, so no article is in two): the second check set
(`<root>/checkset/raw`), corpus300 (`<root>/corpus300/raw`: the ids of `tasks/build/silver_exclude.txt`), the
fresh samples (`<root>/fresh/{A,B}/raw`, seed 2612), the six dense samples (`<root>/dense{,2,…,6}/{A,B}/raw`,
seeds 51226–51231) with their gold files joined to the texts (`<root>/denseN/{A,B}_gold.jsonl`), the random sample
(`<root>/random1206/raw`, from its file list) and the count sample (`<root>/count1207/raw`, seed 1207). The git
dirs are snapshots of `antcorpus/antcorpus.multisource.data` and `ParallelMazen/SaudiNewsNet`. The seeds and
exclusions are those each sample was first drawn with (`bench/labels/README.md`); a changed corpus snapshot gives
other articles, and the dense join then stops on the first label that does not fit its text.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import checkset, dense, redraw
from bench.corpus import load_articles, write_raw
from tasks.settings import PROJECT_ROOT

LABELS = Path(__file__).with_name("labels")
SILVER_EXCLUDE = PROJECT_ROOT / "tasks" / "build" / "silver_exclude.txt"
FRESH_SEED = 2612
DENSE_SEEDS = {"": 51226, "2": 51227, "3": 51228, "4": 51229, "5": 51230, "6": 51231}
COUNT_SEED = 1207


@dataclass(frozen=True)
class Step:
    """One sample: the tool that writes it (``checkset``, ``corpus300`` or ``redraw``), its arguments and the raw
    folders it leaves behind, which every later draw leaves out."""

    name: str
    tool: str
    argv: tuple[str, ...]
    raws: tuple[Path, ...]


def plan(ant: Path, snn: Path, root: Path) -> list[Step]:
    """The draws in order, each excluding the raw folders of every step before it."""
    steps: list[Step] = []

    def excluded() -> list[str]:
        return [arg for step in steps for raw in step.raws for arg in ("--exclude", str(raw))]

    base = ("--ant", str(ant), "--snn", str(snn))
    steps.append(Step("checkset", "checkset", (*base, "--out", str(root / "checkset" / "raw")),
                      (root / "checkset" / "raw",)))  # fmt: skip
    steps.append(Step("corpus300", "corpus300", (str(root / "corpus300" / "raw"),), (root / "corpus300" / "raw",)))
    draws = [("fresh", ("--n", "300", "--ant-n", "200", "--seed", str(FRESH_SEED)))]
    draws += [(f"dense{n}", ("--n", "3000", "--ant-n", "1500", "--dense", "44", "--seed", str(seed)))
              for n, seed in DENSE_SEEDS.items()]  # fmt: skip
    for name, args in draws:
        out = root / name
        argv = (*base, "--all-outlets", "--halves", *args, *excluded(), "--out", str(out))
        steps.append(Step(name, "checkset", argv, (out / "A" / "raw", out / "B" / "raw")))
    files = LABELS / "random1206_files.txt"
    random_raw = root / "random1206" / "raw"
    steps.append(Step("random1206", "redraw", ("--files", str(files), "--snn", str(snn), "--out", str(random_raw)),
                      (random_raw,)))  # fmt: skip
    count_raw = root / "count1207" / "raw"
    argv = (*base, "--all-outlets", "--n", "1000", "--ant-n", "500", "--seed", str(COUNT_SEED), *excluded(),
            "--out", str(count_raw))  # fmt: skip
    steps.append(Step("count1207", "checkset", argv, (count_raw,)))
    return steps


def run(step: Step) -> None:
    """Write one sample; a dense sample's two gold files are joined to its texts right after it is drawn."""
    if step.tool == "corpus300":
        ids = [line.strip() for line in SILVER_EXCLUDE.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_id = {str(a.get("id")): a for a in load_articles()}
        write_raw([by_id[i] for i in ids], Path(step.argv[0]))
        return
    (redraw.main if step.tool == "redraw" else checkset.main)(list(step.argv))
    if step.name.startswith("dense"):
        n = step.name.removeprefix("dense")
        for half, raw in zip("ab", step.raws, strict=True):
            gold = raw.parent.parent / f"{half.upper()}_gold.jsonl"
            dense.main(["--labels", str(LABELS / f"dense{n}_{half}_gold.jsonl"), "--raw", str(raw), "--out", str(gold)])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", type=Path, required=True, help="git dir of antcorpus/antcorpus.multisource.data")
    ap.add_argument("--snn", type=Path, required=True, help="git dir of ParallelMazen/SaudiNewsNet")
    ap.add_argument("--root", type=Path, default=Path("/work"), help="where the samples go (default /work)")
    args = ap.parse_args(argv)
    for step in plan(args.ant, args.snn, args.root):
        run(step)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
