"""Parquet tables: schemas, strict conversion, the store stage, atomic writes, incremental parts and commit,
lock, run log."""
