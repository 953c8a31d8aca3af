"""Transports: the one place where bytes meet a socket.

A transport is any callable ``transport(http_request) -> Response``:

* it takes an :class:`HttpRequest` (method, absolute URL, headers including
  ``Authorization``, body bytes or ``None``, timeout, ``stream``: whether the
  caller wants the body as a stream rather than bytes, and
  ``max_answer_bytes``: the most body it may read, when not streaming);
* it returns a :class:`~linebot_fp.request.Response` (status, headers, body);
* it never follows redirects: a 3xx is an answer like any other;
* it raises :class:`~linebot_fp.errors.TransportTimeoutError` when no complete
  answer came in time, :class:`~linebot_fp.errors.AnswerTooLargeError` when
  the body is over ``max_answer_bytes``, and
  :class:`~linebot_fp.errors.TransportError` when no answer came at all
  (connection refused, DNS failure, reset, body cut short). It never raises
  for an HTTP status: deciding on statuses is the client's job.

:class:`Urllib3Transport` is the default; urllib3 is imported when it sends
its first request, never before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linebot_fp._deadline import Budget, attempt_budgets, deadline_pool_manager
from linebot_fp.errors import AnswerTooLargeError, TransportError, TransportTimeoutError
from linebot_fp.request import Headers, Response, redact_secrets, shown_body

if TYPE_CHECKING:
    import urllib3

__all__ = ["AsyncTransport", "HttpRequest", "Timeout", "Transport", "Urllib3Transport",
           "attempt_seconds", "default_transport"]

#: seconds for the whole attempt, or ``(connect, read)``: see :func:`attempt_seconds`
Timeout = float | tuple[float, float]

#: how much of the body a transport reads at a time
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpRequest:
    """A request prepared for the wire: everything a transport needs, nothing more.

    ``timeout`` bounds the attempt as a whole, see :func:`attempt_seconds`; with
    ``stream`` the body is handed over unread and each read of it has the
    (read) timeout. ``max_answer_bytes`` is the most body a transport may read
    when not streaming (``None``: no limit; the client reads at most that much
    of a streamed error answer). Its ``repr`` shows ``Authorization`` and the secret
    fields of its URL and form body redacted.
    """

    method: str
    url: str
    headers: Headers
    body: bytes | None
    timeout: Timeout
    stream: bool = False
    max_answer_bytes: int | None = None

    def __repr__(self) -> str:
        return (f"HttpRequest(method={self.method!r}, url={redact_secrets(self.url)!r}, "
                f"headers={self.headers!r}, body={shown_body(self.body)!r}, "
                f"timeout={self.timeout!r}, stream={self.stream!r}, "
                f"max_answer_bytes={self.max_answer_bytes!r})")


Transport = Callable[[HttpRequest], Response]
AsyncTransport = Callable[[HttpRequest], Awaitable[Response]]


def attempt_seconds(timeout: Timeout) -> tuple[float, float, float]:
    """``(connect, read, whole)`` seconds for a ``timeout``.

    A number ``t`` bounds connecting by ``t`` and the whole attempt (connect,
    send, read the full answer) by ``t``; a pair ``(c, r)`` bounds connecting
    by ``c``, each read by ``r`` and the whole attempt by ``c + r``.
    """
    if isinstance(timeout, tuple):
        connect, read = timeout
        return connect, read, connect + read
    return timeout, timeout, timeout


class Urllib3Transport:
    """Send with one shared urllib3 ``PoolManager`` (keep-alive, connection reuse).

    ``pool`` is a ready urllib3 ``PoolManager`` (a ``ProxyManager`` to go through
    a proxy); without one, a pool keeping ``maxsize`` connections per host (enough
    for that many threads sharing one client) is made on the first send, with
    ``pool_options`` passed to ``urllib3.PoolManager``. Only the pool it makes
    itself bounds each attempt as a whole; a given ``pool`` bounds each socket
    read and the body read as a whole. Redirects are never followed. Raises as
    the module docstring says.
    """

    def __init__(self, pool: urllib3.PoolManager | None = None, *, maxsize: int = 10,
                 **pool_options: Any) -> None:
        self._pool = pool
        self._pool_options = {"maxsize": maxsize, **pool_options}
        self._lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> Response:
        import urllib3

        pool = self._pool or self._make_pool()
        connect, read, whole = attempt_seconds(request.timeout)
        budget = Budget(time.monotonic() + whole)
        attempt_budgets.current = budget
        try:
            answer = pool.request(
                request.method, request.url, body=request.body, headers=dict(request.headers),
                timeout=urllib3.Timeout(connect=connect, read=read),
                preload_content=False, retries=False, redirect=False,
            )
        except urllib3.exceptions.HTTPError as exc:
            raise _transport_error(exc, request.url) from exc
        finally:
            attempt_budgets.current = None
        headers = Headers(answer.headers.items())
        if request.stream:
            budget.deadline = None  # content downloads: each read has the read timeout
            return Response(status=answer.status, headers=headers, body=_Urllib3Stream(answer))
        return Response(status=answer.status, headers=headers,
                        body=_read_whole(answer, headers, request, budget))

    def _make_pool(self) -> urllib3.PoolManager:
        with self._lock:
            if self._pool is None:
                self._pool = deadline_pool_manager(self._pool_options)
            return self._pool


def _transport_error(exc: Exception, url: str) -> TransportError:
    """The TransportError for a urllib3 failure: a timeout, or no answer at all."""
    import urllib3

    # NewConnectionError (refused, DNS) subclasses ConnectTimeoutError: test it first
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return TransportError(f"no answer from {url} (no connection): {exc}")
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return TransportTimeoutError(f"no complete answer from {url} in time: {exc}")
    return TransportError(f"no answer from {url}: {exc}")


def _read_whole(answer: urllib3.BaseHTTPResponse, headers: Headers, request: HttpRequest,
                budget: Budget) -> bytes:
    """The whole body, read by chunks, at most ``request.max_answer_bytes``, by the deadline."""
    import urllib3

    limit = request.max_answer_bytes
    chunks: list[bytes] = []
    size = 0
    try:
        declared = headers.get("Content-Length", "")
        if limit is not None and declared.isdigit() and int(declared) > limit:
            raise AnswerTooLargeError(answer.status, headers, limit)
        while chunk := answer.read(CHUNK):
            size += len(chunk)
            if limit is not None and size > limit:
                raise AnswerTooLargeError(answer.status, headers, limit,
                                          b"".join(chunks) + chunk[: limit - size + len(chunk)])
            chunks.append(chunk)
            if budget.deadline is not None and time.monotonic() > budget.deadline:
                raise TransportTimeoutError(f"the answer from {request.url} took longer than "
                                            f"the timeout ({request.timeout} s)")
    except AnswerTooLargeError:
        answer.close()  # unread bytes on the socket: the connection cannot be reused
        raise
    except urllib3.exceptions.HTTPError as exc:
        answer.close()
        raise _transport_error(exc, request.url) from exc
    except TransportError:
        answer.close()
        raise
    answer.release_conn()
    return b"".join(chunks)


class _Urllib3Stream:
    """A urllib3 response body read in pieces; urllib3 errors become TransportErrors."""

    def __init__(self, answer: urllib3.BaseHTTPResponse) -> None:
        self._answer = answer
        self._drained = False

    def read(self, amt: int | None = None, /) -> bytes:
        import urllib3

        try:
            data = self._answer.read(amt)
            self._drained = self._drained or not data or amt is None
            return data
        except urllib3.exceptions.HTTPError as exc:
            raise _transport_error(exc, "the stream") from exc

    def close(self) -> None:
        if not self._drained:  # unread bytes on the socket: it cannot go back to the pool
            self._answer.close()
        self._answer.release_conn()


_default: Urllib3Transport | None = None
_default_lock = threading.Lock()


def default_transport() -> Urllib3Transport:
    """The process-wide urllib3 transport (one pool for every client that does not bring one)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Urllib3Transport()
    return _default
