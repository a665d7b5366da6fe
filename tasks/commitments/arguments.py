"""Arguments of a cue: its actors (who commits) and counterparts (with whom), from the parties around it.

``arguments`` reads one cue in passes over a shared :class:`Clause`. Call, hope and obligation cues take
their addressee as actor; other cues take their subject, found by the first of ``SUBJECT_STRATEGIES`` that
applies, then refined by ``ACTOR_PASSES`` in order. Counterparts are the parties after the cue that a
preposition («مع», «لـ», «بين» …) joins to it, else the party the committed act concerns.

Provenance: every pass that decides something appends a ``key:value`` step to ``Clause.trace`` (the
``rule`` column of ``commitments``, assembled by the tagger): ``subject:<strategy>`` (the name of the
``SUBJECT_STRATEGIES`` function that applied, without ``_subject_`` / ``of_``; ``subject:none`` when none did),
``addressee:<first_person|group|between|near|subject|doc_parties>`` for call, hope and obligation (for a verbal call,
``_call_object``: ``object``, ``called_group``, ``caller``, ``joint``, or, for a candidate dropped,
``group_object``, ``no_act``, ``pronoun_object``, ``no_caller``, ``people_caller``, ``body_caller``),
``actor:<pass>`` for each of ``ACTOR_PASSES`` that changed the actors (its name without the leading ``_``), and
``counterpart:<preposition|lam|headed|target|group|object>`` (``+``-joined when several), ``counterpart:other_side``
or ``counterpart:action_party`` (fallbacks), or ``counterpart:none``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tasks.commitments.anaphors import MEDIA_SUBTYPES
from tasks.commitments.constants import (
    ADDRESSEE_GROUP_WORDS,
    ADDRESSEE_MAX_WORDS,
    ADDRESSEE_MODALITIES,
    ADDRESSEE_WINDOW,
    AFTER_COMPLEMENTIZER_MAX_WORDS,
    ANNOUNCER_MAX_WORDS,
    BEFORE_CUE_MAX_WORDS,
    BETWEEN_FAMILIES,
    BETWEEN_MAX_GAP,
    COUNTERPART_MAX_HEADS,
    COUNTERPART_WINDOW,
    DOC_PARTY_PAIR,
    GENITIVE_AGENT_EXCLUDED,
    GROUP_AFTER_CUE_WORDS,
    GROUP_AFTER_PREP_WORDS,
    GROUP_BEFORE_CUE_WORDS,
    HOPED_ACT_MAX_WORDS,
    MEETING_CALL_MAX_WORDS,
    NAMED_DOC_WINDOW,
    OBJECT_MAX_WORDS,
    ORGAN_WINDOW,
    PARTNER_MAX_WORDS,
    PARTNER_WITH_MAX_WORDS,
    PEOPLE_HEAD_WINDOW,
    QUOTE_OPENERS,
    QUOTED_CLAUSE_MIN_WORDS,
    REPORTER_MAX_WORDS,
    REPORTER_SUBJECT_MAX_WORDS,
    SIDE_MAX_WORDS,
    SIDE_WINDOW,
    SUBJECT_HEAD_WORDS,
    VSO_MAX_WORDS,
    WITH_WINDOW,
)
from tasks.commitments.families import FAMILY_BY_ID, LOOKUP, Form, lookup
from tasks.commitments.groups import GROUP_START_RE
from tasks.commitments.lexicons import (
    ACTION_PARTY_NOT_AFTER,
    AGENT_HEADS,
    BEFORE_CUE_CLAUSE_OPENERS,
    CALL_ACT_WORDS,
    CALL_OBJECT_HEADS,
    CALL_PREPOSITIONS,
    CALL_SKIP_WORDS,
    CALLED_MEETING_NOUNS,
    CALLER_BODY_HEADS,
    COUNTERPART_EACH_OF,
    COUNTERPART_HEADS,
    COUNTERPART_PREPOSITIONS,
    HARM_WORDS,
    MEETING_HOPE_NOUNS,
    NOMINAL_ADDRESSEE_STEMS,
    NON_SUBJECT_STARTS,
    NOT_ACT_WORDS,
    OBJECT_COUNTERPART_MODALITIES,
    OBJECT_NOT_AFTER,
    PARTNER_WORDS,
    PASSIVE_AGREEMENT_CUES,
    PLACE_PREPOSITIONS,
    PRONOUN_SUBJECTS,
    RELEASE_NOUNS,
    REQUEST_NOT_ACTS,
    SELF_WORDS,
    SIGNING_NOUNS,
    SPEAKER_PRONOUN_COMPLEMENTIZERS,
    SUBJECT_NOT_AFTER,
    TITLE_FILLERS,
    UNNAMED_BODY_WORDS,
    URGE_ACT_WORDS,
)
from tasks.commitments.meetings import met_before
from tasks.commitments.parties import (
    ARTICLE,
    POST_WORD,
    Located,
    MentionRef,
    Party,
    States,
    armed_group,
    coordinated,
    dedupe,
    group_parties,
    is_nisba,
    is_person,
    is_state,
    mention_parties,
)
from tasks.commitments.patterns import (
    ADDRESSEE_RE,
    ALA_NORM,
    ANNOUNCED_RE,
    AR_COMMA,
    BETWEEN_HIM_AND_RE,
    BETWEEN_RE,
    BI,
    CLAUSE_INITIAL_RE,
    CLAUSE_START_RE,
    COMPLEMENTIZER_RE,
    CONJUNCTIONS,
    COUNTERPART_PREP_RE,
    DUAL_PRONOUN,
    DUAL_VERB_END_RE,
    EARLIER_SIGNING_RE,
    FIRST_PERSON_DUTY,
    FIRST_PERSON_DUTY_RE,
    FIRST_PERSON_PLURAL_RE,
    FIRST_PERSON_PRONOUN_BEFORE_RE,
    FUTURE_RE,
    GROUP_PREP_RE,
    IN,
    LAM,
    LAM_BEFORE_RE,
    LATER_SIGNING_RE,
    LIL,
    MEASURE_ON_RE,
    NAMED_DOC_BEFORE_RE,
    NO_VSO_BEFORE_RE,
    ORGAN_OF_STATE_BEFORE_RE,
    PARTY_WORD_RES,
    PEOPLE_HEAD_BEFORE_RE,
    PLURAL_VERB_END_RE,
    QAD_BEFORE_RE,
    QUOTES,
    RELATIVE_BEFORE_RE,
    RELATIVE_WORD_RE,
    REPORTING_RE,
    SIDE_BEFORE_RE,
    SIGNED_DOC_WORD_RE,
    SIGNED_VERB_START,
    SIGNING_NOUN_PREFIXES,
    TARGET_PREP_RE,
    THIRD_PERSON_PREFIXES,
    WA,
    WITH_BEFORE_RE,
    WITH_RE,
    WORD_PUNCTUATION,
    alternation,
)
from tasks.entities.kb import KnowledgeBase
from tasks.text.normalize import normalize


@dataclass
class Clause:
    """One cue in its sentence: what every argument pass reads (positions are in the normalised sentence)."""

    norm: str
    c_start: int
    c_end: int
    a_end: int  # end of the action span
    modality: str
    states: States
    doc_parties: Sequence[Party]
    speaker: Party | None
    speaker_state: Party | None  # the state the speaker acts for (or the speaker)
    kb: KnowledgeBase
    parties: list[Located]  # the sentence's parties, less those inside a named agreement
    ends: dict[tuple[int, int], int]  # mention (start, end) → normalised end
    left_start: int  # start of the cue's clause: after the last «إن/أن» before the cue, or 0
    comp_word: str  # that complementizer, or ""
    left: list[Located] = field(default_factory=list)  # parties in the clause before the cue
    right: list[Located] = field(default_factory=list)  # parties between the cue and the action's end
    blocked: bool = False  # the clause's subject is not a party: not a commitment
    contrast: bool = False  # the clause opens with «لكن», «بينما» …: nothing ties it to the article's two sides
    trace: list[str] = field(default_factory=list)  # the passes that decided, as ``key:value`` steps
    form: Form | None = None  # the cue's family form (families.toml), when it is one
    doc_pos: int = 0  # the cue's offset in the document (the meetings named before it)
    callers: list[Party] = field(default_factory=list)  # a verb-first call's caller («دعا الرئيس الأميركي …»)

    def words_between(self, lo: int, hi: int) -> list[str]:
        """The words between two positions, title fillers left out."""
        return [w for w in self.norm[lo:hi].replace(AR_COMMA, " ").split() if w not in TITLE_FILLERS]

    def end_of(self, x: Located) -> int:
        """The normalised end of a located party's mention."""
        return self.ends.get((x[1].start, x[1].end), x[0])

    @property
    def pronoun_complementizer(self) -> bool:
        """Does the clause's complementizer carry its subject as a pronoun («أنه», «بأنها», «لكنه»)?"""
        return self.comp_word.lstrip(CONJUNCTIONS) in SPEAKER_PRONOUN_COMPLEMENTIZERS

    @property
    def first_person(self) -> bool:
        """Is the cue in the first person («سنعمل», «نسعى», «لن نسمح», «توافقنا»)? A family form says so
        unless the word is also a noun («امل»: I hope, or hope; «تعهدنا»: we pledged, or our pledge)."""
        words = self.cue_text.split()
        forms = LOOKUP.get(words[-1] if words else "", ())
        # «وقعنا»: «we signed» before «he signed us», the rarer reading of the same letters (not «اتفق»: «he
        # agreed» before «أتفق», I agree)
        if self.form is not None and (self.form.person == "1" or any(
                f.person == "1" and f.number == "plural" and f.form == "verb" and f.family == self.form.family
                for f in forms)):  # fmt: skip
            return not any(f.nominal for f in forms)
        if self.form is not None and self.form.form == "masdar_pronoun" and self.form.pronoun == OUR:
            return True  # «نعلن … استعدادنا», «التزامنا»: our readiness, our commitment
        if FIRST_PERSON_PLURAL_RE.match(self.cue_text.lstrip(CONJUNCTIONS)):
            return True
        if FIRST_PERSON_SINGULAR_FUTURE_RE.fullmatch(self.cue_text.lstrip(CONJUNCTIONS)):
            return True  # «سأوقع أمرا رئاسيا», «لن أسمح لإيران»: a future cue in the first person singular
        # a participle or adjective cue after «نحن/أنا» («نحن منفتحون ومستعدون للتعاون»)
        participle = self.form is None or self.form.form == "participle"
        return participle and bool(FIRST_PERSON_PRONOUN_BEFORE_RE.search(self.subject_span))

    @property
    def cue_text(self) -> str:
        """The cue's normalised text."""
        return self.norm[self.c_start : self.c_end]

    @property
    def subject_span(self) -> str:
        """The clause between its start and the cue, less a «لا» that negates the cue («إنها لا ترغب»: the
        complementizer's pronoun is still the subject)."""
        span = self.norm[self.left_start : self.c_start]
        return NEGATION_BEFORE_CUE_RE.sub("", span) if self.left_start < self.c_start else span

    @property
    def first_word(self) -> list[str]:
        """The clause's first word (a list of at most one); a quote mark that opens the clause is none («أكد ترامب
        أنه "يريد سحب القوات"»: the quote opens on the cue)."""
        words = self.subject_span.replace(AR_COMMA, " ").replace(",", " ").split()
        return [w for w in (w.strip(QUOTES) for w in words) if w][:1]

    @property
    def nominal_signing(self) -> bool:
        """Is the cue a signing noun («توقيع», «بتوقيع»), which has no subject of its own?"""
        return signing_noun(self.cue_text)


