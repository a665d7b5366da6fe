"""Speakers: the person whose words carry a commitment, as an ordered list of named strategies.

Per sentence (``sentence_speaker``):
- ``colon``: a sentence, a headline mostly, that opens with a person (his title at most) and a colon quotes him
  («ترمب: اتفقت مع ماي», «أردوغان لميركل: …»: not the person spoken to behind «لـ»);
- ``sentence``: a PER mention next to a reporting verb («قال لي إن», «وقال رئيس مجلس الدولة الصيني لي تشيانغ»);
- ``joint``: that person coordinated with others («أكد أردوغان والروسي بوتين والإيراني روحاني») is a joint
  statement: no speaker (guideline), and nothing is carried from the sentence before;
- ``short_name``: no mention, but the word right after the reporting verb is a word of the name of a person the
  article named before («ونوه وانغ» after «وانغ يي»): the recognizer often misses such short forms;
- ``title``: no name, but a title the article named a person with («وأضاف الرئيس الأميركي» after «الرئيس الأميركي
  #دونالد_ترمب»);
- ``institution``: a state or a body right after the verb («وقالت إيران», «وقالت "روساتوم" في بيان», a date
  between: «قالت الثلاثاء دولة الكويت»), or opening the sentence right before it («نيجيريا أشارت إلى أنها»,
  «وكانت واشنطن أعلنت»): it speaks, nobody is the record's speaker, its first person and the pronoun of its
  «إنها/أنه» are its own (media excepted: they quote others);
- ``official``: no name, but an office of a state right after the verb («وقال وزير الخارجية الإيراني في مقابلة»,
  «وقال المتحدث باسم الخارجية الصينية»): nobody is the record's speaker (the guideline's speaker is a person),
  but the state speaks, so its first person («سنواصل», «علينا») is that state's;
- ``carried``: the sentence goes on reporting the last speaker: it opens with a reporting verb («وأضاف أن»),
  or with «و/ف» and a first-person cue («وسنعمل»), or with a speech cue, a call or a hope («ودعا أيضا إلى»).
  A sentence that only opens with «و» («وستعمل الصين …», «ويعتزم كيري زيارة …») is the journalist's, and one whose
  reporting verb (past or present: «ويقول») has a new subject the recognizer did not read as a person
  («ويقول زهير، الناشط …», ``new_subject``) is somebody else's.
  (Tried and dropped: carrying the speaker into a sentence that goes on with a quotation left open before it;
  of 18 records it added on the two 300-article check sets, 4 were right: predictions, speech formulas and
  quoted third parties in the first person.)

Per cue (``cue_speaker``), before the sentence's speaker:
- ``cue_subject``: a speech-act cue (call, hope, a pledge verb «تعهد/وعد») whose subject is a person: that
  person speaks («دعا لي الجانبين», «لكن أردوغان تعهد», «شي يتطلع»);
- ``nearest``: of several reporting verbs in the sentence, the one nearest before the cue with a person after it
  («قال ترمب … بينما قال مستشاره جون بولتون إن الولايات المتحدة لا تتطلع»).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from tasks.commitments.anaphors import MEDIA_SUBTYPES
from tasks.commitments.arguments import to_norm
from tasks.commitments.constants import (
    OFFICIAL_TITLE_MAX_WORDS,
    SPEAKER_CUE_MAX_WORDS,
    SPEAKER_WINDOW,
    TITLE_MAX_WORDS,
    TITLE_NAME_WINDOW,
)
from tasks.commitments.cues import Cue
from tasks.commitments.lexicons import (
    COUNTERPART_HEADS,
    NON_SUBJECT_STARTS,
    OFFICE_TITLES,
    REPORTING_NOUNS,
    SPEAKER_CONTINUATIONS,
    SPEAKER_PRONOUN_COMPLEMENTIZERS,
    SPEECH_ACT_PLEDGE_STEMS,
    STATE_BODY_HEADS,
    SUBJECT_FIRST_OPENERS,
    TIME_BEFORE_WORDS,
    TITLE_CHAIN_WORDS,
    TITLE_FILLERS,
    TITLE_HEADS,
    UNNAMED_BODY_WORDS,
    UNNAMED_SOURCES,
)
from tasks.commitments.parties import MentionRef, Party, States, is_state
from tasks.commitments.patterns import (
    ADDRESSEE_RE,
    AR_COMMA,
    COMPLEMENTIZER_RE,
    CONJUNCTIONS,
    FIRST_PERSON_PLURAL_RE,
    FIRST_PERSON_PRONOUNS,
    LAM,
    PRESENT_REPORTING_RE,
    QAD,
    QUOTES,
    REPORTING_RE,
    TURN_RE,
    WA,
    WORD_PUNCTUATION,
    alternation,
)
from tasks.text.normalize import normalize

DEFINITE = "ال"
AN = "عن"  # «أعرب X عن أمله»: the person before it expresses the hope
TO = normalize("إلى")  # «وأشار إلى أن»: normalised, it starts like a definite noun
SPEECH_MODALITIES = ("call", "hope")  # cues that are themselves speech acts of their subject
_WORD_RE = re.compile(r"[^\W\d_]+")
COLON_SPEAKER_MAX_WORDS = 6  # «وزير الخارجية الروسي سيرغي لافروف:», «ترمب لـ"سي بي إس":»
COLON_OUTLET_MAX_WORDS = 4  # «لـ"سي بي إس"», «لقناة فوكس نيوز» between the person and the colon
UNNAMED = "unnamed"  # the speaker strategy of a sentence whose reporting verb has an unnamed source
OFFICIAL = "official"  # the strategy of an unnamed office of a state: the state speaks, no person
INSTITUTION = "institution"  # a state or body as the reporting verb's subject: it speaks, no person
# bodies whose reports quote others: their first person is not a party's voice
NON_VOICE_SUBTYPES = MEDIA_SUBTYPES | {"university", "think_tank"}
OFFICIAL_TITLE_WORDS = COUNTERPART_HEADS | TITLE_CHAIN_WORDS | TITLE_FILLERS  # «باسم», «الخارجية», «العام»
# words that open another phrase after an office: a person named after them is not its holder
OFFICIAL_PHRASE_BREAKS = frozenset(normalize(w) for w in ("مع", "خلال", "في", "عن", "أمام", "على", "عقب", "بعد", "قبل"))
FORMER_WORDS = frozenset(normalize(w) for w in ("السابق", "السابقة", "الأسبق"))  # a former holder speaks for nobody
_MIN_NAME_WORD = 3  # shorter name words («لي», «شي») are common words as well


def name_words(text: str, mentions: Sequence[MentionRef], states: States) -> dict[str, Party | None]:
    """Each word of the linked persons' names in the article → that person (None when two persons share it)."""
    out: dict[str, Party | None] = {}
    for m in mentions:
        if m.type != "PER" or m.entity_id not in states.canon:
            continue
        party = Party(m.entity_id, states.canon[m.entity_id])
        for w in _WORD_RE.findall(normalize(text[m.start : m.end])):
            if len(w) >= _MIN_NAME_WORD:
                out[w] = party if out.get(w, party) == party else None
    return out


