"""The extract flow over the five real Xinhua samples (run once per session, see conftest)."""

import datetime as dt

import duckdb
import pyarrow.dataset as ds
import pytest

from tasks.store.parquet import read_table
from tasks.store.schema import SCHEMA_VERSION, TABLES

pytestmark = pytest.mark.slow


def test_every_table_is_readable_by_pyarrow_and_duckdb(sample_run):
    con = duckdb.connect()
    for name, schema in TABLES.items():
        table = ds.dataset(sample_run / name, format="parquet").to_table()
        assert table.schema.names == schema.names
        assert table.schema.metadata[b"iltizam.schema_version"] == SCHEMA_VERSION.encode()
        n = con.execute(f"select count(*) from read_parquet('{sample_run}/{name}/*.parquet')").fetchone()[0]
        assert n == table.num_rows
    assert not list(sample_run.glob(".staging-*"))


def test_documents_have_title_dateline_and_dates(sample_run):
    docs = {r["source_path"].rsplit("/", 1)[-1]: r for r in read_table(sample_run, "documents").to_pylist()}
    assert len(docs) == 5
    d = docs["000_12aa428b04c4e9a9.txt"]
    assert d["title"].startswith("رئيس مجلس الدولة يدعو الصين وقيرغيزستان")
    assert (d["dateline_place"], d["dateline_date"], d["agency"]) == ("بيشكك", dt.date(2023, 10, 25), "Xinhua")
    assert d["published_date"] == dt.date(2023, 10, 25)
    assert docs["003_0771d52ef52d5648.txt"]["published_at"] == "2021-06-03T03:46:49"
    assert (d["document_date"], d["document_date_source"]) == (dt.date(2023, 10, 25), "dateline")
    # 001 and 002 state no date: the documents row has the file's day, labelled (the copy's mtime)
    assert {docs[n]["document_date_source"] for n in ("001_3f105a9da3bd0b0b.txt", "002_015f9700b89e460d.txt")} == {
        "file_mtime"
    }
    assert all(r["model_version"].startswith("iltizam-ar:") for r in docs.values())
    assert read_table(sample_run, "quarantine").num_rows == 0


def test_offsets_slice_the_stored_text_exactly(sample_run):
    texts = {r["doc_id"]: r["text"] for r in read_table(sample_run, "documents").to_pylist()}
    for r in read_table(sample_run, "sentences").to_pylist():
        assert texts[r["doc_id"]][r["start_char"] : r["end_char"]] == r["text"]
    for r in read_table(sample_run, "mentions").to_pylist():
        assert texts[r["doc_id"]][r["start_char"] : r["end_char"]] == r["text"]
    for r in read_table(sample_run, "tokens").to_pylist():
        assert texts[r["doc_id"]][r["token_start_char"] : r["token_end_char"]] == r["token_text"]
        if r["offsets_exact"]:
            assert texts[r["doc_id"]][r["start_char"] : r["end_char"]] == r["text"]


def test_boilerplate_never_reaches_the_sentences(sample_run):
    sents = " ".join(read_table(sample_run, "sentences").column("text").to_pylist())
    for junk in ("Video PlayerClose", "صور ساخنة", "مشاركة :", "arabic.news.cn", "الصفحة الرئيسية"):
        assert junk not in sents


def test_sample_counts_are_sensible(sample_run):
    con = duckdb.connect()
    per_doc = con.execute(
        f"""select d.doc_id, d.n_sentences, count(distinct s.sentence_idx), d.n_words
            from read_parquet('{sample_run}/documents/*.parquet') d
            join read_parquet('{sample_run}/sentences/*.parquet') s using (doc_id)
            group by all"""
    ).fetchall()
    for _doc_id, n_sent, counted, n_words in per_doc:
        assert n_sent == counted and 5 <= n_sent <= 80
        assert 300 <= n_words <= 2000
    rows = con.execute(f"select distinct type from read_parquet('{sample_run}/mentions/*.parquet')").fetchall()
    mention_types = {r[0] for r in rows}
    assert {"PER", "LOC"} <= mention_types


def test_ids_are_deterministic_and_unique(sample_run):
    m = read_table(sample_run, "mentions")
    ids = m.column("mention_id").to_pylist()
    assert len(ids) == len(set(ids))
    from tasks.nlp.analyse import mention_id

    r = m.to_pylist()[0]
    assert r["mention_id"] == mention_id(r["doc_id"], r["start_char"], r["end_char"], r["type"], r["source"])
