import json
from pathlib import Path

import pytest

from tasks.build import training as tr
from tests.conftest import SHARED

PUD = SHARED / "corpora" / "ud_arabic_pud" / "ar_pud-ud-test.conllu"

# The first sentence of UD Arabic-PUD (n01001011), as in the file.
PUD_HEAD = """# newdoc id = n01001
# sent_id = n01001011
# text = كتبت كوري شولمان, المساعدة الخاصة لأوباما في تدوينة نشرتها يوم الإثنين.
1\tكتبت\tكَتَب\tVERB\tVBC\t_\t0\troot\t_\t_
2\tكوري\tكوري\tPROPN\tNNP\t_\t1\tnsubj\t_\t_
3\tشولمان\tشولمان\tPROPN\tNNP\t_\t2\tflat\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\t_
5\tالمساعدة\tمُساعِد\tNOUN\tNN\t_\t2\tappos\t_\t_
6\tالخاصة\tخَاصّ\tADJ\tJJ\t_\t5\tamod\t_\t_
7\tل\tلِ\tADP\tIN\t_\t8\tcase\t_\tSpaceAfter=No
8\tأوباما\tاوباما\tPROPN\tNNP\t_\t5\tnmod\t_\t_
9\tفي\tفِي\tADP\tIN\t_\t10\tcase\t_\t_
10\tتدوينة\tتَدوِين\tNOUN\tNN\t_\t1\tobl\t_\t_
11\tنشرت\tنَشَر\tVERB\tVBC\t_\t10\tacl:relcl\t_\tSpaceAfter=No
12\tها\tهُوَ\tPRON\tPRP\t_\t11\tobj\t_\t_
13\tيوم\tيَوم\tADV\tRB\t_\t11\tobl:tmod\t_\t_
14\tالإثنين\tٱِثنَينِ\tPROPN\tNNP\t_\t13\tobl\t_\tSpaceAfter=No
15\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

"""


@pytest.fixture
def pud_head(tmp_path: Path) -> list[tr.ConllSentence]:
    path = tmp_path / "head.conllu"
    path.write_text(PUD_HEAD, encoding="utf-8")
    return tr.read_conllu(path)


def test_clitic_runs_become_multiword_tokens_but_punctuation_stays_apart(pud_head):
    lines = tr.add_multiword_tokens(pud_head[0])
    mwt = [line.split("\t")[:2] for line in lines if "-" in line.split("\t")[0]]
    assert mwt == [["7-8", "لأوباما"], ["11-12", "نشرتها"]]
    # «شولمان,» and «الإثنين.» are not clitic runs: the punctuation is its own token
    assert not any(line.startswith("3-4") or line.startswith("14-15") for line in lines)
    # SpaceAfter moves to the token line; inner words lose it
    assert "SpaceAfter=No" not in lines[lines.index(next(x for x in lines if x.startswith("7-8"))) + 1]


def test_arabised_punctuation_changes_text_and_forms_together(pud_head):
    s = tr.arabise_punctuation(pud_head[0])
    assert "شولمان،" in s.text
    assert [r[1] for r in s.rows][3] == "،"
    assert any(c == "# text = " + s.text for c in s.comments)


def test_split_keeps_documents_together_and_is_reproducible():
    sentences = tr.read_conllu(PUD)
    assert len(sentences) == 1000
    a = tr.split_by_document(sentences)
    b = tr.split_by_document(sentences)
    assert [[s.sent_id for s in part] for part in a] == [[s.sent_id for s in part] for part in b]
    docs = [{s.doc_id for s in part} for part in a]
    assert not (docs[0] & docs[1]) and not (docs[0] & docs[2]) and not (docs[1] & docs[2])
    assert sum(len(p) for p in a) == 1000
    assert 80 <= len(a[1]) <= 130 and 80 <= len(a[2]) <= 130


