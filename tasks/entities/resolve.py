"""Entity mentions analysts can count: KB matching, title-triggered persons, dates, stanza NER, and
resolution within a document (short forms, nisba adjectives → their country).

Everything here works on the stored document text with offsets; normalisation (tasks.text.normalize) is
used only to build lookup keys.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tasks.entities import constants as C
from tasks.entities import lexicons as lex
from tasks.entities.dates import DateMention, find_dates
from tasks.entities.gazetteer import NOUN_MIN, Place, load_gazetteer
from tasks.entities.kb import Entity, KnowledgeBase, load_kb
from tasks.entities.romanise import given_names, known_name_word, person_word_count, romanise
from tasks.ingest.reader import Document
from tasks.text.clitics import lexicon_count
from tasks.text.keys import alias_key, key_of_normalized
from tasks.text.normalize import TATWEEL, normalize, normalize_with_map, one_edit, span_to_original

# Word lists live in tasks/entities/lexicons.toml (``lex``), thresholds and scores in tasks/entities/constants.py
# (``C``); what is left here is structural: letter classes and punctuation.

# «JD.com», «U.S»: Latin names keep their inner dots; Arabic words never do («الصين.وقال» is two words)
# A name's words: letters with their diacritics and tatweel, dashes inside; «_» joins the words of a hashtag
# («#دونالد_ترمب», «#الاتحاد_الأوروبي») and is no letter here, so the words are matched apart.
_LETTER = r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])"
# «5+1» (مجموعة 5+1) is one word
_WORD_RE = re.compile(rf"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+|\d\+\d|{_LETTER}+(?:[-‐–]{_LETTER}+)*")
_NAME_JOINERS = " -‐–_"  # what may stand between two words of one name
# «دونالد #ترمب», «فلاديمير #بوتين» (Al Arabiya): a person's last name as a hashtag after the given name. The KB
# name matches across the sign; the mention is the hashtagged word, the words before it stay out (guideline,
# further conventions 16)
_HASHTAG = "#"
_ARTICLE = lex.ARTICLE
# A proclitic letter before a head noun or a town, outside the match («بمدينة», «والاتفاق»).
_PROCLITIC_LETTER = "[وفبل]"
# «اتفاق الجزائر», «محادثات أستانة», «عملية جنيف للسلام»: a process head right before a place
_NAMED_PROCESS = re.compile(
    rf"(?<![\w])(?:[وبل])?(?P<head>(?:{_ARTICLE})?(?:{'|'.join(lex.NAMED_PROCESS_HEADS)}))\s+$"
)
_PEACE_TAIL = re.compile(rf"\s+{lex.PEACE_TAIL}(?![\w])")
# A head right before a name, after «و/ف/ب» or «ل», or contracted with the article («للمنتخب», «للغرفة»).
def _head_before(heads: Iterable[str], article: bool | None) -> re.Pattern[str]:
    """``article``: True the head has it, None it may, False it has none (a head in construct state)."""
    art = {True: f"(?:{_ARTICLE}|{lex.LAM_ARTICLE})", None: f"(?:{_ARTICLE}|{lex.LAM_ARTICLE})?", False: ""}[article]
    return re.compile(rf"(?<![\w])(?:[وفب]|ل(?!ل))?(?P<head>{art}(?:{'|'.join(heads)}))\s+$")


# «قمة هلسنكي», «لمؤتمر باريس»; not «ترأست المؤتمر الأمم المتحدة» (a definite head is no construct)
_EVENT_HEAD = _head_before(lex.EVENT_BEFORE_NAME, article=False)
_CITY_ORG_HEAD = _head_before(lex.ORG_BEFORE_CITY, article=False)  # «غرفة جدة»
_NISBA_BODY_HEAD = _head_before(lex.NISBA_BODY_HEADS, article=True)  # «الصندوق السعودي»
_TEAM_HEAD = _head_before([lex.NATIONAL_TEAM], article=True)  # «المنتخب السعودي»
_SPAN_HEAD = _head_before(lex.SPAN_HEADS_RAW, article=None)  # «منتدى» + a statistical span
# «لصحيفة دي فيلت», «شركة انرون», «فريق برشلونة»: a head outside the name that makes it an organisation
_ORG_TYPE_HEAD = _head_before(lex.ORG_TYPE_HEADS, article=False)
# «للتنمية», «لكرة القدم»: the «لـ» phrase that ends a body's name after its nisba, one or two words
_LAM_PHRASE = re.compile(r"[ \t]+(?P<phrase>ل[\w\u064B-\u065F]{2,}(?:[ \t]+ال[\w\u064B-\u065F]{2,})?)")
# «عبد الله الثاني» is also written «عبدالله الثاني»
_SPLIT_ABD = re.compile(rf"(?<![\w]){lex.ABD} {_ARTICLE}")
_JOINED_ABD = lex.ABD + _ARTICLE

# boilerplate lines written as prose, where the KB's names are looked up too (sentence index -1)
ANNOTATED_BOILERPLATE = frozenset({"promo", "related", "credit", "photo_credit", "copyright", "source_stamp"})

GENERIC_TYPES = {"LOC": "GPE"}  # stanza's AQMAR model has no GPE; an unknown place is most often one


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    key: str  # normalised text


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    source: str
    entity_id: str
    sentence_idx: int
    score: float | None = None


@dataclass
class EntityRow:
    entity_id: str
    type: str
    canonical_name: str
    name_ar: str | None
    iso_code: str | None
    wikidata_id: str | None
    aliases: list[str] = field(default_factory=list)
    # where canonical_name came from (README, entities table): kb, gazetteer, rule, romanised, surface
    canonical_source: str = "surface"


def stable_id(prefix: str, name: str) -> str:
    """An id from the normalised name: the same unknown person gets the same id in every document."""
    return f"{prefix}:{hashlib.sha256(normalize(name).encode()).hexdigest()[: C.ID_HEX_LEN]}"


@lru_cache(maxsize=8)
def _normalized(text: str) -> tuple[str, list[int]]:
    """normalize(text) and, for every position i of ``text``, the length of normalize(text[:i]).

    Normalisation maps characters one at a time, so normalize(text[s:e]) == norm[pos[s]:pos[e]]: a
    document is normalised once instead of once per candidate span (the hot spot of this module)."""
    norm, index = normalize_with_map(text)
    pos = [0] * (len(text) + 1)
    for src in index:
        pos[src + 1] += 1
    for i in range(1, len(pos)):
        pos[i] += pos[i - 1]
    return norm, pos


def _normalized_slice(text: str, start: int, end: int) -> str:
    """normalize(text[start:end]), from the cached normalisation of the whole ``text``."""
    norm, pos = _normalized(text)
    n = len(text)
    return norm[pos[min(max(start, 0), n)] : pos[min(max(end, 0), n)]]


def words_in(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), _normalized_slice(text, m.start(), m.end()))
            for m in _WORD_RE.finditer(text, start, end)]  # fmt: skip


def _clitic_variants(text: str, w: Word) -> list[tuple[int, str]]:
    """(span start, key of the first word) for the bare word and each proclitic reading of it."""
    return [(w.start + offset, replace) for offset, replace in _clitic_offsets(text[w.start : w.end])]


@lru_cache(maxsize=65536)
def _clitic_offsets(raw: str) -> tuple[tuple[int, str], ...]:
    """_clitic_variants of one written word, offsets from its start: a word's readings depend on its letters
    alone, and a document repeats its words (cached: a third of a million calls per 150 articles)."""
    out = [(0, "")]
    if raw.startswith(lex.LAM_ARTICLE) and len(raw) > C.LAM_SHORT_WORD_LEN:
        out.append((0, _ARTICLE))  # «للأمم»: the whole word is the surface, keyed as «الأمم»
    for p in lex.PROCLITICS:
        if raw.startswith(p) and len(raw) - len(p) >= C.PROCLITIC_REST_MIN_LEN:
            offset = len(p)
            while offset < len(raw) - 1 and raw[offset] == TATWEEL:  # «لـBREXIT»: the tatweel joins the clitic
                offset += 1
            out.append((offset, ""))
    return tuple(out)


@dataclass
class _Index:
    """Alias key → [(entity, kind)] over the KB's names, nisbas, abbreviations and short forms."""

    entries: dict[str, list[tuple[Entity, str]]]
    ambiguous: dict[str, list[tuple[Entity, str]]]  # forms that are also ordinary words: need context
    first_words: set[str]
    max_words: int
    offices: set[str]  # alias keys of titles, with and without ال
    office_first: frozenset[str]  # the first word of each of them: most words start no title
    fuzzy: dict[str, set[str]] = field(default_factory=dict)  # one letter deleted → place keys (misspellings)
    capital_named: frozenset[str] = frozenset()  # states named like their capital («اتفاق الجزائر»)
    # first two words of any run of a KB person's full name → (person, the name's words)
    person_runs: dict[tuple[str, str], list[tuple[Entity, tuple[str, ...]]]] = field(default_factory=dict)
    # a recurring event → its editions, named by its name and more words («كأس العالم» → «كأس العالم 2018»)
    editions: dict[str, list[Entity]] = field(default_factory=dict)
    # first word of a KB person's full name → (person, the name's words): the one-letter slips of a full name
    person_first: dict[str, list[tuple[Entity, tuple[str, ...]]]] = field(default_factory=dict)
    # last word of a KB person's full name → (person, the name's words): slips in the given name («تيريسا ماي»)
    person_last: dict[str, list[tuple[Entity, tuple[str, ...]]]] = field(default_factory=dict)
    # given names: first words of KB persons' names that are no title, honorific, function word or other entry
    given_names: frozenset[str] = frozenset()
    # last word of a KB person's names → how many persons end a name with it («باول»: Colin and Jerome Powell)
    surname_bearers: dict[str, int] = field(default_factory=dict)
    # every key's beginnings up to a space, dash or sign («الأمم», «الأمم المتحدة» of «الأمم المتحدة للطفولة»)
    prefixes: frozenset[str] = frozenset()


def build_index(kb: KnowledgeBase) -> _Index:
    """Every lookup table the rules need, built once per knowledge base (see get_index)."""
    entries, ambiguous_entries = _index_entries(kb)
    first = {k.split(" ")[0] for k in [*entries, *ambiguous_entries]}
    max_words = max((len(k.split(" ")) for k in [*entries, *ambiguous_entries]), default=1)
    runs = _index_person_runs(kb)
    person_first: dict[str, list[tuple[Entity, tuple[str, ...]]]] = {}
    person_last: dict[str, list[tuple[Entity, tuple[str, ...]]]] = {}
    for bucket in runs.values():
        for ent, full in bucket:
            if (ent, full) not in person_first.setdefault(full[0], []):
                person_first[full[0]].append((ent, full))
            if (ent, full) not in person_last.setdefault(full[-1], []):
                person_last[full[-1]].append((ent, full))
    offices = _index_offices(kb)
    honorific_words = {w for h in lex.HONORIFICS for w in h.split()}
    def other_entry(k: str) -> bool:  # «تركي» is also a nisba; a person's short form («كيم») is still a name
        found = (*entries.get(k, ()), *ambiguous_entries.get(k, ()))
        return any(e.type != "PER" or kind != "short" for e, kind in found)

    given = frozenset(k for k in person_first if len(k) >= C.GIVEN_NAME_MIN_LEN and k not in offices
                      and not other_entry(k) and k not in honorific_words
                      and k not in lex.NAME_STOP and k not in lex.NAME_CONNECTORS)  # fmt: skip
    office_first = frozenset(k.split(" ")[0] for k in offices)
    return _Index(entries, ambiguous_entries, first, max_words, offices, office_first, _index_fuzzy(entries),
                  _capital_named_states(kb), runs, _index_editions(kb), person_first, person_last, given,
                  _surname_bearers(kb), _key_prefixes([*entries, *ambiguous_entries]))  # fmt: skip


