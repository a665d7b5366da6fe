"""Prefect's temporary server dies with the run that started it.

Without ``PREFECT_API_URL`` every CLI run starts Prefect's temporary server (a uvicorn child, 160–220 MB).
Prefect stops it from an ``atexit`` hook, which a kill -9 (or the OOM killer) never runs, so the server
used to run on until reboot. ``guard_temporary_server`` makes the child watch its parent: once the run's
process is gone the server gets SIGTERM (and is ended after ``GRACE_SECONDS`` if it does not stop).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

POLL_SECONDS = 0.5
GRACE_SECONDS = 10

# Runs in the server's own interpreter, before uvicorn: ``python -c GUARD <parent pid> -m uvicorn ...``.
GUARD = f"""
import os, runpy, signal, sys, threading, time
parent = int(sys.argv[1])
def watch():
    while os.getppid() == parent:
        time.sleep({POLL_SECONDS})
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep({GRACE_SECONDS})
    os._exit(1)
threading.Thread(target=watch, daemon=True).start()
assert sys.argv[2] == "-m", sys.argv
sys.argv = [sys.argv[3], *sys.argv[4:]]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


class _GuardedSubprocess:
    """``subprocess`` as Prefect's server module sees it: ``Popen`` of ``python -m ...`` gets the guard."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(args: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        if len(args) > 2 and args[1] == "-m":
            args = [args[0], "-c", GUARD, str(os.getpid()), *args[1:]]
        return subprocess.Popen(args, **kwargs)


def guard_temporary_server() -> None:
    """Make the temporary server Prefect starts from now on (in this process) end with this process."""
    import prefect  # noqa: F401  (its server module must not be the first Prefect module imported)
    from prefect.server.api import server

    server.subprocess = _GuardedSubprocess()  # type: ignore[assignment]


@contextmanager
def without_heartbeats() -> Iterator[None]:
    """Flow runs started inside send no heartbeats. Prefect 3.8's heartbeat thread sleeps in 1 s steps and the
    engine joins it when a run ends, which added ~1 s to every run (an unchanged rerun of 200 articles is 0.1 s
    of work: 1.07 s with the heartbeat, 0.09 s without; an empty flow likewise). A CLI run needs none: it
    holds the output folder's lock and records its own crash (the ``runs`` table, and the Crashed state the
    next run sets, flows/extract.py). Served deployments (flows/serve.py) keep Prefect's heartbeats."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield
