"""KB matching (tasks/entities/resolve.py ``_match_at``): a run of words grows only while its key begins a KB key;
whatever the text, the match is the one keying every length would give."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.entities import resolve
from tasks.entities.resolve import _match_at, get_index, words_in

INDEX = get_index()
# real KB names of two words or more («الأمم المتحدة», «كوريا الشمالية», «مجلس التعاون الخليجي»), their words
# alone, and words around them in the news
_MULTI = sorted(k for k in INDEX.entries if k.count(" ") >= 1)[::13]
_NAME_WORDS = sorted({w for k in _MULTI for w in k.replace("-", " ").split()})
WORDS = st.sampled_from([*_NAME_WORDS, "قال", "في", "إن", "الرئيس", "وزير", "ـ", "JD.com", "5+1", "2018"])
PROCLITICS = st.sampled_from(["", "", "", "و", "ب", "لل", "وال", "لـ"])
GAPS = st.sampled_from([" ", " ", " ", " - ", "-", "، ", " #", "_", "\u200c", " (", "ـ ", ". "])
# a whole KB name, its spaces kept or each replaced by another gap
NAMES = st.builds(lambda k, gaps: "".join(w + g for w, g in zip(k.split(" "), [*gaps, ""], strict=False)),
                  st.sampled_from(_MULTI), st.lists(GAPS, min_size=8, max_size=8))  # fmt: skip


def _every_length(text, words, i, top, variants, index):  # type: ignore[no-untyped-def]  # the reference
    return list(range(top, 0, -1))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(PROCLITICS, st.one_of(WORDS, NAMES), GAPS), min_size=1, max_size=6))
def test_pruned_matching_equals_keying_every_length(parts: list[tuple[str, str, str]]) -> None:
    text = "".join(p + w + g for p, w, g in parts)
    words = words_in(text, 0, len(text))
    pruned = [_match_at(text, words, i, INDEX) for i in range(len(words))]
    with mock.patch.object(resolve, "_key_sizes", _every_length):
        full = [_match_at(text, words, i, INDEX) for i in range(len(words))]
    assert pruned == full


def test_real_sentences_match_the_longest_kb_name() -> None:
    text = "وقال الأمين العام للأمم المتحدة إن مجلس التعاون الخليجي ودولة الإمارات العربية المتحدة اتفقت"
    words = words_in(text, 0, len(text))
    hits = {}
    i = 0
    while i < len(words):
        hit = _match_at(text, words, i, INDEX)
        if hit is None:
            i += 1
            continue
        hits[text[hit.start : hit.end]] = hit.entity.canonical
        i += hit.n_words
    assert hits["للأمم المتحدة"] == "United Nations"
    assert "مجلس التعاون الخليجي" in hits
    assert any("الإمارات العربية المتحدة" in s for s in hits)
