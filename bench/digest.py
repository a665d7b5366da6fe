"""A digest per output table, rows sorted, so two runs can be compared for identical tables:
``python -m bench.digest processed [other_processed]``.

Refactors that must not change what is extracted are checked with it (the runs log is left out: it
records times; ``documents.source_path`` counts by its file name, so runs over copies in two folders
compare). With two folders it prints both columns and exits 1 when any table differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

SKIP = frozenset({"runs"})


def table_digests(out: Path) -> dict[str, tuple[int, str]]:
    """Table name → (rows, sha256 of its rows as sorted JSON lines)."""
    result: dict[str, tuple[int, str]] = {}
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name in SKIP or not any(folder.glob("*.parquet")):
            continue
        rows = pq.ParquetDataset(folder).read().to_pylist()
        for r in rows:
            if "source_path" in r:
                r["source_path"] = Path(r["source_path"]).name
        lines = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True, default=str) for r in rows)
        result[folder.name] = (len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="+", help="one or two output folders")
    args = ap.parse_args(argv)
    digests = [table_digests(p) for p in args.out]
    names = sorted(set().union(*digests))
    differ = False
    for name in names:
        cells = [f"{d[name][0]:>7} {d[name][1]}" if name in d else f"{'-':>7} {'missing':16}" for d in digests]
        same = len({d.get(name) for d in digests}) == 1
        differ |= not same
        print(f"{name:20} " + "  ".join(cells) + ("" if same or len(digests) == 1 else "  DIFFERS"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
