"""The one month table (tasks/text/months.toml): complete, unambiguous, and read the same way by ingest
(datelines, stamps) and by date tagging (DATE mentions)."""

from __future__ import annotations

import re
from importlib import resources

from hijridate import Hijri
from hypothesis import given
from hypothesis import strategies as st

from tasks.entities.dates import find_dates
from tasks.ingest.reader import parse_dateline
from tasks.text import months
from tests.lexicon_checks import assert_commented, assert_no_duplicates

DATA = months.load_data()
TOML_TEXT = resources.files("tasks.text").joinpath(months.MONTH_FILE).read_text(encoding="utf-8")
TWELVE = list(range(1, months.MONTHS_IN_YEAR + 1))
# a form with a hamza on its alef is also written bare in the news («أغسطس», «اغسطس»)
_HAMZA_ALEF = str.maketrans("أإآ", "ااا")
MAPPING_TABLES = {"gregorian.egypt_gulf", "gregorian.levant_iraq", "gregorian.maghreb", "hijri.forms"}


def _all_forms(table: dict) -> list[str]:
    return [form for forms in table.values() for form in forms]


def test_every_entry_and_table_says_what_it_is_for() -> None:
    assert_commented(TOML_TEXT, MAPPING_TABLES)
    for section in ("gregorian", "hijri", "guards"):
        assert_no_duplicates({section: {k: v for k, v in DATA[section].items() if isinstance(v, list)}})


def test_every_series_names_twelve_months_and_every_form_one_month() -> None:
    assert sorted(int(n) for n in DATA["gregorian"]["egypt_gulf"]) == TWELVE
    assert sorted(int(n) for n in DATA["gregorian"]["levant_iraq"]) == TWELVE
    assert sorted(int(n) for n in DATA["hijri"]["forms"]) == TWELVE
    assert sorted(set(months.GREGORIAN_FORMS)) == TWELVE and all(months.GREGORIAN_FORMS.values())
    gregorian = [f for s in months.GREGORIAN_SERIES for f in _all_forms(DATA["gregorian"][s])]
    hijri = _all_forms(DATA["hijri"]["forms"])
    assert len(gregorian) == len(set(gregorian)) == len(months.GREGORIAN), "a Gregorian form is listed twice"
    assert len(hijri) == len(set(hijri)) == len(months.HIJRI), "a Hijri form is listed twice"
    assert not set(gregorian) & set(hijri), "a form names a Gregorian and a Hijri month"
    assert len(months.GREGORIAN_EN) == len(months.HIJRI_EN) == months.MONTHS_IN_YEAR


def test_the_maghrebi_forms_ingest_knew_are_in_the_table() -> None:
    for form, n in {"جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
                    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12}.items():  # fmt: skip
        assert months.GREGORIAN[form] == n, form


def test_every_hamza_form_is_also_listed_bare() -> None:
    for form in [*months.GREGORIAN, *months.HIJRI]:
        bare = form.translate(_HAMZA_ALEF)
        table = months.GREGORIAN if form in months.GREGORIAN else months.HIJRI
        assert table.get(bare) == table[form], f"«{form}» is listed but not «{bare}»"


def test_hijri_names_agree_with_hijridate() -> None:
    for n in TWELVE:
        day = Hijri(1436, n, 1)
        assert months.HIJRI_EN[n - 1] == day.month_name("en")
        assert months.HIJRI[day.month_name("ar")] == n


def test_guards_name_listed_forms() -> None:
    assert months.NEED_DAY_OR_YEAR <= set(months.GREGORIAN)
    assert months.NEED_YEAR <= set(months.HIJRI)
    assert all(re.fullmatch(r"[\u0621-\u064a]+", w) for w in months.MONTH_CUES)
    assert months.HIJRI_ERA_MARKERS[-1] == "ه" and months.GREGORIAN_ERA_MARKERS[-1] == "م"  # longer first


@given(st.sampled_from(sorted(months.GREGORIAN)), st.integers(1, 28), st.integers(1990, 2030))
def test_ingest_and_date_tagging_read_every_gregorian_form_alike(form, day, year):
    n = months.GREGORIAN[form]
    iso = f"{year:04d}-{n:02d}-{day:02d}"
    assert parse_dateline(f"الرياض {day} {form} {year} (واس) - قال")[1] == iso
    assert [(d.text, d.canonical) for d in find_dates(f"وصل في {day} {form} {year} إلى")] == [
        (f"{day} {form} {year}", iso)
    ]


@given(st.sampled_from(sorted(months.GREGORIAN)))
def test_a_month_name_with_a_cue_is_a_date(form):
    (d,) = find_dates(f"وصل في {form} الماضي")
    assert (d.text, d.canonical) == (form, months.GREGORIAN_EN[months.GREGORIAN[form] - 1])


@given(st.sampled_from(sorted(months.HIJRI)), st.integers(1, 29), st.integers(1343, 1499))
def test_every_hijri_form_is_read_with_a_day_and_a_year(form, day, year):
    n = months.HIJRI[form]
    (d,) = find_dates(f"بتاريخ {day} {form} {year}هـ وافق")
    assert (d.text, d.canonical) == (f"{day} {form} {year}هـ", f"{year:04d}-{n:02d}-{day:02d} AH")
    try:  # hijridate's table has a few short months in its first years (Ramadan 1343: 28 days): no day there
        expected = Hijri(year, n, day).to_gregorian().isoformat()
    except ValueError:
        expected = None
    assert d.gregorian == expected


@given(st.sampled_from(sorted(months.HIJRI)))
def test_a_hijri_month_alone_is_no_date(form):
    assert find_dates(f"وقال {form} إن") == []
