"""The NLP cache: stanza's answers stored as JSON come back exactly, misses go to the model in one call,
and a warm cache (the frozen test fixtures included) never loads a model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tasks.errors import NlpCacheMiss
from tasks.nlp import models
from tasks.nlp.cache import (
    BundleStore,
    CachedPipeline,
    FolderStore,
    cache_folder_name,
    checked_entry,
    format_bundle,
    from_entry,
    read_bundle,
    signature,
    text_key,
    to_entry,
)
from tests.conftest import NLP_FIXTURES, TESTS, nlp_mode
from tests.rules import found, mentions_of

NAMES = {"الصين": "GPE", "قيرغيزستان": "GPE", "شينخوا": "ORG"}


def fake_document(text: str) -> Any:
    """A stanza Document annotated the way the Arabic models annotate: whitespace tokens, «و» split off as
    a multi-word token (tuple ids), BIOES NER tags on tokens, lemma/UPOS/feats on words."""
    import stanza

    rows: list[dict[str, Any]] = []
    pos, wid = 0, 1
    words = text.split(" ")
    for i, tok in enumerate(words):
        start, end = pos, pos + len(tok)
        pos = end + 1
        name = tok[1:] if tok.startswith("و") and tok[1:] in NAMES else tok
        if i + 1 < len(words) and f"{tok} {words[i + 1]}" == "لي تشيانغ":
            ner = "B-PER"
        elif i and f"{words[i - 1]} {tok}" == "لي تشيانغ":
            ner = "E-PER"
        else:
            ner = f"S-{NAMES[name]}" if name in NAMES else "O"
        if name != tok:  # «وقيرغيزستان» → و + قيرغيزستان
            rows.append({"id": (wid, wid + 1), "text": tok, "start_char": start, "end_char": end, "ner": ner,
                         "multi_ner": (ner,)})  # fmt: skip
            rows.append({"id": wid, "text": "و", "lemma": "و", "upos": "CCONJ", "xpos": "C---------",
                         "start_char": start, "end_char": start + 1})  # fmt: skip
            rows.append({"id": wid + 1, "text": name, "lemma": name, "upos": "PROPN", "feats": "Gender=Fem",
                         "start_char": start + 1, "end_char": end})  # fmt: skip
            wid += 2
        else:
            rows.append({"id": wid, "text": tok, "lemma": tok, "upos": "PROPN" if ner != "O" else "NOUN",
                         "xpos": "N------S1D", "start_char": start, "end_char": end, "ner": ner,
                         "multi_ner": (ner,)})  # fmt: skip
            wid += 1
    return stanza.Document([rows], text=text)


class FakeNLP:
    """Records every call: the cache must send only its misses, all in one call."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, docs: Sequence[Any]) -> list[Any]:
        self.calls.append([d.text for d in docs])
        return [fake_document(d.text) for d in docs]


def inputs(*texts: str) -> list[Any]:
    import stanza

    return [stanza.Document([], text=t) for t in texts]


A = "قال لي تشيانغ إن الصين مستعدة"
B = "للعمل مع الصين وقيرغيزستان"
C = "(شينخوا) الصين"


def test_round_trip_gives_back_everything_analyse_reads() -> None:
    doc = fake_document(B)
    entry = json.loads(json.dumps(checked_entry(doc), ensure_ascii=False))
    again = from_entry(entry)
    assert signature(again) == signature(doc)
    assert [(e.type, e.text) for e in again.sentences[0].ents] == [("GPE", "الصين"), ("GPE", "وقيرغيزستان")]
    mwt = again.sentences[0].tokens[-1]
    assert mwt.id == (4, 5) and [w.text for w in mwt.words] == ["و", "قيرغيزستان"]
    assert to_entry(again) == entry  # stable: a stored answer stores the same again


def test_misses_go_to_the_model_in_one_call_hits_never_load_it(tmp_path: Path) -> None:
    fake, loads = FakeNLP(), []

    def loader() -> FakeNLP:
        loads.append(1)
        return fake

    cached = CachedPipeline(FolderStore(tmp_path), loader=loader)
    first = cached(inputs(A, B, A))
    assert fake.calls == [[A, B]] and len(loads) == 1  # one call, duplicates once
    assert [signature(d) for d in first] == [signature(fake_document(t)) for t in (A, B, A)]
    second = CachedPipeline(FolderStore(tmp_path), loader=loader)(inputs(B, C, A))
    assert fake.calls[1:] == [[C]]
    assert [signature(d) for d in second] == [signature(fake_document(t)) for t in (B, C, A)]
    warm = CachedPipeline(FolderStore(tmp_path), loader=loader)
    warm(inputs(C, B))
    assert len(fake.calls) == 2 and (warm.hits, warm.misses) == (2, 0)
    stored = json.loads((tmp_path / f"{text_key(B)}.json").read_text(encoding="utf-8"))
    assert stored["text"] == B and stored["sentences"][0][0]["text"] == "للعمل"


