"""DATE expressions on real sentences from the samples and from BBC / CNN / France24 Arabic."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.entities.dates import find_dates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم (الأربعاء)",
         [("25 أكتوبر 2023", "2023-10-25"), ("الأربعاء", "Wednesday")]),
        ("مضيفا أنه في مايو، اتفق الرئيس شي جين بينغ والرئيس جاباروف", [("مايو", "May")]),
        ("2021-06-03 03:46:49|arabic.news.cn", [("2021-06-03 03:46:49", "2021-06-03")]),
        ("/مصدر: شينخوا/   2023:04:27.10:18", [("2023:04:27.10:18", "2023-04-27")]),
        ("وقعت الاتفاقية في ديسمبر/كانون الأول 2017 خلال زيارة", [("ديسمبر/كانون الأول 2017", "2017-12")]),
        ("اندلعت الحرب في مايو/أيار عام 1998", [("مايو/أيار عام 1998", "1998-05")]),
        ("في 18 آذار/مارس سيطرت القوات", [("18 آذار/مارس", "March 18")]),
        ("منذ عام 2015 وحتى 2020", [("2015", "2015"), ("2020", "2020")]),
        ("اشتهر في الثمانينات بأفلامه", [("الثمانينات", "1980s")]),
        ("وصل يوم الأثنين إلى الدوحة", [("الأثنين", "Monday")]),  # a common misspelling
        ("تأسست عام 1555 وبقيت حتى 1865، ثم", [("1555", "1555"), ("1865", "1865")]),
        ("قمة 2018 في بكين", [("2018", "2018")]),
        ("قال أبو علي إن آب لم يصل", []),
        ("نما الاقتصاد 20 في المئة في العام الماضي", []),
        ("بلغ عدد الجنود 2000 جندي", []),
    ],
)
def test_dates_in_real_sentences(sentence, expected):
    assert [(d.text, d.canonical) for d in find_dates(sentence)] == expected


@given(st.text(alphabet="٠١٢0123456789 /-:.أكتوبرمايوآذارعام الأربعاء،", max_size=60))
def test_date_spans_slice_the_text_and_never_overlap(text):
    found = find_dates(text)
    for d in found:
        assert text[d.start : d.end] == d.text and d.text.strip() == d.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_a_bilingual_pair_with_a_misspelt_name_is_one_date() -> None:
    # CNN Arabic: «خلال شهر سبتمر/أيلول الجاري»; the first letter never slips, and a word that is no month
    # leaves the month alone
    text = "وذلك خلال شهر سبتمر/أيلول الجاري، في 5 ديسمير/كانون الأول 2017"
    found = [(d.text, d.canonical) for d in find_dates(text)]
    assert found == [("سبتمر/أيلول", "September"), ("5 ديسمير/كانون الأول 2017", "2017-12-05")]
    assert [(d.text, d.canonical) for d in find_dates("ذهب الى/أيلول")] == [("أيلول", "September")]
    assert [(d.text, d.canonical) for d in find_dates("وصل نبتمبر/أيلول")] == [("أيلول", "September")]
