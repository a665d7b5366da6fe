"""The commitment tagger's regexes, built once from the lexicons, and the Arabic affixes its rules test.

All of them run on normalised text (tasks.text.normalize). ``(?<![\\w])`` / ``(?![\\w])`` stand for word
boundaries; «و/ف» (and, so) may precede a word where a pattern says ``[وف]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tasks.commitments.constants import VISIT_MAX_WORDS
from tasks.commitments.lexicons import (
    ANNOUNCE_VERBS,
    CLAUSE_BREAK_WORDS,
    CLAUSE_START_WORDS,
    COMPANY_HEADS,
    COMPLEMENTIZERS,
    COUNTERPART_PREPOSITIONS,
    CUES,
    DOCUMENT_STEMS,
    DUAL_RELATIVE_PRONOUNS,
    EXPECTATION_PHRASES,
    GROUP_HEADS,
    LITOTES,
    MA_RELATIVES,
    MEASURE_NOUNS,
    MEDIA_OUTLETS,
    NAMED_PROCESS_NOUNS,
    NEGATION_WORDS,
    PARTNER_WORDS,
    PARTY_WORDS,
    PEOPLE_HEADS,
    PRESENT_REPORTING_WORDS,
    RELATIVE_PRONOUNS,
    REPORTING_WORDS,
    SECTORS,
    SIGNING_TIME_WORDS,
    SPORTS_WORDS,
    STATE_ORGAN_HEADS,
    STATEMENT_STEMS,
    TARGET_PREPOSITIONS,
    THING_HEADS,
    THREE_WORDS,
    TURN_PHRASES,
    VISIT_WORDS,
    VSO_COMPLEMENTIZERS,
    WRITER_PHRASES,
    WRITER_THINKING_VERBS,
)
from tasks.text.normalize import normalize


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of normalised forms, longest first (a phrase's spaces match any white space)."""
    forms = sorted({normalize(w) for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def in_order(words: Iterable[str]) -> str:
    """Regex alternation of the words as listed (the order decides which alternative matches first)."""
    return "|".join(re.escape(w) for w in words)


# Affixes and particles the rules test on normalised words.
WA = "و"  # the conjunction «و» (and)
CONJUNCTIONS = "وف"  # «و» and «ف», which may precede a cue
QUOTES = "\"'«»“”"  # quote marks of every style, stripped from words
WORD_PUNCTUATION = "\"'«»“”()[]،,:؛"  # stripped from a word's ends before it is looked up
LIL = "لل"  # «لـ» + «ال» written as one: «للحرس الثوري»
SIGNING_NOUN_PREFIXES = "وب"  # «و», «ب» before a signing noun («وبتوقيع»)
LAM = "ل"  # the preposition «لـ» (for, to), joined to the next word
IN = "في"  # the preposition «في» (in; «تأمل في»: hopes to)
BI = "ب"  # the preposition «بـ» (with), joined to the next word
QAD = normalize("قد")  # the particle of a past perfect («كان X قد وعد») or of «قد» + a duty verb
# «على» (on): an obligation cue «على الجانبين» counts only when parties follow. Written with alef maqsura,
# which normalised text never has, so the check never fires; kept so that the output does not change.
ALA = "على"
ALA_NORM = normalize(ALA)  # «على» as the rules see it in normalised text
FUTURE_SIN = "س"  # the future prefix «سـ»
ALEF_FORMS = "اأ"  # a «س» word with an alef after «س» may be a past verb («ساهم»)
FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)?")  # a figure in an action (normalised: Arabic-Indic digits are ASCII)
LONG_VOWELS = "اوي"  # left out of a verb's skeleton (tasks.commitments.cues.verb_skeleton)
IMPERFECT_PREFIXES = "يتناأ"  # the prefixes of an imperfect verb (he, she/you, we, I)
THIRD_PERSON_PREFIXES = "يت"  # he, she: the persons the news corpus knows most verbs in
WEAK_VERB_END = "ي"  # «يلغون» of «يلغي»: a final weak letter drops before a plural ending
PLURAL_ENDINGS = ("ين", "ون", "ان", "ات")  # «سابقين»: a plural adjective, not «س» + a verb
# perfect endings a first-person imperfect «سأفعل» never has: «ساعدت», «ساهمت», «سافروا» are past verbs
PERFECT_ENDINGS = ("ت", "تا", "وا", "تم", "تن")
NOT_VERB_ENDINGS = ("ه", "ات")  # ta marbuta and feminine plural end nouns, not present-tense verbs
DUAL_PRONOUN = "هما"  # «أنهما»: the two of them
AR_COMMA = "،"  # the Arabic comma, read as a word separator
HASHTAG = "#"  # a hashtag sign before a name («#اليابان»): not a word between two parties
ACTION_LEADING_JUNK = " \t،,:"  # stripped from the start of an action span
ACTION_TRAILING_JUNK = " ،,و"  # stripped before the next coordinated cue («ستدعم … وستدعم»)

# Cues: (modality, pattern) in the lexicon's order.
CUE_RES = [
    (mod, re.compile(rf"(?<![\w])(?:[وف])?(?P<cue>{alternation(words)})(?![\w])")) for mod, words in CUES.items()
]
# سـ or سوف + an imperfect verb (ي ت ن أ): a future self-declaration is a pledge.
FUTURE_RE = re.compile(r"(?<![\w])(?:[وف])?(?P<cue>(?:سوف\s+|س)(?P<verb>[يتنا][\w]{2,}))(?![\w])")
# In a headline, a present-tense dual verb reports the article's commitment («… تعززان التعاون»).
DUAL_PRESENT_RE = re.compile(r"(?<![\w])(?P<cue>(?P<verb>[يت][\w]{2,}ان))(?![\w])")
# In a headline, «الصين تعزز …» / «"قطر" تزود …»: an actor, then a present-tense verb, reports the article's
# commitment (guideline) — unless the verb states a stance or reports an event («تدعم», «ترحب», «تبحث»).
PRESENT_RE = re.compile(r"[\s\"'«»“”]*(?P<cue>(?P<verb>[يت][\w]{3,}))(?![\w])")
# «لن» + an imperfect verb: a negated future.
NEG_FUTURE_RE = re.compile(r"(?<![\w])(?:[وف])?(?P<cue>لن\s+(?P<verb>[يتنا][\w]{2,}))(?![\w])")
NEG_BEFORE_RE = re.compile(rf"(?:^|\s)(?:{alternation(NEGATION_WORDS)})\s+$")
LITOTES_RE = re.compile(rf"^{alternation(LITOTES)}")
EXPECTATION_RE = re.compile(rf"(?<![\w])(?:{alternation(EXPECTATION_PHRASES)})(?![\w])")
TURN_RE = re.compile(rf"\s*(?:{alternation(TURN_PHRASES)})(?![\w])")
REPORTING_RE = re.compile(rf"(?<![\w])(?:[وف])?(?:{alternation(REPORTING_WORDS)})(?![\w])")
PRESENT_REPORTING_RE = re.compile(rf"(?:[وف])?(?:{alternation(PRESENT_REPORTING_WORDS)})(?![\w])")
# a state inside a named agreement or process («اتفاق الجزائر», «محادثات أستانة»)
NAMED_DOC_BEFORE_RE = re.compile(rf"(?<![\w])(?:{in_order(NAMED_PROCESS_NOUNS)})\s+$")
# a word of sports news (a proclitic «و/ب/ل/ف» may precede it)
SPORTS_WORD_RE = re.compile(rf"(?<!\S)[وبلف]?(?:{alternation(SPORTS_WORDS)})(?!\S)")
# the writer's own first person (lexicons writer_thinking_verbs before «أن», writer_phrases), «و/ف» before it;
# not a name («شاي بن آري أن») nor a past belief told in someone's words («لأنني كنت أعتقد أنها ضرورية»)
WRITER_VOICE_RE = re.compile(
    rf"(?<![\w])(?<!بن\s)(?<!كنت\s)(?:[وف])?(?:(?:{alternation(WRITER_THINKING_VERBS)})\s+ب?ان\w{{0,2}}|{alternation(WRITER_PHRASES)})(?![\w])"
)
# a quoted passage within one line: the writer's own voice is looked for outside these
QUOTED_RE = re.compile(r'"[^"\n]*"|«[^»\n]*»|“[^”\n]*”')
# a state organ named by where it sits, right before its state: «السلطات النقدية في كل من »,
# «الجهات الرقابية في », «الحكومة الشرعية في », «البنك المركزي ب» (lexicons: state_organ_heads)
ORGAN_OF_STATE_BEFORE_RE = re.compile(
    rf"(?<![\w])[وف]?(?:{alternation(STATE_ORGAN_HEADS)})(?:\s+ال\w+){{0,2}}\s+(?:(?:في|لدي)\s+(?:كل\s+من\s+)?|ب)$"
)
# a state's nisba after one of these qualifies people, not the state («المعارضة التركية», «النساء المغربيات»)
# … or a place, an event, a market or a currency of the state («استفتاء بريطاني», «سوق الأسهم السعودية»)
# (one adjective may stand between: «مرجع ديني عراقي», «الناشط الحقوقي السعودي»)
PEOPLE_HEAD_BEFORE_RE = re.compile(
    rf"(?<![\w])[وبل]?(?:{in_order((*PEOPLE_HEADS, *THING_HEADS))})\s+(?:\w+(?:ي|يه|ية)\s+)?$"
)
# «مع قيرغيزستان», «مع شركة بتروتشاينا» (the generic head stays outside a company's span), «مع #السعودية» (a
# hashtag's sign is no word)
COUNTERPART_PREP_RE = re.compile(
    rf"(?<![\w])(?:{alternation(COUNTERPART_PREPOSITIONS)})\s+(?:(?:ال)?(?:{in_order(COMPANY_HEADS)})\s+)?{HASHTAG}?$"
)
# a counterpart preposition before a group word («مع دول آسيا الوسطى»)
GROUP_PREP_RE = re.compile(rf"(?<![\w])(?:{alternation(COUNTERPART_PREPOSITIONS)})\s+")
# «عقوبات جديدة على », «رسوما جمركية إضافية … على منتجات »: a measure, then «على» within a few words
MEASURE_ON_RE = re.compile(
    rf"(?<![\w])(?:[وبل])?(?:{alternation(MEASURE_NOUNS)})(?:\s+\S+){{0,5}}?\s+{ALA_NORM}\s+(?:\S+\s+)?$"
)
# «ضد إيران», «ضد محاولات إيران», «ضد #إيران»: a hostile act's target, at most one noun between
TARGET_PREP_RE = re.compile(rf"(?<![\w])(?:{alternation(TARGET_PREPOSITIONS)})\s+(?:\S+\s+)?{HASHTAG}?$")
CLAUSE_START_RE = re.compile(rf"(?<![\w])(?:{in_order(CLAUSE_START_WORDS)})\s")
# a dot between two letters or digits («1.9 مليون», «العربية.نت») ends nothing
CLAUSE_END_RE = re.compile(rf"(?:(?<![\w])\.|\.(?![\w])|[؛;!?؟]|،\s*(?:{alternation(CLAUSE_BREAK_WORDS)})(?![\w]))")
# sector → its words, with «و/ب/ل/ف» or «ال» before them
SECTOR_RES = {
    s: re.compile(rf"(?<![\w])(?:[وبلف]|ال)?(?:{alternation(words)})(?![\w])") for s, words in SECTORS.items()
}

# the one spoken to, not the speaker: «قال … لوكالة بلومبيرغ: "سنواصل"», «لبي بي سي "يجب"»
ADDRESSEE_RE = re.compile(rf"(?:(?<![\w])ل(?:{in_order(MEDIA_OUTLETS)})\s+|(?<![\w])ل)$")
# no verb-subject-object reading after a relative pronoun or in a question; only at a clause's start
NO_VSO_BEFORE_RE = re.compile(
    rf"(?:(?<![\w])(?:{in_order((*RELATIVE_PRONOUNS, *DUAL_RELATIVE_PRONOUNS, *MA_RELATIVES))})\s+$|(?<![\w])هل\s)"
)
CLAUSE_INITIAL_RE = re.compile(rf"(?:^|[،,:\"«“]\s*|(?<![\w])(?:{in_order(VSO_COMPLEMENTIZERS)})\s+)$")
# «كشفت/أعلنت X … عن توقيع»: the announcing verb and, later, «عن» right before the nominal cue
ANNOUNCED_RE = re.compile(rf"(?<![\w])(?P<verb>و?(?:{in_order(ANNOUNCE_VERBS)}))\s.*\sعن\s*$")
# «سيقوم (الرئيس …) بزيارة/بجولة»: a trip, not a commitment
VISIT_AFTER_RE = re.compile(rf"(?:\s+\S+){{0,{VISIT_MAX_WORDS}}}?\s+(?:ب|ب?ال)(?:{in_order(VISIT_WORDS)})(?![\w])")

# «وقع»-family verbs: a future or headline «سيوقع» / «توقع» is about signing
SIGN_VERB_RE = re.compile(r"[يت]وقع")
# a side of a signing, named by «من جانب» / «عن الجانب» right before its party («وقعها من جانب المملكة وزير العمل»,
# «ووقع عن الجانب السوداني وزير المعادن»): the party its representative signs for
SIDE_BEFORE_RE = re.compile(r"(?<![\w])و?(?:من|عن)\s+(?:ال)?جانب\s+$")
# the other side's signature, joined to the first by «فيما/بينما» («…، فيما وقعها من جانب ناميبيا مندوبها»)
LATER_SIGNING_RE = re.compile(r"(?<![\w])(?:فيما|بينما)\s+$")
SIGNED_VERB_START = "وقع"  # «وقع», «وقعها», «وقعت» (normalised)
EARLIER_SIGNING_RE = re.compile(rf"(?<![\w])[وف]?{SIGNED_VERB_START}")
# an amount of money («بمليار دولار», «15 مليار دولار», «بقيمة 2.5 مليار دولار», «62 مليون دولار»; normalised)
MONEY_RE = re.compile(
    r"(?:\d[\d.,]*\s*(?:مليار|مليون|الف)?|(?<![\w])[بو]?(?:مليار|مليون|مليارات|ملايين))\s*"
    r"(?:دولار|يورو|ريال|درهم|جنيه|دينار|روبل|يوان)"
)
# «سيقوم»: with a visit word after it, a trip or a role
QAMA_VERB_RE = re.compile(r"[يتن]قوم(?:ان|ون)?")
# plural and dual agreement endings, stripped to find a verb's stem in the lexicons
NUMBER_SUFFIX_RE = re.compile(r"(ان|ون|ين)$")
# those and object pronouns, stripped to find a future verb in the news corpus lexicon («ستدعمها» → «تدعم»)
VERB_SUFFIX_RE = re.compile(r"(ان|ون|ين|ها|هم|هما|نا)$")
# light verb: «ستعمل على X» / «سنعمل على X» → the action is X. «على» keeps its alef maqsura, which
# normalised text never has, so this never matches; kept so that the output does not change.
LIGHT_VERB_RE = re.compile(r"(?:ست|سن|سي)عمل(?:ان)?\s+على\s+")
# a signing re-mentioned in a time phrase («عشية التوقيع»)
SIGNING_TIME_BEFORE_RE = re.compile(rf"(?<![\w])(?:{in_order(SIGNING_TIME_WORDS)})\s+$")
SENTENCE_END_RE = re.compile(r"[.؛;!?؟]")
# something signed: a document or a statement
SIGNED_OBJECT_RE = re.compile(rf"(?:{in_order((*DOCUMENT_STEMS, *STATEMENT_STEMS))})")
# the document or statement signed, as a word («وقع ترامب البيان المشترك الذي توصلت إليه دول مجموعة السبع»)
SIGNED_DOC_WORD_RE = re.compile(rf"(?<![\w])(?:[وب])?(?:ال)?{SIGNED_OBJECT_RE.pattern}")
# «القادة الثلاثة», «القمة الثلاثية»
GROUP_OF_THREE_RE = re.compile(rf"(?<![\w])(?:{in_order(GROUP_HEADS)})\s+(?:{in_order(THREE_WORDS)})(?![\w])")
# «الجانبان», «وللبلدين» …: one regex per party word, «و/ب/ل» before it
PARTY_WORD_RES = tuple(re.compile(rf"(?<![\w])(?:[وبل])?{re.escape(w)}(?![\w])") for w in PARTY_WORDS)
# the clause of a cue starts after the last complementizer before it
COMPLEMENTIZER_RE = re.compile(rf"(?<![\w])(?:[وف])?(?:{in_order(COMPLEMENTIZERS)})(?![\w])")
# a relative pronoun right before the cue: its antecedent is the subject
RELATIVE_BEFORE_RE = re.compile(rf"(?<![\w])(?:{in_order((*RELATIVE_PRONOUNS, *DUAL_RELATIVE_PRONOUNS))})\s+$")
RELATIVE_WORD_RE = re.compile(rf"(?<![\w])(?:{in_order(RELATIVE_PRONOUNS)})(?![\w])")
# first person plural: «سنعمل», «نسعى», «لن نسمح»
FIRST_PERSON_PLURAL_RE = re.compile(r"^(?:لن\s+|لا\s+)?(?:س|سوف\s+)?ن")
# «نحن منفتحون ومستعدون», «ونحن مصرون», «أنا مصمم»: a first-person pronoun as the subject of a participle cue, at
# most two words before it (normalised: «إننا» is «اننا», «أنا» is «انا»)
FIRST_PERSON_PRONOUNS = ("نحن", "اننا", "انا")  # we, that we, I (speakers.FIRST_PERSON_WORD_RE reads them too)
FIRST_PERSON_PRONOUN_BEFORE_RE = re.compile(
    rf"(?<![\w])[وف]?(?:{alternation((*FIRST_PERSON_PRONOUNS, 'لاننا'))})(?:\s+[^\s،,.:]+){{0,2}}\s*$"
)
QAD_BEFORE_RE = re.compile(r"(?<![\w])(?:[وف]?قد|لقد)\s+$")  # «قد» right before a past verb: «كان X قد وعد»
FIRST_PERSON_DUTY = "علينا"  # «علينا»: upon us
# an obligation whose act is in the first person plural: «علينا (أن) …», «يجب أن نغير», «يتعين علينا أن نقوم»
# (normalised text: «أن» is «ان»)
FIRST_PERSON_DUTY_RE = re.compile(
    rf"^\s*(?:{FIRST_PERSON_DUTY}(?![\w])|(?:{FIRST_PERSON_DUTY}\s+)?ان\s+(?:لا\s+)?ن[\w]{{2,}})"
)
# a dual (or past plural) verb ending: «يعززان», «اتفقتا», «اتفقا»
# — not a plural «اتفقوا», «توقعوا», nor a pronoun «ـنا», «ـها» («سوف يرموننا», «عزمها», «علينا»)
PLURAL_VERB_END_RE = re.compile(r"(?<=\w\w\w)(?:ون|وا)$")  # «سيواصلون», «اتفقوا»: the plural of a verb
DUAL_VERB_END_RE = re.compile(r"(?:ان|(?<![ونه])ا)$")
# a partner word right before a party («مع», «رفقة»): a partner
WITH_BEFORE_RE = re.compile(rf"(?<![\w])(?:{alternation(PARTNER_WORDS)})\s+$")
WITH_RE = re.compile(r"(?<![\w])مع\s")  # «وقع X مع نظيره Y»: Y is the counterpart
BETWEEN_RE = re.compile(r"(?<![\w])بين\s+")  # «بين X وY»: both sides
# «بينه وبين X»: the subject (the pronoun) and X («أمله في استكمال مناقشات سابقة بينه وبين لافروف»)
BETWEEN_HIM_AND_RE = re.compile(r"(?<![\w])بين(?:ه|ها|هم|هما|نا)\s+و\s?بين\s+")
LAM_BEFORE_RE = re.compile(r"(?<![\w])ل$")  # a detached «لـ» right before a party
