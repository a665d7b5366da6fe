"""Commitment tagging: who pledged, intended, agreed or signed what, with whom, per sentence.

Rules over the sentence text and its entity mentions (no parser: the bundled models have none):
cues from a documented lexicon (``lexicons.toml``: cues per modality, written with Arabic morphology in mind;
the future prefix سـ / سوف on any verb, dual and feminine agreement and negation by rule, tasks.commitments.cues),
then arguments found around the cue (tasks.commitments.arguments): the actor (the subject next to the cue, or
the parties «الجانبان» stands for, or the speaker's state), the counterpart («مع X», «لـX»), the speaker
(reporting verbs), the action span and sectors. Matching runs on normalised text (tasks.text.normalize) and
every span maps back to the original text. Thresholds and scores live in tasks.commitments.constants.

Each record carries its provenance in ``rule``: ``|``-joined ``key:value`` steps in a fixed order,
``cue:<kind>`` (tasks.commitments.cues: lexical, future, negfuture, headline), the argument passes
(tasks.commitments.arguments: ``subject:…`` / ``addressee:…``, ``actor:…``, ``counterpart:…``),
``actor:coordinated_cue`` when the actors are the previous cue's («ستدعم … وستدعم …»), ``speaker:<sentence|
carried|none>`` (named in the sentence, carried from the one before, none) and ``sentence:<title|body>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tasks.commitments.anaphors import kingdom_anaphors, org_anaphors
from tasks.commitments.arguments import arguments, signing_noun, to_norm
from tasks.commitments.constants import (
    ADDRESSEE_MODALITIES,
    CONFIDENCE,
    CONFIDENCE_DIGITS,
    DOC_PARTY_COUNT,
    FALLBACK_PENALTY,
    GROUP_OF_THREE,
    HEADLINE_REPORT_WORDS,
    MIN_CONFIDENCE,
    MODALITIES,
    PARTY_MENTION_TYPES,
    RECENT_PAIR_SENTENCES,
    SIDE_UNIONS,
    SPORTS_MIN_SHARE,
    SPORTS_MIN_WORDS,
    STATE_ORGAN_SUBTYPES,
    SUBJECT_PARTY_MAX_WORDS,
    TIME_PARTY_MAX_WORDS,
)
from tasks.commitments.cues import Cue, find_cues, headline_present, skip_adverbs, verb_skeleton
from tasks.commitments.decision import Candidate, decide
from tasks.commitments.families import FAMILY_BY_ID
from tasks.commitments.lexicons import (
    COUNTERPART_HEADS,
    INTERVIEW_MARKERS,
    PLACE_PREPOSITIONS,
    STATE_COPULAS,
    TIME_HAS_COME,
    UPON_HEADS,
    UPON_NOT_ACTS,
    UPON_OPENERS,
)
from tasks.commitments.meetings import set_meetings
from tasks.commitments.parties import (
    MentionRef,
    Party,
    States,
    coordinated,
    dedupe,
    is_nisba,
    is_person,
    is_state,
    mention_parties,
    set_document_groups,
    side_group_parties,
    title_states,
)
from tasks.commitments.patterns import (
    ACTION_LEADING_JUNK,
    ACTION_TRAILING_JUNK,
    ALA_NORM,
    CLAUSE_END_RE,
    CONJUNCTIONS,
    EXPECTATION_RE,
    FIGURE_RE,
    FIRST_PERSON_PLURAL_RE,
    LIGHT_VERB_RE,
    QUOTED_RE,
    QUOTES,
    REPORTING_RE,
    SECTOR_RES,
    SPORTS_WORD_RE,
    WA,
    WRITER_VOICE_RE,
    alternation,
)
from tasks.commitments.speakers import (
    INSTITUTION,
    OFFICIAL,
    SPEECH_MODALITIES,
    UNNAMED,
    carries,
    cue_speaker,
    first_person_sentence,
    interviewee,
    merge_persons,
    name_words,
    opening_cue_title,
    sentence_speaker,
    title_speakers,
)
from tasks.entities.kb import KnowledgeBase, load_kb
from tasks.text.clitics import verb_lexicon
from tasks.text.normalize import normalize, normalize_with_map

__all__ = [
    "ADDRESSEE_MODALITIES",
    "MODALITIES",
    "STATE_ORGAN_SUBTYPES",
    "Commitment",
    "MentionRef",
    "Party",
    "tag_document",
]


TITLE_STEP = "sentence:title"  # the rule step of a headline's records
HEADLINE_QUOTE = ":"  # «إيران تؤكد: لن نتفاوض»: what follows is the quoted party's words
HEADLINE_UNREPORTED = "headline_unreported"  # a headline verb whose act no record of the article reports
# A document that names one side only (one state, its bodies and people) reports a domestic matter: no
# commitment between parties (guideline: unilateral domestic decisions are not annotated).
SINGLE_SIDE = "single_side_document"
PERSON_ACTOR = "person_actor"  # every actor is a person no state is known for
# «تريد أن يكون اقتصاد تركيا مستقرا», «تريد أن تكون حازمة»: a want of a state, not an act, is intent only when
# the state ties the wanting party to another («يريد أن تكون التجارة بين أميركا وبريطانيا حرة»: convention 6;
# ANT corpus: 41 «يريد/يرغب أن يكون/يصبح/يبقى …», 25 read, 1 of that kind)
WISH_ABOUT_A_STATE = "wish_about_a_state"
WANT_FAMILIES = ("want", "wish")
# «يريد من السياسيين أن يفحصوا», «يريد من المدعي العام التحقيق»: what one wants of someone who is no party asks
# no party (families.toml want_from); the article's sides are no guess for whom
ASKED_NO_PARTY = "asked_no_party"
ASKED_FAMILIES = ("want_from",)
ASKED_MAX_WORDS = 1  # words between «من» and the party asked («من الحكومة الأمريكية»)
# funding with no party that receives it: a domestic budget, a prize or a donation (families.toml fund*)
FUND_WITHOUT_RECIPIENT = "fund_without_recipient"
FUND_FAMILIES = ("fund", "fund_give", "fund_support")
# a record the writer of a column narrates (no speaker): his reading of the parties (opinion_piece)
WRITER_OPINION = "writer_opinion"
NARRATED_STEP = "speaker:none"  # the rule step of a record nobody is reported to say
SENTENCE_ENDS = ".!?؟\n"
INTERVIEW_MIN_LINES = 2  # question and answer lines that make an article an interview (opinion_piece)
SPORTS_TEAM = "sports_team"  # a state as actor in sports news: its national team (sports_news)
WANT_STATE_RE = re.compile(rf"\s*(?:ب?[أا]ن)\s+(?:{alternation(STATE_COPULAS)})(?![\w])")
EVIDENCE = "evidence"  # the decision filter of what a document or an event shows (decision.evidence)
TOO_FEW_ACTORS = "too_few_actors"  # fewer actors than the cue's family needs (families.toml ``min_actors``)
NAME_MENTION_TYPES = ("ORG", "PER", "GPE", "LOC")  # a cue inside one of these names is part of the name
# «وقال ترامب إن الملك سلمان سيدفع», «أشعر أن كيم جونغ أون يريد»: a future verb or a want of another state's
# party, said by a person of a state, is the speaker's prediction or reading of it, not a commitment (check sets:
# 5 such records, none a commitment; none in the gold sets). Readiness and pledges with their own cue stay
# («قال كيري إن روحاني وظريف أوضحا أنهما مستعدان» is a gold record).
THIRD_PARTY = "third_party_prediction"
FUTURE_KINDS = ("future", "negfuture")
TAA_MARBUTA = "ة"
_GAP_PUNCT_RE = re.compile(r"[.،,؛;:!؟?]")  # punctuation that ends what «حان الوقت» may name
EMBEDDING_THAT = (["ان"], ["بان"])  # «أن» (normalised) between a duty, call or hope and the verb of its act
# A future verb the journalist narrates of a person (no speaker, no reporting verb, no quote in the sentence, every
# actor written as a person): «وسيخصص ماكرون السبت اليوم الأول من الزيارة», «سيتنافس الرئيس الحالي», «حيث سيحاول
# إقناع ترامب» — a schedule or an expectation (guideline: logistics and scheduling, a journalist's expectations),
# not a commitment the party made. Check sets and fresh sample A: 4 such records, all judged wrong; the gold sets'
# 7 narrated futures all have a state or a body as written subject («وستعمل الصين مع قيرغيزستان»).
NARRATED_PERSON_FUTURE = "narrated_person_future"
# «وافق» of a party written as a person is his approval («وكان خامنئي قد وافق على اقتراح تقدم به رئيس السلطة
# القضائية»: a domestic decision), not his state's agreement; every «وافق» record of the gold sets has a state,
# a ministry or a body as subject («وافقت إيران على كبح», «وافقت وزارة الخارجية الأميركية على بيع»).
PERSONAL_CONSENT = "personal_consent"
CONSENT_FAMILIES = ("consent",)
CREDIT_END_RE = re.compile(r"\)\s*[-–—]")  # «(CNN)--», «(CNN) -»: the closing of an outlet's credit
QUOTE_MARKS = frozenset('"«»“”')
# a headline whose cue is a verbal noun has no predicate (guideline: «اتفاق بين X وY» is no record)
NOMINAL_HEADLINE = "nominal_headline"
NOMINAL_FORMS = ("masdar", "masdar_pronoun")
MIN_DOCUMENT_SIDES = 2
CONTRAST_PRONOUNS = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها"})  # «… لكنها ستضغط»: the same subject
REGION_SUBTYPES = ("continent", "region")  # a region named stands for the states in it: a side


@dataclass
class Commitment:
    doc_id: str
    sentence_idx: int
    trigger: str
    trigger_start: int
    trigger_end: int
    modality: str
    polarity: str
    action: str
    action_start: int
    action_end: int
    sectors: list[str]
    actors: list[Party]
    counterparts: list[Party]
    speaker: Party | None
    date: Any
    confidence: float
    sentence: str = ""
    commitment_id: str = field(default="")
    rule: str = ""  # provenance: the cue kind and the passes that produced the record (module docstring)
    rejected_by: str | None = None  # the decision filter that says the candidate is not a record
    # each party as the sentence writes it (party entity id → the mention standing for it: «وزير الخارجية
    # الصيني وانغ يي» for China); a party no mention of the sentence stands for has none
    written: dict[str, MentionRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.commitment_id:
            key = f"{self.doc_id}:{self.sentence_idx}:{self.trigger_start}:{self.trigger_end}:{self.modality}"
            self.commitment_id = hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass
class _Document:
    """What every sentence pass of one document reads."""

    doc_id: str
    text: str
    date: Any
    kb: KnowledgeBase
    states: States
    doc_parties: list[Party]  # the article's parties (for «الجانبان» / «البلدان»)
    sports: bool = False  # sports news: a state named as an actor is its national team (``sports_news``)


@dataclass
class _Sentence:
    """One sentence, normalised (``index`` maps each normalised character to its sentence offset), with its
    mentions and cues."""

    idx: int
    start: int
    text: str
    norm: str
    index: list[int]
    ments: list[MentionRef]
    cues: list[Cue]
    title: bool = False  # the document's headline
    spoken_by: Party | None = None  # the person subject of a speech cue («دعا أوباما»), who may speak on
    speaker_source: str = "none"  # the speaker strategy (tasks.commitments.speakers): sentence, joint, short_name,
    # carried (from the sentence before) or none


def sports_news(text: str) -> bool:
    """Does the article report games (lexicons sports_words, often enough)? Then a state it names as an actor is its
    national team («أما السنغال … ستسعى لإعادة تحقيق إنجازها»), not a party to a commitment between states."""
    norm = normalize(text)
    hits = len(SPORTS_WORD_RE.findall(norm))
    return hits >= SPORTS_MIN_WORDS and hits >= SPORTS_MIN_SHARE * len(norm.split())


def opinion_piece(text: str) -> bool:
    """Does the writer speak in the first person («أعتقد أن», «في رأيي»: lexicons writer_thinking_verbs,
    writer_phrases) outside quotes and reported speech? Then the article is a column or an essay: what it narrates
    of the parties is the writer's reading. Interviews are not (their question and answer lines: lexicons
    interview_markers)."""
    norm = normalize(text)
    if sum(line.lstrip().startswith(INTERVIEW_MARKERS) for line in norm.splitlines()) >= INTERVIEW_MIN_LINES:
        return False
    norm = QUOTED_RE.sub(" ", norm)
    for m in WRITER_VOICE_RE.finditer(norm):
        before = norm[max(norm.rfind(ch, 0, m.start()) for ch in SENTENCE_ENDS) + 1 : m.start()]
        if ":" not in before and not REPORTING_RE.search(before):  # «وقالت: انا لا اعرف» is reported speech
            return True
    return False


def _document_parties(text: str, mentions: Sequence[MentionRef], states: States, kb: KnowledgeBase) -> list[Party]:
    """The document's parties: the states it names most (for «الجانبان» / «البلدان»), or the members of a side
    group it names and its other state; sets ``states.top3`` for «القادة الثلاثة» and what groups stand for."""
    counts: Counter[str] = Counter()
    led: Counter[str] = Counter()  # states whose leaders and officials the document names
    party_of: dict[str, Party] = {}
    for m in mentions:
        if m.type in PARTY_MENTION_TYPES:
            st = states.state(m.entity_id)
            if st and (is_state(st, kb) or st.entity_id in SIDE_UNIONS):  # the EU is a side as a state is
                counts[st.entity_id] += 1
                led[st.entity_id] += m.type == "PER"
                party_of[st.entity_id] = st
    doc_parties = [party_of[e] for e, _ in counts.most_common(DOC_PARTY_COUNT)]
    # «القمة الثلاثية», «القادة الثلاثة»: the three states whose leaders the article names, when it names
    # three (the country where they met is named often too, but is not a party)
    by_leaders = [e for e, n in sorted(led.items(), key=lambda x: (-x[1], -counts[x[0]])) if n > 0]
    top3 = (by_leaders[:GROUP_OF_THREE] if len(by_leaders) >= GROUP_OF_THREE
            else [e for e, _ in counts.most_common(GROUP_OF_THREE)])  # fmt: skip
    states.top3 = [party_of[e] for e in top3]
    set_document_groups(text, mentions, states)
    set_meetings(text, mentions, states)
    if states.side_groups:
        ca = side_group_parties(states)
        ca_ids = {p.entity_id for p in ca}
        others = [party_of[e] for e, _ in counts.most_common() if e not in ca_ids][:1]
        doc_parties = others + ca
    return doc_parties


PLACE_BEFORE_RE = re.compile(rf"(?:(?<![\w])(?:{alternation(PLACE_PREPOSITIONS)}|(?<!كل\s)من)\s*|(?<![\w])[بل])$")


def _wish_about_a_state(doc: _Document, s: _Sentence, c_end: int, actors: Sequence[Party]) -> bool:
    """Is the want «أن يكون …» of a state that does not name both the wanting party and another party in its
    clause?"""
    m = WANT_STATE_RE.match(s.norm, c_end)
    if m is None:
        return False
    end = CLAUSE_END_RE.search(s.norm, m.end())
    stop = s.index[end.start()] + s.start if end else s.start + len(s.text)
    start = s.index[m.end() - 1] + s.start
    named = {p.entity_id for mm, p in mention_parties(s.ments, doc.states) if start <= mm.start < stop}
    own = {_state_id(doc, a) for a in actors}
    return not (named & own and named - own)


def _party_asked(doc: _Document, s: _Sentence, c_end: int) -> bool:
    """Does a party follow the «من» after the cue, at most one word between («تريد من الاتحاد الأوروبي»,
    «من الحكومة الأمريكية»)?"""
    words = list(re.finditer(r"\S+", s.norm[c_end:]))[1 : 2 + ASKED_MAX_WORDS]  # the words after «من»
    starts = {s.index[c_end + w.start()] + s.start for w in words}
    return any(m.start in starts for m, _p in mention_parties(s.ments, doc.states))


def _state_id(doc: _Document, party: Party) -> str:
    """The id of the state a party acts for, else of the party itself."""
    return (doc.states.state(party.entity_id) or party).entity_id


def _speaks_for(doc: _Document, speaker: Party | None, actors: Sequence[Party]) -> bool:
    """Is the speaker a person of one of the actors' states?"""
    own = doc.states.state(speaker.entity_id) if speaker is not None else None
    return own is not None and any(_state_id(doc, a) == own.entity_id for a in actors)


