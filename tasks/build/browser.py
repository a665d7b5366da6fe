"""Headless Chromium over the DevTools protocol: open a local page, collect its console errors and
requests, evaluate JavaScript, take a full-page screenshot.

Used by the report's browser test and by ``python -m flows.report --screenshot`` (the README picture),
so the page is checked the way an analyst sees it. Needs Debian's ``chromium`` (``make chromium``, which
``make test`` runs) and the ``websocket-client`` package; nothing else is downloaded.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from tasks.errors import BrowserError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-port=0",  # the port Chromium picks is read from DevToolsActivePort
)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
"""Request URLs that do not leave the machine."""


def find_chromium() -> str:
    """The Chromium executable (``ILTIZAM_CHROMIUM`` overrides), or an error saying how to install it."""
    env = os.environ.get("ILTIZAM_CHROMIUM")
    if env:
        found = shutil.which(env)
        if found:
            return found
        raise BrowserError(
            f"ILTIZAM_CHROMIUM={env} is not an executable.", fix="unset it to use chromium from PATH.", path=env
        )
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError(
        f"headless Chromium not found (looked for {', '.join(CHROMIUM_NAMES)} on PATH, or ILTIZAM_CHROMIUM).",
        fix="`make test` installs it (its `chromium` target runs `apt-get install -y chromium`), "
        "or run `make chromium`.",
    )


class Chromium:
    """One headless Chromium with one page, driven over a DevTools websocket (flattened target session).

    Events of the page are kept in ``events``; ``errors`` and ``requests`` read them.
    """

    def __init__(self, width: int = 1280, height: int = 900, timeout: float = 60.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._proc: subprocess.Popen[bytes] | None = None
        self._tmp: Path | None = None
        self._ws: Any = None
        self._session: str | None = None
        self._exe: str | None = None  # named by errors about the browser itself
        self.page_url: str | None = None  # the page last opened, named by errors about the page

    # -- lifecycle

    def __enter__(self) -> Chromium:
        import websocket  # dev dependency: imported only when a browser is used

        exe = self._exe = find_chromium()
        self._tmp = Path(tempfile.mkdtemp(prefix="iltizam-chromium-"))
        profile = self._tmp / "profile"
        log = open(self._tmp / "stderr.log", "wb")  # the child keeps its own descriptor
        try:
            self._proc = subprocess.Popen(
                [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                 f"--window-size={self.width},{self.height}", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        finally:
            log.close()
        try:
            url = self._wait_for_endpoint(profile / "DevToolsActivePort")
            self._ws = websocket.create_connection(url, timeout=self.timeout, suppress_origin=True)
            target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            self._session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)[
                "sessionId"
            ]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable")
            self.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            )
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._ws is not None:
            try:
                self._ws.close()
            except Exception:
                pass
            self._ws = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)
            self._proc = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def _stderr_tail(self) -> str:
        try:
            assert self._tmp is not None
            return (self._tmp / "stderr.log").read_text(errors="replace")[-2000:]
        except (OSError, AssertionError):
            return ""

    def _wait_for_endpoint(self, port_file: Path) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise BrowserError(
                    f"chromium exited with code {self._proc.returncode}: {self._stderr_tail()}",
                    fix="run it by hand with the flags of CHROMIUM_FLAGS to see why (its stderr ends above); "
                    "reinstall it with `make chromium` if it is broken.",
                    path=self._exe,
                )
            try:
                lines = port_file.read_text().split()
            except OSError:
                lines = []
            if len(lines) >= 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.05)
        raise BrowserError(
            f"chromium did not open its DevTools port in {self.timeout:.0f} s: {self._stderr_tail()}",
            fix="on a slow or busy machine give Chromium(timeout=...) more seconds; otherwise its stderr "
            "(above) says why it hangs.",
            path=self._exe,
        )

    # -- protocol

    def _recv(self, deadline: float) -> dict[str, Any]:
        self._ws.settimeout(max(0.05, deadline - time.monotonic()))
        msg = json.loads(self._ws.recv())
        if "method" in msg:
            self.events.append(msg)
        return msg

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = True) -> dict[str, Any]:
        """Send one command (to the page's session unless ``session=False``) and wait for its reply."""
        msg_id = next(self._ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self._session
        self._ws.send(json.dumps(msg))
        deadline = time.monotonic() + self.timeout
        while True:
            if time.monotonic() > deadline:
                raise BrowserError(
                    f"{method}: no reply in {self.timeout:.0f} s",
                    fix="give Chromium(timeout=...) more seconds if the page is heavy, or check that the page "
                    "does not block (an endless script).",
                    path=self.page_url,
                )
            reply = self._recv(deadline)
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise BrowserError(
                        f"{method}: {reply['error']}",
                        fix="correct the call's parameters for this Chromium's DevTools protocol "
                        "(chromium --version; https://chromedevtools.github.io/devtools-protocol/).",
                        path=self.page_url,
                    )
                return reply.get("result", {})

    def wait_event(self, method: str, since: int = 0) -> dict[str, Any]:
        """The first event ``method`` received after the first ``since`` events (waits for it)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for ev in self.events[since:]:
                if ev["method"] == method:
                    return ev
            if time.monotonic() > deadline:
                raise BrowserError(
                    f"no {method} in {self.timeout:.0f} s",
                    fix="give Chromium(timeout=...) more seconds if the page is heavy, or check that the page "
                    "loads without errors (Chromium.errors).",
                    path=self.page_url,
                )
            self._recv(deadline)

    # -- page

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        mark = len(self.events)
        self.page_url = url
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(
                f"cannot open {url}: {result['errorText']}",
                fix="check that the file exists and is readable (a local page is opened as a file: URL).",
                path=url,
            )
        self.wait_event("Page.loadEventFired", since=mark)

    def evaluate(self, expression: str, await_promise: bool = False) -> Any:
        """The JSON value of a JavaScript expression in the page (exceptions raise BrowserError)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": await_promise},
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(
                f"JavaScript failed: {text}",
                fix="correct the expression given to Chromium.evaluate, or the page script it calls.",
                path=self.page_url,
            )
        return result.get("result", {}).get("value")

    def screenshot(self, path: Path, full_page: bool = True, max_height: int | None = None) -> Path:
        """PNG of the page (the whole height when ``full_page``, at most ``max_height`` pixels from the top),
        written to ``path``."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = math.ceil(self.call("Page.getLayoutMetrics")["cssContentSize"]["height"])
            if max_height:
                height = min(height, max_height)
            self.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": self.width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            )
            # let responsive charts settle in the new viewport
            self.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 300)))", await_promise=True)
            params["clip"] = {"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1}
            params["captureBeyondViewport"] = True
        shot = self.call("Page.captureScreenshot", params)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    @property
    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (CSP violations, failed loads)."""
        out = []
        for ev in self.events:
            p = ev.get("params", {})
            if ev["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"]))
            elif ev["method"] == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
            elif ev["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                e = p["entry"]
                out.append(f"log ({e.get('source')}): {e.get('text')} {e.get('url', '')}".rstrip())
        return out

    @property
    def requests(self) -> list[str]:
        """Every URL the page requested (Network.requestWillBeSent)."""
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    @property
    def remote_requests(self) -> list[str]:
        """Requests that would leave the machine (anything but file:, data:, blob:, about:)."""
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]


