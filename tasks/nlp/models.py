"""Where the stanza models come from, and one cached pipeline per process.

The bundled models (``models/ar``) are the default so the pipeline runs offline on a fresh clone;
official stanza Arabic models can be used instead by pointing the setting at a stanza resources dir.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tasks.errors import ModelError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DIR = PROJECT_ROOT / "models" / "ar"
DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,ner"

# processor → (model file, pretrain file or None) inside a bundled models folder
BUNDLED_FILES: dict[str, tuple[str, str | None]] = {
    "tokenize": ("tokenize.pt", None),
    "mwt": ("mwt.pt", None),
    "pos": ("pos.pt", "pretrain.pt"),
    "lemma": ("lemma.pt", None),
    "ner": ("ner.pt", "pretrain.pt"),
}
# The NER's character language models (news text, one per direction; tasks/build/training.py): a NER trained
# with them cannot run without them, one trained without them ignores them.
CHARLM_FILES: dict[str, str] = {"forward": "charlm_forward.pt", "backward": "charlm_backward.pt"}
CHARLM_SHORTHAND = "ar_news"


@dataclass(frozen=True)
class ModelConfig:
    """The ``models`` setting: ``bundled`` (default), a folder laid out like ``models/ar``, or
    ``stanza:<resources dir>`` for official stanza models downloaded on a connected machine."""

    models_dir: Path = BUNDLED_DIR
    official_dir: Path | None = None

    @classmethod
    def from_setting(cls, setting: str | None = None) -> ModelConfig:
        setting = setting or os.environ.get("ILTIZAM_MODELS", "bundled")
        if setting == "bundled":
            return cls()
        if setting.startswith("stanza:") or setting == "stanza":
            raw = setting.partition(":")[2] or os.environ.get(
                "STANZA_RESOURCES_DIR", str(Path.home() / "stanza_resources")
            )
            return cls(official_dir=Path(raw).expanduser())
        return cls(models_dir=Path(setting).expanduser())

    @property
    def name(self) -> str:
        return f"stanza:{self.official_dir}" if self.official_dir else f"bundled:{self.models_dir}"


def _check_file(path: Path, what: str) -> None:
    if not path.is_file():
        raise ModelError(
            f"{what} model not found at {path}.",
            fix="restore the bundled models with `git checkout -- models/`, retrain them with "
            "`python -m flows.train_models`, or set ILTIZAM_MODELS to a folder that has them "
            "(or to stanza:<resources dir> for official stanza models).",
            path=path,
        )
    if path.stat().st_size < 1024:
        raise ModelError(
            f"{what} model at {path} is only {path.stat().st_size} bytes: probably a Git LFS pointer or a "
            "truncated copy.",
            fix="`git checkout -- models/` or retrain with `python -m flows.train_models`.",
            path=path,
        )


def available_processors(config: ModelConfig, processors: str = DEFAULT_PROCESSORS) -> str:
    """Drop bundled processors whose file is absent only when they are optional (pos, lemma)."""
    if config.official_dir:
        return processors
    wanted = [p.strip() for p in processors.split(",") if p.strip()]
    keep = [p for p in wanted if p in ("tokenize", "mwt", "ner") or (config.models_dir / BUNDLED_FILES[p][0]).exists()]
    if "lemma" in keep and "pos" not in keep:
        keep.remove("lemma")
    return ",".join(keep)


def build_pipeline(
    config: ModelConfig, processors: str = DEFAULT_PROCESSORS, pretokenized: bool = False, **extra: Any
) -> Any:
    """Load a stanza pipeline from local files only; every failure names the path and the fix."""
    import logging

    import stanza

    # stanza warns that "ar" is unknown when it has no resources.json entry for it: expected here
    logging.getLogger("stanza").setLevel(logging.ERROR)
    processors = available_processors(config, processors)
    kwargs: dict[str, Any] = {
        "lang": "ar",
        "processors": processors,
        "download_method": None,
        "logging_level": "ERROR",
        "use_gpu": False,
        "tokenize_pretokenized": pretokenized,
    }
    kwargs.update(extra)
    if config.official_dir:
        resources = config.official_dir / "resources.json"
        if not resources.is_file():
            raise ModelError(
                f"no stanza resources at {resources}.",
                fix="on a connected machine run "
                f"`python -c \"import stanza; stanza.download('ar', model_dir='{config.official_dir}')\"` and copy "
                "the folder here, or use the bundled models (ILTIZAM_MODELS=bundled).",
                path=resources,
            )
        kwargs["dir"] = str(config.official_dir)
    else:
        base = config.models_dir
        for proc in processors.split(","):
            model_file, pretrain = BUNDLED_FILES[proc]
            _check_file(base / model_file, proc)
            kwargs[f"{proc}_model_path"] = str(base / model_file)
            if pretrain:
                _check_file(base / pretrain, f"{proc} word-vector")
                kwargs[f"{proc}_pretrain_path"] = str(base / pretrain)
        if "lemma" in processors:
            kwargs["lemma_pos_model_path"] = str(base / "pos.pt")
        if "ner" in processors.split(","):
            kwargs.update(_charlm_paths(base))
        resources = base / "resources.json"
        if not resources.exists():
            raise ModelError(
                f"{resources} is missing.", fix="`git checkout -- models/` (it holds `{}`).", path=resources
            )
        kwargs["dir"] = str(base)
        kwargs["allow_unknown_language"] = True
    from tasks.nlp.checksums import trusted_files, trusted_loads

    # the bundled models have no transformer to fine-tune, whose scheduler would want its optimizer; the
    # files the project ships (SHA256SUMS) skip the slow safe unpickler (tasks/nlp/checksums.py)
    optimizers = _without_optimizers() if not config.official_dir else contextlib.nullcontext()
    try:
        with optimizers, trusted_loads(trusted_files(config)):
            return stanza.Pipeline(**kwargs)
    except ModelError:
        raise
    except Exception as exc:  # stanza raises many kinds on a bad file
        raise ModelError(
            f"could not load stanza models from {kwargs['dir']} ({type(exc).__name__}: {exc}).",
            fix="restore the files with `git checkout -- models/` or retrain with `python -m flows.train_models`.",
            path=kwargs["dir"],
        ) from exc


_PATCH_LOCK = threading.Lock()


@contextmanager
def _without_optimizers() -> Iterator[None]:
    """stanza's trainers build their training optimizers while loading a model for inference, and the first
    optimizer imports ``torch._dynamo``: 1.5 s of a 2.5–4 s model load, paid again by every worker process.
    Inference never steps an optimizer (stanza uses them in ``update`` only), so while the pipeline loads the
    factories return none (an empty map for the split one)."""
    from stanza.models.common import utils

    with _PATCH_LOCK:
        saved = {name: getattr(utils, name) for name in _OPTIMIZER_FACTORIES if hasattr(utils, name)}
        try:
            for name in saved:
                setattr(utils, name, _OPTIMIZER_FACTORIES[name])
            yield
        finally:
            for name, factory in saved.items():
                setattr(utils, name, factory)


def _no_optimizer(*_args: Any, **_kwargs: Any) -> None:
    return None


def _no_optimizers(*_args: Any, **_kwargs: Any) -> dict[str, Any]:
    return {}


# stanza's optimizer factories → what they return while a pipeline loads (the split one a map of optimizers)
_OPTIMIZER_FACTORIES = {"get_optimizer": _no_optimizer, "get_split_optimizer": _no_optimizers}


def _charlm_paths(base: Path) -> dict[str, str]:
    """stanza's NER options for the character language models of ``base``: both or none (one alone is a
    half-copied bundle)."""
    paths = {d: base / f for d, f in CHARLM_FILES.items()}
    present = [d for d, p in paths.items() if p.exists()]
    if not present:
        return {}
    for d, p in paths.items():
        _check_file(p, f"NER {d} character language")
    return {f"ner_{d}_charlm_path": str(p) for d, p in paths.items()}


def model_version(config: ModelConfig) -> str:
    """A short fingerprint of the model files, stored with every output row set."""
    if config.official_dir:
        return f"stanza-official:{config.official_dir}"
    card = config.models_dir / "model_card.json"
    h = hashlib.sha256()
    if card.exists():
        h.update(card.read_bytes())
    for p in sorted(config.models_dir.glob("*.pt")):
        h.update(f"{p.name}:{file_digest(p)}".encode())
    return f"iltizam-ar:{h.hexdigest()[:12]}"


_DIGESTS: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str:
    """The sha256 of a model file's content, once per process and file state: a retrained model of the same
    size is another model (a size-only fingerprint let cached answers of the old one be reused)."""
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _DIGESTS:
        h = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        _DIGESTS[key] = h.hexdigest()
    return _DIGESTS[key]


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, ...], Any] = {}

# A folder for stanza's answers (tasks/nlp/cache.py): with it, get_pipeline returns a CachedPipeline over
# ``<folder>/<model_version>/`` that loads the model only when a text is not cached yet (flows.evaluate sets it).
NLP_CACHE_ENV = "ILTIZAM_NLP_CACHE"


def shared_pipeline(config: ModelConfig | None = None, processors: str = DEFAULT_PROCESSORS) -> Any:
    """The process-wide stanza pipeline: loaded once behind a lock, shared by threads and tasks; its
    lemmatizer sees each (word, UPOS) once per process (tasks/nlp/lemma.py), its MWT model expands only the
    tokens its dictionary lacks, each once per call (tasks/nlp/mwt.py), its POS and NER models read each distinct
    word's characters once (tasks/nlp/charreps.py) and the POS model spells each combination of features once
    (tasks/nlp/tagmemo.py)."""
    from tasks.nlp.charreps import install_char_cache
    from tasks.nlp.lemma import install_lemma_cache, read_seed
    from tasks.nlp.mwt import install_mwt_once
    from tasks.nlp.tagmemo import install_tag_memo

    config = config or ModelConfig.from_setting()
    key = (config.name, processors)
    with _LOCK:
        if key not in _CACHE:
            pipeline = build_pipeline(config, processors)
            lemma_model = config.models_dir / BUNDLED_FILES["lemma"][0]
            seed = [] if config.official_dir else read_seed(config.models_dir, lemma_model)
            install_lemma_cache(pipeline, seed=seed)
            install_mwt_once(pipeline)
            install_char_cache(pipeline)
            install_tag_memo(pipeline)
            _CACHE[key] = pipeline
        return _CACHE[key]


def cached_pipeline(config: ModelConfig, folder: Path, processors: str = DEFAULT_PROCESSORS) -> Any:
    """A CachedPipeline over ``folder/<model_version>/``, one per process and folder; the real pipeline
    (``shared_pipeline``) is loaded on the first miss only, so a warm cache never reads the model files."""
    from tasks.nlp.cache import CachedPipeline, FolderStore, cache_folder_name

    version = model_version(config)
    sub = Path(folder).expanduser() / cache_folder_name(version, processors)
    key = ("cache", config.name, processors, str(sub))
    with _LOCK:
        if key not in _CACHE:
            store = FolderStore(sub, header={"model_version": version, "processors": processors})
            _CACHE[key] = CachedPipeline(store, loader=lambda: shared_pipeline(config, processors))
        return _CACHE[key]


def get_pipeline(config: ModelConfig | None = None, processors: str = DEFAULT_PROCESSORS) -> Any:
    """The pipeline every batch uses: the shared stanza pipeline, or, when ILTIZAM_NLP_CACHE names a folder,
    the same behind a cache of its answers (tasks/nlp/cache.py)."""
    config = config or ModelConfig.from_setting()
    folder = os.environ.get(NLP_CACHE_ENV, "").strip()
    if folder:
        return cached_pipeline(config, Path(folder), processors)
    return shared_pipeline(config, processors)


def write_resources_stub(models_dir: Path) -> None:
    """stanza insists on a resources.json in ``dir`` even when every path is explicit."""
    models_dir.mkdir(parents=True, exist_ok=True)
    path = models_dir / "resources.json"
    if not path.exists():
        path.write_text(json.dumps({}) + "\n", encoding="utf-8")
