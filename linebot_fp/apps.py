"""Ready webhook apps: :func:`wsgi_app` for WSGI servers, :func:`asgi_app` for ASGI ones.

::

    from linebot_fp.apps import asgi_app, wsgi_app
    from linebot_fp.inbox import SqliteInbox

    application = wsgi_app(SECRET, {(MessageEvent, TextMessage): echo}, client=Client(TOKEN),
                           inbox=SqliteInbox("inbox.sqlite3"))
    app = asgi_app(SECRET, {(MessageEvent, TextMessage): echo}, client=AsyncClient(TOKEN))

Each serves one path (``/callback`` unless told; ``None`` serves any): another
path gets 404, a method other than POST 405. The body is read raw, bounded and
timed: a ``Content-Length`` that is not ASCII digits gets 400, one over
``max_body_size`` 413 before a byte is read; a body without one (chunked) is
read to its end and gets 413 as soon as it passes the limit; a body that takes
longer than ``body_timeout`` seconds to arrive (a client trickling it) gets 408
and the connection is let go. Then the endpoint of
:mod:`linebot_fp.webhook_endpoint` does the rest with the same parameters:
signature first, parse, record each event in the inbox, answer 200 within
``answer_within`` seconds; the handlers run afterwards, from the inbox, in every
process serving the app (background threads under WSGI, tasks under ASGI).

``app.drain()`` waits until the inbox's due work is done (for tests);
``app.inbox`` and ``app.endpoint`` are the parts. Mounted in another app
(``Mount("/line", app=asgi_app(...))`` in Starlette or FastAPI), the path is
matched below the mount point. The ASGI app starts its workers at lifespan
startup (or on the first webhook when its host forwards no lifespan) and stops
them at shutdown.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from linebot_fp.client import Client
from linebot_fp.inbox.base import Counts, Inbox
from linebot_fp.inbox.handling import Handler
from linebot_fp.inbox.sends import REPLY_WITHIN
from linebot_fp.inbox.workers import POLL_INTERVAL
from linebot_fp.webhook_endpoint import (
    ANSWER_WITHIN,
    MAX_BODY_SIZE,
    AsyncWebhookEndpoint,
    Handlers,
    Secrets,
    WebhookAnswer,
    WebhookEndpoint,
    async_webhook_endpoint,
    too_large,
    webhook_endpoint,
)

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from linebot_fp.async_client import AsyncClient

__all__ = ["BODY_TIMEOUT", "ASGIApp", "AsgiWebhookApp", "Receive", "Scope", "Send",
           "WsgiWebhookApp", "asgi_app", "wsgi_app"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
#: the ASGI 3 application shape (what uvicorn, Starlette and FastAPI take)
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the default bound (seconds) on receiving a whole body: LINE sends its bodies at once
BODY_TIMEOUT = 5.0

_CHUNK = 64 * 1024
E = TypeVar("E", WebhookEndpoint, AsyncWebhookEndpoint)
_TRICKLING = WebhookAnswer(408, "the body did not arrive in time")


class _WebhookApp(Generic[E]):
    """What both apps hold: the endpoint, its inbox, the path and the body's limits."""

    def __init__(self, endpoint: E, path: str | None, max_body_size: int,
                 body_timeout: float) -> None:
        self.endpoint: E = endpoint
        self.inbox: Inbox = endpoint.inbox
        self._path = path
        self._limit = max_body_size
        self._body_timeout = body_timeout

    def drain(self, timeout: float = 10.0) -> Counts:
        """Wait until this process's workers have nothing due left; the inbox's counts
        (for the ASGI app: call it from a thread other than the server's)."""
        return self.endpoint.drain(timeout)


class WsgiWebhookApp(_WebhookApp[WebhookEndpoint]):
    """The WSGI application :func:`wsgi_app` makes (call it as WSGI servers do)."""

    def __call__(self, environ: WSGIEnvironment,
                 start_response: StartResponse) -> Iterable[bytes]:
        answer = _refusal(self._path, self._limit, environ.get("REQUEST_METHOD", ""),
                          environ.get("PATH_INFO", ""), environ.get("CONTENT_LENGTH"))
        if answer is None:
            body = _read_wsgi_body(environ, self._limit, self._body_timeout)
            answer = body if isinstance(body, WebhookAnswer) else self.endpoint(
                body, environ.get("HTTP_X_LINE_SIGNATURE"))
        payload = answer.text.encode()
        start_response(_status_line(answer.status), _headers(answer, payload))
        return [payload]

    def stop(self) -> None:
        """Stop this process's workers."""
        self.endpoint.stop()


