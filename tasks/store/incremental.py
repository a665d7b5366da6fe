"""Incremental, idempotent, crash-safe updates of the output folder.

Layout of ``out/`` (readers only look at the table folders):

    <table> -> .current/<table>    what readers open (symlinks, made once): <table>/*.parquet
    .current -> .snapshots/<id>    the published snapshot: one symlink, so one rename switches every table
    .snapshots/<id>/<table>/part-<key>.parquet
                                   a snapshot: hard links into .parts, entities/entities-<digest>.parquet
    _manifest.json                 the commit record: which parts are live and which raw files they hold
    .parts/<key>/<table>/part-<key>.parquet, .parts/<key>/part.json
                                   immutable part store: one part per batch, a pure function of its files;
                                   part.json records each file's size and sha256, checked by every run
    .lock                          run lock (tasks/store/lock.py); .publishing while a snapshot is published

A part's key hashes the pipeline/rules/schema/model versions and its member files (path, content hash,
duplicate role), so the same files always give the same part and a finished part is reused as is.
A run: scan raw/ (sha256 of every file) → plan against the manifest → analyse only the batches of new
work (a finished part left by a killed run is reused) → commit: build every table folder of the live
parts as a new snapshot, switch ``.current`` to it with one rename, write the manifest last. A changed,
deleted or re-roled file retires its part; the part's other files are analysed again with the new work,
so every table (however many the schema declares, whatever their keys) drops exactly that file's rows.
Nothing new → no write. A part whose files no longer match their recorded size and checksum is damaged:
its batch is analysed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from tasks import PIPELINE_VERSION
from tasks.errors import ConfigError, IltizamError
from tasks.ingest.reader import MAX_BYTES, decode_bytes, ingest_bytes, name_problem
from tasks.nlp.models import ModelConfig, model_version
from tasks.store.parquet import (
    BATCH_TABLES,
    dedup_entities,
    fsync_dir,
    link_or_copy,
    swap_in,
    to_table,
    write_json_atomic,
    write_parquet,
)
from tasks.store.schema import SCHEMA_VERSION, TABLES
from tasks.versions import rules_version

MANIFEST = "_manifest.json"
PARTS = ".parts"
PUBLISHING = ".publishing"
SNAPSHOTS = ".snapshots"
CURRENT = ".current"
PART_RECORD = "part.json"
FORMAT = 1
DEDUP_TABLES = {"entities": "entity_id"}
"""Tables whose rows are shared by documents: one row per key across all parts (first part by key order)."""


# ---------------------------------------------------------------------------------------------
# Scanning raw/
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileInfo:
    """One entry of raw/ as this run sees it."""

    path: str
    fingerprint: str  # "sha256:<hex>" of the bytes, or what kind of unreadable thing it is
    doc_id: str | None = None  # id of the decoded text (see text_id); None when it does not decode
    dup_of: str | None = None  # the file whose identical text is kept instead of this one


def fingerprint(path: Path) -> tuple[str, bytes | None]:
    """Content hash of a regular file, or a stand-in naming what it is. Never opens a pipe or a device,
    never reads a file larger than ingest accepts."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "missing", None  # dangling symlink
    except OSError as err:
        return f"unstatable:{err.errno}", None
    if stat.S_ISDIR(st.st_mode):
        return "directory", None
    if not stat.S_ISREG(st.st_mode):
        return f"special:{stat.S_IFMT(st.st_mode):o}", None
    if st.st_size > MAX_BYTES:
        return f"large:{st.st_size}:{st.st_mtime_ns}", None
    try:
        data = path.read_bytes()
    except OSError as err:
        return f"unreadable:{err.errno}:{st.st_mode:o}:{st.st_size}:{st.st_mtime_ns}", None
    return "sha256:" + hashlib.sha256(data).hexdigest(), data


def list_raw(raw: Path) -> list[Path]:
    """Every visible entry of raw/ (files, folders, links), sorted, so odd ones reach quarantine."""
    if not raw.is_dir():
        raise ConfigError(
            f"raw folder {raw} does not exist",
            fix="create it and drop article texts in it, or pass the folder that holds them (--raw)",
            path=raw,
        )
    return sorted((p for p in raw.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)


def text_id(data: bytes, path: str) -> str | None:
    """The ``doc_id`` ingest gives these bytes, from decoding alone: ``tasks.ingest.reader.ingest_bytes``
    hashes the decoded text with its line ends made ``\\n`` (a tenth of a full ingest, which also
    classifies every line). None when the bytes do not decode (ingest refuses them too)."""
    try:
        text, _ = decode_bytes(data, path)
    except Exception:  # the batch will quarantine it with the reason
        return None
    return hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).hexdigest()[:16]


