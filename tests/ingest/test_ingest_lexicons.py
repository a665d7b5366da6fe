"""The ingest stage's word lists (tasks/ingest/lexicons.toml) and named constants: they load, each entry says
what it is for, the folded values are what the reader compares, and nothing is defined that no rule uses."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from tasks.ingest import constants as C
from tasks.ingest import lexicons as lex
from tasks.ingest.reader import _agency_key, _classify, parse_dateline
from tests.lexicon_checks import (
    assert_commented,
    assert_every_name_used,
    assert_immutable,
    assert_no_duplicates,
    assert_read_by_loader,
    public_values,
)

PACKAGE = Path(lex.__file__).parent
TOML_TEXT = resources.files("tasks.ingest").joinpath(lex.LEXICON_FILE).read_text(encoding="utf-8")
DATA = lex.load_data()
# tables whose keys are data (an agency → its forms): one comment above the table
MAPPING_TABLES = {"agencies"}


def test_every_entry_and_mapping_table_has_a_comment_above_it() -> None:
    assert_commented(TOML_TEXT, MAPPING_TABLES)


def test_raw_lists_have_no_duplicates() -> None:
    assert_no_duplicates(DATA)


def test_every_toml_entry_is_read_by_the_loader() -> None:
    assert_read_by_loader(DATA, PACKAGE, MAPPING_TABLES)


def test_phrases_are_folded_as_the_reader_compares_them() -> None:
    for name, value in public_values(lex).items():
        if isinstance(value, frozenset):
            assert all(p == lex.fold(p) for p in value), name
    for prefixes in (lex.RELATED_PREFIXES, lex.PROMO_START, lex.PHOTO_PREFIXES):
        assert all(p == lex.fold(p) for p in prefixes)
    assert lex.fold("اقرأ أيضاً:") == "اقرا ايضا" and lex.fold("Read MORE") == "read more"
    assert lex.AGENCY_PREFIXES == ("وكالهالانباء", "وكاله", "agence", "agency")  # longer prefix first
    assert lex.NAV_LINES <= lex.NAV_SECTIONS and lex.SHARE_CORE <= lex.SHARE_WORDS and lex.WEEKDAYS <= lex.STAMP_CUES


def test_lists_agree_with_each_other() -> None:
    owners: dict[str, set[str]] = {}
    for name, forms in lex.AGENCY_FORMS.items():
        for form in forms:
            owners.setdefault(_agency_key(form), set()).add(name)
    assert not {k: v for k, v in owners.items() if len(v) > 1}, "a form names two agencies"
    assert all(len(pair) == 2 for pair in lex.UNSUPPORTED_BROWSER)


def test_lists_still_drive_the_reader() -> None:
    assert parse_dateline("بيشكك 25 أكتوبر 2023 (شينخوا) قال") == ("بيشكك", "2023-10-25", "Xinhua", (0, 29))
    assert parse_dateline("الرباط 3 أوت 2021 (و م ع) -") is not None  # a Maghrebi month and MAP
    assert _classify("اقرأ أيضا: الصين تدعو إلى الحوار")[0] == "related"
    assert _classify("تابعونا على تلغرام")[0] == "promo"
    assert _classify("صورة: رويترز")[0] == "photo_credit"


def test_loaded_values_are_immutable() -> None:
    assert_immutable(lex)


@pytest.mark.parametrize(("module", "defined_in"), [(lex, "lexicons.py"), (C, "constants.py")])
def test_every_name_is_used_by_a_rule(module: object, defined_in: str) -> None:
    assert_every_name_used(module, PACKAGE, defined_in)


def test_limits_are_consistent() -> None:
    assert C.CREDIT_MAX_LEN < C.SHARE_MAX_LEN < C.STAMP_MAX_LEN < C.CRUMB_MAX_LEN <= C.PROMO_MAX_LEN
    assert C.PHOTO_LABEL_MAX_LEN < C.PHOTO_CREDIT_MAX_LEN and C.AGENCY_DASH_MAX_LEN < C.AGENCY_PAREN_MAX_LEN
    assert 0 < C.MAX_CONTROL_SHARE < C.MAX_BAD_UTF8_SHARE < C.MAX_MOJIBAKE_SHARE < C.MIN_CP1256_ARABIC_SHARE
