"""Entity scoring: document-level sets, exact (surface, type) and (canonical, type)."""

from tasks.evaluation import GoldDoc, entity_errors, score_entities

TEXT = "وقال الرئيس الصيني شي جين بينغ إن الصين مستعدة للعمل مع قيرغيزستان. وأضاف شي أن البلدين"
GOLD = [
    GoldDoc(
        "d1",
        TEXT,
        [
            {"text": "شي جين بينغ", "type": "PER", "canonical": "Xi Jinping"},
            {"text": "شي", "type": "PER", "canonical": "Xi Jinping"},
            {"text": "الصين", "type": "GPE", "canonical": "China"},
            {"text": "قيرغيزستان", "type": "GPE", "canonical": "Kyrgyzstan"},
        ],
        [],
    )
]
PRED = {
    "d1": [
        {"text": "شي جين بينغ", "type": "PER", "canonical": "Xi Jinping"},
        {"text": "الصيني", "type": "GPE", "canonical": "China"},
        {"text": "الصين", "type": "GPE", "canonical": "China"},
        {"text": "قيرغيزستان", "type": "GPE", "canonical": "قيرغيزستان"},
    ]
}


def test_both_keys_count_each_entity_once_per_document() -> None:
    scores = score_entities(GOLD, PRED)
    exact, canon = scores["exact"]["all"], scores["canonical"]["all"]
    assert (exact["tp"], exact["pred"], exact["gold"]) == (3, 4, 4)
    # Xi twice and China twice in gold collapse to one pair each; Kyrgyzstan kept its Arabic canonical
    assert (canon["tp"], canon["pred"], canon["gold"]) == (2, 3, 3)
    assert scores["canonical"]["by_type"]["PER"]["f1"] == 1.0


def test_errors_list_what_each_key_missed() -> None:
    exact = entity_errors(GOLD, PRED)
    canon = entity_errors(GOLD, PRED, key="canonical")
    assert "- missed   PER   شي" in exact and "- spurious GPE   الصيني" in exact
    assert canon == ["## d1", "- missed   GPE   Kyrgyzstan", "- spurious GPE   قيرغيزستان"]
