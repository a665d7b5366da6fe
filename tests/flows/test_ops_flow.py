"""The extract flow as operations see it: incremental reruns, bad input, failures, run records, artifacts,
the lock and the schedule's missed runs. Real models on the five samples; one Prefect server per session."""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from ops_helpers import file_stats, snapshot

from tasks.ingest.reader import MAX_BYTES
from tasks.settings import PROJECT_ROOT
from tasks.store.incremental import MANIFEST, load_manifest
from tasks.store.lock import RunLock
from tasks.store.parquet import BATCH_TABLES, read_table

pytestmark = pytest.mark.slow

RAW = PROJECT_ROOT / "raw"
SAMPLES = sorted(p.name for p in RAW.glob("*.txt"))
SERVER_BUSY_RETRIES = 5  # tries of a raw API call the test server may answer 503 while busy
SERVER_BUSY_WAIT_S = 1.0


def copy_samples(raw: Path, names: list[str] | None = None) -> Path:
    """Copies keep the samples' modification times, as the reference's copytree does: a document without a stated
    date is dated by its file's mtime, and a copy made on another day than the reference's gave another date."""
    raw.mkdir(parents=True, exist_ok=True)
    for name in names or SAMPLES:
        shutil.copy2(RAW / name, raw / name)
    return raw


def flow_run_logs(flow_run_id, until: str, timeout: float = 30.0) -> list[str]:
    """The messages of a flow run's logs, once one starts with ``until`` (logs reach the API in the background)."""
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    deadline = time.monotonic() + timeout
    while True:
        with get_client(sync_client=True) as client:
            msgs = [log.message for log in client.read_logs(
                log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))]  # fmt: skip
        if any(m.startswith(until) for m in msgs) or time.monotonic() > deadline:
            return msgs
        time.sleep(0.5)


def runs(out: Path) -> list[dict]:
    return sorted(read_table(out, "runs").to_pylist(), key=lambda r: r["started_at"])


def test_rerun_with_nothing_new_rewrites_nothing(ops_reference, tmp_path):
    from flows.extract import extract

    raw, ref_out = ops_reference
    out = tmp_path / "out"
    shutil.copytree(ref_out, out, symlinks=True)  # same raw folder, own output folder (links kept)
    before, stats = snapshot(out), file_stats(out)
    start = time.monotonic()
    result = extract(raw=str(raw), out=str(out), batch_size=1)
    seconds = time.monotonic() - start
    assert file_stats(out) == stats  # not one table file or the manifest was written again
    assert snapshot(out) == before
    assert (result["skipped_files"], result["documents_added"], result["tables_rewritten"]) == (5, 0, False)
    assert result["seconds"] < 2 and seconds < 30, seconds  # the flow's own work; the rest is Prefect
    last = runs(out)[-1]
    assert (last["status"], last["documents"], last["mentions"]) == ("completed", 5, len(before["mentions"]))


