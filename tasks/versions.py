"""What decides the tables besides the input files and the models: the knowledge base, the rule data and the
rule code. Its fingerprint is part of every part key and of every row's ``pipeline_version``, so a changed KB
entry, lexicon, threshold or rule re-runs the batches without anyone bumping a version by hand.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from tasks import PIPELINE_VERSION
from tasks.settings import PROJECT_ROOT

# the run-time rule data and code; build-time tools (tasks/build) never decide a run's output
KNOWLEDGE_DIR = PROJECT_ROOT / "kb"
KNOWLEDGE_FILES = (
    "entities.jsonl", "offices.json", "gazetteer.tsv.gz", "iso3166.tsv", "name_words.tsv.gz", "geo.tsv.gz",
)  # fmt: skip
RULES_DIR = PROJECT_ROOT / "tasks"
RULE_SUFFIXES = (".py", ".toml", ".json", ".tsv", ".txt")
NOT_RULES = ("build",)  # sub-packages of tasks/ that are not read at run time
FINGERPRINT_CHARS = 12


def rule_files(rules_dir: Path | None = None, knowledge_dir: Path | None = None) -> list[Path]:
    """The files whose content decides the entity and commitment layers, in a stable order (default: this
    checkout's tasks/ and kb/, read when called)."""
    rules_dir, knowledge_dir = rules_dir or RULES_DIR, knowledge_dir or KNOWLEDGE_DIR
    code = sorted(p for p in rules_dir.rglob("*") if p.is_file() and p.suffix in RULE_SUFFIXES
                  and p.relative_to(rules_dir).parts[0] not in NOT_RULES and "__pycache__" not in p.parts)  # fmt: skip
    return [*(knowledge_dir / n for n in KNOWLEDGE_FILES if (knowledge_dir / n).exists()), *code]


def fingerprint(files: list[Path], root: Path = PROJECT_ROOT) -> str:
    """A short hash of the files' paths (relative to ``root``) and contents."""
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p).encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:FINGERPRINT_CHARS]


@cache
def rules_version() -> str:
    """The fingerprint of the KB, the rule data and the rule code of this checkout (once per process)."""
    return fingerprint(rule_files())


def pipeline_version() -> str:
    """``PIPELINE_VERSION`` with the rules fingerprint: what every row and part records («0.1.0+3f2a…»)."""
    return f"{PIPELINE_VERSION}+{rules_version()}"