def _ingests(data: bytes, path: str) -> bool:
    try:
        ingest_bytes(data, path)
    except Exception:
        return False
    return True


def scan(raw: Path, known: Mapping[str, Mapping[str, Any]]) -> dict[str, FileInfo]:
    """Fingerprint every raw file; the text id of a new or changed file comes from decoding it (``text_id``,
    no model, no full ingest), that of an unchanged one from ``known`` (the manifest). Duplicates: of files
    with the same text the smallest path is kept, the others are quarantined as copies of it.

    A decodable text can still be refused by ingest (every line boilerplate); such files must not count as
    copies (ingest would give them no id). Whether ingest takes a text depends on the text alone, so it is
    checked only where it matters: once per text shared by two files, with a full ingest of one of them."""
    infos: dict[str, FileInfo] = {}
    fresh: set[str] = set()  # files whose id this scan computed
    seen: set[str] = set()  # text ids of one fresh file so far
    ingestible: dict[str, bool] = {}  # text id → whether ingest takes that text, where it matters
    for p in list_raw(raw):
        path = str(p)
        fp, data = fingerprint(p)
        prev = known.get(path)
        if prev is not None and prev.get("fp") == fp:
            doc_id = prev.get("doc_id")
            if doc_id is not None:  # the manifest holds ids of texts ingest took
                ingestible[doc_id] = True
        elif data is None or name_problem(path):  # ingest refuses it: no text id, never kept as a document
            doc_id = None
        else:
            doc_id = text_id(data, path)
            if doc_id is not None:
                fresh.add(path)
                if doc_id in seen and doc_id not in ingestible:  # a second file with this text
                    ingestible[doc_id] = _ingests(data, path)
                seen.add(doc_id)
        infos[path] = FileInfo(path, fp, doc_id)
    for path in fresh:
        if not ingestible.get(infos[path].doc_id or "", True):
            infos[path] = FileInfo(path, infos[path].fingerprint, None)
    keeper: dict[str, str] = {}
    for path in sorted(infos):
        info = infos[path]
        if info.doc_id is None:
            continue
        first = keeper.setdefault(info.doc_id, path)
        if first != path:
            infos[path] = FileInfo(path, info.fingerprint, info.doc_id, first)
    return infos


# ---------------------------------------------------------------------------------------------
# Manifest and parts
# ---------------------------------------------------------------------------------------------


def pipeline_state(config: ModelConfig) -> dict[str, str]:
    """Everything besides the input files that decides a part's content (with the KB, rule data and rule
    code: tasks/versions.py); a change re-analyses all."""
    schemas = "\n".join(f"{n}:{TABLES[n].to_string(show_schema_metadata=False)}" for n in BATCH_TABLES)
    return {
        "pipeline_version": PIPELINE_VERSION,
        "rules_version": rules_version(),
        "schema_version": SCHEMA_VERSION,
        "tables": hashlib.sha256(schemas.encode()).hexdigest()[:16],
        "model_version": model_version(config),
    }


