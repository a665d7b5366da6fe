"""Name-swap augmentation of the silver NER sentences (build time only).

Why: the silver sentences (``tasks.build.silver``) label the persons the entity layer knows, and news names a few
of them over and over: in the 3,000 articles of the bundled model, 5,825 person mentions are 1,171 distinct
names and «ترامب» alone is 1,091 of them. A model trained on that learns the names, not the contexts that
announce a person («وقال …», «المتحدثة باسم الوزارة …»), and misses the names it has not seen, which is what
unknown news is made of. So each training sentence with a person gets ``copies`` more versions in which every
person span is replaced by another name; the words around it and their labels stay as they were.

The replacement is, with equal odds, a distinct person name of the silver sentences themselves (uniform over
names, not over mentions, so Trump is one name among 1,171) or a synthetic name of one to three person-name words
drawn from Wikidata's Arabic person labels (the word list ``tasks.build.name_words`` reads: repository
steveash/NETransliteration-COLING2018 @ 5d5f59e, ``data/wd_arabic.normalized.aligned.tokens``, CC0 1.0). A
one-word span (a surname alone) is replaced by one word half of the time. Pool filters (``name_word_pool``):
seen at least ``MIN_WORD_COUNT`` times, at least ``MIN_LETTERS`` Arabic letters, no article, and not an ordinary
word of the news (written more than ``COMMON_WORD_MAX`` times in the news corpus) unless a silver person uses it:
the alignment has artefacts such as «رئيس», «أول», «بريطانيا».
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from tasks.nlp.analyse import PROCLITICS
from tasks.text.normalize import normalize

MIN_WORD_COUNT = 2
"""A Wikidata name word seen once may be a misalignment."""
MIN_LETTERS = 3
ARTICLE = "ال"
COMMON_WORD_MAX = 200
"""A word the news corpus writes more often than this is an ordinary word, unless a silver person's name has it.
Measured with 20 too (680 fewer pool words, half of them words: «عدن», «والد», «عريضة»): ANERcorp person recall
0.591 instead of 0.545 through the pipeline, but more adjectives read as persons («نفطيون», «جيوسياسي», «شيئين»)
and dev2's canonical entity F1 0.846 instead of 0.851 (README, Models)."""
SILVER_NAME_SHARE = 0.5
"""Share of replacements taken from the silver names (the rest synthetic)."""
ONE_WORD_SHARE = 0.5
"""Share of one-word spans (a surname alone) that get one word rather than a full name."""
SYNTHETIC_LENGTHS = (1, 2, 2, 2, 3)
"""Number of words of a synthetic name, drawn uniformly from this tuple."""
PER_BEGIN, PER_INSIDE = "B-PER", "I-PER"

Sentence = list[tuple[str, str]]


def person_spans(sentence: Sequence[tuple[str, str]]) -> list[tuple[int, int]]:
    """[start, end) token spans of the persons of a BIO-labelled sentence (an I- without B- opens a span)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, (_word, tag) in enumerate(sentence):
        if tag == PER_BEGIN or (tag == PER_INSIDE and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif tag != PER_INSIDE and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(sentence)))
    return spans


def silver_names(
    sentences: Iterable[Sequence[tuple[str, str]]], count_of: Callable[[str], int]
) -> list[tuple[str, ...]]:
    """The distinct person names of the sentences, sorted; not a span whose first word carries a proclitic the
    news writes more often without («لترامب»: «ترامب» is the name)."""
    names: set[tuple[str, ...]] = set()
    for s in sentences:
        for a, b in person_spans(s):
            words = tuple(w for w, _ in s[a:b])
            first = words[0]
            if first[:1] in PROCLITICS and count_of(normalize(first[1:])) > count_of(normalize(first)):
                continue
            names.add(words)
    return sorted(names)


def name_word_pool(lines: Iterable[str], person_words: set[str], count_of: Callable[[str], int]) -> list[str]:
    """Person-name words of the Wikidata tokens file (``english<TAB>arabic letters spaced<TAB>count``) that pass
    the module's filters; ``person_words`` are the normalised words of the silver names."""
    counts: Counter[str] = Counter()
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3 and parts[2].isdigit():
            counts["".join(parts[1].split())] += int(parts[2])
    pool = []
    for word, n in counts.items():
        key = normalize(word)
        if n < MIN_WORD_COUNT or len(key) < MIN_LETTERS or key.startswith(ARTICLE):
            continue
        if not all("\u0621" <= c <= "\u064a" for c in word):
            continue
        if count_of(key) > COMMON_WORD_MAX and key not in person_words:
            continue
        pool.append(word)
    return sorted(pool)


def swap_names(
    sentences: Sequence[Sentence], names: Sequence[tuple[str, ...]], pool: Sequence[str], copies: int = 1,
    seed: int = 1234,
) -> list[Sentence]:  # fmt: skip
    """``copies`` new versions of every sentence with a person, each person span replaced (module docstring);
    sentences without a person give none. Deterministic for a seed."""
    rng = random.Random(seed)
    out: list[Sentence] = []
    for s in sentences:
        spans = person_spans(s)
        if not spans:
            continue
        for _ in range(copies):
            new: Sentence = []
            last = 0
            for a, b in spans:
                new += list(s[last:a])
                if names and (not pool or rng.random() < SILVER_NAME_SHARE):
                    name = rng.choice(names)
                else:
                    name = tuple(rng.choice(pool) for _ in range(rng.choice(SYNTHETIC_LENGTHS)))
                if b - a == 1 and len(name) > 1 and rng.random() < ONE_WORD_SHARE:
                    name = name[-1:]
                new += [(w, PER_BEGIN if i == 0 else PER_INSIDE) for i, w in enumerate(name)]
                last = b
            new += list(s[last:])
            out.append(new)
    return out


def augment(
    sentences: Sequence[Sentence], tokens_text: str, copies: int, seed: int, count_of: Callable[[str], int]
) -> tuple[list[Sentence], dict[str, int]]:
    """The swapped copies of ``sentences`` with the Wikidata tokens file's text as the word source, and counts."""
    names = silver_names(sentences, count_of)
    person_words = {normalize(w) for name in names for w in name}
    pool = name_word_pool(tokens_text.splitlines(), person_words, count_of)
    out = swap_names(sentences, names, pool, copies, seed)
    return out, {"silver_names": len(names), "name_word_pool": len(pool), "swapped_sentences": len(out)}
