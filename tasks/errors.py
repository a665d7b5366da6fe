"""Every error the project raises on purpose, in one module, so callers can catch them all at once and
every message has the same shape: the file it is about, what went wrong, the sentence where there is
one, and the fix (``tests/test_errors.py`` keeps it so: every construction passes a fix, and no other
module of tasks/ or flows/ defines an exception class)."""

from __future__ import annotations

import os
from typing import Any

SENTENCE_CHARS = 80
"""How much of a sentence a message quotes: enough to find it, short enough to stay on one line."""


def compose(message: str, fix: str, path: str | None = None, sentence: str | None = None) -> str:
    """``<path>: <message> in sentence «…». Fix: <fix>``; the path and the sentence are left out when the
    message already shows them, so an error that names its file mid-sentence does not name it twice."""
    text = message
    if path and path not in text:
        text = f"{path}: {text}"
    if sentence and sentence[:SENTENCE_CHARS] not in text:
        shown = sentence if len(sentence) <= SENTENCE_CHARS else sentence[:SENTENCE_CHARS] + "…"
        text += f" in sentence «{shown}»"
    if fix:
        text = text.rstrip()
        text += (" " if text.endswith((".", "!", "?")) else ". ") + f"Fix: {fix}"
    return text


def _rebuild(cls: type[IltizamError], args: tuple[Any, ...], state: dict[str, Any]) -> IltizamError:
    """Unpickle without calling ``__init__`` (whose signature differs per class): the state is the error."""
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class IltizamError(Exception):
    """Base of every error the pipeline raises on purpose: ``.message`` (what went wrong), ``.fix`` (what the
    user should do; keyword-only, so no raise can forget it), ``.path`` (the file, if any) and ``.sentence``
    (the sentence, if any). ``str()`` composes them (``compose``)."""

    def __init__(
        self, message: str, *, fix: str, path: str | os.PathLike[str] | None = None, sentence: str | None = None
    ) -> None:
        self.message = message
        self.fix = fix
        self.path = None if path is None else os.fspath(path)
        self.sentence = sentence
        super().__init__(compose(message, fix, self.path, sentence))

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's default pickling calls cls(*args), which a keyword-only ``fix`` refuses; errors cross
        # process boundaries (Dask workers, Prefect results), so they must survive a round trip.
        return _rebuild, (type(self), self.args, dict(self.__dict__))


# --------------------------------------------------------------------------------------------- input


class IngestError(IltizamError):
    """A raw file cannot become a document; the file is quarantined, the run goes on. ``reason`` and ``fix``
    feed the quarantine table's ``reason`` column (tasks/batch.py), so their wording is table content."""

    def __init__(self, path: str, reason: str, fix: str) -> None:
        self.reason = reason
        super().__init__(reason, fix=fix, path=path)


class ConfigError(IltizamError):
    """A setting has a value the pipeline cannot use."""


# --------------------------------------------------------------------------------------------- models


class ModelError(IltizamError):
    """A model file is missing or unusable; this fails the run loudly."""


class NlpCacheMiss(IltizamError):
    """A frozen cache was asked for a text it does not hold (the fix says how to record it)."""


class NlpCacheError(IltizamError):
    """A stored answer would not rebuild the model's document exactly: never written, never read."""


# --------------------------------------------------------------------------------------------- pipeline


class StageChainError(IltizamError):
    """A stage of the pipeline requires something no earlier stage provides (the chain is miswired).
    The fix follows from the chain, so this class writes it itself."""

    def __init__(self, stage: str, missing: list[str], chain: list[str]) -> None:
        self.stage = stage
        self.missing = missing
        super().__init__(
            f"stage {stage} requires {', '.join(missing)}, which no earlier stage provides "
            f"(chain: {' → '.join(chain)})",
            fix=f"put a stage that provides {'it' if len(missing) == 1 else 'them'} before {stage}, "
            f"or correct {stage}'s requires.",
        )


# --------------------------------------------------------------------------------------------- store


class TableContractError(IltizamError):
    """Rows or columns handed to the store do not match the table's declared schema (tasks/store/schema.py):
    a missing, unknown or misspelt column, or a null where the schema forbids one. A bug, so it fails the run."""

    def __init__(self, table: str, problem: str, fix: str) -> None:
        self.table = table
        self.problem = problem
        super().__init__(f"table {table}: {problem}", fix=fix)


class StoreError(IltizamError):
    """The output folder cannot be written (disk full, permissions, I/O error): fails the run."""


class LockBusy(IltizamError):
    """Another run holds the output folder's lock for longer than we were willing to wait
    (flows/extract.py exits with 75, EX_TEMPFAIL, on it: try again later)."""


# --------------------------------------------------------------------------------------------- report and tools


class ReportError(IltizamError):
    """The folder holds no tables to report on."""


class BrowserError(IltizamError):
    """Chromium is missing, did not start, or a DevTools call failed."""


class ServerError(IltizamError):
    """The local Prefect server (flows/serve.py) did not come up."""


class TrainingError(IltizamError):
    """A training step failed; the message names the step and its log file."""


class KBBuildError(IltizamError, ValueError):
    """A curated file of kb/curated/ is inconsistent (duplicate id, unknown office, two states sharing an
    alias ...). Still a ValueError, as it was before it joined this module, for any caller catching that."""
