"""Every output table's Arrow schema, declared once. Writers always pass these schemas."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "8"


def _schema(name: str, fields: list[pa.Field], doc: str) -> pa.Schema:
    return pa.schema(
        fields,
        metadata={
            "iltizam.table": name,
            "iltizam.schema_version": SCHEMA_VERSION,
            "iltizam.doc": doc,
        },
    )


DOCUMENTS = _schema(
    "documents",
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("encoding", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published_date", pa.date32()),
        pa.field("published_at", pa.string()),
        pa.field("dateline_place", pa.string()),
        pa.field("dateline_date", pa.date32()),
        pa.field("agency", pa.string()),
        pa.field("document_date", pa.date32()),
        pa.field("document_date_source", pa.string()),
        pa.field("n_chars", pa.int32()),
        pa.field("n_sentences", pa.int32()),
        pa.field("n_words", pa.int32()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "One row per ingested article; `text` is the stored text every offset points into.",
)

SENTENCES = _schema(
    "sentences",
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("is_title", pa.bool_()),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "Sentences; text == documents.text[start_char:end_char].",
)

TOKENS = _schema(
    "tokens",
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
        pa.field("token_idx", pa.int32(), nullable=False),
        pa.field("word_idx", pa.int32(), nullable=False),
        pa.field("token_text", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("lemma", pa.string()),
        pa.field("upos", pa.string()),
        pa.field("xpos", pa.string()),
        pa.field("feats", pa.string()),
        pa.field("head", pa.int32()),
        pa.field("deprel", pa.string()),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("token_start_char", pa.int32(), nullable=False),
        pa.field("token_end_char", pa.int32(), nullable=False),
        pa.field("is_multiword", pa.bool_(), nullable=False),
        pa.field("offsets_exact", pa.bool_(), nullable=False),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "Word level (after clitic split): one row per word; token_* describe the surface token holding it. "
    "token_idx and word_idx count within the sentence from 0. head is a 1-based word index (0 = root).",
)

MENTIONS = _schema(
    "mentions",
    [
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
        pa.field("start_char", pa.int32(), nullable=False),
        pa.field("end_char", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("score", pa.float32()),
        pa.field("entity_id", pa.string()),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "Entity mentions; text == documents.text[start_char:end_char]; spans are cut at word level.",
)

ENTITIES = _schema(
    "entities",
    [
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("canonical_name", pa.string(), nullable=False),
        pa.field("name_ar", pa.string()),
        pa.field("iso_code", pa.string()),
        pa.field("wikidata_id", pa.string()),
        pa.field("aliases", pa.list_(pa.string())),
        pa.field("canonical_source", pa.string(), nullable=False),
        pa.field("geonames_id", pa.int64()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("admin1", pa.string()),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "One row per real-world entity referred to by mentions.entity_id: KB ids (Wikidata QIDs or kb:…), "
    "per:/org:/gpe:… ids from the normalised name for entities the KB does not know, date:<ISO> for dates "
    "(date:<year-month-day> AH for Hijri dates, their Gregorian ISO date in aliases). canonical_source says "
    "where canonical_name came from: kb (the knowledge base), gazetteer (GeoNames), rule (made by a rule: "
    "dates, facilities, state bodies, agencies), romanised (a person the KB does not know, "
    "tasks/entities/romanisation.toml), surface (the Arabic name as written). geonames_id, latitude, longitude "
    "(WGS84) and admin1 (GeoNames' first-level division key <ISO2>.<code>) are GeoNames facts (CC BY 4.0) of "
    "GPE/LOC entities where known (kb/geo.tsv.gz); countries have an id but no point.",
)

COMMITMENTS = _schema(
    "commitments",
    [
        pa.field("commitment_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sentence_idx", pa.int32(), nullable=False),
        pa.field("trigger", pa.string(), nullable=False),
        pa.field("trigger_start", pa.int32(), nullable=False),
        pa.field("trigger_end", pa.int32(), nullable=False),
        pa.field("modality", pa.string(), nullable=False),
        pa.field("polarity", pa.string(), nullable=False),
        pa.field("action", pa.string(), nullable=False),
        pa.field("action_start", pa.int32(), nullable=False),
        pa.field("action_end", pa.int32(), nullable=False),
        pa.field("sectors", pa.list_(pa.string())),
        pa.field("speaker_entity_id", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("confidence", pa.float32()),
        pa.field("rule", pa.string(), nullable=False),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "One row per commitment cue; trigger/action offsets index documents.text; date = the document's date (as "
    "the article states it: never a file's modification time); "
    "actors and counterparts are in commitment_parties; rule = the cue kind and the strategies that produced "
    "the row, |-joined key:value steps (tasks/commitments/tagger.py).",
)

COMMITMENT_PARTIES = _schema(
    "commitment_parties",
    [
        pa.field("commitment_id", pa.string(), nullable=False),
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("role", pa.string(), nullable=False),
        pa.field("written_entity_id", pa.string()),
        pa.field("written_text", pa.string()),
        pa.field("written_start", pa.int32()),
        pa.field("written_end", pa.int32()),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "Who commits (role actor) and towards whom (role counterpart); entity_id joins entities (the state a "
    "minister or ministry acts for). written_* is the party as the sentence writes it: the mention nearest the "
    "trigger that stands for it (written_text == documents.text[written_start:written_end]); null when no "
    "mention of the sentence does.",
)

EVENTS = _schema(
    "events",
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("event_date", pa.date32()),
        pa.field("date_source", pa.string()),
        pa.field("event_type", pa.string(), nullable=False),
        pa.field("mode", pa.string()),
        pa.field("actor_names", pa.list_(pa.string()), nullable=False),
        pa.field("actor_entity_ids", pa.list_(pa.string()), nullable=False),
        pa.field("actor_wikidata_ids", pa.list_(pa.string()), nullable=False),
        pa.field("actor_iso2", pa.list_(pa.string()), nullable=False),
        pa.field("actor_iso3", pa.list_(pa.string()), nullable=False),
        pa.field("actor_kinds", pa.list_(pa.string()), nullable=False),
        pa.field("actor_written_names", pa.list_(pa.string()), nullable=False),
        pa.field("actor_written_kinds", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_names", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_entity_ids", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_wikidata_ids", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_iso2", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_iso3", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_kinds", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_written_names", pa.list_(pa.string()), nullable=False),
        pa.field("recipient_written_kinds", pa.list_(pa.string()), nullable=False),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_entity_id", pa.string()),
        pa.field("sectors", pa.list_(pa.string())),
        pa.field("plover_context", pa.list_(pa.string()), nullable=False),
        pa.field("trigger", pa.string(), nullable=False),
        pa.field("modality", pa.string(), nullable=False),
        pa.field("polarity", pa.string(), nullable=False),
        pa.field("sentence_text", pa.string(), nullable=False),
        pa.field("sentence_start", pa.int32(), nullable=False),
        pa.field("sentence_end", pa.int32(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("rule", pa.string(), nullable=False),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "One row per commitment in the layout of PLOVER/POLECAT event data: event_id = commitments.commitment_id; "
    "event_type and mode from the modality and polarity, plover_context from the sectors "
    "(tasks/store/plover.toml); actor_* and recipient_* are parallel lists, one element per party, in "
    "commitment_parties order; sentence_start/sentence_end index documents.text.",
)

QUARANTINE = _schema(
    "quarantine",
    [
        pa.field("path", pa.string(), nullable=False),
        pa.field("sha256", pa.string()),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
    ],
    "Inputs that could not be processed, with the stage that refused them and why.",
)

RUNS = _schema(
    "runs",
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("flow_run_id", pa.string()),
        pa.field("started_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("ended_at", pa.timestamp("us", tz="UTC")),
        pa.field("status", pa.string(), nullable=False),
        pa.field("message", pa.string()),
        pa.field("raw", pa.string()),
        pa.field("batch_size", pa.int32()),
        pa.field("new_files", pa.int32()),
        pa.field("changed_files", pa.int32()),
        pa.field("deleted_files", pa.int32()),
        pa.field("skipped_files", pa.int32()),
        pa.field("requeued_files", pa.int32()),
        pa.field("documents_added", pa.int64()),
        pa.field("quarantined_added", pa.int64()),
        pa.field("mentions_added", pa.int64()),
        pa.field("commitments_added", pa.int64()),
        pa.field("documents", pa.int64()),
        pa.field("quarantined", pa.int64()),
        pa.field("mentions", pa.int64()),
        pa.field("commitments", pa.int64()),
        pa.field("tables_rewritten", pa.bool_()),
        pa.field("model_version", pa.string()),
        pa.field("pipeline_version", pa.string()),
        pa.field("seconds", pa.float64()),
    ],
    "One row per extract run (a log, appended even when nothing changed). *_files count raw files by what the "
    "run found (skipped = unchanged, requeued = unchanged but analysed again); *_added count rows this run "
    "wrote; documents/quarantined/mentions/commitments are table totals after the run (commitments* are null "
    "while there is no commitments table).",
)

STAMP_COLUMNS = ("model_version", "pipeline_version")
"""Versions every row carries (documents and events have them as fields of their rows; the other tables get them
from the batch that writes them, tasks/store/parquet.py ``to_table(..., stamp=...)``)."""

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "commitments": COMMITMENTS,
    "commitment_parties": COMMITMENT_PARTIES,
    "events": EVENTS,
    "quarantine": QUARANTINE,
    "runs": RUNS,
}
