"""bench.dense joins the dense samples' labels to their texts and refuses a label that does not fit."""

import json
from pathlib import Path

import pytest

from bench.dense import DenseGoldError, join

TEXT = "ميركل: اتفاق البريكست يجب أن يحقق توازنا\nمن جانبها قالت ماي إنها تريد اتفاق خروج من الاتحاد الأوروبي.\n"
RECORD = {"sentence": "من جانبها قالت ماي إنها تريد اتفاق خروج من الاتحاد الأوروبي.", "actor": ["United Kingdom"],
          "counterpart": ["European Union"], "speaker": "Theresa May", "trigger": "تريد", "modality": "intent",
          "polarity": "positive", "action": "تريد اتفاق خروج", "sectors": ["other"]}  # fmt: skip


def _labels(tmp_path: Path, record: dict) -> Path:
    path = tmp_path / "labels.jsonl"
    doc = {"doc_id": "dense_00005_AL-economy-8", "source": "00005_AL-economy-8.txt", "entities": [],
           "commitments": [record]}  # fmt: skip
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_join_adds_the_text_of_each_article(tmp_path: Path) -> None:
    (tmp_path / "00005_AL-economy-8.txt").write_text(TEXT, encoding="utf-8")
    (doc,) = join(_labels(tmp_path, RECORD), tmp_path)
    assert doc["text"] == TEXT and doc["commitments"] == [RECORD]


def test_a_trigger_not_in_the_text_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DenseGoldError, match="draw the sample again"):
        join(_labels(tmp_path, RECORD), tmp_path)
    (tmp_path / "00005_AL-economy-8.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(DenseGoldError, match="«ترغب»"):
        join(_labels(tmp_path, {**RECORD, "trigger": "ترغب"}), tmp_path)
