"""docs/DATA_DICTIONARY.md describes exactly the columns the schemas declare, with their types and nullability."""

import re

from tasks.settings import PROJECT_ROOT
from tasks.store.schema import SCHEMA_VERSION, TABLES

DICTIONARY = PROJECT_ROOT / "docs" / "DATA_DICTIONARY.md"
ROW_RE = re.compile(r"^\| `(?P<column>[^`]+)` \| (?P<type>[^|]+) \| (?P<nullable>yes|no) \| (?P<meaning>[^|].*) \|$")


def documented() -> dict[str, list[tuple[str, str, bool, str]]]:
    tables: dict[str, list[tuple[str, str, bool, str]]] = {}
    current = None
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            tables[current] = []
        m = ROW_RE.match(line)
        if m and current is not None:
            tables[current].append((m["column"], m["type"].strip(), m["nullable"] == "yes", m["meaning"].strip()))
    return tables


def test_every_table_and_column_is_described_with_its_type_and_nullability():
    docs = documented()
    assert list(docs) == list(TABLES)
    for name, schema in TABLES.items():
        assert [(c, t, n) for c, t, n, _ in docs[name]] == [(f.name, str(f.type), f.nullable) for f in schema], name
        assert all(len(meaning) > 10 for *_, meaning in docs[name]), name


def test_the_dictionary_names_the_schema_version():
    assert f"schema version {SCHEMA_VERSION}" in DICTIONARY.read_text(encoding="utf-8")
