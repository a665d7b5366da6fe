"""One exception base for the project, so callers can catch every pipeline failure at once."""

from __future__ import annotations


class IltizamError(Exception):
    """Base of every error the pipeline raises on purpose."""


class IngestError(IltizamError):
    """A raw file cannot become a document; the file is quarantined, the run goes on."""

    def __init__(self, path: str, reason: str, fix: str = "") -> None:
        self.path = path
        self.reason = reason
        self.fix = fix
        message = f"{path}: {reason}"
        if fix:
            message += f" (fix: {fix})"
        super().__init__(message)


class ModelError(IltizamError):
    """A model file is missing or unusable; this fails the run loudly."""


class ConfigError(IltizamError):
    """A setting has a value the pipeline cannot use."""
