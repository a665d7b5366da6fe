"""The rule tests' one way into the pipeline: text → stanza (the ``nlp`` fixture) → entities → commitments.

Every entity and commitment rule test reads the pipeline through these helpers, on the same typed stages
the batch runs (``analyse_documents`` → ``link_entities`` → ``find_commitments``). With the frozen ``nlp``
fixture (tests/conftest.py) they need no model.
"""

from __future__ import annotations

from typing import Any

from tasks.commitments.stage import find_commitments
from tasks.document import DocAnalysis
from tasks.entities.stage import link_entities
from tasks.ingest.reader import ingest_bytes
from tasks.nlp.analyse import analyse_documents

Mention = tuple[str, str, str, str]  # surface, type, canonical name, entity id

# the commitment tests' default headline: the article is about China and Kyrgyzstan
LEAD = "الصين وقيرغيزستان تبحثان التعاون\n"


def resolved(nlp: Any, text: str, name: str = "doc.txt") -> DocAnalysis:
    """One document through ingest, stanza and the entity stage."""
    (analysis,) = link_entities(analyse_documents(nlp, [ingest_bytes(text.encode(), name)]))
    return analysis


def mentions_of(nlp: Any, text: str, name: str = "doc.txt") -> list[Mention]:
    """The linked mentions of a text, each checked to slice the stored text."""
    a = resolved(nlp, text, name)
    canon = {e.entity_id: e.canonical_name for e in a.entities}
    for m in a.mentions:
        assert a.doc.text[m.start_char : m.end_char] == m.text
    return [(m.text, m.type, canon[m.entity_id], m.entity_id) for m in a.mentions]


def found(mentions: list[Mention], surface: str, type_: str) -> list[Mention]:
    return [m for m in mentions if m[0] == surface and m[1] == type_]


def records(nlp: Any, body: str, lead: str = LEAD) -> list[dict[str, Any]]:
    """The commitment records of a headline and body, as an analyst reads them (canonical names, the
    provenance ``rule``, each party as written), each checked to slice the stored text at its trigger, action
    and written parties."""
    (a,) = find_commitments([resolved(nlp, lead + body)])
    canon = {e.entity_id: e.canonical_name for e in a.entities}
    text = a.doc.text
    out = []
    for c in a.commitments:
        parties = [(canon[p.entity_id], p.role) for p in a.parties if p.commitment_id == c.commitment_id]
        written = {}
        for p in a.parties:
            if p.commitment_id == c.commitment_id and p.written_entity_id is not None:
                assert text[p.written_start : p.written_end] == p.written_text  # type: ignore[misc]
                written[canon[p.entity_id]] = (p.written_text, canon[p.written_entity_id])
        assert text[c.trigger_start : c.trigger_end] == c.trigger
        assert text[c.action_start : c.action_end] == c.action
        out.append({
            "trigger": c.trigger, "modality": c.modality, "polarity": c.polarity,
            "actors": sorted(n for n, r in parties if r == "actor"),
            "counterparts": sorted(n for n, r in parties if r == "counterpart"),
            "speaker": canon.get(c.speaker_entity_id) if c.speaker_entity_id else None,
            "sectors": list(c.sectors), "action": c.action, "rule": c.rule,
            "written": written,  # party → (as written, its entity's name)
        })  # fmt: skip
    return out


def of(rs: list[dict[str, Any]], modality: str) -> list[dict[str, Any]]:
    """The records of one modality, in order."""
    return [r for r in rs if r["modality"] == modality]


def only(rs: list[dict[str, Any]], trigger: str | None = None, **fields: Any) -> dict[str, Any]:
    """The one record of ``rs`` with this trigger and these field values; fails when there is none or several."""
    picked = [r for r in rs if (trigger is None or r["trigger"] == trigger)
              and all(r[k] == v for k, v in fields.items())]  # fmt: skip
    assert len(picked) == 1, f"{len(picked)} records with trigger {trigger!r} {fields} in {[r['trigger'] for r in rs]}"
    return picked[0]