def test_a_warm_cache_behind_get_pipeline_never_touches_the_model_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tasks.errors import ModelError
    from tasks.ingest.reader import ingest_bytes
    from tasks.nlp.analyse import analyse_documents, line_end_pad

    monkeypatch.setenv("ILTIZAM_MODELS", str(tmp_path / "nonexistent"))
    monkeypatch.setenv(models.NLP_CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(models, "_CACHE", {})
    config = models.ModelConfig.from_setting()
    folder = tmp_path / "cache" / cache_folder_name(models.model_version(config), models.DEFAULT_PROCESSORS)
    # what analyse_documents feeds stanza: each line, with the pad a line ending in a letter gets
    fed = [t + line_end_pad(t) for t in (A, B)]
    FolderStore(folder).put({text_key(t): to_entry(fake_document(t)) for t in fed})

    def no_model(*args: Any, **kwargs: Any) -> Any:
        raise ModelError("the model was loaded", fix="a warm cache must answer without it (get_pipeline)")

    monkeypatch.setattr(models, "build_pipeline", no_model)
    nlp = models.get_pipeline()
    assert isinstance(nlp, CachedPipeline) and models.get_pipeline() is nlp
    doc = ingest_bytes((A + "\n" + B + "\n").encode(), "doc.txt")
    (out,) = analyse_documents(nlp, [doc])
    assert ("قيرغيزستان", "GPE") in {(m.text, m.type) for m in out.mentions}
    assert (nlp.hits, nlp.misses) == (2, 0)
    with pytest.raises(ModelError):  # a miss loads the real pipeline, lazily
        nlp(inputs(C))


def test_model_versions_never_share_a_cache_folder(tmp_path: Path) -> None:
    for name, size in (("a", 2000), ("b", 3000)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ner.pt").write_bytes(b"\0" * size)
    versions = {models.model_version(models.ModelConfig(models_dir=tmp_path / n)) for n in "ab"}
    names = {cache_folder_name(v, models.DEFAULT_PROCESSORS) for v in versions}
    assert len(names) == 2 and all("/" not in n for n in names)
    assert cache_folder_name("x:1", "tokenize,mwt") == "x:1+tokenize+mwt"


def test_a_frozen_miss_says_how_to_record(tmp_path: Path) -> None:
    cached = CachedPipeline(BundleStore(tmp_path), miss_hint="run python -m tests.freeze_nlp")
    with pytest.raises(NlpCacheMiss) as err:
        cached(inputs(A))
    assert A in str(err.value) and "python -m tests.freeze_nlp" in str(err.value)


def test_bundles_keep_one_row_per_line_and_only_what_was_used(tmp_path: Path) -> None:
    store = BundleStore(tmp_path, bundle="m", readable=["m"], header={"model_version": "v1"})
    store.put({text_key(t): to_entry(fake_document(t)) for t in (A, B)})
    assert store.save() == tmp_path / "m.json"
    text = (tmp_path / "m.json").read_text(encoding="utf-8")
    assert '"model_version": "v1"' in text
    assert sum('"text": "قيرغيزستان"' in line for line in text.splitlines()) == 1  # a word, one line
    again = BundleStore(tmp_path, bundle="m", readable=["m"])
    assert set(again.entries) == {text_key(A), text_key(B)}
    CachedPipeline(again)(inputs(B))
    again.save()  # only B was used: A is dropped
    assert set(read_bundle(tmp_path / "m.json")) == {text_key(B)}


def test_every_fixture_bundle_belongs_to_a_test_module_and_rebuilds_exactly() -> None:
    for path in sorted(NLP_FIXTURES.glob("*.json")):
        module = TESTS.joinpath(*path.stem.split(".")).with_suffix(".py")
        assert module.is_file(), f"{path.name}: no test module {module}; delete it"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["model_version"] and data["segments"], path.name
        entries = read_bundle(path)
        for entry in entries.values():
            assert to_entry(from_entry(entry)) == entry
        assert format_bundle({k: v for k, v in data.items() if k != "segments"}, entries.values()) == path.read_text(
            encoding="utf-8"
        ), f"{path.name} is not in the layout tests/freeze_nlp.py writes"


XINHUA = "وقال رئيس مجلس الدولة الصيني لي تشيانغ إن الصين مستعدة للعمل مع قيرغيزستان.\n"


def test_frozen_rule_tests_load_no_model(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    if nlp_mode() == "frozen":

        def no_model(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("a frozen rule test loaded a model")

        for name in ("build_pipeline", "shared_pipeline", "get_pipeline"):
            monkeypatch.setattr(models, name, no_model)
        assert isinstance(nlp, CachedPipeline) and nlp.loader is None
    m = mentions_of(nlp, XINHUA)
    assert found(m, "لي تشيانغ", "PER")[0][2] == "Li Qiang"
    assert found(m, "قيرغيزستان", "GPE")[0][2] == "Kyrgyzstan"


@pytest.mark.slow
def test_real_model_output_round_trips_exactly() -> None:
    """The check every store makes, on the bundled models' answers to real news lines."""
    texts = [
        "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم (الأربعاء) إن الصين "
        "مستعدة للعمل مع قيرغيزستان.",
        "وأجرى وزير الخارجية الصيني وانغ يي محادثات في شيآن بمقاطعة شنشي، مشيرا إلى دعم الصين للأمم المتحدة.",
    ]
    docs = models.shared_pipeline()(inputs(*texts))
    for doc in docs:
        again = from_entry(json.loads(json.dumps(checked_entry(doc), ensure_ascii=False)))
        assert signature(again) == signature(doc)
        assert [(e.type, e.start_char, e.end_char) for e in again.ents] == [
            (e.type, e.start_char, e.end_char) for e in doc.ents
        ]
    assert any(len(t.words) > 1 for d in docs for s in d.sentences for t in s.tokens)