def _another_states(doc: _Document, speaker: Party | None, actors: Sequence[Party]) -> bool:
    """Is the speaker a person of a state, and is every actor another state or a body of one? (A party with no
    state, «الحزب الجمهوري», is not read as another state's.)"""
    if speaker is None or not (is_person(speaker, doc.kb) or is_state(speaker, doc.kb)):
        return False  # a state speaks itself or through an office («وقالت إيران», «وقال وزير الخارجية الإيراني»)
    own = doc.states.state(speaker.entity_id)
    if own is None or not is_state(own, doc.kb):
        return False
    theirs = [doc.states.state(p.entity_id) for p in actors]
    return all(t is not None and is_state(t, doc.kb) and t.entity_id != own.entity_id for t in theirs)


def _named_pair_in(s: _Sentence, states: States, kb: KnowledgeBase) -> list[Party]:
    """The first two states a sentence names side by side («كيم جونغ أون ورئيس كوريا الجنوبية مون جيه-إن»,
    «وقعت كل من قطر والسودان»): what «الجانبان», «الزعيمان», «أنهما» in the sentences after it stand for. Not a
    place after a preposition («في العراق وسوريا»)."""
    items = [(to_norm(s.index, s.start, m.start), m, p) for m, p in mention_parties(s.ments, states)
             if is_state(p, kb) or p.entity_id in SIDE_UNIONS]
    ends = {(m.start, m.end): to_norm(s.index, s.start, m.end) for _, m, _ in items}
    i = 0
    while i < len(items):
        run = coordinated(s.norm, items[i:], items[i][0], ends=ends)
        if len(dedupe(run)) == 2 and not PLACE_BEFORE_RE.search(s.norm[: items[i][0]]):
            return dedupe(run)
        i += len(run)  # not the tail of a longer run («بين الصين وقيرغيزستان وأوزبكستان»)
    return []


