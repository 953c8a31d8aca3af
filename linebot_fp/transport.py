"""Transports: the one place where bytes meet a socket.

A transport is any callable ``transport(http_request) -> Response``:

* it takes an :class:`HttpRequest` (method, absolute URL, headers including
  ``Authorization``, body bytes or ``None``, timeout as seconds or a
  ``(connect, read)`` pair, and ``stream``: whether the caller wants the body
  as a stream rather than bytes);
* it returns a :class:`~linebot_fp.request.Response` (status, headers, body);
* it raises :class:`~linebot_fp.errors.TransportTimeoutError` when no answer
  came in time and :class:`~linebot_fp.errors.TransportError` when none came
  at all. It never raises for an HTTP status: deciding on statuses is the
  client's job.

:class:`Urllib3Transport` is the default; urllib3 is imported when it sends
its first request, never before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linebot_fp.errors import TransportError, TransportTimeoutError
from linebot_fp.request import Headers, Response

if TYPE_CHECKING:
    import urllib3

__all__ = ["AsyncTransport", "HttpRequest", "Timeout", "Transport", "Urllib3Transport",
           "default_transport"]

Timeout = float | tuple[float, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpRequest:
    """A request prepared for the wire: everything a transport needs, nothing more."""

    method: str
    url: str
    headers: Headers
    body: bytes | None
    timeout: Timeout
    stream: bool = False


Transport = Callable[[HttpRequest], Response]
AsyncTransport = Callable[[HttpRequest], Awaitable[Response]]


class Urllib3Transport:
    """Send with one shared urllib3 ``PoolManager`` (keep-alive, connection reuse)."""

    def __init__(self, pool: urllib3.PoolManager | None = None, **pool_options: Any) -> None:
        self._pool = pool
        self._pool_options = pool_options

    def __call__(self, request: HttpRequest) -> Response:
        import urllib3

        if self._pool is None:
            self._pool = urllib3.PoolManager(**self._pool_options)
        connect, read = (request.timeout if isinstance(request.timeout, tuple)
                         else (request.timeout, request.timeout))
        try:
            answer = self._pool.request(
                request.method, request.url, body=request.body, headers=dict(request.headers),
                timeout=urllib3.Timeout(connect=connect, read=read),
                preload_content=not request.stream, retries=False, redirect=False,
            )
        except urllib3.exceptions.TimeoutError as exc:
            raise TransportTimeoutError(f"no answer from {request.url} in time: {exc}") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise TransportError(f"no answer from {request.url}: {exc}") from exc
        headers = Headers(answer.headers.items())
        if request.stream:
            return Response(status=answer.status, headers=headers, body=_Urllib3Stream(answer))
        return Response(status=answer.status, headers=headers, body=answer.data)


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
        except urllib3.exceptions.TimeoutError as exc:
            raise TransportTimeoutError(f"body stalled: {exc}") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise TransportError(f"body broken off: {exc}") from exc

    def close(self) -> None:
        if not self._drained:  # unread bytes on the socket: it cannot go back to the pool
            self._answer.close()
        self._answer.release_conn()


_default: Urllib3Transport | None = None


def default_transport() -> Urllib3Transport:
    """The process-wide urllib3 transport (one pool for every client that does not bring one)."""
    global _default
    if _default is None:
        _default = Urllib3Transport()
    return _default
