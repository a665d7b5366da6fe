"""Render the analyst report of an output folder: ``python -m flows.report --out processed``.

Writes ``<out>/report/index.html`` (tasks/report/page.py), a self-contained page that opens from disk without a
network, and prints its path. ``--screenshot docs/report.png`` also saves a PNG of it taken by headless
Chromium (tasks/build/browser.py; ``make chromium`` installs it), e.g. for the README.

Exit codes: 0 written; 1 the folder holds no tables (the message names it and the fix) or the screenshot
failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from prefect import task
from prefect.cache_policies import NONE

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from tasks.errors import IltizamError
from tasks.report.page import CHART_IDS, render_report
from tasks.settings import PROJECT_ROOT


@task(name="report", cache_policy=NONE)
def report_task(out: str) -> str:
    """The extract flow's last step: the report page of the tables it just published."""
    return str(render_report(Path(out)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(PROJECT_ROOT / "processed"), help="output folder holding the tables")
    ap.add_argument("--dest", default=None, help="HTML file to write (default <out>/report/index.html)")
    ap.add_argument("--screenshot", default=None, help="also save a PNG of the page here (headless Chromium)")
    ap.add_argument("--max-height", type=int, default=None, help="crop the screenshot to this many pixels")
    args = ap.parse_args(argv)
    try:
        page = render_report(Path(args.out), Path(args.dest) if args.dest else None)
        print(page)
        if args.screenshot:
            from tasks.build.browser import screenshot_page

            png = screenshot_page(page, Path(args.screenshot), list(CHART_IDS.values()), max_height=args.max_height)
            print(png)
    except IltizamError as exc:
        print(f"report failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
