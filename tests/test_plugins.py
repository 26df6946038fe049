"""Third-party checkers, found through the entry-point group ``tradecheck.checkers``.

Each test writes a tiny plugin distribution by hand (a module plus a ``*.dist-info`` folder
with METADATA and entry_points.txt) into a temporary site directory and puts it on the path,
exactly what ``pip install`` would leave behind, without touching the shared environment.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checkers import ENTRY_POINT_GROUP, CheckerLoadError
from service.api import create_app
from service.pipeline import Pipeline
from service.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DIST = "tradecheck-example-plugin"
TEXT = "The talks lasted 3 hours. Bilateral trade between China and Russia exceeded $107 billion last year."

WORKS = """
from checkers import Checker, ClaimKind, Label

class ExampleChecker(Checker):
    name = "example-other"
    version = "9.8.7"
    kinds = frozenset({ClaimKind.OTHER})
    description = "Example plugin: judges the numbers no built-in checker takes."

    def check(self, claim, context):
        return self.verdict(Label.UNVERIFIABLE, f"the example plugin saw {claim.text!r}", context)
"""

RAISES_AT_IMPORT = """
raise RuntimeError("the example plugin is broken at import")
"""

RAISES_IN_CHECK = """
from checkers import Checker, ClaimKind

class BrokenChecker(Checker):
    name = "example-broken"
    kinds = frozenset({ClaimKind.OTHER})

    def check(self, claim, context):
        raise ZeroDivisionError("the example plugin divided by zero")
"""


def write_plugin(site: Path, module: str, source: str, entry: str) -> Path:
    """Write ``module`` and its dist-info into ``site``; ``entry`` is ``name = module:attr``."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{DIST.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {DIST}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{entry}\n", encoding="utf-8")
    return site


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install a plugin for this test only, in process."""
    monkeypatch.delenv("TRADECHECK_CHECKERS", raising=False)
    monkeypatch.delenv("TRADECHECK_DATA_DIR", raising=False)

    def _install(module: str, source: str, entry: str) -> Path:
        site = write_plugin(tmp_path / "site", module, source, entry)
        monkeypatch.syspath_prepend(str(site))
        monkeypatch.delitem(sys.modules, module, raising=False)
        importlib.invalidate_caches()
        return site

    yield _install
    importlib.invalidate_caches()


def cli(site: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADECHECK_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), str(REPO), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "service", *args], input=stdin, capture_output=True, cwd=REPO, env=env, timeout=180
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_a_plugin_is_listed_with_its_package(install) -> None:
    install("tc_example_works", WORKS, "example-other = tc_example_works:ExampleChecker")
    with TestClient(create_app(Settings())) as client:
        listed = {c["name"]: c for c in client.get("/v1/checkers").json()}
        report = client.post("/v1/check", json={"text": TEXT, "published": "2021-03-19"}).json()
    assert listed["example-other"] == {
        "name": "example-other",
        "version": "9.8.7",
        "package": DIST,
        "description": "Example plugin: judges the numbers no built-in checker takes.",
        "kinds": ["other"],
    }
    assert {"trade-value", "partner-rank"} <= set(listed)
    by_checker = {c["verdict"]["checker"]: c for c in report["claims"]}
    assert by_checker["example-other"]["verdict"]["label"] == "unverifiable"
    assert by_checker["example-other"]["verdict"]["checker_version"] == "9.8.7"
    assert by_checker["trade-value"]["verdict"]["label"] == "supported"  # the built-ins still judge theirs


def test_a_plugin_that_fails_to_import_stops_start_up(install) -> None:
    install("tc_example_import", RAISES_AT_IMPORT, "example-import = tc_example_import:Nothing")
    with pytest.raises(CheckerLoadError, match=r"example-import.*broken at import") as caught:
        Pipeline.load(Settings())
    assert caught.value.name == "example-import" and DIST in str(caught.value)
    with pytest.raises(CheckerLoadError, match="example-import"):
        with TestClient(create_app(Settings())):
            pass


def test_a_plugin_that_is_not_a_checker_stops_start_up(install) -> None:
    install("tc_example_notchecker", "class NotAChecker: pass\n", "example-odd = tc_example_notchecker:NotAChecker")
    with pytest.raises(CheckerLoadError, match="example-odd"):
        Pipeline.load(Settings())


def test_a_plugin_that_raises_yields_an_error_verdict(install) -> None:
    install("tc_example_broken", RAISES_IN_CHECK, "example-broken = tc_example_broken:BrokenChecker")
    with TestClient(create_app(Settings())) as client:
        response = client.post("/v1/check", json={"text": TEXT, "published": "2021-03-19"})
    assert response.status_code == 200
    errors = [c for c in response.json()["claims"] if c["verdict"]["label"] == "error"]
    assert errors and all(c["verdict"]["checker"] == "example-broken" for c in errors)
    assert "ZeroDivisionError" in errors[0]["verdict"]["explanation"]
    assert "Traceback" not in response.text


def test_plugins_through_the_cli(tmp_path: Path) -> None:
    works = write_plugin(tmp_path / "works", "tc_cli_works", WORKS, "example-other = tc_cli_works:ExampleChecker")
    listed = cli(works, "checkers")
    assert listed.returncode == 0, listed.stderr
    assert any(line.split()[:3] == ["example-other", "9.8.7", DIST] for line in listed.stdout.splitlines())
    checked = cli(works, "check", "-", "--format", "json", stdin=TEXT.encode())
    assert checked.returncode == 0, checked.stderr
    assert "example-other" in {c["verdict"]["checker"] for c in json.loads(checked.stdout)["claims"]}

    broken = write_plugin(tmp_path / "broken", "tc_cli_broken", RAISES_AT_IMPORT, "example-import = tc_cli_broken:X")
    for args in (["checkers"], ["check", "-"]):
        proc = cli(broken, *args, stdin=TEXT.encode())
        assert proc.returncode == 2
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("tradecheck: error: ")
        assert "example-import" in proc.stderr and "Traceback" not in proc.stderr

    raising = write_plugin(
        tmp_path / "raising", "tc_cli_raising", RAISES_IN_CHECK, "example-broken = tc_cli_raising:BrokenChecker"
    )
    proc = cli(raising, "check", "-", "--format", "json", stdin=TEXT.encode())
    assert proc.returncode == 0, proc.stderr  # an error verdict is not a finding
    assert "error" in {c["verdict"]["label"] for c in json.loads(proc.stdout)["claims"]}