class AsgiWebhookApp(_WebhookApp[AsyncWebhookEndpoint]):
    """The ASGI application :func:`asgi_app` makes (an :data:`ASGIApp`)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1")
                   for name, value in scope.get("headers", ())}
        answer = _refusal(self._path, self._limit, scope["method"], _path_below_mount(scope),
                          headers.get("content-length"))
        if answer is None:
            body = await _read_asgi_body(receive, self._limit, self._body_timeout)
            if body is None:
                return  # the client went away
            answer = body if isinstance(body, WebhookAnswer) else await self.endpoint(
                body, headers.get("x-line-signature"))
        payload = answer.text.encode()
        await send({"type": "http.response.start", "status": answer.status,
                    "headers": [(name.lower().encode(), value.encode())
                                for name, value in _headers(answer, payload)]})
        await send({"type": "http.response.body", "body": payload})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """Start the workers at startup, stop them at shutdown."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.endpoint.start()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.endpoint.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return


def wsgi_app(channel_secret: Secrets, handlers: Handlers, *,
             default: Handler | None = None, client: Client | None = None,
             path: str | None = "/callback", max_body_size: int = MAX_BODY_SIZE,
             inbox: Inbox | None = None, answer_within: float = ANSWER_WITHIN,
             body_timeout: float = BODY_TIMEOUT, concurrency: int = 4,
             reply_within: float = REPLY_WITHIN,
             poll_interval: float = POLL_INTERVAL) -> WsgiWebhookApp:
    """A WSGI application serving LINE's webhook on ``path``.

    ``channel_secret`` (one or several), ``handlers``, ``default``, ``client``
    (a :class:`~linebot_fp.client.Client`), ``max_body_size``, ``inbox``,
    ``answer_within``, ``concurrency``, ``reply_within`` and ``poll_interval``
    are those of :func:`~linebot_fp.webhook_endpoint.webhook_endpoint`; ``path``
    is the one path served (``None``: any); ``body_timeout`` bounds the reading of
    a body (seconds; a stalled read is cut off where the server exposes its socket,
    as gunicorn does). Handlers run in background threads of each process serving
    the app (gunicorn's sync workers included). Raises ``ValueError`` for a bad
    setting.
    """
    _check_path(path)
    _check_timeout(body_timeout)
    endpoint = webhook_endpoint(channel_secret, handlers, default=default, client=client,
                                max_body_size=max_body_size, inbox=inbox,
                                answer_within=answer_within, concurrency=concurrency,
                                reply_within=reply_within, poll_interval=poll_interval)
    return WsgiWebhookApp(endpoint, path, max_body_size, body_timeout)


def asgi_app(channel_secret: Secrets, handlers: Handlers, *,
             default: Handler | None = None, client: AsyncClient | Client | None = None,
             path: str | None = "/callback", max_body_size: int = MAX_BODY_SIZE,
             inbox: Inbox | None = None, answer_within: float = ANSWER_WITHIN,
             body_timeout: float = BODY_TIMEOUT, concurrency: int = 4,
             reply_within: float = REPLY_WITHIN,
             poll_interval: float = POLL_INTERVAL) -> AsgiWebhookApp:
    """An ASGI application serving LINE's webhook on ``path`` (below its mount point).

    The parameters are those of :func:`wsgi_app` and
    :func:`~linebot_fp.webhook_endpoint.async_webhook_endpoint`: coroutine
    handlers are awaited, plain ones run in the app's own threads, ``client`` is
    an :class:`~linebot_fp.client.AsyncClient` (or a ``Client``, used from those
    threads), the inbox is called from threads of its own, and the events of
    different chats are handled concurrently. Raises ``ValueError`` for a bad
    setting.
    """
    _check_path(path)
    _check_timeout(body_timeout)
    endpoint = async_webhook_endpoint(channel_secret, handlers, default=default, client=client,
                                      max_body_size=max_body_size, inbox=inbox,
                                      answer_within=answer_within, concurrency=concurrency,
                                      reply_within=reply_within, poll_interval=poll_interval)
    return AsgiWebhookApp(endpoint, path, max_body_size, body_timeout)


def _check_timeout(body_timeout: float) -> None:
    if isinstance(body_timeout, bool) or not isinstance(body_timeout, (int, float)) \
            or not 0 < body_timeout < 3600:
        raise ValueError(f"body_timeout must be a positive number of seconds, "
                         f"got {body_timeout!r}")