def signing_noun(cue_text: str) -> bool:
    """«توقيع», «بتوقيع»: the signing masdar."""
    return cue_text.lstrip(SIGNING_NOUN_PREFIXES).startswith(SIGNING_NOUNS)


def to_norm(index: Sequence[int], base: int, offset: int) -> int:
    """An original-text offset in normalised sentence coordinates (the first character at or after it). ``index``
    never decreases (normalisation maps characters in order), so a binary search finds it."""
    return bisect.bisect_left(index, offset - base)


COLON_SUBJECT_MAX_WORDS = 1  # words between a colon and the party that opens the clause after it («: "الصين»)


def _clause(
    norm: str, index: Sequence[int], base: int, c_start: int, c_end: int, a_end: int, modality: str,
    ments: Sequence[MentionRef], states: States, doc_parties: Sequence[Party], speaker: Party | None,
    kb: KnowledgeBase,
) -> Clause:  # fmt: skip
    """Locate the sentence's parties and the cue's clause."""
    parties = [(to_norm(index, base, m.start), m, p) for m, p in mention_parties(ments, states)]
    # a state inside a named agreement or process («اتفاق الجزائر», «محادثات أستانة») is not a party
    parties = [x for x in parties if not NAMED_DOC_BEFORE_RE.search(norm[max(0, x[0] - NAMED_DOC_WINDOW) : x[0]])]
    # «المعارضة التركية», «النساء المغربيات»: a state's nisba after a people head is no party
    parties = [x for x in parties if not (x[1].type == "GPE" and PEOPLE_HEAD_BEFORE_RE.search(
        norm[max(0, x[0] - PEOPLE_HEAD_WINDOW) : x[0]]))]  # fmt: skip
    # «المندوب الدائم للمملكة لدى الأمم المتحدة»: where an envoy serves is no party to what he does
    parties = [x for x in parties if norm[max(0, x[0] - NAMED_DOC_WINDOW) : x[0]].split()[-1:] != [POST_WORD]]
    ends = {(m.start, m.end): to_norm(index, base, m.end) for _, m, _ in parties}
    parties = [(_organ_start(norm, x, c_end, kb), x[1], x[2]) for x in parties]
    # the clause before the cue: back to the nearest إن/أن
    left_start = 0
    comp_word = ""
    for m in COMPLEMENTIZER_RE.finditer(norm[:c_start]):
        left_start, comp_word = m.end(), m.group()
    contrast = False
    for m in CLAUSE_START_RE.finditer(norm, left_start, c_start):
        left_start, comp_word, contrast = m.end(), "", True  # «…، لكن كل العقوبات ستدخل»: a clause of its own
    colon = norm.rfind(":", left_start, c_start)
    if colon >= 0 and any(colon < x[0] < c_start and len(norm[colon + 1 : x[0]].split()) <= COLON_SUBJECT_MAX_WORDS
                          for x in parties):  # fmt: skip
        # «سوريا: أنقرة وواشنطن تتفقان», «وقال X: "الصين مستعدة"»: a party right after a colon opens the cue's
        # clause; what stands before the colon is a topic or a speaker («إيران: نأمل» has no party after it)
        left_start, comp_word = colon + 1, ""
    speaker_state = states.state(speaker.entity_id) if speaker else None
    if speaker_state is None and speaker is not None:
        speaker_state = speaker
    return Clause(
        norm, c_start, c_end, a_end, modality, states, doc_parties, speaker, speaker_state, kb, parties, ends,
        left_start, comp_word, contrast=contrast, doc_pos=base + (index[c_start] if c_start < len(index) else 0),
        left=[(pos, m, p) for pos, m, p in parties if left_start <= pos < c_start],
        right=[(pos, m, p) for pos, m, p in parties if c_end <= pos < a_end],
    )  # fmt: skip


def _organ_start(norm: str, x: Located, c_end: int, kb: KnowledgeBase) -> int:
    """Where a state's party starts: at the head of a state organ named by where it sits («وتعتزم الجهات الرقابية
    في قطر وضع إطار»: the organs are Qatar, so the verb's subject starts at «الجهات»), else at its mention."""
    if x[1].type != "GPE" or not is_state(x[2], kb):
        return x[0]
    organ = ORGAN_OF_STATE_BEFORE_RE.search(norm, max(0, x[0] - ORGAN_WINDOW), x[0])
    if organ is None:
        return x[0]
    start = organ.start() + len(organ.group()) - len(organ.group().lstrip(CONJUNCTIONS))
    return x[0] if start < c_end <= x[0] else start  # never across the cue


# --- subject strategies: each returns (parties, only the speaker's state?) or None when it does not apply


def _named_pair(cl: Clause) -> list[Party]:
    """The two sides of a dual with no subject of its own: the last persons the sentence coordinates before the
    cue («قال كيري إن الرئيس الإيراني حسن روحاني ووزير خارجيته محمد جواد ظريف أوضحا أنهما مستعدان»: two
    Iranians, Iran), else the pair it names first, coordinated («التقى زعيم كوريا الشمالية كيم جونغ أون ورئيس
    كوريا الجنوبية مون جيه-إن … وتعهدا»), else the article's two sides."""
    before = [x for x in cl.parties if x[0] < cl.c_start]
    i, persons = 0, None
    while i < len(before):
        run = before[i : i + len(coordinated(cl.norm, before[i:], before[i][0], ends=cl.ends))]
        if sum(x[1].type == "PER" for x in run) >= 2:
            persons = dedupe([x[2] for x in run])
        i += len(run)
    if persons:
        return persons
    pair = dedupe(coordinated(cl.norm, before, before[0][0], ends=cl.ends)) if before else []
    return pair if len(pair) == 2 else list(cl.doc_parties)


def _subject_of_dual_complementizer(cl: Clause) -> tuple[list[Party], bool] | None:
    """«أنهما سيعززان»: the two sides."""
    if cl.comp_word.endswith(DUAL_PRONOUN) and cl.doc_parties:
        return _named_pair(cl), False
    return None


def _subject_group(cl: Clause) -> tuple[list[Party], bool] | None:
    """A group word at the clause's head, or right before the cue in a sentence without «إن/أن»
    («كما كرر القادة الثلاثة عزمهم»)."""
    words = cl.subject_span.split()
    head = " ".join(words[:SUBJECT_HEAD_WORDS])
    group = group_parties(head, cl.states, cl.doc_parties, cl.kb) or (
        group_parties(" ".join(words[-GROUP_BEFORE_CUE_WORDS:]), cl.states, [], cl.kb) if cl.left_start == 0 else []
    )
    quote = max(cl.norm.rfind(q, cl.left_start, cl.c_start) for q in QUOTE_OPENERS)
    if not group and quote >= 0:
        # the head of a quote the cue opens in («فرومان: «الدول المشاركة في المفاوضات قررت»)
        quoted = cl.norm[quote + 1 : cl.c_start].split()
        group = group_parties(" ".join(quoted[:SUBJECT_HEAD_WORDS]), cl.states, cl.doc_parties, cl.kb)
    return (group, False) if group else None


def _subject_relative_antecedent(cl: Clause) -> tuple[list[Party], bool] | None:
    """«والسلطة الفلسطينية التي تسعى إلى إقامة دولة», «قالت اليابان التي تسعى إلى التحقق»: a relative clause on a
    party re-describes its standing aim or state (further conventions 1): no record, ``[]`` (not «سواكن التي
    ستطورها تركيا», whose subject follows the verb). Unseen news: 10 of 11 such records wrong (dense A halves,
    fresh A, random1206); the one gold record of the kind («لقطرغاز، التي تسعى لتلبية الطلب», dev) is lost."""
    rel = RELATIVE_BEFORE_RE.search(cl.norm[: cl.c_start])
    owner = [x for x in cl.left if rel and cl.end_of(x) <= rel.start()
             and not cl.words_between(cl.end_of(x), rel.start())]  # fmt: skip
    if owner and not (cl.right and not cl.words_between(cl.c_end, cl.right[0][0])):
        return [], False
    return None


def _subject_genitive_agent(cl: Clause) -> tuple[list[Party], bool] | None:
    """A verbal noun with its agent in the genitive right after it: «تشدد على التزام المملكة المتحدة غير المشروط
    بأمن أوروبا», «مؤكدا "التزام بلادنا بالاستخدام الأمثل"», «استعداد الصين للعمل»: that party (for «بلاده»,
    the speaker's state), whatever the clause before the noun says. Not a noun with the article («الالتزام
    بالاتفاق») or a pronoun («التزامها»), which name no agent after them, nor a call or a signing (their own
    passes read the parties after them)."""
    form = cl.form
    if form is None or form.form != "masdar" or form.proclitic or cl.modality in GENITIVE_AGENT_EXCLUDED:
        return None
    nxt = cl.norm[cl.c_end :].lstrip(" " + QUOTES).split(maxsplit=1)
    if not nxt:
        return None
    if nxt[0].strip(WORD_PUNCTUATION) in SELF_WORDS:
        return ([cl.speaker_state], False) if cl.speaker_state is not None else None
    if cl.right and not cl.norm[cl.c_end : cl.right[0][0]].strip(" " + QUOTES):
        return coordinated(cl.norm, cl.right, cl.right[0][0], ends=cl.ends), False
    return None


def _subject_after_complementizer(cl: Clause) -> tuple[list[Party], bool] | None:
    """«إن الصين وقيرغيزستان ستعملان»: the parties right after «إن/أن»."""
    # not a party after another future verb of the clause: its object («إنها ستقاوم ترامب …، كما ستستهدف»)
    after_comp = [x for x in cl.left if len(cl.words_between(cl.left_start, x[0])) <= AFTER_COMPLEMENTIZER_MAX_WORDS
                  and not FUTURE_RE.search(cl.norm, cl.left_start, x[0])]
    if after_comp and not cl.comp_word and not cl.first_person and _quoted_clause(
            cl, cl.end_of(after_comp[0]), 0 if FUTURE_CUE_RE.match(cl.cue_text) else QUOTED_CLAUSE_MIN_WORDS):
        return None  # «وأضاف كيري "… التي أصبح الأتراك مستعدين": the speaker is not the subject of his quote
    if after_comp and _genitive_of_a_thing(cl, after_comp[0]):
        return None  # «أن قرار ترامب لن يخدم …، بل سيدفع»: the decision is the subject, Trump its genitive
    if after_comp and _nisba_of_a_thing(cl, after_comp[0]):
        return None  # «أن السلوكيات الإيرانية لن تزيد», «إن الطيران الهندي سيحظى»: a thing is the subject
    if after_comp:
        start = cl.left.index(after_comp[0])
        return coordinated(cl.norm, cl.left[start:], after_comp[0][0], ends=cl.ends), False
    return None


def _genitive_of_a_thing(cl: Clause, x: Located) -> bool:
    """Is the party the genitive of a noun that heads the clause («أن قرار ترامب», «أن ترجمة إيران», «أن مؤسسة
    الملك عبدالله»), not a title, a body or a verb before it («أن حكومة قطر», «أن تقود الولايات المتحدة»)? A noun
    without the article, in the construct state, that is no agent head."""
    if not cl.comp_word:
        return False  # a sentence's or a contrast clause's first word («أما السنغال») heads nothing
    words = [w.strip(WORD_PUNCTUATION) for w in cl.words_between(cl.left_start, x[0])]
    if len(words) != 1 or not words[0] or words[0].startswith(ARTICLE):
        return False
    word = words[0].removeprefix(WA) if len(words[0]) > MIN_CONSTRUCT_LETTERS else words[0]
    # «أن تقود الولايات المتحدة»: a verb before its subject, not a noun
    return word[:1] not in THIRD_PERSON_PREFIXES and word not in AGENT_HEADS


