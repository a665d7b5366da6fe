"""Cues: the words of a sentence that state a commitment, with their modality, polarity and kind.

Five kinds, in the order they claim a span: a negated future («لن يضر», kind ``negfuture``), a lexicon cue
(lexicons.toml, ``lexical``), any other inflected form of a cue family (families.toml: «وقعها», «اتفقنا»,
«نتعهد», kind ``family``), in a headline a present-tense dual verb (``future``), and «سـ/سوف» + a verb the
news corpus knows (``future``); a headline with none of them may still have one after its actor
(``headline``). A cue that is a family form carries its family id and form features (``Cue.family``,
``Cue.form``) for the decision step and provenance; the family fixes the modality in every tense («لن
يوقع», «سيسعى»).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from tasks.commitments.constants import (
    CONSENT_OBJECT_MAX_WORDS,
    CONSENT_SUBJECT_WORDS,
    HEADLINE_ROOT_MIN,
    HEADLINE_SUBJECT_MAX_WORDS,
    MIN_ALEF_FUTURE_LETTERS,
    MIN_VERB_COUNT,
    MIN_VERB_LETTERS,
    MONEY_MAX_WORDS,
    NEGATION_WINDOW,
    PARTY_AFTER_WINDOW,
    PARTY_MENTION_TYPES,
    SIGNED_NEXT_WINDOW,
    SIGNED_OBJECT_WINDOW,
    SIGNED_TIME_WINDOW,
    SIN_WORD_MIN_COUNT,
    SIN_WORD_RATIO,
)
from tasks.commitments.families import FAMILY_BY_ID, LOOKUP, NEXT_ADVERBS, Family, Form
from tasks.commitments.lexicons import (
    CONSENT_NOT_OBJECTS,
    CONSENT_NOT_SUBJECTS,
    NOT_COMMITMENT_VERBS,
    PARTY_STEMS,
    PARTY_WORDS,
    SIGNED_NOT_NEXT,
    STANCE_VERBS,
)
from tasks.commitments.parties import MentionRef
from tasks.commitments.patterns import (
    ALA,
    ALA_NORM,
    ALEF_FORMS,
    AR_COMMA,
    CONJUNCTIONS,
    CUE_RES,
    DUAL_PRESENT_RE,
    FUTURE_RE,
    FUTURE_SIN,
    IMPERFECT_PREFIXES,
    LITOTES_RE,
    LONG_VOWELS,
    MONEY_RE,
    NEG_BEFORE_RE,
    NEG_FUTURE_RE,
    NOT_VERB_ENDINGS,
    NUMBER_SUFFIX_RE,
    PERFECT_ENDINGS,
    PLURAL_ENDINGS,
    PRESENT_RE,
    QAMA_VERB_RE,
    SENTENCE_END_RE,
    SIGN_VERB_RE,
    SIGNED_OBJECT_RE,
    SIGNING_TIME_BEFORE_RE,
    THIRD_PERSON_PREFIXES,
    VERB_SUFFIX_RE,
    VISIT_AFTER_RE,
    WEAK_VERB_END,
    WORD_PUNCTUATION,
)
from tasks.text.clitics import lexicon_count
from tasks.text.normalize import normalize


class Cue(tuple):
    """(modality, start, end, polarity, kind) of a cue in a normalised sentence; ``family`` and ``form`` say
    which cue family and which of its forms it is (None for a future verb or a listed phrase of no family)."""

    family: str | None
    form: Form | None

    def __new__(cls, modality: str, start: int, end: int, polarity: str, kind: str,
                form: Form | None = None) -> Cue:  # fmt: skip
        self = super().__new__(cls, (modality, start, end, polarity, kind))
        self.form = form
        self.family = form.family if form else None
        return self


# a word of normalised text
WORD_RE = re.compile(r"\w+")
# particles right before a family verb: «سوف» (future), «لن» (negated future), «لم» (negated past)
SAWFA, LAN, LAM_NEG = "سوف", "لن", "لم"
LAM = "ل"  # «لـ» on a masdar: a purpose («للتوقيع»)
# «أن» after «توقع» (before any document): «توقع أن …» is an expectation, not «she signs»
EXPECTATION_THAT_RE = re.compile(r"(?<![\w])(?:[وف])?(?:ان|بان|انه|انها|بانه)(?![\w])")
# a headline verb that reports no commitment
NOT_HEADLINE_VERBS = STANCE_VERBS | NOT_COMMITMENT_VERBS


def future_verb_ok(verb: str, lexicon: Mapping[str, int]) -> bool:
    """Is «س+verb» a future verb? The verb must exist without the prefix in the news corpus
    («ستدعم» → «تدعم»), which rules out «سياسة», «سيادة», «سيارة»."""
    if normalize(verb) in NOT_COMMITMENT_VERBS or normalize(NUMBER_SUFFIX_RE.sub("", verb)) in NOT_COMMITMENT_VERBS:
        return False
    if verb[0] in ALEF_FORMS and (len(VERB_SUFFIX_RE.sub("", verb)) < MIN_ALEF_FUTURE_LETTERS
                                  or verb.endswith(PLURAL_ENDINGS) or verb.endswith(PERFECT_ENDINGS)):  # fmt: skip
        # «ساهم» is a past verb, not «س» + «اهم», and so are «ساندها», «ساعده» with their object pronoun and
        # «ساعدت» with a perfect ending; «سابقين» (former) a plural adjective
        return False
    whole = lexicon_count(normalize(FUTURE_SIN + verb))
    if whole >= SIN_WORD_MIN_COUNT and whole >= SIN_WORD_RATIO * lexicon_count(normalize(verb)):
        return False  # «سيدة» (a lady), «ستين» (sixty), «سنجار»: far more frequent than «يدة», «تين», «نجار»
    for form in (verb, VERB_SUFFIX_RE.sub("", verb)):
        if len(form) >= MIN_VERB_LETTERS and form[0] in IMPERFECT_PREFIXES and lexicon.get(form, 0) >= MIN_VERB_COUNT:
            return True
    return any(lexicon.get(v, 0) >= MIN_VERB_COUNT for v in person_variants(verb))


def person_variants(verb: str) -> list[str]:
    """A first person or plural imperfect in the third person singular («نشدد» → «يشدد», «تشدد»; «يلغون» →
    «يلغي»): the news corpus quotes first persons and plurals too rarely to know every verb in them. Variants
    that are logistics or copulas are left out, as the verb itself would be."""
    bare = NUMBER_SUFFIX_RE.sub("", verb)
    if verb[:1] not in IMPERFECT_PREFIXES or (verb[0] in THIRD_PERSON_PREFIXES and bare == verb):
        return []  # a third person singular is known as it is or not at all («سيسيل» is a name)
    if len(bare) - 1 < MIN_VERB_LETTERS:
        return []  # «سنية» (Sunni) is no «ن» + «ية»
    stems = [bare[1:]] + ([bare[1:] + WEAK_VERB_END] if bare != verb else [])
    out = [p + st for st in stems for p in THIRD_PERSON_PREFIXES]
    return [v for v in out if v != verb and v not in NOT_COMMITMENT_VERBS]


def headline_present(
    norm: str, index: Sequence[int], s_start: int, ments: Sequence[MentionRef], lexicon: Mapping[str, int]
) -> list[Cue]:
    """The verb right after a headline's leading actor («الصين تعزز», «"قطر" تزود»), as a cue."""
    ends = {}
    for p, off in enumerate(index):
        ends[off + s_start + 1] = p + 1  # original end offset → normalised end
    for m in sorted(ments, key=lambda m: m.start):
        if m.type not in PARTY_MENTION_TYPES or m.end not in ends:
            continue
        n_end = ends[m.end]
        if len(norm[:n_end].split()) > HEADLINE_SUBJECT_MAX_WORDS:
            break  # the subject leads a headline
        hit = PRESENT_RE.match(norm, n_end)
        if hit is None or any(o.start < index[hit.end("cue") - 1] + s_start + 1 and o.end > index[hit.start("cue")]
                              + s_start for o in ments):  # fmt: skip
            continue
        verb = hit["verb"]
        if verb in NOT_HEADLINE_VERBS or verb.endswith(NOT_VERB_ENDINGS) or lexicon.get(verb, 0) < MIN_VERB_COUNT:
            continue
        modality = "signed" if SIGN_VERB_RE.match(verb) else "pledge"
        return [Cue(modality, hit.start("cue"), hit.end("cue"), "positive", "headline")]
    return []