def _read_sentence(
    text: str, idx: int, s_start: int, s_end: int, mentions: Sequence[MentionRef], title: str | None,
    lexicon: Mapping[str, int],
) -> _Sentence:  # fmt: skip
    """Normalise a sentence and find its cues (a headline's present-tense verb when it has no other)."""
    sent = text[s_start:s_end]
    norm, index = normalize_with_map(sent)
    ments = [m for m in mentions if s_start <= m.start and m.end <= s_end]
    headline = idx == 0 and bool(title) and sent.strip() == title
    party_ends = {to_norm(index, s_start, m.end) for m in ments if m.type in PARTY_MENTION_TYPES} if headline else None
    cues = find_cues(norm, lexicon, headline=headline, party_ends=party_ends)
    # a cue inside a name is a word of the name («منظمة "بابليك سيتيزن غلوبال تريد ووتش"», «صحيفة "رودونغ سينمون"»)
    names = [(m.start, m.end) for m in ments if m.type in NAME_MENTION_TYPES]
    cues = [c for c in cues
            if not any(a < index[c[2] - 1] + s_start + 1 and index[c[1]] + s_start < b for a, b in names)]
    # no verb ends in «ة» (normalising folds it into «ه»): «سترة» (a jacket, Sitra), «ساكنة» are nouns and adjectives,
    # not «س» + a verb (ANT corpus: 25 such future cues, none a verb)
    cues = [c for c in cues if not (c[4] in FUTURE_KINDS and sent[index[c[2] - 1]] == TAA_MARBUTA)]
    # «حان الوقت» is a party's obligation only when the party is named right after it (lexicons: time_has_come)
    cues = [c for c in cues
            if norm[c[1] : c[2]] not in TIME_HAS_COME or _party_named_after(norm, index, s_start, ments, c[2])]
    # «طلبت تركيا من السعودية»: a family's ``next`` word past the verb's subject counts only when that subject is a
    # party (not «تطلب بشكل عاجل معلومات من إيران», «طلبت استبعاد الخرطوم من المفاوضات»)
    cues = [c for c in cues
            if not _next_past_subject(norm, c) or _party_subject_after(norm, index, s_start, ments, c[2])]
    if headline and not cues:
        cues = headline_present(norm, index, s_start, ments, lexicon)
    cues = sorted([*cues, *_upon_party_cues(norm, index, s_start, ments, cues)], key=lambda c: c[1])
    return _Sentence(idx, s_start, sent, norm, index, ments, cues, title=headline)


