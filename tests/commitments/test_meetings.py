"""The meeting phrases that name the party met (tasks.commitments.meetings), on real sentences; no models."""

import pytest

from tasks.commitments.meetings import MEETING_WITH_RE, MEMBERS_LISTED_RE
from tasks.text.normalize import normalize


@pytest.mark.parametrize(
    "before",
    [
        # dev2 (Asharq Al-Awsat): the text right before «مجلس التعاون الخليجي»
        "أعلن وزير الخارجية الاميركي جون كيري، اليوم (الاثنين)، في الدوحة بعد انتهاء اجتماع مع نظرائه في ",
        # SaudiNewsNet (Asharq Al-Awsat): a headline, before «الأميركي»
        "لافروف بعد اجتماع مع نظيره ",
        # ANT corpus (France 24): talks with a minister, before «الفرنسية»
        "أعلن الاثنين وزير الثقافة السعودي عواد بن صالح العواد، بعد محادثات مع وزيرة الثقافة ",
    ],
)
def test_a_meeting_with_names_the_party_met(before: str) -> None:
    assert MEETING_WITH_RE.search(normalize(before))


@pytest.mark.parametrize(
    "before",
    [
        # more than MEETING_WITH_MAX_WORDS words between the meeting and «مع»: a later «مع» of something else
        "صرّح وزير الخارجية الروسي سيرجي لافروف بعد اجتماع للمرة الثانية في أيام، مع نظيره ",
        # «مع» with no meeting noun before it: a partner of an act, not of a meeting
        "وستعمل الصين مع ",
    ],
)
def test_no_meeting_noun_or_too_far_names_no_party_met(before: str) -> None:
    assert not MEETING_WITH_RE.search(normalize(before))


def test_a_body_with_its_members_listed_after_it() -> None:
    assert MEMBERS_LISTED_RE.match(normalize(" الذي يضم "))
    assert MEMBERS_LISTED_RE.match(normalize("، التي تضم "))
    assert not MEMBERS_LISTED_RE.match(normalize(" ودول "))
