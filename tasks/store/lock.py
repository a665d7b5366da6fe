"""One run at a time per output folder: an advisory ``flock`` on ``<out>/.lock``.

The kernel drops the lock when its holder exits, however it exits (kill -9 included), so a crashed run
never leaves a stale lock behind. The file also carries who holds it, for the waiting run's message; a
holder that ends normally empties it, so a run that finds it filled knows the previous run was killed
(``RunLock.crashed``: flows/extract.py records that run and marks it Crashed in Prefect).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from tasks.errors import LockBusy, StoreError

LOCK_NAME = ".lock"


def _holder(path: Path) -> str:
    try:
        info: dict[str, Any] = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "another run"
    parts = [f"pid {info['pid']}" if "pid" in info else "", f"on {info['host']}" if "host" in info else ""]
    since = f", started {info['since']}" if "since" in info else ""
    run = f", flow run {info['flow_run_id']}" if info.get("flow_run_id") else ""
    return ("run of " + " ".join(p for p in parts if p) + since + run).strip()


def _left_by_killed_holder(fd: int) -> dict[str, Any] | None:
    """The holder's record if it is still in the file we now hold: that holder never released it."""
    try:
        info = json.loads(os.pread(fd, 1 << 16, 0).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and info.get("pid") else None


class RunLock:
    """``with RunLock(out, timeout=600): ...`` — waits up to ``timeout`` seconds (announcing it once
    through ``notify``) and raises LockBusy with the holder's pid and start time if it stays taken."""

    def __init__(
        self,
        out: Path,
        timeout: float = 600.0,
        poll: float = 0.2,
        notify: Callable[[str], None] = print,
        flow_run_id: str | None = None,
        run_id: str | None = None,
    ) -> None:
        self.path = Path(out) / LOCK_NAME
        self.timeout = timeout
        self.poll = poll
        self.notify = notify
        self.flow_run_id = flow_run_id
        self.run_id = run_id
        self.crashed: dict[str, Any] | None = None  # what a killed holder left in the file
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(
                f"cannot write in the output folder {self.path.parent}: {err.strerror or err} "
                f"({'read-only file system' if err.errno == errno.EROFS else 'no permission or no such folder'}).",
                fix="make the folder writable for this user (chmod u+w, or remount it read-write), or pass "
                "another --out.",
                path=self.path.parent,
            ) from err
        deadline = time.monotonic() + self.timeout
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(self.path)
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockBusy(
                        f"{self.path.parent} is in use by {holder}; gave up after waiting {self.timeout:g} s. "
                        "Two runs never write the same output folder at once.",
                        fix="wait for that run to finish (or raise --lock-timeout), or use another --out.",
                        path=self.path.parent,
                    ) from None
                if not announced:
                    self.notify(f"waiting for {self.path.parent}: in use by {holder} (up to {self.timeout:g} s)")
                    announced = True
                time.sleep(self.poll)
        self.crashed = _left_by_killed_holder(fd)
        info = {
            "run_id": self.run_id,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "flow_run_id": self.flow_run_id,
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                os.ftruncate(fd, 0)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
