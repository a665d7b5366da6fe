"""Commitment tagging: who pledged, intended, agreed or signed what, with whom, per sentence.

Rules over the sentence text and its entity mentions (no parser: the bundled models have none):
cues from a documented lexicon (``CUES`` below, written with Arabic morphology in mind: the future
prefix سـ / سوف on any verb, dual and feminine agreement, negation), then arguments found around the
cue: the actor (the subject next to the cue, or the parties «الجانبان» stands for, or the speaker's
state), the counterpart («مع X», «لـX»), the speaker (reporting verbs), the action span and sectors.
Matching runs on normalised text (tasks.text.normalize) and every span maps back to the original text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tasks.entities.kb import KnowledgeBase, load_kb
from tasks.text.clitics import lexicon_count, load_lexicon
from tasks.text.normalize import normalize, normalize_with_map

MODALITIES = ("pledge", "intent", "readiness", "agreement", "signed", "obligation", "call", "hope")
ADDRESSEE_MODALITIES = {"call", "hope", "obligation"}


def _alts(words: str) -> str:
    """Regex alternation of normalised forms, longest first."""
    forms = sorted({normalize(w) for w in words.split("|") if w}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


# Cue lexicon: (modality, pattern over normalised text). Inflections are listed where Arabic agreement
# changes the form (masculine/feminine, dual, plural, first person); «و/ف» may precede any cue.
CUES: list[tuple[str, str]] = [
    ("readiness", _alts("على استعداد|على أهبة الاستعداد|مستعد|مستعدة|مستعدان|مستعدتان|مستعدون|مستعدين|"
                        "استعداد|استعدادها|استعداده|استعدادهم|استعدادهما|استعدادنا")),
    ("intent", _alts("تعتزم|يعتزم|يعتزمان|تعتزمان|نعتزم|أعتزم|يعتزمون|تخطط|يخطط|نخطط|تهدف|يهدف|نهدف|نسعى|تسعى|"
                     "يسعى|يسعيان|تسعيان|عازمون|عازمة|عازم|عازمان|عزمه|عزمها|عزمهم|عزمهما|عزمنا|ترغب|يرغب|نرغب|"
                     "يرغبان|رغبته|رغبتها|رغبتهم|رغبتنا|سوف توقع|سوف يوقع|سوف يوقعان|سيوقع|ستوقع|سيوقعان|ستوقعان")),
    ("agreement", _alts("اتفق|اتفقت|اتفقا|اتفقتا|اتفقوا|يتفق|تتفق|قررتا|قررا|قرر الجانبان|قرر البلدان|"
                        "أعلنا بشكل مشترك|أعلنتا بشكل مشترك|توصل الجانبان إلى توافق|توصلا إلى توافق|"
                        "توصلت إلى توافق|توصل إلى توافق|توافقا|توافق الجانبان|انضمام")),
    ("signed", _alts("وقع|وقعت|وقعا|وقعتا|وقعوا|يوقع|توقع|يوقعان|توقعان|توقيع|التوقيع|بتوقيع")),
    ("obligation", _alts("يتعين على|يتعين|ينبغي على|ينبغي|يجب على|يجب|على الجانبين|على البلدين|على الطرفين|"
                         "من الضروري|أكدا الحاجة إلى|أكدا ضرورة|علينا|عليها أن|عليه أن")),
    ("call", _alts("دعا|دعت|يدعو|تدعو|داعيا|داعية|دعوا|ودعا|بدعوة|يدعوان|تدعوان|ندعو|أدعو")),
    ("hope", _alts("تتطلع|يتطلع|نتطلع|أتطلع|يتطلعان|تتطلعان|تأمل|يأمل|نأمل|آمل|يأملان|"
                   "أعرب عن تطلعه|أعربت عن تطلعها|أعرب عن أمله|أعربت عن أملها|أعربا عن تطلعهما|أعربا عن أملهما")),
    ("pledge", _alts("تعهد|تعهدت|تعهدا|تعهدتا|تعهدوا|يتعهد|تتعهد|نتعهد|أتعهد|يتعهدان|تتعهدان|وعد|وعدت|"
                     "التزام|التزامها|التزامه|التزامهم|التزامنا|ملتزمة|ملتزم|ملتزمون|ملتزمان")),
]  # fmt: skip
_CUE_RE = [(mod, re.compile(rf"(?<![\w])(?:[وف])?(?P<cue>{pat})(?![\w])")) for mod, pat in CUES]
# سـ or سوف + an imperfect verb (ي ت ن أ): a future self-declaration is a pledge.
_FUTURE_RE = re.compile(r"(?<![\w])(?:[وف])?(?P<cue>(?:سوف\s+|س)(?P<verb>[يتنا][\w]{2,}))(?![\w])")
# In a headline, a present-tense dual verb reports the article's commitment («… تعززان التعاون»).
_DUAL_PRESENT_RE = re.compile(r"(?<![\w])(?P<cue>(?P<verb>[يت][\w]{2,}ان))(?![\w])")
# In a headline, «الصين تعزز …» / «"قطر" تزود …»: an actor, then a present-tense verb, reports the article's
# commitment (guideline) — unless the verb states a stance or reports an event («تدعم», «ترحب», «تبحث»).
_PRESENT_RE = re.compile(r"[\s\"'«»“”]*(?P<cue>(?P<verb>[يت][\w]{3,}))(?![\w])")
_STANCE_VERBS = {normalize(v) for v in (
    "تدعم يدعم تؤيد يؤيد ترفض يرفض تدين يدين ترحب يرحب تعارض يعارض تؤكد يؤكد تطالب يطالب تحذر يحذر تنفي ينفي "
    "تتهم يتهم تعتبر يعتبر ترى يرى تشيد يشيد تولي يولي تواجه يواجه تستقبل يستقبل تتوقع يتوقع تنتقد ينتقد "
    "تهدد يهدد تحتفل يحتفل تتصدر يتصدر تعلن يعلن تكشف يكشف تنشر ينشر تقول يقول تعرب يعرب تبدي يبدي تدعو يدعو "
    "تخسر يخسر تربح يربح تسجل يسجل ترفع يرفع تخفض يخفض تتراجع يتراجع ترتفع يرتفع تنخفض ينخفض تحقق يحقق "
    "تستضيف يستضيف تشارك يشارك تتهم يتهم تحاكم يحاكم تعتقل يعتقل تقصف يقصف تهاجم يهاجم تستدعي يستدعي تطرد يطرد "
    "تجري يجري تهنئ يهنئ تتصل يتصل تختتم يختتم تبدأ يبدأ تغادر يغادر تنظم ينظم تفتتح يفتتح تودع يودع تعزي يعزي "
    "تقيل يقيل تعين يعين تعثر يعثر تستجوب يستجوب"
).split()}  # fmt: skip
_NEG_FUTURE_RE = re.compile(r"(?<![\w])(?:[وف])?(?P<cue>لن\s+(?P<verb>[يتنا][\w]{2,}))(?![\w])")
_NEG_BEFORE = re.compile(rf"(?:^|\s)(?:{_alts('لا|لن|لم|ليس|لسنا|ليست|لا نسعى')})\s+$")
# Future verbs that are logistics, copulas, passives or predictions, not commitments (guideline).
_NOT_COMMITMENT_VERBS = {normalize(v) for v in (
    "يكون تكون يكونان نكون يصبح تصبح يجتمع تجتمع يلتقي تلتقي يزور تزور يصل تصل يتوجه تتوجه يعقد تعقد "
    "يتم تتم يبدا يستمر تستمر يحضر تحضر يلقي يترأس يستغرق يشهد تشهد يحتاج تحتاج يتعين يمكن "
    "يشمل تشمل يتضمن تتضمن يحصل تحصل يصبحون يتمكن تتمكن يعود تعود يكونون يظل تظل يبقى تبقى ينعقد تنعقد "
    "يناقش تناقش يبحث تبحث يدرس تدرس"
).split()}  # fmt: skip
_NOT_HEADLINE_VERBS = _STANCE_VERBS | _NOT_COMMITMENT_VERBS  # a headline verb that reports no commitment
_LITOTES = re.compile(rf"^{_alts('لن ندخر|لن يدخر|لن تدخر|لن نألو|لن يألو|لن تألو')}")
_CONDITIONAL = re.compile(rf"(?<![\w])(?:{_alts('إذا|إن لم|في حال|في حالة|ما لم')})(?![\w])")  # not «لو»: «لو دريان»
# expectations, scheduling and third parties' readings of motives are not commitments (guideline)
_NOT_OWN_WORDS = ("من المتوقع|من المقرر|يتوقع|تتوقع|ومن المتوقع|ومن المقرر|بحسب خبراء|وبحسب خبراء|يرى محللون|"
                  "يرى مراقبون|ويرى محللون")
_EXPECTATION = re.compile(
    rf"(?<![\w])(?:{_alts(_NOT_OWN_WORDS)})(?![\w])"
)
_REPORTING_WORDS = ("قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|ذكر|ذكرت|أعلن|أعلنت|شدد|شددت|صرح|صرحت|"
                    "مضيفا|مضيفة|مؤكدا|مؤكدة|موضحا|مشيرا|لافتا|قائلا|قائلة|قوله|قولها|نقلت|نقل|تابع|وتابع|"
                    "أعرب|أعربت|أعربا|اعتبر|اعتبرت|أفاد|أفادت|لفت|لفتت")
# «من جانبه، توجه توكاييف …»: the other side takes the floor; its first person is the new speaker
_TURN = re.compile(rf"\s*(?:{_alts('من جانبه|من جانبها|من جهته|من جهتها|بدوره|بدورها|من ناحيته|من ناحيتها')})(?![\w])")
_REPORTING = re.compile(rf"(?<![\w])(?:[وف])?(?:{_alts(_REPORTING_WORDS)})(?![\w])")
_NAMED_DOC_BEFORE = re.compile(r"(?<![\w])(?:اتفاق|اتفاقيه|معاهده|اعلان|محادثات|عمليه|مسار)\s+$")
_DOC_NOUN = re.compile(r"(?<![\w])(?:[وب])?(?:ال)?(?:اتفاق|اتفاقي|مذكر|معاهد|اعلان|عقد|عقود|صفق|بروتوكول|وثيق|ميثاق)")
_SIGNED_NOT_NEXT = {normalize(w) for w in ("داخل", "في", "على", "ضمن", "تحت", "انفجار", "هجوم", "حادث", "اشتباك",
                                           "ضحية", "ضحايا", "قتيلا", "عليه", "عليها")}  # fmt: skip
_SELF_WORDS = {normalize(w) for w in ("بلاده", "بلادها", "بلادنا", "بلدنا", "بلده", "بلدها", "وهي", "هي", "نحن",
                                     "وهو", "هو")}  # fmt: skip
_NON_SUBJECT_STARTS = {normalize(w) for w in (
    "في وفي على من مع خلال بعد قبل منذ عند حتى كما أيضا ايضا قد لقد وقد فقد إلى الى عبر حول بشأن وفقا ووفقا "
    "اليوم أمس غدا الآن حاليا دائما كذلك بدورها بدوره"
).split()}  # fmt: skip
_PRONOUN_SUBJECTS = {normalize(w) for w in ("هي", "هو", "وهي", "وهو", "نحن")}
_TITLE_FILLERS = {normalize(w) for w in ("الرئيس", "والرئيس", "رئيس", "وزير", "الوزير", "الملك", "الأمير", "الشيخ",
                                        "أيضا", "ايضا", "من", "جانبها", "جانبه")}  # fmt: skip
_PARTIES_WORDS = {normalize(w) for w in ("الجانبان", "الجانبين", "البلدان", "البلدين", "الطرفان", "الطرفين",
                                        "الدولتان", "الدولتين", "كلا البلدين", "كلاهما", "الجانبين")}  # fmt: skip
_GROUP_WORDS = {normalize(w) for w in ("الدول الخمس", "دول آسيا الوسطى", "الدول الخمسة")}
CENTRAL_ASIA = ("KZ", "KG", "TJ", "UZ", "TM")
# «مع قيرغيزستان», «مع شركة بتروتشاينا» (the generic head stays outside a company's span)
_COUNTERPART_PREP = re.compile(rf"(?<![\w])(?:{_alts('مع|بين|تجاه|إلى')})\s+(?:(?:ال)?(?:شركه|مجموعه)\s+)?$")
_CLAUSE_END = re.compile(
    rf"(?:[.؛;!?؟]|،\s*(?:{_alts('مضيفا|مضيفة|مشيرا|مؤكدا|وقال|وأضاف|وأكد|كما|بينما|في حين|حيث|وذلك|وهو|وهي')})"
    rf"(?![\w]))"
)

SECTORS: dict[str, str] = {
    "trade": "تجارة|تجاري|تجارية|التجارة|التجاري|التجارية|الاقتصادي|الاقتصادية|اقتصادي|اقتصادية|الصادرات|الواردات|"
             "استيراد|تصدير|المنتجات|الأسواق|السوق|الشركات|الصناعي|الصناعية|الصناعة|التكامل الصناعي|المجمعات الصناعية",
    "security": "الأمن|الأمني|الأمنية|أمن|الإرهاب|الدفاع|العسكري|العسكرية|السلام|وقف إطلاق النار|النووي|الصاروخية|"
                "الصواريخ|التطرف|الانفصالية|إنفاذ القانون|السيادة|الاستقرار|سلامة أراضيها|الحرب",
    "energy": "الطاقة|النفط|الغاز|الغاز الطبيعي|المسال|الكهرباء|الطاقة الخضراء|الطاقة المتجددة|الطاقة الشمسية",
    "transport": "النقل|السكك الحديدية|السكة الحديد|سكة حديد|الموانئ|ميناء|الطرق|الشحن|الارتباطية|اللوجستية|المطار|"
                 "الطيران|العبور|مركبات",
    "health": "الصحة|الصحية|الطبية|الطب|اللقاحات|لقاح|الوباء|الجائحة|كوفيد|فيروس|المرض|التطبيب",
    "culture": "الثقافة|الثقافية|ثقافية|الثقافي|السياحة|التعليم|الشعبية|الشباب|الإعلام|الرياضة|التبادلات الثقافية|"
               "مراكز ثقافية|الفنون",
    "politics": "السياسية|السياسي|الثقة السياسية|الشراكة الاستراتيجية|العلاقات|الدبلوماسية|الشؤون الدولية|"
                "الشؤون الإقليمية|التنسيق الاستراتيجي|السفير|سفيرا|التوافق|الحوار|الانتخابات|الحكومة",
    "agriculture": "الزراعة|الزراعية|الزراعي|المنتجات الزراعية|الغذاء|الغذائي",
    "technology": "التكنولوجيا|التكنولوجي|الرقمي|الرقمية|الابتكار|العلوم|العلمي|الفضاء|الذكاء الاصطناعي|الاتصالات",
    "finance": "الاستثمار|الاستثمارات|استثمارات|الاستثمارية|التمويل|تمويلا|قروض|قرض|القروض|الديون|ديون|مليار دولار|"
               "مليون دولار|المالية|المالي|البنوك|العملة|الصرف",
    "environment": "البيئة|البيئية|الخضراء|التنمية الخضراء|المناخ|المياه|مياه|التصحر|التلوث",
}  # fmt: skip
_SECTOR_RE = {s: re.compile(rf"(?<![\w])(?:[وبلف]|ال)?(?:{_alts(words)})(?![\w])") for s, words in SECTORS.items()}


@dataclass(frozen=True)
class Party:
    entity_id: str
    canonical: str


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

    def __post_init__(self) -> None:
        if not self.commitment_id:
            key = f"{self.doc_id}:{self.sentence_idx}:{self.trigger_start}:{self.trigger_end}:{self.modality}"
            self.commitment_id = hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    type: str
    entity_id: str


# Organisations that act for their state («وزارة الخارجية الصينية» → China); companies, media, banks, funds,
# federations, universities and militant groups act for themselves (the guideline: companies stay organisations).
STATE_ORGAN_SUBTYPES = frozenset({
    "ministry", "government", "legislature", "central_bank", "government_agency", "military", "party",
    "party_body", "advisory_body", "judiciary", "court", "security_agency", "presidency", "state_body",
})  # fmt: skip


class _States:
    """Maps an entity (a leader, a ministry, a nisba, a country) to the state it acts for."""

    def __init__(self, kb: KnowledgeBase, canon: Mapping[str, str]) -> None:
        self.kb = kb
        self.canon = canon
        self.overrides: dict[str, Party] = {}  # persons the KB does not know → the state of their title

    def state(self, entity_id: str) -> Party | None:
        if entity_id in self.overrides:
            return self.overrides[entity_id]
        ent = self.kb.entities.get(entity_id)
        if ent is None:
            name = self.canon.get(entity_id)
            return Party(entity_id, name) if name and not entity_id.startswith("date:") else None
        if ent.type == "GPE" and ent.subtype == "country":
            return Party(ent.entity_id, ent.canonical)
        if ent.country and (ent.type == "PER" or (ent.type == "ORG" and ent.subtype in STATE_ORGAN_SUBTYPES)):
            country = self.kb.country(ent.country)
            if country is not None:
                return Party(country.entity_id, country.canonical)
        if ent.type in ("ORG", "PER"):
            return Party(ent.entity_id, ent.canonical)
        if ent.type == "GPE" and ent.country and ent.subtype == "capital":
            country = self.kb.country(ent.country)  # «سفير مانيلا»: a capital standing for its government
            return Party(country.entity_id, country.canonical) if country else None
        return None

    def country(self, iso: str) -> Party | None:
        c = self.kb.country(iso)
        return Party(c.entity_id, c.canonical) if c else None


def _title_states(text: str, mentions: Sequence[MentionRef], states: _States) -> None:
    """«وزير النقل السوداني مكاوي عوض»: a person the KB does not know acts for the state of the nisba
    in the title right before the name."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if m.type != "PER" or m.entity_id in states.kb.entities:
            continue
        for prev in reversed(ordered[max(0, i - 2) : i]):
            gap = normalize(text[prev.end : m.start]).split()
            if prev.type == "GPE" and m.start - prev.end < 40 and len(gap) <= 3:
                st = states.state(prev.entity_id)
                if st is not None and st.entity_id in states.kb.entities:
                    states.overrides[m.entity_id] = st
                break


