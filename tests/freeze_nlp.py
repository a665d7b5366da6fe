"""Record the stanza output the rule tests run on, with the real models: ``python -m tests.freeze_nlp``.

The entity and commitment rule tests (and any test using the ``nlp`` fixture) read stanza's answers from
``tests/fixtures/nlp/<module>.json``, one small JSON file per test module, one token or word per line, with
the model version it was recorded with (tests/conftest.py). Run this after adding or changing a test text
(the frozen run then fails with a message pointing here) or after the models changed:

    python -m tests.freeze_nlp                  # analyse the texts the fixtures lack; drop unused ones
    python -m tests.freeze_nlp --all            # analyse every text again (after retraining the models)
    python -m tests.freeze_nlp tests/entities   # only these test files or folders (whole modules)

It runs pytest with ILTIZAM_TEST_NLP=record (``--all``: rerecord) over the tests that use ``nlp``, slow ones
included: each module's file is rewritten with exactly the texts its tests used, in the order they ran.
The tests' assertions run too; a rule test failing on new model output is reported but its fixture is
written anyway (review the diff). It loads the models: on a shared machine wrap it in ``flock``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "nlp"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=["tests"], help="test files or folders (default: tests)")
    ap.add_argument("--all", action="store_true", help="analyse every text again, not only the missing ones")
    args = ap.parse_args(argv)
    env = dict(os.environ, ILTIZAM_TEST_NLP="rerecord" if args.all else "record")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.paths]
    rc = subprocess.call(cmd, cwd=PROJECT_ROOT, env=env)
    files = sorted(FIXTURES.glob("*.json"))
    total = sum(p.stat().st_size for p in files)
    print(f"{len(files)} fixture files in {FIXTURES.relative_to(PROJECT_ROOT)}, {total / 1024:.0f} KiB"
          + ("" if rc == 0 else f"; pytest exited {rc}: fixtures written, check the failing tests"))  # fmt: skip
    return rc


if __name__ == "__main__":
    sys.exit(main())