def merge_persons(into: dict[str, Party | None], more: Mapping[str, Party | None]) -> None:
    """Add a word → person table to another: a word two persons share stands for none (None)."""
    for key, party in more.items():
        into[key] = party if into.get(key, party) == party else None


# an interview's headline: «وزير الخارجية البريطاني لـ«الشرق الأوسط»: …», «ياسين ل «الرياض»: …», «العاني لـ " الوطن
# " : …»; the speaker is X. SaudiNewsNet: 301 of 31,030 headlines match; of 20 read, 8 an outlet's interview, 6 a
# speaker addressing someone («وزير الداخلية البحريني لإيران:», the speaker still X), 6 with no speaker before the
# «ل» («اللجنة الدولية للصليب:»), where no person or title is found and nothing follows
INTERVIEW_TITLE_RE = re.compile(r"^(?P<who>[^:\n]{3,80}?)\s+لـ?\s*[«\"{“']?\s*[^:»\"}”'\n]{2,30}?\s*[»\"}”']?\s*:")
# first person words of a sentence that speaks for the interviewee's side («علينا أن نكون», «ونحن ملتزمون»)
# (normalised spellings: «إننا», «أنا» are «اننا», «انا»)
FIRST_PERSON_WORD_RE = re.compile(
    rf"(?<![\w])[وف]?(?:{alternation((*FIRST_PERSON_PRONOUNS, 'علينا', 'لدينا', 'بلادنا', 'حكومتنا'))})(?![\w])"
)