def verb_skeleton(word: str) -> str:
    """A verb's consonants without its person prefix, dual/plural ending and long vowels («تزود» → «زد»,
    «يوقعان» → «قع», «تعزز» → «عزز»): what a headline verb shares with the body's report of the same act
    («بتزويد», «التوقيع», «ستعزز»)."""
    words = normalize(word).split()
    w = words[-1] if words else ""  # «لن نتفاوض»: the verb
    w = w[1:] if len(w) > HEADLINE_ROOT_MIN + 2 and w[0] in CONJUNCTIONS else w
    w = w[1:] if len(w) > HEADLINE_ROOT_MIN and w[0] in IMPERFECT_PREFIXES else w
    w = NUMBER_SUFFIX_RE.sub("", w) if len(w) > HEADLINE_ROOT_MIN + 1 else w
    bare = "".join(c for c in w if c not in LONG_VOWELS)
    return bare if len(bare) >= HEADLINE_ROOT_MIN else w


HEADLINE_QUOTES = " \"'«»“”"  # what may stand between a headline's leading party and its verb


def find_cues(
    norm: str, lexicon: Mapping[str, int], headline: bool = False, party_ends: Collection[int] | None = None
) -> list[Cue]:
    """(modality, start, end, polarity, kind) of every cue in a normalised sentence, non-overlapping. In a
    headline, a dual present verb («الصين وقيرغيزستان تعززان») is a cue only right after a party, when the
    normalised ends of the party mentions are given («مسؤولان من الكوريتين يتصافحان»: no party leads it)."""
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(cue: Cue) -> None:
        found.append(cue)
        taken.append((cue[1], cue[2]))

    for m in NEG_FUTURE_RE.finditer(norm):
        verb = m["verb"]
        if normalize(verb) in NOT_COMMITMENT_VERBS or (
            lexicon.get(verb, 0) < MIN_VERB_COUNT and not LITOTES_RE.match(m["cue"])
        ):
            continue
        pol = "positive" if LITOTES_RE.match(m["cue"]) else "negative"
        s, e = m.span("cue")
        form = _counted_verb(verb)  # «لن يوقع»: the family fixes the modality
        add(Cue(form.modality if form and pol == "negative" else "pledge", s, e, pol, "negfuture", form))
    for modality, rx in CUE_RES:
        for m in rx.finditer(norm):
            s, e = m.span("cue")
            if not free(s, e):
                continue
            if modality == "signed" and not signed_ok(norm, s, e):
                continue
            pol = "negative" if NEG_BEFORE_RE.search(norm[max(0, s - NEGATION_WINDOW) : s]) else "positive"
            if modality == "obligation" and norm[s:e].startswith(ALA) and not followed_by_party(norm, e):
                continue
            add(Cue(modality, s, e, pol, "lexical", _listed_form(norm[s:e], modality)))
    for cue in family_cues(norm):
        if free(cue[1], cue[2]):
            add(cue)
    for m in DUAL_PRESENT_RE.finditer(norm) if headline else ():
        s, e = m.span("cue")
        stem = m["verb"][:-2]  # «تعززان» → «تعزز» (the regex ends the verb with «ان»)
        known = max(lexicon.get(m["verb"], 0), lexicon.get(stem, 0))
        led = party_ends is None or any(not norm[p:s].strip(HEADLINE_QUOTES) for p in party_ends if p <= s)
        if free(s, e) and known >= MIN_VERB_COUNT and normalize(stem) not in NOT_HEADLINE_VERBS and led:
            add(Cue("signed" if SIGN_VERB_RE.match(m["verb"]) else "pledge", s, e, "positive", "future"))
    for m in FUTURE_RE.finditer(norm):
        s, e = m.span("cue")
        if not free(s, e) or not future_verb_ok(m["verb"], lexicon):
            continue
        if any(FAMILY_BY_ID[f.family].modality == "call" for f in LOOKUP.get(norm[s:e], ())):
            continue  # «سيطلب الفيفا تفاصيل من …»: a call family's verb the family did not take asks for nothing
        if QAMA_VERB_RE.fullmatch(m["verb"]) and VISIT_AFTER_RE.match(norm, e):
            continue  # «سيقوم بزيارة», «سيقوم بدور»: a trip or a role; «ستقوم قطر غاز بتزويد» is a pledge
        modality = "intent" if SIGN_VERB_RE.match(m["verb"]) else "pledge"
        add(Cue(modality, s, e, "positive", "future"))
    return sorted(found, key=lambda c: c[1])


