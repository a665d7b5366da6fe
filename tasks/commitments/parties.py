"""Parties of a commitment: the states, organisations and people its mentions stand for.

A leader or a ministry acts for its state, «الجانبان» for the article's two parties, a group («دول الخليج»,
«الدول الخمس») for the members the article names (tasks/commitments/groups.py); coordinated names («الصين
وقيرغيزستان») are read as one group.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tasks.commitments.constants import (
    PARTY_MENTION_TYPES,
    STATE_ORGAN_SUBTYPES,
    TITLE_LOOKBACK_MENTIONS,
    TITLE_MAX_GAP_CHARS,
    TITLE_MAX_GAP_WORDS,
    TITLE_MAX_WORDS,
    UNION_ORGANS,
)
from tasks.commitments.groups import GROUPS, Group, enumerations, group_members
from tasks.commitments.lexicons import (
    OFFICE_TITLES,
    POST_NAME_TITLES,
    STATE_FORM_WORDS,
    TITLE_CHAIN_WORDS,
    TITLE_FILLERS,
)
from tasks.commitments.patterns import AR_COMMA, GROUP_OF_THREE_RE, HASHTAG, PARTY_WORD_RES, WA, WORD_PUNCTUATION
from tasks.entities.kb import KnowledgeBase, Tenure
from tasks.entities.romanise import known_name_word
from tasks.text.normalize import normalize


@dataclass(frozen=True)
class Party:
    entity_id: str
    canonical: str


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    type: str
    entity_id: str


# a party found in a sentence: (normalised start, its mention, the party it stands for)
Located = tuple[int, MentionRef, Party]


class States:
    """Maps an entity (a leader, a ministry, a nisba, a country) to the state it acts for."""

    def __init__(self, kb: KnowledgeBase, canon: Mapping[str, str], date: dt.date | None = None) -> None:
        self.kb = kb
        self.canon = canon
        self.date = date  # the article's date: which office a person holds
        self.overrides: dict[str, Party] = {}  # persons the KB does not know → the state of their title
        self.top3: list[Party] | None = None  # the article's three states, once the document sets them
        # what groups stand for in this article (set_document_groups): the states it names (ISO code → party,
        # in the order first named), its enumerations of states, the side groups it names
        self.named: dict[str, Party] = {}
        self.runs: list[list[str]] = []
        self.side_groups: list[Group] = []
        # the article's meetings (tasks.commitments.meetings): where the party met is named → the parties met
        self.meetings: list[tuple[int, list[Party]]] = []

    def state(self, entity_id: str) -> Party | None:
        if entity_id in self.overrides:
            return self.overrides[entity_id]
        ent = self.kb.entities.get(entity_id)
        if ent is None:
            name = self.canon.get(entity_id)
            return Party(entity_id, name) if name and not entity_id.startswith("date:") else None
        if ent.type == "GPE" and ent.subtype == "country":
            return Party(ent.entity_id, ent.canonical)
        # a person acts through his office (GUIDELINE: leaders, ministers, ambassadors act for their state; a
        # company head for the company): the office held on the article's date, else the latest; an office in an
        # organisation (the UN's Secretary-General, a UN envoy, a company's chief executive) is the organisation's.
        # The KB's footballers, journalists and opposition figures hold none and act for no state
        if ent.type == "PER" and ent.offices:
            org = self._office_org(ent.offices)
            if org is not None:
                return org
        if ent.country and ((ent.type == "PER" and ent.offices)
                            or (ent.type == "ORG" and ent.subtype in STATE_ORGAN_SUBTYPES)):  # fmt: skip
            country = self.kb.country(ent.country)
            if country is not None:
                return Party(country.entity_id, country.canonical)
        if ent.type in ("ORG", "PER"):
            return self._organisation(ent.entity_id)
        if ent.type == "GPE" and ent.country and ent.subtype == "capital":
            country = self.kb.country(ent.country)  # «سفير مانيلا»: a capital standing for its government
            return Party(country.entity_id, country.canonical) if country else None
        return None

    def _office_org(self, offices: Sequence[Tenure]) -> Party | None:
        """The organisation of the office a person holds on the article's date (else of his latest office), when
        that office is an organisation's, not a state's."""
        held = [t for t in offices if self.date is not None and t.covers(self.date)]
        tenure = held[0] if held else max(offices, key=lambda t: t.start or dt.date.min)
        org = self.kb.entities.get(tenure.org) if tenure.org and not tenure.country else None
        return self._organisation(org.entity_id) if org is not None else None

    def _organisation(self, entity_id: str) -> Party:
        """An organisation acts for itself, an institution of the European Union for the Union."""
        ent = self.kb.entities[UNION_ORGANS.get(entity_id, entity_id)]
        return Party(ent.entity_id, ent.canonical)

    def country(self, iso: str) -> Party | None:
        c = self.kb.country(iso)
        return Party(c.entity_id, c.canonical) if c else None


PERSON_ID_PREFIX = "per:"  # ids of persons the KB does not know (tasks.entities.resolve.stable_id)
# a sentence end between a state and a name: «… مع كوريا الشمالية.\nوقال ستيفن كوتسيس» is no title
TITLE_GAP_END_RE = re.compile(r"[.!?؟؛\n]")
ARTICLE = "ال"  # a title's adjectives agree with it: «الدولي», «الشهير»
POST_WORD = normalize("لدى")  # «سفير X لدى Y»: Y is the envoy's post
POST_WORD_WINDOW = 8


def title_states(text: str, mentions: Sequence[MentionRef], states: States) -> list[MentionRef]:
    """«وزير النقل السوداني مكاوي عوض»: a person the KB does not know acts for the state of the nisba (or of
    the state body) in the title right before the name. Returns the state mentions that only say a person's
    nationality: a state in the title of a person who holds no office in it («المخرج الإيراني جعفر بناهي»,
    «والإيطالي ماتيو غارون»), which the guideline gives no party (persons act for their state in office)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    nationalities: list[MentionRef] = []
    for i, m in enumerate(ordered):
        if m.type != "PER" or (m.entity_id in states.kb.entities and not _stateless(m, states)):
            continue
        for prev in reversed(ordered[max(0, i - TITLE_LOOKBACK_MENTIONS) : i]):
            if normalize(text[max(0, prev.start - POST_WORD_WINDOW) : prev.start]).split()[-1:] == [POST_WORD]:
                continue  # «السفير الأمريكي لدى العراق، ريان كروكر»: where the envoy serves, not his state
            gap = normalize(text[prev.end : m.start]).split()
            if prev.type in ("GPE", "ORG") and m.start - prev.end < TITLE_MAX_GAP_CHARS \
                    and len(gap) <= TITLE_MAX_GAP_WORDS and not TITLE_GAP_END_RE.search(text[prev.end : m.start]):
                # «المتحدثة باسم وزارة الخارجية الأميركية هيذر ناورت»: a state body's spokesperson too
                st = states.state(prev.entity_id)
                ent = states.kb.entities.get(st.entity_id) if st is not None else None
                if st is None or ent is None or ent.subtype != "country":
                    break
                if prev.type == "ORG" or _office_title(text, prev.start, m.start):
                    if m.entity_id not in states.kb.entities:
                        states.overrides.setdefault(m.entity_id, st)  # the title that introduces the person
                elif prev.type == "GPE" and all(w.startswith(ARTICLE) for w in gap):
                    # right before the name, or with adjectives of the title between («الظهير الإسباني الدولي
                    # جوردي ألبا»); not «جبل لبنان استدعاء حبيش»
                    nationalities.append(prev)
                break
        if m.entity_id not in states.kb.entities and m.entity_id not in states.overrides:
            _title_after(text, m, ordered[i + 1 : i + 1 + TITLE_LOOKBACK_MENTIONS], states)
    return nationalities


