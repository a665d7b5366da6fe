"""The ``events`` table: each commitment as an event record in the layout PLOVER/POLECAT users know.

Why a table of its own: an event-data analyst wants one row with who did what to whom, when, with names and
country codes, not four tables to join. Everything here is derived from a ``DocAnalysis`` the commitments
stage finished (no new analysis), so the events of a batch are written with its other tables. The mapping
(modality → PLOVER category and mode, sector → context, entity → actor kind) is data: ``plover.toml``
beside this module; alpha-2 → alpha-3 codes come from ``kb/iso3166.tsv`` (``python -m tasks.build.iso3166``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tasks.document import CommitmentRecord, DocAnalysis, EntityRecord, EventRecord
from tasks.entities.kb import KB_DIR, KnowledgeBase, load_kb
from tasks.errors import ConfigError, TableContractError

MAPPING_FILE = "plover.toml"
ISO3166_FILE = KB_DIR / "iso3166.tsv"
SOURCES = ("actors", "counterparts", "speaker")
"""Where an event's actor and recipient can come from (plover.toml ``actor`` / ``recipient``)."""


@dataclass(frozen=True)
class EventRule:
    """One row of plover.toml's ``[[event]]``: a (modality, polarity) and what it becomes."""

    event_type: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]


@dataclass(frozen=True)
class PloverMapping:
    """plover.toml, parsed and checked."""

    events: Mapping[tuple[str, str], EventRule]
    context: Mapping[str, tuple[str, ...]]
    kind_by_subtype: Mapping[str, str]
    kind_by_type: Mapping[str, str]