def _nisba_of_a_thing(cl: Clause, x: Located) -> bool:
    """Is the party a state's nisba on the noun that heads the clause, a noun that is no agent («أن السلوكيات
    الإيرانية», «إن الطيران الهندي»), not a body, a title or a side («أن الحكومة الإيرانية», «أن الجانب الصيني»)?"""
    if x[1].type != "GPE" or not cl.comp_word or not is_nisba(cl.kb, cl.norm[x[0] : cl.end_of(x)]):
        return False
    words = [w.strip(WORD_PUNCTUATION) for w in cl.words_between(cl.left_start, x[0])]
    if len(words) != 1 or not words[0].startswith(ARTICLE):
        return False
    return words[0] not in AGENT_HEADS and words[0].removeprefix(ARTICLE) not in AGENT_HEADS


def _quoted_clause(cl: Clause, start: int, min_words: int = QUOTED_CLAUSE_MIN_WORDS) -> bool:
    """Is the cue inside a quote that opens after ``start`` and has words of its own before the cue («وأضاف كيري
    "هذا الأمر … التي أصبح الأتراك مستعدين"»), not a quoted phrase that goes on with the speaker's sentence
    («وأكد أردوغان وبوتين وروحاني "عزمهم على"»)? A future verb opening the quote opens a clause of its own
    («وقال ليفين "سيغير هذا المشروع …"»: ``min_words`` 0)."""
    span = cl.norm[start : cl.c_start]
    opens = [i for i, ch in enumerate(span) if ch in QUOTE_OPENERS]
    if not opens:
        return False
    still_open = span.count('"') % 2 == 1 or span.count("«") > span.count("»") or span.count("“") > span.count("”")
    return still_open and len(span[opens[-1] + 1 :].split()) >= min_words


OUR = "نا"  # the possessive «our» on a verbal noun
MIN_CONSTRUCT_LETTERS = 3  # a «و» before a longer word is the conjunction («وحكومة»)
NEGATION_BEFORE_CUE_RE = re.compile(r"(?:(?<=\s)|^)[وف]?لا\s*$")  # «لا» right before the cue it negates
FIRST_PERSON_SINGULAR_FUTURE_RE = re.compile(r"(?:س|سوف\s+|لن\s+)ا\w{2,}")  # «سأوقع», «سوف أعمل», «لن أسمح»
FUTURE_CUE_RE = re.compile(r"[وف]?(?:س[يتن]|سوف\s|لن\s)")  # a third-person future verb cue (not «سن…»: first person)
FUTURE_VERB_START_RE = re.compile(r"(?:س[يتنا]|سوف\s|لن\s)")  # a future verb, any person, after its «و/ف»


def _subject_before_cue(cl: Clause) -> tuple[list[Party], bool] | None:
    """In a sentence without «إن/أن», the parties right before the cue («الصين ستعمل»), unless spoken to
    («لوكالة …»), followed by a relative pronoun or closed off by a comma."""
    # the particle «قد» of a past perfect is no word between («وكان … ديفيد كاميرون قد وعد»)
    limit = BEFORE_CUE_MAX_WORDS + (1 if QAD_BEFORE_RE.search(cl.norm, 0, cl.c_start) else 0)
    before_cue = [x for x in cl.left if len(cl.words_between(x[0], cl.c_start)) <= limit
                  and not ADDRESSEE_RE.search(cl.norm[: x[0]]) and not cl.norm.startswith(LIL, x[0])
                  and not RELATIVE_WORD_RE.search(cl.norm[x[0] : cl.c_start])]  # fmt: skip
    gap = cl.norm[cl.end_of(before_cue[-1]) : cl.c_start] if before_cue else ""
    if before_cue and _quote_opens(cl, cl.end_of(before_cue[-1]), gap) \
            and (before_cue[-1][1].type == "PER" or cl.modality not in ADDRESSEE_MODALITIES):
        # «وقال ليفين "سيغير هذا المشروع …"»: the person before the quote speaks it; «وكتب على تويتر "لا نريد»,
        # «لهاته الإيرانيات "ابقين ملتزمات»: a quote opens a clause of its own. A call's addressees may stand
        # before the quote of the call («من التصعيد بين إيران وإسرائيل و"ندعو للحوار"»).
        return None
    if before_cue and (set(gap.split()) & BEFORE_CUE_CLAUSE_OPENERS or _conjoined_future(cl, gap)):
        return None
    if before_cue and any(c in gap for c in (AR_COMMA, ",", ":")):
        # «وخلال المحادثات، برئاسة الاتحاد الأوروبي، سيسعى المسؤولون الإيرانيون»: a comma closes a fronted
        # phrase; its party is not the verb's subject (check sets and gold: 3 of 3 such records wrong)
        return None
    if before_cue and cl.left_start == 0:
        last = cl.left.index(before_cue[-1]) + 1
        return coordinated(cl.norm, cl.left[:last], cl.c_start, backwards=True, ends=cl.ends), False
    return None


def _quote_opens(cl: Clause, start: int, gap: str) -> bool:
    """Does a quote open in the gap that starts at ``start``? A straight «"» opens one only after an even count
    of them (the «"» after «شركة "Vue» closes the name)."""
    if any(q in gap for q in QUOTE_OPENERS if q != '"'):
        return True
    return '"' in gap and cl.norm[:start].count('"') % 2 == 0


def _conjoined_future(cl: Clause, gap: str) -> bool:
    """«سيساعد هذا المجمع على تطوير السينما الصينية وسيعزز انفتاحها», «مع إسرائيل وسنقوم بالمزيد»: a future verb
    with «و/ف» right after a party starts the next clause; the party ends the one before."""
    rest = gap.lstrip()
    if rest:  # the trigger may leave its «و» in the gap: «الصينية و|سيعزز»
        return len(rest) == 1 and rest in CONJUNCTIONS and bool(FUTURE_VERB_START_RE.match(cl.norm, cl.c_start))
    return cl.norm[cl.c_start : cl.c_start + 1] in CONJUNCTIONS \
        and bool(FUTURE_VERB_START_RE.match(cl.norm, cl.c_start + 1))


THIRD_PERSON_COUNTRY_WORDS = frozenset(normalize(w) for w in ("بلاده", "بلادها", "بلده", "بلدها"))  # his/her country


def _subject_self_word(cl: Clause) -> tuple[list[Party], bool] | None:
    """«بلاده», «نحن» as subject: the subject of the last reporting verb before «إن/أن» («قال وزير
    الخارجية الأمريكي إن بلاده»); none there («وأكد أن الصين …، مضيفا أن بلاده»): the speaker's state."""
    first = cl.first_word
    if not (first and first[0] in SELF_WORDS):
        return None
    reps = list(REPORTING_RE.finditer(cl.norm[: cl.left_start]))
    rep = reps[-1] if reps else None
    reporter = [x for x in cl.parties if rep and rep.end() <= x[0] < cl.left_start
                and len(cl.words_between(rep.end(), x[0])) <= REPORTER_MAX_WORDS]  # fmt: skip
    if reporter and cl.states.state(reporter[0][1].entity_id):
        return [reporter[0][2]], False
    if cl.speaker_state is not None:
        return [cl.speaker_state], False
    # no reporting verb the speaker rules know («ظريف، استغل فرصة اللقاءات … ليؤكد … أن بلاده تسعى»): his or her
    # country is the state of the one person the sentence names before the clause
    if first[0] in THIRD_PERSON_COUNTRY_WORDS:
        people = dedupe([x[2] for x in cl.parties if x[0] < cl.left_start and x[1].type == "PER"
                         and is_state(x[2], cl.kb)])  # fmt: skip
        if len(people) == 1:
            return people, False
    return None


def _subject_reporter(cl: Clause) -> tuple[list[Party], bool] | None:
    """«وأعلنت إسرائيل أنها سترفع الحظر», «السعودية أوضحت أنها مستعدة»: a complementizer that carries the
    subject as its pronoun, after a reporting verb whose subject is a state or a body: that party (a person
    there is the speaker, whose state ``speaker_state`` gives)."""
    if not cl.pronoun_complementizer or cl.subject_span.strip():
        return None
    reps = list(REPORTING_RE.finditer(cl.norm[: cl.left_start]))
    if not reps:
        return None
    end = reps[-1].end()
    reporter = [x for x in cl.parties if end <= x[0] < cl.left_start]
    between = cl.words_between(end, cl.left_start - len(cl.comp_word))
    if between and _unnamed_body(between[0]):
        # «وأعلنت مجموعة صناعة السيارات الفرنسية "بي إس إيه" أنها ستنسحب»: the body is the subject, by its name
        # when the sentence gives one (not the state of its nisba); «وقالت جماعات لحقوق المهاجرين إنها ستقاوم»:
        # a body no party names, for which the speaker's state is no guess
        named = [x for x in reporter if x[1].type == "ORG"]
        if named:
            return [named[-1][2]], False
        cl.blocked = True
        return [], False
    if not reporter:
        # SVO «إن "السعودية أوضحت أنها مستعدة"»: a state or a body right before the reporting verb; not before
        # «وأعلنت» (a new clause: «… مع إيران وأعلنت أنها»)
        verb = reps[-1].start()
        before = [x for x in cl.parties if cl.end_of(x) <= verb and not cl.words_between(cl.end_of(x), verb)]
        if (before and before[-1][1].type != "PER" and cl.norm[verb : verb + 1] not in CONJUNCTIONS
                and not between):  # fmt: skip
            return [before[-1][2]], False
        return None
    pos, mention, _ = reporter[0]
    # the verb's subject: right after it (a head word or a date at most), its complementizer right after the
    # subject (not «مع التلفزيون الإيراني … إنه», «مسؤول بالخزانة الأمريكية إنه», «منهمكة في إخبار العالم بأنها»)
    to_comp = cl.words_between(cl.end_of(reporter[0]), cl.left_start - len(cl.comp_word))
    if (mention.type == "PER" or cl.norm[pos - 1 : pos].isalpha()
            or len(cl.words_between(end, pos)) > REPORTER_SUBJECT_MAX_WORDS
            or len(to_comp) > REPORTER_SUBJECT_MAX_WORDS + 1 or ADDRESSEE_RE.search(cl.norm[:pos])):  # fmt: skip
        return None
    # «وأعلنت السلطات النقدية في كل من قطر وتركيا أنها وقعت»: the parties coordinated with it are the subject too
    return coordinated(cl.norm, reporter, pos, ends=cl.ends), False


def _unnamed_body(word: str) -> bool:
    """Is the reporting verb's subject a body or group of no party («مجموعة», «جماعات», «الشركة»), not a person
    («المتحدث», «مسؤول»), a preposition or a time word?"""
    return word.strip(WORD_PUNCTUATION).removeprefix(WA) in UNNAMED_BODY_WORDS


def _subject_first_person(cl: Clause) -> tuple[list[Party], bool] | None:
    """First person plural («سنعمل», «نسعى», «توافقنا»): the speaker's state."""
    if cl.first_person and cl.speaker_state is not None:
        return [cl.speaker_state], False
    return None


