"""Cue families: every inflected form of a commitment cue, generated from its stems (``families.toml``).

A family (a root or lemma with its modality) lists its perfect and imperfect stems, verbal nouns and
participles; :func:`forms` spells out every surface they take in news text — person, number and gender,
past, present, future with «سـ», the subjunctive and jussive after «لن/لم», object pronouns, the proclitics
«و/ف» (and «ب/ل» with «ال» on nouns), possessive pronouns on the masdar — each with its features. ``LOOKUP``
maps a normalised word to the forms it can be. Multi-word context («سوف», «لن», «لم», what follows the word) is
read by the cue finder (tasks.commitments.cues), not here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tasks.text.normalize import normalize

FAMILIES_PATH = Path(__file__).with_name("families.toml")

# Form classes a family can let propose candidates (its ``count`` list).
FORM_CLASSES = ("verb", "masdar", "masdar_pronoun", "participle")

# perfect suffix → (person, number, gender); «ت» is also I and you (person "1/2/3")
PERFECT_SUFFIXES: Mapping[str, tuple[str, str, str]] = MappingProxyType({
    "": ("3", "singular", "m"), "ت": ("1/2/3", "singular", "f"), "ا": ("3", "dual", "m"), "تا": ("3", "dual", "f"),
    "وا": ("3", "plural", "m"), "ن": ("3", "plural", "f"), "نا": ("1", "plural", "-"), "تم": ("2", "plural", "m"),
    "تما": ("2", "dual", "-"),
})  # fmt: skip
# imperfect prefix → person («ت» is she and you; «أ» is written «ا» once normalised)
IMPERFECT_PREFIXES: Mapping[str, str] = MappingProxyType({"ي": "3", "ت": "2/3", "ن": "1", "ا": "1"})
# imperfect suffix → (number, mood): indicative, and subjunctive/jussive (after «لن», «لم», «أن»)
IMPERFECT_SUFFIXES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "": ("singular", "indicative/subjunctive"), "ان": ("dual", "indicative"), "ون": ("plural", "indicative"),
    "ين": ("singular", "indicative"), "ن": ("plural", "any"), "ا": ("dual", "subjunctive"),
    "وا": ("plural", "subjunctive"), "ي": ("singular", "subjunctive"),
})  # fmt: skip
# object pronouns on verbs, possessives on nouns («ـني», me, is left out: «دعوني أقول» is «let me say»)
PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا")
# the first person of the imperfect (I, we) takes no number suffix: «نتعهد», never «نتعهدان»
FIRST_PERSON_PREFIXES = ("ن", "ا")
# «و» and «ف» before any word; «ب» and «ل» before nouns
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل")
FUTURE = "س"
DEFINITE = "ال"
TA_MARBUTA = "ه"  # «ة» once normalised; «ت» before a suffix («رغبة» → «رغبته»)
# participle endings → (number, gender); «ا» is the accusative singular («متعهدا»)
PARTICIPLE_ENDINGS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "": ("singular", "m"), "ا": ("singular", "m"), "ه": ("singular", "f"), "ان": ("dual", "m"),
    "تان": ("dual", "f"), "تين": ("dual", "f"), "ون": ("plural", "m"), "ين": ("plural/dual", "m"),
    "ات": ("plural", "f"),
})  # fmt: skip


@dataclass(frozen=True)
class Form:
    """What one surface of a family is: the features the decision step and provenance read."""

    family: str
    modality: str
    form: str  # verb, masdar, masdar_pronoun, participle
    tense: str  # past, present, future, masdar, participle
    person: str = "-"
    number: str = "-"
    gender: str = "-"
    mood: str = "-"
    pronoun: str = ""  # an attached object or possessive pronoun
    proclitic: str = ""  # «و», «ف», «ب», «ل» (and «ال» on nouns)

    @property
    def nominal(self) -> bool:
        return self.form != "verb"


@dataclass(frozen=True)
class Family:
    """One family as written in ``families.toml``, entries normalised."""

    id: str
    modality: str
    future_modality: str
    past: tuple[str, ...] = ()
    past_forms: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    present_forms: tuple[str, ...] = ()
    masdar: tuple[str, ...] = ()
    participle: tuple[str, ...] = ()
    count: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    next_for: tuple[str, ...] = ()
    not_next: tuple[str, ...] = ()
    prev: tuple[str, ...] = ()
    prev_for: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    pronoun_next: tuple[str, ...] = ()
    tenses: tuple[str, ...] = ()
    check: str = ""
    objects: bool = True
    definite: bool = True
    reciprocal: bool = False
    min_actors: int = 0
    next_after_words: int = 0  # ``next`` may also come after this many words (a subject: «طلبت تركيا من السعودية»)


def load_families(path: Path = FAMILIES_PATH) -> tuple[Family, ...]:
    """The families of the data file, in file order."""
    with path.open("rb") as f:
        tables: dict[str, Any] = tomllib.load(f)
    out = []
    for t in tables["family"]:
        lists = {k: tuple(normalize(w) for w in v) for k, v in t.items() if isinstance(v, list)}
        out.append(Family(id=t["id"], modality=t["modality"], future_modality=t.get("future_modality", t["modality"]),
                          check=t.get("check", ""), objects=t.get("objects", True),
                          definite=t.get("definite", True), reciprocal=t.get("reciprocal", False),
                          min_actors=t.get("min_actors", 0), next_after_words=t.get("next_after_words", 0),
                          **lists))  # fmt: skip
    return tuple(out)


def load_next_adverbs(path: Path = FAMILIES_PATH) -> tuple[str, ...]:
    """The adverbs a family's ``next`` words may follow (``next_adverbs`` of the data file), normalised."""
    with path.open("rb") as f:
        return tuple(normalize(w) for w in tomllib.load(f).get("next_adverbs", []))


