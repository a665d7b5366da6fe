"""DATE expressions on real sentences from the samples, BBC / CNN / France24 Arabic and the Saudi papers.

The last test runs the entity stage on frozen stanza output (tests/fixtures/nlp/entities.test_dates.json): a
new or changed text there needs `python -m tests.freeze_nlp`."""

import datetime as dt
import itertools

import pytest
from hijridate import Gregorian
from hypothesis import assume, given
from hypothesis import strategies as st

from tasks.entities.dates import find_dates, hijri_to_gregorian
from tests.rules import resolved


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


# --- Hijri dates (Saudi papers of the corpus; guideline: «26 شوال 1436 هـ» → ISO-like form with "AH") ---------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وتبدأ مرحلة الاقتراع يوم السبت 26 شوال 1436 هـ في جميع المحافظات",
         [("السبت", "Saturday", None), ("26 شوال 1436 هـ", "1436-10-26 AH", "2015-08-11")]),
        ("وافق مجلس الوزراء على الاتفاقية الموقعة في مدينة الرياض بتاريخ 15/12/1436هـ.",
         [("15/12/1436هـ", "1436-12-15 AH", "2015-09-28")]),
        ("أقامت خلال تسعة أشهر من العام 1436هـ (158) دورة في الإسعافات الأولية", [("1436هـ", "1436 AH", None)]),
        ("وانطلقت الدورة في شوال 1436 بمحافظة جدة", [("شوال 1436", "1436-10 AH", None)]),
        ("ليكون الأربعاء السادس من شوال لعام 1436هـ هو يوم الوطن",
         [("الأربعاء", "Wednesday", None), ("السادس من شوال لعام 1436هـ", "1436-10-06 AH", "2015-07-22")]),
        ("الموقعة في مدينة (سيئول) بتاريخ 7 / 2 / 1439هـ .", [("7 / 2 / 1439هـ", "1439-02-07 AH", "2017-10-27")]),
        ("خلال الفترة من السبت 7-11-1436هـ إلى الاثنين 1-12-1436هـ.",
         [("السبت", "Saturday", None), ("7-11-1436هـ", "1436-11-07 AH", "2015-08-22"),
          ("الاثنين", "Monday", None), ("1-12-1436هـ", "1436-12-01 AH", "2015-09-14")]),
        ("بالمرسوم الملكي رقم م/ ٥٩ في ٤ / ١١ / ١٤٢٦ هـ لإصدار", [("٤ / ١١ / ١٤٢٦ هـ", "1426-11-04 AH", "2005-12-06")]),
        ("وتتبعها مرحلة تسجيل المرشحين بتاريخ ١٥ ذي القعدة، ثم", [("١٥ ذي القعدة", "Dhu al-Qa'dah 15", None)]),
        ("بتاريخ 3 صفر 1437هـ", [("3 صفر 1437هـ", "1437-02-03 AH", "2015-11-15")]),
    ],
)
def test_hijri_dates_keep_their_calendar_and_carry_the_gregorian_day(sentence, expected):
    assert [(d.text, d.canonical, d.gregorian) for d in find_dates(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال الرئيس التركي رجب طيب أردوغان إن",  # a first name
        "وتكثر المسلسلات في شهر رمضان من كل عام",  # a Hijri month alone
        "وفاز الفريق 3 صفر على ضيفه",  # a score
        "وقال الدكتور عبدالله الـزهـراني إن",  # «هـ» inside a name written with tatweel
        "وتصل مساحة المعمل إلى 2000 م2",  # metres, not an era
    ],
)
def test_words_that_look_like_hijri_dates_are_not_dates(sentence):
    assert [d.text for d in find_dates(sentence) if "AH" in d.canonical or d.gregorian] == []
    assert not [d for d in find_dates(sentence) if d.text in {"رجب", "رمضان", "صفر", "3 صفر"}]


# hijridate's Umm al-Qura table starts at 1343 AH (1924-08-01); Hijri years stop at 1499 (2076-11-26)
@given(st.dates(min_value=dt.date(1924, 8, 1), max_value=dt.date(2076, 11, 26)), st.sampled_from(["/", "-"]),
       st.sampled_from(["هـ", " هـ", "ه", " هجري", " للهجرة"]))  # fmt: skip