def interviewee(text: str, title: str | None, mentions: Sequence[MentionRef], states: States) -> Party | None:
    """The person an interview's headline names before «لـ<outlet>:»: a person mention there, else the person
    the article names after the same title («وزير الخارجية البريطاني» … «حوارا مع وزير الخارجية البريطاني فيليب
    هاموند»). His side speaks in the first person of the answers that name no other speaker."""
    if not title:
        return None
    m = INTERVIEW_TITLE_RE.match(title)
    if m is None:
        return None
    end = m.end("who")
    people = [x for x in mentions if x.type == "PER" and x.end <= end and x.entity_id in states.canon]
    if people:
        return _person(states, people[-1])
    who = " ".join(_WORD_RE.findall(normalize(m["who"])))
    return title_speakers(text, mentions, states).get(who)


def first_person_sentence(norm: str, cues: Sequence[Cue]) -> bool:
    """Does the sentence speak in the first person plural (a cue or a word: «سنواصل», «علينا», «نحن»)?"""
    return _first_person_cue(norm, cues) or bool(FIRST_PERSON_WORD_RE.search(norm))


def _first_person_cue(norm: str, cues: Sequence[Cue]) -> bool:
    """Is one of the cues a first person plural verb («سنواصل», «لن نسمح»)?"""
    return any(FIRST_PERSON_PLURAL_RE.match(norm[c[1] : c[2]].lstrip(CONJUNCTIONS)) for c in cues)


def title_speakers(text: str, mentions: Sequence[MentionRef], states: States) -> dict[str, Party | None]:
    """Each title a linked person was named after («الرئيس الأميركي» of «الرئيس الأميركي #دونالد_ترمب») → that
    person (None when the title named two persons): the title alone stands for the person later."""
    out: dict[str, Party | None] = {}
    for m in mentions:
        if m.type != "PER" or m.entity_id not in states.canon:
            continue
        before = _WORD_RE.findall(normalize(text[max(0, m.start - SPEAKER_WINDOW) : m.start]))[-TITLE_MAX_WORDS:]
        party = Party(m.entity_id, states.canon[m.entity_id])
        for k in range(len(before) - 1):
            words = before[k:]
            if words[0].lstrip(CONJUNCTIONS) in TITLE_HEADS or words[0] in TITLE_HEADS:
                key = " ".join([words[0].lstrip(WA) if words[0].lstrip(WA) in TITLE_HEADS else words[0], *words[1:]])
                out[key] = party if out.get(key, party) == party else None
    return out


def _title_speaker(norm: str, start: int, titles: Mapping[str, Party | None]) -> Party | None:
    """The person a title right after a reporting verb stands for («وأضاف الرئيس الأميركي»)."""
    words = _WORD_RE.findall(norm[start : start + SPEAKER_WINDOW])[:TITLE_MAX_WORDS]
    for k in range(len(words), 1, -1):
        found = titles.get(" ".join(words[:k]))
        if found is not None:
            return found
    return None


def _person(states: States, m: MentionRef) -> Party:
    return Party(m.entity_id, states.canon.get(m.entity_id) or m.entity_id)


def _joint(norm: str, index: Sequence[int], base: int, pick: MentionRef, people: Sequence[MentionRef]) -> bool:
    """Is the person joined by «و» to another person right after him («أردوغان والروسي فلاديمير بوتين»)?"""
    nxt = [m for m in people if m.start >= pick.end]
    if not nxt:
        return False
    at = {off + base: i for i, off in enumerate(index)}
    lo, hi = at.get(pick.end - 1), at.get(nxt[0].start)
    if lo is None or hi is None:
        return False
    gap = norm[lo + 1 : hi].replace(AR_COMMA, " ").split()
    return bool(gap) and gap[0].startswith(WA) and len(gap) <= 2  # «و» + at most a nisba («والروسي»)


