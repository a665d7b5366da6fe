"""Thresholds, scores and numeric limits of the entity stage (resolve, dates, kb), each named with its reason.

Why one module: the values depend on each other (an order of scores, frequency cut-offs on the same news
lexicon), and side by side that shows. Word lists live in lexicons.toml.
Frequency counts are ``tasks.text.clitics.lexicon_count`` values (how often a normalised word occurs in the
news corpus); lengths are in characters of the normalised key unless said otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# --- ids ------------------------------------------------------------------------------------------------------

ID_HEX_LEN = 12  # hex digits of sha256 in an unknown entity's id: unique enough per corpus, short enough to read

# --- the news lexicon: how common a word is ---------------------------------------------------------------

FREQUENT = 40  # a word this common in the news corpus is an ordinary word unless tagged PROPN
# a word with a possessive pronoun whose base the news writes this often is a noun, no surname («انفصالهما»)
PRONOUN_NOUN_BASE_MIN = 10
FUZZY_MAX_COUNT = 5  # slips are rare: a surface seen this often in the news corpus is a word of its own
FUZZY_MIN_LEN = 6  # shorter names are too close to each other («مالي», «عمان») for a one-letter slip
ARTICLE_NAME_MAX_COUNT = 20  # a lone «ال…» span is a name only when this rare (and PROPN): «البرلمان» is common
BARE_NAME_MAX_COUNT = 50  # a lone article-less PROPN/X word rarer than this is a name the model found
RARE_WORD_MAX_COUNT = 5  # one word rarer than this makes a several-word statistical span a name
# «شريكتان استراتيجيتان», «لدورتين», «غارتان»: a word ending in a feminine dual whose singular («شريكة») the news
# writes at least this often is a common noun or adjective; a statistical span of such words only is no name (not
# «مارتين»: «مارة» is rarer). On the 600 check-set articles every span it drops is one (5, with the news NER).
FEMININE_DUAL_ENDINGS = ("تان", "تين")
FEMININE_DUAL_STEM_MIN_COUNT = 10
UNSEEN = 0  # a word the news corpus never wrote is a name whatever its tag
MISSPLIT_MAX_COUNT = 3  # a cut surname and its rest are both seen fewer times than this («كابوريه», «ابوريه»)
VERB_STEM_MIN_COUNT = 3  # «سيوصي» is a verb when «يوصي» is seen at least this often
PREPOSITION_WORD_MIN_COUNT = 20  # «لكسر» after «و» is preposition + word when «كسر» is this common, not a place

# --- word and name lengths --------------------------------------------------------------------------------

LAM_SHORT_WORD_LEN = 3  # a «لل» word longer than this is also read as «ال» + a name («للأمم»); «لله» is not
PROCLITIC_REST_MIN_LEN = 2  # a proclitic reading leaves at least this many letters: «بن» is no «ب» + «ن»
NAME_TAIL_MIN_WORDS = 3  # a KB person's name this long is also written by its last two words («جواد ظريف»)
FULL_NAME_MIN_WORDS = 3  # a KB alias this long ends with a family name («صباح الأحمد الصباح»)
SHORT_ALONE_MIN_LEN = 5  # a KB surname this long stands alone («ترامب»); shorter («شي», «لي») needs the full name
NAME_MIN_LETTERS = 2  # a one-letter word the model tags as a name is an abbreviation («د.» = Dr), never one
SHORT_FORM_MIN_LEN = 3  # a name's last word shorter than this («لي») never stands for the person later
PERSON_SLIP_MIN_LEN = 10  # a KB person's full name this long may be written one letter off («فلاديمير بوتن»)
GIVEN_NAME_MIN_LEN = 3  # a KB given name this long starts a person's span the model cut short («كيم»)
NAME_SLIP_MIN_LEN = 4  # a word this long may be a one-letter slip of a name word («كرستين» for «كريستين»)
PERSON_RUN_SLIP_MIN_LEN = 3  # a KB name word shorter than this is too short to be matched with a slip
ARTICLE_SHORT_WORD_LEN = 4  # an «ال» word longer than this is a name word only inside a name and tagged PROPN
MISSPLIT_MIN_LEN = 5  # a surname the tokenizer cut is at least this long («كابوريه»)
VERB_SHORT_LEN = 4  # a word longer than this may be «س» + person letter + a stem («سيوصي»)
LIST_ITEM_SHORT_LEN = 4  # a «و» word longer than this may be «و» + a listed place; «وفي», «ولدى» are not
MAX_OFFICE_WORDS = 5  # a title is matched over at most five words; a title chain walks on past it anyway
MODEL_NAME_MORE_WORDS = 2  # words the model's person span may add to a title's name («حسين» → «حسين الفردان»)
MAX_TITLE_NAME_WORDS = 4  # a person's name after a title has at most four words («روك مارك كريستيان كابوري»)
ABBR_MIN_LEN = 2  # an abbreviation in quotes after a body's name has two to twelve characters («كاف»)
ABBR_MAX_LEN = 12  # … longer quoted text is a name or a phrase, not an abbreviation
ACRONYM_MAX_LATIN = 6  # a Latin acronym after a name has at most six letters («CBS», «UNESCO»); longer is a handle
CUED_PLACE_MAX_WORDS = 2  # a town after a locative cue has one or two words («تل رفعت» before «تل»)

# --- windows of raw text around a match (characters) ------------------------------------------------------

NAMED_PROCESS_LOOKBACK = 14  # «والاتفاقية » before a place: the longest process head, its clitics, spaces
PEACE_TAIL_WINDOW = 10  # « للسلام» after a process's place, with room for the spaces before it
NAME_LOOKBACK = 40  # the word before a KB surname lies within this many characters
FAMILY_LOOKAHEAD = 40  # the family name after a matched person lies within this many characters
FACILITY_LOOKBACK = 12  # «وللميناء » before a place: a facility head, up to two clitics, spaces
HEAD_LOOKBACK = 14  # «وللمنتخب » before a nisba, «للمؤتمر » before a place: a head, its clitics, spaces

# --- dates and the knowledge base ------------------------------------------------------------------------

MAX_MONTH_DAY = 31  # a day number above this before a month is a count, not a date
MAX_HIJRI_DAY = 30  # a lunar month has 29 or 30 days
PREVIOUS_WORD_MAX_LEN = 30  # how far back to look for the word before a date (a word with its clitics)
ISO_DATE_LEN = 10  # «YYYY-MM-DD»: the date part of an ISO date-time string
DAY_PRECISION_PARTS = 3  # a KB date «YYYY-MM-DD» has three parts; fewer is month or year precision
LAST_MONTH = 12  # a year-precision end date means December's last day
SLIP_MONTH_MIN_LEN = 3  # the misspelt first name of a bilingual pair («سبتمر/أيلول»): shorter is any word
SLIP_MONTH_MAX_LEN = 9  # one-word month names have six letters or fewer: a longer word before «/» is no month

# --- scores: how sure each rule is (the order matters more than the values) -------------------------------

DATE_SCORE = 1.0  # dates are read by pattern and canonicalised: no doubt about the span
KB_NAME_SCORE = 0.95  # a KB name, abbreviation or alias: curated surface
KB_NISBA_SCORE = 0.9  # a nisba stands for its state: curated but a metonymy
KB_ABBR_AFTER_SCORE = 0.9  # an abbreviation in quotes after a shortened body name
KB_SHORT_SCORE = 0.85  # a KB person's surname alone: needs the full name or a long surname
TITLE_PERSON_SCORE = 0.8  # a name after an office title the KB does not know
ORG_SHORT_SCORE = 0.8  # a KB organisation named by the words before its «لـ» specifier («الاتحاد السعودي»)
ORG_SHORT_MIN_WORDS = 2  # … two words at least («الاتحاد السعودي», not «الاتحاد») …
ORG_SHORT_MAX_WORDS = 4  # … and at most four
KB_SHORT_LATER_SCORE = 0.8  # the last word of a KB person's full name, later in the document
NAMED_PROCESS_SCORE = 0.7  # «اتفاق الجزائر»: a head and a place, named by rule
FUZZY_SCORE = 0.7  # a misspelt state or nisba, one letter away
SPEAKER_SLOT_SCORE = 0.6  # a rare word between a reporting verb and what was said («وأضاف فيرجسون أن»)
HEADED_PERSON_SCORE = 0.7  # a proper noun right after a nationality or a trade («الروسي ميخائيل يوزهني»)
HEADED_PERSON_MIN_LETTERS = 3  # «البريطانية تي إن كي بي»: a letter of an acronym is no given name
# a first word after a nisba or a trade that is a proclitic on a word the news writes this often is no name
# («برياح», «لينهض»)
HEADED_PERSON_CLITIC_REST = 2
LINEAGE_PERSON_SCORE = 0.7  # «إسماعيل ولد الشيخ أحمد»: the model's pieces of a lineage joined
LINEAGE_SIDE_WORDS = 3  # name words before «ولد»
LINEAGE_MAX_WORDS = 8  # words after the first «ولد»: «ولد محمد حمودي ولد داف»
LIST_PERSON_SCORE = 0.7  # a name listed right after a person («محمد سعد، ومحمد هنيدي»)
LIST_NAME_MIN_WORDS = 2  # a listed name has two or three words: a single word could be anything
LIST_NAME_MAX_WORDS = 3
# a word of this many Wikidata person labels (kb/person_words.tsv.gz) is a given name where a person is expected
# whatever the POS model says: an item of a list of persons («وأشرف»: 34, VERB), or right after a nationality or a
# trade when a surname follows («الكويتي طالب الدوسري»: 28, VERB); common nouns that are names too («نور», «أمل»)
# count only beside another name word, as both rules need two
PERSON_WORD_MIN = 10
LOCAL_SHORT_SCORE = 0.7  # the last word of an unknown person's full name, later in the document
RULER_NAME_TAIL_MAX_WORDS = 5  # adjectives and «لل…» phrase after a ruler's name in a name («للعلوم والتقنية»)
HEADED_NAME_SCORE = 0.7  # «قمة هلسنكي», «المنتخب السعودي», «الصندوق السعودي للتنمية»: a head and a KB name
ACRONYM_SCORE = 0.7  # «(رياك)» after a body's name: the same body
CONTEXT_SCORE = 0.6  # guesses from context: a bare «وزارة الخارجية», a town after a cue, a facility's town

# --- tie-breaks when one key names several entities ------------------------------------------------------

KIND_PRIORITY: Mapping[str, int] = MappingProxyType({"name": 0, "abbr": 1, "nisba": 2, "short": 3})  # names first
TYPE_RANK: Mapping[str, int] = MappingProxyType({"GPE": 0, "ORG": 1, "PER": 2, "LOC": 3, "MISC": 4})  # states first
UNRANKED_TYPE = 9  # a type missing from TYPE_RANK comes after every ranked one
SUBTYPE_RANK: Mapping[str, int] = MappingProxyType({"country": 0})  # a country before its namesake capital
UNRANKED_SUBTYPE = 1  # every other subtype after a country
QUOTED_NAME_MAX_WORDS = 6  # «منظمة "بابليك سيتيزن غلوبال تريد ووتش"»: a quoted name after a head, at most this long
QUOTED_NAME_MAX_CHARS = 60
KAF_WHOLE_MAX_SHARE = 0.1  # «ك» + a state is read when the whole token is under a tenth as frequent as the state
# alone in the news («كمصر» 2 : «مصر» 2,411); «كلاوس» 10 : «لاوس» 3 and «كروس» 25 : «روس» 220 are other words
BA_WHOLE_MAX_SHARE = 0.1  # «ب» + a KB surname is read when the whole token is under a tenth as frequent as the surname
# («بترامب» 27 : «ترامب» 7,052); «بقوة» 345 : «قوة» 524 and «بسلام» 52 : «سلام» 241 are adverbs

# an alias that is also a given name («فارس», «كريم») needs a body's head word at most this many words before it
NAME_ALIAS_HEAD_WORDS = 4