def _dedupe(parties: Sequence[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.entity_id not in seen:
            seen.add(p.entity_id)
            out.append(p)
    return out


def _future_verb_ok(verb: str, lexicon: Mapping[str, int]) -> bool:
    """Is «س+verb» a future verb? The verb must exist without the prefix in the news corpus
    («ستدعم» → «تدعم»), which rules out «سياسة», «سيادة», «سيارة»."""
    if normalize(verb) in _NOT_COMMITMENT_VERBS or normalize(re.sub(r"(ان|ون|ين)$", "", verb)) in _NOT_COMMITMENT_VERBS:
        return False
    if verb[0] in "اأ" and (len(verb) < 4 or verb.endswith(("ين", "ون", "ان", "ات"))):
        return False  # «ساهم» is a past verb, not «س» + «اهم»; «سابقين» (former) a plural adjective
    whole = lexicon_count(normalize("س" + verb))
    if whole >= 10 and whole >= 2 * lexicon_count(normalize(verb)):
        return False  # «سيدة» (a lady), «ستين» (sixty), «سنجار»: far more frequent than «يدة», «تين», «نجار»
    for form in (verb, re.sub(r"(ان|ون|ين|ها|هم|هما|نا)$", "", verb)):
        if len(form) >= 3 and form[0] in "يتناأ" and lexicon.get(form, 0) >= 3:
            return True
    return False


def tag_document(
    doc_id: str,
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    mentions: Sequence[MentionRef],
    canon: Mapping[str, str],
    date: Any = None,
    kb: KnowledgeBase | None = None,
    title: str | None = None,
) -> list[Commitment]:
    """Every commitment record of one document."""
    kb = kb or load_kb()
    lexicon = load_lexicon()
    states = _States(kb, canon)
    _title_states(text, mentions, states)
    # the document's parties: the states it names most (for «الجانبان» / «البلدان»)
    counts: Counter[str] = Counter()
    led: Counter[str] = Counter()  # states whose leaders and officials the document names
    party_of: dict[str, Party] = {}
    for m in mentions:
        if m.type in ("GPE", "PER", "ORG"):
            st = states.state(m.entity_id)
            if st and st.entity_id in kb.entities and kb.entities[st.entity_id].subtype == "country":
                counts[st.entity_id] += 1
                led[st.entity_id] += m.type == "PER"
                party_of[st.entity_id] = st
    doc_parties = [party_of[e] for e, _ in counts.most_common(2)]
    # «القمة الثلاثية», «القادة الثلاثة»: the three states whose leaders the article names, when it names
    # three (the country where they met is named often too, but is not a party)
    by_leaders = [e for e, n in sorted(led.items(), key=lambda x: (-x[1], -counts[x[0]])) if n > 0]
    top3 = by_leaders[:3] if len(by_leaders) >= 3 else [e for e, _ in counts.most_common(3)]
    states.top3 = [party_of[e] for e in top3]  # type: ignore[attr-defined]
    norm_text = normalize(text)
    if any(w in norm_text for w in _GROUP_WORDS):
        ca = [p for p in (states.country(c) for c in CENTRAL_ASIA) if p]
        ca_ids = {p.entity_id for p in ca}
        others = [party_of[e] for e, _ in counts.most_common() if e not in ca_ids][:1]
        doc_parties = others + ca
    out: list[Commitment] = []
    from_headline: list[Commitment] = []
    last_speaker: Party | None = None
    for idx, s_start, s_end in sentences:
        sent = text[s_start:s_end]
        norm, index = normalize_with_map(sent)
        ments = [m for m in mentions if s_start <= m.start and m.end <= s_end]
        headline = idx == 0 and bool(title) and sent.strip() == title
        cues = _find_cues(norm, lexicon, headline=headline)
        if headline and not cues:
            cues = _headline_present(norm, index, s_start, ments, lexicon)
        speaker = _speaker(norm, index, s_start, ments, states, kb) or (
            last_speaker if _REPORTING.match(norm.lstrip()) or (norm.startswith(("و", "ف")) and cues) else None
        )
        if speaker is not None:
            last_speaker = speaker
        if not cues:
            continue
        if _EXPECTATION.search(norm) and not _REPORTING.search(norm):
            continue
        bounds = sorted(c[1] for c in cues)
        prev_actors: list[Party] = []
        for modality, c_start, c_end, polarity, strength in cues:
            if _CONDITIONAL.search(norm[max(0, c_start - 120) : c_start]):
                continue
            t_start, t_end = index[c_start] + s_start, index[c_end - 1] + 1 + s_start
            nxt = min([b for b in bounds if b > c_start] + [len(norm)])
            a_start_n = c_start if strength == "headline" or (modality == "pledge" and strength == "future") else c_end
            a_end_n = _action_end(norm, a_start_n, nxt)
            while a_start_n < a_end_n and norm[a_start_n] in " \t،,:":
                a_start_n += 1
            if a_start_n >= a_end_n:
                continue
            a_start = index[a_start_n] + s_start
            a_end = index[a_end_n - 1] + 1 + s_start
            # light verb: «ستعمل على X» / «سنعمل على X» → X
            light = re.match(r"(?:ست|سن|سي)عمل(?:ان)?\s+على\s+", norm[a_start_n:a_end_n])
            if light:
                a_start = index[a_start_n + light.end()] + s_start
            actors, counterparts, fallback = _arguments(
                norm, index, s_start, c_start, c_end, a_end_n, modality, ments, states, doc_parties, speaker, kb
            )
            coordinated = norm[max(0, c_start - 2) : c_start].strip().endswith("و") or (
                c_start > 0 and norm[c_start - 1] == "و"
            )
            if coordinated and prev_actors and (fallback or not actors) and modality not in ADDRESSEE_MODALITIES:
                actors, fallback = prev_actors, False  # «ستدعم … وستدعم …»: the same subject
            if not actors:
                continue
            prev_actors = actors
            action = text[a_start:a_end]
            sectors = [s for s, rx in _SECTOR_RE.items() if rx.search(normalize(action))] or ["other"]
            conf = {"lexical": 0.8, "future": 0.65, "negfuture": 0.7, "headline": 0.6}[strength] - (
                0.2 if fallback else 0.0
            )
            out.append(Commitment(
                doc_id, idx, text[t_start:t_end], t_start, t_end, modality, polarity, action, a_start, a_end,
                sectors, actors, counterparts, None if modality == "agreement" and speaker is None else speaker,
                date, round(max(0.1, conf), 2), sentence=sent,
            ))  # fmt: skip
            if strength == "headline":
                from_headline.append(out[-1])
    if len(from_headline) == len(out):
        return []  # a present-tense headline reports a commitment only if the article makes one
    return out


def _headline_present(
    norm: str, index: Sequence[int], s_start: int, ments: Sequence[MentionRef], lexicon: Mapping[str, int]
) -> list[tuple[str, int, int, str, str]]:
    """The verb right after a headline's leading actor («الصين تعزز», «"قطر" تزود»), as a cue."""
    ends = {}
    for p, off in enumerate(index):
        ends[off + s_start + 1] = p + 1  # original end offset → normalised end
    for m in sorted(ments, key=lambda m: m.start):
        if m.type not in ("GPE", "ORG", "PER") or m.end not in ends:
            continue
        n_end = ends[m.end]
        if len(norm[:n_end].split()) > 4:
            break  # the subject leads a headline
        hit = _PRESENT_RE.match(norm, n_end)
        if hit is None or any(o.start < index[hit.end("cue") - 1] + s_start + 1 and o.end > index[hit.start("cue")]
                              + s_start for o in ments):  # fmt: skip
            continue
        verb = hit["verb"]
        if verb in _NOT_HEADLINE_VERBS or verb.endswith(("ه", "ات")) or lexicon.get(verb, 0) < 3:
            continue
        modality = "signed" if re.match(r"[يت]وقع", verb) else "pledge"
        return [(modality, hit.start("cue"), hit.end("cue"), "positive", "headline")]
    return []


def _find_cues(
    norm: str, lexicon: Mapping[str, int], headline: bool = False
) -> list[tuple[str, int, int, str, str]]:
    """(modality, start, end, polarity, kind) of every cue in a normalised sentence, non-overlapping."""
    found: list[tuple[str, int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _NEG_FUTURE_RE.finditer(norm):
        verb = m["verb"]
        if normalize(verb) in _NOT_COMMITMENT_VERBS or (lexicon.get(verb, 0) < 3 and not _LITOTES.match(m["cue"])):
            continue
        pol = "positive" if _LITOTES.match(m["cue"]) else "negative"
        s, e = m.span("cue")
        found.append(("pledge", s, e, pol, "negfuture"))
        taken.append((s, e))
    for modality, rx in _CUE_RE:
        for m in rx.finditer(norm):
            s, e = m.span("cue")
            if not free(s, e):
                continue
            if modality == "signed" and not _signed_ok(norm, s, e):
                continue
            pol = "negative" if _NEG_BEFORE.search(norm[max(0, s - 12) : s]) else "positive"
            if modality == "obligation" and norm[s:e].startswith("على") and not _followed_by_party(norm, e):
                continue
            found.append((modality, s, e, pol, "lexical"))
            taken.append((s, e))
    for m in _DUAL_PRESENT_RE.finditer(norm) if headline else ():
        s, e = m.span("cue")
        known = max(lexicon.get(m["verb"], 0), lexicon.get(m["verb"][:-2], 0))  # «تعززان» → «تعزز»
        if free(s, e) and known >= 3 and normalize(m["verb"][:-2]) not in _NOT_HEADLINE_VERBS:
            found.append(("signed" if re.match(r"[يت]وقع", m["verb"]) else "pledge", s, e, "positive", "future"))
            taken.append((s, e))
    for m in _FUTURE_RE.finditer(norm):
        s, e = m.span("cue")
        if not free(s, e) or not _future_verb_ok(m["verb"], lexicon):
            continue
        if re.fullmatch(r"[يتن]قوم(?:ان|ون)?", m["verb"]) and _VISIT_AFTER.match(norm, e):
            continue  # «سيقوم بزيارة», «سيقوم بدور»: a trip or a role; «ستقوم قطر غاز بتزويد» is a pledge
        modality = "intent" if re.match(r"[يت]وقع", m["verb"]) else "pledge"
        found.append((modality, s, e, "positive", "future"))
        taken.append((s, e))
    return sorted(found, key=lambda c: c[1])


# the one spoken to, not the speaker: «قال … لوكالة بلومبيرغ: "سنواصل"», «لبي بي سي "يجب"»
_ADDRESSEE = re.compile(r"(?:(?<![\w])ل(?:وكاله|قناه|صحيفه|شبكه|موقع|تلفزيون|اذاعه)\s+|(?<![\w])ل)$")
# no verb-subject-object reading after a relative pronoun or in a question; only at a clause's start
_NO_VSO_BEFORE = re.compile(
    r"(?:(?<![\w])(?:التي|الذي|اللذين|اللتين|الذين|اللتان|اللذان|ما|لما|بما|مما)\s+$|(?<![\w])هل\s)"
)
_CLAUSE_INITIAL = re.compile(r"(?:^|[،,:\"«“]\s*|(?<![\w])(?:ان|انه|انها|بان|بانه)\s+)$")
# «كشفت/أعلنت X … عن توقيع»: the announcing verb and, later, «عن» right before the nominal cue
_ANNOUNCED = re.compile(r"(?<![\w])(?P<verb>و?(?:كشف|كشفت|اعلن|اعلنت|اعلنا|كشفا))\s.*\sعن\s*$")
# «سيقوم (الرئيس …) بزيارة/بجولة»: a trip, not a commitment
_VISIT_AFTER = re.compile(r"(?:\s+\S+){0,4}?\s+(?:ب|ب?ال)(?:زياره|جوله|رحله|دور)(?![\w])")


def _signed_ok(norm: str, s: int, e: int) -> bool:
    """«وقع» is signing only with a document as object in its clause, not «وقع انفجار» (happened) or
    «وقعت داخل الحدود» (lay); a re-mention in a time phrase («عشية التوقيع») is not a record."""
    if re.search(r"(?<![\w])(?:عشيه|بعد|قبل|منذ|عقب|اثر|لدى|عند)\s+$", norm[max(0, s - 8) : s]):
        return False
    nxt = norm[e : e + 12].split()[:1]
    if nxt and nxt[0] in _SIGNED_NOT_NEXT:
        return False
    window = re.split(r"[.؛;!?؟]", norm[e : e + 160])[0]
    return bool(re.search(r"(?:اتفاق|اتفاقي|مذكر|معاهد|اعلان|عقد|عقود|صفق|بروتوكول|وثيق|ميثاق|بيان)", window))


def _followed_by_party(norm: str, e: int) -> bool:
    nxt = norm[e : e + 25].strip()
    return any(nxt.startswith(w) for w in _PARTIES_WORDS) or nxt.startswith(("الجانب", "البلد", "الحكوم", "الدول"))


def _action_end(norm: str, start: int, next_cue: int) -> int:
    m = _CLAUSE_END.search(norm, start)
    end = min(m.start() if m else len(norm), len(norm))
    # coordinated cues: «ستدعم … وستدعم …» ends the first action before «و» of the next cue
    if next_cue < end:
        end = next_cue
        while end > start and norm[end - 1] in " ،,و":
            end -= 1
    return end


def _mention_parties(
    ms: Sequence[MentionRef], states: _States
) -> list[tuple[MentionRef, Party]]:
    out = []
    for m in ms:
        if m.type in ("GPE", "PER", "ORG"):
            p = states.state(m.entity_id)
            if p is not None:
                out.append((m, p))
    return out


def _group_parties(norm_span: str, states: _States, doc_parties: Sequence[Party], kb: KnowledgeBase) -> list[Party]:
    if re.search(r"(?<![\w])(?:القاده|القمه|الرؤساء|الدول|البلدان)\s+(?:الثلاث|الثلاثه|الثلاثيه)(?![\w])", norm_span):
        return list(getattr(states, "top3", doc_parties))
    for w in _GROUP_WORDS:
        if w in norm_span:
            return [p for p in (states.country(c) for c in CENTRAL_ASIA) if p]
    for w in _PARTIES_WORDS:
        if re.search(rf"(?<![\w])(?:[وبل])?{re.escape(w)}(?![\w])", norm_span):
            return list(doc_parties)
    return []


def _arguments(
    norm: str, index: Sequence[int], base: int, c_start: int, c_end: int, a_end: int, modality: str,
    ments: Sequence[MentionRef], states: _States, doc_parties: Sequence[Party], speaker: Party | None,
    kb: KnowledgeBase,
) -> tuple[list[Party], list[Party], bool]:  # fmt: skip
    """Actors and counterparts around a cue; ``True`` when the actor is only the speaker's state."""

    def n_pos(m: MentionRef) -> int:  # mention start in normalised sentence coordinates
        for i, orig in enumerate(index):
            if orig + base >= m.start:
                return i
        return len(index)

    def n_end(m: MentionRef) -> int:
        for i, orig in enumerate(index):
            if orig + base >= m.end:
                return i
        return len(index)

    parties = [(n_pos(m), m, p) for m, p in _mention_parties(ments, states)]
    # a state inside a named agreement or process («اتفاق الجزائر», «محادثات أستانة») is not a party
    parties = [x for x in parties if not _NAMED_DOC_BEFORE.search(norm[max(0, x[0] - 12) : x[0]])]
    ends = {(m.start, m.end): n_end(m) for _, m, _ in parties}
    # the clause before the cue: back to the nearest إن/أن or reporting verb
    left_start = 0
    comp_word = ""
    blocked: list[bool] = []
    for m in re.finditer(r"(?<![\w])(?:[وف])?(?:ان|انه|انها|انهما|بان|بانه|بانها)(?![\w])", norm[:c_start]):
        left_start, comp_word = m.end(), m.group()
    left = [(pos, m, p) for pos, m, p in parties if left_start <= pos < c_start]
    right = [(pos, m, p) for pos, m, p in parties if c_end <= pos < a_end]
    speaker_state = states.state(speaker.entity_id) if speaker else None
    if speaker_state is None and speaker is not None:
        speaker_state = speaker

    actors: list[Party] = []
    fallback = False

    def words_between(lo: int, hi: int) -> list[str]:
        return [w for w in norm[lo:hi].replace("،", " ").split() if w not in _TITLE_FILLERS]

    def subject() -> tuple[list[Party], bool]:
        """The subject of the cue: right after the complementizer, or right before the cue; (parties,
        True) when only the speaker's state is left; ([], False) when the subject is not a party."""
        subj = norm[left_start:c_start]
        if comp_word.endswith("هما") and doc_parties:
            return list(doc_parties), False  # «أنهما سيعززان»: the two sides
        head = " ".join(subj.split()[:3])
        group = _group_parties(head, states, doc_parties, kb) or (
            _group_parties(" ".join(subj.split()[-2:]), states, [], kb) if left_start == 0 else []
        )  # «كما كرر القادة الثلاثة عزمهم»: the group right before the cue
        if group:
            return group, False
        rel = re.search(r"(?<![\w])(?:التي|الذي|اللذين|اللتين|الذين|اللتان|اللذان)\s+$", norm[:c_start])
        owner = [x for x in left if rel and ends.get((x[1].start, x[1].end), x[0]) <= rel.start()
                 and not words_between(ends.get((x[1].start, x[1].end), x[0]), rel.start())]  # fmt: skip
        if owner and not (right and not words_between(c_end, right[0][0])):
            # «لقطرغاز، التي تسعى»: the relative clause's antecedent; not «سواكن التي ستطورها تركيا»
            return [owner[-1][2]], False
        after_comp = [x for x in left if len(words_between(left_start, x[0])) <= 1]
        if after_comp:
            start = left.index(after_comp[0])
            return _coordinated(norm, left[start:], after_comp[0][0], ends=ends), False
        before_cue = [x for x in left if len(words_between(x[0], c_start)) <= 2 and not _ADDRESSEE.search(norm[: x[0]])
                      and not re.search(r"(?<![\w])(?:التي|الذي|اللذين|اللتين|الذين)(?![\w])", norm[x[0] : c_start])]
        if before_cue and left_start == 0:
            return _coordinated(norm, left[: left.index(before_cue[-1]) + 1], c_start, backwards=True, ends=ends), False
        first = subj.replace("،", " ").replace(",", " ").split()[:1]
        if first and first[0] in _SELF_WORDS:
            # the subject of the last reporting verb before «إن/أن» («قال وزير الخارجية الأمريكي إن بلاده»);
            # none there («وأكد أن الصين …، مضيفا أن بلاده»): the speaker's state
            reps = list(_REPORTING.finditer(norm[:left_start]))
            rep = reps[-1] if reps else None
            reporter = [x for x in parties if rep and rep.end() <= x[0] < left_start
                        and len(words_between(rep.end(), x[0])) <= 4]  # fmt: skip
            if reporter and states.state(reporter[0][1].entity_id):
                return [reporter[0][2]], False  # «قال وزير الخارجية الأمريكي إن بلاده …»
            if speaker_state is not None:
                return [speaker_state], False
        if re.match(r"^(?:لن\s+|لا\s+)?(?:س|سوف\s+)?ن", norm[c_start:c_end].lstrip("وف")) and speaker_state is not None:
            return [speaker_state], False  # first person plural: «سنعمل», «نسعى»
        if left_start > 0 and first and first[0] not in _PRONOUN_SUBJECTS and first[0] not in _NON_SUBJECT_STARTS:
            blocked.append(True)
            return [], False  # a subject that is not a party («الشراكة ستحقق»): not a commitment
        if right and len(words_between(c_end, right[0][0])) <= 2:
            # VSO: «وقعت الصين وقيرغيزستان», «اتفق الرئيس شي …»
            return _coordinated(norm, right, c_end, ends=ends), False
        group = _group_parties(" ".join(norm[c_start:].split()[:4]), states, doc_parties, kb)
        if group:
            return group, False  # «ويعتزم الجانبان», «توصل الجانبان إلى توافق»
        if re.search(r"(?:ان|تا|ا)$", norm[c_start:c_end]) and doc_parties:
            return list(doc_parties), False  # a dual verb with no named subject: the two sides
        if speaker_state is not None:
            return [speaker_state], True
        return [], False

    if modality in ADDRESSEE_MODALITIES:
        window = norm[c_start : min(a_end, c_end + 40)]
        group = _group_parties(" ".join(window.split()[:8]), states, doc_parties, kb)
        # the addressee is near the cue; a party after «مع» is a partner, not the addressee
        near = [x for x in right if len(words_between(c_end, x[0])) <= 5
                and not re.search(r"(?<![\w])مع\s+$", norm[max(0, x[0] - 5) : x[0]])]  # fmt: skip
        verbal = not norm[c_start:c_end].lstrip("و").startswith(("بدعو", "دعوه", "الدعوه", "تطلع", "امل"))
        if (verbal and near and right[0] == near[0] and len(words_between(c_end, right[0][0])) <= 2
                and len(_dedupe(_coordinated(norm, right, right[0][0], ends=ends))) == 1):  # not «يدعو X وY»
            # VSO «دعت السلطات الكويتية … سفير مانيلا إلى»: the first party after the verb is its subject,
            # the caller; a different state after it is the addressee
            k = 0
            while k < len(right) and right[k][2] == right[0][2]:
                k += 1
            rest = [x for x in near if x in right[k:]]
            if rest:
                near = rest
        between = re.search(r"(?<![\w])بين\s+", norm[c_end:a_end])
        if between and not group:
            pos = c_end + between.end()
            pair = [x for x in right if x[0] >= pos]
            if pair and pair[0][0] - pos < 3:
                near = []
                group = _coordinated(norm, pair, pos, ends=ends)
        near = [x for x in near if not (x[1].type == "PER" and speaker is not None
                                        and states.state(x[1].entity_id) == speaker_state)]  # fmt: skip
        if group:
            actors = group
        elif near:
            actors = _coordinated(norm, right[right.index(near[0]) :], near[0][0], ends=ends)
        elif modality == "hope":
            actors, fallback = subject()
        elif modality == "obligation":
            actors, fb = subject()
            if not blocked:
                actors = list(doc_parties) if fb or not actors else actors
        else:
            actors = list(doc_parties)  # «دعا شي إلى …»: the addressees are the two sides
    else:
        actors, fallback = subject()
        nominal = norm[c_start:c_end].lstrip("وب").startswith(("توقيع", "التوقيع"))
        if (not actors or fallback) and not nominal and right and not words_between(c_end, right[0][0]) \
                and _CLAUSE_INITIAL.search(norm[:c_start]) and not _NO_VSO_BEFORE.search(norm[:c_start]):
            # VSO «…، ستقوم قطر غاز بتزويد»: a clause-initial verb's subject is the party right after it.
            # Not a people («لن يزيد السوريين»: an object), not after «التي»/«ما» or in a question.
            first = right[0]
            surface = norm[first[0] : ends.get((first[1].start, first[1].end), first[0])]
            if not any(m.kind == "nisba" for m in kb.lookup(surface)):
                actors, fallback = _coordinated(norm, right, right[0][0], ends=ends), False
        announced = _ANNOUNCED.search(norm[left_start:c_start]) if nominal and (not actors or fallback) else None
        if announced:
            # «كشفت شركة قطر غاز، الأثنين، عن توقيع اتفاقية»: who announces the signing signs
            verb_end = left_start + announced.end("verb")
            subj = [x for x in left if verb_end <= x[0] and len(words_between(verb_end, x[0])) <= 1]
            if subj:
                actors, fallback = _coordinated(norm, left[left.index(subj[0]) :], subj[0][0], ends=ends), False
        if modality == "signed" and right and len(words_between(c_end, right[0][0])) <= 2:
            # «وقع الشيخ محمد بن زايد ولي عهد أبوظبي … والرئيس الروسي فلاديمير بوتين إعلان …»: every
            # party named between the verb and the document signs
            doc_noun = _DOC_NOUN.search(norm, c_end, a_end)
            stop = doc_noun.start() if doc_noun else a_end
            with_ = re.search(r"(?<![\w])مع\s", norm[c_end:stop])  # «وقع X مع نظيره Y»: Y is the counterpart
            stop = c_end + with_.start() if with_ else stop
            signers = [p for pos, _m, p in right if pos < stop]
            if signers:
                actors, fallback = _dedupe(signers), False
        if modality == "signed" and nominal and (fallback or not actors) and doc_parties:
            actors, fallback = list(doc_parties), False  # «بتوقيع اتفاق الجزائر»: the article's two sides
        between = re.search(r"(?<![\w])بين\s+", norm[c_end:a_end]) if modality == "signed" else None
        if between and (fallback or not actors or norm[c_start:c_end].startswith(("توقيع", "التوقيع"))):
            pos = c_end + between.end()
            pair = [x for x in right if x[0] >= pos]
            if len(pair) > 1 and pair[0][0] - pos < 3:
                actors, fallback = _coordinated(norm, pair, pos, ends=ends), False  # «توقيع اتفاقية بين X وY»
    actors = _dedupe(actors)
    actor_ids = {a.entity_id for a in actors}
    counterparts: list[Party] = []
    for i, (pos, _m, p) in enumerate(right):
        if p.entity_id in actor_ids or p in counterparts:
            continue
        before = norm[max(c_end, pos - 12) : pos]
        if _COUNTERPART_PREP.search(before) or re.search(r"(?<![\w])ل$", before) or norm[pos : pos + 1] == "ل":
            # «مع قيرغيزستان وطاجيكستان وتركمانستان»: the partners joined to the first one
            counterparts += [q for q in _coordinated(norm, right[i:], pos, ends=ends) if q.entity_id not in actor_ids]
    return actors, _dedupe(counterparts), fallback


def _coordinated(
    norm: str, items: Sequence[tuple[int, MentionRef, Party]], start: int, backwards: bool = False,
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
        words = [w for w in gap.replace("،", " ").replace(",", " ").split()
                 if w not in _TITLE_FILLERS and w[1:] not in _TITLE_FILLERS and w != "و"]  # fmt: skip
        if not words:
            chosen.append(b_p)
        else:
            break
    return chosen


def _speaker(
    norm: str, index: Sequence[int], base: int, ments: Sequence[MentionRef], states: _States, kb: KnowledgeBase
) -> Party | None:
    """The person whose words these are: a PER mention next to a reporting verb («قال لي إن»,
    «وقال رئيس مجلس الدولة الصيني لي تشيانغ»)."""
    rep = _TURN.match(norm) or _REPORTING.search(norm)
    if not rep:
        return None
    people = [m for m in ments if m.type == "PER"]
    if not people:
        return None
    rep_orig = index[rep.start()] + base
    after = [m for m in people if m.start >= rep_orig]
    before = [m for m in people if m.end <= rep_orig]
    pick = after[0] if after and (after[0].start - rep_orig) < 80 else (before[-1] if before else None)
    if pick is None:
        return None
    name = states.canon.get(pick.entity_id) or pick.entity_id
    return Party(pick.entity_id, name)


def commitment_columns(records: Sequence[Commitment]) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Rows of the ``commitments`` and ``commitment_parties`` tables."""
    c_cols: dict[str, list[Any]] = {k: [] for k in (
        "commitment_id", "doc_id", "sentence_idx", "trigger", "trigger_start", "trigger_end", "modality",
        "polarity", "action", "action_start", "action_end", "sectors", "speaker_entity_id", "date", "confidence",
    )}  # fmt: skip
    p_cols: dict[str, list[Any]] = {"commitment_id": [], "entity_id": [], "role": []}
    for r in records:
        row = (r.commitment_id, r.doc_id, r.sentence_idx, r.trigger, r.trigger_start, r.trigger_end, r.modality,
               r.polarity, r.action, r.action_start, r.action_end, r.sectors,
               r.speaker.entity_id if r.speaker else None, r.date, r.confidence)  # fmt: skip
        for k, v in zip(c_cols, row, strict=True):
            c_cols[k].append(v)
        for role, parties in (("actor", r.actors), ("counterpart", r.counterparts)):
            for p in parties:
                p_cols["commitment_id"].append(r.commitment_id)
                p_cols["entity_id"].append(p.entity_id)
                p_cols["role"].append(role)
    return c_cols, p_cols


def tag_commitments(
    docs: Sequence[Any], sentences: Mapping[str, list[Any]], mentions: Mapping[str, list[Any]],
    entity_rows: dict[str, Any], kb: KnowledgeBase | None = None,
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:  # fmt: skip
    """Batch adapter: resolved mention columns in, commitment table columns out. Parties that no
    mention names (the five states behind «دول آسيا الوسطى») are added to ``entity_rows``."""
    import datetime as dt

    from tasks.entities.resolve import kb_row

    kb = kb or load_kb()
    by_doc_sent: dict[str, list[tuple[int, int, int]]] = {}
    for d, i, s, e in zip(sentences["doc_id"], sentences["sentence_idx"], sentences["start_char"],
                          sentences["end_char"], strict=True):  # fmt: skip
        by_doc_sent.setdefault(d, []).append((i, s, e))
    by_doc_ment: dict[str, list[MentionRef]] = {}
    for d, s, e, t, eid in zip(mentions["doc_id"], mentions["start_char"], mentions["end_char"], mentions["type"],
                               mentions["entity_id"], strict=True):  # fmt: skip
        by_doc_ment.setdefault(d, []).append(MentionRef(s, e, t, eid))
    canon = {eid: r.canonical_name for eid, r in entity_rows.items()}
    records: list[Commitment] = []
    for doc in docs:
        raw_date = doc.dateline_date or doc.published_date
        date = dt.date.fromisoformat(raw_date[:10]) if raw_date else None
        ments = by_doc_ment.get(doc.doc_id, [])
        if doc.dateline_span:  # «دبي، الإمارات العربية المتحدة (CNN)» places the reporter, not a party
            ds, de = doc.dateline_span
            ments = [m for m in ments if not (ds <= m.start and m.end <= de)]
        records += tag_document(doc.doc_id, doc.text, by_doc_sent.get(doc.doc_id, []), ments, canon, date, kb,
                                doc.title)  # fmt: skip
    for r in records:
        for p in [*r.actors, *r.counterparts]:
            if p.entity_id not in entity_rows and p.entity_id in kb.entities:
                entity_rows[p.entity_id] = kb_row(kb.entities[p.entity_id])
    return commitment_columns(records)
