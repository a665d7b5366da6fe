import duckdb
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tasks.document import QuarantineRecord
from tasks.store.parquet import publish, read_table, to_table, write_parquet
from tasks.store.schema import SCHEMA_VERSION, TABLES


def test_empty_batch_still_writes_a_valid_file_with_every_column(tmp_path):
    for name, schema in TABLES.items():
        path = tmp_path / name / "part-0.parquet"
        write_parquet(to_table(name, []), path)
        table = pq.read_table(path)
        assert table.num_rows == 0
        assert table.schema.names == schema.names
        meta = pq.read_schema(path).metadata
        assert meta[b"iltizam.schema_version"] == SCHEMA_VERSION.encode()
        assert meta[b"iltizam.table"] == name.encode()


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path):
    cols = {"path": ["raw/x.txt"], "sha256": [None], "stage": ["ingest"], "reason": ["empty file"]}
    path = tmp_path / "quarantine" / "part-a.parquet"
    write_parquet(to_table("quarantine", cols), path)
    write_parquet(to_table("quarantine", cols), path)
    assert [p.name for p in path.parent.iterdir()] == ["part-a.parquet"]
    assert read_table(tmp_path, "quarantine").to_pylist() == [
        {"path": "raw/x.txt", "sha256": None, "stage": "ingest", "reason": "empty file", "model_version": None,
         "pipeline_version": None}
    ]  # fmt: skip


def test_publish_replaces_tables_whole_and_duckdb_reads_them(tmp_path):
    out = tmp_path / "processed"
    for run, reason in enumerate(["first", "second"]):
        staging = out / f".staging-{run}"
        rows = [QuarantineRecord(f"raw/{reason}.txt", None, "ingest", reason)]
        write_parquet(to_table("quarantine", rows), staging / "quarantine" / f"part-{run}.parquet")
        publish(staging, out)
        assert not staging.exists()
    assert ds.dataset(out / "quarantine").to_table().column("reason").to_pylist() == ["second"]
    con = duckdb.connect()
    rows = con.execute(f"select reason from read_parquet('{out}/quarantine/*.parquet')").fetchall()
    assert rows == [("second",)]
    assert sorted(p.name for p in out.iterdir()) == ["quarantine"]
