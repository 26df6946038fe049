"""The ``tradecheck`` command, run for real in a subprocess: drafts, exit codes, errors, the server."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.pipeline import Pipeline
from service.renderers import LineIndex
from service.settings import Settings
from service.suppress import find_suppressions

REPO = Path(__file__).resolve().parents[2]
DRAFTS = Path(__file__).parent / "drafts"
SEED = REPO.parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"

SUPPORTED = "A first line.\n\nBilateral trade between China and Russia exceeded $107 billion last year.\n"
CONTRADICTED = "Tvíhliða viðskipti Kína og Rússlands námu yfir 110 milljörðum Bandaríkjadala á síðasta ári.\n"
EN_TRUE = "Bilateral trade between China and Russia exceeded $107 billion in 2020."
EN_FALSE = "Bilateral trade between China and Russia exceeded $110 billion in 2020."
IS_TRUE = "Tvíhliða viðskipti Kína og Rússlands námu yfir 107 milljörðum Bandaríkjadala árið 2020."
FORECAST = "Bilateral trade between China and Russia exceeded $107 billion in 2031."
PUBLISHED = "2021-03-19"


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADECHECK_") and k != "NO_COLOR"}
    env.update(extra)
    return env


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    command: list[str] | None = None,
    cwd: Path = REPO,
) -> subprocess.CompletedProcess[str]:
    base = command or [sys.executable, "-m", "service"]
    proc = subprocess.run(
        [*base, *args], input=stdin, capture_output=True, cwd=cwd, env=env or clean_env(), timeout=300, check=False
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


def draft_file(folder: Path, name: str, *sentences: str, front_matter: str | None = PUBLISHED) -> Path:
    head = f"---\ntitle: A draft\ndate: {front_matter}\n---\n\n" if front_matter else ""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + "# A heading\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def api() -> Any:
    with TestClient(create_app(pipeline=Pipeline.load(Settings()))) as client:
        yield client


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(SUPPORTED, encoding="utf-8")
    return path


# --- the basics -------------------------------------------------------------------------------


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
    location, label, checker, *_ = first.split("  ")
    path, line, column = location.rsplit(":", 2)
    assert (path, line, label, checker) == (str(draft), "3", "supported", "trade-value")
    assert col <= int(column) <= col + len("exceeded $")
    assert "\x1b[" not in proc.stdout  # not a terminal: no colour
    assert proc.stdout.rstrip().splitlines()[-1].startswith(("1 claim:", "2 claims:")), proc.stdout
    assert proc.stderr == ""  # no progress when stderr is not a terminal


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
    markdown = "---\ndate: 2021-03-19\n---\n`$110 billion`\n\n" + SUPPORTED
    as_markdown = run("check", "-", "--input-format", "markdown", "--format", "line", stdin=markdown.encode())
    assert as_markdown.returncode == 0 and as_markdown.stdout == ""


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


def test_markdown_json_is_the_api_body_for_markdown(api: TestClient) -> None:
    path = DRAFTS / "china-russia.md"
    proc = run("check", str(path), "--format", "json")
    text = path.read_text(encoding="utf-8")
    response = api.post("/v1/check", json={"text": text, "published": PUBLISHED, "format": "markdown"})
    assert proc.stdout == response.text + "\n"


def test_the_api_reads_markup_when_told(api: TestClient) -> None:
    html = (DRAFTS / "china-russia.html").read_text(encoding="utf-8")
    as_html = api.post("/v1/check", json={"text": html, "format": "html"}).json()
    as_text = api.post("/v1/check", json={"text": html}).json()
    assert all(html[c["start"] : c["end"]] == c["text"] for c in as_html["claims"])
    assert not any("var claimed" in html[c["sentence_start"] : c["sentence_end"]] for c in as_html["claims"])
    assert len(as_text["claims"]) > len(as_html["claims"])  # read as text, the script's numbers count too
    refused = api.post("/v1/check", json={"text": html, "format": "rtf"})
    assert refused.status_code == 422 and refused.json()["error"]["detail"][0]["field"] == "format"


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


# --- Markdown and HTML drafts: findings point into the files as written ------------------------------


@pytest.mark.parametrize("name", ["china-russia.md", "china-russia.html", "kina-russland.md"])
def test_line_and_column_point_into_the_original_file(name: str) -> None:
    path = DRAFTS / name
    source = path.read_text(encoding="utf-8")
    report = json.loads(run("check", str(path), "--format", "json", "--published", PUBLISHED).stdout)
    lines = run("check", str(path), "--format", "line", "--fail-on", "notice", "--published", PUBLISHED).stdout
    index = LineIndex(source)
    silenced = find_suppressions(source)
    expected = []
    for claim in report["claims"]:
        assert source[claim["start"] : claim["end"]] == claim["text"]
        if claim["verdict"]["label"] in ("contradicted", "disputed", "unverifiable") and not silenced.covers(
            claim["start"]
        ):
            line, col = index.position(claim["start"])
            expected.append(f"{path}:{line}:{col}:")
    assert [row.split(" ", 1)[0] for row in lines.splitlines()] == expected
    for row in lines.splitlines():
        line_no, col_no = (int(n) for n in row.split(":")[1:3])
        quoted = row.split('"')[1]
        assert source.splitlines()[line_no - 1][col_no - 1 :].startswith(quoted)


def test_known_claims_in_the_drafts() -> None:
    verdicts = {}
    for name in ("china-russia.md", "china-russia.html", "kina-russland.md"):
        report = json.loads(run("check", str(DRAFTS / name), "--format", "json").stdout)
        assert report["published"] == PUBLISHED or name.endswith(".html")
        verdicts[name] = [
            (c["text"].split()[1].split("&")[0], c["verdict"]["label"])
            for c in report["claims"]
            if c["verdict"]["checker"] == "trade-value"
        ]
    assert verdicts["china-russia.md"] == [("$107", "supported"), ("$110", "contradicted"), ("$107", "unverifiable")]
    assert verdicts["china-russia.html"] == [("$107", "supported"), ("$110", "contradicted"), ("$110", "contradicted")]
    assert verdicts["kina-russland.md"] == [("107", "supported"), ("110", "contradicted")]


# --- exit codes for each --fail-on ------------------------------------------------------------------

FAIL_ON_CASES = {
    # sentences in the draft -> exit code for --fail-on error, warning, notice, never
    "true only": ((EN_TRUE,), (0, 0, 0, 0)),
    "forecast": ((EN_TRUE, FORECAST), (0, 0, 1, 0)),
    "false": ((EN_TRUE, EN_FALSE), (1, 1, 1, 0)),
}


@pytest.mark.parametrize("case", sorted(FAIL_ON_CASES))
def test_exit_codes_for_every_fail_on(tmp_path: Path, case: str) -> None:
    sentences, codes = FAIL_ON_CASES[case]
    path = draft_file(tmp_path, "draft.md", *sentences)
    for level, code in zip(("error", "warning", "notice", "never"), codes, strict=True):
        proc = run("check", str(path), "--fail-on", level, "--lang", "en", "--format", "line")
        assert proc.returncode == code, (case, level, proc.stdout, proc.stderr)


def test_default_fail_level_is_error(tmp_path: Path) -> None:
    assert run("check", str(draft_file(tmp_path, "f.md", FORECAST))).returncode == 0
    assert run("check", str(draft_file(tmp_path, "w.md", EN_FALSE))).returncode == 1


# --- folders ----------------------------------------------------------------------------------------


def test_a_folder_of_drafts(tmp_path: Path) -> None:
    draft_file(tmp_path, "a.md", EN_TRUE)
    draft_file(tmp_path / "sub", "b.md", EN_FALSE)
    (tmp_path / "notes.py").write_text("x = '$110 billion in 2020'\n")
    proc = run("check", str(tmp_path), "--format", "line")
    assert proc.returncode == 1
    assert [row.split(":")[0] for row in proc.stdout.splitlines()] == [str(tmp_path / "sub" / "b.md")]
    summary = run("check", str(tmp_path)).stdout.splitlines()[-1]
    assert summary.startswith("2 files, 2 claims: 1 supported, 1 contradicted"), summary


def test_an_empty_folder_is_clean(tmp_path: Path) -> None:
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0 and proc.stdout.strip() == "0 files, 0 claims"
    assert run("check", str(tmp_path), "--format", "json").stdout == "[]\n"


def test_an_unreadable_draft_fails_the_run_but_not_the_others(tmp_path: Path) -> None:
    draft_file(tmp_path, "a.md", EN_TRUE)
    (tmp_path / "b.md").write_bytes(b"caf\xe9 110")
    proc = run("check", str(tmp_path), "--format", "json")
    assert_could_not_run(proc, "b.md", "not UTF-8")
    documents = json.loads(proc.stdout)
    assert [Path(d["path"]).name for d in documents] == ["a.md"]


# --- suppression ------------------------------------------------------------------------------------


def test_suppressed_claims_do_not_fail_but_are_counted(tmp_path: Path) -> None:
    path = draft_file(
        tmp_path,
        "s.md",
        EN_TRUE,
        "<!-- tradecheck-disable -->",
        EN_FALSE,
        "<!-- tradecheck-enable -->",
        "<!-- tradecheck-ignore-next-line -->\n" + EN_FALSE.replace("Bilateral", "Total"),
    )
    proc = run("check", str(path))
    assert proc.returncode == 0, proc.stdout
    assert "contradicted" not in proc.stdout.splitlines()[0]
    assert proc.stdout.splitlines()[-1] == "3 claims: 1 supported, 2 contradicted (2 suppressed)"
    assert run("check", str(path), "--format", "line").stdout == ""
    path.write_text(path.read_text().replace("<!-- tradecheck-ignore-next-line -->\n", ""))
    after = run("check", str(path), "--format", "line")
    assert after.returncode == 1 and len(after.stdout.splitlines()) == 1


# --- --diff -------------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reports_only_changed_lines(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    old = draft_file(tmp_path, "old.md", EN_FALSE)  # wrong, but not touched by the change
    changed = draft_file(tmp_path, "changed.md", EN_FALSE, EN_TRUE)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "drafts")
    changed.write_text(changed.read_text() + "\n" + EN_FALSE.replace("Bilateral", "Total") + "\n")
    git(tmp_path, "checkout", "-q", "-b", "edit")
    git(tmp_path, "commit", "-q", "-am", "edit")

    everything = run("check", ".", "--format", "line", cwd=tmp_path)
    assert len(everything.stdout.splitlines()) == 3
    proc = run("check", ".", "--diff", "HEAD~1", "--format", "line", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    rows = proc.stdout.splitlines()
    assert len(rows) == 1 and rows[0].startswith("changed.md:") and '"exceeded $110 billion"' in rows[0]
    assert (
        int(rows[0].split(":")[1]) == changed.read_text().splitlines().index(EN_FALSE.replace("Bilateral", "Total")) + 1
    )
    assert str(old.name) not in proc.stdout

    since_branching = run("check", ".", "--diff", "HEAD~1...HEAD", "--format", "line", cwd=tmp_path)
    assert since_branching.stdout == proc.stdout

    unchanged = run("check", ".", "--diff", "HEAD", "--format", "json", cwd=tmp_path)
    assert unchanged.returncode == 0 and unchanged.stdout == "[]\n"

    diff = subprocess.run(["git", "diff", "-U3", "HEAD~1"], cwd=tmp_path, capture_output=True, check=True).stdout
    piped = run("check", ".", "--diff", "-", "--format", "line", cwd=tmp_path, stdin=diff)
    assert piped.stdout == proc.stdout

    assert_could_not_run(run("check", ".", "--diff", "no-such-branch", cwd=tmp_path), "git failed")
    assert_could_not_run(run("check", "-", "--diff", "-", cwd=tmp_path), "stdin")


# --- the pre-commit hook ------------------------------------------------------------------------


def test_pre_commit_hook_entry_runs_on_the_files_it_selects(tmp_path: Path) -> None:
    hook = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^  entry: (.+)$", hook, re.MULTILINE)
    files = re.search(r"^  files: (.+)$", hook, re.MULTILINE)
    assert entry and files and re.search(r"^- id: tradecheck$", hook, re.MULTILINE)
    command, *options = entry.group(1).split()
    assert command == "tradecheck"
    names = ["a.md", "b.markdown", "c.txt", "d.html", "e.htm", "f.py", "g.json"]
    selected = [name for name in names if re.search(files.group(1), name)]
    assert selected == names[:5]
    for name in selected:
        (tmp_path / name).write_text(EN_TRUE if name != "c.txt" else EN_FALSE, encoding="utf-8")
    proc = run(*options, *selected, cwd=tmp_path)  # pre-commit appends the staged file names
    assert proc.returncode == 1 and proc.stdout.startswith("c.txt:1:"), proc.stdout


# --- config ---------------------------------------------------------------------------------------


def test_config_file_found_from_the_working_directory(tmp_path: Path) -> None:
    draft_file(tmp_path, "a.md", EN_FALSE)
    draft_file(tmp_path / "archive", "old.md", EN_FALSE)
    assert run("check", ".", "--format", "line", cwd=tmp_path).stdout.count("error") == 2

    (tmp_path / "tradecheck.toml").write_text('fail_on = "never"\nexclude = ["archive/**"]\n')
    proc = run("check", ".", "--format", "line", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.count("error") == 1 and "archive" not in proc.stdout
    assert run("check", ".", "--fail-on", "error", cwd=tmp_path).returncode == 1  # the command line wins


def test_config_in_pyproject_and_the_published_rule(tmp_path: Path) -> None:
    last_year = "Bilateral trade between China and Russia exceeded $107 billion last year."
    draft_file(tmp_path, "a.md", last_year)  # front matter: date: 2021-03-19
    by_front_matter = json.loads(run("check", "a.md", "--format", "json", cwd=tmp_path).stdout)
    assert by_front_matter["published"] == PUBLISHED
    assert [c["verdict"]["label"] for c in by_front_matter["claims"]] == ["supported"]
    assert by_front_matter["claims"][0]["period"]["start"].startswith("2020")

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.tradecheck]\npublished = "text"\n')
    by_text = json.loads(run("check", "a.md", "--format", "json", cwd=tmp_path).stdout)
    assert by_text["published"] is None

    fixed = json.loads(run("check", "a.md", "--format", "json", "--published", "2022-01-10", cwd=tmp_path).stdout)
    assert fixed["published"] == "2022-01-10"
    assert fixed["claims"][0]["period"]["start"].startswith("2021")  # "last year" is now 2021


def test_explicit_and_broken_config(tmp_path: Path) -> None:
    path = draft_file(tmp_path, "a.md", EN_FALSE)
    config = tmp_path / "elsewhere.toml"
    config.write_text('fail_on = "never"\n')
    assert run("check", str(path), "--config", str(config)).returncode == 0
    config.write_text('fail_on = "sometimes"\n')
    assert_could_not_run(run("check", str(path), "--config", str(config)), "elsewhere.toml", "fail_on")
    assert_could_not_run(run("check", str(path), "--config", str(tmp_path / "none.toml")), "does not exist")


# --- could not run: exit 2, one line ---------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert_could_not_run(run("check", str(tmp_path / "nope.txt")), "nope.txt")


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


@pytest.mark.parametrize(
    "args",
    [
        ["check", "x", "--format", "xml"],
        [],
        ["frobnicate"],
        ["check"],
        ["check", "x", "--fail-on", "sometimes"],
        ["check", "x", "--timeout", "0"],
        ["check", "-", "-"],
    ],
)
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Any:
    """A live ``tradecheck serve`` on a free loopback port, stopped after the module's tests."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--port", str(port)],
        cwd=REPO,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_answers_over_http(server: str) -> None:
    health = httpx.get(f"{server}/healthz", timeout=10)
    assert health.json()["status"] == "ok"
    response = httpx.post(f"{server}/v1/check", json={"text": SUPPORTED, "published": PUBLISHED}, timeout=30)
    assert response.status_code == 200
    assert any(c["verdict"]["label"] == "supported" for c in response.json()["claims"])
    bad = httpx.post(f"{server}/v1/check", content=b"\xff", headers={"content-type": "application/json"}, timeout=30)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_encoding"