def sentence_speaker(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], states: States,
    names: Mapping[str, Party | None], titles: Mapping[str, Party | None] | None = None,
) -> tuple[Party | None, str]:  # fmt: skip
    """(the sentence's speaker, the strategy) — ``sentence``, ``joint`` (None), ``short_name``, ``title`` or
    ``none``."""
    colon = _colon_speaker(norm, index, base, ments, states)
    if colon is not None:
        return colon, "colon"
    rep = TURN_RE.match(norm) or REPORTING_RE.search(norm)
    if not rep:
        return None, "none"
    people = [m for m in ments if m.type == "PER"]
    rep_orig = index[rep.start()] + base
    # the reporter stands between the verb and its «إن/أن»; a person in the reported clause is spoken of
    # («وذكر أن اجتماعه مع ماي تناول …»: not May)
    comp = COMPLEMENTIZER_RE.search(norm, rep.end())
    clause_orig = index[comp.start()] + base if comp is not None else None
    at = {off + base: i for i, off in enumerate(index)}
    # «قال لأبومازن», «قال لوكالة …»: a person spoken to is no speaker
    after = [m for m in people if m.start >= rep_orig and (clause_orig is None or m.start < clause_orig)
             and not (m.start in at and ADDRESSEE_RE.search(norm[: at[m.start]]))]  # fmt: skip
    before = [m for m in people if m.end <= rep_orig]
    titled = _title_speaker(norm, rep.end(), titles or {})
    if titled is not None and not (after and after[0].start - rep_orig < TITLE_NAME_WINDOW):
        return titled, "title"  # «وأكد الرئيس الأميركي …، شاكرا ماي»: the title is the verb's subject
    office = _official_state(norm, index, base, rep.end(), ments, states)
    if office is not None and not (after and after[0].start - rep_orig < SPEAKER_WINDOW and not any(
            w.strip(WORD_PUNCTUATION) in OFFICIAL_PHRASE_BREAKS
            for w in text_between(norm, index, base, office[1], after[0].start).split())):  # fmt: skip
        # «وقال الوزير الأمريكي خلال مؤتمر صحافي مع نظيره الياباني تارو كونو»: the office speaks, not the person
        # of another phrase; «وقال نائب سفير روسيا لدى الأمم المتحدة ديمتري بوليانسكي»: the name is the holder's
        return office[0], OFFICIAL
    body = _speaking_body(norm, index, base, rep.end(), ments, states)
    if body is not None:
        return body, INSTITUTION
    first_body = _body_before_verb(norm, index, base, rep.start(), ments, states)
    if first_body is not None and not (after and after[0].start - rep_orig < SPEAKER_WINDOW):
        return first_body, INSTITUTION  # «نيجيريا أشارت إلى أنها ستقدم ردها»: the body opens the sentence
    first = _WORD_RE.findall(norm[rep.end() : rep.end() + SPEAKER_WINDOW])[:1]
    if first and first[0] in UNNAMED_SOURCES and not (after and after[0].start - rep_orig < SPEAKER_WINDOW):
        return None, UNNAMED  # «وقال دبلوماسيون إن …», «وذكرت مصادر»: nobody named speaks, nor the last speaker
    pick = after[0] if after and (after[0].start - rep_orig) < SPEAKER_WINDOW else (before[-1] if before else None)
    if pick is not None:
        if _joint(norm, index, base, pick, people):
            return None, "joint"
        return _person(states, pick), "sentence"
    nxt = _WORD_RE.findall(norm[rep.end() : rep.end() + SPEAKER_WINDOW])
    if nxt and names.get(nxt[0]) is not None:
        return names[nxt[0]], "short_name"
    prev = _WORD_RE.findall(norm[max(0, rep.start() - SPEAKER_WINDOW) : rep.start()])[-1:]
    if prev and names.get(prev[0]) is not None:
        return names[prev[0]], "short_name"  # «لكن بكر قال:»: the short name before the verb (subject first)
    return None, "none"


def text_between(norm: str, index: Sequence[int], base: int, lo: int, hi: int) -> str:
    """The normalised text between two original offsets of the sentence."""
    return norm[to_norm(index, base, lo) : to_norm(index, base, hi)]


