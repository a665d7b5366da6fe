"""One typed analysis per document, handed from stage to stage.

Every stage of a batch (nlp → entities → commitments → store) reads and returns ``DocAnalysis`` values
instead of dicts of column lists, so a misspelt or forgotten field fails where it is made, not as a
null column in a Parquet file. The row types mirror the output tables one to one: their fields are
exactly the columns of ``tasks/store/schema.py`` (``tests/store/test_rows.py`` checks it), and
``tasks.store.parquet.to_table`` turns a list of them into an Arrow table with that schema.

Names end in ``Record`` so they never clash with the stages' own working types (``resolve.Mention``,
``resolve.EntityRow``, ``resolve.Word``, ``tagger.Commitment``, ``tagger.Party``, ``tagger.MentionRef``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tasks.ingest.reader import Document


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A row of ``documents``: the article, its metadata and the versions that analysed it."""

    doc_id: str
    source_path: str
    sha256: str
    encoding: str | None
    title: str | None
    published_date: dt.date | None
    published_at: str | None
    dateline_place: str | None
    dateline_date: dt.date | None
    agency: str | None
    document_date: dt.date | None  # the date the pipeline uses, document_date_source says where it came from
    document_date_source: str | None  # dateline, published, text or file_mtime (tasks/ingest/constants.py)
    n_chars: int | None
    n_sentences: int | None
    n_words: int | None
    text: str
    model_version: str | None
    pipeline_version: str | None


@dataclass(frozen=True, slots=True)
class SentenceRecord:
    """A row of ``sentences``; ``text`` is ``documents.text[start_char:end_char]``."""

    doc_id: str
    sentence_idx: int
    start_char: int
    end_char: int
    text: str
    is_title: bool | None


@dataclass(frozen=True, slots=True)
class WordRecord:
    """A row of ``tokens``: one word after the clitic split, with the surface token holding it."""

    doc_id: str
    sentence_idx: int
    token_idx: int
    word_idx: int
    token_text: str
    text: str
    lemma: str | None
    upos: str | None
    xpos: str | None
    feats: str | None
    head: int | None
    deprel: str | None
    start_char: int
    end_char: int
    token_start_char: int
    token_end_char: int
    is_multiword: bool
    offsets_exact: bool


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """A row of ``mentions``; ``entity_id`` is None until the entities stage links it."""

    mention_id: str
    doc_id: str
    sentence_idx: int
    start_char: int
    end_char: int
    text: str
    type: str
    source: str
    score: float | None
    entity_id: str | None


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A row of ``entities``: the real-world entity a mention (or a commitment party) refers to."""

    entity_id: str
    type: str
    canonical_name: str
    name_ar: str | None
    iso_code: str | None
    wikidata_id: str | None
    aliases: tuple[str, ...] | None
    canonical_source: str  # kb, gazetteer, rule, romanised or surface (tasks/store/schema.py)
    # GeoNames facts of a GPE/LOC entity where known (kb/geo.tsv.gz, tasks/entities/geo.py), else None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None  # GeoNames' admin1 key «<ISO2>.<code>»


@dataclass(frozen=True, slots=True)
class CommitmentRecord:
    """A row of ``commitments``: one commitment cue; its actors and counterparts are ``PartyRecord`` rows."""

    commitment_id: str
    doc_id: str
    sentence_idx: int
    trigger: str
    trigger_start: int
    trigger_end: int
    modality: str
    polarity: str
    action: str
    action_start: int
    action_end: int
    sectors: tuple[str, ...] | None
    speaker_entity_id: str | None
    date: dt.date | None
    confidence: float | None
    rule: str  # provenance: «cue:future|subject:after_complementizer|…» (tasks.commitments.tagger)


@dataclass(frozen=True, slots=True)
class PartyRecord:
    """A row of ``commitment_parties``: who commits (``actor``) or towards whom (``counterpart``)."""

    commitment_id: str
    entity_id: str
    role: str
    # the party as the sentence writes it (a minister or ministry for its state, the state's name): the mention
    # nearest the trigger that stands for it; None when no mention of the sentence does (a group expanded,
    # the speaker's first person)
    written_entity_id: str | None = None
    written_text: str | None = None
    written_start: int | None = None
    written_end: int | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """A row of ``events``: one commitment in the layout of PLOVER/POLECAT event data (tasks/store/events.py).
    The actor_* and recipient_* fields are parallel tuples, one element per party."""

    event_id: str
    doc_id: str
    event_date: dt.date | None
    date_source: str | None
    event_type: str
    mode: str | None
    actor_names: tuple[str, ...]
    actor_entity_ids: tuple[str, ...]
    actor_wikidata_ids: tuple[str | None, ...]
    actor_iso2: tuple[str | None, ...]
    actor_iso3: tuple[str | None, ...]
    actor_kinds: tuple[str, ...]
    actor_written_names: tuple[str, ...]  # each party as the sentence writes it (its minister, ministry…)
    actor_written_kinds: tuple[str, ...]
    recipient_names: tuple[str, ...]
    recipient_entity_ids: tuple[str, ...]
    recipient_wikidata_ids: tuple[str | None, ...]
    recipient_iso2: tuple[str | None, ...]
    recipient_iso3: tuple[str | None, ...]
    recipient_kinds: tuple[str, ...]
    recipient_written_names: tuple[str, ...]  # each party as the sentence writes it (its minister, ministry…)
    recipient_written_kinds: tuple[str, ...]
    speaker_name: str | None
    speaker_entity_id: str | None
    sectors: tuple[str, ...] | None
    plover_context: tuple[str, ...]
    trigger: str
    modality: str
    polarity: str
    sentence_text: str
    sentence_start: int
    sentence_end: int
    source_path: str
    rule: str
    model_version: str | None
    pipeline_version: str | None


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    """A row of ``quarantine``: an input the pipeline refused, the stage that refused it and why."""

    path: str
    sha256: str | None
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocAnalysis:
    """Everything the pipeline knows about one document. nlp fills sentences, words and the model's
    mentions; the entities stage replaces the mentions with linked ones and adds the entities they name;
    the commitments stage adds commitments, their parties and the entities only a party names."""

    doc: Document
    sentences: tuple[SentenceRecord, ...] = ()
    words: tuple[WordRecord, ...] = ()
    mentions: tuple[MentionRecord, ...] = ()
    entities: tuple[EntityRecord, ...] = ()
    commitments: tuple[CommitmentRecord, ...] = ()
    parties: tuple[PartyRecord, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.doc.doc_id


ROW_TYPES: dict[str, type] = {
    "documents": DocumentRecord,
    "sentences": SentenceRecord,
    "tokens": WordRecord,
    "mentions": MentionRecord,
    "entities": EntityRecord,
    "commitments": CommitmentRecord,
    "commitment_parties": PartyRecord,
    "events": EventRecord,
    "quarantine": QuarantineRecord,
}
"""The row type of every batch table (``runs`` rows are ``tasks.store.runs.RunRecord``)."""
