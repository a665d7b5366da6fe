"""The commitment lexicons (tasks/commitments/lexicons.toml) and constants: they load, are normalised, hold no
duplicates, and every named list and constant is used by the rules (no stanza needed)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tasks.commitments import constants, lexicons, patterns
from tasks.text.normalize import normalize

PACKAGE = Path(lexicons.__file__).parent
# tables matched as written: each keeps one spelling that normalised text never has (kept for identical output)
VERBATIM = {"signing_time_words": {"لدى"}, "group_heads": {"الرؤساء"}}
# tables of lists, one list per key (the other tables have one list, ``words``)
NESTED = {"cues", "sectors"}


def _lists() -> list[tuple[str, list[str]]]:
    """(table or table.key, the entries as written) for every list in the data file."""
    out = []
    for name, table in lexicons.load_tables().items():
        if name in NESTED:
            out += [(f"{name}.{key}", words) for key, words in table.items()]
        else:
            out.append((name, table["words"]))
    return out


def _public(module: object) -> list[str]:
    return [n for n in vars(module) if n.isupper() and not n.startswith("_")]


def test_every_table_loads_as_lists_of_strings() -> None:
    tables = lexicons.load_tables()
    assert set(tables) >= NESTED
    for name, words in _lists():
        assert words and all(isinstance(w, str) and w for w in words), name
    for name, table in tables.items():
        if name not in NESTED:
            assert set(table) <= {"words", "verbatim"}, name
            assert table.get("verbatim", False) == (name in VERBATIM), name


def test_cue_modalities_are_the_modalities() -> None:
    assert set(lexicons.CUES) == set(constants.MODALITIES)
    assert list(lexicons.CUES) == list(lexicons.load_tables()["cues"])  # file order: earlier modalities win spans
    assert list(patterns.SECTOR_RES) == list(lexicons.load_tables()["sectors"])


def test_every_table_has_a_comment_saying_what_it_is_for() -> None:
    lines = lexicons.LEXICONS_PATH.read_text(encoding="utf-8").splitlines()
    headers = [i for i, line in enumerate(lines) if re.match(r"^\[[a-z_.]+\]$", line)]
    assert len(headers) == len(lexicons.load_tables())
    for i in headers:
        assert lines[i - 1].startswith("#"), lines[i]


def test_entries_are_normalised_as_the_rules_match_them() -> None:
    for name, words in _lists():
        loaded = lexicons.entries(lexicons.load_tables()[name.split(".")[0]], *name.split(".")[1:])
        if name in VERBATIM:
            assert loaded == tuple(words)
            assert {w for w in words if normalize(w) != w} == VERBATIM[name], name
        else:
            assert loaded == tuple(normalize(w) for w in words), name
            assert all(w == w.strip() and "  " not in w for w in words), name
    for name in _public(lexicons):
        value = getattr(lexicons, name)
        if isinstance(value, frozenset | tuple):
            assert all(normalize(w) == w for w in value) or name.lower() in VERBATIM, name


def test_no_duplicates_within_a_list() -> None:
    for name, words in _lists():
        forms = [normalize(w) for w in words]
        assert len(forms) == len(set(forms)), (name, sorted({f for f in forms if forms.count(f) > 1}))


def test_every_table_is_named_in_the_loader() -> None:
    source = Path(lexicons.__file__).read_text(encoding="utf-8")
    for name in lexicons.load_tables():
        assert f'"{name}"' in source, name


def _uses() -> set[str]:
    """Names the package's modules read (or re-export through ``__all__``)."""
    used: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
                exported |= {e.value for e in ast.walk(node.value) if isinstance(e, ast.Constant)}
        used |= exported
    return used


@pytest.mark.parametrize("module", [lexicons, constants, patterns])
def test_every_constant_is_used(module: object) -> None:
    unused = [n for n in _public(module) if n not in _uses() and n != "LEXICONS_PATH"]
    assert not unused


def test_alternations_keep_their_order() -> None:
    assert patterns.in_order(["اتفاق", "اتفاقي"]) == "اتفاق|اتفاقي"
    assert patterns.alternation(["مع", "من جانبه"]) == r"من\s+جانبه|مع"
    stems = (*lexicons.DOCUMENT_STEMS, *lexicons.STATEMENT_STEMS)
    assert patterns.SIGNED_DOC_WORD_RE.pattern.endswith("(?:" + "|".join(stems) + ")")


def test_nazir_is_a_counterpart_head_in_every_number_gender_and_person() -> None:
    # «مع نظيرتها السعودية», «مع نظيريه», «مع نظرائه الخليجيين»: the forms the listed words missed are generated
    for word in ("نظيره", "نظيرتها", "نظيريه", "نظرائه", "نظراؤهم", "نظيراتها", "نظيرتيه"):
        assert normalize(word) in lexicons.COUNTERPART_HEADS, word
    assert "نظير" not in lexicons.COUNTERPART_HEADS  # a base takes a pronoun: «نظير» alone is no head