def _title_after(text: str, m: MentionRef, following: Sequence[MentionRef], states: States) -> None:
    """«كيم كي غوان، النائب الأول لوزير الخارجية الكوري الشمالي»: an office title right after the name, then a
    state within a few words: the person acts for it (not «سفير … لدى الكويت», where the envoy serves)."""
    for nxt in following:
        if nxt.type not in ("GPE", "ORG"):
            continue
        between = text[m.end : nxt.start]
        words = [w.strip(WORD_PUNCTUATION) for w in normalize(between).split()]
        words = [w for w in words if w]
        if (not words or words[0] not in POST_NAME_TITLES or len(words) > TITLE_MAX_GAP_WORDS + 2
                or TITLE_GAP_END_RE.search(between) or words[-1] == POST_WORD):  # fmt: skip
            return
        st = states.state(nxt.entity_id)
        ent = states.kb.entities.get(st.entity_id) if st is not None else None
        if st is not None and ent is not None and ent.subtype == "country":
            states.overrides.setdefault(m.entity_id, st)
        return


def _stateless(m: MentionRef, states: States) -> bool:
    """A person the KB knows but ties to no state or body on the article's date (a footballer, a director)."""
    st = states.state(m.entity_id)
    return st is None or is_person(st, states.kb)


def _office_title(text: str, nisba_start: int, name_start: int) -> bool:
    """Is the title around a nisba a state office («وزير النقل السوداني», «رئيس الحكومة الأردني المكلف»), not a
    profession («المخرج الإيراني جعفر بناهي», «المدرب الأرجنتيني»)? An office word among the few words before the
    nisba or between it and the name."""
    before = normalize(text[max(0, nisba_start - TITLE_MAX_GAP_CHARS) : nisba_start]).split()[-TITLE_MAX_WORDS:]
    words = [w.strip(WORD_PUNCTUATION) for w in [*before, *normalize(text[nisba_start:name_start]).split()]]
    return any(w.removeprefix(WA) in OFFICE_TITLES or w in OFFICE_TITLES for w in words)


