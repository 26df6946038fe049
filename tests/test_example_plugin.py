"""The example third-party checker in examples/ installs with pip and works through the API.

The package is installed into a temporary folder (``pip install --target``), which is put on
``sys.path``: importlib.metadata then finds its dist-info and entry point exactly as it would
in a site-packages directory, without touching the shared environment.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checkers import CheckerRegistry
from checkers.testing import MemoryReference, trade_figure
from service.api import create_app
from service.pipeline import Pipeline
from service.settings import Settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "tradecheck-example-plugin"
DIST = "tradecheck-example-plugin"
TEXT = (
    "Trade between China and Russia grew 58.5% between 2015 and 2020. "
    "Trade between China and Russia rose 36.3% in 2021."
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory):
    target = tmp_path_factory.mktemp("example-plugin")
    source = tmp_path_factory.mktemp("example-source") / EXAMPLE.name  # pip builds in the tree: use a copy
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--quiet",
         "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert list(target.glob("tradecheck_example_plugin-*.dist-info"))
    sys.path.insert(0, str(target))
    importlib.invalidate_caches()
    yield target
    sys.path.remove(str(target))
    for name in [m for m in sys.modules if m.startswith("tradecheck_example_plugin")]:
        del sys.modules[name]
    importlib.invalidate_caches()


@pytest.fixture
def pipeline(installed: Path, monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    monkeypatch.delenv("TRADECHECK_CHECKERS", raising=False)
    data = MemoryReference(trade=[
        trade_figure("CHN", "RUS", 2015, 68.0e9, authority="China GACC", url="https://example.org/gacc-2015"),
        trade_figure("CHN", "RUS", 2019, 110.75e9, authority="China GACC"),
        trade_figure("CHN", "RUS", 2020, 107.76e9, authority="China GACC", url="https://example.org/gacc-2020"),
        trade_figure("CHN", "RUS", 2021, 146.887e9, authority="China GACC"),
    ])
    return Pipeline(CheckerRegistry.discover(), data, Settings())


def test_the_plugin_is_listed_with_its_package(pipeline: Pipeline) -> None:
    with TestClient(create_app(pipeline=pipeline)) as client:
        listed = {c["name"]: c for c in client.get("/v1/checkers").json()}
    assert listed["multi-year-change"]["package"] == DIST
    assert listed["multi-year-change"]["version"] == "0.1.0"
    assert listed["multi-year-change"]["kinds"] == ["growth"]
    assert {"trade-value", "balance", "growth", "share", "partner-rank", "streak"} <= set(listed)


def test_the_plugin_gives_its_verdict_through_the_api(pipeline: Pipeline) -> None:
    with TestClient(create_app(pipeline=pipeline)) as client:
        report = client.post("/v1/check", json={"text": TEXT, "language": "en", "published": "2022-03-19"}).json()
    by_checker = {c["verdict"]["checker"]: c for c in report["claims"]}
    change = by_checker["multi-year-change"]["verdict"]
    assert change["label"] == "supported" and change["checker_version"] == "0.1.0"
    assert change["references"][0]["url"] == "https://example.org/gacc-2020"
    assert "2015 to 2020" in change["explanation"]
    # the built-in growth checker still takes the year-on-year claim
    assert by_checker["growth"]["verdict"]["label"] == "supported"


def test_the_plugins_own_tests_pass_on_the_installed_copy(installed: Path) -> None:
    tests = importlib.util.spec_from_file_location("example_plugin_tests", EXAMPLE / "tests" / "test_change.py")
    assert tests is not None and tests.loader is not None
    module = importlib.util.module_from_spec(tests)
    tests.loader.exec_module(module)
    assert Path(module.MultiYearChangeChecker.__module__.replace(".", "/")).parts[0] == "tradecheck_example_plugin"
    assert str(installed) in sys.modules["tradecheck_example_plugin"].__file__  # type: ignore[operator]
    module.test_change_over_five_years()
    module.test_takes_only_periods_of_several_years()


def test_a_period_not_over_at_publication_is_unverifiable(pipeline: Pipeline) -> None:
    report = pipeline.check(TEXT, language="en", published=date(2020, 6, 1))
    change = next(c for c in report.claims if c.verdict.checker == "multi-year-change")
    assert change.verdict.label.value == "unverifiable" and "2020 was not over" in change.verdict.explanation