def _with_object(word: str, pronoun: str) -> str:
    """A verb with an object pronoun: «وقعوا» + «ها» → «وقعوها» (the alef of «وا» drops)."""
    return (word[:-1] if word.endswith("وا") else word) + pronoun


def _join_prefix(prefix: str, stem: str) -> str:
    """«ا» (I) before a stem that starts with alef merges with it: «أأمل» is written «آمل» → «امل»."""
    return stem if prefix == "ا" and stem.startswith("ا") else prefix + stem


def _verbs(fam: Family) -> Iterator[tuple[str, Form]]:
    """Perfect and imperfect forms (future with «سـ»), with object pronouns, before proclitics."""
    for stem in fam.past:
        for suf, (person, number, gender) in PERFECT_SUFFIXES.items():
            yield stem + suf, Form(fam.id, fam.modality, "verb", "past", person, number, gender)
    for word in fam.past_forms:
        yield word, Form(fam.id, fam.modality, "verb", "past")
    present: list[tuple[str, str, str, str]] = []  # word, person, number, mood
    for stem in fam.present:
        for pre, person in IMPERFECT_PREFIXES.items():
            for suf, (number, mood) in IMPERFECT_SUFFIXES.items():
                if suf and pre in FIRST_PERSON_PREFIXES:
                    continue
                present.append((_join_prefix(pre, stem) + suf, person, number, mood))
    present += [(w, IMPERFECT_PREFIXES.get(w[0], "-"), "-", "-") for w in fam.present_forms]
    for word, person, number, mood in present:
        yield word, Form(fam.id, fam.modality, "verb", "present", person, number, "-", mood)
        if mood != "subjunctive":
            yield FUTURE + word, Form(fam.id, fam.future_modality, "verb", "future", person, number, "-", mood)


def _nouns(fam: Family) -> Iterator[tuple[str, Form]]:
    """Masdar (bare, with «ال», with a possessive pronoun) and participles (gender, number, «ال»)."""
    for m in fam.masdar:
        yield m, Form(fam.id, fam.modality, "masdar", "masdar")
        if fam.definite:
            yield DEFINITE + m, Form(fam.id, fam.modality, "masdar", "masdar", proclitic=DEFINITE)
        base = m[:-1] + "ت" if m.endswith(TA_MARBUTA) else m
        for p in PRONOUNS:
            yield base + p, Form(fam.id, fam.modality, "masdar_pronoun", "masdar", pronoun=p)
    for p in fam.participle:
        for end, (number, gender) in PARTICIPLE_ENDINGS.items():
            word = p + end
            yield word, Form(fam.id, fam.modality, "participle", "participle", "-", number, gender)
            if not fam.definite:
                continue
            yield DEFINITE + word, Form(fam.id, fam.modality, "participle", "participle", "-", number, gender,
                                        proclitic=DEFINITE)  # fmt: skip


def forms(fam: Family) -> Iterator[tuple[str, Form]]:
    """Every surface of a family (normalised) with its features."""
    for word, f in _verbs(fam):
        for pron in ("", *PRONOUNS) if fam.objects else ("",):
            w = _with_object(word, pron) if pron else word
            g = f if not pron else Form(**{**f.__dict__, "pronoun": pron})
            for conj in CONJUNCTIONS:
                yield conj + w, g if not conj else Form(**{**g.__dict__, "proclitic": conj})
    for word, f in _nouns(fam):
        for conj in CONJUNCTIONS:
            for prep in PREPOSITIONS:
                # «ل» + «ال» is written «لل» («للتوقيع»)
                w = prep + (word[1:] if prep == "ل" and word.startswith(DEFINITE) else word)
                clitic = conj + prep + f.proclitic
                yield conj + w, f if not clitic else Form(**{**f.__dict__, "proclitic": clitic})


def build_lookup(families: tuple[Family, ...]) -> Mapping[str, tuple[Form, ...]]:
    """Normalised surface → the family forms it can be (a surface may be several: «تعهد» is a perfect, a
    masdar; «توقع» is «she signs» — and the verb «expected», which the cue finder tells apart)."""
    table: dict[str, list[Form]] = {}
    for fam in families:
        excluded = set(fam.exclude)
        for word, f in forms(fam):
            if word in excluded or (word[:1] in CONJUNCTIONS[1:] and word[1:] in excluded):
                continue
            bucket = table.setdefault(word, [])
            if f not in bucket:
                bucket.append(f)
    return MappingProxyType({w: tuple(fs) for w, fs in table.items()})


FAMILIES = load_families()
NEXT_ADVERBS = load_next_adverbs()
FAMILY_BY_ID: Mapping[str, Family] = MappingProxyType({f.id: f for f in FAMILIES})
LOOKUP = build_lookup(FAMILIES)


def lookup(word: str) -> tuple[Form, ...]:
    """The family forms a word can be (normalised here), or ()."""
    return LOOKUP.get(normalize(word), ())
