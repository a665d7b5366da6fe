"""The events table on the five samples: one row per commitment, PLOVER-style, readable by DuckDB, pandas and
Polars; and every README code block that reads processed/ runs on these tables.

The samples go through the batch's own stages (ingest → stanza, frozen in tests/fixtures/nlp → entities →
commitments → ``batch_rows`` → ``write_part``), so the tables are real pipeline output without a model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.commitments.constants import MODALITIES
from tasks.commitments.lexicons import SECTORS
from tasks.commitments.stage import find_commitments
from tasks.entities.kb import load_kb
from tasks.entities.stage import link_entities
from tasks.errors import TableContractError
from tasks.ingest.reader import ingest_bytes, ingest_file
from tasks.nlp.analyse import analyse_documents
from tasks.settings import PROJECT_ROOT
from tasks.store.events import ISO3166_FILE, load_iso3, load_mapping
from tasks.store.parquet import read_table, to_table
from tasks.store.schema import SCHEMA_VERSION, TABLES
from tasks.store.stage import batch_rows, write_part
from tasks.versions import pipeline_version

RAW = PROJECT_ROOT / "raw"
README = PROJECT_ROOT / "README.md"
MAPPING = PROJECT_ROOT / "tasks" / "store" / "plover.toml"
PARTY_COLUMNS = ("names", "entity_ids", "wikidata_ids", "iso2", "iso3", "kinds", "written_names", "written_kinds")


@pytest.fixture(scope="module")
def seeds(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Any]]]:
    """The five samples as one batch: (output folder with one part per table, the batch's rows)."""
    docs = [ingest_bytes(p.read_bytes(), p.name) for p in sorted(RAW.glob("*.txt"))]
    analyses = find_commitments(link_entities(analyse_documents(nlp, docs)))
    rows = batch_rows(analyses, [], "frozen-stanza", pipeline_version())
    out = tmp_path_factory.mktemp("events") / "processed"
    write_part(rows, out, "seeds")
    return out, rows


@pytest.fixture(scope="module")
def events(seeds: tuple[Path, dict[str, list[Any]]]) -> list[dict[str, Any]]:
    return read_table(seeds[0], "events").to_pylist()


def by_id(seeds: tuple[Path, dict[str, list[Any]]], table: str, key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in read_table(seeds[0], table).to_pylist()}


def test_one_event_per_commitment_with_its_id_and_fields(seeds, events):
    commitments = read_table(seeds[0], "commitments").to_pylist()
    assert len(commitments) > 10  # the samples carry commitments of every common modality
    assert [e["event_id"] for e in events] == [c["commitment_id"] for c in commitments]
    for e, c in zip(events, commitments, strict=True):
        for col in ("doc_id", "trigger", "modality", "polarity", "sectors", "speaker_entity_id", "rule"):
            assert e[col] == c[col], col
        assert e["event_date"] == c["date"]
        assert e["pipeline_version"] == pipeline_version() and e["model_version"] == "frozen-stanza"


def test_the_file_has_the_declared_schema_and_version(seeds):
    path = seeds[0] / "events" / "part-seeds.parquet"
    assert pq.read_schema(path).remove_metadata() == TABLES["events"].remove_metadata()
    meta = pq.read_schema(path).metadata
    assert meta[b"iltizam.table"] == b"events" and meta[b"iltizam.schema_version"] == SCHEMA_VERSION.encode()


def test_actors_and_recipients_are_parallel_lists_with_codes_from_the_entities(seeds, events):
    entities = by_id(seeds, "entities", "entity_id")
    iso3 = load_iso3()
    kinds = set(load_mapping().kind_by_subtype.values()) | set(load_mapping().kind_by_type.values())
    kb = load_kb()
    for e in events:
        for role in ("actor", "recipient"):
            lists = [e[f"{role}_{c}"] for c in PARTY_COLUMNS]
            assert len({len(x) for x in lists}) == 1, (e["event_id"], role)
            for name, eid, qid, a2, a3, kind, *_ in zip(*lists, strict=True):
                ent = entities[eid]  # every party joins the entities table
                assert (name, qid) == (ent["canonical_name"], ent["wikidata_id"])
                known = kb.entities.get(eid)
                assert a2 == (ent["iso_code"] or (known.country if known else None))
                assert a3 == (iso3[a2] if a2 else None)
                assert kind in kinds
        assert e["actor_entity_ids"], e["event_id"]  # every event of the samples has an actor
        assert not set(e["actor_entity_ids"]) & set(e["recipient_entity_ids"])
    china = [(n, a3, k) for e in events for n, a3, k in zip(e["actor_names"], e["actor_iso3"], e["actor_kinds"],
                                                            strict=True) if n == "China"]  # fmt: skip
    assert china and set(china) == {("China", "CHN", "state")}
    kyrgyz = {a3 for e in events for n, a3 in zip(e["recipient_names"], e["recipient_iso3"], strict=True)
              if n == "Kyrgyzstan"}  # fmt: skip
    assert kyrgyz == {"KGZ"}


def test_event_type_and_mode_follow_the_mapping_file(events):
    data = tomllib.loads(MAPPING.read_text(encoding="utf-8"))
    table = {(r["modality"], r["polarity"]): (r["event_type"], r.get("mode")) for r in data["event"]}
    for e in events:
        assert (e["event_type"], e["mode"]) == table[(e["modality"], e["polarity"])]
        if e["polarity"] == "negative":
            assert e["mode"] == "negation"
    assert {"AGREE", "REQUEST"} <= {e["event_type"] for e in events}
    assert {"future", "hypothetical"} <= {e["mode"] for e in events}


def test_a_call_is_requested_by_its_speaker_of_the_commitments_actors(seeds, events):
    parties = read_table(seeds[0], "commitment_parties").to_pylist()
    actors: dict[str, list[str]] = {}
    for p in parties:
        if p["role"] == "actor":
            actors.setdefault(p["commitment_id"], []).append(p["entity_id"])
    calls = [e for e in events if e["modality"] == "call" and e["speaker_entity_id"]]
    assert calls
    for e in calls:
        assert e["actor_entity_ids"] == [e["speaker_entity_id"]] and e["actor_kinds"] == ["person"]
        assert e["recipient_entity_ids"] == [a for a in actors[e["event_id"]] if a != e["speaker_entity_id"]]
    others = [e for e in events if e["modality"] != "call"]
    assert others and all(e["actor_entity_ids"] == actors[e["event_id"]] for e in others)


def test_date_source_names_the_documents_field_the_date_came_from(seeds, events):
    docs = by_id(seeds, "documents", "doc_id")
    commitments = by_id(seeds, "commitments", "commitment_id")
    for e in events:
        d = docs[e["doc_id"]]
        want = {"dateline": d["dateline_date"], "published": d["published_date"], None: None}[e["date_source"]]
        assert e["event_date"] == want == commitments[e["event_id"]]["date"]
        if e["event_date"] is not None:  # documents, commitments and events tell the same date and source
            assert (d["document_date"], d["document_date_source"]) == (e["event_date"], e["date_source"])
        if e["date_source"] == "published":
            assert d["dateline_date"] is None  # the dateline's date comes first, as in commitments.date
    assert any(isinstance(e["event_date"], dt.date) for e in events)


def test_a_file_date_stays_on_the_document_and_dates_no_commitment_or_event(nlp, tmp_path):
    """Sample 001 has no date in its text: read from a file whose mtime is set, the documents row carries that
    day labelled file_mtime, its commitments and events stay undated."""
    path = tmp_path / "001.txt"
    path.write_bytes((RAW / "001_3f105a9da3bd0b0b.txt").read_bytes())
    saved = dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC).timestamp()
    os.utime(path, (saved, saved))
    analyses = find_commitments(link_entities(analyse_documents(nlp, [ingest_file(path)])))
    rows = batch_rows(analyses, [], "frozen-stanza", pipeline_version())
    (doc,) = rows["documents"]
    assert (doc.document_date, doc.document_date_source) == (dt.date(2021, 6, 1), "file_mtime")
    assert rows["commitments"] and all(c.date is None for c in rows["commitments"])
    assert rows["events"] and all(e.event_date is None and e.date_source is None for e in rows["events"])


