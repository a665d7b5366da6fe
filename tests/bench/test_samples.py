"""bench.samples draws every check sample again in the order and with the seeds each was first drawn with."""

from pathlib import Path

from bench.samples import DENSE_SEEDS, LABELS, plan

ROOT = Path("/samples")


def test_every_draw_leaves_out_every_earlier_sample():
    steps = plan(Path("/ant"), Path("/snn"), ROOT)
    assert [s.name for s in steps] == [
        "checkset", "corpus300", "fresh", "dense", "dense2", "dense3", "dense4", "dense5", "dense6", "random1206",
        "count1207",
    ]  # fmt: skip
    for i, step in enumerate(steps):
        if step.tool != "checkset" or step.name == "checkset":
            continue
        excluded = {Path(step.argv[k + 1]) for k, a in enumerate(step.argv) if a == "--exclude"}
        assert excluded == {raw for earlier in steps[:i] for raw in earlier.raws}, step.name


def test_the_seeds_and_files_are_the_documented_ones():
    by_name = {s.name: s for s in plan(Path("/ant"), Path("/snn"), ROOT)}
    for n, seed in DENSE_SEEDS.items():
        argv = by_name[f"dense{n}"].argv
        assert argv[argv.index("--seed") + 1] == str(seed) and argv[argv.index("--dense") + 1] == "44"
        assert (LABELS / f"dense{n}_a_gold.jsonl").exists() and (LABELS / f"dense{n}_b_gold.jsonl").exists()
    assert DENSE_SEEDS == {"": 51226, "2": 51227, "3": 51228, "4": 51229, "5": 51230, "6": 51231}
    fresh = by_name["fresh"].argv
    assert fresh[fresh.index("--seed") + 1] == "2612" and by_name["fresh"].raws == (
        ROOT / "fresh" / "A" / "raw", ROOT / "fresh" / "B" / "raw")  # fmt: skip
    count = by_name["count1207"].argv
    assert count[count.index("--seed") + 1] == "1207" and count[count.index("--n") + 1] == "1000"
    assert (LABELS / "random1206_files.txt").exists()
