"""Fixtures of the NLP tests that run the bundled models."""

from __future__ import annotations

from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2] / "raw"


@pytest.fixture(scope="module")
def seed_segments() -> list[str]:
    """The five sample articles' content lines, as ingest gives them to stanza."""
    from tasks.ingest.reader import ingest_file

    docs = [ingest_file(p) for p in sorted(RAW.glob("*.txt"))]
    return [d.text[s.start : s.end] for d in docs for s in d.segments]