def _official_state(
    norm: str, index: Sequence[int], base: int, verb_end: int, ments: Sequence[MentionRef], states: States
) -> tuple[Party, int] | None:  # fmt: skip
    """The state whose office or body speaks after a reporting verb with no name («وقال وزير الخارجية الإيراني»,
    «وقال المتحدث باسم وزارة الخارجية الصينية», «أكدت الحكومة القطرية»): an office title or a state body opens
    the words, only title words lead to a state or a body of one, and no «السابق» makes the holder a former one."""
    for m in sorted(ments, key=lambda m: m.start):
        if m.type not in ("GPE", "ORG") or m.start < index[verb_end - 1] + base:
            continue
        lo, hi = to_norm(index, base, m.start), to_norm(index, base, m.end)
        words = [w.strip(WORD_PUNCTUATION) for w in norm[verb_end:lo].split()]
        if not words or len(words) > OFFICIAL_TITLE_MAX_WORDS \
                or not (_office_word(words[0]) or words[0] in STATE_BODY_HEADS) \
                or not all(_office_word(w) or w in OFFICIAL_TITLE_WORDS or w in STATE_BODY_HEADS for w in words):
            return None
        if norm[hi:].split()[:1] and norm[hi:].split()[0].strip(WORD_PUNCTUATION) in FORMER_WORDS:
            return None
        state = states.state(m.entity_id)
        return (state, m.end) if state is not None and is_state(state, states.kb) else None
    return None


def _speaking_body(
    norm: str, index: Sequence[int], base: int, verb_end: int, ments: Sequence[MentionRef], states: States
) -> Party | None:  # fmt: skip
    """The state or body right after a reporting verb («وقالت إيران», «وقالت الخارجية الصينية في بيان», «وقالت
    "روساتوم" في بيان»): it speaks, so its first person («سنواصل») is its own (a ministry's is its state's); not
    the media, whose reports quote others, nor a party spoken to («قال لإيران»)."""
    nxt = [m for m in ments if m.start >= index[verb_end - 1] + base]
    # «وقالت الثلاثاء دولة الكويت»: a date between the verb and its subject
    dates = [m for m in nxt if m.type == "DATE"]
    nxt = [m for m in nxt if m.type != "DATE"]
    if not nxt:
        return None
    m = min(nxt, key=lambda m: m.start)
    lo = to_norm(index, base, m.start)
    date_spans = [(to_norm(index, base, d.start), to_norm(index, base, d.end)) for d in dates]
    gap = _blanked(norm, verb_end, lo, date_spans)
    if m.type not in ("GPE", "ORG") or gap.strip(" " + QUOTES + AR_COMMA + ",") or norm[lo - 1 : lo].isalpha():
        return None
    return _voice(m, states)


def _body_before_verb(
    norm: str, index: Sequence[int], base: int, verb_start: int, ments: Sequence[MentionRef], states: States
) -> Party | None:  # fmt: skip
    """The state or body that opens the sentence right before its reporting verb («نيجيريا أشارت إلى أنها
    ستقدم ردها», «وكانت روسيا قد أعلنت أنها»): subject first, it speaks. Only opening words
    (lexicon ``subject_first_openers``) before it and only «قد» after it: a body further in is another phrase's
    («وزير خارجية نيجيريا أشار»: the minister speaks)."""
    prev = [m for m in ments if m.end <= index[verb_start] + base and m.type != "DATE"] if verb_start < len(index) \
        else []  # fmt: skip
    if not prev:
        return None
    m = max(prev, key=lambda m: m.end)
    lo, hi = to_norm(index, base, m.start), to_norm(index, base, m.end)
    if lo > 0 and norm[lo - 1] in WA + "ف" and not norm[lo - 2 : lo - 1].isalpha():
        lo -= 1  # «وروسيا أعلنت»: the conjunction the body's token carries
    if m.type not in ("GPE", "ORG") or norm[lo - 1 : lo].isalpha() or norm[hi : hi + 1].isalpha():
        return None
    between = [w.strip(QUOTES) for w in norm[hi:verb_start].split()]
    if any(w and w != QAD for w in between):
        return None
    opening = [w.strip(QUOTES + "-–*") for w in norm[:lo].split()]
    if not all(not w or w in SUBJECT_FIRST_OPENERS for w in opening):
        return None
    return _voice(m, states)


def _voice(m: MentionRef, states: States) -> Party | None:
    """The party a state or body mention speaks for: not the media, whose reports quote others."""
    ent = states.kb.entities.get(m.entity_id)
    if ent is None or ent.subtype in NON_VOICE_SUBTYPES:
        return None
    party = states.state(m.entity_id)
    voice = states.kb.entities.get(party.entity_id) if party is not None else None
    return party if voice is not None and (voice.type == "ORG" or is_state(party, states.kb)) else None


