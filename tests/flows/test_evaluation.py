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


# ---------------------------------------------------------------------------------------------
# python -m flows.evaluate: the extract flow's stages on the gold texts, stanza from the NLP cache
# ---------------------------------------------------------------------------------------------

ARTICLE = (
    "رئيس مجلس الدولة يدعو الصين وقيرغيزستان إلى التركيز على التعاون\n"
    "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم إن الصين مستعدة للعمل مع "
    "قيرغيزستان لتوسيع نطاق التعاون الاقتصادي والتجاري.\n"
)
READY = ARTICLE.splitlines()[1]
GOLD_LINE = {
    "doc_id": "xinhua-1",
    "text": ARTICLE,
    "entities": [
        {"text": "الصين", "type": "GPE", "canonical": "China"},
        {"text": "قيرغيزستان", "type": "GPE", "canonical": "Kyrgyzstan"},
        {"text": "لي تشيانغ", "type": "PER", "canonical": "Li Qiang"},
    ],
    "commitments": [
        {"sentence": READY, "actor": ["China"], "counterpart": ["Kyrgyzstan"], "speaker": "Li Qiang",
         "trigger": "مستعدة", "modality": "readiness", "polarity": "positive"},
    ],
}  # fmt: skip


def test_evaluate_scores_the_tables_the_stages_write_without_a_model(nlp, tmp_path, monkeypatch, capsys) -> None:
    """Stanza's answers for the article (frozen, tests/fixtures/nlp) are put in an NLP cache; the whole
    evaluation (raw files, batch stages, published tables, scores, summary) then runs without a model."""
    import json

    from flows import evaluate as ev
    from tasks.ingest.reader import ingest_bytes
    from tasks.nlp import models
    from tasks.nlp.analyse import analyse_documents
    from tasks.nlp.cache import FolderStore, cache_folder_name, text_key, to_entry

    answers = []

    def keep(docs):
        out = nlp(docs)
        answers.extend(out)
        return out

    analyse_documents(keep, [ingest_bytes(ARTICLE.encode(), "xinhua-1.txt")])
    config = models.ModelConfig.from_setting()
    folder = tmp_path / "cache" / cache_folder_name(models.model_version(config), models.DEFAULT_PROCESSORS)
    FolderStore(folder).put({text_key(d.text): to_entry(d) for d in answers})

    def no_model(*args, **kwargs):
        raise AssertionError("the evaluation loaded a model although every text was cached")

    monkeypatch.setattr(models, "build_pipeline", no_model)
    monkeypatch.setattr(models, "_CACHE", {})
    monkeypatch.delenv(models.NLP_CACHE_ENV, raising=False)
    gold = tmp_path / "tiny_gold.jsonl"
    gold.write_text(json.dumps(GOLD_LINE, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "eval"
    assert ev.main(["--gold", str(gold), "--out", str(out), "--nlp-cache", str(tmp_path / "cache")]) == 0

    printed = capsys.readouterr().out
    assert "0 analysed by stanza" in printed and ev.set_name(gold) == "tiny"
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["commitments"]["trigger"]["tp"] == 1
    assert scores["arguments"] == {"matched": 1, "counterpart_accuracy": 1.0, "speaker_accuracy": 1.0}
    assert scores["entities"]["canonical"]["all"]["recall"] == 1.0
    assert (out / "errors.md").is_file() and (out / "raw" / "xinhua-1.txt").read_text(encoding="utf-8") == ARTICLE
    assert {p.name for p in (out / "processed").iterdir() if p.is_dir() and not p.name.startswith(".")} >= {
        "documents", "sentences", "tokens", "mentions", "entities", "commitments", "commitment_parties", "quarantine",
    }  # fmt: skip
    summary = printed.split("set ", 1)[1]
    assert "tiny" in summary and "1.000" in summary
    # per outlet and per rule, over every set: the gold line has no source, so its outlet is "unknown"
    outlets = json.loads((out / "outlets.json").read_text(encoding="utf-8"))
    assert outlets["outlets"]["unknown"]["tp"] == 1 and outlets["outlets"]["unknown"]["sets"] == "tiny"
    assert set(outlets["leave_one_outlet_out"]["unknown"]) == {"held_out", "others"}
    by_cue = scores["rules"]["by_cue"]
    assert by_cue["cue:lexical readiness"]["correct"] == 1 and sum(v["predicted"] for v in by_cue.values()) == (
        scores["commitments"]["trigger"]["pred"]
    )
    assert "## Per outlet" in (out / "summary.md").read_text(encoding="utf-8")
    assert "# Precision per rule" in (out / "errors.md").read_text(encoding="utf-8")


def test_summary_has_one_row_per_set() -> None:
    from flows.evaluate import SUMMARY_COLUMNS, format_summary

    s = {"documents": 5, "entities": {"exact": {"all": {"f1": 0.95}}, "canonical": {"all": {"f1": 0.9}}},
         "commitments": {"trigger": {"f1": 1.0}},
         "arguments": {"matched": 3, "counterpart_accuracy": 2 / 3, "speaker_accuracy": 1.0}}  # fmt: skip
    lines = format_summary({"seeds": s, "dev": s}).splitlines()
    assert all(c in lines[0] for c in SUMMARY_COLUMNS)
    assert lines[2].split() == ["seeds", "5", "0.950", "0.900", "1.000", "3", "0.667", "1.000"]
    assert lines[3].startswith("dev ")