def _sources(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or any(v not in SOURCES for v in value):
        raise ConfigError(f"{where}: {value!r} is not a list of sources", path=MAPPING_FILE,
                          fix=f"give a non-empty list of {', '.join(SOURCES)}")  # fmt: skip
    return tuple(value)


def parse_mapping(data: Mapping[str, Any]) -> PloverMapping:
    """The parsed TOML → a checked mapping; a (modality, polarity) given twice is an error."""
    defaults = data.get("defaults", {})
    events: dict[tuple[str, str], EventRule] = {}
    for row in data.get("event", []):
        key = (row["modality"], row["polarity"])
        if key in events:
            raise ConfigError(f"{key[0]}/{key[1]} is mapped twice", path=MAPPING_FILE, fix="keep one [[event]] row")
        events[key] = EventRule(
            row["event_type"],
            row.get("mode"),
            _sources(row.get("actor", defaults.get("actor")), f"{key[0]}/{key[1]} actor"),
            _sources(row.get("recipient", defaults.get("recipient")), f"{key[0]}/{key[1]} recipient"),
        )
    kind = data.get("kind", {})
    return PloverMapping(
        events=events,
        context={s: tuple(c) for s, c in data.get("context", {}).items()},
        kind_by_subtype=dict(kind.get("subtype", {})),
        kind_by_type=dict(kind.get("type", {})),
    )


@cache
def load_mapping() -> PloverMapping:
    """plover.toml beside this module, parsed once per process."""
    text = resources.files("tasks.store").joinpath(MAPPING_FILE).read_text(encoding="utf-8")
    return parse_mapping(tomllib.loads(text))


@cache
def load_iso3(path: Path = ISO3166_FILE) -> Mapping[str, str]:
    """Alpha-2 → alpha-3 from kb/iso3166.tsv (comment lines and the header skipped)."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("alpha2\t"):
            continue
        a2, a3, *_ = line.split("\t")
        table[a2] = a3
    return table


@dataclass(frozen=True)
class Party:
    """What an event says about one actor or recipient."""

    name: str
    entity_id: str
    wikidata_id: str | None
    iso2: str | None
    iso3: str | None
    kind: str


def party(entity_id: str, entities: Mapping[str, EntityRecord], kb: KnowledgeBase) -> Party:
    """An entity as an event party: its English name, codes and kind. iso2 is the entity's own code (a state)
    or, for a KB entity that belongs to a state (a ministry, a person, a company, a city), that state's."""
    ent = entities.get(entity_id)
    if ent is None:
        raise TableContractError("events", f"party {entity_id} is not among the batch's entities",
                                 "the commitments stage must add every party to its document's entities")  # fmt: skip
    mapping = load_mapping()
    known = kb.entities.get(entity_id)
    iso2 = ent.iso_code or (known.country if known is not None else None)
    kind = mapping.kind_by_subtype.get(known.subtype or "") if known is not None else None
    return Party(
        name=ent.canonical_name,
        entity_id=entity_id,
        wikidata_id=ent.wikidata_id,
        iso2=iso2,
        iso3=load_iso3().get(iso2) if iso2 else None,
        kind=kind or mapping.kind_by_type.get(ent.type, "other"),
    )


def _first(sources: Sequence[str], available: Mapping[str, Sequence[str]], exclude: set[str]) -> list[str]:
    """The first source that is not empty once ``exclude`` is removed, without repeats."""
    for s in sources:
        ids = list(dict.fromkeys(i for i in available[s] if i not in exclude))
        if ids:
            return ids
    return []


def date_source(analysis: DocAnalysis, commitment: CommitmentRecord) -> str | None:
    """Where the commitment's date came from: its document's date source (documents.document_date_source:
    dateline, published or text; tasks.commitments.stage.document_date), None when it has no date (a date
    from the file's modification time dates no commitment)."""
    if commitment.date is None:
        return None
    return analysis.doc.document_date_source


def event_rows(
    analysis: DocAnalysis,
    entities: Mapping[str, EntityRecord],
    model_version: str | None,
    pipeline_version: str | None,
    kb: KnowledgeBase | None = None,
) -> list[EventRecord]:
    """One ``events`` row per commitment of the document, in commitment order. ``entities`` are the batch's
    (the first document naming an entity gives its row, as in the entities table)."""
    kb = kb or load_kb()
    mapping = load_mapping()
    sentences = {s.sentence_idx: s for s in analysis.sentences}
    roles: dict[str, dict[str, list[str]]] = {}
    written: dict[tuple[str, str], str] = {}  # (commitment, party) → the entity the sentence names for it
    for p in analysis.parties:
        roles.setdefault(p.commitment_id, {}).setdefault(p.role, []).append(p.entity_id)
        if p.written_entity_id:
            written.setdefault((p.commitment_id, p.entity_id), p.written_entity_id)
    rows = []
    for c in analysis.commitments:
        rule = mapping.events.get((c.modality, c.polarity))
        if rule is None:
            raise TableContractError("events", f"no PLOVER mapping for {c.modality}/{c.polarity}",
                                     f"add an [[event]] row for it to tasks/store/{MAPPING_FILE}")  # fmt: skip
        got = roles.get(c.commitment_id, {})
        available = {"actors": got.get("actor", []), "counterparts": got.get("counterpart", []),
                     "speaker": [c.speaker_entity_id] if c.speaker_entity_id else []}  # fmt: skip
        actor_ids = _first(rule.actor, available, set())
        recipient_ids = _first(rule.recipient, available, set(actor_ids))
        actors = [party(i, entities, kb) for i in actor_ids]
        recipients = [party(i, entities, kb) for i in recipient_ids]
        # as written: the minister or ministry the sentence names for a state, else the party itself
        actors_w = [party(written.get((c.commitment_id, i), i), entities, kb) for i in actor_ids]
        recipients_w = [party(written.get((c.commitment_id, i), i), entities, kb) for i in recipient_ids]
        speaker = entities.get(c.speaker_entity_id) if c.speaker_entity_id else None
        sentence = sentences.get(c.sentence_idx)
        contexts = dict.fromkeys(x for s in c.sectors or () for x in mapping.context.get(s, ()))
        rows.append(EventRecord(
            event_id=c.commitment_id, doc_id=c.doc_id, event_date=c.date, date_source=date_source(analysis, c),
            event_type=rule.event_type, mode=rule.mode,
            actor_names=tuple(p.name for p in actors), actor_entity_ids=tuple(p.entity_id for p in actors),
            actor_wikidata_ids=tuple(p.wikidata_id for p in actors), actor_iso2=tuple(p.iso2 for p in actors),
            actor_iso3=tuple(p.iso3 for p in actors), actor_kinds=tuple(p.kind for p in actors),
            actor_written_names=tuple(p.name for p in actors_w), actor_written_kinds=tuple(p.kind for p in actors_w),
            recipient_names=tuple(p.name for p in recipients),
            recipient_entity_ids=tuple(p.entity_id for p in recipients),
            recipient_wikidata_ids=tuple(p.wikidata_id for p in recipients),
            recipient_iso2=tuple(p.iso2 for p in recipients), recipient_iso3=tuple(p.iso3 for p in recipients),
            recipient_kinds=tuple(p.kind for p in recipients),
            recipient_written_names=tuple(p.name for p in recipients_w),
            recipient_written_kinds=tuple(p.kind for p in recipients_w),
            speaker_name=speaker.canonical_name if speaker else None, speaker_entity_id=c.speaker_entity_id,
            sectors=c.sectors, plover_context=tuple(contexts),
            trigger=c.trigger, modality=c.modality, polarity=c.polarity,
            sentence_text=sentence.text if sentence else None,  # type: ignore[arg-type]  # to_table refuses it
            sentence_start=sentence.start_char if sentence else None,  # type: ignore[arg-type]
            sentence_end=sentence.end_char if sentence else None,  # type: ignore[arg-type]
            source_path=analysis.doc.source_path, rule=c.rule,
            model_version=model_version, pipeline_version=pipeline_version,
        ))  # fmt: skip
    return rows


def batch_events(
    analyses: Sequence[DocAnalysis],
    entities: Mapping[str, EntityRecord],
    model_version: str | None,
    pipeline_version: str | None,
) -> list[EventRecord]:
    """The events of a batch, documents in batch order."""
    kb = load_kb()
    return [e for a in analyses for e in event_rows(a, entities, model_version, pipeline_version, kb)]
