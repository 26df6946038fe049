"""``--server URL``: the same check, done by a running tradecheck service over HTTP.

The drafts are read and rendered here; the service finds and judges the claims, so its
reference data and checkers are the ones that count. The API key, when the service wants
one, comes from ``TRADECHECK_API_KEY`` and goes as ``Authorization: Bearer ...``. A service
that cannot be reached, does not answer in time or answers with an error stops the run with
one line naming the address and what went wrong.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any, Self

import httpx
from pydantic import ValidationError

from checkers import InputError, TradecheckError

from . import __version__
from .renderers import CheckerInfo
from .report import Report

API_KEY_ENV = "TRADECHECK_API_KEY"
DEFAULT_TIMEOUT = 60.0
CONNECT_TIMEOUT = 10.0


class ServiceError(TradecheckError):
    """The service could not be reached, or did not answer as a tradecheck service does."""


class InputRefused(ServiceError, InputError):
    """The service refused one draft (too large, invalid): that draft fails, the run goes on."""


class RemoteService:
    """A tradecheck service at ``url``, with the same ``check`` as :class:`~service.pipeline.Pipeline`."""

    def __init__(self, url: str, api_key: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not url.startswith(("http://", "https://")):
            raise ServiceError(f"--server must be an http:// or https:// address, not {url!r}")
        try:
            host = httpx.URL(url).host
        except (httpx.InvalidURL, ValueError) as exc:
            raise ServiceError(f"--server {url!r} is not a valid address: {exc}") from None
        if not host:
            raise ServiceError(f"--server {url!r} names no host")
        self.url = url.rstrip("/")
        headers = {"User-Agent": f"tradecheck/{__version__}", "Accept": "application/json"}
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._client = httpx.Client(
            base_url=self.url, headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT))
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def checkers(self) -> dict[str, CheckerInfo]:
        """The service's checkers (``GET /v1/checkers``); also proves it is there before any draft is read."""
        body = self._request("GET", "/v1/checkers")
        if not isinstance(body, list):
            raise ServiceError(f"{self.url}/v1/checkers did not answer with a list of checkers")
        found = {}
        for item in body:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                name = item["name"]
                found[name] = CheckerInfo(name, str(item.get("version", "")), str(item.get("description", "")))
        return found

    def check(
        self, text: str, language: str = "auto", published: date | None = None, text_format: str = "text"
    ) -> Report:
        payload = {
            "text": text,
            "language": language,
            "published": published.isoformat() if published else None,
            "format": text_format,
        }
        body = self._request("POST", "/v1/check", json=payload)
        try:
            return Report.model_validate(body)
        except ValidationError as exc:
            raise ServiceError(f"{self.url}/v1/check answered with something that is not a report: {exc}") from None

    def _request(self, method: str, path: str, *, json: Any = None) -> Any:
        where = f"{self.url}{path}"
        try:
            response = self._client.request(method, path, json=json)
        except httpx.TimeoutException:
            raise ServiceError(f"the tradecheck service at {self.url} did not answer in time") from None
        except httpx.TransportError as exc:
            raise ServiceError(
                f"cannot reach the tradecheck service at {self.url}: {exc or type(exc).__name__}"
            ) from None
        if response.status_code in (413, 422) and method == "POST":
            raise InputRefused(_refusal(where, response))
        if response.status_code != 200:
            raise ServiceError(_refusal(where, response))
        try:
            return response.json()
        except ValueError:
            raise ServiceError(f"{where} did not answer with JSON; is this a tradecheck service?") from None


def _refusal(where: str, response: httpx.Response) -> str:
    message = ""
    try:
        error = response.json().get("error", {})
        message = error.get("message", "") if isinstance(error, dict) else ""
    except (ValueError, AttributeError):
        pass
    status = f"{response.status_code} {response.reason_phrase}".strip()
    text = f"{where} answered {status}" + (f": {message}" if message else "")
    if response.status_code in (401, 403):
        text += f" (set {API_KEY_ENV} to an API key the service accepts)"
    return text
