"""The typed rows (tasks/document.py) against the declared schemas, and the strict conversion to Arrow."""

import dataclasses
import datetime as dt

import pyarrow as pa
import pytest

from tasks.document import (
    ROW_TYPES,
    DocAnalysis,
    EntityRecord,
    MentionRecord,
    QuarantineRecord,
    SentenceRecord,
)
from tasks.errors import TableContractError
from tasks.ingest.reader import ingest_bytes
from tasks.store.parquet import BATCH_TABLES, read_table, to_table
from tasks.store.runs import RunRecord
from tasks.store.schema import STAMP_COLUMNS, TABLES
from tasks.store.stage import batch_rows, document_record, write_part

TEXT = "الصين وقيرغيزستان تبحثان التعاون\nبيشكك 25 أكتوبر 2023 (شينخوا) قال لي تشيانغ إن الصين مستعدة للعمل.\n"


def test_every_batch_table_has_a_row_type_whose_fields_are_its_columns_in_order():
    assert set(ROW_TYPES) == set(BATCH_TABLES)
    for name, row_type in ROW_TYPES.items():
        fields = [f.name for f in dataclasses.fields(row_type)]
        # the version stamps come last; a row type without them leaves them to the writer (write_part)
        assert fields + [c for c in STAMP_COLUMNS if c not in fields] == TABLES[name].names, name
        assert row_type.__dataclass_params__.frozen and hasattr(row_type, "__slots__"), name


def test_rows_and_columns_give_the_same_table():
    rows = [SentenceRecord("d1", 0, 0, 5, "الصين", True), SentenceRecord("d1", 1, 6, 9, "قال", None)]
    cols = {f.name: [getattr(r, f.name) for r in rows] for f in TABLES["sentences"] if f.name not in STAMP_COLUMNS}
    stamp = {"model_version": "m1", "pipeline_version": "0.1.0+abc"}
    assert to_table("sentences", rows, stamp=stamp).equals(to_table("sentences", cols, stamp=stamp))
    assert to_table("sentences", rows).schema == TABLES["sentences"]
    # the writer's versions on every row; none given: null
    assert set(to_table("sentences", rows, stamp=stamp).column("pipeline_version").to_pylist()) == {"0.1.0+abc"}
    assert set(to_table("sentences", rows).column("model_version").to_pylist()) == {None}


def test_tuples_become_list_columns():
    row = EntityRecord("Q148", "GPE", "China", "الصين", "CN", "Q148", ("الصين", "صيني"), "kb")
    assert to_table("entities", [row]).column("aliases").to_pylist() == [["الصين", "صيني"]]


def test_no_rows_give_an_empty_table_with_every_column():
    for name in TABLES:
        table = to_table(name, [])
        assert table.num_rows == 0 and table.schema == TABLES[name]


@dataclasses.dataclass(frozen=True)
class _Misspelt:
    path: str
    sha: str | None  # the schema says sha256
    stage: str
    reason: str
    note: str  # the schema has no such column


def test_a_row_type_that_does_not_match_the_schema_is_refused_with_the_names():
    with pytest.raises(TableContractError) as err:
        to_table("quarantine", [_Misspelt("a.txt", None, "ingest", "empty", "x")])
    message = str(err.value)
    assert "table quarantine" in message and "_Misspelt" in message
    assert "missing sha256" in message and "unknown sha, note" in message and "Fix:" in message


def test_a_null_in_a_non_nullable_column_is_refused_naming_column_row_and_document():
    rows = [
        MentionRecord("m1", "d1", 0, 0, 5, "الصين", "GPE", "kb", 0.9, "Q148"),
        MentionRecord("m2", "d2", 0, 0, 5, "الصين", None, "kb", 0.9, "Q148"),  # type: ignore[arg-type]
    ]
    with pytest.raises(TableContractError, match=r"table mentions: column type is null in row 1 \(doc_id d2\)"):
        to_table("mentions", rows)
    # nullable columns may be null
    assert to_table("mentions", [dataclasses.replace(rows[0], score=None, entity_id=None)]).num_rows == 1


