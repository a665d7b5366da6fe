"""Counterpart and speaker accuracy: judged only on records the (actors, trigger) matching pairs up."""

from tasks.evaluation import GoldDoc, PredCommitment, argument_errors, score_arguments

S1 = "وقال رئيس مجلس الدولة الصيني لي تشيانغ إن الصين مستعدة للعمل مع قيرغيزستان."
S2 = "ودعا الجانبان إلى تعزيز التعاون في مجال الطاقة."
TEXT = S1 + "\n" + S2 + "\n"
GOLD = [
    GoldDoc(
        "d1",
        TEXT,
        [],
        [
            {"sentence": S1, "actor": ["China"], "counterpart": ["Kyrgyzstan"], "speaker": "Li Qiang",
             "trigger": "مستعدة", "modality": "readiness"},
            {"sentence": S2, "actor": ["China", "Kyrgyzstan"], "counterpart": [], "speaker": None,
             "trigger": "ودعا", "modality": "call"},
        ],
    )
]


def _pred(actors, trigger, sentence, counterparts, speaker, modality="readiness"):
    start = TEXT.index(sentence)
    return PredCommitment(frozenset(actors), trigger, modality, sentence, start, start + len(sentence),
                          counterparts=frozenset(counterparts), speaker=speaker)


def test_accuracies_count_matched_records_only() -> None:
    pred = {"d1": [
        _pred(["China"], "مستعدة", S1, ["Kyrgyzstan"], None),  # matched: counterpart right, speaker missing
        _pred(["Kyrgyzstan"], "ودعا", S2, [], None, "call"),  # wrong actors: unmatched, not judged
    ]}
    scores = score_arguments(GOLD, pred)
    assert scores == {"matched": 1, "counterpart_accuracy": 1.0, "speaker_accuracy": 0.0}


def test_null_speaker_of_a_joint_statement_is_right_when_predicted_null() -> None:
    pred = {"d1": [_pred(["China", "Kyrgyzstan"], "دعا", S2, ["Kazakhstan"], None, "call")]}
    assert score_arguments(GOLD, pred) == {"matched": 1, "counterpart_accuracy": 0.0, "speaker_accuracy": 1.0}
    lines = argument_errors(GOLD, pred)
    assert lines[0] == "## d1"
    assert "counterpart gold [] pred ['Kazakhstan']" in lines[1] and "speaker" not in lines[1]