# «على إيران أن تجد طرقا» is obligation «X must»: «على» + a party named right after it (or parties joined by «و»;
# a head such as «الحكومة» may come between) + «أن/ألا» and a verb (guideline: trigger «على» + subject). With a
# verbal noun instead («على لندن تقديم الأدلة», «إن على واشنطن معالجة …», «على قوات حزب العمال الكردستاني نقل
# …») only at the head of a clause; elsewhere «على» + a noun is far more often a preposition («عقوبات على إيران»).
# ANT corpus: 75 «على» + a state name + a word other than «أن»; of those at the head of a clause 21 read, 20
# duties (the other a people, «على الروسيات», no party mention).
UPON_THAT_RE = re.compile(r"\s*(?:(?P<neg>الا)|ان)\s+[يت]\w+")  # «على سوريا أن تفهم»: decision.duty_of_mind
UPON_RE = re.compile(rf"(?<![\w])[وف]?{ALA_NORM}\s+(?:(?:{alternation(UPON_HEADS)})\s+)?$")
UPON_CLAUSE_HEAD_RE = re.compile(
    rf"(?:(?:^|:|(?<![\w])[وفب]?[اإأ]ن(?:ه)?)\s*[{QUOTES}]?|(?:{REPORTING_RE.pattern})\s*[{QUOTES}])\s*$"
)  # the start of the sentence or of a quote, after «إن/أن/بأن/إنه», a colon, or «وقال "»
# «لذا على إيران أن», «…، وعلى إيران أن», «كما على …»: punctuation or a connective opens the duty's clause
UPON_OPENER_RE = re.compile(rf"(?:[،,؛;!؟?.{QUOTES}]|(?<![\w])(?:{alternation(UPON_OPENERS)}))\s*$")
UPON_ACT_RE = re.compile(rf"\s*[{QUOTES}]?(?P<word>[^\s{QUOTES}،,.:؛!؟?()]+)")
UPON_AND_RE = re.compile(r"\s*و(?=\S)")  # «على روسيا وسوريا أن تتعاونا»: the parties joined by «و»


def _upon_party_cues(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], cues: Sequence[Cue]
) -> list[Cue]:
    """Obligation cues «على» + a party mention (and the parties joined to it) + «أن» + a verb, or a verbal noun
    at the head of a clause, that no other cue covers."""
    out = []
    spans = sorted((to_norm(index, base, m.start), to_norm(index, base, m.end)) for m in ments
                   if m.type in PARTY_MENTION_TYPES)  # fmt: skip
    for i, (lo, hi) in enumerate(spans):
        before = UPON_RE.search(norm, 0, lo)
        if before is None:
            continue
        end = hi
        for nlo, nhi in spans[i + 1 :]:  # «على روسيا وسوريا»
            joined = UPON_AND_RE.match(norm, end)
            if joined is None or joined.end() != nlo:
                break
            end = nhi
        start = before.start() + (1 if norm[before.start()] in CONJUNCTIONS else 0)  # «وعلى»: the cue is «على»
        head = bool(UPON_CLAUSE_HEAD_RE.search(norm, 0, start))
        # «أن» after the party still needs «على» to open its clause: not governed by the word before it («وعرض على
        # إسبانيا أن», «وكان على الشركة أن»: an offer, a past duty)
        that = UPON_THAT_RE.match(norm, end) if head or UPON_OPENER_RE.search(norm, 0, before.start()) else None
        act = UPON_ACT_RE.match(norm, end) if that is None and head else None
        if act is not None and (act["word"] in UPON_NOT_ACTS or act["word"][0] in CONJUNCTIONS):
            act = None
        if (that is None and act is None) or any(c[1] < end and before.start() < c[2] for c in cues):
            continue
        out.append(Cue("obligation", start, end, "negative" if that and that["neg"] else "positive", "lexical"))
    return out


