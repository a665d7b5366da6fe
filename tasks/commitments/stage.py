"""The commitments stage on typed analyses: linked mentions in, commitments and their parties out.

An adapter only: the tagging itself is ``tagger.tag_document`` (one document at a time), which keeps its
own working types; this module converts them from and to the rows of ``tasks.document``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from tasks.commitments.constants import ISO_DATE_LENGTH
from tasks.commitments.tagger import Commitment, MentionRef, tag_document
from tasks.document import CommitmentRecord, DocAnalysis, PartyRecord
from tasks.entities.kb import KnowledgeBase, load_kb
from tasks.entities.resolve import kb_row
from tasks.entities.stage import entity_record
from tasks.ingest.constants import STATED_DATE_SOURCES
from tasks.stages import Stage

STAGE = Stage(
    "commitments",
    requires=frozenset({"document", "sentences", "mentions", "entities"}),
    provides=frozenset({"commitments", "parties"}),
    doc="commitment cues with modality, polarity, action, sectors, actors, counterparts and speaker",
)


def document_date(analysis: DocAnalysis) -> dt.date | None:
    """A commitment's date is its document's (documents.document_date: the dateline's, else the publication
    stamp's, else a date the text gives as its own) when the article states it; a file's modification time is
    the day it was saved or copied, not published, so it dates no commitment (STATED_DATE_SOURCES)."""
    doc = analysis.doc
    if doc.document_date is None or doc.document_date_source not in STATED_DATE_SOURCES:
        return None
    return dt.date.fromisoformat(doc.document_date[:ISO_DATE_LENGTH])


def commitment_rows(
    records: Sequence[Commitment], text: str
) -> tuple[tuple[CommitmentRecord, ...], tuple[PartyRecord, ...]]:
    """tagger's records → rows of ``commitments`` and ``commitment_parties`` (actors first, then counterparts;
    ``text`` is the document's, which the parties' written spans index)."""
    commitments: list[CommitmentRecord] = []
    parties: list[PartyRecord] = []
    for r in records:
        commitments.append(CommitmentRecord(
            r.commitment_id, r.doc_id, r.sentence_idx, r.trigger, r.trigger_start, r.trigger_end, r.modality,
            r.polarity, r.action, r.action_start, r.action_end, None if r.sectors is None else tuple(r.sectors),
            r.speaker.entity_id if r.speaker else None, r.date, r.confidence, r.rule,
        ))  # fmt: skip
        for role, group in (("actor", r.actors), ("counterpart", r.counterparts)):
            for p in group:
                m = r.written.get(p.entity_id)
                parties.append(PartyRecord(r.commitment_id, p.entity_id, role) if m is None else PartyRecord(
                    r.commitment_id, p.entity_id, role, m.entity_id, text[m.start : m.end], m.start, m.end))
    return tuple(commitments), tuple(parties)


def tag_one(analysis: DocAnalysis, canon: Mapping[str, str], kb: KnowledgeBase) -> DocAnalysis:
    """One document through ``tag_document``. A party that no mention of the document names (the five
    states behind «دول آسيا الوسطى») is added to the document's entities from the knowledge base."""
    doc = analysis.doc
    mentions = [MentionRef(m.start_char, m.end_char, m.type, m.entity_id or "") for m in analysis.mentions]
    if doc.dateline_span:  # «دبي، الإمارات العربية المتحدة (CNN)» places the reporter, not a party
        ds, de = doc.dateline_span
        mentions = [m for m in mentions if not (ds <= m.start and m.end <= de)]
    sentences = [(s.sentence_idx, s.start_char, s.end_char) for s in analysis.sentences]
    records = tag_document(doc.doc_id, doc.text, sentences, mentions, canon, document_date(analysis), kb, doc.title)
    commitments, parties = commitment_rows(records, doc.text)
    entities = list(analysis.entities)
    known = {e.entity_id for e in entities}
    for r in records:
        for p in [*r.actors, *r.counterparts]:
            if p.entity_id not in known and p.entity_id in kb.entities:
                known.add(p.entity_id)
                entities.append(entity_record(kb_row(kb.entities[p.entity_id])))
    return dataclasses.replace(analysis, entities=tuple(entities), commitments=commitments, parties=parties)


def find_commitments(analyses: Sequence[DocAnalysis], kb: KnowledgeBase | None = None) -> list[DocAnalysis]:
    """Every document of a batch through ``tag_one``. Names of non-KB entities come from the whole batch
    (the first document naming an entity gives its canonical name), as the entities table keeps them."""
    kb = kb or load_kb()
    canon: dict[str, str] = {}
    for a in analyses:
        for e in a.entities:
            canon.setdefault(e.entity_id, e.canonical_name)
    return [tag_one(a, canon, kb) for a in analyses]