@pytest.mark.parametrize("fmt", ["json", "text", "line", "sarif", "junit"])
def test_server_gives_the_same_output(server: str, fmt: str) -> None:
    args = ["check", str(DRAFTS), "--format", fmt, "--fail-on", "notice"]
    local = run(*args)
    remote = run(*args, "--server", server)
    assert remote.returncode == local.returncode == 1, remote.stderr
    if fmt == "junit":  # time and timestamp attributes differ from run to run
        strip = lambda s: [line for line in s.splitlines() if "<testsuite " not in line]
        assert strip(remote.stdout) == strip(local.stdout)
    else:
        assert remote.stdout == local.stdout


def test_server_that_cannot_be_reached() -> None:
    port = free_port()  # nothing listens there
    proc = run("check", str(DRAFTS), "--server", f"http://127.0.0.1:{port}", "--timeout", "5")
    assert_could_not_run(proc, f"cannot reach the tradecheck service at http://127.0.0.1:{port}")
    assert proc.stdout == ""
    assert_could_not_run(run("check", str(DRAFTS), "--server", "127.0.0.1:8000"), "http://")


# --- the seed article -----------------------------------------------------------------------


def test_seed_article(api: TestClient) -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not present at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    proc = run("check", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == api.post("/v1/check", json={"text": text}).text + "\n"  # test_api asserts the verdicts
    report = json.loads(proc.stdout)
    labels = [c["verdict"]["label"] for c in report["claims"]]
    assert "contradicted" not in labels and labels.count("supported") >= 2

    shown = run("check", str(SEED))
    assert shown.returncode == 0
    index = LineIndex(text)
    for claim in report["claims"]:
        line, col = index.position(claim["start"])
        located = f"{SEED}:{line}:{col}  {claim['verdict']['label']}"
        assert (located in shown.stdout) == (claim["verdict"]["label"] != "not_checked")


# --- sub-commands from other modules ----------------------------------------------------------------


def test_extension_modules_add_sub_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from service import cli

    module = types.ModuleType("tradecheck_test_extension")

    def register(sub: Any) -> None:
        hello = sub.add_parser("hello")
        hello.add_argument("--name", required=True)
        bye = sub.add_parser("bye")
        bye.set_defaults(handler=lambda args: 7)  # a handler that takes only the arguments

    module.register = register  # type: ignore[attr-defined]
    module.run = lambda args, settings: print(f"hello {args.name}") or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(cli, "EXTENSIONS", (module.__name__, "tradecheck_no_such_extension"))
    assert cli.main(["hello", "--name", "there"]) == 0
    assert capsys.readouterr().out == "hello there\n"
    assert cli.main(["bye"]) == 7
    assert cli.main(["hello"]) == 2  # its own usage errors are one line too
    assert capsys.readouterr().err.startswith("tradecheck: error: ")


def test_the_data_commands_are_wired_in() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    if importlib.util.find_spec("service.datacmd") is None:
        pytest.skip("service.datacmd is not there")
    assert "data" in proc.stdout


def test_documentation_url_from_package_metadata() -> None:
    from service.cli import _documentation_url

    assert (_documentation_url("pytest") or "").startswith("https://")
    assert _documentation_url("tradecheck-no-such-distribution") is None


def test_progress_on_a_terminal_only(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    for i in range(3):
        draft_file(tmp_path, f"d{i}.md", EN_TRUE)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "service", "check", str(tmp_path), "--format", "line"],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=REPO,
            env=clean_env(),
            timeout=300,
            check=False,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0 and proc.stdout == b""
    assert b"[3/3] " in shown and shown.endswith(b"\r\x1b[K")
    one = run("check", str(tmp_path / "d0.md"))
    assert one.stderr == ""


def test_data_dir_option_names_the_reference_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "reference_data" / "data", data)
    proc = run("check", "--format", "line", "--data-dir", str(data), "-", stdin=EN_FALSE.encode())
    assert proc.returncode == 1 and "contradicted" in proc.stdout
    (data / "fx_rates.csv").write_text("broken", encoding="utf-8")
    assert_could_not_run(run("check", "--data-dir", str(data), "-", stdin=EN_TRUE.encode()), "fx_rates.csv")