def _key_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Each key cut before each character that is no letter or digit: what a run of a document's words keys as
    when more words may still make a KB key of it (a run's key goes on after a space, a dash or a sign)."""
    return frozenset(k[:j] for k in keys for j in range(1, len(k)) if not k[j].isalnum())


def _person_names(ent: Entity) -> list[str]:
    """A KB person's names as the news writes them: without honorific, «عبدالله» beside «عبد الله», and the
    last two words of a longer name."""
    # honorifics stay outside the span: «الشيخ محمد بن زايد» is indexed as «محمد بن زايد»
    names = [next((n[len(h) + 1 :] for h in lex.HONORIFIC_FORMS if n.startswith(h + " ")), n)
             for n in (ent.name_ar, *ent.aliases_ar) if n]  # fmt: skip
    # «عبد الله الثاني» is also written «عبدالله الثاني»
    names += [_SPLIT_ABD.sub(_JOINED_ABD, n) for n in names if _SPLIT_ABD.search(n)]
    # «محمد جواد ظريف» is also written «جواد ظريف»: the last two words of a longer name
    # but not «بن سلمان», «آل خليفة»: a patronym or family name is many people's
    # nor «الدين حقاني», the end of a compound first name («سراج الدين») and a family name
    # nor «الشيخ أحمد» of «إسماعيل ولد الشيخ أحمد»: an honorific opens no name of its own
    names += [" ".join(n.split()[-2:]) for n in names if len(n.split()) >= C.NAME_TAIL_MIN_WORDS
              and normalize(n.split()[-2]) not in lex.NAME_CONNECTORS | lex.NAME_PARTS_WITH_AL | _HONORIFIC_WORDS
              ]  # fmt: skip
    return names


_HONORIFIC_WORDS = frozenset(w for h in lex.HONORIFICS for w in h.split())
_Entries = dict[str, list[tuple[Entity, str]]]


def _index_entries(kb: KnowledgeBase) -> tuple[_Entries, _Entries]:
    """Alias key → [(entity, kind)] for plain forms and for forms that are also ordinary words, best first."""
    entries: _Entries = {}
    ambiguous_entries: _Entries = {}

    def add(surface: str, ent: Entity, kind: str, target: _Entries) -> None:
        key = alias_key(surface)
        if not key:
            return
        bucket = target.setdefault(key, [])
        if all(e.entity_id != ent.entity_id for e, _ in bucket):
            bucket.append((ent, kind))

    for ent in kb.entities.values():
        ambiguous = {alias_key(a) for a in ent.ambiguous_ar}
        own = {alias_key(a) for a in (ent.name_ar, *ent.aliases_ar)}
        names = _person_names(ent) if ent.type == "PER" else [ent.name_ar, *ent.aliases_ar]
        for kind, forms in (("name", names), ("abbr", ent.abbreviations),
                            ("nisba", ent.nisba_ar), ("short", ent.short_aliases_ar)):  # fmt: skip
            for form in forms:
                key = alias_key(form) if form else ""
                if not key or (key.startswith((*lex.PLACE_HEADS, *lex.ORG_GENERIC_HEADS))
                               and key.split(" ", 1)[1] in own):  # fmt: skip
                    continue
                add(form, ent, kind, ambiguous_entries if key in ambiguous else entries)
    for bucket in [*entries.values(), *ambiguous_entries.values()]:
        bucket.sort(key=lambda ek: (C.KIND_PRIORITY[ek[1]], C.TYPE_RANK.get(ek[0].type, C.UNRANKED_TYPE),
                                    C.SUBTYPE_RANK.get(ek[0].subtype or "", C.UNRANKED_SUBTYPE),
                                    ek[0].entity_id))  # fmt: skip
    return entries, ambiguous_entries


def _index_offices(kb: KnowledgeBase) -> set[str]:
    """Alias keys of titles and honorifics, with and without the article, and in construct state."""
    offices: set[str] = set(lex.HONORIFICS)
    for office in kb.offices:
        for form in (*office.ar, *office.ar_feminine):
            key = alias_key(form)
            offices.add(key)
            offices.add(key[len(_ARTICLE) :] if key.startswith(_ARTICLE) else _ARTICLE + key)
            parts = key.split(" ")
            if len(parts) == 2 and parts[1].startswith(_ARTICLE):
                offices.add(f"{parts[0]} {parts[1][len(_ARTICLE) :]}")  # construct state: «وزير خارجية تركمانستان»
    return offices


def _index_person_runs(kb: KnowledgeBase) -> dict[tuple[str, str], list[tuple[Entity, tuple[str, ...]]]]:
    """First two words of any run of a KB person's full name → (person, the name's words)."""
    person_runs: dict[tuple[str, str], list[tuple[Entity, tuple[str, ...]]]] = {}
    for ent in kb.entities.values():
        if ent.type != "PER":
            continue
        for name in {alias_key(n) for n in (ent.name_ar, *ent.aliases_ar) if n}:
            parts = tuple(name.split(" "))
            for i in range(len(parts) - 1):
                bucket = person_runs.setdefault(parts[i : i + 2], [])
                if (ent, parts) not in bucket:
                    bucket.append((ent, parts))
    return person_runs


def _index_editions(kb: KnowledgeBase) -> dict[str, list[Entity]]:
    """A recurring event → its editions, whose names are its name and more words."""
    misc_names: dict[str, Entity] = {}
    for ent in kb.entities.values():
        if ent.type == "MISC":
            for name in (ent.name_ar, *ent.aliases_ar):
                if name:
                    misc_names.setdefault(alias_key(name), ent)
    editions: dict[str, list[Entity]] = {}
    for key, ent in misc_names.items():
        parts = key.split(" ")
        for n in range(1, len(parts)):
            series = misc_names.get(" ".join(parts[:n]))
            if series is not None and series.entity_id != ent.entity_id:
                bucket = editions.setdefault(series.entity_id, [])
                if ent not in bucket:
                    bucket.append(ent)
    return editions


def _index_fuzzy(entries: _Entries) -> dict[str, set[str]]:
    """One letter deleted → the keys of states' names and nisbas long enough for a slip to be told apart."""
    fuzzy: dict[str, set[str]] = {}
    for key, bucket in entries.items():
        if len(key) >= C.FUZZY_MIN_LEN and any(e.type == "GPE" and k in ("name", "nisba") for e, k in bucket):
            for variant in _deletions(key):
                fuzzy.setdefault(variant, set()).add(key)
    return fuzzy


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def fuzzy_place(key: str, index: _Index) -> tuple[Entity, str] | None:
    """A state or place whose name or nisba is one letter away from ``key`` («كازخستان» → Kazakhstan,
    «الفليبيين» → the Philippines), when exactly one entity is that close."""
    if len(key) < C.FUZZY_MIN_LEN or not index.fuzzy or lexicon_count(key) >= C.FUZZY_MAX_COUNT:
        return None  # a word the news writes this often is spelt right («الأنباء», «أوروبيا» = at European level)
    def head(k: str) -> str:
        return k[len(_ARTICLE) : len(_ARTICLE) + 1] if k.startswith(_ARTICLE) else k[:1]

    # the slip is never the first letter: «ريبيري» (Ribéry) is not «ليبيري», «يونسيه» not «تونسيه»
    keys = {k for v in _deletions(key) for k in index.fuzzy.get(v, ()) if one_edit(key, k) and head(k) == head(key)}
    found = {(e.entity_id, k): (e, k) for c in keys for e, k in index.entries[c] if e.type == "GPE"}
    ents = {eid for eid, _ in found}
    if len(ents) != 1:
        return None
    return sorted(found.values(), key=lambda ek: ek[1] != "name")[0]


_INDEX_CACHE: dict[int, _Index] = {}


def get_index(kb: KnowledgeBase | None = None) -> _Index:
    kb = kb or load_kb()
    if id(kb) not in _INDEX_CACHE:
        _INDEX_CACHE[id(kb)] = build_index(kb)
    return _INDEX_CACHE[id(kb)]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entity: Entity
    kind: str
    n_words: int
    lead: int = -1  # where the matched words start when the mention starts later («دونالد #ترمب»: «دونالد»)


def _variant_key(text: str, start: int, end: int, replace: str) -> str:
    """alias_key(replace + text[start + len(replace):end]) (or of text[start:end] when ``replace`` is empty)."""
    if replace:
        return key_of_normalized(normalize(replace) + _normalized_slice(text, start + len(replace), end))
    return key_of_normalized(_normalized_slice(text, start, end))


def _match_at(
    text: str, words: Sequence[Word], i: int, index: _Index, context: frozenset[str] = frozenset()
) -> _Hit | None:
    """Longest KB match starting at word i, trying the bare word and its proclitic readings.

    A form that is also an ordinary word («مجلس الدولة», «قنا») counts only when its entity's country
    is among ``context``, the countries the document names unambiguously."""
    variants = [
        (start, replace)
        for start, replace in _clitic_variants(text, words[i])
        if _variant_key(text, start, words[i].end, replace) in index.first_words
    ]
    if not variants:
        return None
    top = min(index.max_words, len(words) - i)
    # a hashtag inside may join a person's name across the sign (_hashtag_person): every length then
    sizes = range(top, 0, -1) if _HASHTAG in text[words[i].end : words[i + top - 1].start] else \
        _key_sizes(text, words, i, top, variants, index)  # fmt: skip
    for n in sizes:
        last = words[i + n - 1]
        gap = text[words[i + n - 2].end : last.start].strip(_NAME_JOINERS) if n > 1 else ""
        if gap == _HASHTAG:
            hit = _hashtag_person(text, words[i : i + n], index)
            if hit is not None:
                return hit
            continue
        if gap:
            continue  # punctuation inside: not one name
        for start, replace in variants:
            key = _variant_key(text, start, last.end, replace)
            hits = index.entries.get(key)
            if not hits and key in index.ambiguous:
                hits = [(e, k) for e, k in index.ambiguous[key] if e.country in context or e.iso_code in context
                        or (e.type == "ORG" and e.entity_id in context
                            and not _adjective_after(text, words, i + n))
                        or (e.subtype in lex.MEMBER_HEAD_SUBTYPES and i > 0
                            and words[i - 1].key in lex.MEMBER_HEADS)]  # fmt: skip «زعيم القاعدة»
                if hits and n == 1 and known_name_word(key) and not _named_as_body(text, words, i, start):
                    hits = []  # «وأوضح فارس أنه», «كريم العلمي»: a person, not Fars News Agency or Careem
            if hits and not (n == 1 and _kaf_reading_doubtful(text, words[i], start, hits[0][0])):
                ent, kind = hits[0]
                return _Hit(start, last.end, ent, kind, n)
    return None


def _key_sizes(
    text: str, words: Sequence[Word], i: int, top: int, variants: Sequence[tuple[int, str]], index: _Index
) -> list[int]:  # fmt: skip
    """How many words from word i key as a KB entry for some clitic reading, longest first: the run grows while
    its key begins a KB key (``_Index.prefixes``), which spares keying every length up to the longest KB name
    (the entity layer's hot spot). A run stops growing only where the next words would add a space or a sign to
    its key; a gap that normalises to nothing, or a next word that does, lets it go on."""
    sizes: set[int] = set()
    for start, replace in variants:
        for n in range(1, top + 1):
            key = _variant_key(text, start, words[i + n - 1].end, replace)
            if key in index.entries or key in index.ambiguous:
                sizes.add(n)
            if n < top and key not in index.prefixes:
                nxt = words[i + n]
                gap = _normalized_slice(text, words[i + n - 1].end, nxt.start)
                if gap and not gap[0].isalnum() and nxt.key:
                    break
    return sorted(sizes, reverse=True)


def _adjective_after(text: str, words: Sequence[Word], j: int) -> bool:
    """Is word j a definite adjective of the noun before it («القاعدة الجوية», «الجزيرة الكورية»), so that the noun
    is the common word, not the body the document named in full («تنظيم القاعدة»)?"""
    if j >= len(words) or text[words[j - 1].end : words[j].start].strip():
        return False
    key = words[j].key
    return key.startswith(_ARTICLE) and lexicon_count(key) >= C.FREQUENT


def _named_as_body(text: str, words: Sequence[Word], i: int, start: int) -> bool:
    """Is the one-word alias at word i written as a body's name: in quotes («"فارس"»), or within a few words after a
    word that names a body («وكالة أنباء فارس», «شركة كريم», proclitic allowed: «لوكالة فارس»)?"""
    if text[start - 1 : start] in _QUOTES:
        return True
    for w in words[max(0, i - C.NAME_ALIAS_HEAD_WORDS) : i]:
        key = w.key
        if key in lex.NAME_ALIAS_HEADS or (key[:1] in lex.PROCLITICS and key[1:] in lex.NAME_ALIAS_HEADS):
            return True
    return False


def _kaf_reading_doubtful(text: str, w: Word, start: int, ent: Entity) -> bool:
    """Is a one-word KB name read after the proclitic «ك» (as, like) a name the token does not hold? News writes «ك»
    before a definite name («كالسعودية»), a state («كمصر») or a longer name («كحرب العراق»); a one-word name read
    after it otherwise mostly cuts another word: a person («كاسبر» → Esper, «كلامي» → Lammy), a company («كابل» →
    Apple), a state whose token the news writes often on its own («كلاوس» Klaus → Laos, «كارمن» → Armenians)."""
    clitic = text[w.start : start]
    if not clitic.endswith(lex.KAF) or _normalized_slice(text, start, w.end).startswith(_ARTICLE):
        return False
    return ent.type != "GPE" or _whole_token_common(text, w.start, start, w.end, C.KAF_WHOLE_MAX_SHARE)


def _whole_token_common(text: str, token_start: int, start: int, end: int, max_share: float) -> bool:
    """Does the news write the whole token (proclitic included) more than ``max_share`` as often as the word
    after the proclitic? Then the token is most often a word of its own, not proclitic + name."""
    whole = lexicon_count(_normalized_slice(text, token_start, end))
    return whole > lexicon_count(_normalized_slice(text, start, end)) * max_share


def _hashtag_person(text: str, words: Sequence[Word], index: _Index) -> _Hit | None:
    """«دونالد #ترمب»: the KB person the words name with the hashtag sign read as a space, as a mention of the
    hashtagged last word only."""
    if any(text[a.end : b.start].strip(_NAME_JOINERS) for a, b in itertools.pairwise(words[:-1])):
        return None  # a sign between earlier words too: not one name
    key = key_of_normalized(" ".join(w.key for w in words))
    for ent, kind in index.entries.get(key, []):
        if ent.type == "PER" and kind != "short":
            last = words[-1]
            return _Hit(last.start, last.end, ent, kind, len(words), lead=words[0].start)
    return None


_ABBR_AFTER = re.compile(
    rf'\s*[«"(“]\s*(?P<abbr>[^\s«»"()“”]{{{C.ABBR_MIN_LEN},{C.ABBR_MAX_LEN}}})\s*[»")”]'
)


# «كأس العالم (المقبلة) في روسيا»: the host named after a recurring event
_HOST_TIME = "|".join(w + r"\s+" for w in lex.HOST_TIME_WORDS)
_HOST_AFTER = re.compile(
    rf"\s+(?:{_HOST_TIME})?(?:{'|'.join(lex.HOST_PREPOSITIONS)})\s*"
    r"(?P<place>[^\s،,.:؛()«»\"]+(?:\s[^\s،,.:؛()«»\"]+)?)"
)
_YEAR_NUMBER = re.compile(r"\d{4}")


def _edition_by_host(text: str, hit: _Hit, index: _Index) -> Entity | None:
    """The one edition of a recurring event held in the state named right after it: «كأس العالم في روسيا» is
    the 2018 FIFA World Cup (the state stays its own mention)."""
    editions = index.editions.get(hit.entity.entity_id)
    m = _HOST_AFTER.match(text, hit.end) if editions else None
    if m is None:
        return None
    place = m["place"].split(" ")
    if _YEAR_NUMBER.fullmatch(place[0]):  # «كأس العالم المقبلة في 2022»
        held = [e for e in editions if any(alias_key(a).endswith(" " + place[0]) for a in e.aliases_ar)]
        return held[0] if len(held) == 1 else None
    for words in (place, place[:1]):
        key = alias_key(" ".join(words))
        states = {e.iso_code for e, kind in index.entries.get(key, ()) if kind == "name" and e.iso_code}
        if len(states) == 1:
            held = [e for e in editions if e.country in states]
            return held[0] if len(held) == 1 else None
    return None


def _generic_noun_with_nisba(text: str, hit: _Hit, index: _Index) -> bool:
    words = hit_key(text, hit).split(" ")
    if hit.entity.type != "ORG" or len(words) != 2 or words[0] not in lex.GENERIC_INSTITUTIONS:
        return False
    return any(kind == "nisba" for _, kind in index.entries.get(words[1], ()))


def _abbreviation_after(text: str, hit: _Hit, index: _Index) -> tuple[Entity, int, int] | None:
    """An organisation's name shortened to what another body's name starts with, followed by that body's
    abbreviation in quotes or brackets: «الاتحاد الأفريقي "كاف"» is the Confederation of African Football
    («الاتحاد الأفريقي لكرة القدم»), not the African Union. Returns the body and the abbreviation's span."""
    m = _ABBR_AFTER.match(text, hit.end)
    if m is None:
        return None
    key = alias_key(m["abbr"])
    names = tuple(alias_key(a) + " " for a in (hit.entity.name_ar, *hit.entity.aliases_ar) if a)
    for ent, kind in (*index.entries.get(key, ()), *index.ambiguous.get(key, ())):
        if kind not in ("abbr", "name") or ent.entity_id == hit.entity.entity_id or ent.type != "ORG":
            continue
        if any(alias_key(a).startswith(names) for a in (ent.name_ar, *ent.aliases_ar) if a):
            return ent, m.start("abbr"), m.end("abbr")
    return None


_LAST_WORD = re.compile(r"([\w\u064B-\u065F\u0670\u0640]+)[ \t]+$")  # the word before a position


def _model_named_surname(st: _DocState, m: Mention, start: int, words: Sequence[Word]) -> Entity | None:
    """A one-word span the model calls a person, which is the surname of exactly one KB person («بوش», «بلير»,
    «باول»: the last word of his full name, not a family name written first like «تشين», nor a given name of
    romanisation.toml like «سعيد»), is that person: a short surname alone needs the full name in the document
    otherwise (SHORT_ALONE_MIN_LEN), but the model's reading is evidence of its own."""
    if m.type != "PER" or len(words) != 1:
        return None
    key = words[0].key
    people = {e.entity_id: e for e, kind in st.index.entries.get(key, []) if kind == "short" and e.type == "PER"}
    if len(people) != 1 or key in given_names():
        return None
    ent = next(iter(people.values()))
    if st.index.surname_bearers.get(key, 0) != 1 or key not in _surnames(ent) \
            or _after_unknown_name(st.text, start, st.index, st.upos_at, ent):
        return None  # «باول»: Colin and Jerome Powell both end their names with it
    if _short_form_doubtful(st.text, _token_start(st.text, start), start, words[0].end, ent):
        return None  # «قوة» (force) is no «قوه» (Guo), whatever the model reads
    return ent


def _surname_bearers(kb: KnowledgeBase) -> dict[str, int]:
    """How many KB persons end one of their names with each word."""
    counts: dict[str, int] = {}
    for ent in kb.entities.values():
        if ent.type == "PER":
            for word in _surnames(ent):
                counts[word] = counts.get(word, 0) + 1
    return counts


def _surnames(ent: Entity) -> set[str]:
    """The last word of each of a person's names («بوش» of «جورج دبليو بوش»)."""
    return {alias_key(n).split(" ")[-1] for n in (ent.name_ar, *ent.aliases_ar) if n}


def _word_after(text: str, end: int) -> Word | None:
    """The next word after ``end`` (within C.NAME_LOOKBACK characters), or None."""
    m = _WORD_RE.search(text, end, min(len(text), end + C.NAME_LOOKBACK))
    return Word(m.start(), m.end(), _normalized_slice(text, m.start(), m.end())) if m else None


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """(start, lookup key) of the word right before ``start`` (spaces between, nothing else), or None."""
    window = text[max(0, start - C.NAME_LOOKBACK) : start]
    prev = _LAST_WORD.search(window)
    if prev is None:
        return None
    return start - len(window) + prev.start(1), key_of_normalized(normalize(prev.group(1)))


def _after_unknown_name(text: str, start: int, index: _Index, upos_at: Mapping[int, str], ent: Entity) -> bool:
    """Is the word before ``start`` a given name that is not this person's («خوان بيريز» is not Shimon Peres;
    «رجب أردوغان» is Erdoğan)?"""
    before = _word_before(text, start)
    if before is None:
        return False
    word_start, key = before
    known = key in index.entries or key in index.offices or key in lex.NAME_STOP or key in lex.NAME_CONNECTORS
    own = {w for n in (ent.name_ar, *ent.aliases_ar) if n for w in alias_key(n).split(" ")}
    mine = key in own or any(len(w) >= C.NAME_SLIP_MIN_LEN and w[0] == key[0] and one_edit(key, w)
                             for w in own)  # «كرستين»
    return upos_at.get(word_start) == "PROPN" and not known and not mine


def _given_name_of_bin(
    text: str, start: int, index: _Index, upos_at: Mapping[int, str]
) -> tuple[int, str] | None:  # fmt: skip
    """(start, key) of the word before a name that opens with «بن/ابن» when it is that name's given name: in «خالد
    بن سلمان», «أحمد بن دغر» the word before «بن» is the person's own name, not a reporting verb
    («وقال بن عيسى»), a title, a nisba («التركي بن علي يلدريم»: Binali), a function word or a common noun
    («حكومة بن دغر», «وعود بن سلمان»): a given name KB persons bear or the romanisation table lists, or a word
    tagged PROPN; None otherwise."""
    head = normalize(text[start : start + C.NAME_LOOKBACK]).split()[:1]
    before = _word_before(text, start)
    if not head or head[0] not in lex.BIN_WORDS or before is None:
        return None
    word_start, key = before
    if (key in lex.NAME_STOP or key in lex.NAME_CONNECTORS or key in index.offices or key.startswith(_ARTICLE)
            or upos_at.get(word_start) in _NOT_NAME_UPOS
            or _looks_like_verb(Word(word_start, start, key))):  # fmt: skip
        return None
    given = key in index.given_names or key in given_names() or upos_at.get(word_start) == "PROPN"
    return (word_start, key) if given else None


def _office_at(text: str, words: Sequence[Word], i: int, index: _Index) -> int:
    """Number of words of an office title starting at word i (0 if none): «وزير الخارجية», «الرئيس». Only the
    readings of word i that start a title are tried (a span's key begins with its first word's key)."""
    variants = [(start, replace) for start, replace in _clitic_variants(text, words[i])
                if _variant_key(text, start, words[i].end, replace).split(" ")[0] in index.office_first]  # fmt: skip
    if not variants:
        return 0
    for n in range(C.MAX_OFFICE_WORDS, 0, -1):
        if i + n > len(words):
            continue
        for start, replace in variants:
            if _variant_key(text, start, words[i + n - 1].end, replace) in index.offices:
                return n
    return 0


_FAMILY_NISBA_END = "ي"  # the family names of the «ال…ي» form, as in the speaker's slot
_NOT_NAME_UPOS = frozenset({"VERB", "ADP", "SCONJ", "CCONJ", "PRON", "DET", "PART", "AUX", "NUM", "PUNCT"})


def _is_name_word(w: Word, upos: str | None, inside: bool = False) -> bool:
    """Could this word be part of a person's name? Function words, verbs and common nouns are not;
    an article-bearing word only inside a name and when tagged PROPN («صباح الأحمد الصباح»)."""
    if w.key in lex.NAME_STOP or w.key.isdigit() or _looks_like_verb(w):
        return False
    if upos in _NOT_NAME_UPOS:
        return False
    if w.key in lex.NAME_PARTS_WITH_AL:
        return inside
    if w.key.startswith(_ARTICLE) and len(w.key) > C.ARTICLE_SHORT_WORD_LEN:
        # inside a name, a rare definite word in «ـي» is a family name («فارس الشرفي», «حسين الجبوري»)
        return inside and (upos == "PROPN" or (w.key.endswith(_FAMILY_NISBA_END) and lexicon_count(w.key) < C.FREQUENT))
    return upos in ("PROPN", "X") or lexicon_count(w.key) < C.FREQUENT


def _missplit_name(w: Word, upos: str | None) -> bool:
    """A foreign surname the tokenizer cut as proclitic + word + pronoun («كابوريه» → ك + ابوري + ه): the
    word and its rest without the first letter are both unknown to the news lexicon."""
    return (upos in ("ADP", "CCONJ") and len(w.key) >= C.MISSPLIT_MIN_LEN and w.key[0] in lex.MISSPLIT_LETTERS
            and lexicon_count(w.key) < C.MISSPLIT_MAX_COUNT
            and lexicon_count(w.key[1:]) < C.MISSPLIT_MAX_COUNT
            # «للزميل» is «ل» + «الزميل»: the lam swallowed the article's alef
            and not (w.key.startswith(_SPECIFIER)
                     and lexicon_count(_ARTICLE + w.key[2:]) >= C.MISSPLIT_MAX_COUNT))  # fmt: skip


def _title_persons(
    text: str, words: Sequence[Word], index: _Index, taken: list[tuple[int, int]], upos_at: Mapping[int, str]
) -> list[tuple[int, int]]:
    """Name spans after an office title chain: «الرئيس القيرغيزي صدير جاباروف»."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        n = _office_at(text, words, i, index) or (1 if words[i].key in lex.COUNTERPART else 0)
        if not n:
            i += 1
            continue
        j = i + n
        # the rest of the chain: more titles, organs («مجلس الدولة»), nisbas («الصيني»), countries
        while j < len(words):
            k = _office_at(text, words, j, index) or (
                1 if words[j].key in lex.OWN_PORTFOLIO or words[j].key in lex.DEFINITE_ORG_HEADS else 0)
            if k:
                j += k
                continue
            hit = _match_at(text, words, j, index)
            if hit and hit.entity.type in ("ORG", "GPE") and hit.kind in ("name", "nisba", "abbr"):
                j += hit.n_words
                continue
            place = _match_at(text, words, j + 1, index) if words[j].key in lex.CHAIN_PLACE_HEADS else None
            if place and place.entity.type == "GPE" and place.kind == "name":
                j += 1 + place.n_words  # «محافظ محافظة عدن»: the governorate the governor heads
                continue
            if words[j - 1].key in lex.TERRITORIAL_TITLES and load_gazetteer().lookup(key_of_normalized(words[j].key)):
                j += 1  # «محافظ شقراء», «رئيس بلدية نانت»: the town governed, a GeoNames town the KB lacks
                continue
            break
        name: list[Word] = []
        # connectors do not count: a lineage is long («محمد بن عيد آل ثاني»)
        while j < len(words) and len([w for w in name if w.key not in lex.NAME_CONNECTORS]) < C.MAX_TITLE_NAME_WORDS:
            w = words[j]
            if name and text[name[-1].end : w.start].strip():  # punctuation between words ends the name
                break
            # after «بن», «آل», «ولد» … comes a name, however common the word («بن عيد», «آل ثاني»)
            lineage = bool(name) and name[-1].key in lex.NAME_CONNECTORS and _may_join_a_name(w)
            if not (_is_name_word(w, upos_at.get(w.start), inside=bool(name)) or lineage
                    or (name and _continues_name(w, upos_at.get(w.start), verb_ok=False))):  # fmt: skip
                break
            if not name and (w.key in lex.TITLE_NOT_FIRST or w.key in lex.ORG_HEADS):
                break  # «رئيس لجنة الترشيح»: the body the title heads (the POS model tags «لجنة» PROPN)
            if any(s <= w.start < e for s, e in taken) and not name:
                break
            if name and name[-1].key not in lex.NAME_CONNECTORS and _office_at(text, words, j, index):
                break  # a title after the name is an apposition: «الجنرال هنري شيلتون رئيس الاركان» (not «بن سلطان»)
            name.append(w)
            j += 1
        while name and name[-1].key in lex.NAME_CONNECTORS:
            name.pop()
        if name and not (i + n == j - len(name) and text[words[i + n - 1].end : name[0].start].strip()):
            spans.append((name[0].start, name[-1].end))
        i = max(j, i + 1)
    return spans


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def kb_row(ent: Entity) -> EntityRow:
    aliases = sorted({*(ent.aliases_ar or []), *(ent.abbreviations or []), *(ent.nisba_ar or [])})
    return EntityRow(ent.entity_id, ent.type, ent.canonical, ent.name_ar, ent.iso_code, ent.wikidata_id, aliases,
                     "kb")  # fmt: skip


_Sentence = tuple[int, int, int, list[Word]]  # (sentence_idx, start, end, its words)


@dataclass
class _DocState:
    """What the passes of resolve_document share: the document and its words, the lookups, and what the
    earlier passes found. A pass only adds mentions through ``emit``, which refuses a span that overlaps a
    taken one: so the order of the passes is the order of precedence."""

    text: str
    doc: Document
    sentences: Sequence[tuple[int, int, int]]
    stanza_mentions: Sequence[Mention]
    upos_at: Mapping[int, str]
    kb: KnowledgeBase
    index: _Index
    per_sentence: list[_Sentence]
    mentions: list[Mention] = field(default_factory=list)
    rows: dict[str, EntityRow] = field(default_factory=dict)
    taken: list[tuple[int, int]] = field(default_factory=list)
    hits: list[tuple[int, _Hit]] = field(default_factory=list)  # KB matches, with the context of the document
    full_people: set[str] = field(default_factory=set)  # KB persons the document names in full
    kb_people_short: dict[str, Entity] = field(default_factory=dict)  # last word of a KB person's full name
    local_people: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # id → (full name, short forms)

    def emit(self, s: int, e: int, type_: str, source: str, row: EntityRow, sent: int, score: float | None,
             over_dates: bool = False) -> None:  # fmt: skip
        """Add a mention unless it overlaps one already taken (a name over dates may replace them)."""
        mentions, taken = self.mentions, self.taken
        inside = [m for m in mentions if m.type == "DATE" and s <= m.start and m.end <= e] if over_dates else []
        if s >= e or _overlaps((s, e), [t for t in taken if t not in {(m.start, m.end) for m in inside}]):
            return
        for m in inside:  # a name that contains a date («كأس العالم 2018», «حركة 23 مارس») wins over it
            mentions.remove(m)
            taken.remove((m.start, m.end))
        taken.append((s, e))
        self.rows.setdefault(row.entity_id, row)
        mentions.append(Mention(s, e, self.text[s:e], type_, source, row.entity_id, sent, score))


def resolve_document(
    doc: Document,
    sentences: Sequence[tuple[int, int, int]],
    stanza_mentions: Sequence[Mention],
    upos_at: Mapping[int, str] | None = None,
    kb: KnowledgeBase | None = None,
) -> tuple[list[Mention], dict[str, EntityRow]]:
    """All entity mentions of one document, each linked to an entity row.

    ``sentences`` are (sentence_idx, start, end); ``stanza_mentions`` come from the NER model. The passes
    run in order of precedence (see _DocState): rules and the KB first, the statistical model after them,
    then the passes that only relink what is there.
    """
    kb = kb or load_kb()
    text = doc.text
    st = _DocState(text, doc, sentences, stanza_mentions, upos_at or {}, kb, get_index(kb),
                   [(idx, s, e, words_in(text, s, e)) for idx, s, e in sentences])  # fmt: skip
    for pass_ in _PASSES:
        pass_(st)
    st.mentions.sort(key=lambda m: (m.start, m.end))
    return st.mentions, st.rows


def _date_pass(st: _DocState) -> None:
    """1. Dates, including the publication stamp kept in boilerplate."""
    text, emit = st.text, st.emit
    for idx, s, e, _ in st.per_sentence:
        for d in find_dates(text, s, e):
            emit(d.start, d.end, "DATE", "rules", _date_row(d), idx, C.DATE_SCORE)
    for b in st.doc.boilerplate:
        if b.kind == "source_stamp":
            for d in find_dates(text, b.start, b.end):
                emit(d.start, d.end, "DATE", "rules", _date_row(d), -1, C.DATE_SCORE)


def _date_row(d: DateMention) -> EntityRow:
    """A date's entity: id and canonical from its canonical form; a Hijri date with a known day keeps its
    Gregorian ISO date in ``aliases`` (the id stays the Hijri form, so one id never has two canonicals)."""
    return EntityRow(f"date:{d.canonical}", "DATE", d.canonical, None, None, None,
                     [d.gregorian] if d.gregorian else [], "rule")  # fmt: skip


def _kb_hits_pass(st: _DocState) -> None:
    """2. KB names, nisbas and abbreviations; the countries named unambiguously give the context that admits
    ambiguous forms. Footers, teasers and credits are not analysed, but the names they give are mentions
    (guideline)."""
    text, index = st.text, st.index
    lines = [(-1, b.start, b.end, words_in(text, b.start, b.end)) for b in st.doc.boilerplate
             if b.kind in ANNOTATED_BOILERPLATE]  # fmt: skip

    def kb_hits(context: frozenset[str]) -> list[tuple[int, _Hit]]:
        found = []
        for idx, _s, _e, words in [*st.per_sentence, *lines]:
            i = 0
            while i < len(words):
                hit = _match_at(text, words, i, index, context)
                if hit is None or _generic_noun_with_nisba(text, hit, index):
                    i += 1  # «الحكومة القيرغيزية»: the nisba alone is the mention (guideline)
                    continue
                found.append((idx, hit))
                i += hit.n_words
        return found

    first = kb_hits(frozenset())
    # the countries named unambiguously, and the entities so named: a body the document names in full («تنظيم
    # القاعدة», «مجلس التعاون الخليجي») is the one its ambiguous short name means there («قيادات القاعدة»); an
    # agreement's descriptive name stays untagged («الاتفاق النووي», guideline), so bodies only (_match_at)
    context = frozenset(
        c for _, h in first if h.kind != "short" for c in (h.entity.iso_code, h.entity.country, h.entity.entity_id)
        if c
    )
    st.hits = kb_hits(context) if context else first


def _named_process_pass(st: _DocState) -> None:
    """Named agreements and processes: «اتفاق الجزائر», «محادثات أستانة», «عملية جنيف للسلام» (MISC)."""
    text, index = st.text, st.index
    for idx, hit in st.hits:
        if hit.entity.type != "GPE" or hit.kind != "name":
            continue
        head = _NAMED_PROCESS.search(text, max(0, hit.start - C.NAMED_PROCESS_LOOKBACK), hit.start)
        if head is None:
            continue
        if hit.entity.subtype == "country" and hit.entity.entity_id not in index.capital_named:
            continue  # «اتفاق إيران» is a description; «اتفاق الجزائر» is named after Algiers
        end = hit.end
        tail = _PEACE_TAIL.match(text[end : end + C.PEACE_TAIL_WINDOW])
        if tail is None and normalize(head["head"]).endswith(lex.PROCESS_NEEDING_TAIL):
            continue  # «عملية الأحواز» is an attack there; «عملية جنيف للسلام» is a named process
        end += tail.end() if tail else 0
        name = text[head.start("head") : end]
        st.emit(head.start("head"), end, "MISC", "rules", EntityRow(stable_id("misc", name), "MISC", name, name,
                                                                     None, None, [name]), idx,
                C.NAMED_PROCESS_SCORE)  # fmt: skip


def _headed_names_pass(st: _DocState) -> None:
    """Names made of a head and a KB name, before the KB name alone is a mention: a national team
    («المنتخب السعودي», then its nickname «الأخضر»), a state's body («الصندوق السعودي للتنمية»), an event
    («قمة هلسنكي», «قمة منظمة شنغهاي للتعاون»: MISC) or a chamber («غرفة جدة»: ORG)."""
    text, index = st.text, st.index
    teams: dict[str, EntityRow] = {}
    for idx, hit in st.hits:
        ent, lookback = hit.entity, max(0, hit.start - C.HEAD_LOOKBACK)
        if hit.kind == "nisba" and ent.type == "GPE" and ent.iso_code:
            team = _TEAM_HEAD.search(text, lookback, hit.start)
            if team is not None:
                row = teams.setdefault(ent.iso_code, _team_row(ent, _LAM_PHRASE.match(text, hit.end)))
                st.emit(team.start("head"), hit.end, "ORG", "rules", row, idx, C.HEADED_NAME_SCORE)
                continue
            body = _NISBA_BODY_HEAD.search(text, lookback, hit.start)
            if body is not None:
                tail = _LAM_PHRASE.match(text, hit.end)
                end = tail.end("phrase") if tail else hit.end
                st.emit(body.start("head"), end, "ORG", "rules", _surface_row("org", text[body.start("head") : end]),
                        idx, C.HEADED_NAME_SCORE)  # fmt: skip
        elif hit.kind == "name" and (ent.type == "ORG" or (ent.type == "GPE" and (
                ent.subtype != "country" or ent.entity_id in index.capital_named))):  # fmt: skip
            head, type_ = _EVENT_HEAD.search(text, lookback, hit.start), "MISC"
            if head is None and ent.type == "GPE":
                head, type_ = _CITY_ORG_HEAD.search(text, lookback, hit.start), "ORG"
            if head is not None and not text.startswith(lex.LAM_ARTICLE, hit.start):  # «قمة للاتحاد …» describes
                name = text[head.start("head") : hit.end]
                st.emit(head.start("head"), hit.end, type_, "rules", _surface_row(type_.lower(), name), idx,
                        C.HEADED_NAME_SCORE)  # fmt: skip
    if teams:
        _team_nicknames(st, teams)


_RULER_ORG_HEADS = frozenset(normalize(w) for w in lex.RULER_ORG_HEADS)
_RULER_PLACE_HEADS = frozenset(normalize(w) for w in lex.RULER_PLACE_HEADS)
_RULER_CITY_HEAD = normalize(lex.RULER_CITY_HEAD)
_RULER_HEADS = _RULER_ORG_HEADS | _RULER_PLACE_HEADS | {_RULER_CITY_HEAD}
_ROYAL_TITLES = tuple(tuple(normalize(t).split()) for t in lex.ROYAL_TITLES)
_PATRONYMS = frozenset(normalize(w) for w in lex.PATRONYM_LINKS)
_PROCLITICS = "وفبل"  # one letter before a head («لمركز», «ومستشفى»)
_ABD = normalize(lex.ABD)
_FAMILY = normalize(lex.FAMILY_ARTICLE)  # a family name's «آل», a word of its own
_SPECIFIER = normalize("لل")
_CONJ_ARTICLE = normalize("وال")
_ADJECTIVE_ENDS = ("ي", "يه")  # «العالمية», «الدولي» (normalised)


def _ruler_name_end(words: Sequence[Word], i: int) -> int:
    """The index after a ruler's name that starts at word i: «سلمان», «عبد الله», «فهد بن عبدالعزيز», «عيد بن محمد
    آل ثاني»."""
    def one(j: int) -> int:
        return j + 2 if words[j].key == _ABD and j + 1 < len(words) else j + 1

    j = one(i)
    while j + 1 < len(words) and words[j].key in _PATRONYMS:
        j = one(j + 1)
    if j + 1 < len(words) and words[j].key == _FAMILY:
        j += 2  # «الشيخ عيد بن محمد آل ثاني»
    return min(j, len(words))


def _named_after_ruler_pass(st: _DocState) -> None:
    """«مركز الملك سلمان للإغاثة والأعمال الإنسانية»: an institution head, a royal title and a name, with the name's
    adjectives and «لل…» specifier, is one organisation (a facility so named a place), before the ruler alone is a
    person (lexicons: heads.named_after_ruler_*)."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        k = 0
        while k < len(words) - 2:
            head = words[k].key
            bare = head[1:] if head[:1] in _PROCLITICS and head[1:] in _RULER_HEADS else head
            if bare not in _RULER_HEADS:
                k += 1
                continue
            title = next((t for t in _ROYAL_TITLES if tuple(w.key for w in words[k + 1 : k + 1 + len(t)]) == t), None)
            if title is None or k + 1 + len(title) >= len(words):
                k += 1
                continue
            j = _ruler_name_end(words, k + 1 + len(title))
            specifier = False
            n = 0
            while (j < len(words) and n < C.RULER_NAME_TAIL_MAX_WORDS
                   and not text[words[j - 1].end : words[j].start].strip()):  # fmt: skip
                key = words[j].key
                if key.startswith(_SPECIFIER):
                    specifier = True
                elif not ((key.startswith(_ARTICLE) and key.endswith(_ADJECTIVE_ENDS))
                          or (specifier and key.startswith(_CONJ_ARTICLE))):  # fmt: skip
                    break
                j, n = j + 1, n + 1
            if any(text[a.end : b.start].strip() for a, b in itertools.pairwise(words[k:j])):
                k += 1
                continue  # punctuation inside: no one name
            start = words[k].start + (len(head) - len(bare))
            if any(h.entity.type != "PER" and h.start < words[j - 1].end and start < h.end for _, h in st.hits):
                k = j
                continue  # the KB knows it («مطار الملك خالد الدولي», «جامعة الملك سعود»): its pass links it
            place = bare in _RULER_PLACE_HEADS or (bare == _RULER_CITY_HEAD and not specifier)
            type_ = "LOC" if place else "ORG"
            name = text[start : words[j - 1].end]
            st.emit(start, words[j - 1].end, type_, "rules", _surface_row(type_.lower(), name), idx,
                    C.HEADED_NAME_SCORE)  # fmt: skip
            k = j


_QUOTES = frozenset('"«»“”')
_QUOTED_HEADS = "|".join(sorted(lex.QUOTED_NAME_HEADS, key=len, reverse=True))
_QUOTED_NAME = re.compile(
    rf"(?:^|(?<=\s))(?:{_PROCLITIC_LETTER}{{1,2}})?(?P<head>{_QUOTED_HEADS})"
    rf"\s+[\"«“](?P<name>[^\"«»“”\n.،,:؛]{{2,{C.QUOTED_NAME_MAX_CHARS}}})[\"»”]"
)


def _quoted_names_pass(st: _DocState) -> None:
    """A name in quotes right after an organisation's or an event's head: «منظمة "بابليك سيتيزن غلوبال تريد
    ووتش"», «حزب جديد اسمه "Renew"» is not (no head right before); the quotes and the head stay outside."""
    text = st.text
    for idx, s, e, _words in st.per_sentence:
        for m in _QUOTED_NAME.finditer(text, s, e):
            name = m.group("name").strip()
            if not name or len(name.split()) > C.QUOTED_NAME_MAX_WORDS or name.isdigit():
                continue
            start = m.start("name") + m.group("name").index(name)
            key = _variant_key(text, start, start + len(name), "")
            known = [e for e, _kind in (st.index.entries.get(key) or st.index.ambiguous.get(key) or ())
                     if e.type in ("ORG", "MISC")]  # fmt: skip
            if known:  # «تنظيم "الدولة الإسلامية"»: the head and the quotes say which of an ambiguous name's
                st.emit(start, start + len(name), known[0].type, "kb", kb_row(known[0]), idx, C.KB_NAME_SCORE)
                continue
            head = normalize(m.group("head"))
            type_ = "MISC" if head in lex.QUOTED_MISC_HEADS else "ORG"
            st.emit(start, start + len(name), type_, "rules", _surface_row(type_.lower(), name), idx,
                    C.HEADED_NAME_SCORE)  # fmt: skip


def _team_row(country: Entity, tail: re.Match[str] | None) -> EntityRow:
    """A state's national team: football unless «لكرة اليد/السلة…» follows the nisba."""
    sport = tail is not None and normalize(tail["phrase"]).startswith(lex.TEAM_SPORT_PREFIX)
    other = sport and tail is not None and lex.FOOTBALL not in normalize(tail["phrase"])
    english = f"{country.canonical} national {'' if other else 'football '}team"
    return EntityRow(stable_id("org", english), "ORG", english, None, None, None, [], "rule")


def _team_nicknames(st: _DocState, teams: Mapping[str, EntityRow]) -> None:
    """«الأخضر» is the Saudi team where the document names the Saudi team (lexicons: team_nicknames)."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        for i, w in enumerate(words):
            for n in (2, 1):
                if i + n > len(words):
                    continue
                for start, replace in _clitic_variants(text, w):
                    iso = lex.TEAM_NICKNAMES.get(_variant_key(text, start, words[i + n - 1].end, replace))
                    if iso in teams:
                        st.emit(start, words[i + n - 1].end, "ORG", "rules", teams[iso], idx, C.HEADED_NAME_SCORE)
                        break


def _surface_row(prefix: str, name: str) -> EntityRow:
    """A name the rules found and cannot put in English: its surface is its canonical."""
    return EntityRow(stable_id(prefix, name), prefix.upper(), name, name, None, None, [name])


_DOTTED = re.compile(r"(?<![\w.])(?P<run>[\u0621-\u064A]{1,5}(?:\.[\u0621-\u064A]{1,5}){1,4})\.?(?![\w.\-])")
_NOT_ACRONYMS = frozenset({"SA"})  # «بورت دي جيبوتي اس.ايه»: a company's legal form, no name of its own


def _dotted_acronym_pass(st: _DocState) -> None:
    """A dotted run of Latin letter names («سي.بي.إس», «إيه.بي.سي», «أر.تي») is an organisation's acronym: the
    KB's organisation with that abbreviation, else an organisation named by the letters."""
    text, kb = st.text, st.kb
    for idx, s, e, _words in st.per_sentence:
        for m in _DOTTED.finditer(text, s, e):
            names = [normalize(p) for p in m["run"].split(".")]
            if not all(n in lex.LATIN_LETTERS for n in names):
                continue
            spellings = ["".join(letters) for letters in itertools.product(*(lex.LATIN_LETTERS[n] for n in names))]
            if spellings[0] in _NOT_ACRONYMS:
                continue
            known = next((h.entity for sp in spellings for h in kb.lookup(sp)
                          if h.kind == "abbreviation" and h.entity.type == "ORG"), None)  # fmt: skip
            row = kb_row(known) if known is not None else EntityRow(
                stable_id("org", m["run"]), "ORG", spellings[0], m["run"], None, None, [m["run"]], "rule")
            st.emit(m.start("run"), m.end("run"), "ORG", "rules", row, idx, C.ACRONYM_SCORE)


def _acronym_pass(st: _DocState) -> None:
    """An organisation's or event's acronym in brackets or quotes right after its name («… الروسي "رياك"»,
    «(سي.بي.إس)») is the same entity, there and wherever else the document writes it."""
    text = st.text
    acronyms: dict[str, tuple[str, EntityRow]] = {}
    for m in list(st.mentions):
        a = _ABBR_AFTER.match(text, m.end) if m.type in ("ORG", "MISC") else None
        if a is None or m.entity_id not in st.rows:
            continue
        if m.start > 0 and text[m.start - 1] in _QUOTES and text[m.end : a.start("abbr")].strip()[:1] in _QUOTES:
            continue  # «شركة "سويم سوتس فور أول" إن "…"»: the quote after a quoted name closes it
        key = alias_key(a["abbr"])
        letters = a["abbr"].replace(".", "")
        # «(CBS)», «(سي.بي.إس)»; not an account name «(SAUDIMOMRA)» after «فيسبوك»
        latin = letters.isascii() and letters.isalpha() and letters.isupper() and len(letters) <= C.ACRONYM_MAX_LATIN
        if letters.isascii() and not latin:
            continue
        word = Word(a.start("abbr"), a.end("abbr"), key)
        rare = lexicon_count(key) < C.FREQUENT or st.upos_at.get(word.start) in ("PROPN", "X")  # «(ناتو)»
        if not (latin or (key and not key.startswith(_ARTICLE) and rare and not _looks_like_verb(word))):
            continue  # «"المتطرفة"», «"ستستفيد"» after a name are words, no acronym
        st.emit(a.start("abbr"), a.end("abbr"), m.type, "rules", st.rows[m.entity_id], m.sentence_idx, C.ACRONYM_SCORE)
        acronyms.setdefault(key, (m.type, st.rows[m.entity_id]))
    if not acronyms:
        return
    for idx, _s, _e, words in st.per_sentence:
        for w in words:
            for start, replace in _clitic_variants(text, w):
                found = acronyms.get(_variant_key(text, start, w.end, replace))
                if found is not None:
                    st.emit(start, w.end, found[0], "rules", found[1], idx, C.ACRONYM_SCORE)
                    break


def _kb_mentions_pass(st: _DocState) -> None:
    """The KB hits as mentions; short forms only count after the person's full name (or when long)."""
    text, index, emit = st.text, st.index, st.emit
    st.full_people = {h.entity.entity_id for _, h in st.hits if h.kind != "short" and h.entity.type == "PER"}
    for idx, hit in st.hits:
        ent = hit.entity
        if hit.kind == "short":
            # a well-known surname stands alone («ترامب», «أردوغان»); a short one («شي», «لي») needs the
            # full name in the same document
            if _short_form_doubtful(text, _token_start(text, hit.start), hit.start, hit.end, ent):
                continue
            bin_given = _given_name_of_bin(text, hit.start, index, st.upos_at)
            if bin_given is not None:
                # «الأمير خالد بن سلمان» is not Mohammed bin Salman; «أحمد بن دغر» is Ahmed bin Daghr in full
                own_first = {alias_key(n).split(" ")[0] for n in (ent.name_ar, *ent.aliases_ar) if n}
                if bin_given[1] not in own_first:
                    continue
                emit(bin_given[0], hit.end, "PER", "kb", kb_row(ent), idx, C.KB_NAME_SCORE)
                continue
            if ent.entity_id in st.full_people or (
                len(hit_key(text, hit)) >= C.SHORT_ALONE_MIN_LEN
                and not _after_unknown_name(text, hit.start, index, st.upos_at, ent)
            ):
                emit(hit.start, hit.end, "PER", "kb-short", kb_row(ent), idx, C.KB_SHORT_SCORE)
        elif hit.kind == "nisba":
            person = _nisba_in_model_person(st, hit)
            if person is None:
                emit(hit.start, hit.end, "GPE", "kb", kb_row(ent), idx, C.KB_NISBA_SCORE)
            else:
                s = person.start  # the model's start: the given name («علي السويدي»), the whole word («بروس»)
                e = max(hit.end, _trim_span(text, person.start, person.end, index, person=True)[1])
                _emit_local_person(st, s, e, words_in(text, s, e), "stanza", idx, person.score)  # its last word later
        else:
            start = hit.start
            prefix = len(lex.ORG_NAME_PREFIX)
            if (ent.type == "ORG" and hit.start >= prefix
                    and normalize(text[hit.start - prefix : hit.start]) == lex.ORG_NAME_PREFIX):  # fmt: skip
                start = hit.start - prefix  # «منظمة أوبك»: the head is part of the organisation's name
            end = _family_name_end(text, hit.end, ent) if ent.type == "PER" else hit.end
            if ent.type == "MISC":  # «كأس العالم في روسيا»: the edition held there
                ent = _edition_by_host(text, hit, index) or ent
            abbr = _abbreviation_after(text, hit, index) if ent.type == "ORG" else None
            if abbr is not None:  # «للاتحاد الأفريقي "كاف"»: the abbreviation says which body is meant
                ent = abbr[0]
            emit(start, end, ent.type, "kb", kb_row(ent), idx, C.KB_NAME_SCORE, over_dates=True)
            if 0 <= hit.lead < hit.start:
                st.taken.append((hit.lead, hit.start))  # «دونالد #»: part of the name, no mention of its own
            if abbr is not None:
                emit(abbr[1], abbr[2], ent.type, "kb", kb_row(ent), idx, C.KB_ABBR_AFTER_SCORE)
            if ent.type == "PER":
                parts = words_in(text, hit.start, hit.end)
                if _short_form_ok(parts):  # not «ثاني» of «آل ثاني» («ثاني أكبر» = second largest)
                    st.kb_people_short.setdefault(parts[-1].key, ent)


def _nisba_in_model_person(st: _DocState, hit: _Hit) -> Mention | None:
    """A nisba that is a word of a person's name the model reads («علي السويدي», «كيني جوس» Kenny Goss, «تركي
    المالكي» Turki): after a common given name in the model's person span (a family name: «السويدي», «المصري»),
    or as the first word of a longer one when it has no article and is a given name too («تركي», «كيني»; an
    adjective before a name takes the article, «سويسري» is no name). That span is then the mention, not the
    state."""
    for m in st.stanza_mentions:
        if m.type != "PER" or not (m.start <= hit.start and hit.end <= m.end):
            continue
        words = words_in(st.text, m.start, m.end)
        if len(words) < 2:
            return None
        before = [w for w in words if w.end <= hit.start]
        if before:
            return m if len(before) == 1 and before[0].key in given_names() else None
        first = words[0]
        return m if first.start == hit.start and not first.key.startswith(_ARTICLE) and known_name_word(first.key) \
            else None
    return None


def _title_persons_pass(st: _DocState) -> None:
    """3. Persons after titles that the KB does not know."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        for s, e0 in _title_persons(text, words, st.index, st.taken, st.upos_at):
            if _overlaps((s, e0), st.taken):
                continue
            e = _model_name_end(st, s, e0)
            parts = words_in(text, s, e)
            holder = _office_holder(" ".join(w.key for w in parts), st.index)
            if holder is not None:  # «الرئيس ترمب»: a title before a KB office-holder's surname names him
                st.emit(s, e, "PER", "kb-title", kb_row(holder), idx, C.TITLE_PERSON_SCORE)
                st.kb_people_short.setdefault(parts[-1].key, holder)
                continue
            _emit_local_person(st, s, e, parts, "title", idx, C.TITLE_PERSON_SCORE)


def _headed_persons_pass(st: _DocState) -> None:
    """A name the model left untagged right after a definite singular nisba or a profession: «على الروسي ميخائيل
    يوزهني», «والبولندي ريسار كابوسينكسي», «الفنانة منى عبدالغني», «الحارس حلاوة». News names a foreigner by
    nationality and a player or an artist by trade as it names an official by title; the first word must be a
    proper noun to the POS model (not «الجانب الصيني شي»'s common nouns), the rest name words, and no KB name
    among them."""
    text = st.text
    nisbas = {h.end: h.start for _, h in st.hits if h.kind == "nisba"
              and _singular_definite_nisba(text[h.start : h.end])}  # fmt: skip
    heads = {m.end: ("nisba", nisbas[m.end]) for m in st.mentions if m.type == "GPE" and m.end in nisbas}
    for idx, _s, _e, words in st.per_sentence:
        for w in words:
            trade = w.key in lex.PROFESSION_HEADS or w.key.removeprefix("و") in lex.PROFESSION_HEADS
            if trade and not _overlaps((w.start, w.end), st.taken):
                heads[w.end] = ("profession", w.start)
        for i, w in enumerate(words):
            if i < 1 or words[i - 1].end not in heads or text[words[i - 1].end : w.start].strip():
                continue
            source, head_start = heads[words[i - 1].end]
            if _headed_person_start(st, words, i, head_start if source == "nisba" else None):
                name = _name_after_head(st, words, i)
            else:
                name = _given_and_surname(st, words, i, head_start if source == "nisba" else None)
            if not name or _overlaps((name[0].start, name[-1].end), st.taken):
                continue
            _emit_local_person(st, name[0].start, name[-1].end, name, source, idx, C.HEADED_PERSON_SCORE)


def _name_after_head(st: _DocState, words: Sequence[Word], i: int) -> list[Word]:
    """The name words from ``words[i]`` (vetted by ``_headed_person_start``) on: up to four, to punctuation, never
    ending on a connector."""
    text, name = st.text, []
    for j in range(i, min(i + C.MAX_TITLE_NAME_WORDS, len(words))):
        x = words[j]
        if name and text[name[-1].end : x.start].strip():
            break  # punctuation ends the name
        upos = st.upos_at.get(x.start)
        if not (_is_name_word(x, upos, inside=bool(name)) or (name and _continues_name(x, upos))):
            break
        if name and name[-1].key not in lex.NAME_CONNECTORS and _office_at(text, words, j, st.index):
            break  # a title after the name is an apposition (not «بن سلطان», «آل الشيخ»)
        name.append(x)
    while name and name[-1].key in lex.NAME_CONNECTORS:
        name.pop()
    return name


def _continues_name(x: Word, upos: str | None, verb_ok: bool = True) -> bool:
    """May ``x`` continue a name already begun (after a title, a nisba or a trade)? Besides the words
    ``_is_name_word`` admits inside a name: a connector («بن»), a proper noun though it opens like a verb
    («ميخائيل يوزهني»), a known name word or one the news never writes whatever the POS model says («شادن محمد
    الجوهري»: «محمد» NOUN; «فارس السقاف»: «السقاف» NOUN), or a surname cut as a proclitic («ديان لوفرن»). A
    rare word the model reads as a verb («عدنان يانوزاي») only when ``verb_ok``: after a title the name goes on
    into the sentence's verb («الدكتورة هيفاء عزي فأهدتني»)."""
    not_name = _NOT_NAME_UPOS - {"VERB"} if verb_ok else _NOT_NAME_UPOS
    return (x.key in lex.NAME_CONNECTORS
            or (upos == "PROPN" and _may_join_a_name(x))
            or (upos not in not_name and _may_join_a_name(x) and (
                known_name_word(x.key) or lexicon_count(x.key) < C.MISSPLIT_MAX_COUNT))
            or _missplit_name(x, upos))  # fmt: skip


def _given_and_surname(st: _DocState, words: Sequence[Word], i: int, nisba_start: int | None) -> list[Word]:
    """A name after a nationality or a trade whose first word the POS model did not tag PROPN: a given name («منى»
    NOUN, «طالب» VERB: in ``given_names`` or a word of at least C.PERSON_WORD_MIN Wikidata person labels), no
    title, office or KB name, then surname words only (a proper noun, a family nisba the news seldom writes, a
    theophoric «عبد…»): «الفنانة منى عبدالغني», «الكويتي طالب الدوسري». Two words at least; none otherwise."""
    text, w, key = st.text, words[i], words[i].key
    if not (_given_name_word(key) or key == _ABD) or key in lex.TITLE_NOT_FIRST or key in _HONORIFIC_WORDS \
            or len(key) < C.HEADED_PERSON_MIN_LETTERS or _looks_like_verb(w) or _office_at(text, words, i, st.index):
        return []  # fmt: skip
    if _match_at(text, words, i, st.index) or _feminine_head_missing(text, nisba_start, words[i - 1].end):
        return []
    name = [w]
    for x in words[i + 1 : i + C.MAX_TITLE_NAME_WORDS]:
        if text[name[-1].end : x.start].strip() or not _surname_word(st, name, x):
            break
        name.append(x)
    surname = name[2:] if name[0].key == _ABD else name[1:]  # «عبد الحكيم» is one given name: a surname follows
    return name if surname else []


def _surname_word(st: _DocState, name: Sequence[Word], x: Word) -> bool:
    """May ``x`` go on a name as its surname: a proper noun, a family nisba the news seldom writes («الدوسري»), the
    «عبد» of a theophoric name or its second half («عبد الغني», «عبدالغني»); not a noun with a pronoun, a title,
    an office or a word in «ا» (an indefinite accusative: «بات خاسرا»)."""
    key = x.key
    if key in lex.NAME_STOP or key in lex.TITLE_NOT_FIRST or _noun_with_pronoun(key, C.PRONOUN_NOUN_BASE_MIN):
        return False
    if _office_at(st.text, [x], 0, st.index) or (key.endswith(_ACCUSATIVE_END) and not known_name_word(key)):
        return False
    if name[-1].key == _ABD:
        return key.startswith(_ARTICLE)
    family = key.startswith(_ARTICLE) and key.endswith(_FAMILY_NISBA_END) and lexicon_count(key) < C.FREQUENT
    return st.upos_at.get(x.start) == "PROPN" or family or key == _ABD or key.startswith(_JOINED_ABD)


def _feminine_head_missing(text: str, nisba_start: int | None, nisba_end: int) -> bool:
    """After a feminine nisba a person is named only behind a word for a woman («الفنانة الفلسطينية ريم بنا», not
    «الشركة … الفرنسية شانيل»)."""
    if nisba_start is None or not normalize(text[nisba_start:nisba_end]).endswith(_FEMININE_NISBA_END):
        return False
    before = _word_before(text, nisba_start)
    return before is None or before[1] not in lex.FEMALE_PERSON_HEADS


def _headed_person_start(st: _DocState, words: Sequence[Word], i: int, nisba_start: int | None) -> bool:
    """Can ``words[i]``, right after a nisba or a trade, open a person's name? A proper noun to the POS model that
    the news seldom writes or that is a known name word; not a word with a digit, an accusative («مغايرا»,
    «تقييما»), a preposition or conjunction on a common word («برياح», «فليست») or a future verb; after a feminine
    nisba only
    behind a word for a woman («الفنانة الفلسطينية ريم بنا», not «الشركة … الفرنسية شانيل»)."""
    text, w, key = st.text, words[i], words[i].key
    if st.upos_at.get(w.start) != "PROPN" or len(key) < C.HEADED_PERSON_MIN_LETTERS or any(c.isdigit() for c in key):
        return False
    known = known_name_word(key)
    if not (known or lexicon_count(key) < C.FREQUENT) or _looks_like_verb(w):
        return False
    if not known and (key.endswith(_ACCUSATIVE_END) or (
            key[0] in lex.MISSPLIT_LETTERS and lexicon_count(key[1:]) >= C.HEADED_PERSON_CLITIC_REST)):  # fmt: skip
        return False
    if _feminine_head_missing(text, nisba_start, words[i - 1].end):
        return False
    return not _match_at(text, words, i, st.index)


_ACCUSATIVE_END = "ا"  # «مغايرا», «تقييما»: an indefinite accusative, no name (unless a known name word: «نورا»)
_FEMININE_NISBA_END = "يه"  # «الفلسطينية» as normalised


def _lineage_pass(st: _DocState) -> None:
    """A Maghrebi lineage «X ولد Y (ولد Z)» (son of) is one person: «إسماعيل ولد الشيخ أحمد», «حضية ولد سلامة ولد
    النفاع». The model cuts it at «ولد» («إسماعيل» + «شيخ أحمد»); the pieces are joined when a person's mention or
    a known name word stands before «ولد», name words after it, and no «في», «عام» … follows the name, where «ولد»
    is the verb (was born: «برهم صالح ولد برهم صالح في مدينة السليمانية»)."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        k = 1
        while k < len(words) - 1:
            if words[k].key != _WALAD or not _joined(text, words[k - 1], words[k], words[k + 1]):
                k += 1
                continue
            left = _lineage_left(st, words, k)
            end = _lineage_right(st, words, k)
            if left is None or end == k:
                k += 1
                continue
            after = words[end + 1].key if end + 1 < len(words) and _joined(text, words[end], words[end + 1]) else ""
            s, e = left, words[end].end
            inside = [m for m in st.mentions if m.start < e and s < m.end]
            if (after in lex.BORN_AFTER or not any(m.type == "PER" for m in inside)
                    or any(m.type != "PER" or m.start < s or m.end > e for m in inside)):  # fmt: skip
                k += 1
                continue
            for m in inside:
                _drop_mention(st, m)
            name = text[s:e]
            known = [ent for ent, kind in st.index.entries.get(alias_key(name), []) if ent.type == "PER"
                     and kind == "name"]  # fmt: skip
            if known:  # the KB's person by the whole lineage («إسماعيل ولد الشيخ أحمد»)
                st.emit(s, e, "PER", "lineage", kb_row(known[0]), idx, C.LINEAGE_PERSON_SCORE)
                st.full_people.add(known[0].entity_id)
            else:
                _emit_local_person(st, s, e, words_in(text, s, e), "lineage", idx, C.LINEAGE_PERSON_SCORE)
            k = end + 1


_WALAD = "ولد"


def _drop_mention(st: _DocState, m: Mention) -> None:
    """Take a mention back, and its entity when no other mention names it (no entity row without a mention)."""
    st.mentions.remove(m)
    st.taken.remove((m.start, m.end))
    if not any(o.entity_id == m.entity_id for o in st.mentions):
        st.rows.pop(m.entity_id, None)
        st.local_people.pop(m.entity_id, None)


def _joined(text: str, *words: Word) -> bool:
    """Nothing but spaces between the words."""
    return all(not text[a.end : b.start].strip() for a, b in itertools.pairwise(words))


def _lineage_word(st: _DocState, w: Word, key: str) -> bool:
    """A word of a lineage: a connector, «الشيخ», a name word, or a word of a person the model or a rule read
    («وعبد الرحمان ولد محمد حمودي»: «الرحمان» inside the model's «عبد الرحمان»)."""
    return (key in lex.NAME_CONNECTORS or key in _LINEAGE_HONORIFICS or known_name_word(key)
            or _is_name_word(Word(w.start, w.end, key), st.upos_at.get(w.start), inside=True)
            or any(m.type == "PER" and m.start <= w.start and w.end <= m.end for m in st.mentions))  # fmt: skip


def _lineage_left(st: _DocState, words: Sequence[Word], k: int) -> int | None:
    """Where the name before «ولد» starts: up to three name words, the first perhaps with «و» (the next item of a
    list), all of them inside a person's mention or the first a known name word; None if there is none."""
    text, start = st.text, None
    for j in range(k - 1, max(-1, k - 1 - C.LINEAGE_SIDE_WORDS), -1):
        w = words[j]
        if j < k - 1 and not _joined(text, w, words[j + 1]):
            break
        conj = w.key.startswith("و") and not known_name_word(w.key) and len(w.key) > 2
        key = w.key[1:] if conj else w.key
        if not _lineage_word(st, w, key) or key == _WALAD or key in _PATRONYMS:
            break  # an earlier link of the lineage: the pass reads a lineage from its first «ولد»
        start = w.start + (1 if conj else 0)
        if conj:
            break
    if start is None:
        return None
    named = any(m.type == "PER" and m.start <= start < m.end for m in st.mentions)
    first = normalize(text[start : words[k - 1].end]).split()[0]
    return start if named or known_name_word(first) else None


def _lineage_right(st: _DocState, words: Sequence[Word], k: int) -> int:
    """The index of the last word of the name after «ولد» (``k`` if none): name words and further «ولد/بن»,
    up to the next «و» word or punctuation, never ending on a connector."""
    text, last = st.text, k
    for j in range(k + 1, min(len(words), k + 1 + C.LINEAGE_MAX_WORDS)):
        w = words[j]
        if not _joined(text, words[j - 1], w) or (w.key.startswith("و") and w.key != _WALAD):
            break
        if not _lineage_word(st, w, w.key) or (
                w.key.endswith(_ACCUSATIVE_END) and len(w.key) > C.HEADED_PERSON_MIN_LETTERS
                and not known_name_word(w.key)):  # fmt: skip
            break  # «بتعيين إسماعيل ولد شيخ أحمد مبعوثا»: the accusative after the name is no part of it
        if w.key not in lex.NAME_CONNECTORS:
            last = j
    return last


_LINEAGE_HONORIFICS = frozenset(normalize(w) for w in ("الشيخ", "شيخ"))  # «ولد الشيخ أحمد»: part of the name


def _singular_definite_nisba(surface: str) -> bool:
    """«الروسي», «والجزائرية»: a definite singular nisba (not «الروس», «الإيرانيين», «روسي»)."""
    key = normalize(surface).removeprefix("و")
    return key.startswith(_ARTICLE) and key.endswith((_FAMILY_NISBA_END, _FEMININE_NISBA_END))


# a word that begins with a conjunction or a preposition and the article is no name part («فرديناند وغونزالو»:
# two persons; «الملك عبد العزيز للعلوم»: a body's name)
_NOT_NAME_STARTS = ("و", "لل", "بال", "فال", "كال")


def _past_trailing_connector(text: str, s: int, e: int, taken: Sequence[tuple[int, int]]) -> int:
    """Where a person's span ends when the model stopped on a connector («عبد الرحمن بن», «لويدجي دي»): a name
    never ends with «بن», «ابن», «ولد», «أبو», «دي» …; the word after it belongs to the name («بن مساعد», «بن
    علي», «دي مايو») when nothing stands between and it may continue a name."""
    words = words_in(text, s, e)
    if not words or words[-1].key not in lex.NAME_CONNECTORS or words[-1].key == _ARTICLE:
        return e
    nxt = words_in(text, e, min(len(text), e + C.NAME_LOOKBACK))[:1]
    if not nxt or text[e : nxt[0].start].strip() or _overlaps((nxt[0].start, nxt[0].end), taken):
        return e
    w = nxt[0]
    return w.end if _may_join_a_name(w) or w.key in given_names() else e


def _may_join_a_name(w: Word) -> bool:
    """May the word continue a name already begun: no verb, no function word, not «و» or a preposition with the
    article at its start?"""
    return not _looks_like_verb(w) and w.key not in lex.NAME_STOP and not w.key.startswith(_NOT_NAME_STARTS)


def _model_name_end(st: _DocState, start: int, end: int) -> int:
    """Where a title's name ends when the model reads it further as one person («السيد حسين الفردان»: the rules
    stop at «حسين», an article-bearing word not tagged PROPN; the model's person is «حسين الفردان»). The words
    it adds must be rare in the news corpus, a name part («آل») or tagged PROPN, with nothing between them, and
    not begin with «و» or a preposition with the article."""
    text = st.text
    for m in st.stanza_mentions:
        if m.type != "PER" or not m.start <= start < m.end or m.end <= end:
            continue
        rest = words_in(text, end, m.end)
        if not rest or len(rest) > C.MODEL_NAME_MORE_WORDS or _overlaps((end, rest[-1].end), st.taken):
            return end
        starts = [end, *(w.end for w in rest[:-1])]
        if any(text[a : w.start].strip() for a, w in zip(starts, rest, strict=True)):
            return end  # punctuation between the words: not one name
        if all(_may_join_a_name(w) and (
                lexicon_count(w.key) < C.FREQUENT or w.key in lex.NAME_PARTS_WITH_AL
                or st.upos_at.get(w.start) == "PROPN") for w in rest):  # fmt: skip
            return rest[-1].end
        return end
    return end


def _office_holder(key: str, index: _Index) -> Entity | None:
    """The one KB person who held an office and whose short form is ``key`` («ترمب» after «الرئيس»), else None:
    a title says the name is a person's, so a short surname that alone could be a word names him here."""
    holders = {ent.entity_id: ent for ent, kind in index.entries.get(key, ())
               if kind == "short" and ent.type == "PER" and ent.offices}  # fmt: skip
    return next(iter(holders.values())) if len(holders) == 1 else None


def _given_name_before(
    text: str, start: int, index: _Index, taken: Sequence[tuple[int, int]], upos_at: Mapping[int, str] | None = None,
) -> int:  # fmt: skip
    """Where a person's name starts when the model left out its first word, a given name KB persons bear
    («كيم [يونغ أون]», «رامي [عبد الرحمن]», «ديدييه [ديشان]»): that word's start, else ``start``."""
    before = _word_before(text, start)
    if before is None:
        return start
    word_start, key = before
    if _given_name_of_bin(text, start, index, upos_at or {}) is not None and not _overlaps((word_start, start), taken):
        return word_start  # «خالد [بن سلمان]»: the word before «بن» is the person's given name
    # a KB person's first name, or a common given name the romanisation table lists («أمل [كلوني]», «سعيد
    # [الطاير]»): those are also common words, so only right before a name the model found
    if (key not in index.given_names and key not in given_names()) or _overlaps((word_start, start), taken):
        return start
    if key not in index.given_names and (upos_at or {}).get(word_start) in _NOT_NAME_UPOS:
        return start  # «عثر على سيرغي سكريبال», «علي بيان آل الشيخ» (on): «على» normalises like «علي» (Ali)
    return word_start


def _surname_after(st: _DocState, given: Word, end: int, known_given: bool = True) -> int:
    """Where a person's name ends when the model read only its given name («[حسين] ثابت», «[أندرو] فاير»): past
    the next word when the model's word is a known name word (``known_name_word``; any word when not
    ``known_given``) and the next word could go on a name (``_continues_name``: a proper noun, a known name word or
    a word the news never writes), with nothing between them; a word the news writes often only when it is a known
    name word tagged PROPN; not a definite word but a family nisba, not a title or a taken span."""
    if known_given and not known_name_word(given.key):
        return end
    nxt = _word_after(st.text, end)
    if nxt is None or st.text[end : nxt.start].strip() or _overlaps((nxt.start, nxt.end), st.taken):
        return end
    upos = st.upos_at.get(nxt.start)
    if nxt.key in lex.NAME_STOP or nxt.key in lex.TITLE_NOT_FIRST or nxt.key.startswith(lex.CONJUNCTION):
        return end
    if nxt.key.startswith(_ARTICLE) and not (nxt.key.endswith(_FAMILY_NISBA_END) and lexicon_count(nxt.key)
                                             < C.FREQUENT):  # fmt: skip
        return end
    if not _continues_name(nxt, upos, verb_ok=False) or _office_at(st.text, [nxt], 0, st.index):
        return end
    if lexicon_count(nxt.key) >= C.FREQUENT and not (upos == "PROPN" and known_name_word(nxt.key)):
        return end  # «محمود فإن», «ماجد أيضا»: a common word of the sentence, no surname
    if _noun_with_pronoun(nxt.key, C.PRONOUN_NOUN_BASE_MIN):
        return end  # «ميس بيغي وكيرميت انفصالهما»: their separation
    return nxt.end


def _noun_with_pronoun(key: str, min_count: int = C.FREQUENT) -> bool:
    """A common noun with a possessive pronoun («انفصالهما», «مراسلنا», «قرينته» of «قرينة»): the base is a word
    the news writes at least ``min_count`` times (a base in «ت» also as the «ة» it was before the pronoun)."""
    for suffix in (*lex.SPEAKER_PRONOUNS, _DUAL_PRONOUN):
        base = key.removesuffix(suffix)
        if base == key:
            continue
        bases = (base, base.removesuffix("و"), *((base[:-1] + _TAA_MARBUTA_NORM,) if base.endswith("ت") else ()))
        if max(map(lexicon_count, bases)) >= min_count:
            return True
    return False


def _misspelt_states_pass(st: _DocState) -> None:
    """A proper noun one letter off a state's name or nisba that no pass took («في كازخستان», «العاملة
    الفليبينية»): the state. The check the model's spans get, for the words it left out, states only."""
    for idx, _s, _e, words in st.per_sentence:
        for i, w in enumerate(words):
            if st.upos_at.get(w.start) != "PROPN" or _overlaps((w.start, w.end), st.taken):
                continue
            # a proper noun next to another is part of a name («ميلانيا ترامب» is no misspelt «ملاوي»)
            if any(st.upos_at.get(x.start) == "PROPN" for x in words[max(0, i - 1) : i] + words[i + 1 : i + 2]):
                continue
            for start, _ in _clitic_variants(st.text, w):
                near = fuzzy_place(key_of_normalized(_normalized_slice(st.text, start, w.end)), st.index)
                if near is not None and near[0].subtype == "country":  # not a city: «فاليرا» is no «فاليتا»
                    st.emit(start, w.end, "GPE", "kb-fuzzy", kb_row(near[0]), idx, C.FUZZY_SCORE)
                    break


def _stanza_pass(st: _DocState) -> None:
    """Stanza's own mentions, re-cut and retyped, where the rules found nothing."""
    for m in st.stanza_mentions:
        _stanza_mention(st, m)


def _stanza_mention(st: _DocState, m: Mention) -> None:
    """One statistical mention: trimmed to the name, dropped if it is no name, linked to a misspelt state,
    a GeoNames city or a facility's English name when it is one."""
    text, index, emit = st.text, st.index, st.emit
    upos_at = st.upos_at
    frequent = False  # a name the news writes often, whose first letter the clitic split took («ليفربول»)
    if (start := _name_token_start(text, m.start) if m.type == "PER" else m.start) == m.start:
        start = _frequent_token_start(text, m.start)
        frequent = start != m.start
    if start != m.start:
        upos_at = {**upos_at, start: upos_at.get(m.start, "")}  # the name's tag, not the letter's
        m = dataclasses.replace(m, start=start)
    if _overlaps((m.start, m.end), st.taken):
        return
    s, e = _trim_span(text, m.start, m.end, index, person=m.type == "PER")
    if s >= e or _overlaps((s, e), st.taken):
        return
    if m.type == "PER":
        e = _past_trailing_connector(text, s, e, st.taken)
    span_words = words_in(text, s, e)
    blessing = next((k for k, w in enumerate(span_words) if w.key in lex.BLESSING_VERBS), None)
    if blessing == 0:
        return  # «حفظهم الله»: a blessing after a name, not one
    if blessing is not None:  # «إبراهيم أصلان رحمه الله»: the name before the blessing
        e, span_words = span_words[blessing - 1].end, span_words[:blessing]
    named = _model_named_surname(st, m, s, span_words)
    if named is not None:  # «ومن المقرر ان يلقي بوش خطابا»: the model's person, the KB's surname
        emit(s, e, "PER", "kb-short", kb_row(named), m.sentence_idx, C.KB_SHORT_SCORE)
        return
    if not span_words or not (frequent or _plausible_name(span_words, upos_at, person=m.type == "PER")):
        return
    if len(span_words) == 1 and _looks_like_verb(span_words[0]):
        return  # «سيوصي»: a future verb the model took for a name
    if m.type == "MISC" and _common_phrase(span_words, index):
        return  # «كرة القدم»: common nouns, no named event
    type_ = GENERIC_TYPES.get(m.type, m.type)
    if type_ == "PER" and not text.startswith(lex.CONJUNCTION, s):  # «ناصر وحسين منصور»: two persons
        s = _given_name_before(text, s, index, st.taken, upos_at)
    if type_ == "PER" and len(span_words) == 1:
        e = _surname_after(st, span_words[0], e)
    head = _SPAN_HEAD.search(text, max(0, s - C.HEAD_LOOKBACK), s)
    if head is not None and not _overlaps((head.start("head"), s), st.taken):
        s = head.start("head")  # «منتدى إكسبو»: the head the model left out is part of the name
        bare = normalize(head["head"])
        for article in (_ARTICLE, lex.LAM_ARTICLE):
            bare = bare[len(article) :] if bare.startswith(article) else bare
        type_ = lex.SPAN_HEADS.get(bare, type_)
    elif span_words[0].key in lex.ORG_HEADS:
        type_ = "ORG"  # «جامعة السوربون» is an organisation whatever the model said
    elif _ORG_TYPE_HEAD.search(text, max(0, s - C.HEAD_LOOKBACK), s):
        type_ = "ORG"  # «لصحيفة دي فيلت»: a newspaper, not a person
    elif span_words[0].key in lex.MISC_HEADS:
        type_ = "MISC"  # «مهرجان فيسباكو»
    if span_words[0].key in lex.FACILITY_HEADS and len(span_words) > 1:
        type_ = "LOC"
    key = key_of_normalized(_normalized_slice(text, s, e))
    near = fuzzy_place(key, index)
    plural = key.endswith(lex.PLURAL_NISBA_ENDINGS)  # «فلبينين»: a misspelt plural nisba is a people, never a person
    if near is not None and (type_ in ("GPE", "LOC") or (near[1] == "nisba" and (type_ != "PER" or plural))):
        emit(s, e, "GPE", "kb-fuzzy", kb_row(near[0]), m.sentence_idx, C.FUZZY_SCORE)  # a misspelt state or nisba
        return
    place = load_gazetteer().lookup(key) if type_ == "GPE" else None
    if place is not None:  # a city the KB does not know («سواكن» → Suakin): GeoNames' English name
        emit(s, e, "GPE", "gazetteer", _place_row(place, text[s:e]), m.sentence_idx, m.score)
        return
    name = text[s:e]
    eid = stable_id(type_.lower(), name)
    if type_ == "LOC" and span_words[0].key in lex.FACILITY_HEADS and len(span_words) > 1:
        english = _facility_name(text, span_words, index)
        if english:  # «ميناء سواكن» → Port of Suakin
            emit(s, e, "LOC", "stanza", EntityRow(eid, "LOC", english, name, None, None, [name], "rule"),
                 m.sentence_idx, m.score)  # fmt: skip
            return
    if type_ == "PER":  # the words of the final span: a given name before the model's may have joined it
        _remember_local_person(st, eid, name, words_in(text, s, e))
    emit(s, e, type_, "stanza", EntityRow(eid, type_, name, name, None, None, [name]), m.sentence_idx, m.score)


def _letters(word: str) -> str:
    """A word's letters as written: diacritics and tatweel out, hamza seats and ta marbuta kept."""
    return "".join(ch for ch in word if normalize(ch) or ch in lex.MARKED_LETTERS)


def _may_spell(surface: str, name: str) -> bool:
    """Can ``surface`` be ``name`` as writers spell it? Each letter is the name's own, its plain form (أ → ا, ة → ه,
    ى ↔ ي) or another seat of its hamza («إردوغان» for «أردوغان»); a marked letter where the name has the plain one
    («بأن» for «بان», «قوة» for «قوه») makes it another word."""
    return len(surface) == len(name) and all(
        s == n or (normalize(s) == normalize(n) and (s not in lex.MARKED_LETTERS or n in lex.MARKED_LETTERS))
        or {s, n} <= lex.YA_FORMS
        for s, n in zip(surface, name, strict=True)
    )


def _token_start(text: str, start: int) -> int:
    """The start of the run of letters ``start`` is in (the token with its proclitics)."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def _name_token_start(text: str, start: int) -> int:
    """Where a person's span starts when the clitic split took a name's first letter for a proclitic: «برونو»
    read as ب + «رونو», «وليد» as و + «ليد», «فلاديمير» as ف + «لاديمير». The whole token is a name word the
    romanisation tables know and what is left after the letter is none: the token is the name."""
    split = _proclitic_split(text, start)
    if split is None:
        return start
    token_start, token_end = split
    whole = _normalized_slice(text, token_start, token_end)
    rest = _normalized_slice(text, start, token_end)
    return token_start if known_name_word(whole) and not known_name_word(rest) else start


def _proclitic_split(text: str, start: int) -> tuple[int, int] | None:
    """The token a span starts inside of, after a letter the clitic split read as a proclitic: (token start,
    token end); None when the span starts its token."""
    token_start = _token_start(text, start)
    if token_start == start or text[token_start:start] not in lex.PROCLITICS:
        return None
    token = _WORD_RE.match(text, token_start)
    return (token_start, token.end()) if token is not None else None


def _frequent_token_start(text: str, start: int) -> int:
    """Where a span starts when the clitic split took the first letter of a name the news writes often for a
    proclitic («ليفربول» read as ل + «يفربول»): the whole token is frequent in the news, what is left after the
    letter is never written; else ``start``."""
    split = _proclitic_split(text, start)
    if split is None:
        return start
    token_start, token_end = split
    whole = lexicon_count(_normalized_slice(text, token_start, token_end))
    rest = lexicon_count(_normalized_slice(text, start, token_end))
    return token_start if whole >= C.FREQUENT and rest < C.MISSPLIT_MAX_COUNT else start


def _kb_short_forms_pass(st: _DocState) -> None:
    """4. The last word of a KB person's full name, later in the document («أردوغان»)."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        for w in words:
            for start, _ in _clitic_variants(text, w):
                ent = st.kb_people_short.get(_normalized_slice(text, start, w.end))
                if ent is not None and not _short_form_doubtful(text, w.start, start, w.end, ent):
                    st.emit(start, w.end, "PER", "kb-short", kb_row(ent), idx, C.KB_SHORT_LATER_SCORE)
                    break


def _short_form_doubtful(text: str, token_start: int, start: int, end: int, ent: Entity) -> bool:
    """Is a word that matches a KB person's surname (normalised) another word? Guo Jiakun's «قوه» is the normalised
    «قوة» (force), Ban Ki-moon's «بان» the normalised «بأن» (that): a surname that is also a common word carries no
    letter its name lacks (a hamza seat, ة for ه; dropping one is ordinary writing: «اردوغان»; a rare surname may be
    misspelt: «زنغنة» for «زنغنه»); and after the preposition «ب» a word the news writes often as a whole is an
    adverb («بقوة» strongly, «بسلام» in peace, «بتاتا» at all), not «ب» + a surname («بترامب»)."""
    if lexicon_count(_normalized_slice(text, start, end)) >= C.FREQUENT:
        surface = _letters(text[start:end])
        forms = (ent.name_ar, *ent.aliases_ar, *ent.short_aliases_ar)
        if not any(_may_spell(surface, _letters(f.split()[-1])) for f in forms if f.split()):
            return True
    ba = text[token_start:start] == lex.BA
    return ba and _whole_token_common(text, token_start, start, end, C.BA_WHOLE_MAX_SHARE)


def _org_short_forms_pass(st: _DocState) -> None:
    """«الاتحاد السعودي» in an article that names «الاتحاد السعودي لكرة القدم»: a KB organisation named in full
    («X Y لـZ») is named again by the words before its «لـ» specifier, anywhere in the document. Only when one
    organisation of the document gives that short form and the short form names nothing of its own in the KB
    («الاتحاد الأوروبي» stays the EU)."""
    text, index = st.text, st.index
    shorts: dict[str, set[str]] = {}
    rows: dict[str, EntityRow] = {}
    for m in st.mentions:
        row = st.rows.get(m.entity_id)
        if m.type != "ORG" or row is None or row.canonical_source != "kb":
            continue
        words = [w.key for w in words_in(text, m.start, m.end)]
        cut = next((i for i, w in enumerate(words) if i and w.startswith(lex.LAM_PREPOSITION)), None)
        if cut is None or cut < C.ORG_SHORT_MIN_WORDS:
            continue
        short = " ".join(words[:cut])
        if short in index.entries or short in index.ambiguous:
            continue
        shorts.setdefault(short, set()).add(m.entity_id)
        rows[m.entity_id] = row
    known = {k: next(iter(v)) for k, v in shorts.items() if len(v) == 1}
    if not known:
        return
    for i, m in enumerate(st.mentions):  # a rule read the short form as a body of its own: relink it
        eid = known.get(_normalized_slice(text, m.start, m.end))
        row = st.rows.get(m.entity_id)
        if eid is not None and m.type == "ORG" and row is not None and row.canonical_source != "kb":
            st.mentions[i] = dataclasses.replace(m, source="org-short", entity_id=eid)
            st.rows.setdefault(eid, rows[eid])
    for idx, _s, _e, words in st.per_sentence:
        for i in range(len(words) - C.ORG_SHORT_MIN_WORDS + 1):
            for start, _ in _clitic_variants(text, words[i]):
                for n in range(C.ORG_SHORT_MIN_WORDS, C.ORG_SHORT_MAX_WORDS + 1):
                    if i + n > len(words):
                        break
                    key = _normalized_slice(text, start, words[i + n - 1].end)
                    eid = known.get(key)
                    if eid is not None:
                        st.emit(start, words[i + n - 1].end, "ORG", "org-short", rows[eid], idx, C.ORG_SHORT_SCORE)


def _generic_bodies_pass(st: _DocState) -> None:
    """A bare «وزارة الخارجية» is the body of the country the document is about."""
    _generic_bodies(st.text, st.per_sentence, st.kb, st.hits, st.emit, st.mentions, st.rows)


def _towns_with_nisba_pass(st: _DocState) -> None:
    """A proper noun the gazetteer knows right before its state's nisba («سواكن السودانية», «عفرين السورية»): that
    town. The nisba says which state, so a town of another state by that name does not count."""
    gaz = load_gazetteer()
    for idx, _s, _e, words in st.per_sentence:
        for i in range(len(words) - 1):
            w, nxt = words[i], words[i + 1]
            if st.upos_at.get(w.start) not in ("PROPN", "X") or _overlaps((w.start, w.end), st.taken):
                continue
            if st.text[w.end : nxt.start].strip():
                continue
            states = {e.iso_code for e, kind in st.index.entries.get(nxt.key, ()) if kind == "nisba" and e.iso_code}
            place = gaz.lookup(w.key) if states else None
            if place is not None and place.country in states:
                st.emit(w.start, w.end, "GPE", "gazetteer", _place_row(place, st.text[w.start : w.end]), idx,
                        C.CONTEXT_SCORE)  # fmt: skip


def _cued_places_pass(st: _DocState) -> None:
    """Towns after a locative cue or in a list after a linked place (nisbas do not start a list)."""
    text, index = st.text, st.index
    linked_places = [(m.start, m.end) for m in st.mentions
                     if m.type == "GPE" and m.entity_id.startswith(("Q", "kb:", "gn:"))
                     and all(k != "nisba" for _, k in index.entries.get(_normalized_slice(text, m.start, m.end), ()))]
    _cued_places(text, st.per_sentence, st.emit, st.upos_at, linked_places)  # fmt: skip


_LIST_SEPARATOR_RE = re.compile(r"\s*[،,]?\s*$")  # what may stand between two items of a list (then «و»)
_LIST_OPENERS = frozenset(":،,")  # what stands before the first item of a list («منهم: محمد سعد، ومحمد هنيدي»)


def _listed_persons_pass(st: _DocState) -> None:
    """A name in a list of persons: the item right after a person, behind a comma and/or «و» («محمد سعد، ومحمد
    هنيدي، وأشرف عبد الباقي»), is a person when all its words could be name words (rare in the news or tagged
    PROPN, no verb, no function word) and it has two or three of them; it ends at the next comma, «و» or
    punctuation. Repeated along the list, so each found person admits the next; the list's first item, after a
    colon or a comma, is one too when a person follows it behind a comma and/or «و»."""
    text = st.text
    for idx, s_start, s_end, words in st.per_sentence:
        people = [m for m in st.mentions if m.type == "PER" and s_start <= m.start < s_end]
        i = 0
        while i < len(words):
            w = words[i]
            before = [m for m in people if m.end <= w.start and _LIST_SEPARATOR_RE.fullmatch(text[m.end : w.start])]
            joined = text[before[-1].end : w.start].strip() if before else ""
            conj = text[w.start : w.end].startswith("و") and text[w.start + 1 : w.end] != ""
            after_person = bool(before) and (joined in ("،", ",") or conj)
            opens = not after_person and i > 0 and text[words[i - 1].end : w.start].strip() in _LIST_OPENERS
            if not (after_person or opens):
                i += 1
                continue
            start, item, j = _list_item(st, words, i, conj and after_person)
            if opens and not (item and j < len(words) and _person_follows(st, people, item[-1].end, words[j])):
                item = []
            names = [x for x in item if x.key not in lex.NAME_CONNECTORS]
            if item and len(names) >= C.LIST_NAME_MIN_WORDS and not _overlaps(
                    (start, item[-1].end), st.taken) and not any(_match_at(text, words, k, st.index)
                                                                for k in range(i, j)):  # fmt: skip
                _emit_local_person(st, start, item[-1].end, item, "list", idx, C.LIST_PERSON_SCORE)
                people = [m for m in st.mentions if m.type == "PER" and s_start <= m.start < s_end]
                i = j
                continue
            i += 1


def _list_item(st: _DocState, words: Sequence[Word], i: int, conj: bool) -> tuple[int, list[Word], int]:
    """The list item from ``words[i]`` on (past its «و» when ``conj``): where it starts, its name words (none when
    a word could not be part of a name or the item does not end at punctuation, the next «و» or the sentence's
    end) and the index of the word after it."""
    text, w = st.text, words[i]
    start = w.start + 1 if conj else w.start
    item: list[Word] = []
    j = i
    while j < len(words) and len(item) < C.LIST_NAME_MAX_WORDS:
        x = words[j]
        if item and text[item[-1].end : x.start].strip():
            break  # punctuation ends the item
        key = x.key[1:] if j == i and conj else x.key
        if item and key.startswith("و"):
            break  # the next item
        if not item and key in lex.LIST_NOT_FIRST:
            break
        part = Word(start if j == i else x.start, x.end, key)
        if _noun_with_pronoun(key, C.PRONOUN_NOUN_BASE_MIN):
            return start, [], j  # «وقرينته أسماء»: his wife, then her name
        # in a list of persons a name word counts whatever the POS model says («وأشرف»: VERB)
        if not (_is_name_word(part, st.upos_at.get(part.start), inside=bool(item))
                or (key not in lex.NAME_STOP and known_name_word(key)) or _given_name_word(key)
                or (item and (key in lex.NAME_CONNECTORS or _family_part(item, key)))):  # fmt: skip
            return start, [], j
        item.append(part)
        j += 1
    # the item ends with the sentence, at punctuation or before the next «و»
    if item and not (j >= len(words) or text[item[-1].end : words[j].start].strip() != ""
                     or words[j].key.startswith("و")):  # fmt: skip
        return start, [], j
    return start, item, j


def _person_follows(st: _DocState, people: Sequence[Mention], end: int, nxt: Word) -> bool:
    """Is the next item of the list a person: a comma and/or «و» after ``end``, then a person's mention that
    begins at the next word (behind its «و»)?"""
    gap = st.text[end : nxt.start]
    if not _LIST_SEPARATOR_RE.fullmatch(gap):
        return False
    conj = nxt.key.startswith("و")
    if not (conj or gap.strip()):
        return False  # two names side by side are one name or none, not two items
    return any(m.start == nxt.start + conj for m in people)


def _family_part(name: Sequence[Word], key: str) -> bool:
    """Does a definite word go on a name begun with ``name``? After «عبد» it is the second half of a theophoric
    name, however common («عبد الباقي», «عبد المنعم»); after a known given name, a definite word the news seldom
    writes is a family name («احمد السقا», «علي الحجار»)."""
    if not key.startswith(_ARTICLE) or len(key) <= C.ARTICLE_SHORT_WORD_LEN:
        return False
    if name[-1].key == _ABD:
        return True
    return len(name) == 1 and known_name_word(name[0].key) and lexicon_count(key) < C.FREQUENT


_SPEAKER_PREFIXES = ("", "و", "ف")
# every reporting verb of the speaker's slot as written with its proclitic, built once (the pass reads every word)
_SPEAKER_VERB_FORMS = frozenset(p + v for p in _SPEAKER_PREFIXES for v in lex.SPEAKER_VERBS | lex.SPEECH_VERBS)
_QUOTE_OR_COLON = frozenset(":\"'«“")
# the rare forms of common nouns in the speaker's slot, as normalised: «م…ون» a plural participle («مسعفون»),
# «…تا» the dual construct of a noun in «ة» («صحيفتا» of «صحيفة», normalised «صحيفه»)
_PARTICIPLE_PREFIX, _PLURAL_ENDING = "م", "ون"
_DUAL_CONSTRUCT, _TAA_MARBUTA_NORM = "تا", "ه"


def _speaker_slot_pass(st: _DocState) -> None:
    """A person the model did not propose, named where a speaker stands: a reporting or speech verb (lexicons
    ``speaker_verbs``, ``speech_verbs``), one word that is no common word of the news (rarer than C.FREQUENT, not a
    function word nor a verb), then a complementizer, «إلى أن», a colon or a quote («وأضاف فيرجسون أن», «وكشف
    السقاف أن», «ورأى نزال أن»), or a preposition after a proper noun or a family nisba («وأوضح القطامي في
    خطبته»). A word the KB or another pass named is taken already; the common nouns that stand there («المصدر»,
    «الوزير», «البيان») are frequent."""
    text = st.text
    for idx, _s, _e, words in st.per_sentence:
        for i in range(1, len(words) - 1):
            verb, w, nxt = words[i - 1], words[i], words[i + 1]
            if verb.key not in _SPEAKER_VERB_FORMS:
                continue
            if _overlaps((w.start, w.end), st.taken) or not _speaker_name_word(w, st.upos_at.get(w.start)):
                continue
            if any(ch in _TANWEEN for ch in text[w.start : w.end]):
                continue  # «أعلن قبلاً أن»: an adverb, no name is written with the nunation
            if text[verb.end : w.start].strip() and lexicon_count(w.key) >= C.FREQUENT:
                continue  # «وأوضحت "فوربس" أن»: a common word in quotes names a title or a body
            gap = text[w.end : nxt.start].strip()
            after = " ".join(x.key for x in words[i + 1 : i + 3])
            said = gap[:1] in _QUOTE_OR_COLON or (not gap and _opens_what_was_said(after)) or (
                not gap and nxt.key in lex.SPEAKER_AFTER_PREPOSITIONS and _named_before_preposition(
                    text[verb.end : w.start], w, text[w.start : w.end], st.upos_at.get(w.start)))  # fmt: skip
            end = w.end
            if not said:
                end = _two_word_speaker(st, w)
                if end == w.end:
                    continue
            name = text[w.start : end]
            st.emit(w.start, end, "PER", "speaker-slot",
                    EntityRow(stable_id("per", name), "PER", name, name, None, None, [name]), idx,
                    C.SPEAKER_SLOT_SCORE)  # fmt: skip


def _two_word_speaker(st: _DocState, w: Word) -> int:
    """A two-word name in the speaker's slot, when a complementizer, a colon or a quote follows its second word
    («وأضاف نتشيرفان البارزاني أن»): the first word a name word there (the caller checked ``_speaker_name_word``),
    the second a surname by ``_surname_after``, and the first no common noun's dual or plural («قال شخصان مقربان
    إن»). Returns where the name ends, or ``w.end`` for none."""
    if _common_dual_or_plural(w.key):
        return w.end
    end = _surname_after(st, w, w.end, known_given=False)
    if end == w.end:
        return w.end
    nxt = _word_after(st.text, end)
    if nxt is None:
        return w.end
    gap = st.text[end : nxt.start].strip()
    if gap:
        return end if gap[:1] in _QUOTE_OR_COLON else w.end
    after = " ".join(x.key for x in [nxt, *filter(None, [_word_after(st.text, nxt.end)])])
    return end if _opens_what_was_said(after) else w.end


def _opens_what_was_said(after: str) -> bool:
    """Do these words (normalised, the next two) open what the speaker said: a complementizer, «إلى أن»?"""
    return any(after == a or after.startswith(a + " ") for a in lex.SPEAKER_AFTER)


_DUAL_PRONOUN = "هما"  # their (two): «انفصالهما»
_NISBA_LETTER = "ي"  # as written: «الأسرى» ends in «ى», which normalises to it
_TANWEEN = frozenset("\u064b\u064c\u064d")  # the nunation marks (fathatan, dammatan, kasratan)
_PLURAL_DUAL_ENDINGS = ("ان", "ين", "ون")  # the dual and sound plural endings, normalised


def _named_before_preposition(between: str, w: Word, surface: str, upos: str | None) -> bool:
    """Before a preposition («وقال البابا من», «وأوضح القطامي في») the slot also holds common nouns and their
    plurals and duals («قالت اثنتين من», «ويقول عاملون في», «وقال فريقان من»): only a word right after the verb
    that the POS model reads as a proper noun, or a family nisba («الشرفي», «الهاجري»), is a name there."""
    if between.strip():
        return False
    if w.key.startswith(_ARTICLE):
        return surface.endswith(_NISBA_LETTER)  # «وطالب الأسرى في»: a definite plural in «ى», no nisba
    if _common_dual_or_plural(w.key):
        return False  # «فريقان», «مختصين»: a common noun's dual or plural
    return upos == "PROPN"


def _common_dual_or_plural(key: str) -> bool:
    """Is the word the dual or sound plural of a common word («فريقان», «شخصان», «مختصين»)?"""
    plural = next((e for e in _PLURAL_DUAL_ENDINGS if key.endswith(e)), None)
    return plural is not None and lexicon_count(key.removesuffix(plural)) >= C.FREQUENT


def _speaker_name_word(w: Word, upos: str | None) -> bool:
    """A word that may be a person's one-word name in the speaker's slot: rare in the news, no function word, no
    verb, not a number, and none of the common nouns' rare forms that stand there: a common noun with a possessive
    pronoun («مراسلنا», «سموه», «ناشروه»), a plural participle («متابعون», «منتقدون», «مسعفون»), the dual of a
    common noun («صحيفتا»), a definite noun («المسودة», «الشهود»: with the article only a family name in «ـي»,
    «الشرفي», «القطامي», or a word tagged PROPN)."""
    key = w.key
    if key in lex.NAME_STOP or key in lex.SPEAKER_NOT_NAMES or key.isdigit() or _looks_like_verb(w) \
            or upos in _NOT_NAME_UPOS or len(key) < C.SHORT_FORM_MIN_LEN:
        return False
    if lexicon_count(key) >= C.FREQUENT:
        # a common word is a name there only when it is a known name word the POS model reads as a proper noun
        # («وأوضح فارس أنه», «وقال بلير إن»), not «وقال مصدر إن»
        return upos == "PROPN" and known_name_word(key) and not key.startswith(_ARTICLE)
    if _noun_with_pronoun(key):
        return False
    if key.startswith(_PARTICIPLE_PREFIX) and key.endswith(_PLURAL_ENDING):
        return False
    singular = key.removesuffix(_DUAL_CONSTRUCT) + _TAA_MARBUTA_NORM
    if key.endswith(_DUAL_CONSTRUCT) and lexicon_count(singular) >= C.FREQUENT:
        return False
    return not key.startswith(_ARTICLE) or key.endswith(_FAMILY_NISBA_END) or upos == "PROPN"


def _local_short_forms_pass(st: _DocState) -> None:
    """The last word of an unknown person's full name (after a title or from the model), later on."""
    text, local_people = st.text, st.local_people
    short_map = {key: eid for eid, (_, keys) in local_people.items() for key in keys}
    if not short_map:
        return
    for idx, _s, _e, words in st.per_sentence:
        for w in words:
            for start, _ in _clitic_variants(text, w):
                key = _normalized_slice(text, start, w.end)
                if key in short_map:
                    eid = short_map[key]
                    full = local_people[eid][0]
                    if _other_bearer(st, start, full):
                        break  # «عبدالله الزهراني» beside «أحمد الزهراني»: another man of the family
                    # the full name written again («تركي السديري» twice): the whole name, not its last word
                    begin = w.end - len(full)
                    if begin >= 0 and _normalized_slice(text, begin, w.end) == _normalized_slice(full, 0, len(full)) \
                            and (begin == 0 or not text[begin - 1].isalnum()):
                        start = begin
                    st.emit(start, w.end, "PER", "short-form", EntityRow(eid, "PER", full, full, None, None, [full]),
                            idx, C.LOCAL_SHORT_SCORE)  # fmt: skip
                    break


def _other_bearer(st: _DocState, start: int, full: str) -> bool:
    """Is the surname at ``start`` another person's: right after a given name («عبدالله [الزهراني]») that is not
    the known person's own (the full name written again) nor a verb to the POS model («كما طالب الموكاء»: demanded)?"""
    before = _word_before(st.text, start)
    if before is None or st.upos_at.get(before[0]) == "VERB":
        return False
    key = before[1]
    if key in {key_of_normalized(normalize(part)) for part in full.split()}:
        return False
    return _given_name_word(key)


def _given_name_word(key: str) -> bool:
    """A given name: one of ``given_names``, a theophoric name written as one word («عبدالله») or a word of at least
    C.PERSON_WORD_MIN Wikidata person labels, not a function word («من» is in 516 labels) nor a connector («ولد»)."""
    if key in lex.NAME_STOP or key in lex.NAME_CONNECTORS:
        return False
    theophoric = key.startswith(_JOINED_ABD) and len(key) > len(_JOINED_ABD) + 1
    return theophoric or key in given_names() or person_word_count(key) >= C.PERSON_WORD_MIN


def _relink_pass(st: _DocState) -> None:
    """Passes that change what the mentions are, not where: facilities, KB persons named in part, local
    bearers of famous surnames, partial names of unknown persons."""
    _facilities(st.text, st.mentions, st.rows, st.kb, st.sentences)
    _link_kb_person_runs(st.text, st.mentions, st.rows, st.kb, st.index)
    _prefer_local_owner(st.text, st.mentions, st.rows, st.full_people)
    _link_partial_names(st.text, st.mentions, st.rows, st.kb)


def _english_canonical_pass(st: _DocState) -> None:
    """Last: a person the KB does not know gets a romanised English canonical (guideline: «Moutaz Mousa»);
    the Arabic name stays in ``name_ar``. Other names the rules could not put in English keep their surface."""
    for row in st.rows.values():
        if row.canonical_source != "surface" or not _ARABIC_RE.search(row.canonical_name):
            continue
        if row.type == "PER":
            english = romanise(row.canonical_name)
            if english:
                row.canonical_name, row.canonical_source = english, "romanised"


# The passes of resolve_document, in order of precedence.
_PASSES: tuple[Callable[[_DocState], None], ...] = (
    _date_pass,
    _kb_hits_pass,
    _headed_names_pass,
    _named_after_ruler_pass,
    _named_process_pass,
    _kb_mentions_pass,
    _title_persons_pass,
    _quoted_names_pass,
    _acronym_pass,  # after the KB's and the rules' names, before the model takes the acronym alone
    _dotted_acronym_pass,
    _stanza_pass,
    _headed_persons_pass,  # where the model found no name after a nationality or a profession
    _lineage_pass,  # «X ولد Y»: the model's pieces joined
    _misspelt_states_pass,  # proper nouns the model left out
    _listed_persons_pass,  # after every source of persons, before short forms
    _speaker_slot_pass,
    _acronym_pass,  # after the model's names
    _kb_short_forms_pass,
    _org_short_forms_pass,
    _generic_bodies_pass,
    _cued_places_pass,
    _towns_with_nisba_pass,
    _local_short_forms_pass,
    _relink_pass,
    _english_canonical_pass,
)


_FACILITY_BEFORE = re.compile(
    rf"(?:^|(?<=\s))(?:{_PROCLITIC_LETTER}{{1,2}})?(?P<head>{'|'.join(lex.FACILITY_BEFORE_PLACE)})\s+$"
)


def _facilities(
    text: str, mentions: list[Mention], rows: dict[str, EntityRow], kb: KnowledgeBase,
    sentences: Sequence[tuple[int, int, int]],
) -> None:  # fmt: skip
    """A place right after a facility head names the facility (guideline: «ميناء سواكن» is one LOC, the town
    alone is GPE only where it stands alone): «لتطوير ميناء سواكن» → LOC «ميناء سواكن», Port of Suakin."""
    places: dict[str, EntityRow] = {}  # a town named inside a facility, to find where it stands alone
    for m in mentions:
        if m.type != "GPE":
            continue
        head = _FACILITY_BEFORE.search(text, max(0, m.start - C.FACILITY_LOOKBACK), m.start)
        ent = kb.entities.get(m.entity_id)
        if head is None or (ent is not None and alias_key(m.text) in {alias_key(n) for n in ent.nisba_ar}):
            continue
        if m.entity_id in rows:
            places.setdefault(_normalized_slice(text, m.start, m.end), rows[m.entity_id])
        canonical = rows[m.entity_id].canonical_name if m.entity_id in rows else m.text
        pattern = lex.FACILITY_ENGLISH.get(normalize(head["head"]))
        start = head.start("head")
        name = text[start : m.end]
        eid = stable_id("loc", name)
        english = pattern.format(canonical) if pattern and not _ARABIC_RE.search(canonical) else name
        rows.setdefault(eid, EntityRow(eid, "LOC", english, name, None, None, [name],
                                       "rule" if english != name else "surface"))  # fmt: skip
        m.start, m.text, m.type, m.entity_id, m.source = start, name, "LOC", eid, "rules"
    # «7 حقائق عن سواكن السودانية»: the town of «ميناء سواكن» where it stands alone
    norm, index = normalize_with_map(text) if places else ("", [])
    for key, row in places.items():
        for hit in re.finditer(rf"(?<![\w])(?:{_PROCLITIC_LETTER})?({re.escape(key)})(?![\w])", norm):
            s, e = span_to_original(index, hit.start(1), hit.end(1))
            if any(m.start < e and s < m.end for m in mentions):
                continue
            idx = next((i for i, a, b in sentences if a <= s and e <= b), None)
            if idx is None:
                continue  # boilerplate
            rows.setdefault(row.entity_id, row)
            mentions.append(Mention(s, e, text[s:e], "GPE", "rules", row.entity_id, idx, C.CONTEXT_SCORE))


_ARABIC_RE = re.compile(r"[\u0600-\u06FF]")


_NEXT_WORD = re.compile(r"[ \t]+([\w\u064B-\u065F\u0670\u0640]+)")  # the word after a position


def _family_name_end(text: str, end: int, ent: Entity) -> int:
    """«صباح الأحمد الصباح»: a person matched by a shorter form, followed by the family name that ends one
    of the person's full names, is named up to the family name."""
    nxt = _NEXT_WORD.match(text[end : end + C.FAMILY_LOOKAHEAD])
    if nxt is None:
        return end
    word = alias_key(nxt.group(1))
    lasts = {alias_key(a).split(" ")[-1] for a in ent.aliases_ar if len(a.split()) >= C.FULL_NAME_MIN_WORDS}
    if word.startswith(_ARTICLE) and word in lasts:
        return end + nxt.end()
    # «الملك سلمان بن عبد العزيز (آل سعود)»: the patronym that continues one of the person's full names
    tail = _PATRONYM.match(text, end)
    if tail is not None:
        last = alias_key(text[:end].split()[-1]) if text[:end].split() else ""
        names = {alias_key(a) for a in ent.aliases_ar}
        for m_end in sorted({tail.end(), tail.end("patronym")}, reverse=True):
            cont = alias_key(text[end:m_end])
            if any(n.endswith(" " + last + " " + cont) or n.startswith(last + " " + cont) for n in names):
                return m_end
    return end


# «بن عبد العزيز (آل سعود)»: a patronym, perhaps with «عبد», and the family name after it
_PATRONYM = re.compile(
    rf"[ \t]+(?P<patronym>(?:{'|'.join(lex.PATRONYM_LINKS)})[ \t]+(?:{lex.ABD}[ \t]*)?[\w\u064B-\u065F\u0670]+)"
    rf"(?:[ \t]+{lex.FAMILY_ARTICLE}[ \t]+[\w\u064B-\u065F\u0670]+)?"
)


def _capital_named_states(kb: KnowledgeBase) -> frozenset[str]:
    """States whose capital bears the state's name («الجزائر العاصمة», «مدينة الكويت», «تونس العاصمة»)."""
    names = {alias_key(a): e.entity_id for e in kb.entities.values() if e.subtype == "country"
             for a in (e.name_ar, *e.aliases_ar) if a}  # fmt: skip
    out = set()
    for e in kb.entities.values():
        if e.subtype != "capital":
            continue
        for a in (e.name_ar, *e.aliases_ar):
            key = alias_key(a or "")
            for drop in lex.CAPITAL_AFFIXES:
                key = key.replace(drop, "")
            if key in names and (kb.entities[names[key]].iso_code or "") == (e.country or "-"):
                out.add(names[key])
    return frozenset(out)


def _facility_name(text: str, words: Sequence[Word], index: _Index) -> str | None:
    """«ميناء سواكن» → «Port of Suakin», when the rest of the name is a place the KB or the gazetteer knows."""
    pattern = lex.FACILITY_ENGLISH.get(words[0].key)
    if pattern is None:
        return None
    key = key_of_normalized(_normalized_slice(text, words[1].start, words[-1].end))
    hits = [e for e, k in index.entries.get(key, []) if e.type in ("GPE", "LOC") and k == "name"]
    place = hits[0].canonical if hits else None
    if place is None:
        found = load_gazetteer().lookup(key)
        place = found.name if found else None
    return pattern.format(place) if place else None


_LIST_SEPARATOR = re.compile(r"\s*[،,]\s*$|\s+$")
_COMMAS = ("،", ",")  # Arabic and Latin commas between listed places


def _cued_places(
    text: str, per_sentence: Sequence[tuple[int, int, int, list[Word]]], emit: Any, upos_at: Mapping[int, str],
    places: Sequence[tuple[int, int]] = (),
) -> None:  # fmt: skip
    """A town the model missed, right after a locative word, that the GeoNames gazetteer knows and the tagger
    calls a proper noun («طردت تركيا المقاتلين من عفرين» → Afrin; not «في محلات», «من التمارين»); or the
    next item of a list of places («في داليان، وجيانغسو، وتانغشان» → Tangshan)."""
    gaz = load_gazetteer()
    place_ends = {e for _, e in places}
    for idx, _s, _e, words in per_sentence:
        for i in range(1, len(words)):
            gap = text[words[i - 1].end : words[i].start]
            if words[i - 1].end in place_ends and _LIST_SEPARATOR.match(gap):
                if _listed_place(text, words[i], gaz, emit, idx, comma=any(c in gap for c in _COMMAS)):
                    place_ends.add(words[i].end)
                continue
            if words[i - 1].key not in lex.LOCATIVE_CUES or text[words[i - 1].end : words[i].start].strip():
                continue
            if upos_at.get(words[i].start) not in ("PROPN", "X"):
                continue
            for n in range(C.CUED_PLACE_MAX_WORDS, 0, -1):  # «تل رفعت» before «تل»
                if i + n > len(words) or text[words[i + n - 2].end : words[i + n - 1].start].strip():
                    continue
                s, e = words[i].start, words[i + n - 1].end
                place = gaz.lookup(key_of_normalized(_normalized_slice(text, s, e)))
                if place is not None:
                    emit(s, e, "GPE", "gazetteer", _place_row(place, text[s:e]), idx, C.CONTEXT_SCORE)
                    break


def _place_row(place: Place, surface: str) -> EntityRow:
    """A GeoNames city as an entity row: its English name, the surface as the Arabic name."""
    return EntityRow(place.entity_id, "GPE", place.name, surface, None, None, [surface], "gazetteer")


def _listed_place(text: str, w: Word, gaz: Any, emit: Any, idx: int, comma: bool) -> bool:
    """«وتانغشان» or «، تانغشان» after a place: the word, with «و» and no other clitic, if the gazetteer
    knows it."""
    raw = text[w.start : w.end]
    starts = [w.start + 1] if raw.startswith(lex.CONJUNCTION) and len(raw) > C.LIST_ITEM_SHORT_LEN else []
    for s in starts + ([w.start] if comma else []):
        rest = _normalized_slice(text, s, w.end)
        if rest[0] in lex.PREPOSITION_LETTERS and lexicon_count(rest[1:]) >= C.PREPOSITION_WORD_MIN_COUNT:
            continue  # «ولكسر الحصار»: a preposition and a word, not Luxor
        place = gaz.lookup(key_of_normalized(_normalized_slice(text, s, w.end)))
        if place is not None:
            emit(s, w.end, "GPE", "gazetteer", _place_row(place, text[s : w.end]), idx, C.CONTEXT_SCORE)
            return True
    return False


def _person_run_matches(words: Sequence[str], full: Sequence[str]) -> bool:
    """``words`` are consecutive words of the name ``full``, one of them (not the first) perhaps one letter
    off, never in its first letter: «كابوريه» for «كابوري» (French -é is written with and without «ه»),
    «محيي الدين» for «محي الدين»."""
    n = len(words)
    for i in range(len(full) - n + 1):
        if words[0] != full[i]:
            continue
        slips = [(w, r) for w, r in zip(words[1:], full[i + 1 : i + n], strict=True) if w != r]
        if not slips:
            return True
        if len(slips) == 1:
            w, r = slips[0]
            if len(r) >= C.PERSON_RUN_SLIP_MIN_LEN and w[0] == r[0] and one_edit(w, r):
                return True
    return False


def _link_kb_person_runs(
    text: str, mentions: list[Mention], rows: dict[str, EntityRow], kb: KnowledgeBase, index: _Index
) -> None:
    """A person named by two or more words of a KB person's longer name («رئيس بوركينا فاسو مارك كريستيان
    كابوريه» for «روك مارك كريستيان كابوري») is that person, when exactly one KB person fits and the
    document names the person's state."""
    states = {c for m in mentions if m.entity_id in kb.entities
              for c in (kb.entities[m.entity_id].iso_code, kb.entities[m.entity_id].country) if c}  # fmt: skip
    relink: dict[str, Entity] = {}
    for m in mentions:
        if m.type != "PER" or m.entity_id in kb.entities or m.entity_id in relink:
            continue
        words = [w.key for w in words_in(text, m.start, m.end)]
        if len(words) < 2:
            continue
        # two words must end the name («كريستيان كابوري»): «عبد الرحيم» is a given name many people share
        fits = {ent.entity_id: ent for ent, full in index.person_runs.get((words[0], words[1]), ())
                if len(full) > len(words) - (len(words) > 2) and _person_run_matches(words, full)
                and (len(words) > 2 or _person_run_matches(words, full[-2:]))
                and (not ent.country or ent.country in states)}  # fmt: skip
        if not fits:
            fits = _slipped_person(words, index, states)
        if len(fits) == 1:
            relink[m.entity_id] = next(iter(fits.values()))
    for m in mentions:
        ent = relink.get(m.entity_id)
        if ent is not None:
            m.entity_id = ent.entity_id
            rows.setdefault(ent.entity_id, kb_row(ent))


def _slipped_person(words: Sequence[str], index: _Index, states: set[str]) -> dict[str, Entity]:
    """«فلاديمير بوتن» for «فلاديمير بوتين»: a KB person's full name one letter away from the whole name, with the
    same first word and as many words («حسن روحانى»), of a state the document names."""
    key = " ".join(words)
    if len(key) < C.PERSON_SLIP_MIN_LEN:
        return {}
    found = {ent.entity_id: ent for ent, full in index.person_first.get(words[0], ())
             if len(full) == len(words) and (one_edit(key, " ".join(full)) or _each_word_slipped(words, full))
             and (not ent.country or ent.country in states)}  # fmt: skip
    if found:
        return found
    # «تيريسا ماي» for «تيريزا ماي», «كونداليزا رايس»: the slip in the given name, the same family name; the
    # slipped word is one the news does not write («محمد عباس» is another man than «محمود عباس»)
    return {ent.entity_id: ent for ent, full in index.person_last.get(words[-1], ())
            if len(full) == len(words) and words[0] != full[0] and one_edit(key, " ".join(full))
            and lexicon_count(words[0]) < C.FUZZY_MAX_COUNT
            and (not ent.country or ent.country in states)}  # fmt: skip


def _each_word_slipped(words: Sequence[str], full: Sequence[str]) -> bool:
    """«هايلي مريم ديسيلين» for «هايلي مريام ديسالين»: the same first word, then every word at most one letter
    off and as long as a name word («ديسيلين»), of a name of three words or more: outlets spell foreign names
    each their own way."""
    pairs = zip(words, full, strict=True)
    return len(words) >= C.FULL_NAME_MIN_WORDS and words[0] == full[0] and all(
        w == f or (min(len(w), len(f)) >= C.NAME_SLIP_MIN_LEN and one_edit(w, f)) for w, f in pairs
    )


def _prefer_local_owner(text: str, mentions: list[Mention], rows: dict[str, EntityRow], full_people: set[str]) -> None:
    """A well-known surname standing alone («بيريز») is the person the document names in full with it
    («خوان بيريز»), not the KB's famous bearer, when the document never names the latter in full."""
    local = {}
    for m in mentions:
        if m.type == "PER" and m.source != "kb-short" and m.entity_id.startswith("per:"):
            parts = words_in(text, m.start, m.end)
            if len(parts) >= 2:
                local.setdefault(parts[-1].key, set()).add(m.entity_id)
    for m in mentions:
        if m.source == "kb-short" and m.entity_id not in full_people:
            owners = local.get(_normalized_slice(text, m.start, m.end), set())
            if len(owners) == 1:
                m.entity_id = next(iter(owners))


def _link_partial_names(text: str, mentions: list[Mention], rows: dict[str, EntityRow], kb: KnowledgeBase) -> None:
    """A person the KB does not know, named in part («كايتانو», «إدريسا») where the document also names
    him in full («آلان بيتر كايتانو», «إدريسا ويدراوغو»): one entity, the full name's."""
    people = [m for m in mentions if m.type == "PER"]
    keys = {id(m): [w.key for w in words_in(text, m.start, m.end)] for m in people}
    def owners_of(part: list[str], m: Mention) -> set[str]:
        return {other.entity_id for other in people
                if len(keys[id(other)]) > len(part) and other.entity_id != m.entity_id
                and part in (keys[id(other)][: len(part)], keys[id(other)][-len(part) :])}  # fmt: skip

    for m in people:
        if m.entity_id in kb.entities:
            continue
        owners = owners_of(keys[id(m)], m)
        word = next(iter(_WORD_RE.finditer(text, m.start - 2 if m.start >= 2 else 0, m.end)), None)
        if not owners and word is not None and word.start() < m.start and word.end() == m.end:
            # «وكشف بينج»: «ب» was no proclitic; the whole word is a part of a name the document gives
            whole = [_normalized_slice(text, word.start(), word.end())]
            owners = owners_of(whole, m)
            if len(owners) == 1:
                m.start, m.text = word.start(), text[word.start() : m.end]
        if len(owners) == 1:  # two people share the part («محمد»): leave it alone
            m.entity_id = owners.pop()
    live = {m.entity_id for m in mentions}
    for eid in [e for e in rows if e not in live]:
        del rows[eid]


def _emit_local_person(
    st: _DocState, s: int, e: int, parts: Sequence[Word], source: str, idx: int, score: float | None
) -> None:
    """A person the KB does not know, named by the text at ``s:e`` (stable id of the name), remembered for his short
    form and emitted; every pass that finds such a person goes through here."""
    name = st.text[s:e]
    eid = stable_id("per", name)
    _remember_local_person(st, eid, name, parts)
    st.emit(s, e, "PER", source, EntityRow(eid, "PER", name, name, None, None, [name]), idx, score)


def _remember_local_person(st: _DocState, eid: str, name: str, parts: Sequence[Word]) -> None:
    """An unknown person's full name, whatever pass found it, and its last word as his short form for later
    mentions (``_local_short_forms_pass``) when that word may stand alone."""
    st.local_people.setdefault(eid, (name, [parts[-1].key] if _short_form_ok(parts) else []))


def _short_form_ok(parts: Sequence[Word]) -> bool:
    """The last word of a full name stands for the person later («أردوغان»), unless it follows a
    connector («آل ثاني») or is a common word («ثاني» = second)."""
    if len(parts) < 2 or parts[-2].key in lex.NAME_CONNECTORS or len(parts[-1].key) < C.SHORT_FORM_MIN_LEN:
        return False
    return lexicon_count(parts[-1].key) < C.FREQUENT




def _common_phrase(words: Sequence[Word], index: _Index) -> bool:
    """A span of several common nouns, none a head («جامعة») or a KB name («القاهرة»): «كرة القدم» is no
    named event. Each word is used often with and without the article, which names almost never are (the
    gazetteer's «noun» test, ``tasks.entities.gazetteer.NOUN_MIN``)."""
    if len(words) < 2 or words[0].key in lex.ORG_HEADS | lex.MISC_HEADS | lex.FACILITY_HEADS:
        return False

    def noun(k: str) -> bool:
        bare = k[len(_ARTICLE) :] if k.startswith(_ARTICLE) else k
        known = bare in index.entries or _ARTICLE + bare in index.entries
        return not known and min(lexicon_count(bare), lexicon_count(_ARTICLE + bare)) >= NOUN_MIN

    return all(noun(w.key) for w in words)


def _looks_like_verb(w: Word) -> bool:
    """«سيوصي»: a future verb is never a name."""
    k = w.key
    return (len(k) > C.VERB_SHORT_LEN and k[0] == lex.FUTURE_PREFIX and k[1] in lex.FUTURE_PERSON_LETTERS
            and lexicon_count(k[1:]) >= C.VERB_STEM_MIN_COUNT)  # fmt: skip


def hit_key(text: str, hit: _Hit) -> str:
    return alias_key(text[hit.start : hit.end])


def _plausible_name(words: Sequence[Word], upos_at: Mapping[int, str], person: bool = False) -> bool:
    """Is a statistical span a name? Spans of common words («الدولتان اللتان», «البرلمان»,
    «الدبلوماسيين») are not; a rare or proper-noun word makes it one, and so does a known name word for a span the
    model reads as a person (``person``)."""
    if all(_feminine_dual(w.key) for w in words):
        return False
    if len(words) == 1:
        w = words[0]
        if len(w.key) < C.NAME_MIN_LETTERS:
            return False  # «د.» (Dr) before a name
        count = lexicon_count(w.key)
        if w.key.startswith(_ARTICLE):
            return upos_at.get(w.start) == "PROPN" and count < C.ARTICLE_NAME_MAX_COUNT
        # a person the model found that is a name word the romanisation tables know («فيرجسون», «مايكل», «زيدان»),
        # however often the news writes it or the POS model tags it; a connector alone («ولد») names nobody
        known_person = person and known_name_word(w.key) and w.key not in lex.NAME_CONNECTORS
        return (upos_at.get(w.start) in ("PROPN", "X") and count < C.BARE_NAME_MAX_COUNT) or count == C.UNSEEN \
            or known_person
    return any(upos_at.get(w.start) in ("PROPN", "X") or lexicon_count(w.key) < C.RARE_WORD_MAX_COUNT for w in words)


def _feminine_dual(key: str) -> bool:
    """«استراتيجيتان», «دورتين» (normalised): a feminine dual of a singular the news writes often."""
    ending = next((e for e in C.FEMININE_DUAL_ENDINGS if key.endswith(e)), None)
    return ending is not None and lexicon_count(key[: -len(ending)] + "ه") >= C.FEMININE_DUAL_STEM_MIN_COUNT


def _generic_bodies(text: str, per_sentence: Sequence[tuple[int, int, int, list[Word]]], kb: KnowledgeBase,
                    hits: Sequence[tuple[int, _Hit]], emit: Any, mentions: list[Mention] | None = None,
                    rows: dict[str, EntityRow] | None = None) -> None:  # fmt: skip
    """A bare «وزارة الخارجية» / «البنك المركزي» / «مجلس الشيوخ» names the body of the country the document is
    about (the one it names most often); so does such a span the model took as a name of its own (its surface
    as canonical), which is relinked in ``mentions``."""
    counts: dict[str, int] = {}
    for _, h in hits:
        c = h.entity.iso_code or (h.entity.country if h.kind == "nisba" else None)
        if c:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return
    top = max(sorted(counts), key=lambda c: counts[c])
    heads = {alias_key(h): b.body_kind for b in kb.generic_bodies for h in b.heads_ar if " " in h}
    english = {b.body_kind: b.en for b in kb.generic_bodies}
    every_state = {b.body_kind: b.every_state for b in kb.generic_bodies}
    state = kb.country(top)

    def body_row(kind: str, surface: str) -> tuple[EntityRow, str] | None:
        body = kb.body(kind, top)
        if body is not None:
            return kb_row(body), "kb-context"
        if state is None or not every_state[kind]:
            return None  # «مجلس الشيوخ» in an article about a state without a senate: not its body
        name = f"{english[kind]} ({state.canonical})"  # a body the KB lacks is named with its state
        return EntityRow(stable_id("org", name), "ORG", name, surface, None, None, [], "rule"), "rules"

    for i, m in enumerate(mentions or ()):
        kind = heads.get(alias_key(m.text)) if m.type == "ORG" else None
        row = (rows or {}).get(m.entity_id)
        if kind and row is not None and row.canonical_source == "surface":
            got = body_row(kind, m.text)
            if got is not None:
                mentions[i] = dataclasses.replace(m, entity_id=got[0].entity_id, source=got[1])  # type: ignore[index]
                rows.setdefault(got[0].entity_id, got[0])  # type: ignore[union-attr]
    for idx, _s, _e, words in per_sentence:
        for i in range(len(words) - 1):
            for start, replace in _clitic_variants(text, words[i]):
                kind = heads.get(_variant_key(text, start, words[i + 1].end, replace))
                if kind:
                    got = body_row(kind, text[start : words[i + 1].end])
                    if got is not None:
                        emit(start, words[i + 1].end, "ORG", got[1], got[0], idx, C.CONTEXT_SCORE)
                    break


_NAME_BREAKS = frozenset('«»"“”:،,؛;()')


def _trim_span(text: str, start: int, end: int, index: _Index, person: bool = False) -> tuple[int, int]:
    """Cut a statistical span to the name: leading proclitics (unless «لل»), titles, honorifics and
    nisbas, and function words at either edge («القيرغيزي صدير جاباروف» → «صدير جاباروف»)."""
    words = words_in(text, start, end)
    if person:  # «مسعود برزاني «يجب»: a quote, a colon or a comma ends a person's name
        for k in range(1, len(words)):
            if any(ch in _NAME_BREAKS for ch in text[words[k - 1].end : words[k].start]):
                words = words[:k]
                break
    while words and words[-1].key in lex.NAME_STOP:
        words.pop()
    if not words:
        return start, start
    end = words[-1].end
    while words and words[0].key in lex.NAME_STOP:
        words.pop(0)
    if not words:
        return start, start
    while (person and len(words) > 1 and words[0].key.startswith(_ARTICLE)
           and lexicon_count(words[0].key) >= C.FREQUENT):  # fmt: skip
        words.pop(0)  # «المنتج إدريسا ويدراوغو» → «إدريسا ويدراوغو»
    start = max(start, words[0].start)
    i = 0
    while i < len(words):
        n = _office_at(text, words, i, index)
        if n:
            i += n
            continue
        hit = _match_at(text, words, i, index)
        if hit and hit.kind == "nisba" and hit.n_words + i < len(words):
            i += hit.n_words
            continue
        break
    if i >= len(words):
        return start, start
    return max(start, words[i].start if i else start), end
