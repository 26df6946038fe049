"""``tradecheck data`` sub-commands, run through a small argparse harness (the lead wires them into the CLI)."""

from __future__ import annotations

import argparse
import io
import json
import os
import urllib.parse
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reference_data import DATA_DIR, versions
from reference_data.adapters import Table
from service import datacmd


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="tradecheck")
    datacmd.register(parser.add_subparsers(dest="command"))
    code = datacmd.run(parser.parse_args(["data", *argv]))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TRADECHECK_DATA_DIR", "TRADECHECK_COMTRADE_KEY", versions.PAUSE_ENV):
        monkeypatch.delenv(name, raising=False)


def trade_rows(data_dir: Path) -> list[dict[str, str]]:
    return Table.read(versions.resolve(data_dir) / "trade_values.csv").rows


def test_writing_commands_need_a_data_dir(capsys: pytest.CaptureFixture[str], own: Path) -> None:
    code, out, err = run(capsys, "import", "comtrade", str(own / "comtrade_v1_empty.json"))
    assert code == 2 and "--data-dir" in err and err.count("\n") == 1 and out == ""


def test_the_shipped_data_is_never_written(capsys: pytest.CaptureFixture[str], own: Path) -> None:
    code, _, err = run(capsys, "import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(DATA_DIR))
    assert code == 2 and "shipped" in err


def test_a_directory_that_is_neither_empty_nor_versioned_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    (tmp_path / "x.csv").write_text("a\n")
    code, _, err = run(capsys, "import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(tmp_path))
    assert code == 2 and "neither empty nor" in err


def test_import_seeds_then_adds_a_version(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "data"
    code, out, err = run(capsys, "import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(data_dir),
                         "--retrieved", "2026-01-15")
    assert code == 0, err
    assert "seeded" in err and "is now current" in out and "3 " in out  # three records left out, and said so
    rows = [r for r in trade_rows(data_dir) if r["authority"] == "UN Comtrade (Iceland-reported)"]
    usa = [r for r in rows if (r["partner"], r["flow"]) == ("USA", "export")]
    assert len(usa) == 1 and usa[0]["value"] == "512345678" and usa[0]["published"] == "2026-01-15"
    assert usa[0]["url"].startswith("https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode=352")
    assert "retrieved 2026-01-15" in usa[0]["note"] and "licence" in usa[0]["note"]
    assert len(versions.list_versions(data_dir)) == 2


def test_importing_the_same_response_again_changes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    args = ("import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(tmp_path / "d"))
    assert run(capsys, *args)[0] == 0
    code, out, _ = run(capsys, *args)
    assert code == 0 and "no change" in out and len(versions.list_versions(tmp_path / "d")) == 2


def test_an_empty_response_imports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    code, out, _ = run(capsys, "import", "comtrade", str(own / "comtrade_v1_empty.json"), "--data-dir", str(tmp_path / "d"))
    assert code == 0 and "no figures" in out and len(versions.list_versions(tmp_path / "d")) == 1


def test_a_malformed_file_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "d"
    run(capsys, "import", "ecb", str(own / "ecb_eurofxref_hist.csv"), "--data-dir", str(data_dir))
    bad = tmp_path / "cut.json"
    bad.write_bytes((own / "comtrade_v1_get_r352_2019.json").read_bytes()[:500])
    code, out, err = run(capsys, "import", "comtrade", str(bad), "--data-dir", str(data_dir))
    assert code == 2 and err.startswith("tradecheck: error: comtrade:") and err.count("\n") == 1
    code, _, err = run(capsys, "import", "imf", str(tmp_path / "missing.xml"), "--data-dir", str(data_dir))
    assert code == 2 and "cannot read" in err


def test_every_source_imports(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "d"
    for source, name in [
        ("imf", "imf_sdmx3_imts_ISL.xml"), ("imf", "imf_sdmx_json_dot_IS.json"), ("pxweb", "pxweb_exports_total_2019.jsonstat2.json"),
        ("ecb", "ecb_eurofxref_hist.csv"), ("cbi", "cbi_rates.csv"), ("comtrade", "comtrade_v1_get_r352_monthly_2019.json"),
    ]:
        code, out, err = run(capsys, "import", source, str(own / name), "--data-dir", str(data_dir))
        assert code == 0 and "is now current" in out, (source, out, err)
    current = versions.resolve(data_dir)
    assert versions.verify(current)["trade_details.csv"] > 0
    rates = Table.read(current / "fx_rates.csv").rows
    imported = {(r["authority"], r["currency"], r["year"]) for r in rates if "imported from" in r["note"]}
    assert imported == {("ECB", "CNY", "2020"), ("ECB", "EUR", "2020"), ("CBI", "ISK", "2020")}
    rows = trade_rows(data_dir)
    imf_rows = [r for r in rows if r["authority"] == "IMF IMTS (Iceland-reported)"]
    assert {(r["partner"], r["year"], r["flow"]) for r in imf_rows} >= {("CHN", "2022", "export"), ("CHN", "2022", "total")}
    px = [r for r in rows if r["authority"] == "Statistics Iceland" and r["partner"] == "CHN"]
    assert [(r["year"], r["flow"], r["currency"], r["precision"]) for r in px] == [("2019", "export", "ISK", "derived")]
    manifest = versions.manifest(current)
    assert {s["id"] for s in manifest["sources"]} >= {"api-imf", "api-pxweb", "api-ecb", "api-cbi", "api-comtrade"}
    provenance = json.loads((current / versions.PROVENANCE).read_text())
    assert [p["source"] for p in provenance] == ["imf", "imf", "pxweb", "ecb", "cbi", "comtrade"]
    assert provenance[0]["retrieved"].startswith("2026-01-05T10:20:30")  # the IMF message says when it was prepared


def test_info_text_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "d"
    run(capsys, "import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "info", "--data-dir", str(data_dir))
    current = versions.current(data_dir)
    assert code == 0 and f"data version:   {current}" in out and "versions:" in out and "api-comtrade" in out
    assert f"* {current}" in out and "imports:" in out and "trade_values.csv:" in out
    code, out, _ = run(capsys, "info", "--json", "--data-dir", str(data_dir))
    report = json.loads(out)
    assert report["version"] == current and [v["current"] for v in report["versions"]] == [False, True]
    coverage = {c["file"]: c for c in report["coverage"]}
    assert coverage["trade_values.csv"]["rows"] == len(trade_rows(data_dir))


def test_info_on_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "info")
    assert code == 0 and "(unversioned)" in out and versions.manifest(DATA_DIR)["version"] in out


def test_env_var_names_the_data_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADECHECK_DATA_DIR", str(tmp_path / "env"))
    code, _, _ = run(capsys, "import", "cbi", str(own / "cbi_rates.csv"))
    assert code == 0 and versions.current(tmp_path / "env") is not None


def test_validate_and_use(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path) -> None:
    data_dir = tmp_path / "d"
    run(capsys, "import", "comtrade", str(own / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 0 and "valid" in out
    first = versions.list_versions(data_dir)[0].id
    code, out, _ = run(capsys, "use", first, "--data-dir", str(data_dir))
    assert code == 0 and versions.current(data_dir) == first
    code, _, err = run(capsys, "use", "nope", "--data-dir", str(data_dir))
    assert code == 2 and "no such version" in err
    target = versions.resolve(data_dir) / "partner_ranks.csv"
    os.chmod(target, 0o644)
    target.write_text(target.read_text().replace("RUS", "XXX", 1))
    code, out, _ = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 1 and "invalid" in out and "partner_ranks.csv" in out


def test_validate_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate")[0] == 0


def test_years_option() -> None:
    assert datacmd.years("2010-2012") == [2010, 2011, 2012]
    assert datacmd.years("2020,2018") == [2018, 2020]
    with pytest.raises(argparse.ArgumentTypeError):
        datacmd.years("2012-2010")
    with pytest.raises(argparse.ArgumentTypeError):
        datacmd.years("last year")


# -- pull, against a server the test starts ------------------------------------------------------


def test_pull_comtrade_without_a_key_uses_the_preview_endpoint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path, server: Any
) -> None:
    server.route("/files/v1/app/reference/Reporters.json", server.Reply(200, (own / "comtrade_reporters.json").read_bytes()))
    server.route("/public/v1/preview/C/A/HS", server.Reply(200, (own / "comtrade_v1_get_r352_2019.json").read_bytes()))
    code, out, err = run(capsys, "pull", "comtrade", "--reporter", "ISL", "--years", "2019", "--base-url", server.url,
                         "--data-dir", str(tmp_path / "d"))
    assert code == 0, err
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(server.seen[1].path).query)
    assert query["reporterCode"] == ["352"] and query["period"] == ["2019"] and query["flowCode"] == ["X,M"]
    row = next(r for r in trade_rows(tmp_path / "d") if (r["reporter"], r["partner"], r["flow"]) == ("ISL", "USA", "import"))
    assert row["url"].startswith(server.url + "/public/v1/preview/C/A/HS?") and row["value"] == "734567890.5"
    assert "\r[" not in err  # no progress bar when stderr is not a terminal


def test_pull_comtrade_with_a_key_uses_the_data_endpoint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path, server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADECHECK_COMTRADE_KEY", "k3y")
    server.route("/files/v1/app/reference/Reporters.json", server.Reply(200, (own / "comtrade_reporters.json").read_bytes()))
    server.route("/data/v1/get/C/A/HS", server.Reply(200, (own / "comtrade_v1_get_r352_2019.json").read_bytes()))
    code, _, err = run(capsys, "pull", "comtrade", "--reporter", "USA", "--partner", "ISL", "--years", "2018-2019",
                       "--base-url", server.url, "--data-dir", str(tmp_path / "d"))
    assert code == 0, err
    data = server.seen[1]
    assert data.headers["Ocp-Apim-Subscription-Key"] == "k3y" and "k3y" not in data.path
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(data.path).query)
    assert query["reporterCode"] == ["842"] and query["partnerCode"] == ["352"] and query["period"] == ["2018,2019"]


def test_pull_imf_pxweb_and_ecb(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path, server: Any) -> None:
    data_dir = tmp_path / "d"
    server.route("/data/dataflow/IMF.STA/IMTS/+/ISL.XG_FOB_USD+MG_CIF_USD.*.A", server.Reply(200, (own / "imf_sdmx3_imts_ISL.xml").read_bytes()))
    code, _, err = run(capsys, "pull", "imf", "--reporter", "ISL", "--years", "2022-2023", "--base-url", server.url, "--data-dir", str(data_dir))
    assert code == 0, err
    assert "c%5BTIME_PERIOD%5D=ge%3A2022%2Ble%3A2023" in server.seen[-1].path
    metadata = {"title": "Exports", "variables": [
        {"code": "SITC", "text": "SITC", "values": ["T"], "valueTexts": ["Total"]},
        {"code": "Country", "text": "Country", "values": ["CN", "NN", "US"], "valueTexts": ["China", "n.s.", "USA"]},
        {"code": "Month", "text": "Month", "values": [f"2019M{m:02d}" for m in range(1, 13)], "time": True},
        {"code": "Unit", "text": "Unit", "values": ["0"], "valueTexts": ["Export fob"]},
    ]}
    table = "/pxen/api/v1/en/T/UTA0000.px"
    server.route(table, server.Reply(200, json.dumps(metadata).encode()), server.Reply(200, (own / "pxweb_exports_total_2019.jsonstat2.json").read_bytes()))
    code, _, err = run(capsys, "pull", "pxweb", "--years", "2019", "--table", "T/UTA0000.px", "--base-url", server.url + "/pxen/api/v1/en",
                       "--data-dir", str(data_dir))
    assert code == 0, err
    posted = json.loads(server.seen[-1].body)
    assert posted["response"] == {"format": "json-stat2"} and posted["query"][1]["selection"]["values"] == ["CN", "NN", "US"]
    world = [r for r in trade_rows(data_dir) if (r["reporter"], r["partner"], r["currency"]) == ("ISL", "WLD", "ISK") and r["url"].startswith(server.url)]
    assert len(world) == 1 and world[0]["precision"] == "derived"  # summed over all codes, the unnamed one too
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("eurofxref-hist.csv", (own / "ecb_eurofxref_hist.csv").read_bytes())
    server.route("/eurofxref-hist.zip", server.Reply(200, archive.getvalue()))
    code, _, err = run(capsys, "pull", "ecb", "--url", server.url + "/eurofxref-hist.zip", "--data-dir", str(data_dir))
    assert code == 0, err
    rates = Table.read(versions.resolve(data_dir) / "fx_rates.csv").rows
    assert {(r["currency"], r["year"]) for r in rates if r["url"].startswith(server.url)} == {("CNY", "2020"), ("EUR", "2020")}


def test_a_failed_pull_leaves_the_store_as_it_was(capsys: pytest.CaptureFixture[str], tmp_path: Path, own: Path, server: Any) -> None:
    data_dir = tmp_path / "d"
    run(capsys, "import", "cbi", str(own / "cbi_rates.csv"), "--data-dir", str(data_dir))
    before = versions.current(data_dir), sorted(p.name for p in (data_dir / "versions").iterdir())
    server.route("/files/v1/app/reference/Reporters.json", server.Reply(200, (own / "comtrade_reporters.json").read_bytes()))
    server.route("/public/v1/preview/C/A/HS", server.Reply(200, (own / "comtrade_v1_get_r352_2019.json").read_bytes()[:300]))
    code, _, err = run(capsys, "pull", "comtrade", "--reporter", "ISL", "--years", "2019", "--base-url", server.url, "--data-dir", str(data_dir))
    assert code == 2 and "not valid JSON" in err
    server.route("/public/v1/preview/C/A/HS", server.Reply(403, b"forbidden"))
    code, _, err = run(capsys, "pull", "comtrade", "--reporter", "ISL", "--years", "2019", "--base-url", server.url, "--data-dir", str(data_dir))
    assert code == 2 and "HTTP 403" in err
    assert (versions.current(data_dir), sorted(p.name for p in (data_dir / "versions").iterdir())) == before


def test_pull_options_are_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "--reporter" in run(capsys, "pull", "imf", "--years", "2020", "--data-dir", str(tmp_path / "d"))[2]
    assert "--years" in run(capsys, "pull", "comtrade", "--reporter", "CHN", "--data-dir", str(tmp_path / "d"))[2]
    assert "--url" in run(capsys, "pull", "cbi", "--data-dir", str(tmp_path / "d"))[2]


def test_progress_bar_draws_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    plain, tty = io.StringIO(), Tty()
    datacmd.ProgressBar(plain)(1, 2, "x")
    bar = datacmd.ProgressBar(tty)
    bar(1, 2, "Comtrade 352 2019")
    bar.finish()
    assert plain.getvalue() == ""
    assert tty.getvalue().startswith("\r[" + "#" * 15 + "." * 15 + "] 1/2 Comtrade 352 2019") and tty.getvalue().endswith("\n")
