"""The rule check (bench.rulecheck) on a tiny raw folder, model-free: stanza's answers for the texts are frozen
(tests/fixtures/nlp/bench.test_rulecheck.json) and put in an NLP cache, as tests/flows/test_evaluation.py does;
the batch stages then run for real. A second run over another folder is compared with the first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.rulecheck import Record, compare, counts, main, rulecheck, sample
from tests.rules import LEAD

WORK = LEAD + "وستعمل الصين مع قيرغيزستان وطاجيكستان في إنشاء مراكز ثقافية.\n"
CALL = LEAD + ("قال رئيس مجلس الدولة الصيني لي تشيانغ إن البلدين جاران.\n"
               "كما دعا لي الجانبين إلى مواصلة تعزيز التعاون في مكافحة الإرهاب.\n")  # fmt: skip
READY = LEAD + ("بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم إن الصين "
                "مستعدة للعمل مع قيرغيزستان لتوسيع نطاق التعاون الاقتصادي والتجاري.\n")  # fmt: skip


@pytest.fixture(scope="module")
def cache(nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An NLP cache holding stanza's (frozen) answers for the three texts."""
    from tasks.ingest.reader import ingest_bytes
    from tasks.nlp import models
    from tasks.nlp.analyse import analyse_documents
    from tasks.nlp.cache import FolderStore, cache_folder_name, text_key, to_entry

    answers = []

    def keep(docs):
        out = nlp(docs)
        answers.extend(out)
        return out

    analyse_documents(keep, [ingest_bytes(t.encode(), f"{i}.txt") for i, t in enumerate((WORK, CALL, READY))])
    root = tmp_path_factory.mktemp("cache")
    config = models.ModelConfig.from_setting()
    folder = root / cache_folder_name(models.model_version(config), models.DEFAULT_PROCESSORS)
    FolderStore(folder).put({text_key(d.text): to_entry(d) for d in answers})
    return root


