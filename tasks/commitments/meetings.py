"""The meetings an article reports and who was met: «بعد انتهاء اجتماع مع نظرائه في مجلس التعاون الخليجي».

Read once per document (``set_meetings``), so that a first-person agreement said by one side of a meeting
(«توافقنا على تسريع بيع بعض الأسلحة») can be given to both sides, as the guideline rules: «اتفقنا» said by one
side of a meeting → both parties of that meeting (arguments, actor pass ``meeting_side``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tasks.commitments.constants import (
    MEETING_LOOKBACK_CHARS,
    MEETING_PARTNER_MAX_WORDS,
    MEETING_WITH_MAX_WORDS,
    MIN_LISTED_MEMBERS,
)
from tasks.commitments.lexicons import MEETING_NOUNS
from tasks.commitments.parties import PARTY_MENTION_TYPES, MentionRef, Party, States, dedupe, is_state
from tasks.commitments.patterns import alternation
from tasks.text.normalize import normalize

# a meeting noun (with «و/ب/ل» and the article, and a pronoun or «ات» after it), a few words, «مع», then at most
# MEETING_PARTNER_MAX_WORDS words (a title, «نظرائه في») before the partner's mention, which ends the text read
MEETING_WITH_RE = re.compile(
    rf"(?:^|\s)[وبل]?(?:ال)?(?:{alternation(MEETING_NOUNS)})\w{{0,3}}(?:\s+\S+){{0,{MEETING_WITH_MAX_WORDS}}}?"
    rf"\s+مع(?:\s+\S+){{0,{MEETING_PARTNER_MAX_WORDS}}}\s*$"
)
JOINED_RE = re.compile(r"^\s*(?:[،,]\s*)?و?\s*$")  # «مع روسيا وإيران», «مع روسيا، وإيران»
# «مجلس التعاون الخليجي الذي يضم السعودية والبحرين …»: a body whose members the article lists right after it
MEMBERS_LISTED_RE = re.compile(r"^\s*[،,]?\s*(?:الذي|التي)\s+(?:يضم|تضم)\s*$")


def set_meetings(text: str, mentions: Sequence[MentionRef], states: States) -> None:
    """Every meeting phrase «اجتماع/لقاء/محادثات … مع X (وY)» of the article: where its partner is named and the
    parties met, in text order (``States.meetings``)."""
    ordered = [m for m in sorted(mentions, key=lambda m: m.start) if m.type in PARTY_MENTION_TYPES]
    meetings: list[tuple[int, list[Party]]] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        before = normalize(text[max(0, m.start - MEETING_LOOKBACK_CHARS) : m.start])
        if "\n" in before:
            before = before.rsplit("\n", 1)[1]
        st = states.state(m.entity_id)
        if st is None or not MEETING_WITH_RE.search(before):
            i += 1
            continue
        j = _run_end(text, ordered, i)
        met = [p for p in (states.state(x.entity_id) for x in ordered[i:j]) if p is not None]
        meetings.append((m.start, dedupe([p for x in met for p in _members(text, ordered, x, states) or [x]])))
        i = j
    states.meetings = meetings


def _run_end(text: str, ordered: Sequence[MentionRef], i: int) -> int:
    """The index after the run of mentions joined to ``ordered[i]`` by «و» or a comma («مع روسيا وإيران»)."""
    j = i + 1
    while j < len(ordered) and JOINED_RE.match(normalize(text[ordered[j - 1].end : ordered[j].start])):
        j += 1
    return j


def _members(text: str, ordered: Sequence[MentionRef], body: Party, states: States) -> list[Party]:
    """The states the article lists as the body's members («مجلس التعاون الخليجي الذي يضم السعودية والبحرين
    والإمارات …»): a group the article enumerates stands for its members (guideline); [] when it lists none."""
    for i, m in enumerate(ordered):
        if states.state(m.entity_id) != body or i + 1 >= len(ordered):
            continue
        if not MEMBERS_LISTED_RE.match(normalize(text[m.end : ordered[i + 1].start])):
            continue
        listed = (states.state(x.entity_id) for x in ordered[i + 1 : _run_end(text, ordered, i + 1)])
        members = [st for st in listed if st is not None and is_state(st, states.kb)]
        if len(members) >= MIN_LISTED_MEMBERS:
            return dedupe(members)
    return []


def met_before(states: States, offset: int) -> list[Party]:
    """The parties of the article's last meeting named before ``offset`` (none if it names none)."""
    last: list[Party] = []
    for start, met in states.meetings:
        if start >= offset:
            break
        last = met
    return last
