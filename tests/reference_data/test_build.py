"""The build reproduces the committed data files from the research material, and says what it left out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reference_data import DATA_DIR, schema

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = REPO.parent / "shared" / "reference-candidates"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    if not CANDIDATES.is_dir():
        pytest.skip(f"{CANDIDATES} is not here; the build can only be rerun beside the research material")
    out = tmp_path_factory.mktemp("build") / "data"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_reference_data.py"), str(CANDIDATES), "--out", str(out)],
        check=True, capture_output=True, text=True,
    )
    return out, done.stdout


def test_build_script_reproduces_the_shipped_files(built: tuple[Path, str]) -> None:
    out, _ = built
    for name in [s.name for s in schema.SCHEMAS] + ["MANIFEST.json"]:
        assert (out / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_build_log_counts_what_was_left_out(built: tuple[Path, str]) -> None:
    out, stdout = built
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    left_out = manifest["left_out"]
    assert left_out["US Census: Advanced Technology Products (a product group, not a partner)"] == 70
    assert any(reason.startswith("CIA Factbook: partner is a region") for reason in left_out)
    for reason, count in left_out.items():
        assert f"left out: {count:6d}  {reason}" in stdout


def test_manifest_names_every_input_with_its_checksum() -> None:
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    inputs = {i["file"] for i in manifest["inputs"]}
    assert "reference-candidates/trade/cia_world_factbook_top_export_import_partner_shares_editions_2000-2025.csv" in inputs
    assert "reference-candidates/fx/ecb_eurofxref_daily_USD_CNY_RUB_ISK_per_EUR_2009-2025.csv" in inputs
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert {s["id"] for s in manifest["sources"]} >= {"cia-world-factbook", "us-census-goods-by-country",
                                                      "ecb-reference-rates", "central-bank-of-iceland-rates"}
