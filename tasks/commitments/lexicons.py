"""The commitment tagger's word lists, read once from ``lexicons.toml`` next to this module.

The data file says what each list is for; this module gives every list a name and the form the rules match
on: entries normalised with ``tasks.text.normalize`` (as the tagger matches normalised text), in file order as
tuples where order or a regex alternation needs it, as frozensets where only membership counts.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tasks.commitments.families import PRONOUNS
from tasks.text.normalize import normalize

LEXICONS_PATH = Path(__file__).with_name("lexicons.toml")


def load_tables(path: Path = LEXICONS_PATH) -> dict[str, Any]:
    """The TOML tables as written (the tests check them; the rules use the names below)."""
    with path.open("rb") as f:
        return tomllib.load(f)


_TABLES = load_tables()


def entries(table: Mapping[str, Any], key: str = "words") -> tuple[str, ...]:
    """One list in file order, normalised unless its table is ``verbatim``."""
    words = table[key]
    return tuple(words) if table.get("verbatim", False) else tuple(normalize(w) for w in words)


def _words(name: str) -> tuple[str, ...]:
    return entries(_TABLES[name])


def _set(name: str) -> frozenset[str]:
    return frozenset(_words(name))


def _by_key(name: str) -> Mapping[str, tuple[str, ...]]:
    """A table of lists (modality → cues, sector → words), in file order."""
    table = _TABLES[name]
    return MappingProxyType({key: entries(table, key) for key in table})


# modality → cue words; modalities in file order (an earlier modality keeps a span first)
CUES = _by_key("cues")
# the agreement cues in the passive perfect («تم الاتفاق», «جرى التوافق»): their parties are named after «بين»
PASSIVE_PERFECT_AUXILIARIES = frozenset(normalize(w) for w in ("تم", "جرى"))
PASSIVE_AGREEMENT_CUES = frozenset(c for c in CUES["agreement"] if c.split()[0] in PASSIVE_PERFECT_AUXILIARIES)
# sector → words of the action span; sectors in file order (the order of a commitment's sectors)
SECTORS = _by_key("sectors")
TIME_HAS_COME = _set("time_has_come")
STANCE_VERBS = _set("stance_verbs")
NOT_COMMITMENT_VERBS = _set("not_commitment_verbs")
NEGATION_WORDS = _words("negation_words")
LITOTES = _words("litotes")
EXPECTATION_PHRASES = _words("expectation_phrases")
REPORTING_WORDS = _words("reporting_words")
TURN_PHRASES = _words("turn_phrases")
CLAUSE_BREAK_WORDS = _words("clause_break_words")
CLAUSE_START_WORDS = _words("clause_start_words")
COUNTERPART_PREPOSITIONS = _words("counterpart_prepositions")
PARTNER_WORDS = _words("partner_words")
# title and side words, and «نظير» with every possessive pronoun (``counterpart_head_bases`` × families.PRONOUNS)
COUNTERPART_HEADS = _set("counterpart_heads") | frozenset(
    b + p for b in _words("counterpart_head_bases") for p in PRONOUNS
)
COUNTERPART_EACH_OF = tuple(_words("counterpart_each_of"))
UNNAMED_SOURCES = _set("unnamed_sources")
REPORTING_NOUNS = _words("reporting_nouns")
TIME_BEFORE_WORDS = _words("time_before_words")
SUBJECT_FIRST_OPENERS = _set("subject_first_openers")
HARM_WORDS = _set("harm_words")
SPEAKER_CONTINUATIONS = _set("speaker_continuations")
PRESENT_REPORTING_WORDS = _words("present_reporting_words")
OBJECT_COUNTERPART_MODALITIES = _set("object_counterpart_modalities")
OBJECT_NOT_AFTER = _set("object_not_after")
MEASURE_NOUNS = _words("measure_nouns")
TARGET_PREPOSITIONS = _words("target_prepositions")
SPEECH_ACT_PLEDGE_STEMS = _words("speech_act_pledge_stems")
COMPANY_HEADS = _words("company_heads")
NAMED_PROCESS_NOUNS = _words("named_process_nouns")
PEOPLE_HEADS = _words("people_heads")
THING_HEADS = _words("thing_heads")
DOCUMENT_STEMS = _words("document_stems")
STATEMENT_STEMS = _words("statement_stems")
SIGNED_NOT_NEXT = _set("signed_not_next")
CONSENT_NOT_OBJECTS = _set("consent_not_objects")
CONSENT_NOT_SUBJECTS = _set("consent_not_subjects")
SIGNING_TIME_WORDS = _words("signing_time_words")
SELF_WORDS = _set("self_words")
NON_SUBJECT_STARTS = _set("non_subject_starts")
UNNAMED_BODY_WORDS = _set("unnamed_body_words")
CALLER_BODY_HEADS = _set("caller_body_heads")
RELEASE_NOUNS = _words("release_nouns")
MEETING_HOPE_NOUNS = _words("meeting_hope_nouns")
MEETING_NOUNS = _words("meeting_nouns")
CALLED_MEETING_NOUNS = _words("called_meeting_nouns")
UPON_NOT_ACTS = _set("upon_not_acts")
UPON_HEADS = _words("upon_heads")
UPON_OPENERS = _words("upon_openers")
SUBJECT_NOT_AFTER = _set("subject_not_after")
STATE_COPULAS = _words("state_copulas")
PLACE_PREPOSITIONS = _words("place_prepositions")
PRONOUN_SUBJECTS = _set("pronoun_subjects")
TITLE_FILLERS = _set("title_fillers")
TITLE_CHAIN_WORDS = _set("title_chain_words")
STATE_FORM_WORDS = _set("state_form_words")
TITLE_HEADS = _set("title_heads")
POST_NAME_TITLES = _set("post_name_titles")
OFFICE_TITLES = TITLE_HEADS | _set("office_titles")
STATE_BODY_HEADS = _set("state_body_heads")
STATE_ORGAN_HEADS = _set("state_organ_heads")
SPORTS_WORDS = _set("sports_words")
BEFORE_CUE_CLAUSE_OPENERS = _set("before_cue_clause_openers")
WRITER_THINKING_VERBS = _words("writer_thinking_verbs")
WRITER_PHRASES = _words("writer_phrases")
INTERVIEW_MARKERS = _words("interview_markers")
ACTION_PARTY_NOT_AFTER = _set("action_party_not_after")
PARTY_WORDS = _set("party_words")
PARTY_STEMS = _words("party_stems")
GROUP_HEADS = _words("group_heads")
THREE_WORDS = _words("three_words")
MEDIA_OUTLETS = _words("media_outlets")
RELATIVE_PRONOUNS = _words("relative_pronouns")
DUAL_RELATIVE_PRONOUNS = _words("dual_relative_pronouns")
MA_RELATIVES = _words("ma_relatives")
COMPLEMENTIZERS = _words("complementizers")
VSO_COMPLEMENTIZERS = _words("vso_complementizers")
SPEAKER_PRONOUN_COMPLEMENTIZERS = _set("speaker_pronoun_complementizers")
ANNOUNCE_VERBS = _words("announce_verbs")
VISIT_WORDS = _words("visit_words")
NOMINAL_ADDRESSEE_STEMS = _words("nominal_addressee_stems")
SIGNING_NOUNS = _words("signing_nouns")
CALL_ACT_WORDS = _set("call_act_words")
URGE_ACT_WORDS = _set("urge_act_words")
NOT_ACT_WORDS = _set("not_act_words")
CALL_SKIP_WORDS = _set("call_skip_words")
REQUEST_NOT_ACTS = _set("request_not_acts")
CALL_PREPOSITIONS = _set("call_prepositions")
CALL_OBJECT_HEADS = _set("call_object_heads")

# nouns that may head a subject before a party in the construct state (arguments._genitive_of_a_thing)
AGENT_HEADS = (_set("agent_heads") | OFFICE_TITLES | STATE_BODY_HEADS | COUNTERPART_HEADS | UNNAMED_BODY_WORDS
               | PARTY_WORDS | TITLE_FILLERS)
