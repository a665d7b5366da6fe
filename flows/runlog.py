"""Progress and summary lines for both the terminal and Prefect's UI.

Why: Prefect logs at WARNING here (a quiet terminal), so a successful run's Logs tab in the UI stayed empty and
plan and batch progress showed only in the terminal that started the run. ``say`` prints a line once and sends
the same line to the flow run's logs at INFO through a logger of its own that does not propagate (no second
copy on the console, Prefect's own loggers keep their level).
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from typing import TextIO

RUN_LOGGER = "iltizam.run"


@cache
def api_logger() -> logging.Logger:
    """The logger whose records go to the Prefect API only (the run's Logs tab)."""
    from prefect.logging.handlers import APILogHandler

    log = logging.getLogger(RUN_LOGGER)
    log.setLevel(logging.INFO)
    log.propagate = False
    if not any(isinstance(h, APILogHandler) for h in log.handlers):
        log.addHandler(APILogHandler())
    return log


def say(line: str, file: TextIO | None = None) -> None:
    """Print ``line`` (to ``file``, default stdout) and, inside a flow run, log it to the run at INFO (WARNING
    for lines printed to stderr)."""
    out = file or sys.stdout
    print(line, file=out)
    from prefect.context import FlowRunContext

    if FlowRunContext.get() is None:
        return  # outside a flow run (a unit test, a helper called by hand): the terminal has it
    api_logger().log(logging.WARNING if out is sys.stderr else logging.INFO, line)