def test_aqmar_tags_become_valid_bio(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("كأس B-MIS1\nالعالم I-MIS1\nفي O\nالبرازيل I-LOC\nو OO\nريال B-ORG\nمدريد I-ORG\n\n", "utf-8")
    sent = tr.read_bio(path)[0]
    assert [t for _, t in sent] == ["B-MISC", "I-MISC", "O", "B-LOC", "O", "B-ORG", "I-ORG"]


def test_span_scores_count_exact_spans_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"]]
    assert tr.ner_span_scores(gold, pred) == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert tr.ner_span_scores([["S-LOC"]], [["B-LOC"]])["f1"] == 1.0


@pytest.mark.slow
def test_training_flow_runs_end_to_end_on_a_small_slice(tmp_path, prefect_server):
    """A few steps of every trainer on a slice of the real corpora, so the training code keeps working."""
    from flows.train_models import train_models
    from tasks.nlp.checksums import read_checksums

    out = tmp_path / "models"
    card = train_models(corpora=str(SHARED / "corpora"), out=str(out), work=str(tmp_path / "work"), quick=True,
                        use_charlm=True)  # fmt: skip
    for name in ("tokenize.pt", "mwt.pt", "ner.pt", "pos.pt", "lemma.pt", "pretrain.pt", "charlm_forward.pt",
                 "charlm_backward.pt"):  # fmt: skip
        assert (out / name).stat().st_size > 1024, name
    saved = json.loads((out / "model_card.json").read_text())
    assert saved["command"] == "python -m flows.train_models --quick --charlm"
    assert set(saved["scores"]) == {"ud_test_pud", "ner_test_aqmar", "ner_test_anercorp"}
    assert saved["charlm"]["train_articles"] > 0
    assert "AQMAR" in (out / "MODEL_CARD.md").read_text()
    assert card["sizes_mb"]["ner.pt"] > 0
    assert set(read_checksums(out)) == {p.name for p in out.glob("*.pt")}  # every installed model listed
    # the lemma seed of the new lemma model, or none when it answers without its seq2seq part
    from tasks.nlp.lemma import SEED_FILE, read_seed

    assert saved["lemma_seed"]["pairs"] == len(read_seed(out, out / "lemma.pt"))
    assert (out / SEED_FILE).exists() == (saved["lemma_seed"]["pairs"] > 0)

    # --only ner without --charlm: the NER is trained again, its charlms go, the other models stay byte-identical
    kept = {name: (out / name).read_bytes() for name in ("tokenize.pt", "pos.pt", "pretrain.pt")}
    again = train_models(corpora=str(SHARED / "corpora"), out=str(out), work=str(tmp_path / "work2"), quick=True,
                         only="ner")  # fmt: skip
    assert {name: (out / name).read_bytes() for name in kept} == kept
    assert again["command"] == "python -m flows.train_models --quick --charlm"  # the kept models' run
    assert "--only ner" in again["ner_retrained"]
    assert not (out / "charlm_forward.pt").exists() and not (out / "charlm_backward.pt").exists()
    assert set(read_checksums(out)) == {p.name for p in out.glob("*.pt")}  # the charlms' lines gone with them
    assert "No character language model" in (out / "MODEL_CARD.md").read_text()
    assert set(again["scores"]) == {"ud_test_pud", "ner_test_aqmar", "ner_test_anercorp"}


def test_charlm_text_keeps_paragraphs_and_leaves_excluded_articles_out(tmp_path):
    """The character language models read the news as written; a gold or check-set article never enters."""
    import gzip

    corpus = tmp_path / "news.jsonl.gz"
    arts = [
        {"id": "BB-1", "title": "الصين وقيرغيزستان", "text": "قال لي إن الصين مستعدة للعمل مع قيرغيزستان.\n\nوأضاف."},
        {"id": "BB-gold", "title": "مقال التقييم", "text": "لا يدخل التدريب."},
        {"id": "CN-2", "title": "", "text": "وقعت الحكومتان مذكرة تفاهم."},
    ]
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)
    counts = tr.prepare_charlm_text(corpus, tmp_path / "data", {"BB-gold"}, dev_every=3)
    train = (tmp_path / "data" / "charlm.train.txt").read_text(encoding="utf-8")
    dev = (tmp_path / "data" / "charlm.dev.txt").read_text(encoding="utf-8")
    assert train == "الصين وقيرغيزستان\nقال لي إن الصين مستعدة للعمل مع قيرغيزستان.\nوأضاف.\n"
    assert dev == "وقعت الحكومتان مذكرة تفاهم.\n"  # the third article: every third goes to dev
    assert "التقييم" not in train + dev
    assert counts == {"train_articles": 1, "train_chars": len(train), "excluded": 1, "dev_articles": 1,
                      "dev_chars": len(dev)}  # fmt: skip