def _office_word(word: str) -> bool:
    """A title of office («وزير», «الوزير», «المتحدث», «سفير»), with or without the article."""
    bare = word.removeprefix(DEFINITE)
    return word in OFFICE_TITLES or bare in OFFICE_TITLES or DEFINITE + bare in OFFICE_TITLES


def _colon_speaker(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], states: States
) -> Party | None:  # fmt: skip
    """«ترمب: اتفقت مع ماي على …», «أردوغان لميركل: …», «لافروف لـ"روسيا اليوم": لن …»: a sentence (a headline,
    mostly) that opens with a person, his title at most, and then a colon quotes him; between him and the colon at
    most the outlet or person he spoke to behind «لـ». Not «زعيم المعارضة يتحدى أردوغان:», «مهاجما جوارديولا:»
    (the person is an object), nor a reporting verb's sentence (``sentence``)."""
    colon = norm.find(":")
    if colon < 0 or len(norm[:colon].split()) > COLON_SPEAKER_MAX_WORDS or REPORTING_RE.search(norm[:colon]):
        return None
    colon_orig = index[colon] + base

    before = [m for m in ments if m.end <= colon_orig]
    spans = [(to_norm(index, base, m.start), to_norm(index, base, m.end)) for m in before]
    for m, (lo, hi) in sorted(zip(before, spans, strict=True), key=lambda x: -x[1][0]):
        if m.type != "PER":
            continue
        gap = norm[hi:colon].split()
        if gap and not (gap[0].startswith(LAM) and len(gap) <= COLON_OUTLET_MAX_WORDS):
            return None
        if lo > 0 and norm[lo - 1].isalpha():
            continue  # «لميركل»: the person spoken to; the speaker comes before
        return _person(states, m) if _title_gap(norm, 0, lo, spans) else None
    return None


KAMA = "كما"  # «also» opening a sentence


def carries(norm: str, cues: Sequence[Cue]) -> bool:
    """Does the sentence go on reporting the last speaker? «كما» (also) before the reporting verb changes nothing
    («كما أضاف "…"», «كما أكد أنه …»)."""
    head = norm.lstrip()
    head = head[len(KAMA) :].lstrip() if head.startswith(KAMA + " ") else head
    present = PRESENT_REPORTING_RE.match(head)
    if present:
        nxt = head[present.end() :].split(maxsplit=1)[:1]
        if nxt and new_subject(nxt[0]):
            return False  # «ويقول زهير، الناشط …»: somebody else speaks
    rep = REPORTING_RE.match(head)
    if rep:
        # «وأكدت الأزمات الدولية في تقريرها أن …»: a definite noun right after the verb is a new subject (a
        # title, «وأضاف الرئيس الأميركي», is the same speaker named again)
        nxt = head[rep.end() :].split(maxsplit=1)[:1]
        if nxt and nxt[0].startswith(DEFINITE) and nxt[0] != TO and nxt[0] not in COUNTERPART_HEADS:
            return False
        if nxt and nxt[0] in UNNAMED_BODY_WORDS:
            return False  # «وأعلنت مجموعة صناعة السيارات …»: a body speaks now
        return not (nxt and new_subject(nxt[0]))
    first_person = _first_person_cue(norm, cues)
    if first_person and _closes_a_quote(head):
        return True  # «… وجرى تنفيذه...» / «سنرفض أيضا أي تصديق عليه".»: the rest of the speaker's quote
    if not (head.startswith(tuple(CONJUNCTIONS)) and cues):
        return False
    return first_person or any(not _subject_after_speech_cue(norm, c[2]) for c in _opening_speech_cues(norm, cues))


def _closes_a_quote(head: str) -> bool:
    """Does the sentence close a quote the sentence before opened (its first guillemet a closing one, or an odd
    number of «"» with no reporting verb before the first)?"""
    marks = [ch for ch in head if ch in "«»"]
    if marks:
        return marks[0] == "»"
    if head.count('"') % 2 == 1:
        return not REPORTING_RE.search(head[: head.index('"')])
    return False