PLOTS_RENDERED_JS = """
new Promise(resolve => {
  const ids = %s;
  const t0 = Date.now();
  const state = () => Object.fromEntries(ids.map(id => {
    const el = document.getElementById(id);
    return [id, el ? el.querySelectorAll('.main-svg').length : -1];
  }));
  (function poll() {
    const s = state();
    if (Object.values(s).every(n => n !== 0) || Date.now() - t0 > %d) resolve(s); else setTimeout(poll, 50);
  })();
})
"""


def wait_for_plots(browser: Chromium, ids: list[str], timeout_ms: int = 20000) -> dict[str, int]:
    """Wait until every div of ``ids`` on the page holds a rendered Plotly ``.main-svg`` (absent ones do not
    hold the wait); returns id → number of ``.main-svg`` (-1: no such div, 0: not rendered in time)."""
    return browser.evaluate(PLOTS_RENDERED_JS % (json.dumps(ids), timeout_ms), await_promise=True)


def screenshot_page(
    page: Path, png: Path, wait_for: list[str] | None = None, width: int = 1280, max_height: int | None = None
) -> Path:
    """Open a local HTML file and save a full-page PNG (after its Plotly charts rendered)."""
    with Chromium(width=width) as browser:
        browser.open(page.resolve().as_uri())
        if wait_for:
            wait_for_plots(browser, wait_for)
        return browser.screenshot(png, max_height=max_height)
