"""One errors module, and every error says what to do: scans of tasks/ and flows/ keep it so, because a
new ``raise`` without a fix, or an exception class defined beside the code that raises it, is easy to add
and nothing else would notice."""

from __future__ import annotations

import ast
import builtins
import inspect
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from tasks import errors
from tasks.errors import (
    SENTENCE_CHARS,
    IltizamError,
    IngestError,
    KBBuildError,
    LockBusy,
    StageChainError,
    TableContractError,
)
from tasks.settings import PROJECT_ROOT

SCANNED = ("tasks", "flows")
ERRORS_FILE = PROJECT_ROOT / "tasks" / "errors.py"

PROJECT_ERRORS: dict[str, type[IltizamError]] = {
    name: cls
    for name, cls in vars(errors).items()
    if inspect.isclass(cls) and issubclass(cls, IltizamError)
}
SAMPLES: dict[type[IltizamError], IltizamError] = {
    IngestError: IngestError("raw/a.txt", "empty file (0 bytes)", "re-download the article"),
    TableContractError: TableContractError("mentions", "column type is null in row 1", "fill type"),
    StageChainError: StageChainError("entities", ["words"], ["ingest", "entities"]),
}
"""An instance of each class whose constructor is not the base's (the others take the base's arguments)."""


def _sample(cls: type[IltizamError]) -> IltizamError:
    return SAMPLES.get(cls) or cls("something failed", fix="do this", path="raw/a.txt", sentence="قال الوزير")


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for folder in SCANNED:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _passes_fix(call: ast.Call, cls: type[IltizamError]) -> bool:
    """``fix=`` given (not as an empty literal), ``**kwargs`` passed on, or enough positional arguments to
    reach the constructor's ``fix`` parameter (IngestError(path, reason, fix))."""
    for kw in call.keywords:
        if kw.arg is None:
            return True
        if kw.arg == "fix":
            return not (isinstance(kw.value, ast.Constant) and not kw.value.value)
    params = [
        p.name
        for p in inspect.signature(cls.__init__).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ][1:]  # without self
    if "fix" not in params:
        return False
    fix_arg = params.index("fix")
    if any(isinstance(a, ast.Starred) for a in call.args[: fix_arg + 1]):
        return True
    if len(call.args) <= fix_arg:
        return False
    value = call.args[fix_arg]
    return not (isinstance(value, ast.Constant) and not value.value)


def _takes_fix(cls: type[IltizamError]) -> bool:
    return "fix" in inspect.signature(cls.__init__).parameters


def test_every_construction_of_a_project_error_passes_a_fix() -> None:
    found = 0
    missing: list[str] = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            cls = PROJECT_ERRORS.get(_called_name(node) or "")
            if cls is None or not _takes_fix(cls):
                continue  # a class without a fix parameter writes its own (next test)
            found += 1
            if not _passes_fix(node, cls):
                missing.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}: {cls.__name__}(...) without fix")
    assert not missing, "every error must say what to do (fix=...):\n" + "\n".join(missing)
    assert found > 50  # the scan does see the raise sites


def test_classes_without_a_fix_parameter_write_their_own() -> None:
    self_fixing = {cls for cls in PROJECT_ERRORS.values() if not _takes_fix(cls)}
    assert self_fixing == {StageChainError}
    for cls in self_fixing:
        assert _sample(cls).fix


def _exception_names() -> set[str]:
    names = {n for n, v in vars(builtins).items() if inspect.isclass(v) and issubclass(v, BaseException)}
    return names | set(PROJECT_ERRORS)


def test_no_exception_class_is_defined_outside_the_errors_module() -> None:
    exceptions = _exception_names()
    stray: list[str] = []
    for path, tree in _sources():
        if path == ERRORS_FILE:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
            if bases & exceptions or any(b.endswith(("Error", "Exception")) for b in bases):
                stray.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}: class {node.name}")
    assert not stray, "exception classes belong in tasks/errors.py:\n" + "\n".join(stray)


def test_the_message_names_the_file_the_sentence_and_the_fix() -> None:
    sentence = "وقال الوزير إن بلاده ستلتزم بخفض الانبعاثات " * 4
    err = IltizamError("no commitment verb", fix="add the verb to the lexicon", path="raw/x.txt", sentence=sentence)
    text = str(err)
    assert text.startswith("raw/x.txt: no commitment verb")
    assert f"«{sentence[:SENTENCE_CHARS]}…»" in text and sentence not in text  # quoted, cut at 80 characters
    assert text.endswith(". Fix: add the verb to the lexicon")
    assert (err.message, err.fix, err.path, err.sentence) == ("no commitment verb", "add the verb to the lexicon",
                                                              "raw/x.txt", sentence)  # fmt: skip


def test_a_path_or_sentence_the_message_already_shows_is_not_repeated() -> None:
    target = Path("out/a.parquet")
    err = IltizamError(f"cannot write {target}: disk full.", fix="free disk space", path=target)
    assert str(err) == "cannot write out/a.parquet: disk full. Fix: free disk space"
    assert err.path == "out/a.parquet"
    miss = IltizamError("no stored output for «قال الوزير»", fix="record it", sentence="قال الوزير")
    assert str(miss) == "no stored output for «قال الوزير». Fix: record it"


@pytest.mark.parametrize(
    ("source", "passes"),
    [
        ("raise ConfigError('bad')", False),
        ("raise ConfigError('bad', fix='')", False),
        ("raise ConfigError('bad', fix='pass --raw')", True),
        ("raise errors.ModelError(msg, **details)", True),
        ("raise IngestError(path, 'empty')", False),
        ("raise IngestError(path, 'empty', 're-download it')", True),
        ("return StoreError(f'cannot write {p}', path=p)", False),
    ],
)
def test_the_scan_tells_a_fix_from_none(source: str, passes: bool) -> None:
    call = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call))
    assert _passes_fix(call, PROJECT_ERRORS[_called_name(call) or ""]) is passes


def test_ingest_errors_keep_reason_and_fix_apart_for_the_quarantine_table() -> None:
    err = SAMPLES[IngestError]
    assert isinstance(err, IngestError)
    assert (err.path, err.reason, err.fix) == ("raw/a.txt", "empty file (0 bytes)", "re-download the article")
    assert str(err) == "raw/a.txt: empty file (0 bytes). Fix: re-download the article"


@pytest.mark.parametrize("cls", sorted(PROJECT_ERRORS.values(), key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_every_error_survives_pickling(cls: type[IltizamError]) -> None:
    """Errors cross process boundaries (Dask workers, Prefect results); the keyword-only fix must not stop them."""
    err = _sample(cls)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls and str(again) == str(err) and again.__dict__ == err.__dict__


def test_callers_keep_the_relationships_they_rely_on() -> None:
    from tasks.store.lock import LockBusy as lock_busy  # flows/extract.py exits 75 on this class

    assert lock_busy is LockBusy and issubclass(LockBusy, IltizamError)
    assert issubclass(KBBuildError, ValueError) and issubclass(KBBuildError, IltizamError)