def _subject_not_a_party(cl: Clause) -> tuple[list[Party], bool] | None:
    """A subject that is not a party («الشراكة ستحقق»): not a commitment (blocks the obligation fallback)."""
    first = cl.first_word
    if cl.left_start > 0 and first and first[0] not in PRONOUN_SUBJECTS and first[0] not in NON_SUBJECT_STARTS:
        cl.blocked = True
        return [], False
    return None


def _subject_pronoun_before_cue(cl: Clause) -> tuple[list[Party], bool] | None:
    """«أكد ترامب أنه "يريد سحب القوات الأمريكية من سوريا"»: the complementizer's pronoun, right before the cue
    (a quote mark at most between), is the subject; the parties after the verb are its object, not its subject."""
    if cl.speaker_state is None or not cl.pronoun_complementizer or cl.first_word or cl.left_start == 0:
        return None
    return [cl.speaker_state], True


def _subject_after_verb(cl: Clause) -> tuple[list[Party], bool] | None:
    """Verb-subject-object: «وقعت الصين وقيرغيزستان», «اتفق الرئيس شي …». Not right after a complementizer that
    carries the subject as its pronoun («أعلن نتنياهو أنه سيواصل منع إيران»: Iran is the object)."""
    if cl.pronoun_complementizer and not cl.subject_span.strip():
        return None
    if cl.first_person:
        return None  # «"سنواصل العمل مع روسيا"»: a first-person verb carries its subject; the party after it is
        # its object or the partner of its act
    if PLURAL_VERB_END_RE.search(cl.cue_text):
        return None  # «إنهم سيواصلون معركتهم ضد الولايات المتحدة»: a verb before its subject is singular; a plural
        # one carries its subject as a pronoun, and the party after it is its object
    between = cl.words_between(cl.c_end, cl.right[0][0]) if cl.right else []
    if cl.right and len(between) <= VSO_MAX_WORDS and not set(between) & SUBJECT_NOT_AFTER:
        return coordinated(cl.norm, cl.right, cl.c_end, ends=cl.ends), False
    return None


def _subject_group_after_cue(cl: Clause) -> tuple[list[Party], bool] | None:
    """«ويعتزم الجانبان», «توصل الجانبان إلى توافق»."""
    group = group_parties(" ".join(cl.norm[cl.c_start :].split()[:GROUP_AFTER_CUE_WORDS]), cl.states,
                          cl.doc_parties, cl.kb)  # fmt: skip
    return (group, False) if group else None


def _subject_of_dual_verb(cl: Clause) -> tuple[list[Party], bool] | None:
    """A dual verb with no named subject: the two sides (not «توافقنا», we agreed, which ends like one)."""
    if DUAL_VERB_END_RE.search(cl.cue_text) and cl.doc_parties and not cl.first_person:
        return _named_pair(cl), False
    return None


def _subject_speaker_state(cl: Clause) -> tuple[list[Party], bool] | None:
    """Nothing else: the speaker's state, marked as a fallback, but only in a clause whose complementizer
    carries the speaker as its pronoun («قال أوباما إنه سيستخدم حقه»); elsewhere a cue with no subject of its
    own is a prediction, an impersonal or a nominal cue, not the speaker's commitment."""
    if cl.speaker_state is None or not cl.pronoun_complementizer:
        return None
    return [cl.speaker_state], True


SubjectStrategy = Callable[[Clause], tuple[list[Party], bool] | None]
# tried in this order; the first that applies gives the subject
SUBJECT_STRATEGIES: tuple[SubjectStrategy, ...] = (
    _subject_of_dual_complementizer,
    _subject_genitive_agent,
    _subject_group,
    _subject_relative_antecedent,
    _subject_after_complementizer,
    _subject_before_cue,
    _subject_self_word,
    _subject_reporter,
    _subject_first_person,
    _subject_not_a_party,
    _subject_pronoun_before_cue,
    _subject_after_verb,
    _subject_group_after_cue,
    _subject_of_dual_verb,
    _subject_speaker_state,
)


def subject(cl: Clause) -> tuple[list[Party], bool]:
    """The subject of the cue: (parties, True) when only the speaker's state is left; ([], False) when the
    subject is not a party."""
    for strategy in SUBJECT_STRATEGIES:
        found = strategy(cl)
        if found is not None:
            cl.trace.append(f"subject:{strategy_name(strategy)}")
            return found
    cl.trace.append("subject:none")
    return [], False


def strategy_name(fn: Callable[..., object]) -> str:
    """A strategy's or pass's name in ``rule``: its function name without ``_subject_`` / ``of_`` / ``_``
    (``_subject_of_dual_verb`` → ``dual_verb``, ``_clause_initial_vso`` → ``clause_initial_vso``)."""
    return fn.__name__.removeprefix("_").removeprefix("subject_").removeprefix("of_")


# --- calls: the party whose act is requested


CALL_FAMILIES = ("call", "demand", "urge", "request", "appeal")
CALL_SUBJECT_MAX_WORDS = 2  # a noun subject between a call verb and its object («دعا التقرير الرياض»)
# a joint act («جهود مشتركة», «التعاون الثنائي», «معا») asked with no object is asked of both sides
JOINT_ACT_RE = re.compile(
    r"(?<![\w])(?:(?:جهود|جهودا|العمل|عمل)\s+(?:ال)?مشترك[ه]?|(?:ال)?ثنا[ئي]ي[ه]?|معا|الجانبين|البلدين|الطرفين)(?![\w])"
)
_ATTACHED_PREPOSITIONS = ("ل", "ب", "ك")  # a party written with one of these is not the object
_ACT_PREFIXES = {"demand": ("ب", "ل"), "request": ("ب", "ل"), "appeal": ("ب", "ل")}  # «طالب X بـ…», «طلب منه بـ…»


# a plural demonym in the nominative, a people («الفلسطينيون», «العراقيون»), no party (guideline: peoples are not
# annotated); the «ـين» form after a call verb is its object
PEOPLE_RE = re.compile(r"[وف]?ال\w+يون")


def _call_form(cl: Clause) -> object | None:
    """The call family form of a verbal call cue («دعت», «يدعو», «داعيا», «طالب», «حث», «طلب»), else None
    (nominal cues, «بدعوة», keep the older reading)."""
    words = cl.cue_text.split()
    for f in lookup(words[-1]) if words else ():
        if f.family in CALL_FAMILIES and f.form in ("verb", "participle"):
            return f
    return None


_ASKED_MARK = "من"  # «طلب من X»: the one asked
_SENTENCE_END = ".؛;:!؟?"


def _after_asked(items: Sequence[tuple[int, str]]) -> bool:
    """Do the words so far end with «من» + a party (time words may follow it: «من طهران، الثلاثاء،»)?"""
    words = [w for _, w in items if w == _ASKED_MARK or w not in CALL_SKIP_WORDS or not w]
    k = len(words)
    while k and not words[k - 1]:
        k -= 1  # the party's words
    return 0 < k < len(words) and words[k - 1] == _ASKED_MARK


def _call_groups(cl: Clause, parties: Sequence[Located]) -> list[list[Located]]:
    """The parties in runs: «و» or a title joins two parties; two different parties side by side with no «و»
    are two noun phrases («دعت الولايات المتحدة والصين والهند أوبك»: the callers, then the called)."""
    groups: list[list[Located]] = []
    for x in parties:
        if groups:
            prev = groups[-1][-1]
            gap = cl.norm[cl.end_of(prev) : x[0]]
            words = [w.strip(WORD_PUNCTUATION) for w in gap.split()]
            words = [w for w in words if w and w not in TITLE_FILLERS]
            joined_by_wa = gap.strip().startswith(WA) or words == [WA] or (not words and gap.rstrip().endswith(WA))
            if (not words and (prev[2] == x[2] or joined_by_wa)) or (words == [WA]) or \
                    (not words and cl.norm[x[0] - 1 : x[0]] == WA):
                groups[-1].append(x)
                continue
        groups.append([x])
    return groups


def _called_group(cl: Clause, start: int, act: int, caller: Sequence[Party]) -> tuple[list[Party], str]:
    """A noun object of a call: a group («دعت إيران دول الخليج إلى», «دعا أوباما دول شرق أفريقيا التي …») stands
    for the members the article names (``called_group``); another noun («جميع الأطراف») for nobody."""
    callers = {p.entity_id for p in caller}
    members = [p for p in group_parties(cl.norm[start:act], cl.states, [], cl.kb) if p.entity_id not in callers]
    return (members, "called_group") if members else ([], "group_object")


