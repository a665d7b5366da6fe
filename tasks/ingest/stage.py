"""The ingest stage's contract (tasks/stages.py): it needs nothing and makes the document."""

from __future__ import annotations

from tasks.stages import Stage

STAGE = Stage(
    "ingest",
    requires=frozenset(),
    provides=frozenset({"document"}),
    doc="raw bytes → decoded text, title, dateline, content segments; bad files to quarantine",
)