def _listed_form(cue: str, modality: str) -> Form | None:
    """The family form a listed cue is (its last word), for provenance; None for a phrase of no family."""
    words = cue.split()
    known = LOOKUP.get(words[-1], ()) if words else ()
    return next((f for f in known if modality in (f.modality, FAMILY_BY_ID[f.family].future_modality)), None)


def _counted_verb(word: str) -> Form | None:
    """The family verb form a word is, when its family lets its verbs propose candidates."""
    return next((f for f in LOOKUP.get(word, ()) if f.form == "verb" and f.form in FAMILY_BY_ID[f.family].count),
                None)  # fmt: skip


def _form_counts(fam: Family, form: Form, norm: str, s: int, e: int, prev: str) -> bool:
    """Does this form of the family propose a candidate here? Its class must count, its number be allowed,
    and what follows and precedes it fit the family's constraints (families.toml)."""
    cls = form.form
    if prev == LAM_NEG or (form.nominal and form.proclitic.replace("و", "").replace("ف", "").startswith(LAM)):
        return False  # «لم تطالب»: a negated past commits to nothing; «للتوقيع»: a purpose
    if cls not in fam.count and not (cls == "masdar_pronoun" and "masdar" in fam.count):
        return False
    if cls == "verb" and fam.numbers and form.number not in fam.numbers:
        return False
    if cls == "verb" and fam.tenses and form.tense not in fam.tenses:
        return False
    rest = skip_adverbs(norm[e:])
    if fam.next and (not fam.next_for or cls in fam.next_for) and not rest.startswith(fam.next) \
            and not _next_after_subject(rest, fam):
        return False
    if fam.not_next and rest.startswith(fam.not_next):
        return False
    if fam.prev and (not fam.prev_for or cls in fam.prev_for) and prev not in fam.prev:
        return False
    if fam.not_after and prev in fam.not_after:
        return False
    if form.pronoun and fam.pronoun_next and rest.startswith(fam.pronoun_next):
        return True  # «وقعها من جانب X …»: the document was named before, each side's representative signs
    if fam.check == "consent_object":
        return consent_ok(norm, s, e)
    if fam.check == "money_amount":
        return money_ok(norm, e)
    # a participle «الموقعين على الاتفاق» names the signatories of a past signing: no record (families.toml)
    return not (fam.check == "signed_object" and not signed_ok(norm, s, e, verb=cls == "verb"))