def _opening_speech_cues(norm: str, cues: Sequence[Cue]) -> list[Cue]:
    """The call or hope (not a future) that is the sentence's first word («ودعا أيضا إلى», «وتأمل الحكومة»)."""
    head = norm.lstrip()
    opening = len(norm) - len(head) + len(head.split(maxsplit=1)[0]) if head else 0  # end of the first word
    return [c for c in cues if c[0] in SPEECH_MODALITIES and c[4] != "future" and c[1] < opening]


def opening_cue_title(norm: str, cues: Sequence[Cue], titles: Mapping[str, Party | None]) -> Party | None:
    """««وطالب» الرئيس الأمريكي بإدخال تعديل»: an opening call or hope whose subject is a title the article named
    a person with is that person's."""
    opening = _opening_speech_cues(norm, cues)
    return _title_speaker(norm, opening[0][2], titles) if opening else None


_OBLIQUE_END = "ين"  # «الجانبين», «الطرفين»: a dual or plural object of the call, not its subject


def _subject_after_speech_cue(norm: str, c_end: int) -> bool:
    """«و«تأمل» الحكومة الأرجنتينية», ««وطالب» الصندوق الأرجنتين»: a definite noun right after an opening call or
    hope is its subject, somebody new (not «ودعا الجانبين إلى», whose object it is)."""
    nxt = norm[c_end:].split(maxsplit=1)[:1]
    return bool(nxt) and nxt[0].startswith(DEFINITE) and nxt[0] != TO and not nxt[0].endswith(_OBLIQUE_END)


_PREPOSITION_PREFIXES = ("ل", "ب")  # «لوكالة», «بالقول»: a phrase, not a subject
_ADVERB_END = "ا"  # «قائلا», «مجددا»: an adverbial accusative
_MIN_SUBJECT_WORD = 3


def new_subject(word: str) -> bool:
    """Is the word right after a reporting verb a new subject the recognizer did not read as a person
    («ويقول زهير، الناشط …»)? Not when it is punctuation, a quote, a continuation word, a title head, a
    prepositional phrase or an adverb (lexicons.toml, speaker_continuations)."""
    word = word.rstrip(f"{AR_COMMA},:.؛")
    return (
        len(word) >= _MIN_SUBJECT_WORD and word.isalpha() and not word.startswith(_PREPOSITION_PREFIXES)
        and not word.endswith(_ADVERB_END) and word not in SPEAKER_CONTINUATIONS and word not in NON_SUBJECT_STARTS
        and word not in COUNTERPART_HEADS and word not in TITLE_FILLERS and word not in UNNAMED_SOURCES
        and not REPORTING_RE.fullmatch(word)
    )  # fmt: skip


def _speech_act(norm: str, cue: Cue) -> bool:
    modality, c_start, c_end, _polarity, strength = cue
    text = norm[c_start:c_end]
    if text[:1] in CONJUNCTIONS and not text.startswith(SPEECH_ACT_PLEDGE_STEMS):
        text = text[1:]  # «وتعهد», but «وعد» is the verb itself
    return (modality in SPEECH_MODALITIES and strength != "future") or (
        modality == "pledge" and text.startswith(SPEECH_ACT_PLEDGE_STEMS)
    )


