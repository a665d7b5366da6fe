"""The dense draw of bench.checkset keeps articles of the news analysts track (cues and states), as dev2 was chosen."""

from bench.checkset import DENSITY_CUES, densest
from tasks.text.normalize import normalize

DIPLOMACY = (
    "السعودية وبريطانيا توقعان اتفاقا\n"
    "وقعت السعودية وبريطانيا اتفاقا للتعاون، واتفق البلدان على تعزيز التجارة. وقال وزير الخارجية إن المملكة "
    "مستعدة للعمل مع فرنسا وألمانيا، ودعا إيران إلى الالتزام بالاتفاق النووي.\n"
)
SPORT = "الأهلي يكتسح سيليرينا بتسعة أهداف\nفاز الأهلي على ضيفه بتسعة أهداف في المباراة الودية التي أقيمت أمس.\n"


def test_cue_stems_are_the_guideline_words() -> None:
    found = DENSITY_CUES.findall(normalize(DIPLOMACY))
    assert len(found) >= 4  # وقعت، اتفاقا، واتفق، مستعدة، ودعا، الالتزام
    assert not DENSITY_CUES.findall(normalize(SPORT))


def test_densest_keeps_cue_and_state_dense_articles_by_outlet() -> None:
    pool = [("AL-economy-1-20180101", DIPLOMACY), ("SK-economy-2-20180101", DIPLOMACY + DIPLOMACY[:40]),
            ("AL-economy-3-20180101", SPORT), ("2015-07-25_668_almadina", SPORT),
            ("2015-08-01_431_aljazirah", DIPLOMACY)]  # fmt: skip
    picked = [ident for ident, _ in densest(pool, 4)]
    assert "AL-economy-3-20180101" not in picked and "2015-07-25_668_almadina" not in picked
    assert picked[:2] == ["AL-economy-1-20180101", "SK-economy-2-20180101"]  # one per ANT outlet in turn
    assert picked[2:] == ["2015-08-01_431_aljazirah"]
