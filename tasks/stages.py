"""What each stage of the pipeline requires and provides, like stanza's REQUIRES/PROVIDES.

Every stage package declares one ``Stage`` (``tasks.ingest.stage.STAGE``, ``tasks.nlp.analyse.STAGE``,
``tasks.entities.stage.STAGE``, ``tasks.commitments.stage.STAGE``, ``tasks.store.stage.STAGE``).
``tasks.batch.CHAIN`` puts them in order and ``check_chain`` refuses an order in which a stage would
read something nothing made yet, so a reordered or half-removed pipeline fails at flow start with the
names, not deep inside a batch.

Names: ``document`` (an ingested article), ``sentences``, ``words``, ``ner_mentions`` (the model's
spans), ``mentions`` (linked to entities), ``entities``, ``commitments``, ``parties``, ``tables``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tasks.errors import StageChainError


@dataclass(frozen=True)
class Stage:
    """A stage's contract: the names it reads (``requires``) and the names it adds (``provides``)."""

    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    doc: str = ""


def check_chain(stages: Sequence[Stage], given: Iterable[str] = ()) -> frozenset[str]:
    """Raise StageChainError at the first stage that requires a name no earlier stage provides (nor
    ``given``); returns every name the chain provides."""
    available = set(given)
    names = [s.name for s in stages]
    for stage in stages:
        missing = sorted(stage.requires - available)
        if missing:
            raise StageChainError(stage.name, missing, names)
        available |= stage.provides
    return frozenset(available)