def _title_gap(norm: str, lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Only a title stands between the cue and the person («دعا الرئيس الأميركي باراك أوباما»): at most
    SPEAKER_CUE_MAX_WORDS words, each a title word or inside a mention (a nisba); not «تأمل المستشارة الألمانية في
    إقناع ترامب», where the person is the object."""
    words = _blanked(norm, lo, hi, spans).replace(AR_COMMA, " ").replace(",", " ").split()
    return len(words) <= SPEAKER_CUE_MAX_WORDS and all(w in COUNTERPART_HEADS or w in TITLE_FILLERS for w in words)


def _blanked(norm: str, lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> str:
    """``norm[lo:hi]`` with the parts inside ``spans`` (mentions, in normalised positions) turned to spaces."""
    chars = list(norm[lo:hi])
    for s_lo, s_hi in spans:
        for i in range(max(s_lo, lo), min(s_hi, hi)):
            chars[i - lo] = " "
    return "".join(chars)


def _words(norm: str, lo: int, hi: int) -> list[str]:
    return [w for w in norm[lo:hi].replace(AR_COMMA, " ").split() if w not in TITLE_FILLERS]


def _after_pronoun_complementizer(norm: str, c_start: int) -> bool:
    """Is the cue right after «أنه/إنه/لكنه …», whose pronoun is its subject?"""
    words = norm[:c_start].split()
    return bool(words) and words[-1].lstrip(CONJUNCTIONS) in SPEAKER_PRONOUN_COMPLEMENTIZERS


# verbal nouns of reporting whose possessor speaks («إعلان الرئيس ترمب أن», «تصريحات بوتين بأن»)
NOMINAL_REPORT_RE = re.compile(rf"(?<![\w])[وب]?(?:{alternation(REPORTING_NOUNS)})\s")


# words that make the verbal noun after them the time of another event: background, no speaker of the cue
TIME_BEFORE_RE = re.compile(rf"(?<![\w])(?:{alternation(TIME_BEFORE_WORDS)})\s+$")


def cue_speaker(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], states: States, cue: Cue,
) -> tuple[Party | None, str]:  # fmt: skip
    """(the cue's own speaker, the strategy) — ``cue_subject``, ``joint`` (None: persons joined by «و» are the
    subject) or ``nearest`` — or (None, "") when the sentence's speaker holds."""
    _modality, c_start, c_end, _polarity, _strength = cue
    at = {off + base: i for i, off in enumerate(index)}
    located = [(at[m.start], at[m.end - 1] + 1, m) for m in ments if m.start in at and m.end - 1 in at]
    people = [p for p in located if p[2].type == "PER"]
    spans = [(lo, hi) for lo, hi, _m in located]
    if _speech_act(norm, cue):
        # right before the cue, or before «عن» of «أعرب/عبر X عن أمله»
        # («وكان رئيس الوزراء البريطاني ديفيد كاميرون قد وعد»: the particle of a past perfect stands between)
        before = [p for p in people if p[1] <= c_start
                  and norm[p[1] : c_start].split() in ([], [AN], [QAD])]
        # «وأنه حث ماي على»: the pronoun is the subject, the person after the verb its object
        pronoun_subject = _after_pronoun_complementizer(norm, c_start)
        after = [p for p in people if p[0] >= c_end and _title_gap(norm, c_end, p[0], spans) and not pronoun_subject]
        pick = before[-1] if before else after[0] if after else None
        if pick is not None:
            nxt = [p for p in people if p[0] >= pick[1]]
            gap = norm[pick[1] : nxt[0][0]].replace(AR_COMMA, " ").split() if nxt else []
            if gap and gap[0].startswith(WA) and len(gap) <= 2:  # «تعهد رؤساء تركيا أردوغان وروسيا بوتين …»
                return None, "joint"
            return _person(states, pick[2]), "cue_subject"
    reps = list(REPORTING_RE.finditer(norm[:c_start]))
    comp = COMPLEMENTIZER_RE.search(norm, reps[-1].end(), c_start) if len(reps) > 1 else None
    if comp is not None:
        # the subject of the nearest reporting verb stands between it and its «إن/أن»; of several persons
        # there, the last not spoken to («قال مستشار ترمب للأمن القومي، جون بولتون، لشبكة …، إن»)
        subj = [p for p in people if reps[-1].end() <= p[0] and p[1] <= comp.start()
                and not ADDRESSEE_RE.search(norm[: p[0]])]  # fmt: skip
        if subj:
            return _person(states, subj[-1][2]), "nearest"
    # «إعلان الرئيس ترمب أن الولايات المتحدة ستعلق …»: the person whose announcement holds the cue speaks, not
    # the one a later verb quotes («… انتقد من جمهوريين مثل ماركو روبيو، الذي قال»); not an announcement
    # recalled as the time of another event («بعد إعلان …», «في أعقاب إشارة بوتين إن …»)
    comps = list(COMPLEMENTIZER_RE.finditer(norm, 0, c_start))
    nominal = list(NOMINAL_REPORT_RE.finditer(norm, 0, comps[-1].start())) if comps else []
    after_time = nominal and TIME_BEFORE_RE.search(norm, 0, nominal[-1].start())
    if nominal and not after_time and not REPORTING_RE.search(norm, nominal[-1].end(), c_start):
        subj = [p for p in people if nominal[-1].end() <= p[0] and p[1] <= comps[-1].start()]
        if subj:
            return _person(states, subj[-1][2]), "announcement"
    return None, ""
