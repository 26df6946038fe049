"""The HTTP API through its ASGI app: every endpoint, every error path, one error shape."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from checkers import TradecheckError
from service.api import body_limit, create_app
from service.pipeline import Pipeline
from service.renderers import render_json
from service.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"

EN_SUPPORTED = "Bilateral trade between China and Russia exceeded $107 billion last year. Published: 19 March 2021"
EN_CONTRADICTED = "Bilateral trade between China and Russia exceeded $110 billion last year."
IS_CONTRADICTED = "Tvíhliða viðskipti Kína og Rússlands námu yfir 110 milljörðum Bandaríkjadala á síðasta ári."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load(Settings())


@pytest.fixture(scope="module")
def client(pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(pipeline=pipeline)) as c:
        yield c


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "detail"?}}, JSON, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) <= {"code", "message", "detail"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return error


def check(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/v1/check", json=body)
    assert response.status_code == 200, response.text
    return response.json()


# --- endpoints --------------------------------------------------------------------------


def test_healthz(client: TestClient, pipeline: Pipeline) -> None:
    body = client.get("/healthz").json()
    assert body == {
        "status": "ok",
        "reference_data_version": pipeline.reference.version,
        "checkers": len(pipeline.registry),
    }
    assert body["checkers"] >= 2


def test_checkers_lists_the_builtins_with_their_package(client: TestClient) -> None:
    response = client.get("/v1/checkers")
    assert response.status_code == 200
    by_name = {c["name"]: c for c in response.json()}
    assert {"trade-value", "partner-rank"} <= set(by_name)
    for name in ("trade-value", "partner-rank"):
        info = by_name[name]
        assert set(info) == {"name", "version", "package", "description", "kinds"}
        assert info["package"] == "tradecheck"
        assert re.fullmatch(r"\d+\.\d+\.\d+.*", info["version"])
        assert info["description"]
    assert by_name["trade-value"]["kinds"] == ["trade_value"]
    assert set(by_name["partner-rank"]["kinds"]) == {"partner_rank"}
    assert set(by_name["streak"]["kinds"]) == {"streak"}


def test_check_answers_a_report(client: TestClient, pipeline: Pipeline) -> None:
    response = client.post("/v1/check", json={"text": EN_SUPPORTED, "language": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["schema_version"].startswith("1.")
    assert body["language"] == "en"
    assert body["published"] == "2021-03-19" and body["published_source"] == "text"
    assert body["reference_data_version"] == pipeline.reference.version
    [claim] = [c for c in body["claims"] if "107" in c["text"]]
    assert EN_SUPPORTED[claim["start"] : claim["end"]] == claim["text"]
    assert claim["kind"] == "trade_value"
    assert claim["quantity"]["unit"] == "USD" and claim["quantity"]["magnitude"] == pytest.approx(107e9)
    assert claim["qualifier"] == "over"
    assert {claim["reporter"], claim["partner"]} == {"CHN", "RUS"}
    assert claim["period"] == {"start": "2020-01-01", "end": "2020-12-31"}
    verdict = claim["verdict"]
    assert verdict["label"] == "supported"
    assert verdict["checker"] == "trade-value" and verdict["checker_version"]
    assert verdict["claimed_interval"]["low"] == pytest.approx(107e9)
    assert verdict["references"] and verdict["explanation"]
    assert body["summary"]["claims"] == len(body["claims"])


def test_check_body_is_the_shared_serializer(client: TestClient, pipeline: Pipeline) -> None:
    response = client.post("/v1/check", json={"text": EN_SUPPORTED})
    assert response.text == render_json(pipeline.check(EN_SUPPORTED))


@pytest.mark.parametrize("text", [EN_CONTRADICTED, IS_CONTRADICTED])
def test_a_wrong_figure_is_contradicted(client: TestClient, text: str) -> None:
    body = check(client, text=text, published="2021-03-19")
    assert body["published_source"] == "request"
    [claim] = [c for c in body["claims"] if "110" in c["text"]]
    assert claim["verdict"]["label"] == "contradicted"


def test_published_in_the_request_wins_over_the_text(client: TestClient) -> None:
    body = check(client, text=EN_SUPPORTED, published="2020-06-01")
    assert body["published"] == "2020-06-01" and body["published_source"] == "request"
    [claim] = [c for c in body["claims"] if "107" in c["text"]]
    assert claim["period"]["start"] == "2019-01-01"


def test_empty_text_is_an_empty_report(client: TestClient) -> None:
    body = check(client, text="")
    assert body["claims"] == []
    assert body["summary"]["claims"] == 0


def test_language_defaults_to_auto(client: TestClient) -> None:
    assert check(client, text=IS_CONTRADICTED)["language"] == "is"
    assert check(client, text=EN_CONTRADICTED)["language"] == "en"


def test_a_request_without_content_type_is_read_as_json(client: TestClient) -> None:
    response = client.post("/v1/check", content=json.dumps({"text": ""}).encode())
    assert response.status_code == 200


def test_docs_and_openapi(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "tradecheck" and spec["info"]["version"]
    assert spec["info"]["description"]
    op = spec["paths"]["/v1/check"]["post"]
    schema = op["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"text", "language", "published", "format"}
    assert schema["required"] == ["text"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Report")
    for status in ("400", "413", "415", "422"):
        assert op["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert {"/v1/checkers", "/healthz"} <= set(spec["paths"])
    assert "Verdict" in spec["components"]["schemas"]


def test_index_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<textarea" in response.text and "/v1/check" in response.text


# --- error paths ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b'{"text": ', b"", b"   ", b"{'text': 'single quotes'}", b'{"text": "a"} trailing', b"[" * 100_000],
    ids=["truncated", "empty", "blank", "single-quotes", "trailing", "deeply-nested"],
)
def test_malformed_json_is_400(client: TestClient, content: bytes) -> None:
    response = client.post("/v1/check", content=content, headers={"content-type": "application/json"})
    assert_error(response, 400, "invalid_json")


@pytest.mark.parametrize(
    "content",
    [b'{"text": "\xff"}', '{"text": "Kína og Rússland"}'.encode("latin-1"), '{"text": "x"}'.encode("utf-16")],
    ids=["invalid-byte", "latin-1", "utf-16"],
)
def test_body_not_utf8_is_400(client: TestClient, content: bytes) -> None:
    response = client.post("/v1/check", content=content, headers={"content-type": "application/json"})
    error = assert_error(response, 400, "invalid_encoding")
    assert "UTF-8" in error["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "x", "language": "de"}, "language"),
        ({"text": "x", "language": None}, "language"),
        ({"text": "x", "published": "2021-02-30"}, "published"),
        ({"text": "x", "published": "19.3.2021"}, "published"),
        ({"text": "x", "published": "yesterday"}, "published"),
        ({"text": "x", "published": 20210319}, "published"),
        ({"text": "x", "published": "2021-03-19T10:00:00"}, "published"),
        ({}, "text"),
        ({"text": 107}, "text"),
        ({"text": None}, "text"),
        ({"text": "x", "lang": "is"}, "lang"),
        ([{"text": "x"}], "body"),
        ("just a string", "body"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(client: TestClient, body: Any, field: str) -> None:
    error = assert_error(client.post("/v1/check", json=body), 422, "invalid_input")
    assert [d["field"] for d in error["detail"]] == [field]
    assert field in error["message"]


def test_unpaired_surrogate_is_422(client: TestClient) -> None:
    content = b'{"text": "bad \\ud800 text"}'
    error = assert_error(client.post("/v1/check", content=content), 422, "invalid_input")
    assert error["detail"][0]["field"] == "text"


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin-1",
    ],
)
def test_wrong_content_type_is_415(client: TestClient, content_type: str) -> None:
    response = client.post("/v1/check", content=b'{"text": "x"}', headers={"content-type": content_type})
    assert_error(response, 415, "unsupported_media_type")


def test_json_with_charset_utf8_is_accepted(client: TestClient) -> None:
    response = client.post(
        "/v1/check", content=b'{"text": ""}', headers={"content-type": "application/json; charset=UTF-8"}
    )
    assert response.status_code == 200


@pytest.fixture(scope="module")
def small(pipeline: Pipeline) -> Iterator[TestClient]:
    """An app whose text limit is 100 bytes."""
    settings = Settings(max_text_bytes=100)
    with TestClient(create_app(settings, Pipeline(pipeline.registry, pipeline.reference, settings))) as c:
        yield c


def test_text_over_the_limit_is_413(small: TestClient) -> None:
    assert small.post("/v1/check", json={"text": "a" * 100}).status_code == 200
    error = assert_error(small.post("/v1/check", json={"text": "a" * 101}), 413, "input_too_large")
    assert "100" in error["message"]
    # the limit is in UTF-8 bytes, not characters: 51 × "á" is 102 bytes
    assert_error(small.post("/v1/check", json={"text": "á" * 51}), 413, "input_too_large")


def test_a_body_over_the_limit_is_refused_before_parsing(small: TestClient) -> None:
    # Not JSON at all: a 413 (not a 400) shows it was refused before being parsed.
    content = b"x" * (body_limit(100) + 1)
    response = small.post("/v1/check", content=content, headers={"content-type": "application/json"})
    assert_error(response, 413, "input_too_large")


def test_a_chunked_body_over_the_limit_is_413(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"x" * 1024

    response = small.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_error(response, 413, "input_too_large")


def test_content_length_over_the_limit_is_413_without_reading(small: TestClient) -> None:
    response = small.post(
        "/v1/check", content=b"{}", headers={"content-type": "application/json", "content-length": str(10**9)}
    )
    assert_error(response, 413, "input_too_large")


def test_unknown_route_is_404(client: TestClient) -> None:
    error = assert_error(client.get("/v2/nothing"), 404, "not_found")
    assert "/v2/nothing" in error["message"]


def test_wrong_method_is_405(client: TestClient) -> None:
    response = client.get("/v1/check")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["allow"]
    assert_error(client.delete("/healthz"), 405, "method_not_allowed")


def test_an_unexpected_failure_is_500_without_a_traceback(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = Pipeline(pipeline.registry, pipeline.reference, pipeline.settings)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(broken, "check", explode)
    with TestClient(create_app(pipeline=broken), raise_server_exceptions=False) as c:
        response = c.post("/v1/check", json={"text": "x"})
    error = assert_error(response, 500, "internal_error")
    assert "secret" not in error["message"]


def test_not_started_is_503() -> None:
    for app in (create_app(Settings()), create_app()):
        client = TestClient(app)  # not entered: the lifespan has not run
        assert_error(client.get("/healthz"), 503, "not_ready")
        assert_error(client.post("/v1/check", json={"text": ""}), 503, "not_ready")


def test_start_up_fails_when_the_data_cannot_load(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path / "missing"))
    with pytest.raises(TradecheckError, match="missing"):
        with TestClient(app):
            pass


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("TRADECHECK_DATA_DIR", "/nonexistent/data", "/nonexistent/data"),
        ("TRADECHECK_MAX_TEXT_BYTES", "lots", "TRADECHECK_MAX_TEXT_BYTES"),
    ],
)
def test_uvicorn_start_up_failure_is_one_message(name: str, value: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADECHECK_")} | {name: value}
    cmd = [sys.executable, "-m", "uvicorn", "service.api:create_app", "--factory", "--port", "0"]
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert "tradecheck cannot start: " in proc.stderr and expected in proc.stderr
    assert "Traceback" not in proc.stderr


# --- the seed article -----------------------------------------------------------------------


def _years(period: str | None) -> set[int]:
    found = [int(y) for y in re.findall(r"\d{4}", period or "")]
    return set(range(found[0], found[-1] + 1)) if found else set()


def assert_seed_report(body: dict[str, Any], text: str) -> None:
    """The acceptance criteria of issue 2 on the seed article."""
    assert body["language"] == "is"
    assert body["published"] == "2021-03-19" and body["published_source"] == "text"
    claims = body["claims"]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    [value] = [c for c in claims if "107" in c["text"]]
    assert value["kind"] == "trade_value"
    assert value["verdict"]["label"] == "supported"
    assert any(
        r["value"] == pytest.approx(107.76e9)
        and r["reporter"] == "CHN"
        and re.search(r"GACC|customs", r["source"], re.I)
        for r in value["verdict"]["references"]
    ), value["verdict"]["references"]
    [streak] = [c for c in claims if "11 ár í röð" in c["text"]]
    assert streak["kind"] == "streak"
    assert streak["verdict"]["label"] == "supported"
    covered = set().union(*(_years(r["period"]) for r in streak["verdict"]["references"] if r["supports"] is not False))
    assert set(range(2010, 2021)) <= covered
    assert not [c for c in claims if c["verdict"]["label"] == "contradicted"]
    others = [c for c in claims if c is not value and c is not streak]
    assert others, "the other numbers (fimm, 20, tveggja, COVID-19) are reported too"
    assert {c["verdict"]["label"] for c in others} == {"not_checked"}
    assert body["summary"]["by_label"] == {"supported": 2, "not_checked": len(others)}


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_seed_article(client: TestClient, seed_text: str) -> None:
    assert_seed_report(check(client, text=seed_text), seed_text)
    assert_seed_report(check(client, text=seed_text, language="is"), seed_text)