def is_state(p: Party, kb: KnowledgeBase) -> bool:
    """Is the party a sovereign state of the knowledge base?"""
    ent = kb.entities.get(p.entity_id)
    return ent is not None and ent.type == "GPE" and ent.subtype == "country"


def is_person(p: Party, kb: KnowledgeBase) -> bool:
    """Is the party a person (one the KB knows with no state, or one it does not know), not a state or body?"""
    ent = kb.entities.get(p.entity_id)
    return ent.type == "PER" if ent is not None else p.entity_id.startswith(PERSON_ID_PREFIX)


ARMED_GROUP_SUBTYPES = frozenset({"militant_group"})  # KB subtypes (kb/curated/organizations.tsv)


def armed_group(kb: KnowledgeBase, p: Party) -> bool:
    """Is the party an armed group («داعش», «القاعدة»)? A fight against one makes it no partner."""
    return kb.subtype(p.entity_id) in ARMED_GROUP_SUBTYPES


def dedupe(parties: Sequence[Party]) -> list[Party]:
    """The parties in order, each once (two mentions of a state make one party)."""
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.entity_id not in seen:
            seen.add(p.entity_id)
            out.append(p)
    return out


def mention_parties(ms: Sequence[MentionRef], states: States) -> list[tuple[MentionRef, Party]]:
    """The mentions that stand for a party, with that party."""
    out = []
    for m in ms:
        if m.type in PARTY_MENTION_TYPES:
            p = states.state(m.entity_id)
            if p is not None:
                out.append((m, p))
    return out


def set_document_groups(text: str, mentions: Sequence[MentionRef], states: States) -> None:
    """Read once per document what its groups can stand for: the states it names, the enumerations of states
    it gives («وهي بريطانيا وألمانيا وفرنسا وروسيا والصين»), the side groups it names («دول آسيا الوسطى»)."""
    kb = states.kb
    gaps: list[tuple[str, str]] = []
    last_end = 0
    prev: MentionRef | None = None
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type not in PARTY_MENTION_TYPES:
            continue
        before, prev = prev, m
        if _company_nationality(text, before, m, kb):
            continue  # «شركة ميرسك الدانماركية»: the company's nationality names no state of the article
        st = states.state(m.entity_id)
        ent = kb.entities.get(st.entity_id) if st is not None else None
        if st is None or ent is None or ent.subtype != "country" or not ent.iso_code:
            continue
        states.named.setdefault(ent.iso_code, st)
        if m.type == "GPE":
            gaps.append((ent.iso_code, normalize(text[last_end : m.start]) if gaps else ""))
            last_end = m.end
    states.runs = enumerations(gaps)
    norm_text = normalize(text)
    states.side_groups = [g for g in GROUPS if g.side and g.regex.search(norm_text)]


