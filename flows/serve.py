"""Run the extract flow on a schedule: ``python -m flows.serve --cron "0 * * * *"``.

One command does everything: it starts a local Prefect server on 127.0.0.1:4200 (UI at
http://127.0.0.1:4200; reused if one already answers there or PREFECT_API_URL points at one), registers
the deployment ``extract/iltizam`` with the cron schedule and the given parameters, and runs its flow runs
(scheduled, ``prefect deployment run``, or the UI's "Run" button) in this process, one at a time, until
Ctrl-C (press twice). The server it started is stopped with it; runs and artifacts stay in .prefect/.

Missed runs: runs that were due while this command was not running (machine off, process stopped) are
not caught up one by one. At start, scheduled runs more than --grace minutes late are cancelled with a
message saying so, and if there were any, one run starts at once. Because runs are incremental, that one
run processes everything that arrived in the meantime.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from tasks.errors import ServerError
from tasks.settings import PROJECT_ROOT, REPORT_BASE_ENV, REPORT_ROOT_ENV

DEPLOYMENT_NAME = "iltizam"
DEFAULT_CRON = "0 * * * *"
HOST = "127.0.0.1"
PORT = 4200
REPORT_PORT = 4201  # the output folder (its report page) served while flows.serve runs


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def start_server(host: str = HOST, port: int = PORT, timeout: float = 120.0) -> subprocess.Popen[bytes] | None:
    """Start ``prefect server start`` on loopback with the UI on; None if a server already answers there."""
    api_url = f"http://{host}:{port}/api"
    if api_healthy(api_url):
        print(f"using the Prefect server already running at {api_url}")
        return None
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update({"PREFECT_UI_ENABLED": "true", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    log_path = Path(os.environ["PREFECT_HOME"]) / "server.log"
    log = open(log_path, "ab")  # stays open: the server outlives this function
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while not api_healthy(api_url):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(proc)
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise ServerError(
                f"the Prefect server did not start on {api_url}; its log ({log_path}) ends:\n{tail}",
                fix=f"read the end of {log_path} (above): free port {port} (another program on it?) or pass "
                "--port, or point PREFECT_API_URL at a running server.",
                path=log_path,
            )
        time.sleep(0.5)
    print(f"Prefect server started at {api_url} (UI: http://{host}:{port}, log: {log_path})")
    return proc


def stop_server(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of the output folder; no request log in the serving terminal."""

    def log_message(self, format: str, *args: Any) -> None:
        return


def serve_reports(folder: Path, host: str = HOST, port: int = REPORT_PORT) -> http.server.ThreadingHTTPServer | None:
    """Serve ``folder`` (the output folder: its report/ page and tables) on http://host:port/ in a daemon thread,
    and tell the flow runs started from here to link their report there (``REPORT_BASE_ENV``): Prefect's UI
    cannot open file:// links. None, with a warning, when the port is taken (the links stay file://)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        httpd = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        print(f"warning: report not served ({exc}); pass --report-port to use another port", file=sys.stderr)
        return None
    threading.Thread(target=httpd.serve_forever, name="report-server", daemon=True).start()
    os.environ[REPORT_BASE_ENV] = f"http://{host}:{httpd.server_address[1]}/"
    os.environ[REPORT_ROOT_ENV] = str(folder)
    return httpd


def build_deployment(
    cron: str = DEFAULT_CRON,
    name: str = DEPLOYMENT_NAME,
    timezone: str = "UTC",
    parameters: dict[str, Any] | None = None,
) -> Any:
    """The extract flow as a deployment with a cron schedule (a RunnerDeployment, not yet registered)."""
    from prefect.schedules import Cron

    from flows.extract import extract

    return extract.to_deployment(
        name=name,
        schedule=Cron(cron, timezone=timezone),
        parameters=parameters or {},
        description="Incremental extract of raw/ into processed/ (see README «Operations»).",
        tags=["iltizam"],
    )


def missed_runs(runs: Iterable[Any], now: dt.datetime, grace: dt.timedelta) -> list[Any]:
    """Auto-scheduled runs still waiting more than ``grace`` after their start time: the runner was down.
    Runs a person asked for (``prefect deployment run``, UI) are never dropped."""
    return [
        r
        for r in runs
        if r.auto_scheduled
        and r.state is not None
        and r.state.is_scheduled()
        and r.expected_start_time is not None
        and r.expected_start_time < now - grace
    ]


def skip_missed_runs(deployment_id: Any, grace: dt.timedelta) -> tuple[int, Any]:
    """Cancel missed scheduled runs and start one catch-up run instead; returns (cancelled, new run id)."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Cancelled

    now = dt.datetime.now(dt.UTC)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
            ),
        )
        missed = missed_runs(runs, now, grace)
        for r in missed:
            client.set_flow_run_state(
                r.id,
                Cancelled(message="missed while the scheduler was not running; one catch-up run replaces them"),
                force=True,
            )
        new_id = None
        if missed:
            new_id = client.create_flow_run_from_deployment(deployment_id, tags=["catch-up"]).id
    return len(missed), new_id


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cron", default=os.environ.get("ILTIZAM_CRON", DEFAULT_CRON), help="schedule (cron syntax)")
    ap.add_argument("--timezone", default="UTC", help="time zone of the cron schedule, e.g. Asia/Riyadh")
    ap.add_argument("--name", default=DEPLOYMENT_NAME, help="deployment name (runs are extract/<name>)")
    ap.add_argument("--raw", default=str(PROJECT_ROOT / "raw"), help="raw folder the scheduled runs read")
    ap.add_argument("--out", default=str(PROJECT_ROOT / "processed"), help="output folder they update")
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--models", default="bundled")
    ap.add_argument("--grace", type=float, default=10.0, help="minutes after which a scheduled run counts as missed")
    ap.add_argument("--port", type=int, default=PORT, help="port of the local Prefect server (on 127.0.0.1)")
    ap.add_argument("--report-port", type=int, default=REPORT_PORT,
                    help="port on 127.0.0.1 serving --out, so the run summary links a report the UI opens")  # fmt: skip
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.chdir(PROJECT_ROOT)  # the runner loads the flow from flows/extract.py relative to here
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server = start_server(HOST, args.port)
        os.environ["PREFECT_API_URL"] = f"http://{HOST}:{args.port}/api"
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    reports = serve_reports(out, HOST, args.report_port)
    try:
        from prefect import serve

        deployment = build_deployment(
            args.cron,
            args.name,
            args.timezone,
            {
                "raw": str(Path(args.raw).resolve()),
                "out": str(out),
                "batch_size": args.batch_size,
                "models": args.models,
            },
        )
        deployment_id = deployment.apply()
        cancelled, catch_up = skip_missed_runs(deployment_id, dt.timedelta(minutes=args.grace))
        if cancelled:
            print(f"{cancelled} scheduled runs were missed while this was not running: cancelled; "
                  f"catch-up run {catch_up} starts now")  # fmt: skip
        ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
        where = f"; report: {os.environ[REPORT_BASE_ENV]}report/index.html" if reports else ""
        print(
            f"serving extract/{args.name} on '{args.cron}' ({args.timezone}); UI: {ui}{where}\n"
            f"run now: prefect deployment run 'extract/{args.name}' [--param raw=...] --watch  (Ctrl-C twice to stop)"
        )
        serve(deployment, limit=1, print_starting_message=False)
    finally:
        if reports is not None:
            reports.shutdown()
        stop_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