def test_sentence_offsets_slice_the_stored_text_around_the_trigger(seeds, events):
    docs = by_id(seeds, "documents", "doc_id")
    commitments = by_id(seeds, "commitments", "commitment_id")
    for e in events:
        text = docs[e["doc_id"]]["text"]
        assert text[e["sentence_start"] : e["sentence_end"]] == e["sentence_text"]
        c = commitments[e["event_id"]]
        assert e["sentence_start"] <= c["trigger_start"] < c["trigger_end"] <= e["sentence_end"]
        assert e["source_path"] == docs[e["doc_id"]]["source_path"]


def test_contexts_are_the_sectors_mapped(events):
    context = load_mapping().context
    for e in events:
        want = list(dict.fromkeys(x for s in e["sectors"] or [] for x in context[s]))
        assert e["plover_context"] == want
    assert any(e["plover_context"] for e in events)


def test_the_mapping_covers_every_modality_polarity_sector_and_entity_type():
    mapping = load_mapping()
    assert set(mapping.events) == {(m, p) for m in MODALITIES for p in ("positive", "negative")}
    assert set(mapping.context) == {*SECTORS, "other"}
    assert set(mapping.kind_by_type) >= {e.type for e in load_kb().entities.values()}


def test_the_iso_table_gives_every_state_and_every_kb_country_an_alpha3_code():
    iso3 = load_iso3(ISO3166_FILE)
    codes = {c for e in load_kb().entities.values() for c in (e.iso_code, e.country) if c}
    assert codes and all(re.fullmatch(r"[A-Z]{3}", iso3[c]) for c in codes)
    assert (iso3["CN"], iso3["KG"], iso3["MM"], iso3["CD"]) == ("CHN", "KGZ", "MMR", "COD")
    assert len(set(iso3.values())) == len(iso3)