NEXT_GAP_PUNCTUATION = frozenset("،,.؛;:!؟?\"«»“”()")  # none between a verb and its ``next`` word past the subject


def _next_after_subject(rest: str, fam: Family) -> bool:
    """Does one of the family's ``next`` words follow within ``next_after_words`` words, the verb's subject between
    («طلبت تركيا من السعودية أن»), no punctuation among them? The tagger keeps it only when the subject is a party."""
    words = rest.split(maxsplit=fam.next_after_words + 1)
    for k in range(1, min(fam.next_after_words, len(words) - 1) + 1):
        if any(ch in NEXT_GAP_PUNCTUATION for w in words[:k] for ch in w):
            return False
        if " ".join(words[k:]).startswith(fam.next):
            return True
    return False


def skip_adverbs(rest: str) -> str:
    """What follows a cue once the adverbs before its ``next`` words are skipped («بالفعل لاتفاقية» →
    «لاتفاقية»)."""
    rest = rest.lstrip()
    while True:
        word = rest.split(maxsplit=1)
        if not word or word[0].strip("،,") not in NEXT_ADVERBS:
            return rest
        rest = word[1].lstrip(" ،,") if len(word) > 1 else ""


def family_cues(norm: str) -> list[Cue]:
    """Every word of the sentence that is a counted form of a cue family, as a cue: «سوف/لن/لم» before a
    verb join its span («لن يوقع» negative, «سوف نوقع» future), a negation before it makes it negative."""
    out: list[Cue] = []
    words = list(WORD_RE.finditer(norm))
    for i, w in enumerate(words):
        forms = LOOKUP.get(w.group())
        if not forms:
            continue
        prev = words[i - 1].group() if i else ""
        s, e = w.span()
        for form in forms:
            fam = FAMILY_BY_ID[form.family]
            if not _form_counts(fam, form, norm, s, e, prev):
                continue
            modality, pol = form.modality, "positive"
            if form.form == "verb" and form.tense == "present" and prev in (SAWFA, LAN):
                s = words[i - 1].start()
                modality = fam.future_modality
                pol = "positive" if prev == SAWFA else "negative"
            elif NEG_BEFORE_RE.search(norm[max(0, s - NEGATION_WINDOW) : s]):
                pol = "negative"
            out.append(Cue(modality, s, e, pol, "family", form))
            break
    return out


