"""«المنظمة» after «أوبك», «الشركة» after «شركة "تينسينت"»: a definite head noun that refers back to the
organisation the article named last; «المملكة» for the kingdom the article is about.

Only for the commitments' parties (the mentions table keeps names, not such nouns): «وقال مصدران في أوبك إن
المنظمة اتفقت على …», «وطلبت إيران من المنظمة أن ترفض …». The organisation is the latest one named before the noun
whose name starts with that head («منظمة الدول المصدرة للبترول» for «المنظمة», «صندوق النقد الدولي» for «الصندوق»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tasks.commitments.parties import MentionRef
from tasks.entities.kb import KnowledgeBase
from tasks.text.normalize import normalize

# head nouns (as a name starts with them) → the definite noun that refers back («الاتحاد» after «الاتحاد
# الأوروبي»); «الدولية/الأممية» after it
# stay inside («المنظمة الدولية ومقرها جنيف»)
ANAPHOR_HEADS = ("منظمة", "وكالة", "صندوق", "حلف", "اتحاد", "شركة", "رابطة")
ANAPHOR_RE = re.compile(
    rf"(?<![\w])(?:[وفب]?ال|لل)(?P<head>{'|'.join(ANAPHOR_HEADS)})(?:\s+(?:الدولية|الأممية|الدولي))?(?![\w])"
)
ANAPHOR_TYPES = ("ORG",)
# media report, they do not act: «وأوردت الوكالة أن …» is no party
MEDIA_SUBTYPES = frozenset({"news_agency", "broadcaster", "newspaper", "media", "online_service"})
NEXT_WORD_RE = re.compile(r"\s+(\w)")


COMPANY_HEAD = normalize("شركة")
COMPANY_BEFORE_RE = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?شرك[ةه]\s+[\"'«“]?\s*$")  # «شركة "BRS Ventures"»


def _head_of(m: MentionRef, text: str, kb: KnowledgeBase) -> set[str]:
    """The head nouns an organisation's names start with (KB names and the surface); «شركة» also for a KB company
    and for a name the text introduces with «شركة» («وتسعى شركة "BRS Ventures"» … «وتتطلع الشركة»)."""
    ent = kb.entities.get(m.entity_id)
    names = [text[m.start : m.end], *((ent.name_ar, *ent.aliases_ar) if ent is not None else ())]
    heads = {COMPANY_HEAD} if (kb.subtype(m.entity_id) == "company"
                               or COMPANY_BEFORE_RE.search(text, max(0, m.start - 12), m.start)) else set()  # fmt: skip
    for n in names:
        first = normalize(n).split()[:1]
        if first:
            word = first[0][2:] if first[0].startswith("ال") else first[0]
            heads.add(word)
    return heads


def org_anaphors(text: str, mentions: Sequence[MentionRef], kb: KnowledgeBase) -> list[MentionRef]:
    """Mentions for «المنظمة», «الوكالة», «الصندوق», «الحلف» that refer back to the last organisation named
    with that head; none where a mention already covers the noun."""
    orgs = sorted((m for m in mentions if m.type in ANAPHOR_TYPES and m.entity_id
                   and kb.subtype(m.entity_id) not in MEDIA_SUBTYPES),
                  key=lambda m: m.start)  # fmt: skip
    heads = [_head_of(m, text, kb) for m in orgs]  # once per organisation, not per noun
    taken = [(m.start, m.end) for m in mentions]
    starts = {m.start for m in mentions}
    out = []
    for a in ANAPHOR_RE.finditer(text):
        if any(s < a.end() and a.start() < e for s, e in taken):
            continue
        nxt = NEXT_WORD_RE.match(text, a.end())
        if nxt is not None and nxt.start(1) in starts:
            continue  # «ودعت المنظمة الرياض إلى», «وطالب الصندوق الأرجنتين بـ»: a subject before its object
        head = normalize(a["head"])
        before = [m for m, h in zip(orgs, heads, strict=True) if m.end <= a.start() and head in h]
        if before:
            out.append(MentionRef(a.start(), a.end(), "ORG", before[-1].entity_id))
    return out


# «المملكة» alone («وقد أكدت المملكة أنها ستتخذ …», «المملكة وناميبيا توقعان»): the kingdom the article names most
# (Saudi papers write «المملكة» for Saudi Arabia, Bahraini news for Bahrain). A state is a kingdom when one of its
# KB names opens with «المملكة/مملكة» (Saudi Arabia, Bahrain, Jordan, Morocco, the United Kingdom, the Netherlands).
KINGDOM_RE = re.compile(r"(?<![\w])(?:[وفب]?ال|لل)مملك[ةه](?![\w])")
KINGDOM_HEADS = (normalize("المملكة"), normalize("مملكة"))


_KINGDOMS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _kingdoms(kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of the states one of whose KB names opens with «المملكة/مملكة», and the words that follow it in
    those names («العربية» of «المملكة العربية السعودية»): computed once per KB."""
    if id(kb) not in _KINGDOMS:
        ids, seconds = set(), set()
        for k, e in kb.entities.items():
            if e.type != "GPE" or e.subtype != "country":
                continue
            for n in (e.name_ar, *e.aliases_ar):
                words = normalize(n).split()
                if words[:1] and words[0] in KINGDOM_HEADS:
                    ids.add(k)
                    seconds.update(words[1:2])
        _KINGDOMS[id(kb)] = frozenset(ids), frozenset(seconds)
    return _KINGDOMS[id(kb)]


def kingdom_anaphors(text: str, mentions: Sequence[MentionRef], kb: KnowledgeBase) -> list[MentionRef]:
    """Mentions for «المملكة» alone: the kingdom the article names most (the last named first on a tie); none
    when the article names no kingdom, or where a mention already covers the word («المملكة المتحدة»)."""
    kingdoms, full_name_words = _kingdoms(kb)
    named = [m for m in mentions if m.entity_id in kingdoms]
    if not named:
        return []
    counts: dict[str, int] = {}
    for m in named:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    top = max(counts.values())
    leaders = {k for k, n in counts.items() if n == top}
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for a in KINGDOM_RE.finditer(text):
        if any(s < a.end() and a.start() < e for s, e in taken):
            continue
        if set(normalize(text[a.end() : a.end() + 12]).split()[:1]) & full_name_words:
            continue  # a kingdom's full name the mentions left unlinked («المملكة المغربية»)
        before = [m for m in named if m.end <= a.start() and m.entity_id in leaders]
        ent = before[-1].entity_id if before else next(m.entity_id for m in named if m.entity_id in leaders)
        out.append(MentionRef(a.start(), a.end(), "GPE", ent))
    return out
