"""The checksum load (tasks/nlp/checksums.py): bundled model files whose digest SHA256SUMS lists load with torch's
full unpickler; every other file keeps stanza's safe one."""

import pickle
import shutil
import subprocess
from fractions import Fraction

import pytest
import torch

from tasks.nlp import models
from tasks.nlp.checksums import CHECKSUMS, read_checksums, trusted_files, trusted_loads, write_checksums
from tasks.nlp.models import BUNDLED_DIR, ModelConfig


def _saved(path, obj):
    torch.save(obj, path)
    return path


@pytest.fixture
def bundled(tmp_path, monkeypatch):
    """A bundled folder of two small model files and their checksums."""
    folder = tmp_path / "ar"
    folder.mkdir()
    # a Fraction is no tensor, dict or list: torch's safe unpickler refuses it, the full one reads it
    _saved(folder / "ner.pt", {"vocab": ["قيرغيزستان", "الصين"], "ratio": Fraction(1, 3)})
    _saved(folder / "pos.pt", {"emb": torch.arange(6.0).reshape(2, 3)})
    write_checksums(folder)
    monkeypatch.setattr(models, "BUNDLED_DIR", folder)
    return folder


def test_the_bundled_models_are_listed_with_their_current_digests():
    listed = read_checksums(BUNDLED_DIR)
    assert set(listed) == {p.name for p in BUNDLED_DIR.glob("*.pt")}
    assert trusted_files(ModelConfig()) == frozenset(p.resolve() for p in BUNDLED_DIR.glob("*.pt"))


def test_checksums_are_what_sha256sum_checks(bundled):
    if shutil.which("sha256sum") is None:
        pytest.skip("no sha256sum on this machine")
    done = subprocess.run(["sha256sum", "-c", CHECKSUMS], cwd=bundled, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == 2


def test_a_listed_bundled_file_loads_with_the_full_unpickler(bundled):
    files = trusted_files(ModelConfig(models_dir=bundled))
    assert files == {(bundled / "ner.pt").resolve(), (bundled / "pos.pt").resolve()}
    with pytest.raises(pickle.UnpicklingError):  # what stanza does outside the block
        torch.load(bundled / "ner.pt", weights_only=True)
    with trusted_loads(files):
        data = torch.load(str(bundled / "ner.pt"), lambda storage, loc: storage, weights_only=True)
    assert data["ratio"] == Fraction(1, 3) and data["vocab"] == ["قيرغيزستان", "الصين"]
    with pytest.raises(pickle.UnpicklingError):  # the block undone
        torch.load(bundled / "ner.pt", weights_only=True)


def test_other_files_keep_the_safe_unpickler(bundled, tmp_path):
    elsewhere = _saved(tmp_path / "ner.pt", {"ratio": Fraction(2, 3)})
    with trusted_loads(trusted_files(ModelConfig(models_dir=bundled))), pytest.raises(pickle.UnpicklingError):
        torch.load(elsewhere, weights_only=True)  # not in the bundled folder
    # a folder given by ILTIZAM_MODELS, even with a list of its own, and official stanza models: none
    (tmp_path / "ner.pt").rename(tmp_path / "copy.pt")
    write_checksums(tmp_path)
    assert trusted_files(ModelConfig(models_dir=tmp_path)) == frozenset()
    assert trusted_files(ModelConfig(official_dir=tmp_path)) == frozenset()


def test_a_bundled_file_changed_by_hand_or_unlisted_is_not_trusted(bundled):
    _saved(bundled / "ner.pt", {"ratio": Fraction(5, 7)})  # same name, other content
    _saved(bundled / "lemma.pt", {"ratio": Fraction(1, 2)})  # not in the list
    files = trusted_files(ModelConfig(models_dir=bundled))
    assert files == {(bundled / "pos.pt").resolve()}
    with trusted_loads(files), pytest.raises(pickle.UnpicklingError):
        torch.load(bundled / "ner.pt", weights_only=True)


def test_malformed_lines_list_nothing(tmp_path):
    digest = "ab" * 32
    lines = [f"{digest}  ner.pt", f"{digest} pos.pt", f"{digest[:-1]}  mwt.pt", f"{digest.upper()}  lemma.pt",
             f"{digest}  *tokenize.pt"]  # fmt: skip
    (tmp_path / CHECKSUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_checksums(tmp_path) == {"ner.pt": digest, "tokenize.pt": digest}
    assert read_checksums(tmp_path / "none") == {}


def test_the_bundled_weights_are_the_same_either_way():
    """The full unpickler reads the same vocabularies and tensors as stanza's safe one."""
    path = BUNDLED_DIR / "pretrain.pt"
    safe = torch.load(path, lambda storage, loc: storage, weights_only=True)
    with trusted_loads(trusted_files(ModelConfig())):
        fast = torch.load(path, lambda storage, loc: storage, weights_only=True)
    assert safe["vocab"] == fast["vocab"]
    assert torch.equal(torch.as_tensor(safe["emb"]), torch.as_tensor(fast["emb"]))
