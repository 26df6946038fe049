"""A claim only imported data can answer is checked against that data after ``tradecheck data import``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checkers import Label
from reference_data import DATA_DIR, versions
from service import datacmd
from service.pipeline import Pipeline
from service.settings import Settings


def data_import(source: str, path: Path, data_dir: Path) -> None:
    parser = argparse.ArgumentParser()
    datacmd.register(parser.add_subparsers(dest="command"))
    assert datacmd.run(parser.parse_args(["data", "import", source, str(path), "--data-dir", str(data_dir)])) == 0


def verdicts(data_dir: Path, text: str, published: date) -> list:  # type: ignore[type-arg]
    pipeline = Pipeline.load(Settings(data_dir=data_dir))
    report = pipeline.check(text, language="en", published=published)
    return [c.verdict for c in report.claims if c.kind == "trade_value"]


def test_recorded_comtrade_claim_china_argentina(tmp_path: Path, recorded: Callable[[str], Path]) -> None:
    path = recorded("comtrade/comtrade_v1_data_get_C_A_HS__r156_p32-280-276_2010.body.json")
    text = "China's exports to Argentina were worth 6.1 billion US dollars in 2010."
    shipped = verdicts(DATA_DIR, text, date(2011, 6, 1))
    assert [v.label for v in shipped] == [Label.UNVERIFIABLE]  # the shipped data has no such pair
    data_dir = tmp_path / "data"
    data_import("comtrade", path, data_dir)
    (verdict,) = verdicts(versions.resolve(data_dir), text, date(2011, 6, 1))
    assert verdict.label is Label.SUPPORTED
    assert verdict.reference_data_version == versions.current(data_dir)
    (reference,) = [r for r in verdict.references if r.source == "UN Comtrade (China-reported)"]
    assert reference.value == 6115764185 and reference.url.startswith("https://comtradeapi.un.org/")


def test_own_fixture_claims_support_and_contradict(tmp_path: Path, own: Path) -> None:
    """Iceland's imports from Norway in US dollars: a pair and currency only the imported (invented) figure covers."""
    near_text = "Iceland's imports from Norway were about 612 million US dollars in 2019."
    far_text = "Iceland's imports from Norway were 900 million US dollars in 2019."
    assert [v.label for v in verdicts(DATA_DIR, near_text, date(2020, 5, 1))] == [Label.UNVERIFIABLE]
    data_dir = tmp_path / "data"
    data_import("comtrade", own / "comtrade_v1_get_r352_2019.json", data_dir)
    resolved = versions.resolve(data_dir)
    (near,) = verdicts(resolved, near_text, date(2020, 5, 1))
    (far,) = verdicts(resolved, far_text, date(2020, 5, 1))
    assert near.label is Label.SUPPORTED and far.label is Label.CONTRADICTED
    assert [r.value for r in near.references] == [612300000] and near.references[0].source == "UN Comtrade (Iceland-reported)"


def test_settings_may_name_the_versioned_directory_itself(tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "data"
    data_import("comtrade", own / "comtrade_v1_get_r352_2019.json", data_dir)
    (verdict,) = verdicts(data_dir, "Iceland's imports from Norway were about 612 million US dollars in 2019.", date(2020, 5, 1))
    assert verdict.label is Label.SUPPORTED
