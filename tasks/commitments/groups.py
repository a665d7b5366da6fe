"""Groups of states: «دول الخليج», «القوى الكبرى», «الدول الخمس» stand for the members the article names.

The groups are data (``groups.toml``). A named group can stand for its members that the article names; a
numbered group («الدول الخمس», «الدول الـ12») for an enumeration of that many states the article gives, else
for a side group of that size it names. A group the article names no member of stands for nobody (guideline:
a group not enumerated gives no party).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from tasks.commitments.lexicons import STATE_FORM_WORDS
from tasks.commitments.patterns import in_order
from tasks.text.normalize import normalize

GROUPS_PATH = Path(__file__).with_name("groups.toml")
# «الدول الـ12»: the article before a number written in digits
MIN_NAMED_MEMBERS = 2  # members an article must name for a group phrase to stand for them
_DIGIT_ARTICLE = r"(?:الـ|ال)\s*"
# what may stand between two states of one enumeration («بريطانيا وألمانيا، وفرنسا»)
_ENUMERATION_GAP_RE = re.compile(r"^[\s،,و]*$")
# a relative pronoun right after a group phrase (and the rest of its last word)
_RESTRICTIVE_RE = re.compile(r"\S*\s+(?:التي|الذين|اللواتي|اللاتي)(?![\w])")


@dataclass(frozen=True)
class Group:
    id: str
    phrases: tuple[str, ...]
    members: tuple[str, ...]
    side: bool
    regex: re.Pattern[str]
    closed: bool = False  # the phrase itself names every member («الكوريتين»): no member need be named


def _load(
    path: Path = GROUPS_PATH,
) -> tuple[tuple[Group, ...], tuple[str, ...], Mapping[str, int], tuple[str, ...], int]:
    with path.open("rb") as f:
        data = tomllib.load(f)
    groups = []
    for g in data["group"]:
        phrases = tuple(normalize(p) for p in g["phrases"])
        rx = re.compile(rf"(?<![\w])(?:[وفبل])?(?:{in_order(phrases)})")
        groups.append(Group(g["id"], phrases, tuple(g["members"]), bool(g.get("side", False)), rx,
                            bool(g.get("closed", False))))  # fmt: skip
    numbered = data["numbered"]
    words = MappingProxyType({normalize(w): int(n) for w, n in numbered["words"].items()})
    participants = data["participants"]
    return (tuple(groups), tuple(normalize(h) for h in numbered["heads"]), words,
            tuple(normalize(p) for p in participants["phrases"]), int(participants["min_states"]))  # fmt: skip


GROUPS, NUMBERED_HEADS, NUMBER_WORDS, PARTICIPANT_PHRASES, PARTICIPANTS_MIN_STATES = _load()
PARTICIPANTS_RE = re.compile(rf"(?<![\w])(?:[وفبل])?(?:{in_order(PARTICIPANT_PHRASES)})(?![\w])")
NUMBERED_RE = re.compile(
    rf"(?<![\w])(?:[وفبل])?(?:{in_order(NUMBERED_HEADS)})\s+"
    rf"(?:{_DIGIT_ARTICLE}(?P<digits>\d+)|(?P<word>{in_order(NUMBER_WORDS)}))(?![\w])"
)
GROUP_START_RE = re.compile(
    rf"^(?:[وفبل])?(?:{in_order(p for g in GROUPS for p in g.phrases)}|"
    rf"(?:{in_order(NUMBERED_HEADS)})\s+(?:{_DIGIT_ARTICLE}\d+|(?:{in_order(NUMBER_WORDS)})(?![\w])))"
)


def enumerations(norm_gaps: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Runs of two or more states joined only by «و» and commas: ``norm_gaps`` is, for each state mention in
    text order, (its state's ISO code, the normalised text between the previous state mention and it)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for iso, gap in norm_gaps:
        # «السعودية والكويت ودولة الإمارات»: the long form of a state's name is part of it, not a gap
        if current and _ENUMERATION_GAP_RE.match(" ".join(w for w in gap.split() if w not in STATE_FORM_WORDS)):
            if iso not in current:
                current.append(iso)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [iso]
    if len(current) >= 2:
        runs.append(current)
    return runs


def group_members(
    norm_span: str, named: Sequence[str], runs: Sequence[Sequence[str]], side_groups: Sequence[Group]
) -> list[str] | None:
    """The ISO codes a group phrase in ``norm_span`` stands for: its members the article names (in the order of
    ``named``), or, narrowed by a relative clause, the longest enumeration of its members the article gives;
    [] when the article names none of them, None when the span holds no group phrase."""
    for g in GROUPS:
        found = g.regex.search(norm_span)
        if found:
            if g.closed:
                return list(g.members)
            members = set(g.members)
            # a relative clause narrows the group («دول شرق أفريقيا التي تحارب حركة الشباب») to the members
            # the article lists together («إثيوبيا وكينيا وأوغندا وبوروندي وجيبوتي»)
            listed = [run for run in runs if set(run) <= members]
            if listed and _RESTRICTIVE_RE.match(norm_span, found.end()):
                return list(max(listed, key=len))
            found_members = [iso for iso in named if iso in members]
            # one member named somewhere is an example, not the group («السعودية» in a story on «دول الخليج»;
            # further conventions 14): a group stands for its members only when the article names two or more
            return found_members if len(found_members) >= MIN_NAMED_MEMBERS else []
    m = NUMBERED_RE.search(norm_span)
    if m is None:
        if PARTICIPANTS_RE.search(norm_span):  # «الدول المشاركة في المفاوضات»: the states the article lists
            longest = max(runs, key=len, default=[])
            return list(longest) if len(longest) >= PARTICIPANTS_MIN_STATES else []
        return None
    n = int(m["digits"]) if m["digits"] else NUMBER_WORDS[m["word"]]
    for run in runs:
        if len(run) == n:
            return list(run)
    for g in side_groups:
        members = [iso for iso in g.members if iso in named]
        if len(members) == n:
            return members
    return []
