"""Planning hashes decoded text, not full ingests, and still finds exactly the copies ingest would; the
part record comes from what the batch says it wrote, equal to what its files hold."""

from __future__ import annotations

import codecs
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from ops_helpers import fake_batch

import tasks.store.incremental as incremental
from tasks.ingest.reader import ingest_bytes
from tasks.settings import PROJECT_ROOT
from tasks.store.incremental import BatchResult, BatchSpec, FileInfo, build_part, part_file, scan, text_id
from tasks.store.parquet import BATCH_TABLES

SAMPLE = (PROJECT_ROOT / "raw" / "000_12aa428b04c4e9a9.txt").read_bytes()
BOILERPLATE = "مشاركة :\nصور ساخنة\n".encode()  # decodes, but ingest finds no article line in it


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE,
        SAMPLE.replace(b"\n", b"\r\n"),
        SAMPLE.replace(b"\n", b"\r"),
        codecs.BOM_UTF8 + SAMPLE,
        codecs.BOM_UTF16_LE + SAMPLE.decode().encode("utf-16-le"),
        SAMPLE.decode().encode("cp1256", errors="ignore"),
    ],
    ids=["utf8", "crlf", "cr", "bom", "utf16", "cp1256"],
)
def test_the_text_id_is_the_doc_id_ingest_gives(data):
    assert text_id(data, "x.txt") == ingest_bytes(data, "x.txt").doc_id


def test_undecodable_bytes_have_no_text_id():
    assert text_id(b"", "x.txt") is None
    assert text_id(b"%PDF-1.4 ...", "x.txt") is None


def test_planning_runs_no_full_ingest_unless_two_files_share_a_text(tmp_path, monkeypatch):
    calls: list[str] = []
    real = incremental.ingest_bytes
    monkeypatch.setattr(incremental, "ingest_bytes", lambda data, path: calls.append(path) or real(data, path))
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    (tmp_path / "b.txt").write_bytes(SAMPLE.replace("شينخوا".encode(), "وكالة".encode()))
    scan(tmp_path, {})
    assert calls == []
    (tmp_path / "c.txt").write_bytes(SAMPLE)
    infos = scan(tmp_path, {})
    assert calls == [str(tmp_path / "c.txt")]  # once per shared text
    assert infos[str(tmp_path / "c.txt")].dup_of == str(tmp_path / "a.txt")


def test_boilerplate_only_copies_are_not_copies_because_ingest_refuses_them(tmp_path):
    (tmp_path / "a.txt").write_bytes(BOILERPLATE)
    (tmp_path / "b.txt").write_bytes(BOILERPLATE)
    with pytest.raises(Exception, match="no article text"):
        ingest_bytes(BOILERPLATE, "a.txt")
    infos = scan(tmp_path, {})
    assert [(i.doc_id, i.dup_of) for i in infos.values()] == [(None, None), (None, None)]  # as a full ingest says


def test_a_new_copy_of_a_known_document_is_a_copy_without_any_ingest(tmp_path, monkeypatch):
    monkeypatch.setattr(incremental, "ingest_bytes", lambda data, path: pytest.fail("full ingest"))
    (tmp_path / "a.txt").write_bytes(SAMPLE)
    (tmp_path / "b.txt").write_bytes(SAMPLE)
    doc_id = text_id(SAMPLE, "a")
    fp = incremental.fingerprint(tmp_path / "a.txt")[0]
    infos = scan(tmp_path, {str(tmp_path / "a.txt"): {"fp": fp, "doc_id": doc_id}})
    assert infos[str(tmp_path / "b.txt")] == FileInfo(str(tmp_path / "b.txt"), fp, doc_id, str(tmp_path / "a.txt"))


def test_the_part_record_equals_what_the_part_files_hold(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text("alpha one", encoding="utf-8")
    (raw / "b.txt").write_text("alpha one", encoding="utf-8")
    (raw / "c.txt").write_bytes(b"\xff\xfe\xfd")
    (raw / "d.txt").write_text("   ", encoding="utf-8")
    infos = scan(raw, {})
    spec = BatchSpec("k1", tuple(infos[p] for p in sorted(infos)))
    record, reused = build_part(out, spec, fake_batch)
    assert not reused
    docs = pq.read_table(part_file(out, "k1", "documents")).to_pylist()
    quarantine = pq.read_table(part_file(out, "k1", "quarantine"), columns=["path", "stage", "reason"]).to_pylist()
    assert record["rows"] == {t: pq.ParquetFile(part_file(out, "k1", t)).metadata.num_rows for t in BATCH_TABLES}
    assert record["quarantine"] == quarantine
    assert {p: m["status"] for p, m in record["members"].items()} == {
        str(raw / "a.txt"): "document", str(raw / "b.txt"): "quarantined", str(raw / "c.txt"): "quarantined",
        str(raw / "d.txt"): "quarantined",
    }  # fmt: skip
    assert record["members"][str(raw / "a.txt")]["doc_id"] == docs[0]["doc_id"]
    assert record["members"][str(raw / "b.txt")]["dup_of"] == str(raw / "a.txt")
    assert record["members"][str(raw / "b.txt")]["doc_id"] == docs[0]["doc_id"]  # a copy keeps its text's id
    assert record["members"][str(raw / "c.txt")]["doc_id"] is None
    assert build_part(out, spec, fake_batch) == (record, True)


def test_a_batch_runner_must_say_what_it_wrote(tmp_path):
    spec = BatchSpec("k2", (FileInfo(str(tmp_path / "a.txt"), "sha256:x"),))

    def silent(paths: list[str], dest: Path, key: str, duplicates: dict[str, str]) -> BatchResult:
        fake_batch(paths, dest, key, duplicates)
        return None  # type: ignore[return-value]

    with pytest.raises(Exception, match="not a BatchResult"):
        build_part(tmp_path, spec, silent)
