"""stanza with the bundled models on real sentences from the Xinhua samples."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.ingest.reader import ingest_bytes
from tasks.nlp.analyse import analyse, trim_proclitic, word_offsets

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
def lead(nlp):
    doc = ingest_bytes(("عنوان الخبر\n" + LEAD).encode(), "lead.txt")
    return doc, analyse(nlp, [doc])


@pytest.mark.slow
def test_sentences_follow_lines_and_slice_the_text(lead):
    doc, out = lead
    s = out.sentences
    assert len(s["doc_id"]) >= 3
    for start, end, text in zip(s["start_char"], s["end_char"], s["text"], strict=True):
        assert doc.text[start:end] == text
        assert "\n" not in text
    assert s["text"][0] == "عنوان الخبر" and s["is_title"][0]
    assert s["text"][1].startswith("بيشكك 25 أكتوبر 2023")


@pytest.mark.slow
def test_clitic_waw_is_split_from_kyrgyzstan_with_exact_offsets(lead):
    doc, out = lead
    t = out.tokens
    rows = [i for i, tok in enumerate(t["token_text"]) if tok == "وقيرغيزستان"]
    assert rows, "token «وقيرغيزستان» not found"
    words = [(t["text"][i], t["start_char"][i], t["end_char"][i]) for i in rows]
    assert [w for w, _, _ in words] == ["و", "قيرغيزستان"]
    for w, start, end in words:
        assert doc.text[start:end] == w
    for i in range(len(t["text"])):
        assert doc.text[t["token_start_char"][i] : t["token_end_char"][i]] == t["token_text"][i]
        if t["offsets_exact"][i]:
            assert doc.text[t["start_char"][i] : t["end_char"][i]] == t["text"][i]


@pytest.mark.slow
def test_mentions_slice_the_text_and_carry_no_leading_clitic(lead):
    doc, out = lead
    m = out.mentions
    assert m["text"], "the NER model found nothing in a sentence full of names"
    for start, end, text in zip(m["start_char"], m["end_char"], m["text"], strict=True):
        assert doc.text[start:end] == text
    assert "وقيرغيزستان" not in m["text"]
    assert any("قيرغيزستان" == x for x in m["text"]) or any("الصين" == x for x in m["text"])


def test_clitic_backoff_splits_unseen_names_but_not_names_or_common_words():
    from tasks.text.clitics import split_clitics

    assert split_clitics("وقيرغيزستان") == ["و", "قيرغيزستان"]
    assert split_clitics("وقازاقستان") == ["و", "قازاقستان"]
    assert split_clitics("بالصين") == ["ب", "الصين"]
    assert split_clitics("للصين") == ["ل", "لصين"]  # ل + ال contracted, spelled as UD does
    for whole in ("بيشكك", "وزير", "ولاية", "ودية", "لندن", "وانغ"):
        assert split_clitics(whole) is None, whole