def _call_object(cl: Clause) -> tuple[list[Party], str] | None:
    """The actor of a verbal call («دعا», «طالب», «حث», «طلب من»): the party whose act is requested, named as
    the verb's object before the word that opens the act («إلى», «لـ», «أن», «على» after «حث», «بـ» after
    «طالب»); with no object, the caller's state (a named subject, else the speaker's state when the verb's
    subject is a pronoun); ``[]`` when the object is a group or a noun that names no party («دعت إيران دول
    الخليج إلى», «فيدعوهم», «دعت جميع الأطراف إلى») or no word opens an act (not a call: «ودّعا كأس العالم»).
    None for a nominal cue."""
    form = _call_form(cl)
    if form is None:
        return None
    fam = form.family
    if form.pronoun:  # «فيدعوهم إلى»: the object is a pronoun
        return [], "pronoun_object"
    acts = CALL_ACT_WORDS | (URGE_ACT_WORDS if fam == "urge" else frozenset())
    at = {x[0]: x for x in cl.parties}
    ends = [(x[0], cl.end_of(x)) for x in cl.parties]
    act = None
    act_word = ""
    items: list[tuple[int, str]] = []  # the words between the cue and the act: (position, word)
    for m in re.finditer(r"\S+", cl.norm[cl.c_end :]):
        pos = cl.c_end + m.start()
        w = m.group().strip(WORD_PUNCTUATION)
        if any(s <= pos < e for s, e in ends) or (pos + 1 in at and m.group()[:1] in WORD_PUNCTUATION):
            items.append((pos, ""))  # a party's word
            continue
        if m.group()[:1] in ".؛;:!؟?" or (not w and m.group()[:1] in ".؛;!؟?"):
            break
        bare = w.lstrip(CONJUNCTIONS) if w[:1] == WA and w[1:] in acts else w
        # a noun governed by a preposition («في بيان», «عبر بيان») is no act, whatever it starts with
        after_prep = bool(items) and items[-1][1] in CALL_PREPOSITIONS
        if bare in acts or (len(w) > 3 and w not in NOT_ACT_WORDS and not after_prep
                            and w.startswith(_ACT_PREFIXES.get(fam, ("ل",)))):
            act, act_word = pos, bare
            break
        if fam == "request" and w and w not in CALL_SKIP_WORDS and w not in NOT_ACT_WORDS and _after_asked(items):
            if w.rstrip(_SENTENCE_END) in REQUEST_NOT_ACTS:
                return [], "comment_request"  # «طلبت بي بي سي من الوزارة التعليق»: the news asking for a comment
            act, act_word = pos, bare  # «طلبت الولايات المتحدة من تركيا تقديم …»: the verbal noun after the one asked
            break
        items.append((pos, w))
        if m.group()[-1:] in ".؛;!؟?":
            break
    if act is None:
        return [], "no_act"
    between = [x for x in cl.parties if cl.c_end <= x[0] < act]
    direct = []
    for x in between:
        prev_word = cl.norm[: x[0]].split()[-1:] if cl.norm[x[0] - 1 : x[0]].isspace() else []
        attached = "" if cl.norm[x[0] - 1 : x[0]].isspace() or x[0] == 0 else cl.norm[: x[0]].split()[-1]
        prep = bool(prev_word) and prev_word[0].strip(WORD_PUNCTUATION) in CALL_PREPOSITIONS and not _each_of(cl, x)
        if prep and fam == "request" and prev_word[0] == "من":
            prep = False  # «طلب من X أن»: «من» marks the one asked
        lam_al = cl.norm[x[0] : x[0] + 2] == LAM + LAM  # «للولايات المتحدة»
        if prep or lam_al or any(c in attached.lstrip(CONJUNCTIONS) for c in _ATTACHED_PREPOSITIONS):
            continue
        direct.append(x)
    groups = _call_groups(cl, direct)
    first_person = form.person == "1"
    # a dual or plural verb («دعوا», «يدعوان») carries its subject: the parties after it are its objects
    pronoun_subject = form.number in ("dual", "plural")
    participle = form.form == "participle"
    subject_before = _participle_subject(cl) if participle else _call_subject_before(cl)
    if fam == "request" and _passive_request(cl, form, subject_before):
        return [], "passive"  # «وطُلب من مونيز أن يكون …»: nobody named asks
    caller: list[Party] = []
    objects = groups
    start = cl.c_end
    # «طلب من أوباما الإذن», «طلبت من حلف شمال الأطلسي عقد اجتماع»: after «من» is the one asked, never the caller
    asked = fam == "request" and bool(groups) and cl.norm[: groups[0][0][0]].split()[-1:] == ["من"]
    if not (first_person or participle or pronoun_subject or subject_before is not None or asked) and groups:
        # verb first: the first noun phrase after it is the caller, when nothing but time words stands between
        # («دعت الصين»), or a noun its nisba names («دعت السلطات الكويتية»)
        lead = [w for p, w in items if p < groups[0][0][0] and w and w not in TITLE_FILLERS
                and w not in CALL_SKIP_WORDS and w != WA]  # fmt: skip
        first = groups[0][0]
        if _each_of(cl, first):
            lead = [w for w in lead if w != "كل"]  # «طالبت كل من بريطانيا وفرنسا وألمانيا بـ»: the subject
        nisba = is_nisba(cl.kb, cl.norm[first[0] : cl.end_of(first)])
        # «دعت العدل الدولية الاثنين السلطات الإماراتية إلى»: a noun subject, then the object's head and its nisba
        headed = nisba and len(lead) > 1 and lead[-1] in CALL_OBJECT_HEADS
        if headed and len(lead) - 1 <= CALL_SUBJECT_MAX_WORDS:
            start = groups[0][0][0]
        elif nisba and len(lead) == 1 and lead[0].lstrip(CONJUNCTIONS) in CALLER_BODY_HEADS and len(groups) == 1:
            return [], "body_caller"  # «دعت النقابات الأردنية إلى إضراب»: unions, not Jordan
        elif not lead or (nisba and len(lead) == 1):
            if all(x[1].type == "GPE" and PEOPLE_RE.fullmatch(cl.norm[x[0] : cl.end_of(x)]) for x in groups[0]):
                return [], "people_caller"  # «ويطالب الفلسطينيون بأن تكون القدس الشرقية عاصمة»: a people's stance
            caller, objects = [x[2] for x in groups[0]], groups[1:]
            start = cl.end_of(groups[0][-1])
            cl.callers = caller
        elif len(lead) <= CALL_SUBJECT_MAX_WORDS:
            start = groups[0][0][0]  # «ودعت المنظمة الرياض إلى»: a noun subject, then the object
    if objects:
        # the object comes first after the verb and its caller: a party after another noun is inside that
        # noun's modifiers («دول شرق أفريقيا التي تحارب حركة الشباب»)
        before = [w for p, w in items if start <= p < objects[0][0][0] and w and w not in CALL_OBJECT_HEADS]
        if _names_object(before):
            # a party right before the word that opens the act, after a phrase of circumstance, is still the object
            # («ودعا ماكرون خلال زيارة دولة قام بها … الأسبوع الماضي واشنطن إلى»)
            right_before = [g for g in objects if not [w for p, w in items if cl.end_of(g[-1]) <= p < act and w]]
            if caller and right_before and act_word in acts:  # an opener («إلى», «بـ»), not «لجنة» read as «لـ»
                return dedupe([x[2] for x in right_before[0]]), "object"
            return _called_group(cl, start, act, caller)
        return dedupe([x[2] for x in objects[0]]), "object"
    rest = [w for p, w in items if p >= start and w]
    if _names_object(rest):
        return _called_group(cl, start, act, caller)  # «دعت إيران دول الخليج إلى», «دعت جميع الأطراف إلى»
    subject = _act_subject(cl, act, act_word)
    if subject:
        return subject, "act_subject"  # «طالب الرئيس بأن تقترح فرنسا وبريطانيا …»: the act names its doer
    if JOINT_ACT_RE.search(cl.norm[act : cl.a_end]) and cl.doc_parties:
        return list(cl.doc_parties), "joint"  # «دعا شي إلى بذل جهود مشتركة»: both sides
    holder = _detaining_state(cl, act, caller or subject_before or ([cl.speaker_state] if cl.speaker_state else []))
    if holder:
        return holder, "detainer"  # «طالبت أوتاوا بالإفراج عن نشطاء … في المملكة»: the state that holds them
    if caller:
        return _states_only(cl, dedupe(caller))
    if subject_before is not None:
        return _states_only(cl, subject_before)
    if RELATIVE_BEFORE_RE.search(cl.norm[: cl.c_start]) or _noun_subject_before(cl):
        return [], "no_caller"  # «أيديولوجيا …، التي تدعو إلى», «رفع الأذان … يدعو للفرح»: no party calls
    if cl.speaker_state is not None and (first_person or participle or not _names_object(
            [w for p, w in items if w])):  # fmt: skip
        return _states_only(cl, [cl.speaker_state])
    return [], "no_caller"


# a call to release someone: the state holding him is asked, when the sentence names it (guideline: the party
# whose act is requested, even implicitly)
RELEASE_RE = re.compile(rf"(?<![\w])(?:الى\s+)?[بل]?(?:ال)?(?:{alternation(RELEASE_NOUNS)})")
RELEASE_MAX_WORDS = 4


def _detaining_state(cl: Clause, act: int, callers: Sequence[Party]) -> list[Party]:
    """«دعا ترامب إلى إطلاق سراحه، بينما تؤكد الحكومة التركية …», «طالبت إيران بالإفراج عن دبلوماسي إيراني
    محتجز في فرنسا»: the first state after the act, other than the caller's, when the act is a release; else
    the last one before the cue."""
    head = " ".join(cl.norm[act:].split()[:RELEASE_MAX_WORDS])
    if not RELEASE_RE.search(head):
        return []  # «طالبت أوتاوا بقوة بالإفراج»: an adverb may come first
    own = {p.entity_id for p in callers} | {
        (cl.states.state(p.entity_id) or p).entity_id for p in callers}  # fmt: skip
    others = [(pos, party) for pos, _m, party in cl.parties if party.entity_id not in own and is_state(party, cl.kb)]
    after = [party for pos, party in others if pos > act]
    before = [party for pos, party in others if pos < cl.c_start]
    return after[:1] or before[-1:]  # else the state the sentence names before («ما وصفته الرياض …»)


def _passive_request(cl: Clause, form: Form, subject_before: list[Party] | None) -> bool:
    """«طلب من X» with no subject before the verb in its clause and none between it and «من»: the passive
    «طُلب» (the vowels are not written), or a caller we cannot name; a third person singular perfect only."""
    if form.person != "3" or form.number != "singular" or form.tense != "past" or subject_before is not None:
        return False
    if cl.pronoun_complementizer:
        return False  # «أنه طلب من روحاني»: the complementizer's pronoun asks
    after = cl.norm[cl.c_end :].split()[:1]
    before = [w for w in cl.norm[cl.left_start : cl.c_start].split() if w not in (WA, "ف")]
    return after == ["من"] and not before


def _each_of(cl: Clause, x: Located) -> bool:
    """Is the party led by «كل من» (each of), which opens a coordinated subject, not a prepositional phrase?"""
    return cl.norm[: x[0]].split()[-2:] == ["كل", "من"]


_ACT_COMPLEMENTIZERS = ("ان", "بان", "الا", "بالا", "أن", "بأن", "ألا", "بألا")


def _act_subject(cl: Clause, act: int, act_word: str) -> list[Party]:
    """The parties named as the subject of the requested act when it is a clause of its own: «أن/بأن» + an
    imperfect verb + parties («بأن تقترح فرنسا وبريطانيا وألمانيا …»); [] otherwise."""
    if act_word not in _ACT_COMPLEMENTIZERS:
        return []
    rest = cl.norm[act:]
    m = re.match(r"\S+\s+([تي]\S{2,})\s+", rest)
    if m is None:
        return []
    start = act + m.end()
    run = [x for x in cl.parties if x[0] >= start]
    if not run or run[0][0] != start:
        return []
    groups = _call_groups(cl, run)
    return dedupe([x[2] for x in groups[0]])


def _states_only(cl: Clause, callers: list[Party]) -> tuple[list[Party], str]:
    """A call with no addressee is the caller's state's (or organisation's); a person with neither is not an
    actor."""
    kept = [p for p in callers if not is_person(p, cl.kb)]
    return (kept, "caller") if kept else ([], "no_caller")


def _noun_subject_before(cl: Clause) -> bool:
    """Does a noun that is no party stand before the verb in its clause («رفع الأذان في تونس يدعو»)?"""
    clause = re.split(r"[،,:\"«»“”(]", cl.norm[cl.left_start : cl.c_start])[-1]
    words = [w for w in clause.split() if w not in CALL_SKIP_WORDS and w not in TITLE_FILLERS
             and w.lstrip(CONJUNCTIONS) and w not in (WA, "ف")]  # fmt: skip
    return bool(words)


def _names_object(words: Sequence[str]) -> bool:
    """Is there a noun between the verb (and its caller) and the act, other than a prepositional phrase, a
    time word or a title?"""
    skip = False
    for w in words:
        if w in CALL_SKIP_WORDS or w in TITLE_FILLERS or w == WA:
            continue
        if skip:
            skip = False
            continue
        if w in CALL_PREPOSITIONS:
            skip = True
            continue
        if w.startswith(_ATTACHED_PREPOSITIONS) and len(w) > 3:
            continue
        return True
    return False


def _participle_subject(cl: Clause) -> list[Party] | None:
    """«…، داعيا إلى»: the participle's subject is the main clause's: a party right before it («وأعلنها وزير
    الخارجية جون كيري داعيا»), else the subject right after the sentence's first verb («وانتقد الرئيس الأميركي
    …، داعيا»), else the speaker's state."""
    near = [x for x in cl.parties if x[0] < cl.c_start and not cl.words_between(cl.end_of(x), cl.c_start)]
    if near:
        return [near[-1][2]]
    first = cl.parties[0] if cl.parties else None
    if first is not None and len(cl.words_between(0, first[0])) <= 1 and first[0] < cl.c_start:
        return [first[2]]
    return [cl.speaker_state] if cl.speaker_state is not None else None


