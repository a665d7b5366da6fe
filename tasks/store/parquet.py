"""Parquet output: one folder per table, part files written aside and renamed into place.

Every write goes to a temporary name beside its target, is fsynced and then renamed, so a reader (or a
run killed with -9) only ever sees the old file or the new one. Whole table folders are swapped with
one atomic ``renameat2(RENAME_EXCHANGE)`` where the kernel has it (Linux), else with two renames.
"""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import functools
import json
import operator
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.errors import StoreError, TableContractError
from tasks.store.schema import STAMP_COLUMNS, TABLES

LOG_TABLES = frozenset({"runs"})
"""Tables written once per run, not per batch."""

BATCH_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in LOG_TABLES)
"""Tables every batch writes one part file of (whatever tables tasks/store/schema.py declares)."""


def _store_error(path: Path, err: OSError) -> StoreError:
    what = err.strerror or str(err)
    fix = "free disk space" if err.errno == errno.ENOSPC else "check the folder's permissions and the disk"
    return StoreError(
        f"cannot write {path}: {what}.", fix=f"{fix}, then run again (finished batches are kept).", path=path
    )


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (power loss); harmless where directories cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes_atomic(data: bytes, path: Path) -> None:
    """Write beside ``path``, fsync, rename over it."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise _store_error(path, err) from err
    fsync_dir(path.parent)


def write_json_atomic(obj: Any, path: Path) -> None:
    """Readable UTF-8 JSON; with ASCII escapes when it holds a file name that is not UTF-8 (a lone
    surrogate, which ``\\udce9`` keeps losslessly and json.loads gives back)."""
    text = json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        data = text.encode()
    except UnicodeEncodeError:
        data = (json.dumps(obj, ensure_ascii=True, indent=1, sort_keys=True) + "\n").encode()
    write_bytes_atomic(data, path)


def link_or_copy(src: Path, dst: Path) -> None:
    """Hard-link ``src`` as ``dst`` (immutable part files are shared, not copied); copy where links fail."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except FileExistsError:
        dst.unlink()
        os.link(src, dst)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise _store_error(dst, err) from err
        shutil.copy2(src, dst)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> Any:
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