def _raw(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def no_model(monkeypatch):
    from tasks.nlp import models

    def refuse(*args, **kwargs):
        raise AssertionError("the rule check loaded a model although every text was cached")

    monkeypatch.setattr(models, "build_pipeline", refuse)
    monkeypatch.setattr(models, "_CACHE", {})
    monkeypatch.delenv(models.NLP_CACHE_ENV, raising=False)


def test_counts_then_added_and_removed_against_a_baseline(cache, tmp_path, no_model, capsys):
    base_raw = _raw(tmp_path / "raw1", {"work.txt": WORK, "call.txt": CALL})
    first = rulecheck(base_raw, tmp_path / "run1", cache=str(cache))
    assert first["records"] == 2 and first["modality"] == {"call": 1, "pledge": 1}
    assert first["cue"] == {"cue:future pledge": 1, "cue:lexical call": 1}
    assert first["step"]["subject:after_verb"] == 1 and first["step"]["addressee:group"] == 1

    raw = _raw(tmp_path / "raw2", {"work.txt": WORK, "ready.txt": READY})
    out = tmp_path / "run2"
    assert main(["--raw", str(raw), "--out", str(out), "--baseline", str(tmp_path / "run1" / "processed"),
                 "--nlp-cache", str(cache), "--seed", "1"]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    assert "added 1 (readiness 1); removed 1 (call 1); changed 0" in printed
    result = json.loads((out / "counts.json").read_text(encoding="utf-8"))
    assert result["baseline"]["records"] == 2 and result["groups"]["added"]["cue"] == {"cue:lexical readiness": 1}
    md = (out / "rulecheck.md").read_text(encoding="utf-8")
    assert "إن الصين «مستعدة» للعمل مع قيرغيزستان" in md  # the trigger marked in its sentence
    assert "actors: China; counterparts: Kyrgyzstan; speaker: Li Qiang" in md
    assert "rule: `cue:lexical|subject:after_complementizer|counterpart:preposition|speaker:sentence|" in md
    assert "## Sample: removed (1 of 1, seed 1)" in md and "«دعا»" in md
    assert (out / "records.jsonl").read_text(encoding="utf-8").count("\n") == 2
    # the names too: ready.txt's dateline city came, call.txt's second sentence went (work.txt is in both runs)
    mentions = result["mentions"]
    assert mentions["added"] > 0 and mentions["removed"] > 0 and mentions["by"]["added GPE kb"] >= 1
    assert "entity mentions: added" in printed and "## Entity mentions" in md and "«بيشكك»" in md


def _record(doc: str, start: int, actors: tuple[str, ...], rule: str = "cue:future|sentence:body") -> Record:
    return Record(doc, f"{doc}.txt", "ستعمل", start, "pledge", "positive", "«ستعمل»", actors, (), None, rule)


def test_compare_keys_on_document_trigger_and_modality_and_finds_changed_arguments():
    old = [_record("a", 1, ("China",)), _record("a", 9, ("China",)), _record("b", 1, ("Kyrgyzstan",), "")]
    new = [_record("a", 1, ("China",)), _record("a", 9, ("China", "Kyrgyzstan")), _record("c", 4, ("Russia",))]
    groups = compare(new, old)
    assert [r.key for r in groups["added"]] == [("c", 4, "pledge")]
    assert [r.key for r in groups["removed"]] == [("b", 1, "pledge")]
    assert [r.actors for r in groups["changed"]] == [("China", "Kyrgyzstan")]
    assert counts(old)["cue"] == {"cue:future pledge": 2, "- pledge": 1}  # a baseline without rules


def test_sample_is_fixed_by_its_seed_and_capped():
    records = [_record("d", i, ("China",)) for i in range(100)]
    assert sample(records, 30, 7) == sample(records, 30, 7) != sample(records, 30, 8)
    assert len(sample(records, 30, 7)) == 30 and len(sample(records[:3], 30, 7)) == 3


def test_judge_reads_the_labels_of_records_read_by_hand():
    """The shipped labels (bench/labels/checksets.jsonl): a record labelled right with its actors counts right, a
    wrong_actors record counts right once it has the actors the reader gave, a not_a_record never does; a
    record nobody labelled is counted apart, and a right record that is gone is counted as lost."""
    from bench.rulecheck import LABELS, judge

    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    right = next(r for r in rows if r["label"] == "right")
    fixable = next(r for r in rows if r["label"] == "wrong_actors" and r["gold_actors"])
    wrong = next(r for r in rows if r["label"] == "not_a_record")

    def rec(row, actors):
        return Record(row["doc_id"], row["file"], row["trigger"], row["trigger_start"], row["modality"], "positive",
                      row["trigger"], tuple(actors), (), None, "")  # fmt: skip

    as_read = [rec(right, right["actors"]), rec(fixable, fixable["actors"]), rec(wrong, wrong["actors"])]
    assert judge(as_read)["right"] == 1
    fixed = [rec(right, right["actors"]), rec(fixable, fixable["gold_actors"]), rec(wrong, wrong["actors"])]
    assert judge(fixed)["right"] == 2 and judge(fixed)["judged"] == 3
    new = _record(right["doc_id"], 10**6, ("China",))
    result = judge([rec(fixable, fixable["actors"]), new])
    assert result["unjudged"] == 1 and result["judged"] == 1
    assert judge([rec(wrong, wrong["actors"]), rec(right, ("Nowhere",))])["right"] == 0
    # a right record gone from a document that still has records counts as lost
    assert judge([_record(right["doc_id"], 10**6, ("China",))])["right_lost"] >= 1


def test_a_held_out_samples_labels_are_read_apart(tmp_path):
    """``--labels``: the fresh samples' judgments (bench/labels/fresh_a.jsonl, fresh_b.jsonl) score only against
    their own file; the check sets' labels know none of their records."""
    from bench.rulecheck import LABELS, judge

    fresh = LABELS.with_name("fresh_a.jsonl")
    row = json.loads(fresh.read_text(encoding="utf-8").splitlines()[0])
    record = Record(row["doc_id"], row["file"], row["trigger"], row["trigger_start"], row["modality"], "positive",
                    row["trigger"], tuple(row["actors"]), (), None, "")  # fmt: skip
    assert judge([record], fresh)["judged"] == 1
    assert judge([record])["unjudged"] == 1


def test_raw_ids_name_the_articles_of_an_earlier_sample(tmp_path):
    """bench.checkset --exclude: the corpus ids of a raw folder, SaudiNewsNet ids also by «date_index»."""
    from bench.checkset import raw_ids

    for name in ("00000_SK-economy-642-20180525.txt", "00151_2015-07-25_584_almadina.txt"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    assert raw_ids(tmp_path) == {"SK-economy-642-20180525", "2015-07-25_584_almadina", "2015-07-25_584"}
