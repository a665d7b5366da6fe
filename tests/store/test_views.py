"""sql/views.sql: every DuckDB view runs on the five samples' tables and names the parties."""

import datetime as dt

import duckdb

from tasks.settings import PROJECT_ROOT

VIEWS = PROJECT_ROOT / "sql" / "views.sql"


def test_every_view_runs_and_names_the_parties(sample_run):
    con = duckdb.connect()
    con.execute(VIEWS.read_text(encoding="utf-8").replace("'processed/", f"'{sample_run}/"))
    n = con.execute("select count(*) from commitments").fetchall()[0][0]
    named = con.sql("select commitment_id, actors, counterparts, sentence, source_path from commitments_named")
    rows = named.fetchall()
    assert n > 0 and len(rows) == n and len({r[0] for r in rows}) == n  # one row per commitment
    assert all(r[1] and r[3] and r[4] for r in rows)  # every record has actors, its sentence and its file
    assert any("China" in r[1] and "Kyrgyzstan" in r[2] for r in rows)
    counts = con.sql("select actor, counterpart, sector, month, modality, n from commitment_counts").fetchall()
    assert counts and all(isinstance(r[5], int) and r[5] > 0 for r in counts)
    assert all(r[3] is None or isinstance(r[3], dt.date) for r in counts)
    assert ("China", "Kyrgyzstan") in {(r[0], r[1]) for r in counts}
    events = con.sql("select event_id from events where list_contains(actor_iso3, 'CHN')").fetchall()
    assert events and {r[0] for r in events} <= {r[0] for r in rows}
    assert con.execute("select count(*) from events").fetchall()[0][0] == n  # one event per commitment
