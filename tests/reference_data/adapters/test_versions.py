"""Versioned data directories: resolve, seed, publish, select; failures and kills leave the store as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checkers.errors import ReferenceDataError
from reference_data import DATA_DIR, versions
from reference_data.adapters import Table, apply, read_file
from reference_data.store import load

REPO = Path(__file__).resolve().parents[3]


def snapshot(data_dir: Path) -> dict[str, str]:
    """sha256 of every file of the store: CURRENT and every version (not the lock or staging area)."""
    out = {}
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir)
        if path.is_file() and relative.parts[0] not in (versions.STAGING, versions.LOCK):
            out[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    versions.seed(data_dir, DATA_DIR)
    return data_dir


def import_rows(data_dir: Path, fixture: Path, source: str = "comtrade") -> str:
    batch = read_file(source, fixture)
    tables, _ = apply(batch, versions.resolve(data_dir))
    return versions.publish(
        data_dir, {n: t.rows for n, t in tables.items()}, versions.current(data_dir),
        provenance=[p.as_dict() for p in batch.provenance],
    )


def test_an_unversioned_directory_resolves_to_itself() -> None:
    assert versions.resolve(DATA_DIR) == DATA_DIR and not versions.is_versioned(DATA_DIR)


def test_seed_makes_the_shipped_data_the_first_version(seeded: Path) -> None:
    shipped = versions.manifest(DATA_DIR)["version"]
    assert versions.current(seeded) == shipped
    assert versions.resolve(seeded) == seeded / "versions" / shipped
    assert load(versions.resolve(seeded)).version == shipped
    for entry in versions.manifest(DATA_DIR)["files"]:
        assert (seeded / "versions" / shipped / entry["name"]).read_bytes() == (DATA_DIR / entry["name"]).read_bytes()


def test_seed_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ReferenceDataError, match="not empty"):
        versions.seed(tmp_path, DATA_DIR)


def test_publish_adds_a_version_carries_files_and_switches(seeded: Path, own: Path) -> None:
    first = versions.current(seeded)
    new = import_rows(seeded, own / "comtrade_v1_get_r352_2019.json")
    assert versions.current(seeded) == new != first
    listed = versions.list_versions(seeded)
    assert [v.id for v in listed] == [first, new] and listed[-1].current and listed[-1].base == first
    store = load(versions.resolve(seeded))
    assert store.version == new
    assert any(f.authority.startswith("UN Comtrade") for f in store.trade_figures("ISL", "USA", 2019, "export"))
    # files the import did not touch are carried over byte for byte
    old, cur = seeded / "versions" / first, seeded / "versions" / new
    assert (cur / "partner_ranks.csv").read_bytes() == (old / "partner_ranks.csv").read_bytes()
    assert versions.verify(cur)
    assert (cur / versions.PROVENANCE).exists()
    # versions are read-only
    assert not os.access(cur / "trade_values.csv", os.W_OK) or os.geteuid() == 0
    assert (os.stat(cur / "trade_values.csv").st_mode & 0o222) == 0


def test_select_goes_back_and_forth(seeded: Path, own: Path) -> None:
    first = versions.current(seeded)
    new = import_rows(seeded, own / "comtrade_v1_get_r352_2019.json")
    versions.select(seeded, first)
    assert load(versions.resolve(seeded)).version == first
    versions.select(seeded, new)
    assert versions.current(seeded) == new
    with pytest.raises(ReferenceDataError, match="no such version"):
        versions.select(seeded, "2000.01.01-1")
    with pytest.raises(ReferenceDataError, match="not a version id"):
        versions.select(seeded, "../elsewhere")


def test_select_refuses_a_tampered_version(seeded: Path, own: Path) -> None:
    first = versions.current(seeded)
    import_rows(seeded, own / "comtrade_v1_get_r352_2019.json")
    target = seeded / "versions" / first / "trade_values.csv"
    os.chmod(target, 0o644)
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(ReferenceDataError, match="sha256"):
        versions.select(seeded, first)


def test_a_row_that_does_not_validate_leaves_everything_as_it_was(seeded: Path) -> None:
    before = snapshot(seeded)
    base = versions.current(seeded)
    table = Table.read(versions.resolve(seeded) / "trade_values.csv")
    bad = dict(table.rows[0], value="12 bn")
    with pytest.raises(ReferenceDataError, match="not a number"):
        versions.publish(seeded, {"trade_values.csv": [*table.rows, bad]}, base)
    assert snapshot(seeded) == before
    assert not any((seeded / versions.STAGING).iterdir())


def test_a_stale_base_is_refused(seeded: Path, own: Path) -> None:
    base = versions.current(seeded)
    import_rows(seeded, own / "comtrade_v1_get_r352_2019.json")
    before = snapshot(seeded)
    with pytest.raises(ReferenceDataError, match="another update went first"):
        versions.publish(seeded, {}, base)
    assert snapshot(seeded) == before


def test_current_naming_a_missing_version_is_an_error(seeded: Path) -> None:
    (seeded / versions.CURRENT).write_text("2099.01.01-1\n")
    with pytest.raises(ReferenceDataError, match="not in versions/"):
        versions.resolve(seeded)


def _start_import(data_dir: Path, fixture: Path, pause: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO), **{versions.PAUSE_ENV: pause})
    return subprocess.Popen(
        [sys.executable, "-m", "service.datacmd", "import", "comtrade", str(fixture), "--data-dir", str(data_dir)],
        env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _wait_for(condition: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("the import never reached the point to kill it at")


def _staged(data_dir: Path, name: str) -> bool:
    staging = data_dir / versions.STAGING
    return staging.exists() and any((d / name).exists() for d in staging.iterdir())


@pytest.mark.parametrize("phase", ["writing", "staged", "renamed"])
def test_an_import_killed_half_way_leaves_the_store_as_it_was(seeded: Path, own: Path, phase: str) -> None:
    fixture = own / "comtrade_v1_get_r352_2019.json"
    before = snapshot(seeded)
    versions_before = {v.id for v in versions.list_versions(seeded)}
    child = _start_import(seeded, fixture, f"{phase}:30")
    try:
        if phase == "writing":  # the first file is written, the manifest is not
            _wait_for(lambda: _staged(seeded, "trade_values.csv"))
            assert not _staged(seeded, versions.MANIFEST)
        elif phase == "staged":  # everything written and synced, not yet renamed into versions/
            _wait_for(lambda: _staged(seeded, versions.MANIFEST))
        else:  # renamed into versions/, CURRENT not yet switched
            _wait_for(lambda: len(list((seeded / "versions").iterdir())) > len(versions_before))
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    after = snapshot(seeded)
    if phase == "renamed":  # a complete version nobody selects; everything that was there is untouched
        assert {k: v for k, v in after.items() if k in before} == before
        assert {v.id for v in versions.list_versions(seeded) if not v.current} >= versions_before - {versions.current(seeded)}
    else:
        assert after == before
    assert load(versions.resolve(seeded)).version == versions.manifest(DATA_DIR)["version"]
    # the next import runs normally and clears what the killed one left in the staging area
    new = import_rows(seeded, fixture)
    assert versions.current(seeded) == new and not any((seeded / versions.STAGING).iterdir())
