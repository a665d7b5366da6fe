"""Thresholds, scores and limits of the commitment rules, each with the reason for its value.

Character windows count characters of the normalised sentence; word limits count the words in between,
title fillers («الرئيس», «وزير» …, lexicons.toml) left out where the rule says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The modalities a commitment record can have (the guideline's eight), in the guideline's order.
MODALITIES = ("pledge", "intent", "readiness", "agreement", "signed", "obligation", "call", "hope")
# Modalities whose actor is the one addressed (called on, hoped of, obliged), not the speaker.
ADDRESSEE_MODALITIES = frozenset({"call", "hope", "obligation"})

# Mention types that can be a party (a state, an organisation, a person acting for a state).
PARTY_MENTION_TYPES = ("GPE", "PER", "ORG")
# Organisations that act for their state («وزارة الخارجية الصينية» → China); companies, media, banks, funds,
# federations, universities and militant groups act for themselves (the guideline: companies stay organisations).
# So do political parties («دعت جماعة الإخوان المسلمين», «وعد حزب الشعب الجمهوري», Hamas, the Republicans): no
# state organ (check sets: 12 records changed, the party read as actor or counterpart judged right where judged);
# a ruling party's state bodies («اللجنة المركزية», the Central Military Commission: ``party_body``) still act for
# their state.
STATE_ORGAN_SUBTYPES = frozenset({
    "ministry", "government", "legislature", "central_bank", "government_agency", "military",
    "party_body", "advisory_body", "judiciary", "court", "security_agency", "presidency", "state_body",
})  # fmt: skip
# The European Union's institutions act for the Union as a state's organs act for their state (GUIDELINE: state
# organs map to their state; the check sets' readers map an EU commissioner to the EU): the Commission, the
# European Council, the Council and the Parliament. Its bank and its courts act for themselves.
UNION_ORGANS: Mapping[str, str] = {
    "kb:european-commission": "Q458", "kb:european-council": "Q458", "kb:council-of-the-european-union": "Q458",
    "kb:european-parliament": "Q458",
}  # fmt: skip
# The Union negotiates, agrees and signs as one side: «بين الولايات المتحدة والاتحاد الأوروبي» names the two sides
# that «الجانبان» and «اتفقا» stand for, as two states would.
SIDE_UNIONS = frozenset({"Q458"})

# Confidence by the kind of cue: a lexicon cue names the commitment outright.
CONFIDENCE_LEXICAL = 0.8
# Another inflected form of a cue family («وقعها», «اتفقنا», «نتعهد»): it names the commitment as a listed cue
# does, but its forms were generated, not each read in context, so a little less.
CONFIDENCE_FAMILY = 0.75
# «لن» + a known verb: a negated future is nearly always a stated (non-)commitment.
CONFIDENCE_NEGATED_FUTURE = 0.7
# «سـ/سوف» + a verb: a future self-declaration, but some futures are predictions the lexicons miss.
CONFIDENCE_FUTURE = 0.65
# A headline's present-tense verb: reports the article's commitment, kept only if the body makes one.
CONFIDENCE_HEADLINE = 0.6
# Cue kind (as tagged by the cue finder) → its confidence.
CONFIDENCE = MappingProxyType({
    "lexical": CONFIDENCE_LEXICAL, "future": CONFIDENCE_FUTURE, "negfuture": CONFIDENCE_NEGATED_FUTURE,
    "headline": CONFIDENCE_HEADLINE, "family": CONFIDENCE_FAMILY,
})  # fmt: skip
# Less sure when the actor is only the speaker's state (no subject found next to the cue).
FALLBACK_PENALTY = 0.2
# No record goes below this: it was still found by a cue.
MIN_CONFIDENCE = 0.1
# Confidence is stored to two decimals (the scores are coarse rule scores).
CONFIDENCE_DIGITS = 2

# A person the KB does not know takes the state of a nisba among the two mentions before the name …
TITLE_LOOKBACK_MENTIONS = 2
# … fewer than this many characters before it («وزير النقل السوداني مكاوي عوض») …
TITLE_MAX_GAP_CHARS = 40
# … with at most this many words in between (a title, not another clause).
TITLE_MAX_GAP_WORDS = 3

# A verb form must occur this often in the news corpus lexicon to count as a verb (rules out typos and nouns).
MIN_VERB_COUNT = 3
# A word must have at least this many letters to be a verb form with its prefix («يتن…»).
MIN_VERB_LETTERS = 3
# «س» + alef: shorter forms are past verbs («ساهم»), not «س» + a first-person verb.
MIN_ALEF_FUTURE_LETTERS = 4
# «سيدة», «ستين»: a «س» word this frequent …
SIN_WORD_MIN_COUNT = 10
# … and this many times as frequent as the word without «س» is a word of its own, not a future.
SIN_WORD_RATIO = 2

# The article's parties («الجانبان», «البلدان»): the states it names most, two of them.
DOC_PARTY_COUNT = 2
# «القادة الثلاثة», «القمة الثلاثية»: three states.
GROUP_OF_THREE = 3
# Words of a headline before its present-tense verb: the subject leads a headline.
HEADLINE_SUBJECT_MAX_WORDS = 4
# A headline verb's skeleton («تزود» → «زد») has at least this many letters; the body's report of the same act
# shows it in its trigger or in this many first words of its action.
HEADLINE_ROOT_MIN = 2
HEADLINE_REPORT_WORDS = 5

# A conditional word this many characters before a cue makes it a condition («إذا … فسنعمل»).
CONDITIONAL_WINDOW = 120
# Words (the subject) between «أن تكون» and a readiness cue («أن تكون واشنطن مستعدة»; decision.state_as_content).
SUBJUNCTIVE_STATE_MAX_WORDS = 2
# Words («بقوة», «فورا») between a response verb and «على أي» (decision.response_to_any).
RESPONSE_ANY_MAX_WORDS = 3
# Characters before a party searched for a named agreement or process («اتفاق الجزائر»).
NAMED_DOC_WINDOW = 12
# Characters read before a nisba for its people or thing head, an adjective between («الناشط الحقوقي السعودي»).
PEOPLE_HEAD_WINDOW = 32
SIDE_WINDOW = 40  # characters before a party where «(فيما) وقعها من جانب» may start
SIDE_MAX_WORDS = 2  # words between a signing verb and its own «من جانب» («وقع الاتفاقية من جانب الهيئة»)
ORGAN_WINDOW = 60  # characters before a state where its organ's head may start («السلطات النقدية في كل من »)
# Characters before a lexicon cue where a negation («لا», «لم») negates it.
NEGATION_WINDOW = 12
# Characters before a signing cue searched for a time word («عشية التوقيع»).
SIGNED_TIME_WINDOW = 8
# Characters after «وقع» whose first word rules signing out («وقع انفجار»).
SIGNED_NEXT_WINDOW = 12
# Characters after «وقع» searched for the signed document (the same clause).
SIGNED_OBJECT_WINDOW = 160
# Words after «وافق» searched for the «على» of the act consented to («وافقت كندا في وقت متأخر من يوم الأحد على»).
CONSENT_OBJECT_MAX_WORDS = 8
# words after a funding cue where its amount may stand («تقديم الولايات المتحدة دعما … بـ62 مليون دولار»)
MONEY_MAX_WORDS = 14
# Words before and after «وافق» read for a domestic body as its subject («كانت الحكومة الأمريكية قد وافقت»).
CONSENT_SUBJECT_WORDS = 3
# Characters after an obligation cue «على» searched for a party word («على الجانبين»).
PARTY_AFTER_WINDOW = 25
# «سيقوم (الرئيس …) بزيارة»: at most this many words between «يقوم» and the visit word.
VISIT_MAX_WORDS = 4

# Subject words read for a group («القادة الثلاثة …») at the head of the clause.
SUBJECT_HEAD_WORDS = 3
# Words right before the cue read for a group («كما كرر القادة الثلاثة عزمهم»).
GROUP_BEFORE_CUE_WORDS = 2
# Words after the cue read for a group subject («ويعتزم الجانبان»).
GROUP_AFTER_CUE_WORDS = 4
# A party at most this many words after «إن/أن» is the clause's subject.
AFTER_COMPLEMENTIZER_MAX_WORDS = 1
# A party at most this many words before the cue is its subject («الصين ستعمل»).
BEFORE_CUE_MAX_WORDS = 2
# A party at most this many words after the last reporting verb is the one whose state «بلاده» is.
REPORTER_MAX_WORDS = 4
# a state or body as a reporting verb's subject («وأعلنت إسرائيل أمس أنها»): at most one word before it (a head or a
# date) and its complementizer at most two words after it (arguments._subject_reporter)
REPORTER_SUBJECT_MAX_WORDS = 1
# A party at most this many words after a verb cue is its subject (verb-subject-object: «وقعت الصين»).
VSO_MAX_WORDS = 2
# A party at most this many words after «كشفت/أعلنت» is the announcer.
ANNOUNCER_MAX_WORDS = 1
# Characters after a call/hope/obligation cue searched for an addressee group («دعا الجانبين»).
ADDRESSEE_WINDOW = 40
# Words of that window read for a group.
ADDRESSEE_GROUP_WORDS = 8
# An addressee is at most this many words after the cue.
ADDRESSEE_MAX_WORDS = 5
# Characters before a party searched for «مع» (a partner, not the addressee).
WITH_WINDOW = 5
# «بين X وY»: the first party starts within this many characters of «بين».
BETWEEN_MAX_GAP = 3
# «اتفق مع Y», «توصل إلى اتفاق مع Y»: «مع» at most this many words after a reciprocal cue (families.toml),
# and its party at most this many words after «مع» (titles: «مع رئيسة وزراء بريطانيا»).
PARTNER_WITH_MAX_WORDS = 2
PARTNER_MAX_WORDS = 3
# «بعد انتهاء اجتماع (الوزراء) مع نظرائه في مجلس التعاون»: at most this many words between a meeting noun and
# «مع», and between «مع» and the party met (tasks.commitments.meetings).
MEETING_WITH_MAX_WORDS = 3
MEETING_PARTNER_MAX_WORDS = 3
MEETING_LOOKBACK_CHARS = 160  # how much text before a party's mention a meeting phrase is looked for in
MIN_LISTED_MEMBERS = 2  # «مجلس التعاون الذي يضم السعودية والبحرين …»: a body's listed members, two states at least
# Characters before a party searched for a counterpart preposition («مع», «لـ»).
COUNTERPART_WINDOW = 12
# Title and side words («الجانب», «نظيره التركي») allowed between a counterpart preposition and the party.
COUNTERPART_MAX_HEADS = 4
# A direct object as counterpart («ستدعم بقوة قيرغيزستان», «ستواصل منح الصين دعما»): at most this many words
# between the cue (or its subject right after it) and the party.
OBJECT_MAX_WORDS = 1
# A bilateral article has this many sides (``doc_parties``): the other side named in a record's sentence is its
# counterpart when no other is found.
DOC_PARTY_PAIR = 2
# Words after a counterpart preposition read for a group word («مع دول آسيا الوسطى»).
GROUP_AFTER_PREP_WORDS = 4
# A speaker after a reporting verb is named within this many characters of it (original text).
SPEAKER_WINDOW = 80
# A speech cue's person subject («دعا الرئيس الأميركي باراك أوباما»), or the person after the nearest reporting
# verb, is at most this many words (titles left out) from it.
SPEAKER_CUE_MAX_WORDS = 4
# A title that stands for a person named with it earlier («الرئيس الأميركي»): 2 to this many words.
TITLE_MAX_WORDS = 4
# ... unless a name follows the reporting verb this closely (characters): then the title is the name's own.
TITLE_NAME_WINDOW = 40
# An unnamed office that speaks for its state («وقال المتحدث باسم وزارة الخارجية الصينية»): at most this many
# title words between the reporting verb and the state or its body.
OFFICIAL_TITLE_MAX_WORDS = 4

# Leading characters of an ISO date-time that make the date.
ISO_DATE_LENGTH = 10

# «الجانبان», «أنهما», the other side: the pair a sentence names side by side stands for the article's sides in
# the next sentences, this many of them; further on, the article's two most named states
RECENT_PAIR_SENTENCES = 3

# a quote with this many words of its own before the cue is a clause with its own subject, not a quoted phrase
# that goes on with the speaker's sentence («وأكد أردوغان وبوتين وروحاني "عزمهم على …"»)
QUOTE_OPENERS = '"«“'
QUOTED_CLAUSE_MIN_WORDS = 2

# «تأمل المنظمات غير الحكومية والمجتمع المدني أن يحث أوباما»: «أن» at most this many words after a hope cue
# opens the hoped act, whose named subject is the actor
HOPED_ACT_MAX_WORDS = 8
# «وحذر وزير الخارجية الإيراني محمد جواد ظريف، السبت، من أن إيران مستعدة»: at most this many words between the
# warning verb and «(من) أن», and between «أن» and the cue
WARNING_SUBJECT_MAX_WORDS = 10
WARNING_CUE_MAX_WORDS = 4
# Modalities whose verbal nouns take no agent from the genitive after them (arguments._subject_genitive_agent):
# «دعوة واشنطن» may be the call by or to Washington; «توقيع الاتفاق» names the document (own passes)
GENITIVE_AGENT_EXCLUDED = ("call", "signed")
# Families other than signing whose parties may follow «بين» after the document («أبرمت صفقات تجارية بين
# الاتحاد الأوروبي وإيران»; arguments._signed_between)
BETWEEN_FAMILIES = ("conclude",)
# «دعت البعثة الكويتية لدى الأمم المتحدة الاثنين إلى عقد اجتماع طارئ لمجلس الأمن»: at most this many words between
# a call verb and the meeting it asks for (arguments._meeting_called)
MEETING_CALL_MAX_WORDS = 8

# A sports article (lexicons sports_words): at least this many of its words, and this share of all its words. ANT
# corpus, against its «sport» category: P 0.81, R 0.71 (of 25 of the 198 others read, 24 sports stories filed under
# world news and one a call to boycott a match in Jerusalem).
SPORTS_MIN_WORDS = 8
SPORTS_MIN_SHARE = 0.02
# words between «حان الوقت» and the party it names («لإنشاء قوة الفضاء التابعة للولايات المتحدة»)
TIME_PARTY_MAX_WORDS = 4
# the verb's subject between a cue and its family's ``next`` word: a party after at most this many title or body
# words («طلبت السلطات السعودية من», «طلبت وزارة الخارجية الأمريكية من»)
SUBJECT_PARTY_MAX_WORDS = 2