def test_events_are_deterministic_and_an_empty_batch_writes_a_valid_file(seeds, tmp_path):
    _, rows = seeds
    assert to_table("events", rows["events"]).equals(read_table(seeds[0], "events"))
    empty = batch_rows([], [], "m", "p")
    assert empty["events"] == []
    write_part(empty, tmp_path, "empty")
    table = pq.read_table(tmp_path / "events" / "part-empty.parquet")
    assert table.num_rows == 0 and table.schema.names == TABLES["events"].names


def test_conversion_is_strict_about_a_missing_sentence(seeds):
    row = dataclasses.replace(seeds[1]["events"][0], sentence_text=None)
    with pytest.raises(TableContractError, match="sentence_text"):
        to_table("events", [row])


def test_duckdb_pandas_and_polars_read_the_columns_with_their_types(seeds, events):
    folder = seeds[0] / "events"
    names = TABLES["events"].names
    con = duckdb.connect()
    rel = con.sql(f"select * from read_parquet('{folder}/*.parquet')")
    types = dict(zip(rel.columns, map(str, rel.types), strict=True))
    assert rel.columns == names and len(rel.fetchall()) == len(events)
    assert (types["event_date"], types["actor_iso3"], types["sentence_start"]) == ("DATE", "VARCHAR[]", "INTEGER")
    query = f"select count(*) from read_parquet('{folder}/*.parquet') where list_contains(actor_iso3, 'CHN')"
    n = sum("CHN" in e["actor_iso3"] for e in events)
    assert con.execute(query).fetchall() == [(n,)] and n > 0

    frame = pd.read_parquet(folder)
    assert list(frame.columns) == names and len(frame) == len(events)
    assert pd.api.types.is_integer_dtype(frame["sentence_start"])
    assert isinstance(frame["event_date"].dropna().iloc[0], dt.date)
    assert frame["actor_iso3"].map(lambda codes: "CHN" in list(codes)).sum() == n

    polars = pl.read_parquet(folder / "*.parquet")
    assert polars.columns == names and polars.height == len(events)
    schema = polars.schema
    assert (schema["event_date"], schema["actor_iso3"], schema["sentence_start"]) == (
        pl.Date, pl.List(pl.String), pl.Int32)
    assert polars.filter(pl.col("actor_iso3").list.contains("CHN")).height == n
    assert pa.types.is_list(TABLES["events"].field("plover_context").type)


