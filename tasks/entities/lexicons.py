"""The entity stage's word lists, read once at import from ``lexicons.toml`` beside this module.

Why a data file: the lists are language data that grow with every corpus, and editing them should not mean
reading rule code. This module folds each list exactly as its rule compares it: ``normalize`` for lookup keys
(sets of keys, heads with their trailing space), the raw words for regex alternations and prefixes (in the
listed order, which those rules depend on).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from tasks.text.normalize import normalize

LEXICON_FILE = "lexicons.toml"


def load_data() -> dict[str, Any]:
    """The parsed TOML file (tests read it to check the raw lists)."""
    text = resources.files("tasks.entities").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


_DATA = load_data()
_CLITICS: dict[str, Any] = _DATA["clitics"]
_NAMES: dict[str, Any] = _DATA["names"]
_HEADS: dict[str, Any] = _DATA["heads"]
_PLACES: dict[str, Any] = _DATA["places"]
_DATES: dict[str, Any] = _DATA["dates"]


def _keys(words: Iterable[str]) -> frozenset[str]:
    """Lookup keys: each word normalised, order irrelevant."""
    return frozenset(normalize(w) for w in words)


def _heads(words: Iterable[str]) -> tuple[str, ...]:
    """Key prefixes: each word normalised with the space that separates it from the name after it."""
    return tuple(normalize(w) + " " for w in words)


def _latin_letters(entries: Iterable[str]) -> MappingProxyType[str, tuple[str, ...]]:
    """Arabic letter name (normalised) → the Latin letters it spells, in the order listed («بي» → B, P)."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        letter, *names = entry.split()
        for name in names:
            key = normalize(name)
            if letter not in out.get(key, ()):
                out[key] = (*out.get(key, ()), letter)
    return MappingProxyType(out)


# clitics and letters
PROCLITICS: tuple[str, ...] = tuple(_CLITICS["proclitics"])
ARTICLE: str = _CLITICS["article"]
LAM_ARTICLE: str = _CLITICS["lam_article"]
LAM_PREPOSITION: str = _CLITICS["lam_preposition"]
CONJUNCTION: str = _CLITICS["conjunction"]
PREPOSITION_LETTERS: str = _CLITICS["preposition_letters"]
MISSPLIT_LETTERS: str = _CLITICS["missplit_letters"]
FUTURE_PREFIX: str = _CLITICS["future_prefix"]
FUTURE_PERSON_LETTERS: str = _CLITICS["future_person_letters"]

# person names
NAME_STOP: frozenset[str] = _keys(_NAMES["stop"])
BIN_WORDS: frozenset[str] = _keys(_NAMES["bin"])
SPEAKER_VERBS: frozenset[str] = _keys(_NAMES["speaker_verbs"])
SPEAKER_AFTER: tuple[str, ...] = tuple(normalize(w) for w in _NAMES["speaker_after"])
SPEAKER_AFTER_PREPOSITIONS: frozenset[str] = _keys(_NAMES["speaker_after_prepositions"])
SPEECH_VERBS: frozenset[str] = _keys(_NAMES["speech_verbs"])
SPEAKER_NOT_NAMES: frozenset[str] = _keys(_NAMES["speaker_not_names"])
SPEAKER_PRONOUNS: tuple[str, ...] = tuple(normalize(w) for w in _NAMES["speaker_pronouns"])
COUNTERPART: frozenset[str] = _keys(_NAMES["counterpart"])
OWN_PORTFOLIO: frozenset[str] = _keys(_NAMES["own_portfolio"])
# dotted acronyms («سي.بي.إس»): Arabic letter names → Latin letters
LATIN_LETTERS = _latin_letters(_DATA["latin_letters"]["letters"])
# «مدير عام الصندوق ميتسوهيرو فوروساوا»: the organisation an office belongs to, named by its definite head
DEFINITE_ORG_HEADS: frozenset[str] = frozenset(normalize("ال" + w) for w in (*_HEADS["org"], *_HEADS["span_heads_org"]))
NAME_CONNECTORS: frozenset[str] = _keys(_NAMES["connectors"])
LIST_NOT_FIRST: frozenset[str] = _keys(_NAMES["list_not_first"])
BLESSING_VERBS: frozenset[str] = _keys(_NAMES["blessing_verbs"])
TITLE_NOT_FIRST: frozenset[str] = _keys(_NAMES["title_not_first"])
CHAIN_PLACE_HEADS: frozenset[str] = _keys(_NAMES["chain_place_heads"])
TERRITORIAL_TITLES: frozenset[str] = _keys(_NAMES["territorial_titles"])
FEMALE_PERSON_HEADS: frozenset[str] = _keys(_NAMES["female_person_heads"])
BORN_AFTER: frozenset[str] = _keys(_NAMES["born_after"])
PROFESSION_HEADS: frozenset[str] = _keys(_NAMES["profession_heads"])
NAME_PARTS_WITH_AL: frozenset[str] = _keys(_NAMES["parts_with_al"])
HONORIFICS: tuple[str, ...] = tuple(normalize(w) for w in _NAMES["honorifics"])
HONORIFIC_FORMS: tuple[str, ...] = tuple(_NAMES["honorific_forms"])
ABD: str = _NAMES["abd"]
PATRONYM_LINKS: tuple[str, ...] = tuple(_NAMES["patronym_links"])
FAMILY_ARTICLE: str = _NAMES["family_article"]

