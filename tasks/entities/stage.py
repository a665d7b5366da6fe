"""The entities stage on typed analyses: the model's mentions in, linked mentions and entity rows out.

An adapter only: the linking itself is ``resolve.resolve_document`` (one document at a time), which keeps
its own working types; this module converts them from and to the rows of ``tasks.document``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from tasks.document import DocAnalysis, EntityRecord, MentionRecord
from tasks.entities.geo import geo_of
from tasks.entities.kb import KnowledgeBase
from tasks.entities.resolve import EntityRow, Mention, resolve_document
from tasks.nlp.analyse import mention_id
from tasks.stages import Stage

STAGE = Stage(
    "entities",
    requires=frozenset({"document", "sentences", "words", "ner_mentions"}),
    provides=frozenset({"mentions", "entities"}),
    doc="link mentions to the knowledge base, gazetteer, dates and names the document defines",
)


def entity_record(row: EntityRow) -> EntityRecord:
    """resolve's working row → a row of the ``entities`` table; a place gets its GeoNames facts by entity id
    (kb/geo.tsv.gz), so linking decisions never depend on them."""
    aliases = None if row.aliases is None else tuple(row.aliases)
    record = EntityRecord(row.entity_id, row.type, row.canonical_name, row.name_ar, row.iso_code, row.wikidata_id,
                          aliases, row.canonical_source)  # fmt: skip
    geo = geo_of(row.entity_id, row.type)
    if geo is None:
        return record
    return dataclasses.replace(record, geonames_id=geo.geonames_id, latitude=geo.latitude, longitude=geo.longitude,
                               admin1=geo.admin1)  # fmt: skip


def link_document(analysis: DocAnalysis, kb: KnowledgeBase | None = None) -> DocAnalysis:
    """One document: its stanza mentions, sentences and POS tags go to ``resolve_document``; the result
    replaces the mentions (every one linked, with its deterministic ``mention_id``) and sets the
    entities they name, in the order resolve found them."""
    doc = analysis.doc
    sentences = [(s.sentence_idx, s.start_char, s.end_char) for s in analysis.sentences]
    stanza_mentions = [
        Mention(m.start_char, m.end_char, m.text, m.type, "stanza", "", m.sentence_idx, m.score)
        for m in analysis.mentions
    ]
    upos_at = {w.start_char: w.upos for w in analysis.words if w.upos}  # the last word at a start wins
    mentions, rows = resolve_document(doc, sentences, stanza_mentions, upos_at or None, kb)
    linked = tuple(
        MentionRecord(mention_id(doc.doc_id, m.start, m.end, m.type, m.source), doc.doc_id, m.sentence_idx, m.start,
                      m.end, m.text, m.type, m.source, m.score, m.entity_id)
        for m in mentions
    )  # fmt: skip
    return dataclasses.replace(analysis, mentions=linked, entities=tuple(entity_record(r) for r in rows.values()))


def link_entities(analyses: Sequence[DocAnalysis], kb: KnowledgeBase | None = None) -> list[DocAnalysis]:
    """Every document of a batch through ``link_document``."""
    return [link_document(a, kb) for a in analyses]