def _party_after(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], end: int, gap_ok: Callable[[str], bool]
) -> bool:  # fmt: skip
    """Does a party mention start after ``end`` with what stands between (normalised) accepted by ``gap_ok``?"""
    return any(m.type in PARTY_MENTION_TYPES and (s := to_norm(index, base, m.start)) >= end and gap_ok(norm[end:s])
               for m in ments)  # fmt: skip


def _party_named_after(norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], end: int) -> bool:
    """Does a party mention start within TIME_PARTY_MAX_WORDS words after ``end``, with no punctuation between?"""
    return _party_after(norm, index, base, ments, end,
                        lambda gap: len(gap.split()) <= TIME_PARTY_MAX_WORDS and not _GAP_PUNCT_RE.search(gap))


def _party_subject_after(norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], end: int) -> bool:
    """Is the verb's subject right after ``end`` a party: a party mention, after at most SUBJECT_PARTY_MAX_WORDS
    title or body words («طلبت تركيا», «طلبت السلطات السعودية», «طلب الرئيس السيسي»)?"""
    return _party_after(norm, index, base, ments, end, lambda gap: len(gap.split()) <= SUBJECT_PARTY_MAX_WORDS
                        and all(w in COUNTERPART_HEADS for w in gap.split()))


def _next_past_subject(norm: str, cue: Cue) -> bool:
    """Is this a family cue whose ``next`` word comes only past the verb's subject («طلبت تركيا من …»)?"""
    fam = FAMILY_BY_ID.get(cue.family) if cue.family else None
    return fam is not None and fam.next_after_words > 0 and not skip_adverbs(norm[cue[2] :]).startswith(fam.next)


def _sentence_speaker(
    s: _Sentence, states: States, last_speaker: Party | None, names: Mapping[str, Party | None],
    titles: Mapping[str, Party | None],
) -> tuple[Party | None, str]:  # fmt: skip
    """The sentence's speaker and its strategy (tasks.commitments.speakers), or the last one when the sentence
    goes on reporting («وأضاف …», «وسنعمل …»): ``carried``."""
    speaker, source = sentence_speaker(s.norm, s.index, s.start, s.ments, states, names, titles)
    if speaker is None and source not in ("joint", UNNAMED) and last_speaker is not None and carries(s.norm, s.cues):
        return last_speaker, "carried"
    if source in (OFFICIAL, INSTITUTION) and last_speaker is not None and carries(s.norm, s.cues) \
            and states.state(last_speaker.entity_id) == speaker:
        return last_speaker, "carried"  # «وأضاف الرئيس الأميركي»: the last speaker, a person in that state's office
    if speaker is None and source == "none":
        titled = opening_cue_title(s.norm, s.cues, titles)
        if titled is not None:
            return titled, "title"
    return speaker, source


def _may_commit(s: _Sentence) -> bool:
    """A sentence with cues, unless it states an expectation nobody is reported to have said."""
    return bool(s.cues) and not (EXPECTATION_RE.search(s.norm) and not REPORTING_RE.search(s.norm))


def _action_span(s: _Sentence, cue: Cue, bounds: Sequence[int]) -> tuple[int, int, int] | None:
    """(normalised end, original start, original end) of the cue's action, or None when it is empty."""
    modality, c_start, c_end, _polarity, strength = cue
    norm, index = s.norm, s.index
    later = [b for b in bounds if b > c_start]
    if later and modality in ADDRESSEE_MODALITIES and norm[c_end : later[0]].split() in EMBEDDING_THAT:
        # «يجب أن تلتزم إيران بكافة التزاماتها», «من المهم أن تلتزم …»: the verb after «أن» is the act the
        # duty, call or hope asks for, and its party the one who must act: the action runs on past it
        later = later[1:]
    nxt = min([*later, len(norm)])
    a_start_n = c_start if strength == "headline" or (modality == "pledge" and strength == "future") else c_end
    a_end_n = _action_end(norm, a_start_n, nxt)
    while a_start_n < a_end_n and norm[a_start_n] in ACTION_LEADING_JUNK:
        a_start_n += 1
    if a_start_n >= a_end_n:
        return None
    a_start = index[a_start_n] + s.start
    a_end = index[a_end_n - 1] + 1 + s.start
    # light verb: «ستعمل على X» / «سنعمل على X» → X
    light = LIGHT_VERB_RE.match(norm[a_start_n:a_end_n])
    if light:
        a_start = index[a_start_n + light.end()] + s.start
    return a_end_n, a_start, a_end


def _party_spans(s: _Sentence, keep: Callable[[MentionRef], bool] | None = None) -> tuple[tuple[int, int], ...]:
    """Normalised spans of the sentence's party mentions (for the decision step), those ``keep`` accepts."""
    at = {off + s.start: i for i, off in enumerate(s.index)}
    return tuple((at[m.start], at[m.end - 1] + 1) for m in s.ments
                 if m.type in PARTY_MENTION_TYPES and m.start in at and m.end - 1 in at and (keep is None or keep(m)))


def _antecedent_spans(doc: _Document, s: _Sentence) -> tuple[tuple[int, int], ...]:
    """The party spans that can head a relative clause as a party (for the decision step's ``relative_re_mention``):
    not a place the knowledge base does not know («قرية خان الأحمر البدوية التي تسعى إسرائيل لهدمها»), not a
    state's nisba, an adjective on a thing («الانتخابات الرئاسية المصرية التي يسعى السيسي للفوز فيها»). A relative
    clause on a party itself gives no subject (arguments, relative_antecedent)."""

    def named_party(m: MentionRef) -> bool:
        if m.type != "GPE":
            return True
        return m.entity_id in doc.kb.entities and not is_nisba(doc.kb, doc.text[m.start : m.end])

    return _party_spans(s, named_party)


def _nominal_cue(cue_text: str, cue: Cue) -> bool:
    """Is the cue a verbal noun («توقيع», «التزام»), not a verb or a participle? («توافق» is read as a verb.)"""
    if cue.form is not None:
        return cue.form.form in NOMINAL_FORMS
    return signing_noun(cue_text)


