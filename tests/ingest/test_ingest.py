"""Tests for tasks.ingest.reader on real Xinhua/CNN/BBC text: decoding, boilerplate, title, dateline, offsets."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.errors import IltizamError, IngestError
from tasks.ingest.reader import Document, decode_bytes, ingest_bytes, ingest_file, parse_dateline

RAW = Path(__file__).resolve().parents[2] / "raw"
BISHKEK = RAW / "000_12aa428b04c4e9a9.txt"
ONE_PARAGRAPH = RAW / "001_3f105a9da3bd0b0b.txt"
XI_CALL = RAW / "003_0771d52ef52d5648.txt"
CHIN_GANG = RAW / "004_ace54e57cd73f9de.txt"

# Real excerpt (raw/000): headline + dateline paragraph + one more line.
ARTICLE = (
    "رئيس مجلس الدولة يدعو الصين وقيرغيزستان إلى التركيز على التعاون عالي الجودة في إطار الحزام والطريق\n"
    "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم (الأربعاء) إن الصين "
    "مستعدة للعمل مع قيرغيزستان.\n"
    "كما دعا لي البلدين إلى مواصلة تعزيز التعاون في مكافحة الإرهاب، من أجل حماية بيئة تنمية آمنة ومستقرة "
    "بشكل مشترك.\n"
)


def _check_spans(doc: Document) -> None:
    """Every span slices the stored text to non-empty stripped content; segments ordered, disjoint."""
    for span in (*doc.segments, *doc.boilerplate):
        piece = doc.text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert "\n" not in piece
    spans = sorted([(s.start, s.end) for s in (*doc.segments, *doc.boilerplate)])
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    assert [s.start for s in doc.segments] == sorted(s.start for s in doc.segments)
    assert {s.kind for s in doc.segments} <= {"title", "body"}
    if doc.title_span is not None:
        assert doc.text[doc.title_span[0] : doc.title_span[1]] == doc.title
        assert doc.segments[0] == type(doc.segments[0])(*doc.title_span, "title")


# --- datelines ---------------------------------------------------------------------------------


def test_parse_dateline_xinhua_bishkek() -> None:
    line = "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ"
    place, iso, agency, (start, end) = parse_dateline(line)
    assert (place, iso, agency) == ("بيشكك", "2023-10-25", "Xinhua")
    assert line[start:end] == "بيشكك 25 أكتوبر 2023 (شينخوا)"


def test_parse_dateline_cnn_style_has_place_and_agency_but_no_date() -> None:
    line = "دبي، الإمارات العربية المتحدة (CNN) -- أعلن الرئيس الصيني شي جين بينج"
    place, iso, agency, (start, end) = parse_dateline(line)
    assert (place, iso, agency) == ("دبي", None, "CNN")
    assert line[start:end] == "دبي، الإمارات العربية المتحدة (CNN)"
    # CNN text often starts with an invisible zero-width space; offsets still point at the place.
    zw = "\u200bدبي، الإمارات العربية المتحدة (CNN)- -كشفت شركة قطر غاز"
    place, _, agency, (start, end) = parse_dateline(zw)
    assert (place, agency, zw[start:end]) == ("دبي", "CNN", "دبي، الإمارات العربية المتحدة (CNN)")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("بكين، 25 أكتوبر (شينخوا) قال", ("بكين", None, "Xinhua")),
        ("نور سلطان ١٠ حزيران ٢٠٢٣ (شينخوا) أجرى", ("نور سلطان", "2023-06-10", "Xinhua")),
        ("أديس أبابا 3 كانون الثاني 2022 (أ ف ب) - قال", ("أديس أبابا", "2022-01-03", "AFP")),
        ("واشنطن 5 يوليو/تموز 2018 (رويترز) أعلن", ("واشنطن", "2018-07-05", "Reuters")),
        ("شيآن 26 ابريل 2023 (شينخوا) أجرى", ("شيآن", "2023-04-26", "Xinhua")),
        ("الدوحة 1 تشرين الأول 2019 (قنا) أكد", ("الدوحة", "2019-10-01", "QNA")),
        ("بكين، الأربعاء 25 أكتوبر 2023 (فرانس برس) قال", ("بكين", "2023-10-25", "AFP")),
        ("القاهرة - أ ش أ - أعلن", ("القاهرة", None, "MENA")),
    ],
)
def test_parse_dateline_variants(line: str, expected: tuple[str, str | None, str]) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert found[:3] == expected
    start, end = found[3]
    assert line[start:end].startswith(expected[0])


@pytest.mark.parametrize(
    "line",
    [
        "وقال لي اليوم (الأربعاء) إن الصين مستعدة للعمل مع قيرغيزستان",
        "ذكرت وكالة الأنباء (شينخوا) أن الجانبين وقعا اتفاقا",
        "نقلت (رويترز) عن مصدر مطلع",
        "قال الرئيس الصيني في 25 أكتوبر 2023 (الأربعاء) إن",
        "وأضاف أن بلاده ممتنة للقاحات والدعم القيّم الذي قدمته الصين في حربها ضد جائحة (كوفيد-19)",
    ],
)
def test_parse_dateline_rejects_ordinary_sentences(line: str) -> None:
    assert parse_dateline(line) is None


# --- the real raw samples ----------------------------------------------------------------------


def test_raw_000_title_dateline_and_dates() -> None:
    doc = ingest_file(BISHKEK)
    first_line = BISHKEK.read_text(encoding="utf-8").split("\n")[0]
    assert doc.title == first_line
    assert doc.title_span == (0, len(first_line))
    assert doc.segments[0].kind == "title"
    assert (doc.dateline_place, doc.dateline_date, doc.agency) == ("بيشكك", "2023-10-25", "Xinhua")
    assert doc.text[doc.dateline_span[0] : doc.dateline_span[1]] == "بيشكك 25 أكتوبر 2023 (شينخوا)"
    assert doc.published_at is None
    assert doc.published_date == "2023-10-25"
    assert doc.encoding == "utf-8"
    assert doc.sha256 == hashlib.sha256(BISHKEK.read_bytes()).hexdigest()
    assert doc.doc_id == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]
    assert doc.source_path == str(BISHKEK)
    assert len(doc.segments) == 9 and doc.boilerplate == ()
    _check_spans(doc)


def test_raw_003_stamp_video_player_and_digit_junk_are_boilerplate() -> None:
    doc = ingest_file(XI_CALL)
    assert doc.published_at == "2021-06-03T03:46:49"
    assert doc.published_date == "2021-06-03"
    assert doc.title == "شي يتطلع إلى علاقات أفضل بين الصين وقازاقستان"
    assert (doc.dateline_place, doc.dateline_date, doc.agency) == ("بكين", "2021-06-02", "Xinhua")
    junk = {doc.text[b.start : b.end]: b.kind for b in doc.boilerplate}
    assert junk == {
        "2021-06-03 03:46:49|arabic.news.cn": "source_stamp",
        "Video PlayerClose": "video_player",
        "010020070790000000000000011100001399857831": "digits",
    }
    content = [doc.text[s.start : s.end] for s in doc.segments]
    assert not set(junk) & set(content)
    assert len(content) == 17  # title + 16 body paragraphs, blank lines skipped
    _check_spans(doc)


def test_raw_004_nav_crumb_and_source_stamp_excluded() -> None:
    doc = ingest_file(CHIN_GANG)
    junk = {doc.text[b.start : b.end]: b.kind for b in doc.boilerplate}
    assert junk["الصفحة الرئيسية >> التبادلات الدولية"] == "nav"
    assert junk["/مصدر: شينخوا/\u00a0\u00a0\u00a02023:04:27.10:18"] == "source_stamp"
    assert junk["صور ساخنة"] == "hot_pictures"
    assert doc.published_at == "2023-04-27T10:18"
    assert doc.published_date == "2023-04-27"
    # The title is the first line after the breadcrumb, not the breadcrumb itself.
    assert doc.title == "وزير الخارجية الصيني يجري محادثات مع دبلوماسيين كبار من دول آسيا الوسطى"
    assert (doc.dateline_place, doc.dateline_date, doc.agency) == ("شيآن", "2023-04-26", "Xinhua")
    content = [doc.text[s.start : s.end] for s in doc.segments]
    assert not any("مصدر" in c or ">>" in c or c == "صور ساخنة" for c in content)
    _check_spans(doc)


def test_raw_001_single_long_paragraph_has_no_title_and_share_line_is_dropped() -> None:
    doc = ingest_file(ONE_PARAGRAPH)
    assert doc.title is None and doc.title_span is None
    assert [s.kind for s in doc.segments] == ["body"]
    assert doc.text[doc.segments[0].start : doc.segments[0].end].startswith("أجرى عضو مجلس الدولة")
    assert [(doc.text[b.start : b.end], b.kind) for b in doc.boilerplate] == [("مشاركة :", "share")]
    assert doc.dateline_span is None and doc.published_date is None
    _check_spans(doc)


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name)
def test_every_raw_sample_keeps_text_verbatim(path: Path) -> None:
    doc = ingest_file(path)
    assert doc.text == path.read_bytes().decode("utf-8")
    _check_spans(doc)


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (ARTICLE.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1256"), "cp1256"),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (ARTICLE.replace("\n", "\r\n").encode("cp1256"), "cp1256"),
        (ARTICLE.replace("\n", "\r").encode("utf-16"), "utf-16"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "cp1256",
        "crlf",
        "cp1256-crlf",
        "cr-utf16",
    ],
)
def test_all_encodings_give_the_same_text_and_doc_id(data: bytes, encoding: str) -> None:
    reference = ingest_bytes(ARTICLE.encode("utf-8"), "ref.txt")
    doc = ingest_bytes(data, "other-name.txt")
    assert doc.encoding == encoding
    assert doc.text == ARTICLE
    assert doc.doc_id == reference.doc_id
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.title, doc.dateline_date, doc.agency) == (reference.title, "2023-10-25", "Xinhua")
    assert doc.segments == reference.segments


def test_doc_id_ignores_the_file_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b" / "other.txt"
    b.parent.mkdir()
    a.write_bytes(ARTICLE.encode("utf-8"))
    b.write_bytes(ARTICLE.encode("utf-8-sig"))
    doc_a, doc_b = ingest_file(a), ingest_file(str(b))
    assert doc_a.doc_id == doc_b.doc_id
    assert doc_a.sha256 != doc_b.sha256
    assert (doc_a.source_path, doc_b.source_path) == (str(a), str(b))


def test_decode_bytes_reports_encoding() -> None:
    assert decode_bytes("مشاركة :".encode("cp1256"), "x.txt") == ("مشاركة :", "cp1256")
    assert decode_bytes("\ufeffصور ساخنة".encode(), "x.txt") == ("صور ساخنة", "utf-8-sig")


# --- errors ------------------------------------------------------------------------------------

TRUNCATED = "بيشكك 25 أكتوبر".encode()[:-1]  # last Arabic letter cut after its lead byte


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\x01\x02\x03\x04\x05abc\x06\x07", "binary data"),
        (TRUNCATED, "truncated UTF-8"),
        (b"\xff\xfe" + "صور".encode("utf-16-le") + b"\x41", "truncated UTF-16"),
        ("Le président a déclaré à Pékin".encode("cp1252"), "undecodable"),
        ("قال الرئيس".encode() + b"\xff" + "إن الصين مستعدة للعمل مع قيرغيزستان".encode(), "invalid UTF-8"),
        (b" \n\r\n\t \n", "no article text"),
        ("مشاركة :\n\n2021-06-03 03:46:49|arabic.news.cn\n".encode(), "no article text"),
    ],
    ids=[
        "empty",
        "png",
        "random-binary",
        "controls",
        "truncated-utf8",
        "truncated-utf16",
        "latin1",
        "corrupt-utf8",
        "blank",
        "only-boilerplate",
    ],
)
def test_unusable_bytes_raise_ingest_error(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        ingest_bytes(data, "raw/bad.txt")
    err = info.value
    assert isinstance(err, IltizamError)
    assert reason in err.reason
    assert err.path == "raw/bad.txt" and str(err).startswith("raw/bad.txt: ")
    assert err.fix


def test_unusable_paths_raise_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a directory") as info:
        ingest_file(tmp_path)
    assert str(tmp_path) in str(info.value)
    missing = tmp_path / "nope.txt"
    with pytest.raises(IngestError, match="does not exist") as info:
        ingest_file(missing)
    assert info.value.path == str(missing)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match=r"empty\.txt: empty file"):
        ingest_file(empty)
    cut = tmp_path / "cut.txt"
    cut.write_bytes(ARTICLE.encode()[:-2] + "ة".encode()[:1])
    with pytest.raises(IngestError, match="truncated UTF-8"):
        ingest_file(cut)


# --- boilerplate: general web junk vs real sentences -------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("الرئيسية > أخبار > سياسة", "nav"),
        ("الرئيسية | سياسة | اقتصاد | رياضة", "nav"),
        ("شارك على فيسبوك تويتر واتساب", "share"),
        ("-----------------------------------------------------", "punctuation"),
        ("١٢٣٤٥", "digits"),
        (
            "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي "
            "على هاتفكم المحمول.",
            "promo",
        ),
        ("اقرأ أيضا: الصين وقيرغيزستان تعززان التعاون", "related"),
        ("تاريخ النشر: 25 أكتوبر 2023", "source_stamp"),
        ("© 2023 جميع الحقوق محفوظة", "copyright"),
        ("مصدر الصورة، Getty Images", "photo_credit"),
        ("إعلان", "ad"),
        ("(أ ف ب)", "credit"),
        ("10:18 ص", "source_stamp"),
    ],
)
def test_general_junk_lines(line: str, kind: str) -> None:
    text = f"{ARTICLE}{line}\n"
    doc = ingest_bytes(text.encode(), "junk.txt")
    assert [(doc.text[b.start : b.end], b.kind) for b in doc.boilerplate] == [(line, kind)]


@pytest.mark.parametrize(
    "line",
    [
        "ومن ضمن تلك الاتفاقات:",  # BBC lead-in line
        "7 حقائق عن سواكن السودانية التي ستطورها تركيا",
        "وفي 2023/10/25 وقع الطرفان اتفاقا للتعاون",
        'وتابع بوتين بالقول: "نحن سنستمر في العمل المشترك".',
        "وكان السيسي قد وصل في زيارة رسمية للسودان تستمر يومين.",
        "مسيرة سينمائية حافلة",
        "حملة على تويتر تطالب بالإفراج عن الصحفيين",
        "الصين > أمريكا في إنتاج الألواح الشمسية",
    ],
)
def test_real_sentences_are_kept(line: str) -> None:
    doc = ingest_bytes(f"{ARTICLE}{line}\n".encode(), "real.txt")
    assert doc.boilerplate == ()
    assert doc.text[doc.segments[-1].start : doc.segments[-1].end] == line


def test_cnn_article_dateline_span_is_in_document_text() -> None:
    text = (
        '"قطر" تزود الصين بالغاز لمدة 22 عاماً\n'
        "\u200bدبي، الإمارات العربية المتحدة (CNN)- -كشفت شركة قطر غاز، الأثنين، عن توقيع اتفاقية بيع.\n"
    )
    doc = ingest_bytes(text.encode(), "cnn.txt")
    assert doc.title == '"قطر" تزود الصين بالغاز لمدة 22 عاماً'
    assert (doc.dateline_place, doc.dateline_date, doc.agency, doc.published_date) == (
        "دبي",
        None,
        "CNN",
        None,
    )
    assert doc.text[doc.dateline_span[0] : doc.dateline_span[1]] == "دبي، الإمارات العربية المتحدة (CNN)"
    body = doc.segments[1]
    assert doc.text[body.start : body.end].startswith("دبي،")  # ZWSP left out of the span, kept in text
    assert "\u200b" in doc.text
    _check_spans(doc)


def test_dateline_without_year_takes_year_from_publication_stamp() -> None:
    text = (
        "الصين وقيرغيزستان توقعان اتفاقا\n"
        "2024-01-02 08:00|arabic.news.cn\n"
        "بكين، 30 ديسمبر (شينخوا) وقعت الصين وقيرغيزستان اتفاقا.\n"
    )
    doc = ingest_bytes(text.encode(), "x.txt")
    assert doc.published_at == "2024-01-02T08:00"
    assert doc.dateline_date == "2023-12-30"
    assert doc.published_date == "2024-01-02"


@pytest.mark.parametrize(
    ("stamp", "published_at"),
    [
        ("2021-06-03 03:46:49|arabic.news.cn", "2021-06-03T03:46:49"),
        ("/مصدر: شينخوا/   2023:04:27.10:18", "2023-04-27T10:18"),
        ("نشر في: ٢٠٢٣/١٠/٢٥ الساعة 10:18", "2023-10-25T10:18"),
        ("آخر تحديث: 25 أكتوبر 2023 - 10:18 م", "2023-10-25T22:18"),
        ("2021-06-03T03:46:49Z", "2021-06-03T03:46:49"),
        ("تاريخ النشر: 25/10/2023", "2023-10-25"),
    ],
)
def test_publication_stamps(stamp: str, published_at: str) -> None:
    doc = ingest_bytes(f"{ARTICLE}\n{stamp}\n".encode(), "stamp.txt")
    assert doc.published_at == published_at
    assert doc.published_date == published_at[:10]
    assert [b.kind for b in doc.boilerplate] == ["source_stamp"]


def test_title_rules() -> None:
    no_title = (
        "وقعت الصين وقيرغيزستان مذكرة تفاهم حول التنمية الخضراء.\nوذكر البيان أن الجانبين أشادا بالتطور.\n"
    )
    assert ingest_bytes(no_title.encode(), "t.txt").title is None
    dateline_first = "بيشكك 25 أكتوبر 2023 (شينخوا) قال لي\nوأضاف أن الجانب الصيني على استعداد.\n"
    doc = ingest_bytes(dateline_first.encode(), "t.txt")
    assert doc.title is None and doc.dateline_date == "2023-10-25"
    single_line = "صور ساخنة\nبيان مشترك: الصين وقيرغيزستان تعززان التعاون\n"
    assert ingest_bytes(single_line.encode(), "t.txt").title is None  # a headline needs a body


# --- property ----------------------------------------------------------------------------------

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءأإآى" + "  \t\u00a0\u200b\n\n\n\r" + "0123456789٠١٢٣" + ".،,:()-/|«»>؟!"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_spans_always_slice_stored_text(text: str) -> None:
    data = text.encode("utf-8")
    try:
        doc = ingest_bytes(data, "prop.txt")
    except IngestError as err:
        assert err.reason.startswith(("empty file", "no article text"))
        return
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert doc.segments
    _check_spans(doc)
    if doc.dateline_span is not None:
        line_start = doc.text.rfind("\n", 0, doc.dateline_span[0]) + 1
        assert doc.text[line_start : doc.dateline_span[1]].strip("\u200b \t\u00a0")
