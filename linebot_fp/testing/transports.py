"""Transports for tests: the client runs for real, no socket is opened.

A transport is any callable from :class:`~linebot_fp.transport.HttpRequest` to
:class:`~linebot_fp.request.Response` (see :mod:`linebot_fp.transport`). These two
record what they are given and answer from a script:

* :class:`RecordingTransport` answers by rules on method and path, like
  :class:`~linebot_fp.testing.FakeLineApi`, and ``200 {}`` to anything else;
* :class:`ScriptedTransport` answers a queue of responses in order, raising the
  :class:`~linebot_fp.errors.TransportError` values queued among them, so retries
  and timeouts can be played step by step.

::

    transport = RecordingTransport()
    transport.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    client = Client("token", transport=transport)
    assert client.send(get_profile("U1")).display_name == "Ann"
    assert transport.requests[-1].headers["Authorization"] == "Bearer token"

Both are also async transports: pass ``transport.asynchronous`` to ``AsyncClient``.
This module performs no I/O.
"""

from __future__ import annotations

import json as jsonlib
import re
import threading
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from linebot_fp.errors import TransportError
from linebot_fp.request import Headers, Response
from linebot_fp.transport import HttpRequest

__all__ = ["RecordingTransport", "ScriptedTransport", "json_response"]

_JSON = Headers({"Content-Type": "application/json"})


def json_response(value: Any = None, *, status: int = 200,
                  headers: Mapping[str, str] | None = None) -> Response:
    """A response whose body is ``value`` as JSON (``{}`` for ``None``)."""
    body = jsonlib.dumps({} if value is None else value, ensure_ascii=False).encode()
    return Response(status=status, headers=Headers({**_JSON, **(headers or {})}), body=body)


class _Recorder(ABC):
    """What both transports share: the recorded requests and the async face."""

    def __init__(self) -> None:
        self.requests: list[HttpRequest] = []
        self._lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> Response:
        with self._lock:
            self.requests.append(request)
            return self._answer(request)

    async def asynchronous(self, request: HttpRequest) -> Response:
        """The same transport for ``AsyncClient(transport=...)``."""
        return self(request)

    @abstractmethod
    def _answer(self, request: HttpRequest) -> Response:
        """The answer to ``request`` (called under the lock, after recording it)."""

    def json_bodies(self) -> list[Any]:
        """The body of every recorded request parsed as JSON (``None`` for no body)."""
        return [None if r.body is None else jsonlib.loads(r.body) for r in self.requests]


class RecordingTransport(_Recorder):
    """Record every request; answer by the rules given to :meth:`on`, else ``default``."""

    def __init__(self, default: Response | None = None) -> None:
        super().__init__()
        self.default = default or json_response()
        self._rules: list[tuple[str | None, str | re.Pattern[str] | None, Response]] = []

    def on(self, method: str | None, path: str | re.Pattern[str] | None, *, status: int = 200,
           json: Any = None, body: bytes | None = None,
           headers: Mapping[str, str] | None = None) -> None:
        """Answer requests with this ``method`` and URL ``path`` (``None`` matches any).

        Give ``json`` (encoded for you) or raw ``body`` bytes; a regular expression
        ``path`` must match the whole path. The rules are tried in the order given.
        """
        if body is None:
            response = json_response(json, status=status, headers=headers)
        else:
            response = Response(status=status, headers=Headers(headers or {}), body=body)
        with self._lock:
            self._rules.append((method, path, response))

    def _answer(self, request: HttpRequest) -> Response:
        path = urlsplit(request.url).path
        for method, pattern, response in self._rules:
            if method is not None and method != request.method:
                continue
            if (pattern is None or pattern == path
                    or (isinstance(pattern, re.Pattern) and pattern.fullmatch(path))):
                return response
        return self.default


class ScriptedTransport(_Recorder):
    """Record every request; answer with the next outcome of the script, in order.

    An outcome is a :class:`~linebot_fp.request.Response` to return or a
    :class:`~linebot_fp.errors.TransportError` to raise. A request that finds the
    script empty fails the test with an ``AssertionError`` naming it.
    """

    def __init__(self, outcomes: Iterable[Response | TransportError] = ()) -> None:
        super().__init__()
        self._outcomes: deque[Response | TransportError] = deque()
        self.extend(outcomes)

    def extend(self, outcomes: Iterable[Response | TransportError]) -> None:
        """Queue more outcomes after those already queued."""
        queued = list(outcomes)
        for index, outcome in enumerate(queued):
            if not isinstance(outcome, (Response, TransportError)):
                raise TypeError(f"outcomes[{index}] must be a Response or a TransportError, "
                                f"got {type(outcome).__name__}")
        with self._lock:
            self._outcomes.extend(queued)

    @property
    def remaining(self) -> int:
        """How many outcomes are still queued."""
        return len(self._outcomes)

    def _answer(self, request: HttpRequest) -> Response:
        if not self._outcomes:
            raise AssertionError(f"ScriptedTransport has no answer left for "
                                 f"{request.method} {request.url}")
        outcome = self._outcomes.popleft()
        if isinstance(outcome, TransportError):
            raise outcome
        return outcome