def _check_path(path: str | None) -> None:
    if path is not None and not (isinstance(path, str) and path.startswith("/")):
        raise ValueError(f"path must start with '/' (or be None for any path), got {path!r}")


def _refusal(served: str | None, limit: int, method: str, path: str,
             content_length: str | None) -> WebhookAnswer | None:
    """The answer to a request that is not for the webhook or is too large; else None."""
    if served is not None and path != served:
        return WebhookAnswer(404, "not found")
    if method != "POST":
        return WebhookAnswer(405, "only POST is served here")
    length = _content_length(content_length)
    if isinstance(length, WebhookAnswer):
        return length
    if length is not None and length > limit:
        return too_large(limit)
    return None


def _content_length(value: str | None) -> int | WebhookAnswer | None:
    """``Content-Length`` read by the HTTP rules (RFC 9110: ``1*DIGIT``, ASCII digits only);
    ``None`` when absent or empty, the 400 answer when malformed."""
    if value is None or not value.strip(" \t"):
        return None
    digits = value.strip(" \t")
    if not (digits.isascii() and digits.isdigit()):
        return WebhookAnswer(400, "bad Content-Length")
    return int(digits)


def _headers(answer: WebhookAnswer, payload: bytes) -> list[tuple[str, str]]:
    headers = [("Content-Type", "text/plain; charset=utf-8"),
               ("Content-Length", str(len(payload)))]
    return [*headers, ("Allow", "POST")] if answer.status == 405 else headers


def _status_line(status: int) -> str:
    from http import HTTPStatus

    return f"{status} {HTTPStatus(status).phrase}"


def _read_wsgi_body(environ: WSGIEnvironment, limit: int,
                    timeout: float) -> bytes | WebhookAnswer:
    """The body, or the answer saying what is wrong with it (411, 413, 400, 408)."""
    stream = environ["wsgi.input"]
    deadline = time.monotonic() + timeout
    wanted = _content_length(environ.get("CONTENT_LENGTH"))
    if isinstance(wanted, WebhookAnswer):  # _refusal() answered it already
        return wanted
    if wanted is None and not environ.get("wsgi.input_terminated"):
        return WebhookAnswer(411, "Content-Length is required")
    cutoff = _cut_off_at_deadline(environ.get("gunicorn.socket"), timeout)
    chunks: list[bytes] = []
    size = 0
    try:
        while wanted is None or size < wanted:
            chunk = stream.read(_CHUNK if wanted is None else min(wanted - size, _CHUNK))
            if not chunk:
                if wanted is None:
                    break  # a chunked body read to its end
                return WebhookAnswer(400, "the body is shorter than its Content-Length")
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                return too_large(limit)
            if time.monotonic() > deadline:
                return _TRICKLING
    except (TimeoutError, OSError):
        return _TRICKLING
    finally:
        if cutoff is not None:
            cutoff.cancel()
    if cutoff is not None and cutoff.fired.is_set():
        return _TRICKLING  # the read ended because the deadline shut it down
    return b"".join(chunks)


class _Cutoff:
    """Shuts the reading side of a socket down at a deadline, so a blocked read returns."""

    def __init__(self, connection: Any, timeout: float) -> None:
        import threading

        self.fired = threading.Event()
        self._connection = connection
        self._timer = threading.Timer(timeout, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        import socket

        self.fired.set()
        with contextlib.suppress(OSError):
            self._connection.shutdown(socket.SHUT_RD)  # the answer can still be written

    def cancel(self) -> None:
        self._timer.cancel()


def _cut_off_at_deadline(connection: Any, timeout: float) -> _Cutoff | None:
    """A :class:`_Cutoff` for the server's socket where the server exposes it (gunicorn's
    ``gunicorn.socket``); elsewhere the deadline is checked between reads only."""
    return None if connection is None or not hasattr(connection, "shutdown") else _Cutoff(
        connection, timeout)


def _path_below_mount(scope: Scope) -> str:
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


async def _read_asgi_body(receive: Receive, limit: int,
                          timeout: float) -> bytes | WebhookAnswer | None:
    """The body, the 413 answer once it passes ``limit``, the 408 answer when it has not
    arrived within ``timeout`` seconds, or None when the client left."""
    import asyncio

    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        try:
            message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0))
        except asyncio.TimeoutError:
            return _TRICKLING
        if message["type"] == "http.disconnect":
            return None
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return too_large(limit)
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)