def test_changed_new_and_deleted_files_are_handled_exactly(ops_reference, tmp_path):
    from flows.extract import extract

    ref_raw, ref_out = ops_reference
    raw, out = copy_samples(tmp_path / "raw", SAMPLES[:4]), tmp_path / "out"
    changed = raw / SAMPLES[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nوقال المتحدث إن الجانبين سيواصلان التعاون.\n")
    (raw / "999_extra.txt").write_bytes((RAW / SAMPLES[4]).read_bytes().replace(b"\xd9\x82\xd8\xa7\xd9\x84", b"x", 1))
    extract(raw=str(raw), out=str(out), batch_size=1)
    old_docs = {Path(r["source_path"]).name: r["doc_id"] for r in read_table(out, "documents").to_pylist()}
    stale = {old_docs[SAMPLES[1]], old_docs["999_extra.txt"]}
    kept_part = {p.name: p.stat().st_ino for p in (out / "documents").iterdir()}

    shutil.copy2(RAW / SAMPLES[1], changed)  # changed back to the sample (its mtime too: see copy_samples)
    shutil.copy2(RAW / SAMPLES[4], raw / SAMPLES[4])  # new
    (raw / "999_extra.txt").unlink()  # deleted
    result = extract(raw=str(raw), out=str(out), batch_size=1)
    assert (result["new_files"], result["changed_files"], result["deleted_files"], result["skipped_files"]) == (
        1, 1, 1, 3,
    )  # fmt: skip
    assert result["documents_added"] == 2  # only the changed and the new file were analysed

    # exactly the tables of a run from scratch over the same files (paths relative to raw)
    assert snapshot(out, raw) == snapshot(ref_out, ref_raw)
    for name in BATCH_TABLES:
        if "doc_id" in read_table(out, name).column_names:
            assert not stale & set(read_table(out, name).column("doc_id").to_pylist()), name
    after = {p.name: p.stat().st_ino for p in (out / "documents").iterdir()}
    assert sum(after.get(name) == ino for name, ino in kept_part.items()) == 3  # unchanged parts not rewritten
    assert len(read_table(out, "documents").column("doc_id").unique()) == 5


def bad_corpus(raw: Path) -> dict[str, tuple[str, str]]:
    """At least fifteen kinds of bad input: file name → (stage, words of the reason)."""
    arabic = (RAW / SAMPLES[0]).read_text(encoding="utf-8")
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"\n  \n\t\n",
        "boilerplate.txt": "الرئيسية\nمشاركة :\nصور ساخنة\n2024\n".encode(),
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "article.docx": b"PK\x03\x04\x14\x00\x06\x00" + bytes(100),
        "article.txt.gz": gzip.compress(arabic.encode()),
        "random.bin": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "controls.txt": ("قال الرئيس" + "\x01\x02\x03\x04" * 20).encode(),
        "latin1.txt": "Le président a déclaré à l'AFP que la coopération était forte.".encode("latin-1"),
        "cut_utf8.txt": arabic.encode()[:1001] if arabic.encode()[1000] >= 0x80 else arabic.encode()[:999] + b"\xd8",
        "cut_utf16.txt": arabic.encode("utf-16")[:1001],
        "utf32.txt": arabic.encode("utf-32"),
        "page.html": b"<!DOCTYPE html><html><head><title>x</title></head><body>" + arabic.encode() + b"</body></html>",
        "markup.txt": ("".join(f"<p>{line}</p>\n" for line in arabic.split("\n") if line) + "<p>.</p>" * 10).encode(),
        "english.txt": b"The prime minister said on Monday that both countries would deepen their cooperation "
        b"in trade, energy and transport, according to a statement released after the talks.\n" * 3,
        "copy_of_first.txt": arabic.encode(),
        "dump.json": json.dumps({"title": arabic.splitlines()[0], "body": arabic}, ensure_ascii=False).encode(),
    }
    raw.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (raw / name).write_bytes(data)
    with open(raw / "huge.txt", "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: never read
    (raw / "folder").mkdir()
    os.mkfifo(raw / "pipe")
    (raw / "broken_link.txt").symlink_to(raw / "gone.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    return {
        "empty.txt": ("ingest", "empty file"),
        "blank.txt": ("ingest", "no article text"),
        "boilerplate.txt": ("ingest", "no article text"),
        "image.png": ("ingest", "PNG image"),
        "scan.pdf": ("ingest", "PDF"),
        "article.docx": ("ingest", "ZIP archive"),
        "article.txt.gz": ("ingest", "gzip"),
        "random.bin": ("ingest", "binary data"),
        "controls.txt": ("ingest", "control characters"),
        "latin1.txt": ("ingest", "undecodable"),
        "cut_utf8.txt": ("ingest", "truncated"),
        "cut_utf16.txt": ("ingest", "truncated UTF-16"),
        "utf32.txt": ("ingest", "UTF-32"),
        "page.html": ("content", "HTML page"),
        "markup.txt": ("content", "HTML markup"),
        "english.txt": ("content", "not Arabic"),
        "copy_of_first.txt": ("ingest", f"same text as {raw / SAMPLES[0]}"),
        "huge.txt": ("ingest", "too large"),
        "folder": ("ingest", "is a directory"),
        "pipe": ("ingest", "not a regular file"),
        "broken_link.txt": ("ingest", "does not exist"),
        "loop.txt": ("ingest", "symlink loop"),
        "dump.json": ("content", "JSON data"),
    }


def test_bad_files_are_quarantined_while_good_files_are_processed(tmp_path, capsys, prefect_server):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    from flows.extract import ARTIFACT_KEY, FIGURES_KEY, main

    raw, out = copy_samples(tmp_path / "raw", SAMPLES[:2]), tmp_path / "out"
    expected = bad_corpus(raw)
    assert len(expected) >= 15
    code = main(["--raw", str(raw), "--out", str(out), "--batch-size", "4"])
    printed = capsys.readouterr().out
    assert code == 0
    assert f"{len(expected)} quarantined" in printed.strip().splitlines()[-1]

    rows = {Path(r["path"]).name: r for r in read_table(out, "quarantine").to_pylist()}
    assert sorted(rows) == sorted(expected)
    for name, (stage, words) in expected.items():
        assert rows[name]["stage"] == stage and words in rows[name]["reason"], (name, rows[name])
    docs = sorted(Path(p).name for p in read_table(out, "documents").column("source_path").to_pylist())
    assert docs == SAMPLES[:2]
    assert read_table(out, "mentions").num_rows > 50

    (run,) = runs(out)
    assert run["status"] == "completed" and run["quarantined_added"] == run["quarantined"] == len(expected)
    assert (run["new_files"], run["documents_added"]) == (len(expected) + 2, 2)
    assert f"{len(expected)} quarantined" in run["message"]
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(run["flow_run_id"])
        assert flow_run.state.is_completed() and "quarantined" in flow_run.state.message
        (artifact,) = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[ARTIFACT_KEY]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])
            )
        )
    assert artifact.type == "markdown" and f"Quarantined in this run ({len(expected)})" in artifact.data
    assert "| documents / quarantined / mentions / commitments added | 2 / " in artifact.data
    with get_client(sync_client=True) as client:
        (figures,) = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=[FIGURES_KEY]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])
            )
        )
    assert figures.type == "table" and '"table": "documents"' in str(figures.data).replace("'", '"')
    # the plan, batch and summary lines reach the run's Logs tab (INFO), not only the terminal
    lines = flow_run_logs(flow_run.id, until="done in ")
    assert any(m.startswith("plan: ") for m in lines) and any(m.startswith("batch 1/") for m in lines)

    stats = file_stats(out)
    assert main(["--raw", str(raw), "--out", str(out)]) == 0  # bad files are not tried again
    assert file_stats(out) == stats and runs(out)[-1]["skipped_files"] == len(expected) + 2


