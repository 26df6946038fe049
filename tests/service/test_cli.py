"""The ``tradecheck`` command, run for real in a subprocess; and the text renderer."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from checkers import Label
from service.api import create_app
from service.pipeline import Pipeline
from service.render import LineIndex, format_value, render_text, summary_line, use_color
from service.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"

SUPPORTED = "A first line.\n\nBilateral trade between China and Russia exceeded $107 billion last year.\n"
CONTRADICTED = "Tvíhliða viðskipti Kína og Rússlands námu yfir 110 milljörðum Bandaríkjadala á síðasta ári.\n"
PUBLISHED = "2021-03-19"


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADECHECK_") and k != "NO_COLOR"}
    env.update(extra)
    return env


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, command: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = command or [sys.executable, "-m", "service"]
    proc = subprocess.run(
        [*base, *args], input=stdin, capture_output=True, cwd=REPO, env=env or clean_env(), timeout=180
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def assert_could_not_run(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("tradecheck: error: ")
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="module")
def api() -> Any:
    with TestClient(create_app(pipeline=Pipeline.load(Settings()))) as client:
        yield client


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(SUPPORTED, encoding="utf-8")
    return path


# --- exit codes and formats -----------------------------------------------------------------


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.split()[0] == "tradecheck" and proc.stdout.split()[1][0].isdigit()


def test_checkers_table() -> None:
    proc = run("checkers")
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.splitlines()
    assert header.split()[:3] == ["NAME", "VERSION", "PACKAGE"]
    names = {row.split()[0]: row.split()[2] for row in rows}
    assert names["trade-value"] == "tradecheck" and names["partner-rank"] == "tradecheck"


def test_supported_claim_exits_0_and_points_at_it(draft: Path) -> None:
    proc = run("check", str(draft), "--published", PUBLISHED)
    assert proc.returncode == 0, proc.stderr
    col = SUPPORTED.splitlines()[2].index("exceeded") + 1
    first = proc.stdout.splitlines()[0]
    # the claim's span may start at the qualifier or the number: line 3, a column at or after "exceeded"
    location, label, checker, *_ = first.split("  ")
    path, line, column = location.rsplit(":", 2)
    assert (path, line, label, checker) == (str(draft), "3", "supported", "trade-value")
    assert col <= int(column) <= col + len("exceeded $")
    assert "\x1b[" not in proc.stdout  # not a terminal: no colour
    assert proc.stdout.rstrip().splitlines()[-1].startswith(("1 claim:", "2 claims:")), proc.stdout


def test_contradicted_claim_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "wrong.txt"
    path.write_text(CONTRADICTED, encoding="utf-8")
    proc = run("check", str(path), "--published", PUBLISHED, "--lang", "is")
    assert proc.returncode == 1, proc.stderr
    assert "contradicted" in proc.stdout


def test_stdin_dash_reads_stdin(draft: Path) -> None:
    from_file = run("check", str(draft), "--published", PUBLISHED, "--format", "json")
    from_stdin = run("check", "-", "--published", PUBLISHED, "--format", "json", stdin=SUPPORTED.encode())
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    text = run("check", "-", "--published", PUBLISHED, stdin=SUPPORTED.encode())
    assert text.stdout.startswith("<stdin>:3:")


@pytest.mark.parametrize(
    ("text", "published"), [(SUPPORTED, PUBLISHED), (CONTRADICTED, PUBLISHED), (SUPPORTED, None), ("", None)]
)
def test_json_format_is_the_api_body(api: TestClient, tmp_path: Path, text: str, published: str | None) -> None:
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path), "--format", "json"] + (["--published", published] if published else [])
    proc = run(*args)
    assert proc.returncode in (0, 1), proc.stderr
    response = api.post("/v1/check", json={"text": text, "published": published})
    assert proc.stdout == response.text + "\n"
    assert json.loads(proc.stdout) == response.json()


def test_empty_file_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = run("check", str(path))
    assert proc.returncode == 0
    assert proc.stdout.strip() == "0 claims"


def test_a_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SUPPORTED.encode())
    with_bom = json.loads(run("check", str(path), "--format", "json", "--published", PUBLISHED).stdout)
    without = json.loads(
        run("check", "-", "--format", "json", "--published", PUBLISHED, stdin=SUPPORTED.encode()).stdout
    )
    assert with_bom == without


# --- could not run: exit 2, one line ---------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert_could_not_run(run("check", str(tmp_path / "nope.txt")), "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert_could_not_run(run("check", str(tmp_path)), str(tmp_path))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kína og Rússland".encode("latin-1"))
    assert_could_not_run(run("check", str(path)), "not UTF-8")
    assert_could_not_run(run("check", "-", stdin=b"\xff\xfe"), "<stdin>", "not UTF-8")


@pytest.mark.parametrize("value", ["2021-02-30", "19.3.2021", "yesterday", "20210319"])
def test_bad_date(draft: Path, value: str) -> None:
    assert_could_not_run(run("check", str(draft), "--published", value), "--published")


def test_bad_language(draft: Path) -> None:
    assert_could_not_run(run("check", str(draft), "--lang", "de"), "--lang")


@pytest.mark.parametrize("args", [["check", "x", "--format", "xml"], [], ["frobnicate"], ["check"]])
def test_bad_usage(args: list[str]) -> None:
    assert_could_not_run(run(*args))


def test_text_over_the_limit(draft: Path) -> None:
    proc = run("check", str(draft), env=clean_env(TRADECHECK_MAX_TEXT_BYTES="10"))
    assert_could_not_run(proc, "10 bytes")


def test_bad_setting(draft: Path) -> None:
    assert_could_not_run(
        run("check", str(draft), env=clean_env(TRADECHECK_MAX_TEXT_BYTES="lots")), "TRADECHECK_MAX_TEXT_BYTES"
    )


def test_data_that_cannot_load(draft: Path, tmp_path: Path) -> None:
    env = clean_env(TRADECHECK_DATA_DIR=str(tmp_path / "missing"))
    assert_could_not_run(run("check", str(draft), env=env), "missing")
    assert_could_not_run(run("serve", "--port", "0", env=env), "missing")


# --- the installed console script and the server --------------------------------------------


def _console_script() -> str | None:
    beside = Path(sys.executable).parent / "tradecheck"
    return str(beside) if beside.exists() else shutil.which("tradecheck")


def test_console_script(draft: Path, tmp_path: Path) -> None:
    script = _console_script()
    if script is None:
        pytest.skip("the tradecheck console script is not installed")
    assert run("--version", command=[script]).returncode == 0
    assert run("check", str(draft), "--published", PUBLISHED, command=[script]).returncode == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(CONTRADICTED, encoding="utf-8")
    assert run("check", str(wrong), "--published", PUBLISHED, command=[script]).returncode == 1
    assert_could_not_run(run("check", str(tmp_path / "nope"), command=[script]))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_over_http() -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port)],
        cwd=REPO,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                health = httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert health.json()["status"] == "ok"
        response = httpx.post(f"{base}/v1/check", json={"text": SUPPORTED, "published": PUBLISHED}, timeout=30)
        assert response.status_code == 200
        assert any(c["verdict"]["label"] == "supported" for c in response.json()["claims"])
        bad = httpx.post(f"{base}/v1/check", content=b"\xff", headers={"content-type": "application/json"}, timeout=30)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_encoding"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- the seed article -----------------------------------------------------------------------


def test_seed_article(api: TestClient) -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not present at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    proc = run("check", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == api.post("/v1/check", json={"text": text}).text + "\n"  # test_api asserts the verdicts
    report = json.loads(proc.stdout)
    assert {c["verdict"]["label"] for c in report["claims"]} == {"supported", "not_checked"}

    shown = run("check", str(SEED))
    assert shown.returncode == 0
    index = LineIndex(text)
    for claim in report["claims"]:
        line, col = index.position(claim["start"])
        located = f"{SEED}:{line}:{col}  {claim['verdict']['label']}"
        assert (located in shown.stdout) == (claim["verdict"]["label"] != "not_checked")
    assert (
        shown.stdout.rstrip().splitlines()[-1]
        == f"{len(report['claims'])} claims: 2 supported, {len(report['claims']) - 2} not_checked"
    )


# --- the renderer, in process ---------------------------------------------------------------


def test_line_index_is_one_based_and_counts_characters() -> None:
    index = LineIndex("ab\nþú 107\n\nx")
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the newline itself ends line 1
    assert index.position(3) == (2, 1)
    assert index.position(6) == (2, 4)
    assert index.position(10) == (3, 1)
    assert index.position(11) == (4, 1)


def test_format_value() -> None:
    assert format_value(107.76e9, "USD") == "107.76 bn USD"
    assert format_value(104_500_000_000, "USD") == "104.5 bn USD"
    assert format_value(231.8e9, "ISK") == "231.8 bn ISK"
    assert format_value(1, "rank") == "rank 1"
    assert format_value(11, "year") == "11 year"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Tty()) and not use_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(_Tty())


def test_render_text_in_process() -> None:
    pipeline = Pipeline.load(Settings())
    report = pipeline.check(CONTRADICTED, published=date(2021, 3, 19), language="is")
    assert any(c.verdict.label is Label.CONTRADICTED for c in report.claims)
    plain = render_text(report, CONTRADICTED, "a.txt")
    coloured = render_text(report, CONTRADICTED, "a.txt", color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert plain.splitlines()[-1] == summary_line(report)
    for claim in report.claims:
        if claim.verdict.label is not Label.NOT_CHECKED:
            assert f'"{claim.text}"' in plain
            assert "    " + claim.verdict.explanation in plain