def _call_subject_before(cl: Clause) -> list[Party] | None:
    """The caller named before the verb in its clause («الكويت تدعو», «أن X دعت»), or the speaker when the
    verb's subject is a complementizer's pronoun («وأنه حث ماي على»); None when the verb comes first."""
    found = _subject_before_cue(cl)
    last = cl.left[-1] if cl.left else None
    across_comma = last is not None and re.search(r"[،,:]", cl.norm[cl.end_of(last) : cl.c_start])
    if found is not None and found[0] and not across_comma:
        return found[0]  # not across a comma («مع الرئيس القازاقي توكاييف، دعا شي»)
    if cl.pronoun_complementizer and not cl.subject_span.strip() \
            and cl.speaker_state is not None:
        return [cl.speaker_state]
    return None


# --- addressees: the actors of call, hope and obligation cues


def _headed_partner(cl: Clause, pos: int) -> bool:
    """«مع نظيره الأمريكي», «مع الجانب الصيني»: «مع» and title or side words before the party, a partner (the
    words of a party between them are its title: «رفقة نظيره الأمريكي، دونالد ترامب»)."""
    return _word_before_heads(cl, pos, blank_parties=True) in PARTNER_WORDS


def _near_addressees(cl: Clause) -> list[Located]:
    """The parties near the cue that it addresses; a party after «مع» is a partner, not the addressee."""
    norm, c_end, right = cl.norm, cl.c_end, cl.right
    near = [x for x in right if len(cl.words_between(c_end, x[0])) <= ADDRESSEE_MAX_WORDS
            and not WITH_BEFORE_RE.search(norm[max(0, x[0] - WITH_WINDOW) : x[0]]) and not _headed_partner(cl, x[0])
            and not (cl.modality == "obligation" and _lam_attached(norm, x[0]))]  # fmt: skip
    # an obligation verb is impersonal («يجب أن تدفع قطر»): the first party after it is the one who must act,
    # never a verb-first subject as a caller's is
    verbal = cl.modality != "obligation" and not cl.cue_text.lstrip(WA).startswith(NOMINAL_ADDRESSEE_STEMS)
    if (verbal and near and right[0] == near[0] and len(cl.words_between(c_end, right[0][0])) <= VSO_MAX_WORDS
            and len(dedupe(coordinated(norm, right, right[0][0], ends=cl.ends))) == 1):  # not «يدعو X وY»
        # VSO «دعت السلطات الكويتية … سفير مانيلا إلى»: the first party after the verb is its subject,
        # the caller; a different state after it is the addressee
        k = 0
        while k < len(right) and right[k][2] == right[0][2]:
            k += 1
        rest = [x for x in near if x in right[k:]]
        if rest and cl.modality == "hope" and _own_act_after(cl, cl.end_of(right[k - 1])):
            return right[:k]  # «تأمل المستشارة الألمانية في إقناع ترامب»: Trump is the object of her own act
        if rest:
            near = rest
    return near


def _lam_attached(norm: str, pos: int) -> bool:
    """Is the party written with «لـ» attached («للمملكة», «لقطر»): of or for it, not the one who must act
    («يجب ألا تشمل الأقاليم الجنوبية للمملكة»)?"""
    return norm.startswith(LIL, pos) or (pos > 0 and norm[pos - 1] == LAM and (pos < 2 or norm[pos - 2].isspace()))


def _own_act_after(cl: Clause, pos: int) -> bool:
    """Does a verbal noun behind «في/بـ» follow the hope's subject («تأمل الحكومة في الوصول», «يأمل X بتحقيق»),
    the hoper's own act, not «أن» + another party's?"""
    words = cl.norm[pos : cl.a_end].replace(AR_COMMA, " ").split()[:1]
    return bool(words) and (words[0] == IN or (words[0].startswith(BI) and len(words[0]) > len(BI) + 2))


# a hope to meet («إلى/لـ/بـ» + a noun of meeting): the parties after it are met, the hoper acts
MEETING_HOPE_RE = re.compile(rf"\s+(?:الى\s+)?[لب]?(?:ال)?(?:{alternation(MEETING_HOPE_NOUNS)})(?![\w])")


def _hoped_act_subject(cl: Clause) -> list[Party]:
    """«تأمل المنظمات غير الحكومية والمجتمع المدني أن يحث أوباما …»: the party named as the subject of the hoped
    act, «أن» + an imperfect verb + the party, when «أن» comes within a few words of the cue in its clause."""
    for m in re.finditer(r"\S+", cl.norm[cl.c_end : cl.a_end]):
        if len(cl.words_between(cl.c_end, cl.c_end + m.start())) > HOPED_ACT_MAX_WORDS or m.group()[-1:] in ".؛;:!؟?،,":
            return []
        if m.group() in _ACT_COMPLEMENTIZERS:
            return _act_subject(cl, cl.c_end + m.start(), m.group())
    return []


# «إلى (عقد) اجتماع عاجل لمجلس الأمن»: a meeting asked for, then «لـ» + the body that is to meet (a day or an
# adjective or two between)
MEETING_OF_RE = re.compile(
    rf"(?:الي|ل|ب)\s*(?:عقد\s+)?(?:{alternation(CALLED_MEETING_NOUNS)})(?:\s+(?!ل)\S+){{0,3}}?\s+ل(?=\S)"
)


def _meeting_called(cl: Clause) -> list[Party]:
    """«دعت روسيا إلى اجتماع عاجل لمجلس الأمن»: the body whose meeting a call asks for is its actor, not the
    caller (the guideline's party whose act is requested)."""
    m = MEETING_OF_RE.search(cl.norm, cl.c_end, cl.a_end)
    if m is None or len(cl.words_between(cl.c_end, m.start())) > MEETING_CALL_MAX_WORDS:
        return []
    return [x[2] for x in cl.right if x[0] == m.end()][:1]


def _first_person_duty(cl: Clause) -> bool:
    """Is the obligation the speaker's own («علينا», «يجب علينا», «يجب أن نكون»)?"""
    return cl.cue_text.endswith(FIRST_PERSON_DUTY) or bool(FIRST_PERSON_DUTY_RE.match(cl.norm[cl.c_end : cl.a_end]))


UPON_CUE_RE = re.compile(rf"^[وف]?{ALA_NORM}\s")  # the obligation cue «على» + a party (tagger._upon_party_cues)


def _addressees(cl: Clause) -> tuple[list[Party], bool]:
    """The actors of a call, hope or obligation: a group near the cue, the parties it addresses, «بين X وY»,
    else the subject (hope, obligation) or the article's two sides («دعا شي إلى …»)."""
    inside = [x for x in cl.parties if cl.c_start < x[0] < cl.c_end]
    if cl.modality == "obligation" and inside and UPON_CUE_RE.match(cl.cue_text):
        # «على إيران أن تجد طرقا», «على قوات حزب العمال الكردستاني نقل …»: the party the cue names must act
        cl.trace.append("addressee:upon")
        return coordinated(cl.norm, inside, inside[0][0], ends=cl.ends), False
    window = cl.norm[cl.c_start : min(cl.a_end, cl.c_end + ADDRESSEE_WINDOW)]
    group = group_parties(" ".join(window.split()[:ADDRESSEE_GROUP_WORDS]), cl.states, cl.doc_parties, cl.kb)
    near = _near_addressees(cl)
    between = BETWEEN_RE.search(cl.norm[cl.c_end : cl.a_end])
    source = "group"
    if between and not group:
        pair = _between_parties(cl, cl.right, cl.c_end + between.end(), least=1)
        if pair:
            near = []
            group, source = pair, "between"
    him_and = BETWEEN_HIM_AND_RE.search(cl.norm, cl.c_end, cl.a_end)
    other = [x for x in cl.right if him_and and x[0] >= him_and.end()]
    if him_and and other and not group and cl.modality == "hope" and other[0][0] - him_and.end() < BETWEEN_MAX_GAP:
        # «وعبر كيري عن أمله في استكمال مناقشات سابقة بينه وبين لافروف»: an act of the hoper and X together
        own, _ = subject(cl)
        if own:
            cl.trace.append("addressee:between_self_and")
            return dedupe([*own, other[0][2]]), False
        cl.trace.pop()  # the subject step of a hoper that is no party: the strategies below decide
    if cl.modality == "obligation" and _first_person_duty(cl):
        # «علينا التحضير», «يجب أن نغير آليات الوضع في سورية»: the speaker's side must act, not the party
        # the act concerns; with no speaker, «we» is nobody the article names (a columnist's «علينا التمسك»)
        cl.trace.append("addressee:first_person")
        return ([cl.speaker_state] if cl.speaker_state is not None else []), False
    near = [x for x in near if not (x[1].type == "PER" and cl.speaker is not None
                                    and cl.states.state(x[1].entity_id) == cl.speaker_state)]  # fmt: skip
    if group:
        cl.trace.append(f"addressee:{source}")
        return group, False
    if cl.modality == "call":
        body = _meeting_called(cl)
        if body:
            cl.trace.append("addressee:meeting_of")
            return body, False
        called = _call_object(cl)
        if called is not None:
            cl.trace.append(f"addressee:{called[1]}")
            return called[0], False
    if near and cl.modality == "hope" and MEETING_HOPE_RE.match(cl.norm, cl.c_end):
        # «يتطلع للقاء قادة إيران», «أتطلع إلى لقاء كيم يونغ شول»: the hoper meets them, his own act
        cl.trace.append("addressee:own_meeting")
        return subject(cl)
    if near:
        cl.trace.append("addressee:near")
        return coordinated(cl.norm, cl.right[cl.right.index(near[0]) :], near[0][0], ends=cl.ends), False
    if cl.modality == "hope":
        act = _hoped_act_subject(cl)
        if act:
            cl.trace.append("addressee:act_subject")
            return act, False
        cl.trace.append("addressee:subject")
        return subject(cl)
    if cl.modality == "obligation":
        actors, fb = subject(cl)
        # the article's two sides only for a joint duty («الجانبين يعتقدان أنه من الضروري», «ينبغي بذل جهود
        # مشتركة»); an impersonal «يجب على الموظفين أن …» is nobody's (check sets: 2 of 16 such records right)
        if not (cl.blocked or cl.contrast) and (fb or not actors) and JOINT_ACT_RE.search(cl.norm):
            cl.trace.insert(-1, "addressee:doc_parties")
            return list(cl.doc_parties), False
        cl.trace.insert(-1, "addressee:subject")
        return actors, False
    cl.trace.append("addressee:doc_parties")
    return list(cl.doc_parties), False  # «دعا شي إلى …»: the addressees are the two sides


# --- actor passes after the subject (other modalities): each refines (actors, fallback)


