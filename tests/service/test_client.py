"""``--server``: the client's side of the HTTP exchange, against small stand-in servers on loopback.

The live ``tradecheck serve`` is exercised in ``test_cli.py``; these servers answer what a real
one rarely does (a refused key, a body that is not a report, silence) so each error path runs.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from service.client import API_KEY_ENV, InputRefused, RemoteService, ServiceError

Answer = Callable[[BaseHTTPRequestHandler, bytes], tuple[int, bytes]]

REPORT = {
    "schema_version": "1.0",
    "language": "en",
    "published": "2021-03-19",
    "published_source": "request",
    "reference_data_version": "test",
    "claims": [],
    "summary": {"claims": 0, "by_label": {}},
}


@contextmanager
def stand_in(answer: Answer) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A server on a free loopback port that answers every request with ``answer``; yields its URL
    and the requests it saw (method, path, headers, body)."""
    seen: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
            status, content = answer(self, body)
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = _any

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def tradecheck_like(handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
    if handler.path == "/v1/checkers":
        return 200, json.dumps([{"name": "trade-value", "version": "9", "description": "d"}]).encode()
    return 200, json.dumps(REPORT).encode()


def test_the_request_and_the_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_KEY_ENV, "s3cret")
    with stand_in(tradecheck_like) as (url, seen), RemoteService(url + "/") as service:
        assert service.checkers()["trade-value"].version == "9"
        from datetime import date

        report = service.check("Text 5.", "en", date(2021, 3, 19), "markdown")
    assert report.reference_data_version == "test"
    post = seen[-1]
    assert (post["method"], post["path"]) == ("POST", "/v1/check")
    assert post["headers"]["Authorization"] == "Bearer s3cret"
    assert json.loads(post["body"]) == {
        "text": "Text 5.",
        "language": "en",
        "published": "2021-03-19",
        "format": "markdown",
    }


def test_no_key_no_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    with stand_in(tradecheck_like) as (url, seen), RemoteService(url) as service:
        service.check("x")
    assert "Authorization" not in seen[-1]["headers"]


def test_a_refused_key_says_where_the_key_comes_from() -> None:
    def refuse(handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
        return 401, json.dumps({"error": {"code": "unauthorized", "message": "missing API key"}}).encode()

    with stand_in(refuse) as (url, _), RemoteService(url) as service, pytest.raises(ServiceError) as caught:
        service.checkers()
    assert "401" in str(caught.value) and "missing API key" in str(caught.value) and API_KEY_ENV in str(caught.value)


def test_a_draft_the_service_refuses_fails_alone() -> None:
    def too_large(handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
        return 413, json.dumps({"error": {"code": "input_too_large", "message": "text is 9 bytes"}}).encode()

    with stand_in(too_large) as (url, _), RemoteService(url) as service, pytest.raises(InputRefused, match="413"):
        service.check("x")


@pytest.mark.parametrize(
    "content", [b"not json", b'{"claims": "no"}', b"[]"], ids=["not json", "not a report", "a list"]
)
def test_answers_that_are_not_reports(content: bytes) -> None:
    with stand_in(lambda h, b: (200, content)) as (url, _), RemoteService(url) as service, pytest.raises(ServiceError):
        service.check("x")


def test_silence_is_a_timeout() -> None:
    release = threading.Event()

    def hang(handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, bytes]:
        release.wait(10)
        return 200, b"{}"

    with stand_in(hang) as (url, _):
        with RemoteService(url, timeout=0.5) as service, pytest.raises(ServiceError, match="did not answer in time"):
            service.check("x")
        release.set()


@pytest.mark.parametrize(
    ("url", "message"),
    [("127.0.0.1:8000", "http:// or https://"), ("http://[::1", "not a valid address"), ("http://", "no host")],
)
def test_not_an_http_address(url: str, message: str) -> None:
    with pytest.raises(ServiceError, match=message):
        RemoteService(url)