def _nisba_after(doc: _Document, s: _Sentence, c_end: int, indefinite: bool = False) -> bool:
    """Is the cue followed right away by a state's nisba, an adjective, so a noun («توافق مصري كويتي في ملفات
    المنطقة», «اتفاق روسي تركي»), not a verb? ``indefinite``: only a nisba without the article («طالب سعودي»)."""
    if c_end >= len(s.index):
        return False
    after = s.index[c_end] + s.start  # the first character after the cue, in document offsets
    for m in s.ments:
        if m.type != "GPE" or m.start < after or doc.text[after : m.start].strip():
            continue
        if indefinite and normalize(doc.text[m.start : m.end]).startswith("ال"):
            return False
        found = doc.kb.lookup(doc.text[m.start : m.end])
        return any(k.kind == "nisba" and k.entity.entity_id == m.entity_id for k in found)
    return False


def _coordinated_cue(norm: str, c_start: int) -> bool:
    """Is the cue joined by «و» to the one before it («ستدعم … وستدعم …»), or by «لكنه/لكنها» (but it: «أن ماي
    لا تسعى …، لكنها ستضغط»)?"""
    before = norm[:c_start].split()[-1:]
    if before and before[0].strip("،,") in CONTRAST_PRONOUNS:
        return True
    return norm[max(0, c_start - 2) : c_start].strip().endswith(WA) or (c_start > 0 and norm[c_start - 1] == WA)


def _confidence(strength: str, fallback: bool) -> float:
    """The cue kind's confidence, less when the actor is only the speaker's state."""
    conf = CONFIDENCE[strength] - (FALLBACK_PENALTY if fallback else 0.0)
    return round(max(MIN_CONFIDENCE, conf), CONFIDENCE_DIGITS)


def _cue_record(
    doc: _Document, s: _Sentence, cue: Cue, bounds: Sequence[int], speaker: Party | None,
    prev_actors: list[Party],
) -> Commitment | None:  # fmt: skip
    """The candidate record of one cue (``rejected_by`` names the decision filter that rejects it), or None
    (no action, no actor)."""
    modality, c_start, c_end, polarity, strength = cue
    norm = s.norm
    span = _action_span(s, cue, bounds)
    if span is None:
        return None
    a_end_n, a_start, a_end = span
    trace = [f"cue:{strength}"]
    own, own_source = cue_speaker(norm, s.index, s.start, s.ments, doc.states, cue)
    speaker, speaker_source = (own, own_source) if own is not None or own_source else (speaker, s.speaker_source)
    actors, counterparts, fallback = arguments(
        norm, s.index, s.start, c_start, c_end, a_end_n, modality, s.ments, doc.states, doc.doc_parties, speaker,
        doc.kb, trace, cue.form,
    )  # fmt: skip
    if _coordinated_cue(norm, c_start) and prev_actors and (fallback or not actors) \
            and modality not in ADDRESSEE_MODALITIES:
        actors, fallback = prev_actors, False  # «ستدعم … وستدعم …»: the same subject
        trace.insert(-1, "actor:coordinated_cue")  # before the counterpart step
    if not actors:
        return None
    # a person no state is known for is no party (guideline: persons act for their state): «سنحاول» of a
    # person the KB does not tie to a state, «وقع يحيى دغريري على عقد انتقاله»
    people = [p for p in actors if is_person(p, doc.kb)]
    only_people = len(people) == len(actors)
    if people and not only_people:  # «المفوضية الأوروبية ويونكر»: the body, not its head beside it
        actors = [p for p in actors if p not in people]
        trace.insert(-1, "actor:persons_dropped")
    t_start, t_end = s.index[c_start] + s.start, s.index[c_end - 1] + 1 + s.start
    rejected_by = decide(Candidate(norm, c_start, c_end, modality, strength, _party_spans(s),
                                   doc.text[t_start:t_end], _antecedent_spans(doc, s)))  # fmt: skip
    if rejected_by == EVIDENCE and _speaks_for(doc, speaker, actors):
        rejected_by = None  # «قال ظريف إن المفاوضات أثبتت أن إيران لن تقدم …»: the party says so itself
    rejected_by = rejected_by or (PERSON_ACTOR if only_people else None)
    if rejected_by is None and cue.form is not None and cue.form.family in WANT_FAMILIES \
            and _wish_about_a_state(doc, s, c_end, actors):
        rejected_by = WISH_ABOUT_A_STATE
    if rejected_by is None and doc.sports and any(is_state(a, doc.kb) for a in actors):
        rejected_by = SPORTS_TEAM
    if rejected_by is None and cue.form is not None and cue.form.family in FUND_FAMILIES and not counterparts:
        rejected_by = FUND_WITHOUT_RECIPIENT
    if rejected_by is None and cue.form is not None and cue.form.family in ASKED_FAMILIES \
            and not _party_asked(doc, s, c_end):
        rejected_by = ASKED_NO_PARTY
    if rejected_by is None and cue.form is not None and len(actors) < FAMILY_BY_ID[cue.form.family].min_actors:
        rejected_by = TOO_FEW_ACTORS  # «قرر الرئيس الانسحاب»: a single party's decision is unilateral
    if rejected_by is None and (strength in FUTURE_KINDS or modality == "intent") \
            and _another_states(doc, speaker, actors):
        rejected_by = THIRD_PARTY
    if rejected_by is None and s.title and (_nominal_cue(norm[c_start:c_end], cue) or _nisba_after(doc, s, c_end)):
        rejected_by = NOMINAL_HEADLINE  # «توقيع اتفاق سلام جديد …»: no predicate
    if rejected_by is None and not s.title and _nisba_after(doc, s, c_end, indefinite=True):
        rejected_by = NOMINAL_HEADLINE  # «مقتل طالب سعودي»: a noun with its adjective, not «طالب» (demanded)
    written = _as_written(s, [*actors, *counterparts], doc.states, t_start)
    if rejected_by is None and strength in FUTURE_KINDS and speaker is None and not s.title \
            and _narrated_of_persons(s, actors, written):
        rejected_by = NARRATED_PERSON_FUTURE
    if rejected_by is None and cue.form is not None and cue.form.family in CONSENT_FAMILIES \
            and all(m is not None and m.type == "PER" for m in (written.get(a.entity_id) for a in actors)):
        rejected_by = PERSONAL_CONSENT
    action = doc.text[a_start:a_end]
    sectors = [sec for sec, rx in SECTOR_RES.items() if rx.search(normalize(action))] or ["other"]
    trace += [f"speaker:{speaker_source if speaker is not None or speaker_source == 'joint' else 'none'}",
              f"sentence:{'title' if s.title else 'body'}"]  # fmt: skip
    return Commitment(
        doc.doc_id, s.idx, doc.text[t_start:t_end], t_start, t_end, modality, polarity, action, a_start, a_end,
        sectors, actors, counterparts, _record_speaker(doc, speaker),
        doc.date, _confidence(strength, fallback), sentence=s.text, rule="|".join(trace), rejected_by=rejected_by,
        written=written,
    )  # fmt: skip


