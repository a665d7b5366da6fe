"""Parquet tables: schemas, strict conversion, atomic writes, incremental parts and commit, lock, run log."""
