"""Name-swap augmentation of the silver NER sentences (tasks/build/name_swap.py), on real silver sentences."""

from hypothesis import given
from hypothesis import strategies as st

from tasks.build.name_swap import (
    PER_BEGIN,
    PER_INSIDE,
    augment,
    name_word_pool,
    person_spans,
    silver_names,
    swap_names,
)
from tasks.text.normalize import normalize

# two sentences of the silver set (ANT corpus, BBC), as tasks.build.silver writes them
SAID = [("وقال", "O"), ("الرئيس", "O"), ("الأمريكي", "O"), ("دونالد", PER_BEGIN), ("ترامب", PER_INSIDE),
        ("إن", "O"), ("بلاده", "O"), ("ستفرض", "O"), ("رسوما", "O"), ("على", "O"), ("الصين", "B-LOC")]  # fmt: skip
MET = [("والتقى", "O"), ("بومبيو", PER_BEGIN), ("نظيره", "O"), ("الروسي", "O"), ("سيرغي", PER_BEGIN),
       ("لافروف", PER_INSIDE), ("في", "O"), ("هلسنكي", "B-LOC")]  # fmt: skip
NONE = [("وارتفعت", "O"), ("أسعار", "O"), ("النفط", "O"), ("في", "O"), ("آسيا", "B-LOC")]
# the news corpus's counts, keyed like tasks.text.clitics.lexicon_count (normalised)
COUNTS = {normalize(w): n for w, n in {"ترامب": 5000, "رئيس": 90000, "أول": 80000, "لترامب": 40}.items()}


def count_of(key: str) -> int:
    return COUNTS.get(key, 0)


def non_person(sentence):
    return [(w, t) for w, t in sentence if t not in (PER_BEGIN, PER_INSIDE)]


def test_person_spans():
    assert person_spans(SAID) == [(3, 5)]
    assert person_spans(MET) == [(1, 2), (4, 6)]
    assert person_spans(NONE) == []


def test_swapped_copies_keep_every_other_word_and_label():
    names = silver_names([SAID, MET], count_of)
    out = swap_names([SAID, MET, NONE], names, ["أندرياس", "كوفالسكي", "ميلاني"], copies=2, seed=7)
    assert len(out) == 4  # two copies of each sentence with a person, none of the other
    for new, old in zip(out, [SAID, SAID, MET, MET], strict=True):
        assert non_person(new) == non_person(old)
        assert len(person_spans(new)) == len(person_spans(old))
        for a, b in person_spans(new):
            assert new[a][1] == PER_BEGIN and all(t == PER_INSIDE for _, t in new[a + 1 : b])
    assert out == swap_names([SAID, MET, NONE], names, ["أندرياس", "كوفالسكي", "ميلاني"], copies=2, seed=7)


def test_silver_names_leave_a_proclitic_span_out():
    sentence = [("وقال", "O"), ("لترامب", PER_BEGIN), ("إن", "O")]
    assert silver_names([SAID, sentence], count_of) == [("دونالد", "ترامب")]


def test_pool_filters():
    lines = [
        "andreas\tأ ن د ر ي ا س\t12",  # kept
        "kowalski\tك و ف ا ل س ك ي\t1",  # seen once
        "reyes\tر ئ ي س\t3",  # «رئيس»: an ordinary word of the news
        "ole\tأ و ل\t4",  # «أول» likewise
        "hariri\tا ل ح ر ي ر ي\t9",  # the article
        "li\tل ي\t30",  # too short
        "trump\tت ر ا م ب\t40",  # frequent in the news, but a silver person's word
        "bad line",
    ]
    assert name_word_pool(lines, {normalize("ترامب")}, count_of) == ["أندرياس", "ترامب"]


def test_augment_counts():
    out, counts = augment([SAID, MET, NONE], "andreas\tأ ن د ر ي ا س\t12\n", 1, 1, count_of)
    assert counts == {"silver_names": 3, "name_word_pool": 1, "swapped_sentences": 2}
    assert len(out) == 2


TAGS = st.sampled_from(["O", "B-LOC", "I-LOC", PER_BEGIN, PER_INSIDE])


@given(st.lists(st.tuples(st.sampled_from(["في", "قال", "نيويورك", "محمد", "علي"]), TAGS), max_size=20),
       st.integers(0, 1000))  # fmt: skip
def test_swap_keeps_the_rest_of_any_sentence(sentence, seed):
    out = swap_names([sentence], [("سامي", "يوسف")], ["أندرياس", "ميلاني"], copies=1, seed=seed)
    assert len(out) == (1 if person_spans(sentence) else 0)
    for new in out:
        assert non_person(new) == non_person(sentence)
        assert len(person_spans(new)) == len(person_spans(sentence))


def test_a_missing_name_source_names_the_fix(tmp_path):
    import json

    import pytest

    from tasks.build.training import prepare_ner
    from tasks.errors import TrainingError

    aqmar, silver = tmp_path / "aqmar", tmp_path / "silver"
    aqmar.mkdir()
    silver.mkdir()
    (aqmar / "a.txt").write_text("قال O\nترامب B-PER\n\n", encoding="utf-8")
    for part in ("train", "dev"):
        sentence = [{"text": w, "ner": t} for w, t in SAID]
        (silver / f"silver.{part}.json").write_text(json.dumps([sentence], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TrainingError, match="--name-source"):
        prepare_ner(aqmar, tmp_path / "out", silver=silver, name_swap_copies=1, name_source=tmp_path / "absent")