def _record_speaker(doc: _Document, speaker: Party | None) -> Party | None:
    """The record's speaker is a person: none for a state or body that speaks itself or through an unnamed
    office (speakers: ``institution``, ``official``), whose voice only gives its first person an actor."""
    return speaker if speaker is not None and is_person(speaker, doc.kb) else None


def _narrated_of_persons(s: _Sentence, actors: Sequence[Party], written: Mapping[str, MentionRef]) -> bool:
    """Does the sentence narrate (no reporting verb, no quote) an act of actors it writes only as persons?"""
    if REPORTING_RE.search(s.norm) or any(ch in QUOTE_MARKS for ch in s.norm):
        return False
    mentions = [written.get(a.entity_id) for a in actors]
    return all(m is not None and m.type == "PER" for m in mentions)


def _as_written(s: _Sentence, parties: Sequence[Party], states: States, trigger_start: int) -> dict[str, MentionRef]:
    """Each party's mention in the sentence, the nearest to the trigger among those standing for it (the
    minister or ministry that speaks for a state, the state's own name): what the analyst reads in the text."""
    out: dict[str, MentionRef] = {}
    for party in parties:
        own = [m for m in s.ments if m.entity_id and (m.entity_id == party.entity_id
                                                      or states.state(m.entity_id) == party)]  # fmt: skip
        # a nisba right before the person or body it qualifies is part of a title: «رئيس الوزراء الإثيوبي
        # آبي أحمد» writes Ethiopia as Abiy Ahmed
        own = [m for m in own if not any(o is not m and 0 <= o.start - m.end <= 1 for o in own)] or own
        if own:
            out[party.entity_id] = min(own, key=lambda m: (abs(m.start - trigger_start), m.start))
    return out


def _first_person(norm: str, cue: Cue) -> bool:
    """Is the cue a first person plural verb («سنعمل», «لن نسمح»)?"""
    return bool(FIRST_PERSON_PLURAL_RE.match(norm[cue[1] : cue[2]].lstrip(WA + "ف")))


def _sentence_records(doc: _Document, s: _Sentence, speaker: Party | None) -> list[tuple[Commitment, bool]]:
    """Every record of a sentence, each with whether its cue is a headline verb; a coordinated cue with no
    subject of its own takes the previous record's actors."""
    bounds = sorted(c[1] for c in s.cues)
    prev_actors: list[Party] = []
    prev_first = False
    out: list[tuple[Commitment, bool]] = []
    for cue in s.cues:
        first = _first_person(s.norm, cue)
        # «سنتعرف على المتورطين، وسيتحملون …»: «we», then «they», are not one subject; a call's actors are
        # those called, no subject for the verbs after it («داعيا إلى بناء مجتمع … يتحمل المسؤولية ويسعى»)
        record = _cue_record(doc, s, cue, bounds, speaker, [] if prev_first and not first else prev_actors)
        if record is not None:
            prev_actors = [] if record.modality in ADDRESSEE_MODALITIES else record.actors
            prev_first = first
            out.append((record, cue[4] == "headline"))
            if "speaker:cue_subject" in record.rule:
                # «دعا أوباما … ، ودعا في الوقت نفسه …»: the person who spoke goes on speaking, in this
                # sentence when it names no speaker of its own, and in the next ones (tag_document)
                s.spoken_by = record.speaker
                if speaker is None:
                    speaker, s.speaker_source = record.speaker, "previous_cue"
    return out