# head nouns
PLACE_HEADS: tuple[str, ...] = _heads(_HEADS["place"])
FACILITY_HEADS: frozenset[str] = _keys(_HEADS["facility"])
RULER_ORG_HEADS: tuple[str, ...] = tuple(_HEADS["named_after_ruler_org"])
RULER_PLACE_HEADS: tuple[str, ...] = tuple(_HEADS["named_after_ruler_place"])
RULER_CITY_HEAD: str = _HEADS["named_after_ruler_city"]
ROYAL_TITLES: tuple[str, ...] = tuple(_HEADS["royal_titles"])
FACILITY_BEFORE_PLACE: tuple[str, ...] = tuple(_HEADS["facility_before_place"])
ORG_HEADS: frozenset[str] = _keys(_HEADS["org"])
NAME_ALIAS_HEADS: frozenset[str] = _keys(_HEADS["name_alias_heads"])
MEMBER_HEADS: frozenset[str] = _keys(_HEADS["member_heads"])
MEMBER_HEAD_SUBTYPES: frozenset[str] = frozenset(_HEADS["member_head_subtypes"])
ORG_TYPE_HEADS: tuple[str, ...] = tuple(_HEADS["org_type_heads"])
QUOTED_MISC_HEADS: frozenset[str] = _keys(_HEADS["quoted_name_misc"])
QUOTED_NAME_HEADS: tuple[str, ...] = tuple(_HEADS["quoted_name_org"]) + tuple(_HEADS["quoted_name_misc"])
MISC_HEADS: frozenset[str] = _keys(_HEADS["misc"])
ORG_GENERIC_HEADS: tuple[str, ...] = _heads(_HEADS["org_generic"])
ORG_NAME_PREFIX: str = _heads([_HEADS["org_name_prefix"]])[0]
NAMED_PROCESS_HEADS: tuple[str, ...] = tuple(_HEADS["named_process"])
PROCESS_NEEDING_TAIL: str = normalize(_HEADS["process_needing_tail"])
PEACE_TAIL: str = _HEADS["peace_tail"]
GENERIC_INSTITUTIONS: frozenset[str] = _keys(_HEADS["generic_institutions"])
EVENT_BEFORE_NAME: tuple[str, ...] = tuple(_HEADS["event_before_name"])
ORG_BEFORE_CITY: tuple[str, ...] = tuple(_HEADS["org_before_city"])
SPAN_HEADS: Mapping[str, str] = MappingProxyType(
    {**{normalize(w): "ORG" for w in _HEADS["span_heads_org"]},
     **{normalize(w): "MISC" for w in _HEADS["span_heads_misc"]}}
)
SPAN_HEADS_RAW: tuple[str, ...] = (*_HEADS["span_heads_org"], *_HEADS["span_heads_misc"])
NISBA_BODY_HEADS: tuple[str, ...] = tuple(_HEADS["nisba_body_heads"])
NATIONAL_TEAM: str = _HEADS["national_team"]
TEAM_SPORT_PREFIX: str = normalize(_HEADS["team_sport_prefix"])
FOOTBALL: str = normalize(_HEADS["football"])
TEAM_NICKNAMES: Mapping[str, str] = MappingProxyType({normalize(k): v for k, v in _DATA["team_nicknames"].items()})

# places
LOCATIVE_CUES: frozenset[str] = _keys(_PLACES["locative_cues"])
CAPITAL_AFFIXES: tuple[str, ...] = tuple(normalize(w) for w in _PLACES["capital_affixes"])
HOST_TIME_WORDS: tuple[str, ...] = tuple(_PLACES["host_time_words"])
HOST_PREPOSITIONS: tuple[str, ...] = tuple(_PLACES["host_prepositions"])
PLURAL_NISBA_ENDINGS: tuple[str, ...] = tuple(_PLACES["plural_nisba_endings"])
FACILITY_ENGLISH: Mapping[str, str] = MappingProxyType({normalize(k): v for k, v in _DATA["facility_english"].items()})

# dates
WEEKDAYS: Mapping[str, str] = MappingProxyType(dict(_DATES["weekdays"]))
DECADES: Mapping[str, int] = MappingProxyType(dict(_DATES["decades"]))
YEAR_CUES: tuple[str, ...] = tuple(_DATES["year_cues"])
YEAR_NOUNS: tuple[str, ...] = tuple(_DATES["year_nouns"])
MONTH_YEAR_NOUNS: tuple[str, ...] = tuple(_DATES["month_year_nouns"])
DAY_OF: tuple[str, ...] = tuple(_DATES["day_of"])
ORDINAL_DAYS: Mapping[str, int] = MappingProxyType(dict(_DATES["ordinal_days"]))
PERCENT_AFTER: tuple[str, ...] = tuple(_DATES["percent_after"])
BARE_YEAR_FOLLOWERS: tuple[str, ...] = tuple(_DATES["bare_year_followers"])
CENTURY: str = _DATES["century"]
CENTURY_OF: str = _DATES["century_of"]
CENTURY_QUALIFIERS: tuple[str, ...] = tuple(_DATES["century_qualifiers"])
KAF = "ك"  # the proclitic «ك» (as, like), tasks/entities/resolve._kaf_reading_doubtful
BA = "ب"  # the preposition «ب», tasks/entities/resolve._short_form_doubtful
# Letters that normalise to a plain one and that writers drop more often than add: a surface that carries one its
# name lacks is another word («قوة» force for Guo's «قوه», «بأن» that for Ban's «بان»); «ى» and «ي» swap both ways
MARKED_LETTERS = frozenset("أإآؤئة")
YA_FORMS = frozenset("يى")