def _quarantine_only_output(tmp_path: Path) -> tuple[Path, Path]:
    """An output folder committed from a raw folder holding one bad file (no model needed)."""
    from flows.extract import main

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    assert main(["--raw", str(raw), "--out", str(out)]) == 0
    return raw, out


def test_a_changed_kb_entry_or_rule_constant_brings_every_table_up_to_date(tmp_path, monkeypatch, prefect_server):
    # issue #17: a KB entry or a rule constant changed re-runs the entity and commitment layers without a
    # manual version bump, from stanza's cached answers; an unchanged rerun after each rewrites nothing
    import tasks.entities.kb as kb_module
    import tasks.nlp.models as models
    import tasks.versions as versions
    from flows.extract import main
    from tasks.nlp.models import NLP_CACHE_ENV

    monkeypatch.setenv(NLP_CACHE_ENV, str(tmp_path / "nlp-cache"))
    raw, out = copy_samples(tmp_path / "raw", SAMPLES[:1]), tmp_path / "out"
    assert main(["--raw", str(raw), "--out", str(out)]) == 0
    before = runs(out)[-1]["pipeline_version"]
    china = {e["entity_id"]: e for e in read_table(out, "entities").to_pylist()}["Q148"]
    assert china["canonical_name"] == "China"

    kb_dir = tmp_path / "kb"  # the KB with one entry edited: China's English name
    shutil.copytree(PROJECT_ROOT / "kb", kb_dir)
    lines = (kb_dir / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        row = json.loads(line)
        if row.get("entity_id") == "Q148":
            lines[i] = json.dumps({**row, "canonical": "People's Republic of China"}, ensure_ascii=False)
    (kb_dir / "entities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(versions, "KNOWLEDGE_DIR", kb_dir)
    monkeypatch.setattr(kb_module, "DEFAULT_PATH", kb_dir / "entities.jsonl")
    versions.rules_version.cache_clear()
    try:
        def no_stanza(*args, **kwargs):
            raise AssertionError("stanza was loaded: the NLP answers should come from the cache")

        monkeypatch.setattr(models, "shared_pipeline", no_stanza)
        assert main(["--raw", str(raw), "--out", str(out)]) == 0
        run = runs(out)[-1]
        assert run["pipeline_version"] != before and run["requeued_files"] == 1 and run["tables_rewritten"]
        china = {e["entity_id"]: e for e in read_table(out, "entities").to_pylist()}["Q148"]
        assert china["canonical_name"] == "People's Republic of China"
        for name in BATCH_TABLES:  # every row of every table says which rules made it
            stamped = set(read_table(out, name).column("pipeline_version").to_pylist())
            assert stamped <= {run["pipeline_version"]}, name
        events = read_table(out, "events").to_pylist()
        assert events and any("People's Republic of China" in e["actor_names"] for e in events)
        stats = file_stats(out)  # nothing changed since: nothing is rewritten
        assert main(["--raw", str(raw), "--out", str(out)]) == 0
        assert file_stats(out) == stats and runs(out)[-1]["skipped_files"] == 1

        # a rule constant edited: a listed cue's confidence, in a copy of the rule code (what the fingerprint
        # reads) and in the running code (what the tables are made with)
        import tasks.commitments.tagger as tagger
        from tasks.commitments.constants import CONFIDENCE

        rules_dir = tmp_path / "tasks"
        shutil.copytree(PROJECT_ROOT / "tasks", rules_dir, ignore=shutil.ignore_patterns("__pycache__"))
        constants = rules_dir / "commitments" / "constants.py"
        code = constants.read_text(encoding="utf-8")
        assert "CONFIDENCE_LEXICAL = 0.8" in code
        constants.write_text(code.replace("CONFIDENCE_LEXICAL = 0.8", "CONFIDENCE_LEXICAL = 0.5"), encoding="utf-8")
        monkeypatch.setattr(versions, "RULES_DIR", rules_dir)
        monkeypatch.setattr(tagger, "CONFIDENCE", {**CONFIDENCE, "lexical": 0.5})
        versions.rules_version.cache_clear()
        def lexical() -> list[float]:
            return [c["confidence"] for c in read_table(out, "commitments").to_pylist()
                    if c["rule"].startswith("cue:lexical|")]  # fmt: skip

        assert lexical() and all(c > 0.5 for c in lexical())
        assert main(["--raw", str(raw), "--out", str(out)]) == 0
        run2 = runs(out)[-1]
        assert run2["pipeline_version"] != run["pipeline_version"] and run2["requeued_files"] == 1
        assert lexical() and all(c <= 0.5 for c in lexical())  # the commitments table follows the new rule
        assert {d["pipeline_version"] for d in read_table(out, "documents").to_pylist()} == {run2["pipeline_version"]}
        stats = file_stats(out)
        assert main(["--raw", str(raw), "--out", str(out)]) == 0
        assert file_stats(out) == stats
    finally:
        versions.rules_version.cache_clear()


def test_a_model_failure_fails_the_run_and_keeps_the_tables(tmp_path, capsys):
    from flows.extract import main

    raw, out = _quarantine_only_output(tmp_path)
    stats, manifest = file_stats(out), load_manifest(out)
    shutil.copy(RAW / SAMPLES[0], raw)
    capsys.readouterr()
    assert main(["--raw", str(raw), "--out", str(out), "--models", str(tmp_path / "no-models")]) == 1
    err = capsys.readouterr().err
    assert "extract failed" in err and "model not found" in err and "Fix:" in err
    assert file_stats(out) == stats and load_manifest(out) == manifest
    last = runs(out)[-1]
    assert last["status"] == "failed" and "ModelError" in last["message"]


def test_a_disk_failure_fails_the_run_loudly(tmp_path, capsys, monkeypatch):
    import tasks.store.parquet
    from flows.extract import main

    raw, out = _quarantine_only_output(tmp_path)
    stats = file_stats(out)
    (raw / "blank.txt").write_bytes(b"\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tasks.store.parquet.pq, "write_table", full)
    capsys.readouterr()
    assert main(["--raw", str(raw), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Fix: free disk space" in err
    assert file_stats(out) == stats


def test_a_busy_output_folder_stops_the_second_run_with_a_clear_message(tmp_path, capsys, prefect_server):
    from flows.extract import main

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    with RunLock(out):
        code = main(["--raw", str(raw), "--out", str(out), "--lock-timeout", "0.5"])
    printed = capsys.readouterr()
    assert code == 75
    assert f"in use by run of pid {os.getpid()}" in printed.err and "gave up after waiting 0.5 s" in printed.err
    assert "waiting for" in printed.out
    assert not (out / MANIFEST).exists()


def test_missed_scheduled_runs_are_replaced_by_one_catch_up_run(prefect_server):
    import httpx
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL
    from prefect.states import Scheduled

    from flows.serve import build_deployment, skip_missed_runs

    deployment_id = build_deployment("0 * * * *", "missed-runs-test").apply()
    now = dt.datetime.now(dt.UTC)
    # the test server answers 503 while its database is busy (seen once in CI, 8c0ae4f); Prefect's own client
    # retries it, so this raw call does too
    for _ in range(SERVER_BUSY_RETRIES):
        resp = httpx.post(
            f"{PREFECT_API_URL.value()}/deployments/{deployment_id}/schedule",
            json={"start_time": (now - dt.timedelta(hours=3, minutes=30)).isoformat(),
                  "end_time": (now - dt.timedelta(minutes=20)).isoformat(), "max_runs": 10},
        )  # fmt: skip
        if resp.status_code != httpx.codes.SERVICE_UNAVAILABLE:
            break
        time.sleep(SERVER_BUSY_WAIT_S)
    resp.raise_for_status()
    with get_client(sync_client=True) as client:
        asked = client.create_flow_run_from_deployment(
            deployment_id, state=Scheduled(scheduled_time=now - dt.timedelta(hours=1))
        )
        cancelled, catch_up = skip_missed_runs(deployment_id, dt.timedelta(minutes=10))
        assert cancelled == 3  # 3 hourly slots passed while "the machine was down"
        states = {r.id: r for r in client.read_flow_runs()}
    assert states[asked.id].state.is_scheduled()  # a run somebody asked for is kept
    assert states[catch_up].state.is_scheduled() and "catch-up" in states[catch_up].tags
    missed = [r for r in states.values() if r.deployment_id == deployment_id and r.state.is_cancelled()]
    assert len(missed) == 3 and all("missed" in r.state.message for r in missed)


def test_a_file_name_that_is_not_utf8_does_not_fail_the_run(tmp_path, capsys, prefect_server):
    from flows.extract import main

    raw, out = copy_samples(tmp_path / "raw", SAMPLES[:1]), tmp_path / "out"
    bad = os.path.join(os.fsencode(raw), b"caf\xe9.txt")  # printf 'caf\xe9.txt'
    shutil.copy(RAW / SAMPLES[1], os.fsdecode(bad))
    assert main(["--raw", str(raw), "--out", str(out)]) == 0
    assert [Path(p).name for p in read_table(out, "documents").column("source_path").to_pylist()] == SAMPLES[:1]
    (row,) = read_table(out, "quarantine").to_pylist()
    assert row["path"] == f"{raw}/caf\\xe9.txt" and "not valid UTF-8 (its bytes: b'caf\\xe9.txt')" in row["reason"]
    assert runs(out)[-1]["status"] == "completed"
    assert main(["--raw", str(raw), "--out", str(out)]) == 0 and runs(out)[-1]["skipped_files"] == 2
