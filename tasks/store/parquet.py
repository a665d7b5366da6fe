"""Parquet output: one folder per table, part files written aside and renamed into place.

Every write goes to a temporary name beside its target, is fsynced and then renamed, so a reader (or a
run killed with -9) only ever sees the old file or the new one. Whole table folders are swapped with
one atomic ``renameat2(RENAME_EXCHANGE)`` where the kernel has it (Linux), else with two renames.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import errno
import json
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.errors import IltizamError
from tasks.ingest.reader import Document
from tasks.store.schema import TABLES

LOG_TABLES = frozenset({"runs"})
"""Tables written once per run, not per batch."""

BATCH_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in LOG_TABLES)
"""Tables every batch writes one part file of (whatever tables tasks/store/schema.py declares)."""


class StoreError(IltizamError):
    """The output folder cannot be written (disk full, permissions, I/O error): fails the run."""


def _store_error(path: Path, err: OSError) -> StoreError:
    what = err.strerror or str(err)
    fix = "free disk space" if err.errno == errno.ENOSPC else "check the folder's permissions and the disk"
    return StoreError(f"cannot write {path}: {what}. Fix: {fix}, then run again (finished batches are kept).")


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
    write_bytes_atomic((json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode(), path)


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


def to_table(name: str, columns: Mapping[str, Sequence[Any]]) -> pa.Table:
    """Columns → Arrow table with the declared schema (an empty batch still gets every column)."""
    schema = TABLES[name]
    data = {f.name: list(columns.get(f.name, [])) for f in schema}
    n = max((len(v) for v in data.values()), default=0)
    for f in schema:
        if not data[f.name] and n:
            data[f.name] = [None] * n
    return pa.Table.from_pydict(data, schema=schema)


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


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def document_columns(
    docs: Sequence[Document], per_doc: Mapping[str, tuple[int, int]], model_version: str, pipeline_version: str
) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {f.name: [] for f in TABLES["documents"]}
    for d in docs:
        n_sent, n_words = per_doc.get(d.doc_id, (0, 0))
        row = {
            "doc_id": d.doc_id,
            "source_path": d.source_path,
            "sha256": d.sha256,
            "encoding": d.encoding,
            "title": d.title,
            "published_date": _date(d.published_date),
            "published_at": d.published_at,
            "dateline_place": d.dateline_place,
            "dateline_date": _date(d.dateline_date),
            "agency": d.agency,
            "n_chars": len(d.text),
            "n_sentences": n_sent,
            "n_words": n_words,
            "text": d.text,
            "model_version": model_version,
            "pipeline_version": pipeline_version,
        }
        for k, v in row.items():
            cols[k].append(v)
    return cols


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
