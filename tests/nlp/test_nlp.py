"""stanza with the bundled models on real sentences from the Xinhua samples."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.document import DocAnalysis
from tasks.ingest.reader import ingest_bytes
from tasks.nlp.analyse import analyse_documents, line_end_pad, trim_proclitic, word_offsets

LEAD = (
    "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم (الأربعاء) إن الصين "
    "مستعدة للعمل مع قيرغيزستان لإفساح المجال كاملا أمام التكامل الصناعي وتوسيع نطاق وحجم التعاون "
    "الاقتصادي والتجاري، مع التركيز على التعاون عالي الجودة في إطار الحزام والطريق.\n"
    "وأعلنا بشكل مشترك بناء مجتمع مصير مشترك بين الصين وقيرغيزستان يتسم بحسن الجوار والرخاء المشترك.\n"
)


def test_word_offsets_split_a_clitic_token_exactly():
    spans, exact = word_offsets("وقيرغيزستان", 100, ["و", "قيرغيزستان"])
    assert exact and spans == [(100, 101), (101, 111)]
    spans, exact = word_offsets("للصين", 0, ["ل", "لصين"])
    assert exact and spans == [(0, 1), (1, 5)]
    # an expansion that restores letters keeps the token span for every word
    spans, exact = word_offsets("للصين", 0, ["ل", "الصين"])
    assert not exact and spans == [(0, 5), (0, 5)]


def test_proclitics_leave_entity_spans_but_the_lil_contraction_stays():
    assert trim_proclitic("وقيرغيزستان", ["و", "قيرغيزستان"]) == 1
    assert trim_proclitic("بالصين", ["ب", "الصين"]) == 1
    assert trim_proclitic("للأمم", ["ل", "لأمم"]) == 0
    assert trim_proclitic("الصين", ["الصين"]) == 0


@given(st.lists(st.text(alphabet="وبلكفالصينقيرغزستا", min_size=1, max_size=6), min_size=1, max_size=4))
def test_word_offsets_always_tile_the_token(words):
    token = "".join(words)
    spans, exact = word_offsets(token, 7, words)
    assert exact
    assert [token[s - 7 : e - 7] for s, e in spans] == words
    assert spans[0][0] == 7 and spans[-1][1] == 7 + len(token)


@pytest.fixture(scope="module")
def lead(nlp) -> tuple[object, DocAnalysis]:
    doc = ingest_bytes(("عنوان الخبر\n" + LEAD).encode(), "lead.txt")
    (analysis,) = analyse_documents(nlp, [doc])
    return doc, analysis


def test_one_analysis_per_document_in_order_with_its_own_rows(nlp, lead):
    doc, _ = lead
    other = ingest_bytes("الصين مستعدة للعمل مع قيرغيزستان.\n".encode(), "other.txt")
    both = analyse_documents(nlp, [doc, other])
    assert [a.doc for a in both] == [doc, other]
    for a in both:
        rows = [*a.sentences, *a.words, *a.mentions]
        assert rows and {r.doc_id for r in rows} == {a.doc_id}
        assert [s.sentence_idx for s in a.sentences] == list(range(len(a.sentences)))
        assert {w.sentence_idx for w in a.words} == {s.sentence_idx for s in a.sentences}
        assert not (a.entities or a.commitments or a.parties)  # later stages add those
        assert all(m.entity_id is None and m.source == "stanza" for m in a.mentions)


def test_sentences_follow_lines_and_slice_the_text(lead):
    doc, a = lead
    s = a.sentences
    assert len(s) >= 3
    for row in s:
        assert doc.text[row.start_char : row.end_char] == row.text
        assert "\n" not in row.text
    assert s[0].text == "عنوان الخبر" and s[0].is_title
    assert s[1].text.startswith("بيشكك 25 أكتوبر 2023")


def test_clitic_waw_is_split_from_kyrgyzstan_with_exact_offsets(lead):
    doc, a = lead
    words = [w for w in a.words if w.token_text == "وقيرغيزستان"]
    assert words, "token «وقيرغيزستان» not found"
    assert [w.text for w in words] == ["و", "قيرغيزستان"]
    for w in words:
        assert doc.text[w.start_char : w.end_char] == w.text
    for w in a.words:
        assert doc.text[w.token_start_char : w.token_end_char] == w.token_text
        if w.offsets_exact:
            assert doc.text[w.start_char : w.end_char] == w.text


def test_mentions_slice_the_text_and_carry_no_leading_clitic(lead):
    doc, a = lead
    texts = [m.text for m in a.mentions]
    assert texts, "the NER model found nothing in a sentence full of names"
    for m in a.mentions:
        assert doc.text[m.start_char : m.end_char] == m.text
    assert "وقيرغيزستان" not in texts
    assert "قيرغيزستان" in texts or "الصين" in texts


def test_a_dot_inside_a_word_or_a_number_ends_no_sentence(nlp):
    # dev2 (Al Arabiya) and dev (BBC): stanza ends sentences at «العربية.» and «17.»; the guideline does not
    text = ('من جهته قال ميخائيل بوغدانوف نائب وزير الخارجية الروسي في حديث لـ"العربية.نت" إن بلاده مستعدة '
            '"لدعم جهود الأصدقاء في لبنان".\nوقال إن التضخم في البلاد قفز إلى 17.9% بنهاية شهر أغسطس. ثم تراجع.\n')
    (a,) = analyse_documents(nlp, [ingest_bytes(text.encode(), "dots.txt")])
    texts = [s.text for s in a.sentences]
    assert any("العربية.نت" in t and "مستعدة" in t for t in texts)
    assert any("17.9%" in t for t in texts) and any(t == "ثم تراجع." for t in texts)
    for s in a.sentences:
        assert a.doc.text[s.start_char : s.end_char] == s.text
        words = [w for w in a.words if w.sentence_idx == s.sentence_idx]
        assert [w.word_idx for w in words] == list(range(len(words)))
        assert all(w.head is None or 0 <= w.head <= len(words) + 2 for w in words)


def test_a_line_ending_in_a_letter_keeps_its_last_word_whole(nlp):
    # the bundled tokenizer cut «لندن» into «لند» + «ن» at a line's end (29 of 747 gold-set sentences): the
    # line goes to stanza with « .» after it, whose tokens are dropped again
    text = "الصين وقيرغيزستان تبحثان التعاون مع لندن\nوقال إن بلاده ستواصل دعم إيران\n"
    (a,) = analyse_documents(nlp, [ingest_bytes(text.encode(), "ends.txt")])
    last = {}
    for w in a.words:
        last[w.sentence_idx] = w
    assert [last[s.sentence_idx].token_text for s in a.sentences] == ["لندن", "إيران"]
    assert all(a.doc.text[s.start_char : s.end_char] == s.text and not s.text.endswith(".") for s in a.sentences)
    assert all(m.end_char <= len(a.doc.text.rstrip()) and a.doc.text[m.start_char : m.end_char] == m.text
               for m in a.mentions)  # fmt: skip


@pytest.mark.parametrize(("line", "pad"), [("مع لندن", " ."), ("في 2018", " ."), ("انتهى.", ""), ('قال "نعم"', "")])
def test_only_a_line_ending_in_a_letter_or_digit_is_padded(line, pad):
    assert line_end_pad(line) == pad