_EXCHANGE = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths; False when the kernel or filesystem cannot."""
    if _EXCHANGE is None:
        return False
    if _EXCHANGE(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise _store_error(b, OSError(err, os.strerror(err)))


def swap_in(new: Path, target: Path) -> None:
    """Put folder ``new`` at ``target``; a reader sees the old folder or the new one, never none
    (where RENAME_EXCHANGE exists; elsewhere there is an instant between two renames)."""
    try:
        if target.exists() and exchange(new, target):
            shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the old folder
        else:
            old = target.parent / f".old-{target.name}-{uuid.uuid4().hex[:8]}"
            if target.exists():
                os.replace(target, old)
            os.replace(new, target)
            shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        raise _store_error(target, err) from err
    fsync_dir(target.parent)


_ROW_LABELS = ("doc_id", "commitment_id", "entity_id", "path", "run_id")
"""Columns that name a row in an error message, first present wins."""

_FIX_COLUMNS = (
    "make the row type's fields (tasks/document.py) or the column names equal the schema's "
    "(tasks/store/schema.py); a new column goes into both, with a new SCHEMA_VERSION"
)


def _check_names(name: str, schema: pa.Schema, given: Sequence[str], what: str) -> None:
    expected, present = set(schema.names), set(given)
    missing = [n for n in schema.names if n not in present]
    unknown = [n for n in given if n not in expected]
    if missing or unknown:
        parts = [f"missing {', '.join(missing)}" if missing else "", f"unknown {', '.join(unknown)}" if unknown else ""]
        raise TableContractError(name, f"{what} do not match the schema: {'; '.join(p for p in parts if p)}",
                                 _FIX_COLUMNS)  # fmt: skip


@functools.cache
def _checked_row_type(name: str, row_type: type) -> tuple[str, ...]:
    """A row type's fields, checked once per (table, type) against the table's schema; the version stamps
    (``STAMP_COLUMNS``) may be left to the writer."""
    if not dataclasses.is_dataclass(row_type):
        raise TableContractError(name, f"rows must be dataclass instances, not {row_type.__name__}",
                                 "build the rows with the types of tasks/document.py")  # fmt: skip
    fields = tuple(f.name for f in dataclasses.fields(row_type))
    stamped = [c for c in STAMP_COLUMNS if c in TABLES[name].names and c not in fields]
    _check_names(name, TABLES[name], (*fields, *stamped), f"the fields of {row_type.__name__}")
    return fields


def _check_nulls(name: str, schema: pa.Schema, data: Mapping[str, list[Any]]) -> None:
    """pyarrow would write a null into a non-nullable column without a word; refuse it here."""
    for f in schema:
        if f.nullable or None not in data[f.name]:
            continue
        i = data[f.name].index(None)
        label = next((f"{c} {data[c][i]}" for c in _ROW_LABELS if c in data and data[c][i] is not None), "")
        raise TableContractError(
            name,
            f"column {f.name} is null in row {i}" + (f" ({label})" if label else "") + ", but the schema "
            "declares it non-nullable",
            f"the stage that builds {name} rows must fill {f.name} (or declare it nullable in "
            "tasks/store/schema.py, with a new SCHEMA_VERSION)",
        )


def _from_columns(name: str, data: dict[str, list[Any]]) -> pa.Table:
    schema = TABLES[name]
    lengths = {len(v) for v in data.values()}
    if len(lengths) > 1:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in data.items())
        raise TableContractError(name, f"columns of different lengths ({sizes})", "give every column one value per row")
    _check_nulls(name, schema, data)
    return pa.Table.from_pydict(data, schema=schema)


def to_table(
    name: str, rows: Sequence[Any] | Mapping[str, Sequence[Any]], stamp: Mapping[str, str | None] | None = None
) -> pa.Table:
    """Rows (dataclasses whose fields are the table's columns, tasks/document.py) or a dict of column
    lists → Arrow table with the declared schema, the one conversion every table goes through. ``stamp``
    gives the version columns (``STAMP_COLUMNS``) a row type leaves out: the same value on every row.

    Strict, so a pipeline bug never becomes a silently empty column: a missing or unknown column (field)
    and a null in a non-nullable column raise TableContractError naming them. No rows give an empty
    table that still has every column."""
    schema = TABLES[name]
    stamp = stamp or {}
    if isinstance(rows, Mapping):
        stamped = [c for c in STAMP_COLUMNS if c in schema.names and c not in rows]
        _check_names(name, schema, [*rows, *stamped], "the columns given")
        n = len(next(iter(rows.values()), []))
        return _from_columns(name, {f.name: list(rows[f.name]) if f.name in rows else [stamp.get(f.name)] * n
                                    for f in schema})  # fmt: skip
    if not rows:
        return schema.empty_table()
    fields = set().union(*(_checked_row_type(name, t) for t in {type(r) for r in rows}))
    return _from_columns(name, {
        f.name: list(map(operator.attrgetter(f.name), rows)) if f.name in fields else [stamp.get(f.name)] * len(rows)
        for f in schema
    })  # fmt: skip


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write beside the target, fsync, then rename: readers see the old file or the new, never half.
    Any OS error (disk full, permissions) becomes a StoreError naming the path and the fix."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise _store_error(path, err) from err


def dedup_entities(files: Sequence[Path]) -> pa.Table:
    """Entity rows of many parts → one row per entity_id, sorted by id. When parts disagree about an
    entity (two spellings normalised to one id), the smallest row by content wins, so the result does
    not depend on the order of the parts or on which batch a document was in."""
    if not files:
        return TABLES["entities"].empty_table()
    table = pa.concat_tables([pq.read_table(f, schema=TABLES["entities"]) for f in files])
    order = [(f.name, "ascending") for f in TABLES["entities"] if not pa.types.is_list(f.type)]
    table = table.sort_by(order)
    seen: set[str] = set()
    keep = []
    for i, eid in enumerate(table.column("entity_id").to_pylist()):
        if eid not in seen:
            seen.add(eid)
            keep.append(i)
    return table.take(pa.array(keep, type=pa.int64())).sort_by("entity_id")


def compact_entities(staging: Path) -> None:
    """Batches each write the entities they saw; one row per entity_id is kept (see dedup_entities)."""
    folder = staging / "entities"
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return
    table = dedup_entities(files)
    write_parquet(table, folder / "entities.parquet.new")
    for f in files:
        f.unlink()
    os.replace(folder / "entities.parquet.new", folder / "entities.parquet")


def publish(staging: Path, out: Path) -> None:
    """Swap every finished table folder from ``staging`` into ``out``.

    Each table is renamed into place as a whole, so a reader never sees rows of two runs mixed.
    """
    compact_entities(staging)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        new = staging / name
        if new.exists():
            swap_in(new, out / name)
    shutil.rmtree(staging, ignore_errors=True)


def read_table(out: Path, name: str) -> pa.Table:
    """Read a table back with its declared schema (used by tests and the evaluate flow)."""
    folder = out / name
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return TABLES[name].empty_table()
    return pa.concat_tables([pq.read_table(f, schema=TABLES[name]) for f in files])
