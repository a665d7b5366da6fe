"""The entity stage's word lists (tasks/entities/lexicons.toml) and named constants: they load, each entry says
what it is for, the folded values are what the rules compare, and nothing is defined that no rule uses."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.entities import constants as C
from tasks.entities import lexicons as lex
from tasks.text.normalize import normalize
from tests.lexicon_checks import (
    assert_commented,
    assert_every_name_used,
    assert_immutable,
    assert_no_duplicates,
    assert_read_by_loader,
)

PACKAGE = Path(lex.__file__).parent
TOML_TEXT = resources.files("tasks.entities").joinpath(lex.LEXICON_FILE).read_text(encoding="utf-8")
DATA = lex.load_data()
# tables whose keys are data (a word → its value): one comment above the table says what it is for
MAPPING_TABLES = {"facility_english", "team_nicknames", "dates.weekdays", "dates.decades", "dates.ordinal_days"}


def test_every_entry_and_mapping_table_has_a_comment_above_it() -> None:
    assert_commented(TOML_TEXT, MAPPING_TABLES)


def test_raw_lists_have_no_duplicates() -> None:
    assert_no_duplicates(DATA)


def test_every_toml_entry_is_read_by_the_loader() -> None:
    assert_read_by_loader(DATA, PACKAGE, MAPPING_TABLES)


def test_keys_are_normalised_as_the_rules_compare_them() -> None:
    for name in ("NAME_STOP", "COUNTERPART", "NAME_CONNECTORS", "NAME_PARTS_WITH_AL", "FACILITY_HEADS", "ORG_HEADS",
                 "MISC_HEADS", "GENERIC_INSTITUTIONS", "LOCATIVE_CUES", "HONORIFICS"):  # fmt: skip
        for key in getattr(lex, name):
            assert key == normalize(key), (name, key)
    for heads in (lex.PLACE_HEADS, lex.ORG_GENERIC_HEADS, (lex.ORG_NAME_PREFIX,)):
        for head in heads:
            assert head.endswith(" ") and head == normalize(head), head
    assert lex.NAME_STOP == {normalize(w) for w in DATA["names"]["stop"]}
    assert lex.ORG_NAME_PREFIX == "منظمه " and lex.PROCESS_NEEDING_TAIL == "عمليه"
    assert lex.CAPITAL_AFFIXES == ("مدينه ", " العاصمه", " سيتي")  # order of removal
    assert set(lex.FACILITY_ENGLISH) == {normalize(k) for k in DATA["facility_english"]}


def test_regex_alternations_keep_the_raw_words_in_listed_order() -> None:
    assert lex.NAMED_PROCESS_HEADS == ("اتفاق", "اتفاقية", "معاهدة", "محادثات", "عملية")
    assert lex.PROCLITICS[:3] == ("وب", "ول", "وك") and lex.PROCLITICS[-5:] == ("و", "ف", "ب", "ل", "ك")
    assert lex.YEAR_CUES[:2] == ("عام", "العام") and lex.PERCENT_AFTER[0] == "%"
    assert lex.MONTH_YEAR_NOUNS[0] == "عام" and lex.DAY_OF == ("من شهر", "من")  # longer first


def test_lists_agree_with_each_other() -> None:
    assert set(lex.HONORIFIC_FORMS) <= set(DATA["names"]["honorifics"])
    assert {normalize(h) for h in lex.FACILITY_BEFORE_PLACE} <= lex.FACILITY_HEADS
    assert set(lex.FACILITY_ENGLISH) <= lex.FACILITY_HEADS
    assert lex.ORG_NAME_PREFIX.strip() in lex.ORG_HEADS
    assert {normalize(h) for h in lex.NAMED_PROCESS_HEADS} <= lex.MISC_HEADS
    assert sorted(set(lex.ORDINAL_DAYS.values())) == list(range(1, 32))
    assert set(lex.WEEKDAYS.values()) == {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
    assert sorted(set(lex.DECADES.values())) == list(range(20, 100, 10))
    assert all(pattern.count("{}") == 1 for pattern in lex.FACILITY_ENGLISH.values())


def test_loaded_values_are_immutable() -> None:
    assert_immutable(lex)


@pytest.mark.parametrize(("module", "defined_in"), [(lex, "lexicons.py"), (C, "constants.py")])
def test_every_name_is_used_by_a_rule(module: object, defined_in: str) -> None:
    assert_every_name_used(module, PACKAGE, defined_in)


def test_scores_keep_their_order() -> None:
    """The order of the scores is what the rules rely on: a curated KB name is surer than a guess."""
    order = [C.DATE_SCORE, C.KB_NAME_SCORE, C.KB_NISBA_SCORE, C.KB_SHORT_SCORE, C.TITLE_PERSON_SCORE,
             C.NAMED_PROCESS_SCORE, C.CONTEXT_SCORE]  # fmt: skip
    assert order == sorted(order, reverse=True) and 0 < order[-1] and order[0] <= 1
    assert C.FUZZY_MAX_COUNT < C.FREQUENT and C.RARE_WORD_MAX_COUNT <= C.FUZZY_MAX_COUNT


_NAME_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويأإآؤئةى"


@given(st.text(alphabet=_NAME_LETTERS, min_size=1, max_size=8))
def test_a_name_written_plainly_is_still_the_name(name):
    """Dropping a hamza seat or the dots of ة (ordinary writing: «اردوغان») never makes a name another word; a
    marked letter the name lacks always does («بأن» is no «بان», «قوة» no «قوه»)."""
    from tasks.entities.lexicons import MARKED_LETTERS
    from tasks.entities.resolve import _may_spell
    from tasks.text.normalize import normalize

    plain = "".join(normalize(ch) if ch in MARKED_LETTERS else ch for ch in name)
    assert _may_spell(name, name) and _may_spell(plain, name)
    if plain != name:
        assert not _may_spell(name, plain)


def test_surname_spellings_and_the_common_words_they_collide_with():
    """News corpus, one-word KB surnames written as another word: «بأن» (that) for Ban 1,839 times in 6,000 articles,
    «قوة» (force) for Guo 274, «ترأس» (chaired) for Truss 27, «بأول» for Powell 16; a hamza on another seat or none
    is the same name."""
    from tasks.entities.resolve import _may_spell

    assert _may_spell("إردوغان", "أردوغان") and _may_spell("اردوغان", "أردوغان") and _may_spell("زنغنه", "زنغنه")
    assert not any(_may_spell(s, n) for s, n in [("بأن", "بان"), ("قوة", "قوه"), ("ترأس", "تراس"), ("بأول", "باول")])
