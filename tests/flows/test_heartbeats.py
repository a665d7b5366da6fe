"""A CLI run of the extract flow sends no Prefect heartbeats (tasks.prefect_server.without_heartbeats): Prefect
3.8 joins its sleeping heartbeat thread at the end of every run, ~1 s added to each."""

from __future__ import annotations

from typing import Any

from prefect.settings import get_current_settings
from prefect.states import Completed

import flows.extract as cli
from tasks.prefect_server import without_heartbeats


def test_no_heartbeat_inside_and_prefects_default_outside():
    default = get_current_settings().flows.heartbeat_frequency
    with without_heartbeats():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency == default is not None


def test_the_cli_runs_the_flow_without_heartbeats(monkeypatch, tmp_path):
    seen: dict[str, Any] = {}

    def fake_extract(**params: Any) -> Any:
        seen["heartbeat"] = get_current_settings().flows.heartbeat_frequency
        seen["params"] = params
        return Completed(message="ok")

    monkeypatch.setattr(cli, "extract", fake_extract)
    monkeypatch.setattr(cli, "guard_temporary_server", lambda: None)
    assert cli.main(["--raw", str(tmp_path), "--out", str(tmp_path / "out")]) == 0
    assert seen["heartbeat"] is None and seen["params"]["raw"] == str(tmp_path)