def test_the_column_dict_path_is_strict_too():
    full = {"path": ["a.txt"], "sha256": [None], "stage": ["ingest"], "reason": ["empty"]}
    assert to_table("quarantine", full).num_rows == 1
    with pytest.raises(TableContractError, match="missing sha256"):
        to_table("quarantine", {k: v for k, v in full.items() if k != "sha256"})  # no silent null column
    with pytest.raises(TableContractError, match="unknown extra"):
        to_table("quarantine", {**full, "extra": [1]})  # no silently dropped column
    with pytest.raises(TableContractError, match="missing path, sha256, stage, reason"):
        to_table("quarantine", {})
    with pytest.raises(TableContractError, match="different lengths"):
        to_table("quarantine", {**full, "reason": ["a", "b"]})
    with pytest.raises(TableContractError, match=r"column stage is null in row 0 \(path a.txt\)"):
        to_table("quarantine", {**full, "stage": [None]})


def test_the_run_record_is_exactly_a_runs_row():
    record = RunRecord("r1", dt.datetime(2024, 1, 1, tzinfo=dt.UTC), quarantine_rows=[{"path": "x"}])
    row = record.row()
    assert list(row) == TABLES["runs"].names  # the summary-only quarantine rows are not a column
    assert to_table("runs", {k: [v] for k, v in row.items()}).num_rows == 1
    with pytest.raises(TableContractError, match="unknown surprise"):
        to_table("runs", {**{k: [v] for k, v in row.items()}, "surprise": [1]})


def _analysis(name: str, entities: tuple[EntityRecord, ...]) -> DocAnalysis:
    doc = ingest_bytes((name + "\n" + TEXT).encode(), f"{name}.txt")
    sentence = SentenceRecord(doc.doc_id, 0, 0, len(name), name, True)
    return DocAnalysis(doc, sentences=(sentence,), entities=entities)


def test_batch_rows_keep_the_first_row_of_an_entity_sorted_by_id_and_count_per_document():
    china_a = EntityRecord("per:b", "PER", "لي", "لي", None, None, ("لي",), "surface")
    china_b = dataclasses.replace(china_a, canonical_name="لي تشيانغ")
    other = EntityRecord("Q148", "GPE", "China", "الصين", "CN", "Q148", (), "kb")
    first, second = _analysis("أ", (china_a,)), _analysis("ب", (other, china_b))
    quarantine = [QuarantineRecord("bad.txt", None, "ingest", "empty file")]
    tables = batch_rows([first, second], quarantine, "m1", "p1")
    assert set(tables) == set(BATCH_TABLES)
    assert tables["entities"] == [other, china_a]  # by id; the first document's row of per:b wins
    assert [d.source_path for d in tables["documents"]] == ["أ.txt", "ب.txt"]
    doc = document_record(first, "m1", "p1")
    assert (doc.n_sentences, doc.n_words, doc.n_chars) == (1, 0, len(first.doc.text))
    assert (doc.model_version, doc.pipeline_version) == ("m1", "p1")
    assert doc.published_date == doc.dateline_date == doc.document_date == dt.date(2023, 10, 25)
    assert doc.document_date_source == "dateline"


def test_write_part_writes_every_table_and_counts_its_rows(tmp_path):
    tables = batch_rows([_analysis("أ", ())], [], "m1", "p1")
    rows = write_part(tables, tmp_path, "k", {"model_version": "m1", "pipeline_version": "p1"})
    assert rows == {name: len(tables[name]) for name in BATCH_TABLES}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(BATCH_TABLES)
    for name in BATCH_TABLES:  # every row of every table carries the versions it was made with
        table = read_table(tmp_path, name)
        assert set(table.column("pipeline_version").to_pylist()) <= {"p1"}, name
        assert set(table.column("model_version").to_pylist()) <= {"m1"}, name
    assert read_table(tmp_path, "sentences").num_rows > 0
    with pytest.raises(TableContractError, match="missing: commitments"):
        write_part({k: v for k, v in tables.items() if k != "commitments"}, tmp_path, "k")


def test_pyarrow_would_not_have_caught_the_null_itself():
    """Why to_table checks nulls: pyarrow builds the table and only writing it fails, far from the cause."""
    schema = pa.schema([pa.field("a", pa.string(), nullable=False)])
    assert pa.Table.from_pydict({"a": [None]}, schema=schema).num_rows == 1