def state_id(state: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def part_key(sid: str, members: Iterable[FileInfo]) -> str:
    lines = [sid, *(f"{m.path}\t{m.fingerprint}\t{m.dup_of or ''}" for m in sorted(members, key=lambda m: m.path))]
    # surrogateescape: a file name that is not UTF-8 hashes as its own bytes
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def parts_dir(out: Path) -> Path:
    return out / PARTS


def part_file(out: Path, key: str, table: str) -> Path:
    return parts_dir(out) / key / table / f"part-{key}.parquet"


def load_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise IltizamError(
            f"{path} is not valid JSON ({err}); it is only ever replaced whole, so it was edited by hand.",
            fix="restore it, or delete it to rebuild every table from raw/.",
            path=path,
        ) from err
    if manifest.get("format") != FORMAT:
        return None  # an older layout: rebuild
    return manifest


def file_check(path: Path) -> dict[str, Any]:
    """Size and sha256 of a published file, as part.json and the manifest record them."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}


def part_problem(out: Path, key: str, record: Mapping[str, Any]) -> str | None:
    """Why a finished part cannot be published as it is (a file missing, cut short or changed since it was
    written, or its Parquet footer unreadable), or None. Part files are hard-linked into the tables, so a
    damaged part is a damaged table: the run that finds one analyses its batch again."""
    checks = record.get("files")
    for name in BATCH_TABLES:
        path = part_file(out, key, name)
        try:
            if checks is not None:
                if name not in checks:
                    return f"{path} is not in its part record"
                if file_check(path) != checks[name]:
                    return f"{path} is damaged (size or checksum differ from when it was written)"
            rows = pq.read_metadata(path).num_rows
        except OSError as err:
            return f"{path} cannot be read ({err.strerror or err})"
        except Exception as err:  # pyarrow: not a Parquet file (truncated footer ...)
            return f"{path} is not a readable Parquet file ({err})"
        if rows != record.get("rows", {}).get(name, rows):
            return f"{path} holds {rows} rows, its record says {record['rows'][name]}"
    return None


def read_part_record(out: Path, key: str, problems: list[str] | None = None) -> dict[str, Any] | None:
    """The record of a finished, intact part, or None if the part is absent, was cut short or is damaged
    (``problems`` collects why a part that has a record was refused). A record from before the checksums
    gets them once its files prove readable with the rows it counts."""
    path = parts_dir(out) / key / PART_RECORD
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    problem = part_problem(out, key, record)
    if problem:
        if problems is not None:
            problems.append(problem)
        return None
    if "files" not in record:
        record["files"] = {t: file_check(part_file(out, key, t)) for t in BATCH_TABLES}
        write_json_atomic(record, path)
    return record


# ---------------------------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchSpec:
    """One batch of work: a part to build from these files."""

    key: str
    members: tuple[FileInfo, ...]

    @property
    def paths(self) -> list[str]:
        return [m.path for m in self.members]

    @property
    def duplicates(self) -> dict[str, str]:
        return {m.path: m.dup_of for m in self.members if m.dup_of}


@dataclass
class Plan:
    raw: str
    out: str
    state: dict[str, str]
    state_id: str
    files: dict[str, FileInfo]
    keep: list[str]  # live parts that stay as they are
    batches: list[BatchSpec]
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged, not analysed again
    requeued: list[str] = field(default_factory=list)  # unchanged, analysed again with a retired part
    dropped: list[str] = field(default_factory=list)  # parts of the manifest that retire
    damaged: list[str] = field(default_factory=list)  # why live parts were found damaged (analysed again)
    repair: str | None = None  # why the published tables must be rebuilt even without new work

    @property
    def live(self) -> list[str]:
        return sorted({*self.keep, *(b.key for b in self.batches)})

    @property
    def needs_commit(self) -> bool:
        return bool(self.batches or self.dropped or self.repair)

    def describe(self) -> str:
        return (
            f"{len(self.files)} files in {self.raw}: {len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.deleted)} deleted, {len(self.skipped)} unchanged (skipped), {len(self.requeued)} "
            f"re-analysed with a changed batch → {len(self.batches)} batches"
            + (f"; rebuilding the tables ({self.repair})" if self.repair else "")
            + "".join(f"; analysing again: {d}" for d in self.damaged)
        )


def current_snapshot(out: Path) -> str | None:
    """The name of the published snapshot (``.current``'s target), or None."""
    try:
        return Path(os.readlink(out / CURRENT)).name
    except OSError:
        return None


def _published_mismatch(out: Path, manifest: Mapping[str, Any]) -> str | None:
    if manifest.get("snapshot") is None or current_snapshot(out) != manifest["snapshot"]:
        return "the published snapshot is not the manifest's"
    for name in BATCH_TABLES:
        try:
            linked = os.readlink(out / name) == f"{CURRENT}/{name}"
        except OSError:
            linked = False
        if not linked:
            return f"{name} is not the link {CURRENT}/{name}"
        expected = sorted(manifest.get("tables", {}).get(name, []))
        folder = out / name
        found = sorted(p.name for p in folder.glob("*.parquet")) if folder.is_dir() else []
        if found != expected:
            return f"{name}/ does not hold the files the manifest lists"
    for rel, check in manifest.get("files", {}).items():  # the files no part holds (entities)
        try:
            intact = file_check(out / rel) == check
        except OSError:
            intact = False
        if not intact:
            return f"{rel} is damaged"
    return None


def make_plan(raw: Path, out: Path, batch_size: int, config: ModelConfig, allow_empty_raw: bool = False) -> Plan:
    """Compare raw/ with the manifest: what to keep, what to analyse, what to drop."""
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}", fix="pass --batch-size 1 or more")
    raw = raw.resolve()
    manifest = load_manifest(out)
    if manifest and manifest.get("raw") and manifest["raw"] != str(raw):
        raise ConfigError(
            f"{out} holds the tables of {manifest['raw']}, not of {raw}: an output folder mirrors one raw "
            "folder (files missing from it are removed from the tables).",
            fix=f"pass another --out, or delete {out / MANIFEST} to rebuild {out} from {raw}.",
            path=out,
        )
    old_parts: dict[str, dict[str, Any]] = manifest.get("parts", {}) if manifest else {}
    known = {p: m for part in old_parts.values() for p, m in part["members"].items()}
    files = scan(raw, known)
    if not files and known and not allow_empty_raw:
        raise ConfigError(
            f"{raw} is empty but {out} holds the rows of {len(known)} files; refusing to empty every table "
            "(an unmounted or wrongly named raw folder?).",
            fix="check --raw, or pass --allow-empty-raw.",
            path=raw,
        )
    state = pipeline_state(config)
    sid = state_id(state)
    same_state = bool(manifest) and manifest.get("state_id") == sid

    keep: list[str] = []
    dropped: list[str] = []
    plan_damaged: list[str] = []
    placed: set[str] = set()
    for key in sorted(old_parts):
        members = old_parts[key]["members"]
        valid = same_state and all(
            p in files and files[p].fingerprint == m["fp"] and files[p].dup_of == m.get("dup_of")
            for p, m in members.items()
        )
        if valid and read_part_record(out, key, plan_damaged) is not None:
            keep.append(key)
            placed.update(members)
        else:
            dropped.append(key)

    plan = Plan(str(raw), str(out), state, sid, files, keep, [])
    plan.dropped = dropped
    plan.damaged = plan_damaged
    work: list[FileInfo] = []
    for path in sorted(files):
        info = files[path]
        if path in placed:
            plan.skipped.append(path)
            continue
        work.append(info)
        prev = known.get(path)
        if prev is None:
            plan.new.append(path)
        elif prev["fp"] != info.fingerprint:
            plan.changed.append(path)
        else:
            plan.requeued.append(path)
    plan.deleted = sorted(p for p in known if p not in files)
    for i in range(0, len(work), batch_size):
        members = tuple(work[i : i + batch_size])
        plan.batches.append(BatchSpec(part_key(sid, members), members))
    if manifest is None:
        plan.repair = "no manifest yet"
    elif (out / PUBLISHING).exists():
        plan.repair = "the previous run was stopped while publishing"
    else:
        plan.repair = _published_mismatch(out, manifest)
    return plan


# ---------------------------------------------------------------------------------------------
# Parts
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchResult:
    """What a batch wrote, as its part record needs it: build_part makes the record from this and never
    reads the part files back."""

    rows: Mapping[str, int]  # rows written per batch table
    doc_ids: Mapping[str, str]  # path → doc_id of every file ingest read (documents and later refusals)
    documents: frozenset[str]  # paths that became documents
    quarantine: tuple[Mapping[str, Any], ...]  # path, stage, reason of every quarantine row, in table order


BatchRunner = Callable[[list[str], Path, str, dict[str, str]], BatchResult]


def build_part(out: Path, spec: BatchSpec, run_batch: BatchRunner) -> tuple[dict[str, Any], bool]:
    """Return the finished part of ``spec`` (reused if a previous run finished it, e.g. before being
    killed) and whether it was reused. ``run_batch(paths, dest, key, duplicates)`` writes the part files
    under ``dest`` and says what it wrote; the part record is written last, so a part without one is
    rebuilt."""
    record = read_part_record(out, spec.key)
    if record is not None:
        return record, True
    started = time.time()
    dest = parts_dir(out) / spec.key
    if dest.exists():
        shutil.rmtree(dest)
    result = run_batch(spec.paths, dest, spec.key, spec.duplicates)
    if not isinstance(result, BatchResult):
        raise IltizamError(
            f"batch {spec.key}: the batch runner returned {type(result).__name__}, not a BatchResult",
            fix="make the run_batch given to build_part return tasks.store.incremental.BatchResult",
            path=dest,
        )
    missing = [t for t in BATCH_TABLES if t not in result.rows or not part_file(out, spec.key, t).exists()]
    if missing:
        raise IltizamError(
            f"batch {spec.key} wrote no part file for {', '.join(missing)} (every table needs one)",
            fix="make the batch runner write one part file per table (tasks.store.stage.write_part does)",
            path=dest,
        )
    for name in BATCH_TABLES:  # a part is published as written: its footer must read back now
        try:
            pq.read_metadata(part_file(out, spec.key, name))
        except Exception as err:
            raise IltizamError(
                f"batch {spec.key}: {part_file(out, spec.key, name)} is not a readable Parquet file ({err})",
                fix="check the disk (a failing disk or full quota cuts files short), then run again",
                path=part_file(out, spec.key, name),
            ) from err
    record = {
        "key": spec.key,
        "files": {t: file_check(part_file(out, spec.key, t)) for t in BATCH_TABLES},
        "members": {
            m.path: {
                "fp": m.fingerprint,
                "doc_id": result.doc_ids.get(m.path),
                "dup_of": m.dup_of,
                "status": "document" if m.path in result.documents else "quarantined",
            }
            for m in spec.members
        },
        "rows": {t: result.rows[t] for t in BATCH_TABLES},
        "quarantine": [{k: q[k] for k in ("path", "stage", "reason")} for q in result.quarantine],
        "seconds": round(time.time() - started, 2),
    }
    write_json_atomic(record, parts_dir(out) / spec.key / PART_RECORD)
    return record, False


# ---------------------------------------------------------------------------------------------
# Commit
# ---------------------------------------------------------------------------------------------


def _digest(keys: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]


def assemble(out: Path, live: Sequence[str], staging: Path) -> dict[str, list[str]]:
    """Every table folder of the live parts, built in ``staging``; returns the files of each table."""
    listing: dict[str, list[str]] = {}
    for name in BATCH_TABLES:
        folder = staging / name
        folder.mkdir(parents=True, exist_ok=True)
        if name in DEDUP_TABLES:
            # named by the live parts, so the manifest's listing also pins this table's version
            table = dedup_entities([part_file(out, k, name) for k in live])
            write_parquet(table, folder / f"{name}-{_digest(live)}.parquet")
        else:
            for key in live:
                src = part_file(out, key, name)
                if pq.ParquetFile(src).metadata.num_rows:
                    link_or_copy(src, folder / src.name)
            if not any(folder.iterdir()):
                write_parquet(to_table(name, []), folder / "empty.parquet")
        listing[name] = sorted(p.name for p in folder.glob("*.parquet"))
    return listing


def _link_tables(out: Path) -> None:
    """Make every table folder the symlink ``<table> -> .current/<table>`` (once per output folder). A table
    folder of the older layout is swapped for its link in one exchange; ``.current`` already shows the same
    files then (see ``commit``), so no reader sees a change."""
    for name in BATCH_TABLES:
        target = out / name
        try:
            if os.readlink(target) == f"{CURRENT}/{name}":
                continue
        except OSError:
            pass
        link = out / f".link-{name}-{uuid.uuid4().hex[:8]}.tmp"
        os.symlink(f"{CURRENT}/{name}", link)
        if target.is_symlink() or target.is_file():
            os.replace(link, target)
        else:
            swap_in(link, target)
    fsync_dir(out)


def _point_current(out: Path, snapshot: str) -> None:
    """Switch ``.current`` to ``.snapshots/<snapshot>``: one atomic rename of a symlink."""
    tmp = out / f".current-{uuid.uuid4().hex[:8]}.tmp"
    os.symlink(f"{SNAPSHOTS}/{snapshot}", tmp)
    current = out / CURRENT
    if current.is_dir() and not current.is_symlink():  # copied by a tool that followed the link
        swap_in(tmp, current)
    else:
        os.replace(tmp, current)
    fsync_dir(out)


def _adopt_published(out: Path) -> None:
    """An output folder of the older layout (one real folder per table) gets a snapshot of exactly what it
    publishes, so its folders can become links without a reader seeing any change."""
    if current_snapshot(out) is not None:
        return
    snap = out / SNAPSHOTS / f"adopted-{uuid.uuid4().hex[:8]}"
    for name in BATCH_TABLES:
        (snap / name).mkdir(parents=True, exist_ok=True)
        folder = out / name
        if folder.is_dir() and not folder.is_symlink():
            for f in folder.glob("*.parquet"):
                link_or_copy(f, snap / name / f.name)
    _point_current(out, snap.name)


def commit(plan: Plan, records: Mapping[str, Mapping[str, Any]], run_id: str) -> dict[str, Any]:
    """Publish the live parts: build a new snapshot aside, switch ``.current`` to it with one rename, then
    write the manifest.

    Readers open ``<table>/`` through the links ``<table> -> .current/<table>``, so every table changes at
    the same instant. Killed anywhere, the folder keeps the previous snapshot or shows the new one whole,
    and ``.publishing`` tells the next run to check and finish the publication."""
    out = Path(plan.out)
    live = plan.live
    write_json_atomic({"run_id": run_id}, out / PUBLISHING)
    _adopt_published(out)
    _link_tables(out)
    snapshot = f"{run_id}-{uuid.uuid4().hex[:8]}"
    staging = out / SNAPSHOTS / snapshot
    listing = assemble(out, live, staging)
    files = {f"{name}/{f}": file_check(staging / name / f) for name in DEDUP_TABLES for f in listing[name]}
    fsync_dir(out / SNAPSHOTS)
    _point_current(out, snapshot)
    manifest = {
        "format": FORMAT,
        "raw": plan.raw,
        "state": plan.state,
        "state_id": plan.state_id,
        "run_id": run_id,
        "snapshot": snapshot,
        "parts": {k: {"members": records[k]["members"], "rows": records[k]["rows"]} for k in live},
        "tables": listing,
        "files": files,
    }
    write_json_atomic(manifest, out / MANIFEST)
    (out / PUBLISHING).unlink(missing_ok=True)
    fsync_dir(out)
    _drop_snapshots(out, keep=snapshot)
    return manifest


def _drop_snapshots(out: Path, keep: str | None) -> list[str]:
    """Delete every snapshot but the published one (their files are hard links: parts stay)."""
    removed = []
    folder = out / SNAPSHOTS
    if folder.is_dir():
        for d in folder.iterdir():
            if d.name != keep:
                shutil.rmtree(d, ignore_errors=True)
                removed.append(f"{SNAPSHOTS}/{d.name}")
    return removed


def totals(manifest: Mapping[str, Any] | None) -> dict[str, int]:
    """Row counts per batch table over the live parts (entities before deduplication are not summed)."""
    sums = dict.fromkeys(BATCH_TABLES, 0)
    for part in (manifest or {}).get("parts", {}).values():
        for name, n in part["rows"].items():
            if name in sums:
                sums[name] += n
    return sums


# ---------------------------------------------------------------------------------------------
# Housekeeping (under the lock)
# ---------------------------------------------------------------------------------------------


def clean_leftovers(out: Path) -> list[str]:
    """Remove what a killed run leaves behind: staging and old folders, temporary files, half-built parts
    (finished parts are kept: the next run reuses them)."""
    removed: list[str] = []
    if not out.is_dir():
        return removed
    for p in [*out.glob(".staging-*"), *out.glob(".old-*")]:
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p.name)
    for p in [*out.glob(".*.tmp"), *out.glob("*/.*.tmp")]:
        if p.is_dir() and not p.is_symlink():  # a table folder of the older layout, swapped out
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
        removed.append(str(p.relative_to(out)))
    current = current_snapshot(out)
    if current is not None:  # a snapshot never published (killed run) or one left behind
        removed += _drop_snapshots(out, keep=current)
    store = parts_dir(out)
    if store.is_dir():
        for d in store.iterdir():
            if d.is_dir() and not (d / PART_RECORD).exists():
                shutil.rmtree(d, ignore_errors=True)
                removed.append(f"{PARTS}/{d.name}")
    return removed


def collect_garbage(out: Path, manifest: Mapping[str, Any] | None) -> int:
    """Delete parts the manifest no longer lists (after a successful commit); returns how many."""
    store = parts_dir(out)
    if manifest is None or not store.is_dir():
        return 0
    live = set(manifest.get("parts", {}))
    n = 0
    for d in store.iterdir():
        if d.is_dir() and d.name not in live:
            shutil.rmtree(d, ignore_errors=True)
            n += 1
    return n
