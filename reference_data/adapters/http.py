"""One HTTP client for every source: timeouts, retries with backoff, a time budget, keys, progress.

A request is retried on timeouts, connection failures, truncated bodies, 429 and 5xx answers, with
exponential backoff and jitter, and never past the policy's total time. A ``Retry-After`` header
(seconds or an HTTP date) is honoured: the client waits at least that long, and gives up at once when
the wait would pass the total time. Other 4xx answers fail at once. An API key is read from the
source's environment variable and sent as a header, so it never appears in a recorded query URL.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from .errors import FetchError

#: Called as ``progress(done, total, label)`` after each request; ``total`` may be ``None``.
Progress = Callable[[int, int | None, str], None]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "tradecheck-data (+https://github.com/; reference data refresh)"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # tries per request, the first included
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_delay: float = 60.0  # cap of one wait
    total: float = 900.0  # seconds for one request, all tries and waits included
    connect_timeout: float = 10.0
    read_timeout: float = 60.0


@dataclass(frozen=True)
class Response:
    url: str  # the final URL, without any key
    status: int
    body: bytes
    retrieved: datetime
    content_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header, or ``None`` when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HttpClient:
    """Requests for one source. Use as a context manager, or call :meth:`close`."""

    def __init__(
        self,
        source: str,
        *,
        policy: RetryPolicy | None = None,
        key_env: str | None = None,
        key_header: str | None = None,
        progress: Progress | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.source = source
        self.policy = policy or RetryPolicy()
        self.progress = progress
        self._sleep, self._clock, self._jitter = sleep, clock, jitter
        self.done = 0
        self.total: int | None = None
        headers = {"User-Agent": USER_AGENT}
        key = os.environ.get(key_env, "") if key_env else ""
        self.has_key = bool(key)
        if key and key_header:
            headers[key_header] = key
        self._client = httpx.Client(headers=headers, transport=transport, follow_redirects=True)

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, params: Mapping[str, str] | None = None, label: str = "") -> Response:
        return self.request("GET", url, params=params, label=label)

    def post(self, url: str, json: Any, label: str = "") -> Response:
        return self.request("POST", url, json=json, label=label)

    def _delay(self, tries: int, answer: httpx.Response | None) -> float:
        base = min(self.policy.max_delay, self.policy.backoff * 2 ** (tries - 1))
        delay = base * (0.5 + self._jitter() / 2)  # "equal jitter": between half and all of the backoff
        asked = retry_after(answer.headers.get("Retry-After")) if answer is not None else None
        return max(delay, asked) if asked is not None else delay

    def request(
        self, method: str, url: str, *, params: Mapping[str, str] | None = None, json: Any = None, label: str = ""
    ) -> Response:
        """The response of a 2xx answer; :class:`FetchError` after the last try or when the budget runs out."""
        deadline = self._clock() + self.policy.total
        shown = str(httpx.URL(url, params=params)) if params else url
        problem = "no attempt was made"
        answer: httpx.Response | None = None
        for tries in range(1, self.policy.attempts + 1):
            left = deadline - self._clock()
            if left <= 0:
                break
            timeout = httpx.Timeout(
                min(self.policy.read_timeout, left), connect=min(self.policy.connect_timeout, left)
            )
            answer = None
            try:
                answer = self._client.request(method, url, params=params, json=json, timeout=timeout)
                body = answer.read()
            except httpx.TimeoutException:
                problem = f"timed out (try {tries} of {self.policy.attempts})"
            except httpx.TransportError as exc:  # refused, reset, or a body cut short of its Content-Length
                problem = f"{type(exc).__name__}: {exc} (try {tries} of {self.policy.attempts})"
            else:
                if answer.is_success:
                    self._tick(label or shown)
                    return Response(
                        url=str(answer.url),
                        status=answer.status_code,
                        body=body,
                        retrieved=datetime.now(UTC),
                        content_type=answer.headers.get("Content-Type", ""),
                    )
                snippet = body[:200].decode("utf-8", "replace").replace("\n", " ")
                problem = f"HTTP {answer.status_code}: {snippet}"
                if answer.status_code not in RETRY_STATUSES:
                    raise FetchError(self.source, shown, problem, status=answer.status_code)
            if tries == self.policy.attempts:
                break
            wait = self._delay(tries, answer)
            if self._clock() + wait > deadline:
                raise FetchError(
                    self.source,
                    shown,
                    f"{problem}; the next try would start after {wait:.0f} s, past the limit of {self.policy.total:.0f} s",
                    status=answer.status_code if answer is not None else None,
                )
            self._sleep(wait)
        raise FetchError(
            self.source, shown, f"gave up: {problem}", status=answer.status_code if answer is not None else None
        )

    def _tick(self, label: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, label)
