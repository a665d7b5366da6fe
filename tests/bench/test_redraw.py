"""bench.redraw writes a listed sample again, file for file, from the corpus (the labels key on the text)."""

import gzip
import json
from pathlib import Path

import pytest

from bench.redraw import redraw

ARTICLES = [
    {"id": "BB-internationalNews-123-20180310", "title": "مون يلتقي كيم",
     "text": "ويقول ديون كيم كبير الزملاء في منتدى شبه الجزيرة الكورية إن مون يريد إتمام ما فشل فيه سابقا."},
    {"id": "FR-middleEast-351-20180424", "title": "",
     "text": "وسيتمثل الاتحاد الأوروبي بـ 12 وزير خارجية وستة وزراء مكلفين بالتنمية وخمسة وزراء دولة."},
]  # fmt: skip


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "ant.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n")
    return path


def test_the_listed_files_are_written_again_with_the_corpus_text(tmp_path: Path) -> None:
    files = ["00001_FR-middleEast-351-20180424.txt", "00000_BB-internationalNews-123-20180310.txt"]
    assert redraw(files, tmp_path / "no-snn", tmp_path / "raw", _corpus(tmp_path)) == 2
    assert (tmp_path / "raw" / files[1]).read_text(encoding="utf-8") == "مون يلتقي كيم\n" + ARTICLES[0]["text"] + "\n"
    assert (tmp_path / "raw" / files[0]).read_text(encoding="utf-8") == ARTICLES[1]["text"] + "\n"


def test_an_id_in_no_corpus_stops_with_its_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bench.redraw.snn_articles", lambda repo: [])
    with pytest.raises(SystemExit, match=r"00002_2015-08-02_716_alriyadh\.txt"):
        redraw(["00002_2015-08-02_716_alriyadh.txt"], tmp_path / "no-snn", tmp_path / "raw", _corpus(tmp_path))