def tag_document(
    doc_id: str,
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    mentions: Sequence[MentionRef],
    canon: Mapping[str, str],
    date: Any = None,
    kb: KnowledgeBase | None = None,
    title: str | None = None,
    keep_rejected: bool = False,
) -> list[Commitment]:
    """Every commitment record of one document; with ``keep_rejected``, also the candidates the decision step
    rejected (each with ``rejected_by``)."""
    kb = kb or load_kb()
    lexicon = verb_lexicon()  # the cues look up verbs of the normalised sentence
    mentions = sorted([*mentions, *org_anaphors(text, mentions, kb), *kingdom_anaphors(text, mentions, kb)],
                      key=lambda m: (m.start, m.end))  # the passes read a sentence's parties in text order
    states = States(kb, canon, date if isinstance(date, dt.date) else None)
    nationalities = set(title_states(text, mentions, states))
    mentions = [m for m in mentions if m not in nationalities and not _credit_line(text, m)]
    doc = _Document(doc_id, text, date, kb, states, _document_parties(text, mentions, states, kb), sports_news(text))
    out: list[Commitment] = []
    headlines: list[Commitment] = []
    last_speaker: Party | None = None
    # the persons named before the sentence, by their name words and titles: grown sentence by sentence
    by_end, seen = sorted(mentions, key=lambda m: m.end), 0
    names: dict[str, Party | None] = {}
    titles: dict[str, Party | None] = {}
    doc_parties = doc.doc_parties
    interviewed = interviewee(text, title, mentions, states)  # «وزير الخارجية البريطاني لـ«الشرق الأوسط»: …»
    recent: list[Party] = []  # the pair the last sentences name side by side, and how long ago
    recent_age = 0
    for idx, s_start, s_end in sentences:
        s = _read_sentence(text, idx, s_start, s_end, mentions, title, lexicon)
        recent_age += 1
        doc.doc_parties = recent if recent and recent_age <= RECENT_PAIR_SENTENCES else doc_parties
        pair = _named_pair_in(s, states, kb)
        if pair:  # for the sentences after it
            recent, recent_age = pair, 0
        fresh = []
        while seen < len(by_end) and by_end[seen].end <= s_start:
            fresh.append(by_end[seen])
            seen += 1
        merge_persons(names, name_words(text, fresh, states))
        merge_persons(titles, title_speakers(text, fresh, states))
        speaker, s.speaker_source = _sentence_speaker(s, states, last_speaker, names, titles)
        if speaker is None and s.speaker_source not in ("joint", UNNAMED) and interviewed is not None \
                and not s.title and first_person_sentence(s.norm, s.cues):
            speaker, s.speaker_source = interviewed, "interview"  # an answer of the interview («علينا أن …»)
        if speaker is not None:
            last_speaker = speaker
        elif s.speaker_source in ("joint", UNNAMED):
            last_speaker = None
        if not _may_commit(s):
            continue
        for record, headline in _sentence_records(doc, s, speaker):
            out.append(record)
            if headline:
                headlines.append(record)
        if s.spoken_by is not None and not s.title:
            last_speaker = s.spoken_by
    doc.doc_parties = doc_parties
    narrated = [r for r in out if NARRATED_STEP in r.rule.split("|")]
    if narrated and interviewed is None and opinion_piece(text):
        for r in narrated:  # «لهذه الأسباب يريد حزب الله الزبداني»: the columnist's reading, not the party's word
            r.rejected_by = r.rejected_by or WRITER_OPINION
    if len(_sides_named(mentions, kb) | {p.entity_id for p in doc.doc_parties}) < MIN_DOCUMENT_SIDES:
        for r in out:  # «سيسحب قانون الضرائب», «خطة البيت الأبيض ستسعى»: one side only, a domestic matter
            r.rejected_by = r.rejected_by or SINGLE_SIDE
    body = [r for r in out if r.rejected_by is None and TITLE_STEP not in r.rule]
    for r in headlines:  # a present-tense headline verb is a record only if the article reports its act
        if r.rejected_by is None and not any(_reports(b, r, kb) for b in body):
            r.rejected_by = HEADLINE_UNREPORTED
    for r in out:  # «إيران تؤكد: لن نتفاوض …»: the headline's speaker is who says it in the article
        if TITLE_STEP in r.rule and r.speaker is None and r.rejected_by is None and _quoting_headline(r):
            spoken = [b.speaker for b in body if b.speaker is not None and _reports(b, r, kb)]
            if spoken:
                r.speaker, r.rule = spoken[0], r.rule.replace("speaker:none", "speaker:body_report")
    return out if keep_rejected else [r for r in out if r.rejected_by is None]


def _credit_line(text: str, m: MentionRef) -> bool:
    """Is the mention the outlet's credit opening a paragraph («(CNN)-- وافقت كندا …»: CNN is no subject)?"""
    line_start = text.rfind("\n", 0, m.start) + 1
    return text[line_start : m.start].strip() == "(" and CREDIT_END_RE.match(text, m.end) is not None


def _sides_named(mentions: Sequence[MentionRef], kb: KnowledgeBase) -> set[str]:
    """The sides a document names: the states its known places, bodies and persons belong to, each
    international organisation the knowledge base knows («صندوق النقد الدولي» is a side of its own) and each
    continent or region («أفريقيا»)."""
    sides: set[str] = set()
    for m in mentions:
        ent = kb.entities.get(m.entity_id) if m.type in (*PARTY_MENTION_TYPES, "LOC") else None
        if ent is None or (ent.type == "LOC" and ent.subtype not in REGION_SUBTYPES):
            continue
        if (ent.type == "GPE" and ent.subtype == "country") or ent.type == "LOC":  # «لأفريقيا»: a region's states
            sides.add(ent.entity_id)
        elif ent.country:
            sides.add(_home(ent.entity_id, kb) or ent.country)
        elif ent.type == "ORG":
            sides.add(ent.entity_id)
    return sides


def _quoting_headline(r: Commitment) -> bool:
    """Does the headline quote someone: «X: …» before its cue («ترمب: اتفقت مع ماي»), or a call or hope, which
    is its subject's speech («رئيس مجلس الدولة يدعو …»)? A headline that quotes nobody has no speaker
    («الصين تعتزم تقديم قروض …»)."""
    head = r.sentence[: max(0, r.sentence.find(r.trigger))] if r.sentence else ""
    return HEADLINE_QUOTE in head or r.modality in SPEECH_MODALITIES


def _home(entity_id: str, kb: KnowledgeBase) -> str | None:
    """The id of the state a KB body, person or place belongs to, or None."""
    ent = kb.entities.get(entity_id)
    home = kb.country(ent.country) if ent is not None and ent.country else None
    return home.entity_id if home is not None else None


def _sides(parties: Sequence[Party], kb: KnowledgeBase) -> set[str]:
    """The parties and the states they belong to («قطر غاز» → Qatar too)."""
    homes = {_home(p.entity_id, kb) for p in parties}
    return {p.entity_id for p in parties} | {h for h in homes if h is not None}


def _reports(body: Commitment, headline: Commitment, kb: KnowledgeBase) -> bool:
    """Does a body record report the headline verb's act? A side in common, and the verb's skeleton in the
    body record's trigger or first action words («"قطر" تزود الصين» … «ستقوم قطر غاز بتزويد الصين»), or a
    figure both actions give («الصين تعزز نفوذها في أفريقيا بـ60 مليار دولار» … «ستقدم تمويلا بقيمة 60 مليار»)."""
    if not _sides(body.actors, kb) & _sides(headline.actors, kb):
        return False
    root = verb_skeleton(headline.trigger)
    words = [body.trigger, *body.action.split()[:HEADLINE_REPORT_WORDS]]
    if any(root in verb_skeleton(w) or root in normalize(w) for w in words):
        return True
    return bool(set(FIGURE_RE.findall(normalize(headline.action))) & set(FIGURE_RE.findall(normalize(body.action))))


def _action_end(norm: str, start: int, next_cue: int) -> int:
    """The action ends at the clause's end or before the next cue."""
    m = CLAUSE_END_RE.search(norm, start)
    end = min(m.start() if m else len(norm), len(norm))
    # coordinated cues: «ستدعم … وستدعم …» ends the first action before «و» of the next cue
    if next_cue < end:
        end = next_cue
        while end > start and norm[end - 1] in ACTION_TRAILING_JUNK:
            end -= 1
    return end