def _clause_initial_vso(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """VSO «…، ستقوم قطر غاز بتزويد»: a clause-initial verb's subject is the party right after it. Not a
    people («لن يزيد السوريين»: an object), not after «التي»/«ما» or in a question."""
    norm, c_start, right = cl.norm, cl.c_start, cl.right
    if (not actors or fallback) and not cl.nominal_signing and right and not cl.words_between(cl.c_end, right[0][0]) \
            and CLAUSE_INITIAL_RE.search(norm[:c_start]) and not NO_VSO_BEFORE_RE.search(norm[:c_start]):
        first = right[0]
        surface = norm[first[0] : cl.end_of(first)]
        if not is_nisba(cl.kb, surface):
            return coordinated(norm, right, right[0][0], ends=cl.ends), False
    return actors, fallback


def _announcer(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«كشفت شركة قطر غاز، الأثنين، عن توقيع اتفاقية»: who announces the signing signs."""
    if not (cl.nominal_signing and (not actors or fallback)):
        return actors, fallback
    announced = ANNOUNCED_RE.search(cl.norm[cl.left_start : cl.c_start])
    if announced:
        verb_end = cl.left_start + announced.end("verb")
        subj = [x for x in cl.left if verb_end <= x[0] and len(cl.words_between(verb_end, x[0])) <= ANNOUNCER_MAX_WORDS]
        if subj:
            return coordinated(cl.norm, cl.left[cl.left.index(subj[0]) :], subj[0][0], ends=cl.ends), False
    return actors, fallback


def _signers_before_document(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«وقع الشيخ محمد بن زايد ولي عهد أبوظبي … والرئيس الروسي فلاديمير بوتين إعلان …»: every party named
    between the verb and the document (or statement) signs; not one named after it («وقع ترامب البيان المشترك
    الذي توصلت إليه دول مجموعة السبع»)."""
    c_end, right = cl.c_end, cl.right
    if cl.modality == "signed" and right and len(cl.words_between(c_end, right[0][0])) <= VSO_MAX_WORDS:
        doc_noun = SIGNED_DOC_WORD_RE.search(cl.norm, c_end, cl.a_end)
        stop = doc_noun.start() if doc_noun else cl.a_end
        with_ = WITH_RE.search(cl.norm[c_end:stop])  # «وقع X مع نظيره Y»: Y is the counterpart
        stop = c_end + with_.start() if with_ else stop
        signers = [p for pos, _m, p in right if pos < stop]
        if signers:
            return dedupe(signers), False
    return actors, fallback


def _signing_sides(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """Signatures through each side's representative: «وقعها من جانب المملكة وزير العمل» signs for Saudi Arabia,
    not for its minister; «ووقع [مندوب المملكة] على اتفاقية …، فيما وقعها من جانب ناميبيا مندوبها» is one signing
    by both sides, so the second verb makes no record of its own (GUIDELINE: representatives of each side)."""
    if cl.modality != "signed" or cl.nominal_signing:
        return actors, fallback
    sides = [x for x in cl.parties if x[0] >= cl.c_end
             and SIDE_BEFORE_RE.search(cl.norm, max(0, x[0] - SIDE_WINDOW), x[0])]  # fmt: skip
    if not sides:
        return actors, fallback
    own = len(cl.words_between(cl.c_end, sides[0][0])) <= SIDE_MAX_WORDS
    earlier = EARLIER_SIGNING_RE.search(cl.norm, 0, max(0, cl.c_start - 1))
    if own and LATER_SIGNING_RE.search(cl.norm, max(0, cl.c_start - SIDE_WINDOW), cl.c_start) and earlier:
        cl.blocked = True  # the other side's half of a signing the sentence already reported
        return [], False
    joined = [x for x in sides if (own and x is sides[0]) or _later_side(cl, x)]
    if not joined:
        return actors, fallback
    return dedupe([*(actors if not own else []), *(x[2] for x in joined)]), False


def _later_side(cl: Clause, x: Located) -> bool:
    """Is the side phrase before ``x`` the other side's («ومن جانب ناميبيا», «فيما وقعها من جانب ناميبيا»)?"""
    before = cl.norm[max(0, x[0] - SIDE_WINDOW) : x[0]]
    side = SIDE_BEFORE_RE.search(before)
    if side is None:
        return False
    head = before[: side.start()].rstrip(" ،,")
    verb = head.split()[-1:]
    return before[side.start() :].startswith(WA) or bool(
        verb and verb[0].startswith(SIGNED_VERB_START) and LATER_SIGNING_RE.search(head[: -len(verb[0])]))


def _nominal_signing_parties(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«بتوقيع اتفاق الجزائر» with no signer found: the article's two sides. Not when the clause's subject is
    something else («سيتمثل المشروع في توقيع …»: ``blocked``), nor when «بين» names signers that are no party
    («توقيع مذكرة تفاهم بين كل من مدينة الملك عبدالعزيز والشركة السعودية للكهرباء»), unless it names the
    sides («بين البلدين»); and only in a sentence that names one of the sides or «البلدين» («… التي وقع الأردن مع
    اسرائيل ملاحق … بالتوازي مع توقيع اتفاقية وادي عربة» is not the article's two sides)."""
    if not (cl.modality == "signed" and cl.nominal_signing and (fallback or not actors) and cl.doc_parties):
        return actors, fallback
    between = BETWEEN_RE.search(cl.norm, cl.c_end, cl.a_end)
    if cl.blocked or (between and not any(rx.match(cl.norm, between.end()) for rx in PARTY_WORD_RES)):
        return actors, fallback
    sides = {p.entity_id for p in cl.doc_parties}
    if not any(p.entity_id in sides for _, _, p in cl.parties) and not any(rx.search(cl.norm) for rx in PARTY_WORD_RES):
        return actors, fallback  # a sentence that names neither side nor «البلدين» signs for somebody else
    return list(cl.doc_parties), False


def _signed_between(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«توقيع اتفاقية بين X وY»: X and Y sign; «أبرمت صفقات تجارية بين الاتحاد الأوروبي وإيران»: X and Y
    conclude them."""
    signing = cl.modality == "signed" or (cl.form is not None and cl.form.family in BETWEEN_FAMILIES)
    between = BETWEEN_RE.search(cl.norm[cl.c_end : cl.a_end]) if signing else None
    if between and (fallback or not actors or cl.cue_text.startswith(SIGNING_NOUNS)):
        pair = _between_parties(cl, cl.right, cl.c_end + between.end())
        if pair:
            return pair, False
    return actors, fallback


def _between_parties(cl: Clause, items: Sequence[Located], pos: int, least: int = 2) -> list[Party]:
    """The parties named right after «بين» (``pos``: where its words start), joined («بين روسيا والنمسا»); none
    when fewer than ``least`` follow it or the first is not close to it."""
    pair = [x for x in items if x[0] >= pos]
    if len(pair) < least or pair[0][0] - pos >= BETWEEN_MAX_GAP:
        return []
    return coordinated(cl.norm, pair, pos, ends=cl.ends)


def _reciprocal_partner(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«أنه اتفق مع رئيسة وزراء بريطانيا», «توصل إلى اتفاق مع روسيا»: with a reciprocal cue (agreeing,
    reaching an agreement: families.toml) the party one agrees with agrees too, so it is an actor; «مع» must
    follow the cue closely, before what is agreed on («اتفقا على التعاون مع Y»: Y is no party to it)."""
    fam = FAMILY_BY_ID.get(cl.form.family) if cl.form else None
    if not (fam and fam.reciprocal and actors):
        return actors, fallback
    with_ = WITH_RE.search(cl.norm, cl.c_end, cl.a_end)
    if with_ is None:
        return actors, fallback
    # verb-subject-object: «اتفقت منظمة البلدان المصدرة للبترول (أوبك) مع روسيا»: «مع» follows the subject
    start = max([cl.c_end, *(cl.end_of(x) for x in cl.right if x[0] < with_.start() and x[2] in actors)])
    if len(cl.words_between(start, with_.start())) > PARTNER_WITH_MAX_WORDS:
        return actors, fallback
    partner = [x for x in cl.right if x[0] >= with_.end()
               and len(cl.words_between(with_.end(), x[0])) <= PARTNER_MAX_WORDS]  # fmt: skip
    if not partner:
        return actors, fallback
    joined = coordinated(cl.norm, cl.right[cl.right.index(partner[0]) :], partner[0][0], ends=cl.ends)
    both = dedupe([*actors, *joined])
    return (both, fallback) if both != actors else (actors, fallback)


def _meeting_side(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«توافقنا على تسريع بيع بعض الأسلحة», said by Kerry after «اجتماع مع نظرائه في مجلس التعاون الخليجي»: a
    first-person reciprocal cue with no partner of its own, said by one side of a meeting, is both sides'
    (guideline: «اتفقنا» said by one side of a meeting → both parties of that meeting)."""
    fam = FAMILY_BY_ID.get(cl.form.family) if cl.form else None
    if not (fam and fam.reciprocal and cl.first_person and cl.speaker_state is not None
            and actors == [cl.speaker_state]):  # fmt: skip
        return actors, fallback
    met = [p for p in met_before(cl.states, cl.doc_pos) if p != cl.speaker_state]
    return (dedupe([*actors, *met]), fallback) if met else (actors, fallback)


UPON_PRONOUNS = frozenset(normalize(w) for w in ("عليه", "عليها", "عليهما", "عليهم"))  # «تم الاتفاق عليه»


def _passive_agreement(cl: Clause, actors: list[Party], fallback: bool) -> tuple[list[Party], bool]:
    """«وتم الاتفاق … على تمديد العمل بالاتفاق الغازي بين روسيا والنمسا», «تم الاتفاق على توصية … بين البلدين»:
    a passive agreement names no subject; its parties are those after «بين» in the sentence (the article's two
    sides for «البلدين/الجانبين»), else nobody's; «تم الاتفاق عليه» re-mentions an agreement."""
    if cl.modality != "agreement" or cl.cue_text.lstrip(CONJUNCTIONS) not in PASSIVE_AGREEMENT_CUES:
        return actors, fallback
    nxt = cl.norm[cl.c_end :].split()[:1]
    if nxt and nxt[0].strip(WORD_PUNCTUATION) in UPON_PRONOUNS:
        return [], False
    for between in BETWEEN_RE.finditer(cl.norm, cl.c_end):
        pos = between.end()
        if any(rx.match(cl.norm, pos) for rx in PARTY_WORD_RES) and cl.doc_parties:
            return list(cl.doc_parties), False
        pair = _between_parties(cl, cl.parties, pos)
        if pair:
            return dedupe(pair), False
    return [], False


ActorPass = Callable[[Clause, list[Party], bool], tuple[list[Party], bool]]
# applied in this order to the subject of a pledge, intent, readiness, agreement or signing
ACTOR_PASSES: tuple[ActorPass, ...] = (
    _passive_agreement,
    _clause_initial_vso,
    _announcer,
    _signers_before_document,
    _signing_sides,
    _nominal_signing_parties,
    _signed_between,
    _reciprocal_partner,
    _meeting_side,
)


def _actors(cl: Clause) -> tuple[list[Party], bool]:
    """The subject of the cue, refined by the actor passes."""
    actors, fallback = subject(cl)
    for actor_pass in ACTOR_PASSES:
        before = (actors, fallback)
        actors, fallback = actor_pass(cl, actors, fallback)
        if (actors, fallback) != before:
            cl.trace.append(f"actor:{strategy_name(actor_pass)}")
    return actors, fallback


def _word_before_heads(cl: Clause, pos: int, blank_parties: bool = False) -> str | None:
    """The word before the title or side words (at most COUNTERPART_MAX_HEADS, and «كل من») that stand between the
    cue and a party at ``pos``; None when no such word stands right before the party. With ``blank_parties`` the
    words of the parties between are read as title words too («نظيره الأمريكي، دونالد ترامب»)."""
    chars = list(cl.norm[cl.c_end : pos])
    if blank_parties:
        for x in cl.parties:
            for i in range(max(x[0], cl.c_end), min(cl.end_of(x), pos)):
                chars[i - cl.c_end] = " "
    words = "".join(chars).replace(AR_COMMA, " ").split()
    k = 0
    while words and words[-1] in COUNTERPART_HEADS and k < COUNTERPART_MAX_HEADS:
        words.pop()
        k += 1
    if tuple(words[-len(COUNTERPART_EACH_OF) :]) == COUNTERPART_EACH_OF:  # «مع كل من جمهورية جيبوتي»
        del words[-len(COUNTERPART_EACH_OF) :]
        k += 1
    return words[-1] if k > 0 and words else None


def _headed_preposition(cl: Clause, pos: int) -> bool:
    """«مع الجانب القيرغيزي», «مع نظيره التركي»: a counterpart preposition, then only title or side words
    (at most COUNTERPART_MAX_HEADS), then the party."""
    return _word_before_heads(cl, pos) in COUNTERPART_PREPOSITIONS


def _counterparts(cl: Clause, actors: Sequence[Party]) -> list[Party]:
    """Parties after the cue behind a counterpart preposition or «لـ», directly or behind title or side words
    («مع الجانب القيرغيزي»: ``counterpart:headed``), with those joined to them («مع قيرغيزستان وطاجيكستان
    وتركمانستان»); never an actor."""
    actor_ids = {a.entity_id for a in actors}
    counterparts: list[Party] = []
    sources: set[str] = set()
    for i, (pos, _m, p) in enumerate(cl.right):
        if p.entity_id in actor_ids or p in counterparts:
            continue
        before = cl.norm[max(cl.c_end, pos - COUNTERPART_WINDOW) : pos]
        preposition = bool(COUNTERPART_PREP_RE.search(before))
        headed = not preposition and _headed_preposition(cl, pos)
        target = not (preposition or headed) and (bool(MEASURE_ON_RE.search(cl.norm[cl.c_start : pos]))
                                                 or _harmed(cl, pos) or _against(cl, pos, p))  # fmt: skip
        if preposition or headed or target or LAM_BEFORE_RE.search(before) or cl.norm[pos : pos + 1] == LAM:
            joined = [q for q in coordinated(cl.norm, cl.right[i:], pos, ends=cl.ends) if q.entity_id not in actor_ids]
            counterparts += joined
            if joined:
                sources.add("preposition" if preposition else "headed" if headed else "target" if target else "lam")
    if not counterparts:
        counterparts = _group_counterparts(cl, actor_ids)
        if counterparts:
            sources.add("group")
    if not counterparts and cl.modality in OBJECT_COUNTERPART_MODALITIES:
        counterparts = _object_counterpart(cl, actor_ids) or _group_object(cl, actor_ids)
        if counterparts:
            sources.add("object")
    if not counterparts and cl.modality in OBJECT_COUNTERPART_MODALITIES:
        counterparts = _other_side(cl, actor_ids)
        if counterparts:
            sources.add("other_side")
    if not counterparts:
        counterparts = _action_party(cl, actor_ids)
        if counterparts:
            sources.add("action_party")
    cl.trace.append(f"counterpart:{'+'.join(sorted(sources)) or 'none'}")
    return dedupe(counterparts)


# harm done to a party («لا نرغب في إلحاق الضرر بمصر», «لن يضر بمصر»): the party is the counterpart (lexicons:
# ``harm_words``)
HARM_WINDOW = 20


def _against(cl: Clause, pos: int, party: Party) -> bool:
    """Is the party the target of a hostile act («ضد إيران», «ضد محاولات إيران»), and no armed group?"""
    return bool(TARGET_PREP_RE.search(cl.norm, cl.c_end, pos)) and not armed_group(cl.kb, party)


def _harmed(cl: Clause, pos: int) -> bool:
    """Is the party written «بـ» + the party right after a word of harm?"""
    if cl.norm[pos - 1 : pos] != "ب":
        return False
    before = cl.norm[max(cl.c_end, pos - HARM_WINDOW) : pos - 1].split()[-1:]
    return bool(before) and before[0] in HARM_WORDS


def _object_counterpart(cl: Clause, actor_ids: set[str]) -> list[Party]:
    """The cue's direct object, or its masdar's («ستدعم بقوة قيرغيزستان», «ستواصل منح الصين دعما», «ستقوم قطر
    غاز بتزويد الصين»): the first party right after the cue or its subject, not behind a preposition of place
    or source («في الكويت», «من قيرغيزستان») nor attached to one («بقيرغيزستان»)."""
    start = cl.c_end
    for i, x in enumerate(cl.right):
        between = cl.words_between(start, x[0])
        if len(between) > OBJECT_MAX_WORDS:
            return []
        if x[2].entity_id in actor_ids:
            start = cl.end_of(x)  # VSO: the object comes after the subject
            continue
        if (x[0] > 0 and cl.norm[x[0] - 1].isalpha()) or (between and between[-1] in OBJECT_NOT_AFTER):
            return []
        return [q for q in coordinated(cl.norm, cl.right[i:], x[0], ends=cl.ends) if q.entity_id not in actor_ids]
    return []


def _other_side(cl: Clause, actor_ids: set[str]) -> list[Party]:
    """One of the article's two sides commits and its sentence names the other («سواكن السودانية التي ستطورها
    تركيا», «لا نرغب في إلحاق الضرر بمصر»): the other side is the counterpart."""
    sides = {p.entity_id for p in cl.doc_parties}
    if len(sides) != DOC_PARTY_PAIR or len(actor_ids) != 1 or not sides & actor_ids:
        return []  # «القمة الثلاثية تتعهد … في سوريا»: three actors are no side of a pair
    # a nisba after the action is the speaker's comment on a thing («…، معتبرا أن طهران تقف في وجه البلطجة
    # الأميركية»), not the other side named
    named = {y[2].entity_id for y in cl.parties if y[0] < cl.a_end or not is_nisba(cl.kb, cl.norm[y[0] : cl.end_of(y)])}
    return [p for p in cl.doc_parties if p.entity_id not in actor_ids and p.entity_id in named]


# agreements and signings name their partners with «مع», «بين», or as co-actors; a party in their action is what the
# agreement is about («اتفقت مع ماي على حظر نووي إيران»): never a counterpart (gold sets: 0 of 5 such)
ACTION_PARTY_NOT_MODALITIES = ("agreement", "signed")
ACTION_PARTY_MAX_WORDS = 6  # words between the cue (or the actor after it) and the party the act concerns


def _action_party(cl: Clause, actor_ids: set[str]) -> list[Party]:
    """The party the committed act concerns, named in the action with no preposition of its own («بضمان مصالح
    مصر», «حماية حقوق القطريين», «البقاء في الاتحاد الأوروبي», «شراء 250 طائرة من روسيا»): the first party
    after the cue that is no actor, with those joined to it."""
    if cl.modality in ACTION_PARTY_NOT_MODALITIES or not actor_ids:
        return []  # no actor yet (a coordinated cue takes the previous one's): no side to tell the other from
    # after the actors named after the cue («تدعو الإمارات إلى حماية حقوق القطريين»), not a caller before them
    # («ودعت الولايات المتحدة والصين والهند أوبك إلى …»)
    last = next((i for i, x in enumerate(cl.right) if x[2].entity_id in actor_ids), -1)
    while last >= 0 and last + 1 < len(cl.right) and cl.right[last + 1][2].entity_id in actor_ids:
        last += 1  # the first run of actors after the cue, not an actor named again further on
    start = cl.end_of(cl.right[last]) if last >= 0 else cl.c_end
    # the actors and a verb-first call's caller («دعا الرئيس الأميركي … دول شرق أفريقيا إلى»: who asks)
    own = actor_ids | {st.entity_id for a in actor_ids if (st := cl.states.state(a)) is not None}
    own |= {p.entity_id for p in cl.callers}
    for i, x in enumerate(cl.right[last + 1 :], last + 1):
        if x[2].entity_id in own or (cl.states.state(x[2].entity_id) or x[2]).entity_id in own:
            continue  # the actor's own state, body or company («لبيع 5% من أرامكو»), or the caller
        between = cl.words_between(start, x[0])
        if len(between) > ACTION_PARTY_MAX_WORDS:
            return []  # far in the action: a party of its circumstances («… مع حلفائها في أوروبا على بنود …»)
        if last >= 0 and (not between or between == [WA]):
            continue  # joined to the actors («بين الصين وقيرغيزستان وأوزبكستان»): one of the group, not concerned
        if cl.kb.subtype(x[1].entity_id) in MEDIA_SUBTYPES:
            continue  # «وفقا لوكالة شينخوا»: the source of the report
        if armed_group(cl.kb, x[2]):
            return []  # «القضاء على داعش», «بمحاربة تنظيم داعش»: a fight's target is no partner (gold sets: 0 of 6)
        before = cl.norm[: x[0]].split()[-1:]
        if x[1].type == "PER" or (before and (before[0] in PLACE_PREPOSITIONS or before[0] in ACTION_PARTY_NOT_AFTER)) \
                or cl.norm[x[0] - 1 : x[0]] == BI:
            return []  # «وقف إطلاق النار في سوريا», «بسوريا», «في شمال سوريا», «بشأن سورية»: a place or a topic
        return [q for q in coordinated(cl.norm, cl.right[i:], x[0], ends=cl.ends) if q.entity_id not in actor_ids]
    return []


def _group_object(cl: Clause, actor_ids: set[str]) -> list[Party]:
    """A group word as the cue's object («ستدعم بقوة دول آسيا الوسطى»): the members it stands for."""
    words = cl.norm[cl.c_end : cl.a_end].split()
    for skip in range(OBJECT_MAX_WORDS + 1):
        head = " ".join(words[skip : skip + GROUP_AFTER_PREP_WORDS])
        if GROUP_START_RE.match(head):
            return [p for p in group_parties(head, cl.states, [], cl.kb) if p.entity_id not in actor_ids]
    return []


LAM_WORD_RE = re.compile(rf"(?<![\w]){LAM}(?=\w)")


def _group_counterparts(cl: Clause, actor_ids: set[str]) -> list[Party]:
    """«مع دول آسيا الوسطى», «مع الدول الخمس», «لدول الخليج»: a group word right after a counterpart preposition
    stands for the members the article names (as for a group subject); never an actor."""
    starts = [m.end() for m in GROUP_PREP_RE.finditer(cl.norm, cl.c_end, cl.a_end)]
    # «بيع الأسلحة لدول الخليج»: the preposition «لـ» attached to the group word
    starts += [m.start() for m in LAM_WORD_RE.finditer(cl.norm, cl.c_end, cl.a_end)]
    for start in sorted(starts):
        head = " ".join(cl.norm[start:].split()[:GROUP_AFTER_PREP_WORDS])
        if not head:
            continue
        group = [p for p in group_parties(head, cl.states, [], cl.kb) if p.entity_id not in actor_ids]
        if group and (cl.norm[start] != LAM or GROUP_START_RE.match(head)):
            return group
    return []


def arguments(
    norm: str, index: Sequence[int], base: int, c_start: int, c_end: int, a_end: int, modality: str,
    ments: Sequence[MentionRef], states: States, doc_parties: Sequence[Party], speaker: Party | None,
    kb: KnowledgeBase, trace: list[str] | None = None, form: Form | None = None,
) -> tuple[list[Party], list[Party], bool]:  # fmt: skip
    """Actors and counterparts around a cue; ``True`` when the actor is only the speaker's state. The passes
    that decided are appended to ``trace`` when given (the record's provenance, ``rule``); ``form`` is the
    cue's family form (tasks.commitments.families), when it is one."""
    cl = _clause(norm, index, base, c_start, c_end, a_end, modality, ments, states, doc_parties, speaker, kb)
    cl.form = form
    actors, fallback = _addressees(cl) if modality in ADDRESSEE_MODALITIES else _actors(cl)
    actors = dedupe(actors)
    counterparts = _counterparts(cl, actors)
    if trace is not None:
        trace += cl.trace
    return actors, counterparts, fallback
