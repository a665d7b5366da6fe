"""Checks every stage's ``lexicons.toml`` must pass, shared by the stages' lexicon tests."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any


def assert_commented(toml_text: str, mapping_tables: Collection[str]) -> None:
    """Every entry, and every table whose keys are data, has a comment above it saying what it is for."""
    lines = toml_text.splitlines()
    table = ""
    for i, line in enumerate(lines):
        header = re.match(r"^\[(?P<name>[^\]]+)\]$", line)
        if header:
            table = header["name"]
            if table in mapping_tables:
                assert lines[i - 1].startswith("# "), f"table [{table}] needs a comment saying what it is for"
            continue
        if table in mapping_tables or not re.match(r"^[a-z_]+ = ", line):
            continue
        assert lines[i - 1].startswith("# "), f"[{table}] {line.split(' =')[0]} needs a comment above it"


def assert_no_duplicates(data: Mapping[str, Mapping[str, Any]]) -> None:
    """No raw list names an entry twice."""
    for table, entries in data.items():
        for name, value in entries.items():
            if isinstance(value, list):
                assert len(value) == len({str(v) for v in value}), f"[{table}] {name} lists an entry twice"
