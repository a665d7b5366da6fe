"""Checks every stage's ``lexicons.toml`` must pass, shared by the stages' lexicon tests."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
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


def public_values(module: object) -> dict[str, object]:
    """A stage's named lists and constants (upper-case names), the lexicon file's name left out."""
    return {k: v for k, v in vars(module).items()
            if k.isupper() and not k.startswith("_") and k != "LEXICON_FILE"}  # fmt: skip


def assert_read_by_loader(
    data: Mapping[str, Mapping[str, Any]], package: Path, mapping_tables: Collection[str]
) -> None:
    """Every table, and every entry of a table that is not a mapping, is read by the package's lexicons.py."""
    source = (package / "lexicons.py").read_text(encoding="utf-8")
    where = f"tasks/{package.name}/lexicons.py"
    for table, entries in data.items():
        assert f'["{table}"]' in source, f"[{table}] is never read by {where}"
        if table in mapping_tables:
            continue
        for name in entries:  # an entry, or a sub-table such as [dates.months]
            assert f'["{name}"]' in source, f"[{table}] {name} is never read by {where}"


def assert_immutable(module: object) -> None:
    """Loaded values are frozen sets, tuples, strings or read-only mappings."""
    for name, value in public_values(module).items():
        assert isinstance(value, frozenset | tuple | str | Mapping), name
        assert not isinstance(value, dict), f"{name} should be a read-only mapping"


def assert_every_name_used(module: object, package: Path, defined_in: str) -> None:
    """Every public name of ``module`` appears in another module of its stage package."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")) if p.name != defined_in)
    unused = [name for name in public_values(module) if not re.search(rf"\b{name}\b", source)]
    assert not unused, f"defined in tasks/{package.name}/{defined_in} but used nowhere: {unused}"