def readme_blocks() -> list[tuple[str, str]]:
    """(language, code) of every python or sql block of README.md that reads processed/."""
    blocks = re.findall(r"^```(python|sql)\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    return [(lang, code) for lang, code in blocks if "processed/" in code]


def test_the_readme_shows_events_with_duckdb_pandas_and_polars():
    codes = [code for _, code in readme_blocks() if "processed/events" in code]
    assert any("pandas" in c for c in codes) and any("polars" in c for c in codes)
    assert any(lang == "sql" and "processed/events" in code for lang, code in readme_blocks())


@pytest.mark.parametrize("index", range(len(readme_blocks())))
def test_every_readme_block_reading_processed_runs_as_written(index, seeds, monkeypatch, capsys):
    """Run from a project folder whose processed/ is the samples' output, exactly as the README shows."""
    lang, code = readme_blocks()[index]
    project = seeds[0].parent
    monkeypatch.chdir(project)
    if lang == "sql":
        rows = duckdb.connect().execute(code).fetchall()
        assert rows, code
    else:
        names: dict[str, Any] = {"__name__": "__readme__"}
        exec(compile(code, f"README.md block {index}", "exec"), names)
        frames = [v for v in names.values() if isinstance(v, pd.DataFrame | pl.DataFrame | pa.Table)]
        assert capsys.readouterr().out.strip() or any(len(f) for f in frames), code


def test_places_carry_geonames_facts_in_the_entities_file(seeds):
    """kb/geo.tsv.gz on the samples' entities table, read back from Parquet: states have an id and no point,
    cities a point and a first-level division, every other type nothing."""
    entities = by_id(seeds, "entities", "entity_id")
    geo = ("geonames_id", "latitude", "longitude", "admin1")
    assert [entities["Q148"][c] for c in geo] == [1814991, None, None, None]  # China
    beijing = entities["Q956"]
    assert (beijing["geonames_id"], beijing["admin1"]) == (1816670, "CN.22")
    assert beijing["latitude"] == pytest.approx(39.9, abs=0.1) and beijing["longitude"] == pytest.approx(116.4, abs=0.1)
    assert entities["kb:aktobe"]["admin1"] == "KZ.04" and entities["kb:aktobe"]["latitude"] is not None
    others = [e for e in entities.values() if e["type"] not in ("GPE", "LOC")]
    assert {e["type"] for e in others} >= {"PER", "ORG", "DATE"}
    assert all(e[c] is None for e in others for c in geo)
    points = [e for e in entities.values() if e["latitude"] is not None]
    assert len(points) >= 4 and all(-90 <= e["latitude"] <= 90 and -180 <= e["longitude"] <= 180 for e in points)
    assert all((e["latitude"] is None) == (e["longitude"] is None) for e in entities.values())
    schema = pq.read_schema(seeds[0] / "entities" / "part-seeds.parquet")
    assert (schema.field("geonames_id").type, schema.field("latitude").type) == (pa.int64(), pa.float64())


def test_each_party_as_written_beside_the_state_it_stands_for(seeds, events):
    # commitment_parties keeps the mention the sentence names for each party; events show it by name and kind
    _, rows = seeds
    parties = [p for p in rows["commitment_parties"] if p.written_entity_id is not None]
    texts = {d.doc_id: d.text for d in rows["documents"]}
    commitment_doc = {c.commitment_id: c.doc_id for c in rows["commitments"]}
    assert parties and all(texts[commitment_doc[p.commitment_id]][p.written_start : p.written_end] == p.written_text
                           for p in parties)  # fmt: skip
    persons = {(e["actor_names"][i], e["actor_written_names"][i]) for e in events
               for i, k in enumerate(e["actor_written_kinds"])
               if k == "person" and e["actor_kinds"][i] == "state"}  # fmt: skip
    # a leader or minister named for his state in the sentence: the state acts, the person is as written
    assert {("China", "Xi Jinping"), ("China", "Wang Yi"), ("Kyrgyzstan", "Sadyr Japarov")} <= persons
    for e in events:
        assert len(e["actor_written_names"]) == len(e["actor_names"])
        assert len(e["recipient_written_kinds"]) == len(e["recipient_names"])
