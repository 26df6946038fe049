"""Loading checkers from entry points; a broken plugin names itself."""

import sys
import textwrap
from importlib import invalidate_caches
from pathlib import Path

import pytest

from checkers import CheckerLoadError, CheckerRegistry, ENTRY_POINT_GROUP


def install_fake_plugin(site: Path, module_source: str, target: str, name: str = "example") -> None:
    site.mkdir(parents=True, exist_ok=True)
    (site / "fake_plugin_mod.py").write_text(textwrap.dedent(module_source))
    dist = site / "fake_tradecheck_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-tradecheck-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{name} = fake_plugin_mod:{target}\n")


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("fake_plugin_mod", None)
    invalidate_caches()


def test_builtins_are_loaded() -> None:
    names = [c.name for c in CheckerRegistry.discover()]
    assert {"trade-value", "partner-rank"} <= set(names)


def test_only_filters_by_name() -> None:
    assert [c.name for c in CheckerRegistry.discover(only=["trade-value"])] == ["trade-value"]


def test_plugin_is_discovered_with_its_package(site) -> None:
    install_fake_plugin(site, """
        from checkers import Checker, ClaimKind, Label
        class Tonnes(Checker):
            name = "tonnes"
            version = "9.9"
            kinds = frozenset({ClaimKind.OTHER})
            def check(self, claim, context):
                return self.verdict(Label.UNVERIFIABLE, "no tonnage data", context)
    """, "Tonnes", name="tonnes")
    invalidate_caches()
    loaded = {c.name: c for c in CheckerRegistry.discover()}
    assert loaded["tonnes"].package == "fake-tradecheck-plugin"
    assert loaded["tonnes"].version == "9.9"


def test_plugin_that_fails_to_import_names_itself(site) -> None:
    install_fake_plugin(site, "raise RuntimeError('boom')\n", "Nothing", name="broken")
    invalidate_caches()
    with pytest.raises(CheckerLoadError) as info:
        CheckerRegistry.discover()
    assert "broken" in str(info.value) and "fake-tradecheck-plugin" in str(info.value) and "boom" in str(info.value)


def test_entry_point_that_is_not_a_checker_is_rejected(site) -> None:
    install_fake_plugin(site, "class NotAChecker: pass\n", "NotAChecker", name="wrong")
    invalidate_caches()
    with pytest.raises(CheckerLoadError, match="wrong"):
        CheckerRegistry.discover()
