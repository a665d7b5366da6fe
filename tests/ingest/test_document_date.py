"""The document's date and its source (issue #17 item 4): dateline, publication stamp, a date the text gives as
its own, the file's modification time; and a date of an event the body tells is never taken.

The texts are short real excerpts of the samples (raw/) and of the check-set articles (Sky News Arabia, Al
Arabiya, France 24, BBC, Saudi papers); a header line is added where the check sets have none of that kind
(labelled and date-only lines), in the form Arabic news pages print them. No model is needed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tasks.commitments.stage import document_date
from tasks.document import DocAnalysis
from tasks.ingest import constants as C
from tasks.ingest.reader import Document, _sort_lines, file_name_date, ingest_bytes, ingest_file
from tasks.ingest.textdate import TextDate, text_date
from tasks.settings import PROJECT_ROOT

RAW = PROJECT_ROOT / "raw"

# sabq.org, 2015-08-03 (check set 00208): «اليوم الاثنين الموافق 18/ 10/ 1436هـ» is the day of writing.
SABQ_TITLE = "القصاص في سعودي أنهى خلافه مع آخر برصاصات قاتلة"
SABQ = (
    f"{SABQ_TITLE}\n"
    "واس- الأحساء: نفّذت وزارة الداخلية، اليوم، حُكم القتل قصاصاً في جانٍ سعودي في المنطقة الشرقية، أقدم على قتل"
    " آخر بإطلاق النار عليه من مسدس؛ لخلاف سابق بينهما. وقد تم تنفيذ حُكم القتل قصاصاً بالجاني/ مقرب بن سعد بن"
    " علي الثنيان (سعودي الجنسية)، اليوم الاثنين الموافق 18/ 10/ 1436هـ بمحافظة الأحساء في المنطقة الشرقية.\n"
)
# Sky News Arabia, 2018-10-09 (check set 00025): the lead has no date, line 3 an assassination's.
TUNISIA = (
    'فضيحة "الغرفة السوداء" للنهضة تتداعى.. والقضاء التونسي يتدخل\n'
    "يحقق القضاء التونسي بشأن معلومات تفيد بامتلاك حزب حركة النهضة لجهاز سري مواز، والتلاعب بوثائق ترتبط باغتيال"
    " السياسيين شكري بلعيد ومحمد البراهمي.\n"
    "وفي 26 يوليو 2013، اغتال مسلحون مجهولون السياسي التونسي المعارض محمد البراهمي بالرصاص أمام منزله في تونس"
    " العاصمة.\n"
)
# Sky News Arabia, 2018-05-16 (check set 00140): «بتاريخ 13 مايو 2018» is the reception's date, not the article's.
RECEPTION = (
    "غارات إسرائيلية على مواقع متفرقة في غزة\n"
    "واستدعت السلطة الفلسطينية سفراءها لدى رومانيا (المجر) والنمسا للتشاور معهم على أثر مشاركة سفراء هذه الدول في"
    " حفل الاستقبال الذي أقيم في وزارة الخارجية الإسرائيلية بتاريخ 13 مايو 2018 احتفالا بنقل السفارة الأميركية.\n"
)
# al-Madina, 2015-07-25 (check set 00193): a Hijri date with a time, of the events the statement reports.
MECCA = (
    "إعفاء قيادات بمستشفى الملك فيصل بمكة.. لإهمال «طفلة متوفاة»\n"
    "أولاً: أن الطفلة المتوفاة كانت قد احضرت إلى قسم الطوارئ بمستشفى الملك فيصل بمكة المكرمة بتاريخ 26 /9 /1436 هـ"
    " الساعة 7:39 مساء بواسطة سيارة خاصة.\n"
)
# France 24, 2018-05-10 (check set corpus300 00092): a timeline, each line opening with its event's date.
TIMELINE = (
    "إسرائيل تضرب أهدافا إيرانية في سوريا\n"
    "-2014 إلى 2016 -\n"
    "7 كانون الأول/ديسمبر 2014: سوريا تتهم إسرائيل بشن غارتين على مواقع قرب دمشق، في الديماس والمطار الدولي.\n"
    "19 كانون الأول/ديسمبر2015: مقتل سمير القنطار الذي سجن لفترة طويلة في إسرائيل، في غارة على ضواحي دمشق.\n"
)
# BBC Arabic, 2018-03-14 (check set corpus300 00019): the vote was on the day of the article, but the sentence
# dates the vote, not the article: not taken.
MERKEL = (
    "أنغيلا ميركل: عالمة الكيمياء التي تقود ألمانيا للمرة الرابعة\n"
    "أعاد البرلمان الألماني ( البوندستاغ) في الرابع عشر من مارس/آذار 2018 انتخاب أنغيلا ميركل، رئيسة الحزب"
    " المسيحي الديمقراطي، مستشارة لألمانيا.\n"
)
# Xinhua (raw/003): a publication stamp line, here without the dateline that follows it in the sample.
XINHUA_STAMP = (
    "شي يتطلع إلى علاقات أفضل بين الصين وقازاقستان\n"
    "2021-06-03 03:46:49|arabic.news.cn\n"
    "قال الرئيس الصيني شي جين بينغ إن الصين تتطلع إلى العمل مع قازاقستان لتعزيز العلاقات الثنائية.\n"
)


def _doc(text: str, name: str = "a.txt") -> Document:
    return ingest_bytes(text.encode("utf-8"), name)


def _found(text: str) -> TextDate | None:
    content, boilerplate, *_ = _sort_lines(text)
    return text_date(text, sorted([*content, *((b.start, b.end) for b in boilerplate)]), content)


# --- (a) dateline, (b) publication stamp: as before, now named -----------------------------------------------


def test_a_dateline_dates_the_document_before_its_stamp():
    doc = ingest_file(RAW / "003_0771d52ef52d5648.txt")  # stamp 2021-06-03, dateline «بكين 2 يونيو 2021»
    assert (doc.published_date, doc.dateline_date) == ("2021-06-03", "2021-06-02")
    assert (doc.document_date, doc.document_date_source) == ("2021-06-02", "dateline")


def test_a_stamp_dates_a_document_without_a_dateline():
    doc = _doc(XINHUA_STAMP)
    assert doc.dateline_date is None
    assert (doc.document_date, doc.document_date_source) == ("2021-06-03", "published")


# --- (c) a date the text gives as its own --------------------------------------------------------------------


def test_today_before_a_hijri_date_in_the_lead_is_the_day_of_writing():
    doc = _doc(SABQ)
    assert (doc.document_date, doc.document_date_source) == ("2015-08-03", "text")  # 18 Shawwal 1436, Umm al-Qura
    found = _found(SABQ)
    assert found is not None and found.rule == "today" and SABQ[found.start : found.end] == "18/ 10/ 1436هـ"
    assert doc.published_date is None and doc.dateline_date is None  # the stamp columns stay as the text gives them


def test_a_labelled_line_gives_the_date_right_after_its_label():
    for header, source in [
        ("آخر تحديث: الاثنين 3 أغسطس 2015 - 10:30 ص", "published"),  # a Gregorian stamp line is (b)
        ("نشر في: الاثنين 18 شوال 1436 هـ", "text"),  # a Hijri one only the text rule reads
        ("تاريخ النشر: 18/10/1436هـ", "text"),
    ]:
        text = SABQ.replace(SABQ_TITLE + "\n", f"{SABQ_TITLE}\n{header}\n").replace("اليوم الاثنين الموافق", "في")
        doc = _doc(text)
        assert (doc.document_date, doc.document_date_source) == ("2015-08-03", source), header
        found = _found(text)
        assert found is not None and (found.date, found.rule) == ("2015-08-03", "label"), header


def test_a_label_anywhere_but_only_on_a_short_line():
    footer = TUNISIA + "آخر تحديث: الثلاثاء 24 شوال 1436 هـ\n"
    assert (_doc(footer).document_date, _doc(footer).document_date_source) == ("2015-08-09", "text")
    long_line = "نشرت في 13 مايو 2018 صحيفة هآرتس تقريرا " + "عن مشاركة سفراء هذه الدول في حفل الاستقبال " * 3
    assert len(long_line) > C.TEXT_DATE_LINE_MAX_LEN
    assert _found(TUNISIA + long_line + "\n") is None


def test_a_line_of_the_lead_that_is_only_a_date_bilingual_or_not():
    for header in ["الأحد 23 شوال 1436 هـ - 9 أغسطس 2015م", "الأحد 23 شوال 1436 هـ الموافق 9 أغسطس 2015"]:
        text = TUNISIA.replace("يتدخل\n", f"يتدخل\n{header}\n", 1)
        found = _found(text)
        assert found is not None and (found.date, found.rule) == ("2015-08-09", "date_line"), header
        assert text[found.start : found.end].startswith("9 أغسطس 2015")  # the written Gregorian date, not 23 Shawwal
        assert _doc(text).document_date_source == "text"


# --- never: dates of events the body tells --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [TUNISIA, RECEPTION, MECCA, TIMELINE, MERKEL],
    ids=["event", "bitarikh", "hijri_event", "timeline", "ordinal"],
)
def test_a_date_of_an_event_in_the_body_is_never_the_documents(text):
    assert _found(text) is None
    doc = _doc(text)
    assert doc.document_date is None and doc.document_date_source is None


def test_today_needs_the_date_right_after_it_in_the_same_sentence_and_a_year():
    lead = "قال الوزير إن الاتفاق سار حتى اليوم. وفي 5 مايو 2018 وقع البلدان مذكرة تفاهم.\n"
    assert _found("عنوان الخبر\n" + lead) is None
    assert _found("عنوان الخبر\nأعلنت الوزارة اليوم الاثنين 3 أغسطس عن خطة جديدة.\n") is None  # no year: no date


def test_today_is_read_in_the_lead_only():
    quote = "وقال: «اليوم الاثنين الموافق 18/ 10/ 1436هـ يوم للوطن»."
    text = TUNISIA + "\n".join(["فقرة أخرى من الخبر."] * C.TEXT_DATE_SEARCH_LINES) + "\n" + quote + "\n"
    assert _found(text) is None
    assert _found(TUNISIA.replace("العاصمة.\n", "العاصمة.\n" + quote + "\n")) is not None  # third content line


# --- (d) a day the file is named with ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "day"), [
    ("00000_SK-economy-642-20180525.txt", "2018-05-25"),  # the check set's Sky News files
    ("snn_2015-07-31_396_aawsat.txt", "2015-07-31"),  # the gold sets' Saudi papers
    ("report.2019_11_03.txt", "2019-11-03"),
    ("000_12aa428b04c4e9a9.txt", None),  # the samples: a hash, no day
    ("SK-internationalNews-1355-20181355.txt", None),  # no such month
    ("scan_18000101.txt", None),  # out of FILE_NAME_YEARS
    ("id_123456789012.txt", None),  # a longer number is no day
])  # fmt: skip
def test_a_day_in_the_file_name(name, day):
    assert file_name_date(name) == day


def test_the_file_name_dates_an_undated_article_and_its_commitments(tmp_path: Path):
    p = tmp_path / "00000_SK-economy-642-20180525.txt"
    p.write_text(TUNISIA, encoding="utf-8")
    doc = ingest_file(p)
    assert (doc.document_date, doc.document_date_source) == ("2018-05-25", "file_name")
    assert document_date(DocAnalysis(doc)) == dt.date(2018, 5, 25)
    # what the article states comes first
    stated = tmp_path / "00001_SK-economy-642-20180525.txt"
    stated.write_bytes((RAW / "000_12aa428b04c4e9a9.txt").read_bytes())
    assert ingest_file(stated).document_date_source == "dateline"


# --- (e) the file's modification time ----------------------------------------------------------------------


def test_the_files_mtime_dates_only_a_document_with_no_other_date(tmp_path: Path):
    saved = dt.datetime(2024, 2, 29, 23, 30, tzinfo=dt.UTC).timestamp()
    undated, dated = tmp_path / "undated.txt", tmp_path / "dated.txt"
    undated.write_text(TUNISIA, encoding="utf-8")
    dated.write_bytes((RAW / "000_12aa428b04c4e9a9.txt").read_bytes())
    for p in (undated, dated):
        os.utime(p, (saved, saved))
    doc = ingest_file(undated)
    assert (doc.document_date, doc.document_date_source) == ("2024-02-29", "file_mtime")  # the UTC day
    assert (ingest_file(dated).document_date, ingest_file(dated).document_date_source) == ("2023-10-25", "dateline")
    assert _doc(TUNISIA).document_date is None  # bytes alone have no file: no mtime
    assert ingest_file(undated) == doc  # read again, the same


def test_commitments_take_the_date_the_article_states_never_the_files(tmp_path: Path):
    p = tmp_path / "undated.txt"
    p.write_text(TUNISIA, encoding="utf-8")
    os.utime(p, (0, 0))
    assert ingest_file(p).document_date_source == "file_mtime"
    assert document_date(DocAnalysis(ingest_file(p))) is None
    assert document_date(DocAnalysis(_doc(SABQ))) == dt.date(2015, 8, 3)
    assert document_date(DocAnalysis(_doc(XINHUA_STAMP))) == dt.date(2021, 6, 3)
    assert document_date(DocAnalysis(ingest_file(RAW / "003_0771d52ef52d5648.txt"))) == dt.date(2021, 6, 2)
    assert set(C.DATE_SOURCES) > C.STATED_DATE_SOURCES and "file_mtime" not in C.STATED_DATE_SOURCES
