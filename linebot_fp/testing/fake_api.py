"""``FakeLineApi``: a real HTTP server on 127.0.0.1 that plays the LINE API.

It records every request it gets and answers with scripted responses
(200 ``{}`` unless told otherwise), so tests exercise real sockets, the real
client and the real transport, with nothing mocked::

    with FakeLineApi() as api:
        api.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
        client = Client("token", endpoints=api.endpoints)
        ...
        assert api.requests[-1].headers["Authorization"] == "Bearer token"
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from linebot_fp.request import Headers

__all__ = ["FakeLineApi", "FakeResponse", "RecordedRequest"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedRequest:
    """One request as the fake API received it."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Headers
    body: bytes

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


@dataclass(frozen=True, slots=True, kw_only=True)
class FakeResponse:
    """A scripted answer. ``delay`` holds it back (seconds) to play a slow server."""

    status: int = 200
    body: bytes = b"{}"
    headers: Mapping[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0


@dataclass(slots=True)
class _Rule:
    method: str | None
    path: str | re.Pattern[str] | None
    response: FakeResponse
    times: int | None

    def matches(self, method: str, path: str) -> bool:
        if self.times == 0 or (self.method is not None and self.method != method):
            return False
        if self.path is None:
            return True
        if isinstance(self.path, re.Pattern):
            return self.path.fullmatch(path) is not None
        return self.path == path


class FakeLineApi:
    """The fake LINE API server; use it as a context manager, or ``start()``/``stop()``.

    ``endpoints`` points every base (``api``, ``data``, ``manager``) at it.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("FakeLineApi listens on loopback addresses only")
        self.requests: list[RecordedRequest] = []
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def endpoints(self) -> dict[str, str]:
        """Every ``Request.base`` pointed at this server, for ``Client(endpoints=...)``."""
        return {"api": self.url, "data": self.url, "manager": self.url}

    def on(self, method: str | None, path: str | re.Pattern[str] | None, *, status: int = 200,
           json: Any = None, body: bytes | None = None, headers: Mapping[str, str] | None = None,
           delay: float = 0.0, times: int | None = None) -> None:
        """Answer requests matching ``method`` and ``path`` (``None`` matches any).

        Give ``json`` (encoded for you) or raw ``body`` bytes. ``times`` limits how
        many requests the rule answers; rules are tried in the order they were added.
        """
        if body is None:
            body = b"" if json is None and status == 204 else _encode(json)
        content_type = {"Content-Type": "application/json"} if body and json is not None else {}
        response = FakeResponse(status=status, body=body,
                                headers={**content_type, **(headers or {})}, delay=delay)
        with self._lock:
            self._rules.append(_Rule(method, path, response, times))

    def reset(self) -> None:
        """Forget recorded requests and scripted rules."""
        with self._lock:
            self.requests.clear()
            self._rules.clear()

    def start(self) -> FakeLineApi:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()  # wakes handlers held back by a delay
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLineApi:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    def _answer(self, recorded: RecordedRequest) -> FakeResponse:
        with self._lock:
            self.requests.append(recorded)
            for rule in self._rules:
                if rule.matches(recorded.method, recorded.path):
                    if rule.times is not None:
                        rule.times -= 1
                    return rule.response
        return FakeResponse()


def _encode(value: Any) -> bytes:
    return json.dumps({} if value is None else value, ensure_ascii=False).encode()


def _handler_for(api: FakeLineApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            recorded = RecordedRequest(
                method=self.command, path=parts.path,
                query=tuple(parse_qsl(parts.query, keep_blank_values=True)),
                headers=Headers(self.headers.items()), body=body,
            )
            response = api._answer(recorded)
            if response.delay and api._closing.wait(response.delay):
                return  # the server is shutting down: leave without answering
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)

        do_GET = do_POST = do_PUT = do_DELETE = _serve  # noqa: N815

        def log_message(self, format: str, *args: Any) -> None:
            """Stay quiet: tests read ``api.requests`` instead of a log."""

    return Handler
