"""Fault tests of the HTTP client against a server the test starts on 127.0.0.1 (never the real APIs)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from reference_data.adapters import FetchError, HttpClient, Provenance, ResponseError, RetryPolicy, comtrade
from reference_data.adapters.http import retry_after

FAST = RetryPolicy(attempts=4, backoff=0.01, max_delay=0.05, total=10.0, connect_timeout=1.0, read_timeout=0.3)


class Waits:
    """Records the waits the client asks for instead of sleeping them."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def client(waits: Waits | None = None, policy: RetryPolicy = FAST, **kwargs: Any) -> HttpClient:
    return HttpClient("test", policy=policy, sleep=waits if waits is not None else Waits(), **kwargs)


def test_success_returns_body_url_and_time(server: Any, own: Path) -> None:
    body = (own / "comtrade_v1_empty.json").read_bytes()
    server.route("/data", server.Reply(200, body))
    before = datetime.now(UTC)
    with client() as http:
        answer = http.get(server.url + "/data", params={"period": "2019"})
    assert answer.body == body and answer.status == 200
    assert answer.url.endswith("/data?period=2019") and answer.retrieved >= before
    assert answer.sha256 and len(server.seen) == 1


def test_500s_are_retried_with_growing_waits_then_succeed(server: Any) -> None:
    server.route("/d", server.Reply(500, b"oops"), server.Reply(502), server.Reply(503), server.Reply(200, b"{}"))
    waits = Waits()
    with client(waits, jitter=lambda: 1.0) as http:
        assert http.get(server.url + "/d").body == b"{}"
    assert len(server.seen) == 4
    assert waits.asked == [0.01, 0.02, 0.04]  # backoff doubling, full jitter factor 1.0


def test_jitter_keeps_each_wait_between_half_and_all_of_the_backoff(server: Any) -> None:
    server.route("/d", server.Reply(503), server.Reply(200, b"ok"))
    waits = Waits()
    with client(waits, jitter=lambda: 0.0) as http:
        http.get(server.url + "/d")
    assert waits.asked == [0.005]


def test_429_retry_after_seconds_is_honoured(server: Any) -> None:
    server.route("/d", server.Reply(429, b"slow down", {"Retry-After": "2"}), server.Reply(200, b"ok"))
    waits = Waits()
    with client(waits) as http:
        assert http.get(server.url + "/d").body == b"ok"
    assert waits.asked == [2.0]  # the server's wait, not the 0.01 s backoff


def test_429_retry_after_as_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert retry_after("soon", now) is None and retry_after(None) is None


def test_retry_after_past_the_time_budget_fails_at_once(server: Any) -> None:
    server.route("/d", server.Reply(429, b"", {"Retry-After": "3600"}))
    waits = Waits()
    with client(waits) as http, pytest.raises(FetchError, match="past the limit") as caught:
        http.get(server.url + "/d")
    assert waits.asked == [] and len(server.seen) == 1 and caught.value.status == 429


def test_client_errors_are_not_retried(server: Any) -> None:
    server.route("/d", server.Reply(404, b"no such table"))
    with client() as http, pytest.raises(FetchError, match="HTTP 404: no such table") as caught:
        http.get(server.url + "/d")
    assert len(server.seen) == 1 and caught.value.status == 404


def test_persistent_500_gives_up_after_the_last_try(server: Any) -> None:
    server.route("/d", server.Reply(500, b"down"))
    with client() as http, pytest.raises(FetchError, match="gave up: HTTP 500"):
        http.get(server.url + "/d")
    assert len(server.seen) == FAST.attempts


def test_timeouts_are_retried_then_reported(server: Any) -> None:
    server.route("/d", server.Reply(200, b"late", delay=1.0))
    started = time.monotonic()
    with client() as http, pytest.raises(FetchError, match="timed out"):
        http.get(server.url + "/d")
    assert len(server.seen) == FAST.attempts
    assert time.monotonic() - started < FAST.attempts * 1.0  # each try stopped at the read timeout


def test_a_slow_first_answer_then_a_quick_one(server: Any) -> None:
    server.route("/d", server.Reply(200, b"late", delay=1.0), server.Reply(200, b"quick"))
    with client() as http:
        assert http.get(server.url + "/d").body == b"quick"


def test_total_time_bounds_every_try(server: Any) -> None:
    server.route("/d", server.Reply(200, b"late", delay=1.0))
    policy = RetryPolicy(attempts=50, backoff=0.01, max_delay=0.01, total=0.8, read_timeout=0.3)
    started = time.monotonic()
    with HttpClient("test", policy=policy) as http, pytest.raises(FetchError):
        http.get(server.url + "/d")
    assert time.monotonic() - started < 2.0 and len(server.seen) < 10


def test_truncated_body_is_retried(server: Any) -> None:
    body = b'{"elapsedTime":"0.1 secs","count":0,"data":[],"error":""}'
    server.route("/d", server.Reply(200, body, cut=10), server.Reply(200, body))
    with client() as http:
        assert http.get(server.url + "/d").body == body
    assert len(server.seen) == 2


def test_always_truncated_body_fails(server: Any) -> None:
    server.route("/d", server.Reply(200, b"x" * 1000, cut=100))
    with client() as http, pytest.raises(FetchError, match="gave up"):
        http.get(server.url + "/d")


def test_malformed_body_reaches_the_adapter_as_a_response_error(server: Any) -> None:
    server.route("/d", server.Reply(200, b'{"count": 2, "data": [{"typeCode": "C"}, {'))
    with client() as http:
        answer = http.get(server.url + "/d")
    provenance = Provenance("comtrade", comtrade.TITLE, answer.url, answer.retrieved, comtrade.LICENCE)
    with pytest.raises(ResponseError, match="not valid JSON"):
        comtrade.parse(answer.body, provenance)


def test_connection_refused_is_a_fetch_error() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with client() as http, pytest.raises(FetchError, match="ConnectError"):
        http.get(f"http://127.0.0.1:{port}/d")


def test_api_key_goes_in_a_header_never_in_the_url(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_SOURCE_KEY", "s3cret")
    server.route("/d", server.Reply(200, b"{}"))
    with client(key_env="TEST_SOURCE_KEY", key_header="Ocp-Apim-Subscription-Key") as http:
        answer = http.get(server.url + "/d", params={"a": "1"})
        assert http.has_key
    assert server.seen[0].headers.get("Ocp-Apim-Subscription-Key") == "s3cret"
    assert "s3cret" not in answer.url and "s3cret" not in server.seen[0].path


def test_no_key_in_the_environment_sends_none(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEST_SOURCE_KEY", raising=False)
    server.route("/d", server.Reply(200, b"{}"))
    with client(key_env="TEST_SOURCE_KEY", key_header="Ocp-Apim-Subscription-Key") as http:
        http.get(server.url + "/d")
        assert not http.has_key
    assert "Ocp-Apim-Subscription-Key" not in server.seen[0].headers


def test_progress_is_reported_per_request(server: Any) -> None:
    server.route("/a", server.Reply(200, b"1"))
    server.route("/b", server.Reply(500), server.Reply(200, b"2"))
    calls: list[tuple[int, int | None, str]] = []
    with client(progress=lambda d, t, label: calls.append((d, t, label))) as http:
        http.total = 2
        http.get(server.url + "/a", label="first")
        http.post(server.url + "/b", json={"q": 1}, label="second")
    assert calls == [(1, 2, "first"), (2, 2, "second")]  # a retried request counts once
    assert server.seen[-1].method == "POST" and server.seen[-1].body == b'{"q":1}'
