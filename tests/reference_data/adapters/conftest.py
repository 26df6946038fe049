"""Shared pieces of the adapter tests: fixture paths and a scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
OWN = REPO / "tests" / "fixtures" / "api"
SHARED = REPO.parent / "shared" / "reference-candidates"
RECORDED = SHARED / "api-fixtures"


def recorded(relative: str) -> Path:
    """A recorded response from ../shared; the test is skipped when that folder is absent."""
    path = RECORDED / relative
    if not path.exists():
        pytest.skip(f"recorded response not available: {path}")
    return path


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared reference file not available: {path}")
    return path


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (kept short: the server must stop by itself)
    cut: int | None = None  # send only this many bytes of the body, then close (Content-Length stays full)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Answers each path with its replies in order; the last reply repeats. Records every request."""

    Reply = Reply  # so tests build replies as ``server.Reply(...)`` without importing this module

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                with server._lock:
                    server.seen.append(Seen(self.command, self.path, dict(self.headers), body))
                    queue = server.routes.get(path)
                    reply = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else Reply(404, b"no route")
                if reply.delay:
                    time.sleep(min(reply.delay, 3.0))
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body if reply.cut is None else reply.body[: reply.cut])
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if reply.cut is not None:
                    self.close_connection = True

            do_GET = _answer
            do_POST = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self.routes[path] = list(replies)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer()
    scripted.thread.start()
    try:
        yield scripted
    finally:
        scripted.httpd.shutdown()
        scripted.httpd.server_close()
        scripted.thread.join(timeout=5)


@pytest.fixture
def own() -> Path:
    """The folder of the project's own API fixtures."""
    return OWN


@pytest.fixture(name="recorded")
def recorded_fixture() -> object:
    """``recorded("comtrade/...")``: a recorded response from ../shared, or a skip."""
    return recorded


@pytest.fixture(name="shared")
def shared_fixture() -> object:
    return shared
