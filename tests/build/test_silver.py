"""Silver NER sentences: mentions → BIO over stanza's surface tokens, and which sentences are refused."""

import json
import re
from pathlib import Path

from tasks.build import silver as sv
from tasks.build import training as tr
from tasks.document import MentionRecord, WordRecord
from tests.conftest import SHARED

# The seed article's first body sentence (../shared/eval/seeds_gold.jsonl), shortened, with «وقيرغيزستان».
TEXT = "قال رئيس مجلس الدولة الصيني لي تشيانغ إن الصين مستعدة للعمل مع بيشكك وقيرغيزستان ."
NISBAS = {"الصيني"}


def tokens(text: str = TEXT) -> list[sv.Token]:
    """Whitespace tokens with their offsets (stanza's tokens for this sentence)."""
    return [sv.Token(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def mention(surface: str, type_: str, source: str = "kb", text: str = TEXT, nth: int = 0) -> MentionRecord:
    start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
    end = start + len(surface)
    return MentionRecord("m", "d", 0, start, end, surface, type_, source, None, None)


def is_nisba(surface: str) -> bool:
    return surface in NISBAS


def tags_of(mentions, teacher=()):
    return sv.label_sentence(tokens(), mentions, list(teacher), is_nisba)


def test_high_precision_mentions_become_bio_and_a_proclitic_stays_in_the_token():
    ms = [
        mention("مجلس الدولة", "ORG"),
        mention("الصيني", "GPE"),
        mention("لي تشيانغ", "PER", "title"),
        mention("الصين", "GPE", nth=1),
        mention("بيشكك", "GPE", "gazetteer"),
        mention("قيرغيزستان", "GPE"),  # the pipeline's span leaves و outside
    ]
    tags, reason, nisba = tags_of(ms)
    assert reason == "ok" and nisba == 1
    pairs = [(t.text, tag) for t, tag in zip(tokens(), tags, strict=True) if tag != "O"]
    assert pairs == [
        ("مجلس", "B-ORG"), ("الدولة", "I-ORG"),  # «الصيني» is a nisba: O, as AQMAR and ANERcorp tag it
        ("لي", "B-PER"), ("تشيانغ", "I-PER"),
        ("الصين", "B-LOC"), ("بيشكك", "B-LOC"),  # GPE → LOC
        ("وقيرغيزستان", "B-LOC"),  # the whole surface token, as AQMAR tags «وكريستانو»
    ]  # fmt: skip


def test_dates_are_left_out_and_a_sentence_without_names_is_all_o():
    text = "وصل الوفد يوم الأربعاء ."
    toks = tokens(text)
    date = mention("يوم الأربعاء", "DATE", "rules", text)
    tags, reason, _ = sv.label_sentence(toks, [date], [], is_nisba)
    assert reason == "ok" and tags == ["O"] * len(toks)


def test_a_sentence_with_an_uncertain_mention_is_refused():
    ms = [mention("لي تشيانغ", "PER", "stanza"), mention("الصين", "GPE", nth=1)]
    tags, reason, _ = tags_of(ms)
    assert tags is None and reason == "uncertain_mention:stanza"


def test_the_person_rules_are_trusted_only_with_the_persons_sources():
    # a person the speaker's slot found («لي تشيانغ» here): refused by default, a label with ``persons``
    ms = [mention("لي تشيانغ", "PER", "speaker-slot"), mention("الصين", "GPE", nth=1)]
    tags, reason, _ = tags_of(ms)
    assert tags is None and reason == "uncertain_mention:speaker-slot"
    tags, reason, _ = sv.label_sentence(tokens(), ms, [], is_nisba, sources=sv.SOURCE_SETS["persons"])
    assert reason == "ok" and tags[tokens().index(next(t for t in tokens() if t.text == "لي"))] == "B-PER"


def test_a_name_the_teacher_found_and_no_source_labels_refuses_the_sentence():
    lee = mention("لي تشيانغ", "PER", "stanza")
    tags, reason, _ = tags_of([mention("الصين", "GPE", nth=1)], teacher=[(lee.start_char, lee.end_char)])
    assert tags is None and reason == "teacher_span_unlabelled"
    # the same span is fine once a high-precision mention covers it
    ok = tags_of([mention("لي تشيانغ", "PER", "kb")], teacher=[(lee.start_char, lee.end_char)])
    assert ok[1] == "ok"


def test_a_proper_noun_no_source_labels_refuses_the_sentence():
    # «تشيانغ» read as PROPN by the POS model while only «الصين» is labelled: the name would be trained as O
    lee = mention("تشيانغ", "PER", "stanza")
    labelled = [mention("الصين", "GPE", nth=1)]
    refused = sv.label_sentence(tokens(), labelled, [], is_nisba, [(lee.start_char, lee.end_char)])
    assert refused[0] is None and refused[1] == "proper_noun_unlabelled"
    # a proper noun inside a labelled mention (or a nisba, or a date) is fine
    china = labelled[0]
    kept = sv.label_sentence(tokens(), labelled, [], is_nisba, [(china.start_char, china.end_char)])
    assert kept[1] == "ok"


def test_partial_tokens_other_than_a_proclitic_refuse_the_sentence():
    toks = tokens()
    k = next(t for t in toks if t.text == "وقيرغيزستان")
    assert sv.bio_tags(toks, [sv.Span(k.start, k.end - 3, "LOC")]) == (None, "span_ends_mid_token")
    assert sv.bio_tags(toks, [sv.Span(k.start + 3, k.end, "LOC")]) == (None, "span_starts_mid_token")
    assert sv.bio_tags(toks, [sv.Span(k.start + 1, k.end, "LOC"), sv.Span(k.start, k.start + 1, "ORG")])[1] in (
        "token_in_two_spans",
        "span_ends_mid_token",
    )


def test_a_span_next_to_a_word_the_tokenizer_cut_is_refused():
    # the bundled tokenizer cuts the last letter off a line's final word: «واشنطن» → «واشنط» «ن»
    text = "العاصمة الأمريكية واشنطن"
    w = text.index("واشنطن")
    toks = [*tokens(text)[:2], sv.Token(w, w + 5, "واشنط"), sv.Token(w + 5, w + 6, "ن")]
    assert sv.bio_tags(toks, [sv.Span(w, w + 6, "LOC")]) == (None, "span_cuts_word")
    assert sv.bio_tags(toks, [sv.Span(0, 7, "LOC")])[1] == "ok"  # elsewhere in the sentence the cut is harmless
    # a kashida after a clitic cuts no word: «بـ"النظام"»
    assert not sv._glued(sv.Token(0, 1, "ب"), sv.Token(1, 2, "ـ"))


def test_tokens_come_from_the_word_rows_one_per_surface_token():
    text = "مع وقيرغيزستان"

    def word(t_idx, w_idx, token, form, start, end, t_start, t_end):
        return WordRecord("d", 0, t_idx, w_idx, token, form, None, None, None, None, None, None, start, end,
                          t_start, t_end, token != form, True)  # fmt: skip

    words = [
        word(0, 0, "مع", "مع", 0, 2, 0, 2),
        word(1, 1, "وقيرغيزستان", "و", 3, 4, 3, 14),
        word(1, 2, "وقيرغيزستان", "قيرغيزستان", 4, 14, 3, 14),
    ]
    assert sv.sentence_tokens(words) == {0: [sv.Token(0, 2, "مع"), sv.Token(3, 14, "وقيرغيزستان")]}
    assert text[3:14] == "وقيرغيزستان"


def test_gold_articles_and_the_check_set_are_excluded():
    ids, urls = sv.exclusions()
    assert "BB-economy-83-20180327" in ids  # dev_gold
    assert "SK-economy-825-20180622" in ids  # dev2_gold, «ant_» prefix removed
    assert "bbc.co.uk/arabic/business-43558866" in urls
    assert len(sv.EXCLUDE_FILE.read_text().split()) == 300
    assert sv.ids_of_raw_folder(Path("/nonexistent")) == []


def test_prepare_ner_adds_silver_to_train_and_dev_and_keeps_the_aqmar_test(tmp_path):
    silver = tmp_path / "silver"
    silver.mkdir()
    toks = tokens()
    tags, _, _ = tags_of([mention("الصين", "GPE", nth=1)])
    result = sv.SentenceResult("a", 0, [t.text for t in toks], tags, "ok")
    sv.write_ner_json([result] * 3, silver / "silver.train.json")
    sv.write_ner_json([result], silver / "silver.dev.json")
    aqmar = SHARED / "corpora" / "aqmar"
    plain = tr.prepare_ner(aqmar, tmp_path / "plain")
    mixed = tr.prepare_ner(aqmar, tmp_path / "mixed", silver=silver, aqmar_repeat=2)
    assert mixed["train"] == 2 * plain["train"] + 3 and mixed["dev"] == plain["dev"] + 1
    assert mixed["silver_train"] == 3 and mixed["aqmar_train"] == plain["train"]
    test = (tmp_path / "plain" / "ner.test.json").read_text()
    assert (tmp_path / "mixed" / "ner.test.json").read_text() == test
    train = json.loads((tmp_path / "mixed" / "ner.train.json").read_text())
    assert sum(1 for s in train if [w["text"] for w in s] == [t.text for t in toks]) == 3
