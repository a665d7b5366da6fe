"""Build-time tools (model training, model card, KB and gazetteer builders, the browser driver for
screenshots); never imported by the run-time path (flows.extract, flows.serve)."""

from __future__ import annotations

import gzip
import io


def deterministic_gzip(text: str) -> bytes:
    """``text`` as UTF-8 gzip with no name and mtime 0: the same input gives the same bytes, so a rebuilt KB file
    changes the rules fingerprint (tasks/versions.py) only when its content does."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()
