import pytest

from tasks.errors import ModelError
from tasks.nlp.models import BUNDLED_DIR, ModelConfig, build_pipeline, model_version


def test_setting_parses_bundled_folder_and_official_stanza(tmp_path):
    assert ModelConfig.from_setting("bundled").models_dir == BUNDLED_DIR
    assert ModelConfig.from_setting(str(tmp_path)).models_dir == tmp_path
    cfg = ModelConfig.from_setting(f"stanza:{tmp_path}")
    assert cfg.official_dir == tmp_path
    assert cfg.name.startswith("stanza:")


def test_bundled_models_are_committed_with_a_card():
    for name in ("tokenize.pt", "mwt.pt", "ner.pt", "pretrain.pt", "resources.json", "MODEL_CARD.md"):
        assert (BUNDLED_DIR / name).is_file(), name
    total = sum(p.stat().st_size for p in BUNDLED_DIR.iterdir())
    assert total < 100e6
    assert model_version(ModelConfig()).startswith("iltizam-ar:")


def test_missing_model_names_the_path_and_the_fix(tmp_path):
    with pytest.raises(ModelError) as err:
        build_pipeline(ModelConfig(models_dir=tmp_path), processors="tokenize,mwt,ner")
    msg = str(err.value)
    assert str(tmp_path / "tokenize.pt") in msg
    assert "git checkout -- models/" in msg


def test_corrupt_model_file_gives_a_clear_error(tmp_path):
    for name in ("tokenize.pt", "mwt.pt"):
        (tmp_path / name).write_bytes(b"\x00not a model" * 200)
    (tmp_path / "resources.json").write_text("{}")
    with pytest.raises(ModelError) as err:
        build_pipeline(ModelConfig(models_dir=tmp_path), processors="tokenize,mwt")
    assert str(tmp_path) in str(err.value)
    assert "retrain" in str(err.value)


def test_official_models_without_resources_explain_how_to_get_them(tmp_path):
    with pytest.raises(ModelError) as err:
        build_pipeline(ModelConfig(official_dir=tmp_path))
    assert "stanza.download('ar'" in str(err.value)


def test_get_pipeline_is_shared_and_puts_the_nlp_cache_in_front_when_set(tmp_path, monkeypatch):
    from tasks.nlp import models
    from tasks.nlp.cache import CachedPipeline, cache_folder_name

    built = []
    monkeypatch.setattr(models, "_CACHE", {})
    monkeypatch.setattr(models, "build_pipeline", lambda config, processors: built.append(processors) or object())
    monkeypatch.delenv(models.NLP_CACHE_ENV, raising=False)
    cfg = ModelConfig(models_dir=tmp_path)
    shared = models.get_pipeline(cfg)
    assert models.get_pipeline(cfg) is shared and len(built) == 1  # loaded once per process
    monkeypatch.setenv(models.NLP_CACHE_ENV, str(tmp_path / "cache"))
    cached = models.get_pipeline(cfg)
    assert isinstance(cached, CachedPipeline) and models.get_pipeline(cfg) is cached
    assert cached.store.folder == tmp_path / "cache" / cache_folder_name(model_version(cfg), models.DEFAULT_PROCESSORS)
    assert cached.loader() is shared and len(built) == 1  # a miss uses the same shared pipeline


def test_charlm_files_go_to_the_ner_both_or_none(tmp_path):
    """A NER trained with character language models needs both files; a bundle without them loads as before."""
    from tasks.nlp.models import CHARLM_FILES, _charlm_paths

    assert _charlm_paths(tmp_path) == {}
    (tmp_path / CHARLM_FILES["forward"]).write_bytes(b"x" * 2048)
    with pytest.raises(ModelError) as err:
        _charlm_paths(tmp_path)
    assert CHARLM_FILES["backward"] in str(err.value)
    (tmp_path / CHARLM_FILES["backward"]).write_bytes(b"x" * 2048)
    assert _charlm_paths(tmp_path) == {
        "ner_forward_charlm_path": str(tmp_path / "charlm_forward.pt"),
        "ner_backward_charlm_path": str(tmp_path / "charlm_backward.pt"),
    }


def test_loading_leaves_stanzas_optimizer_factories_as_they_were() -> None:
    # the bundled models load without the training optimizers (whose first one imported torch._dynamo: 1.5 s
    # of every worker's start), and stanza's factories are back afterwards, also when loading fails
    from stanza.models.common import utils

    from tasks.nlp.models import _without_optimizers

    before = utils.get_optimizer, utils.get_split_optimizer
    with pytest.raises(RuntimeError), _without_optimizers():
        assert utils.get_optimizer("adam", None, 0.1) is None and utils.get_split_optimizer("adam", None, 0.1) == {}
        raise RuntimeError("a model file that does not load")
    assert (utils.get_optimizer, utils.get_split_optimizer) == before


@pytest.mark.slow
def test_the_bundled_pipeline_loads_for_inference_only() -> None:
    import subprocess
    import sys

    # a fresh interpreter: whether torch._dynamo was imported depends on what ran before in this one
    code = (
        "import sys, torch; from tasks.nlp.models import ModelConfig, build_pipeline; "
        "nlp = build_pipeline(ModelConfig()); doc = nlp('قال لي إن الصين مستعدة للعمل مع قيرغيزستان.'); "
        "print('torch._dynamo' in sys.modules, nlp.processors['ner'].trainers[0].optimizer, "
        "[e.text for e in doc.ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False None ['لي', 'الصين', 'قيرغيزستان']"