def test_a_hijri_date_converts_back_to_its_gregorian_day(day, sep, era):
    hijri = Gregorian.fromdate(day).to_hijri()
    assume(hijri.day <= 30)  # hijridate's table has a few 31-day months in its first years (1349-11-31): no date
    text = f"بتاريخ {hijri.day}{sep}{hijri.month}{sep}{hijri.year}{era} وافق المجلس"
    (found,) = find_dates(text)
    assert found.gregorian == day.isoformat()
    assert found.canonical == f"{hijri.year:04d}-{hijri.month:02d}-{hijri.day:02d} AH"
    assert hijri_to_gregorian(hijri.year, hijri.month, hijri.day) == day.isoformat()


def test_dates_outside_the_umm_al_qura_table_keep_their_canonical_without_a_gregorian_day():
    (d,) = find_dates("في 12 رمضان 1187 هـ")
    assert (d.canonical, d.gregorian) == ("1187-09-12 AH", None)


# --- bilingual and ordinal months (dev2: Al Arabiya, Asharq Al-Awsat) ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وأعلن الاتفاق في يوليو (تموز) الماضي", [("يوليو (تموز)", "July")]),
        ("منذ أيلول (سبتمبر) الماضي", [("أيلول (سبتمبر)", "September")]),
        ("قتل في تشرين الثاني (نوفمبر) 2004 في باريس", [("تشرين الثاني (نوفمبر) 2004", "2004-11")]),
        ("احتفلت فرنسا في 14 تموز (يوليو) بعيدها الوطني", [("14 تموز (يوليو)", "July 14")]),
        ("ستجرى في الرابع عشر من يوليو (تموز) المقبل", [("الرابع عشر من يوليو (تموز)", "July 14")]),
        ("ابتداء من الأول من شهر سبتمبر (أيلول) المقبل", [("الأول من شهر سبتمبر (أيلول)", "September 1")]),
        ("وشهد يوم العاشر من أغسطس، ذروة هبوط الليرة", [("العاشر من أغسطس", "August 10")]),
        ("عقدنا في التاسع من مايو 2018م مؤتمراً", [("التاسع من مايو 2018م", "2018-05-09")]),
        ("في الأسبوع الأول من مارس 2018", [("مارس 2018", "2018-03")]),  # a rank, not a day
    ],
)
def test_bilingual_and_ordinal_months_are_one_span(sentence, expected):
    assert [(d.text, d.canonical) for d in find_dates(sentence)] == expected


# --- the Maghrebi series and the names that are also words -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وفي 3 جانفي 2019 و5 فيفري", [("3 جانفي 2019", "2019-01-03"), ("5 فيفري", "February 5")]),
        ("يبدأ العمل به في جويلية المقبل", [("جويلية", "July")]),
        ("الرباط في 20 غشت 2019", [("20 غشت 2019", "2019-08-20")]),
        ("في 8 ماي 2017 انتخب", [("8 ماي 2017", "2017-05-08")]),
        ("قالت رئيسة الوزراء البريطانية تيريزا ماي إن", []),  # Theresa May
        ("والتقى الوزير مع ماي في لندن", []),
        ("إذا مارسوا الخداع", []),
        ("وهو الدور الذي مارس فيه ضغوطا", []),  # practised
        ("رفعت واشنطن في أواخر مارس، التجميد", [("مارس", "March")]),  # a time word before it
        ("وقال المدرب جوان إن الفريق", []),  # a first name
    ],
)
def test_maghrebi_months_and_guarded_names(sentence, expected):
    assert [(d.text, d.canonical) for d in find_dates(sentence)] == expected


def test_a_hijri_date_entity_keeps_the_gregorian_iso_date_in_aliases(nlp):
    text = (
        "مجلس الوزراء يوافق على الاتفاقية\n"
        "وافق مجلس الوزراء على الاتفاقية الموقعة في مدينة الرياض بتاريخ 15/12/1436هـ، في 28 سبتمبر 2015.\n"
    )
    a = resolved(nlp, text)
    dates = {e.entity_id: e for e in a.entities if e.type == "DATE"}
    hijri = dates["date:1436-12-15 AH"]
    assert (hijri.canonical_name, list(hijri.aliases)) == ("1436-12-15 AH", ["2015-09-28"])
    assert not dates["date:2015-09-28"].aliases  # the same day written in Gregorian is its own entity
    assert {m.text for m in a.mentions if m.type == "DATE"} == {"15/12/1436هـ", "28 سبتمبر 2015"}
