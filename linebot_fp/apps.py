"""Ready webhook apps: :func:`wsgi_app` for WSGI servers, :func:`asgi_app` for ASGI ones.

::

    from linebot_fp.apps import asgi_app, wsgi_app

    application = wsgi_app(SECRET, {(MessageEvent, TextMessage): echo}, client=Client(TOKEN))
    app = asgi_app(SECRET, {(MessageEvent, TextMessage): echo}, client=AsyncClient(TOKEN))

Each serves one path (``/callback`` unless told; ``None`` serves any): another
path gets 404, a method other than POST 405. The body is read raw and bounded:
a ``Content-Length`` over ``max_body_size`` gets 413 before a byte is read, and
a body without one (chunked) gets 413 as soon as it passes the limit. Then
the endpoint of :mod:`linebot_fp.webhook_endpoint` does the rest (signature
first, parse, each event once, dispatch, send, 200), with the same parameters.

Mounted in another app (``Mount("/line", app=asgi_app(...))`` in Starlette or
FastAPI), the path is matched below the mount point. The ASGI app acknowledges
lifespan messages, so uvicorn can also serve it alone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import TYPE_CHECKING, Any, Literal

from linebot_fp.client import Client
from linebot_fp.event_store import EventStore
from linebot_fp.webhook_endpoint import (
    MAX_BODY_SIZE,
    Handler,
    Handlers,
    Secrets,
    StoreOption,
    WebhookAnswer,
    async_webhook_endpoint,
    too_large,
    webhook_endpoint,
)

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

    from linebot_fp.async_client import AsyncClient

__all__ = ["ASGIApp", "Receive", "Scope", "Send", "asgi_app", "wsgi_app"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
#: the ASGI 3 application shape (what uvicorn, Starlette and FastAPI take)
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_CHUNK = 64 * 1024


def wsgi_app(channel_secret: Secrets, handlers: Handlers, *,
             default: Handler | None = None, client: Client | None = None,
             path: str | None = "/callback", max_body_size: int = MAX_BODY_SIZE,
             store: EventStore | Literal["memory"] | None = "memory") -> WSGIApplication:
    """A WSGI application serving LINE's webhook on ``path``.

    ``channel_secret`` (one or several), ``handlers``, ``default``, ``client``
    (a :class:`~linebot_fp.client.Client`), ``max_body_size`` and ``store`` are
    those of :func:`~linebot_fp.webhook_endpoint.webhook_endpoint`; ``path`` is
    the one path served (``None``: any). Handlers run in the server's thread.
    Raises ``ValueError`` for a bad setting.
    """
    _check_path(path)
    endpoint = webhook_endpoint(channel_secret, handlers, default=default, client=client,
                                max_body_size=max_body_size, store=store)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer = _refusal(path, max_body_size, environ.get("REQUEST_METHOD", ""),
                          environ.get("PATH_INFO", ""), environ.get("CONTENT_LENGTH"))
        if answer is None:
            body = _read_wsgi_body(environ, max_body_size)
            answer = body if isinstance(body, WebhookAnswer) else endpoint(
                body, environ.get("HTTP_X_LINE_SIGNATURE"))
        payload = answer.text.encode()
        start_response(_status_line(answer.status), _headers(answer, payload))
        return [payload]

    return application


def asgi_app(channel_secret: Secrets, handlers: Handlers, *,
             default: Handler | None = None, client: AsyncClient | Client | None = None,
             path: str | None = "/callback", max_body_size: int = MAX_BODY_SIZE,
             store: StoreOption = "memory") -> ASGIApp:
    """An ASGI application serving LINE's webhook on ``path`` (below its mount point).

    The parameters are those of
    :func:`~linebot_fp.webhook_endpoint.async_webhook_endpoint` and ``path``:
    coroutine handlers are awaited, plain ones run in worker threads, ``client``
    is an :class:`~linebot_fp.client.AsyncClient` (or a ``Client``, used from a
    worker thread), and the events of different chats are handled concurrently.
    Raises ``ValueError`` for a bad setting.
    """
    _check_path(path)
    endpoint = async_webhook_endpoint(channel_secret, handlers, default=default, client=client,
                                      max_body_size=max_body_size, store=store)

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1")
                   for name, value in scope.get("headers", ())}
        answer = _refusal(path, max_body_size, scope["method"], _path_below_mount(scope),
                          headers.get("content-length"))
        if answer is None:
            body = await _read_asgi_body(receive, max_body_size)
            if body is None:
                return  # the client went away
            answer = body if isinstance(body, WebhookAnswer) else await endpoint(
                body, headers.get("x-line-signature"))
        payload = answer.text.encode()
        await send({"type": "http.response.start", "status": answer.status,
                    "headers": [(name.lower().encode(), value.encode())
                                for name, value in _headers(answer, payload)]})
        await send({"type": "http.response.body", "body": payload})

    return application


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
    if content_length is not None:
        if not content_length.strip().isdigit():
            return WebhookAnswer(400, "bad Content-Length")
        if int(content_length) > limit:
            return too_large(limit)
    return None


def _headers(answer: WebhookAnswer, payload: bytes) -> list[tuple[str, str]]:
    headers = [("Content-Type", "text/plain; charset=utf-8"),
               ("Content-Length", str(len(payload)))]
    return [*headers, ("Allow", "POST")] if answer.status == 405 else headers


def _status_line(status: int) -> str:
    from http import HTTPStatus

    return f"{status} {HTTPStatus(status).phrase}"


def _read_wsgi_body(environ: WSGIEnvironment, limit: int) -> bytes | WebhookAnswer:
    stream = environ["wsgi.input"]
    length = environ.get("CONTENT_LENGTH")
    if length:  # _refusal() checked it: digits, at most the limit
        wanted = int(length)
        chunks: list[bytes] = []
        size = 0
        while size < wanted:
            chunk = stream.read(min(wanted - size, _CHUNK))
            if not chunk:
                return WebhookAnswer(400, "the body is shorter than its Content-Length")
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    if not environ.get("wsgi.input_terminated"):
        return WebhookAnswer(411, "Content-Length is required")
    body = stream.read(limit + 1)
    return too_large(limit) if len(body) > limit else body


def _path_below_mount(scope: Scope) -> str:
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


async def _read_asgi_body(receive: Receive, limit: int) -> bytes | WebhookAnswer | None:
    """The body, the 413 answer once it passes ``limit``, or None when the client left."""
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return too_large(limit)
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _lifespan(receive: Receive, send: Send) -> None:
    """Acknowledge startup and shutdown: the app holds nothing to open or close."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
