"""The bundled model files load with torch's own unpickler when they are exactly the files the project ships.

stanza reads every model file with ``torch.load(..., weights_only=True)``: a pure-Python unpickler that refuses
arbitrary objects, so a model file from elsewhere cannot run code when it loads. It is slow on the pickled
vocabularies of the bundled models: ``ner.pt`` 0.73 s and ``pretrain.pt`` 0.71 s against 0.05 s and 0.02 s with
torch's C unpickler (one process on this machine), paid by every worker process of every run. The bundled folder
is part of the project as its code is, and ``SHA256SUMS`` in it (``sha256sum`` format, written by the training
flow) lists the digest of each model file: while a pipeline loads, a file is read with the full unpickler only
when it lies in the bundled folder and its content has the listed digest. Every other file keeps stanza's
safe loading: a folder given by ``ILTIZAM_MODELS``, official stanza models, a bundled file replaced by hand,
a file the list lacks.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tasks.nlp import models
from tasks.nlp.models import ModelConfig, file_digest

CHECKSUMS = "SHA256SUMS"
_HEX_DIGITS = frozenset("0123456789abcdef")
_SHA256_HEX_LENGTH = 64
_LOAD_LOCK = threading.Lock()


def write_checksums(folder: Path) -> Path:
    """``SHA256SUMS`` for every model file (``*.pt``) of ``folder``, one ``<digest>  <name>`` line each (what
    ``sha256sum -c`` reads); the training flow writes it next to the models it installs."""
    lines = [f"{file_digest(p)}  {p.name}\n" for p in sorted(folder.glob("*.pt"))]
    path = folder / CHECKSUMS
    path.write_text("".join(lines), encoding="utf-8")
    return path


def read_checksums(folder: Path) -> dict[str, str]:
    """File name → listed sha256 of ``folder/SHA256SUMS``; none when it is missing. A line that is no
    ``<64 hex digits>  <name>`` lists nothing (its file keeps the safe loading)."""
    path = folder / CHECKSUMS
    if not path.is_file():
        return {}
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, sep, name = line.partition("  ")
        name = name.removeprefix("*")  # sha256sum's binary-mode mark
        if sep and name and len(digest) == _SHA256_HEX_LENGTH and set(digest) <= _HEX_DIGITS:
            listed[name] = digest
    return listed


def trusted_files(config: ModelConfig) -> frozenset[Path]:
    """The model files of ``config`` that may load with the full unpickler: those of the bundled folder whose
    content has the digest ``SHA256SUMS`` lists."""
    if config.official_dir is not None:
        return frozenset()
    folder = config.models_dir.resolve()
    if folder != models.BUNDLED_DIR.resolve():
        return frozenset()
    return frozenset(
        path for name, digest in read_checksums(folder).items()
        if (path := folder / name).is_file() and file_digest(path) == digest
    )  # fmt: skip


@contextmanager
def trusted_loads(files: frozenset[Path]) -> Iterator[None]:
    """While the block runs, ``torch.load`` of one of ``files`` ignores ``weights_only=True``; any other load
    is passed on unchanged. One block at a time (it swaps a module attribute)."""
    import torch

    if not files:
        yield
        return
    with _LOAD_LOCK:
        original = torch.load

        def load(f: Any, *args: Any, **kwargs: Any) -> Any:
            if kwargs.get("weights_only") and isinstance(f, str | os.PathLike) and Path(f).resolve() in files:
                kwargs["weights_only"] = False
            return original(f, *args, **kwargs)

        torch.load = load
        try:
            yield
        finally:
            torch.load = original