def signed_ok(norm: str, s: int, e: int, verb: bool = True) -> bool:
    """«وقع» is signing only with a document as object in its clause, not «وقع انفجار» (happened) or
    «وقعت داخل الحدود» (lay); a re-mention in a time phrase («عشية التوقيع») is not a record."""
    if SIGNING_TIME_BEFORE_RE.search(norm[max(0, s - SIGNED_TIME_WINDOW) : s]):
        return False
    nxt = norm[e : e + SIGNED_NEXT_WINDOW].split()[:1]
    if nxt and nxt[0] in SIGNED_NOT_NEXT and not (verb and nxt[0] == ALA_NORM and _document_next(norm, e)):
        return False  # «وقع على الحدود» (happened at), but a verb's «وقعنا على الإعلان المشترك» (signed)
    window = SENTENCE_END_RE.split(norm[e : e + SIGNED_OBJECT_WINDOW])[0]
    obj = SIGNED_OBJECT_RE.search(window)
    if obj is None:
        return False
    # «وتوقع الوزير أن …»: «توقع» is also «expected»; an «أن» before the document makes it an expectation
    return EXPECTATION_THAT_RE.search(window, 0, obj.start()) is None


_BINAA = normalize("بناء")  # «بناء على» (according to) opens no object


def money_ok(norm: str, e: int) -> bool:
    """Is an amount of money named within a few words after the cue, in its clause («تدعم الأردن بمليار
    دولار», «قدمت الي الاردن حزمة مساعدات بقيمة 2.5 مليار دولار»)?"""
    words = re.split(r"[،,]", SENTENCE_END_RE.split(norm[e:])[0])[0].split()[:MONEY_MAX_WORDS]  # not past a comma
    return bool(MONEY_RE.search(" ".join(words)))


def consent_ok(norm: str, s: int, e: int) -> bool:
    """«وافق» is an agreement with «على» and the act consented to within a few words of the same sentence
    («وافقت إيران بموجب الاتفاق على كبح …»), not «وافقت عليه» (a re-mention), a bill approved («على مشروع») or a
    domestic body's decision («وافق مجلس الوزراء على …»)."""
    words = SENTENCE_END_RE.split(norm[e:])[0].replace(AR_COMMA, " ").split()[: CONSENT_OBJECT_MAX_WORDS + 2]
    around = [*norm[:s].replace(AR_COMMA, " ").split()[-CONSENT_SUBJECT_WORDS:], *words[:CONSENT_SUBJECT_WORDS]]
    if any(w.strip(WORD_PUNCTUATION).lstrip(CONJUNCTIONS) in CONSENT_NOT_SUBJECTS for w in around):
        return False
    for i, w in enumerate(words[:-1]):
        if w == ALA_NORM and (i == 0 or words[i - 1] != _BINAA):
            return words[i + 1].strip(WORD_PUNCTUATION) not in CONSENT_NOT_OBJECTS
    return False


def _document_next(norm: str, e: int) -> bool:
    """Is the word after the «على» that follows a signing verb a document or a statement («على الاتفاقية»,
    «على البيان»)?"""
    words = norm[e:].split()[1:2]
    return bool(words) and SIGNED_OBJECT_RE.match(words[0].removeprefix("ال")) is not None


def followed_by_party(norm: str, e: int) -> bool:
    """Does a party word follow an obligation cue «على» («على الجانبين», not «على أهمية»)?"""
    nxt = norm[e : e + PARTY_AFTER_WINDOW].strip()
    return any(nxt.startswith(w) for w in PARTY_WORDS) or nxt.startswith(PARTY_STEMS)
