"""Stages declare what they require and provide; a miswired chain fails with the names."""

import dataclasses

import pytest

from tasks.batch import CHAIN, STEPS, check_batch_chain
from tasks.errors import IltizamError, StageChainError
from tasks.ingest.stage import STAGE as INGEST
from tasks.stages import Stage, check_chain


def by_name(name: str) -> Stage:
    return next(s for s in CHAIN if s.name == name)


def test_the_pipeline_chain_is_wired_and_runs_every_stage():
    assert [s.name for s in CHAIN] == ["ingest", "nlp", "entities", "commitments", "store"]
    assert check_chain(CHAIN) >= {"document", "sentences", "words", "mentions", "entities", "commitments", "tables"}
    check_batch_chain()
    assert set(STEPS) == {s.name for s in CHAIN}


def test_a_stage_before_what_it_requires_fails_naming_stage_and_inputs():
    broken = [INGEST, by_name("nlp"), by_name("commitments"), by_name("entities"), by_name("store")]
    with pytest.raises(StageChainError) as err:
        check_chain(broken)
    assert err.value.stage == "commitments" and err.value.missing == ["entities", "mentions"]
    message = str(err.value)
    assert "stage commitments requires entities, mentions" in message
    assert "ingest → nlp → commitments → entities → store" in message and "Fix:" in message


def test_a_missing_stage_fails_the_first_stage_that_needed_it():
    with pytest.raises(StageChainError, match="stage entities requires ner_mentions, sentences, words"):
        check_chain([INGEST, by_name("entities")])
    assert check_chain([by_name("nlp")], given={"document"}) >= {"sentences"}


def test_a_chain_with_a_stage_the_batch_cannot_run_is_refused():
    ghost = Stage("ghost", requires=frozenset({"document"}), provides=frozenset())
    with pytest.raises(IltizamError, match="no batch step for stage"):
        check_batch_chain((*CHAIN, ghost))
    with pytest.raises(StageChainError):
        check_batch_chain((dataclasses.replace(INGEST, provides=frozenset()), *CHAIN[1:]))
