"""Environment defaults that must be in place before Prefect is imported."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Set by flows.serve while it serves an output folder on 127.0.0.1: the flow runs it starts link their report
# there (an http:// address Prefect's UI can open) instead of a file:// one.
REPORT_BASE_ENV = "ILTIZAM_REPORT_BASE_URL"  # e.g. http://127.0.0.1:4201/
REPORT_ROOT_ENV = "ILTIZAM_REPORT_ROOT"  # the folder served at that address

PREFECT_DEFAULTS = {
    # state and the temporary server's SQLite database stay inside the project
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    # offline: no telemetry, no noise about unreachable hosts
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    # the temporary server starts slowly on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_UI_ENABLED": "false",
    # stanza must never reach for its model hub
    "HF_HUB_OFFLINE": "1",
}


def apply_prefect_defaults() -> None:
    """Set defaults without overriding what the user exported (e.g. PREFECT_API_URL of a real server)."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