def is_nisba(kb: KnowledgeBase, surface: str) -> bool:
    """Is the surface a state's nisba adjective («الأميركية», «الإيراني»), not the state's name?"""
    return any(k.kind == "nisba" for k in kb.lookup(surface))


def _company_nationality(text: str, before: MentionRef | None, m: MentionRef, kb: KnowledgeBase) -> bool:
    """Is the mention a state's nisba right after an organisation's name («ميرسك الدانماركية», «"توتال"
    الفرنسية»)?"""
    if before is None or before.type != "ORG" or m.type != "GPE" or text[before.end : m.start].strip(' "«»“”'):
        return False
    return is_nisba(kb, text[m.start : m.end])


def side_group_parties(states: States) -> list[Party]:
    """The members of the side groups the article names, all of them (the five Central Asian states of a
    China–Central Asia article, named or not)."""
    return [p for g in states.side_groups for p in (states.country(c) for c in g.members) if p]


def group_parties(norm_span: str, states: States, doc_parties: Sequence[Party], kb: KnowledgeBase) -> list[Party]:
    """The parties a group word in the span stands for: three states, the members of a group the article
    names, or the article's two sides; [] when there is none."""
    if GROUP_OF_THREE_RE.search(norm_span):
        return list(states.top3 if states.top3 is not None else doc_parties)
    members = group_members(norm_span, list(states.named), states.runs, states.side_groups)
    if members is not None:  # a closed group's members need not be named («الكوريتين»)
        return [p for p in (states.named.get(iso) or states.country(iso) for iso in members) if p is not None]
    for rx in PARTY_WORD_RES:
        if rx.search(norm_span):
            return list(doc_parties)
    return []


def _title_word(w: str) -> bool:
    """A word of a title that may stand between two coordinated parties («الرئيس», «والزعيم», «ونظيرته»)."""
    return w in TITLE_FILLERS or w in OFFICE_TITLES or w in TITLE_CHAIN_WORDS


# a person's given name before the hashtagged last name the mention is («دونالد #ترمب»: the entity layer's
# mention is «ترمب»; the given name stays out of it, guideline further conventions 16)
GIVEN_NAME_BEFORE_HASHTAG_RE = re.compile(rf"(?<!\S)(?P<name>\w+)\s*{HASHTAG}\s*$")


def coordinated(
    norm: str, items: Sequence[Located], start: int, backwards: bool = False,
    ends: Mapping[tuple[int, int], int] | None = None,
) -> list[Party]:  # fmt: skip
    """The first party and those joined to it by «و» / «،» or standing next to it
    («الصين وقيرغيزستان وأوزبكستان», «رؤساء تركيا رجب طيب أردوغان وروسيا فلاديمير بوتين»)."""
    seq = list(items)
    if not seq:
        return []
    if backwards:
        seq = list(reversed(seq))
    ends = ends or {}
    chosen = [seq[0][2]]
    for i in range(1, len(seq)):
        a_pos, a_m, _ = seq[i - 1]
        b_pos, b_m, b_p = seq[i]
        if backwards:
            a_pos, a_m, b_pos, b_m = b_pos, b_m, a_pos, a_m
        gap = norm[ends.get((a_m.start, a_m.end), a_pos) : b_pos]
        given = GIVEN_NAME_BEFORE_HASHTAG_RE.search(gap) if b_m.type == "PER" else None
        if given and known_name_word(given["name"]):
            gap = gap[: given.start()]  # «الأميركي، دونالد #ترمب»: the person's own given name, not a word between
        # a hashtag's «#» is no word («#اليابان و #الاتحاد_الأوروبي»); «وجمهورية جزر فيجي»: the long form of the
        # next state's own name
        words = [w for w in gap.replace(AR_COMMA, " ").replace(",", " ").replace(HASHTAG, " ").split()
                 if not _title_word(w) and not _title_word(w[1:]) and w != WA
                 and not (b_m.type == "GPE" and w in STATE_FORM_WORDS)]  # fmt: skip
        if not words:
            chosen.append(b_p)
        else:
            break
    return chosen
