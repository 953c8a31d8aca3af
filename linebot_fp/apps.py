"""Ready webhook endpoints: :func:`wsgi_app` for WSGI servers, :func:`asgi_app` for ASGI ones.

Both do, for each request LINE posts::

    POST on `path` only ......... another path: 404, another method: 405
    raw body, size-limited ...... over `max_body_size`: 413 (from Content-Length before
                                  reading, and while reading)
    X-Line-Signature checked .... against each secret, before anything is decoded: 400
    parsed ...................... not a webhook payload: 400
    each event handled once ..... skipped when the store says its webhook_event_id was handled
    dispatched .................. as linebot_fp.webhook.dispatch: (event, message) class pair,
                                  then event class, then `default`
    sent ........................ what the handler returned: a Request, a list of Requests, None
    200 "OK" .................... whatever the handlers did; a failing handler or send is
                                  logged on the "linebot_fp" logger and costs no other event

::

    from linebot_fp.apps import wsgi_app
    application = wsgi_app(SECRET, {(MessageEvent, TextMessage): echo}, client=Client(TOKEN))

In an ASGI app, async handlers are awaited and sync ones run in a worker thread,
so neither blocks the event loop; the events of different chats are handled
concurrently, those of one chat in order, and the requests of one handler are
sent in the order given. Handled events are recorded through a store (see
:mod:`linebot_fp.event_store`): in memory unless told otherwise.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Literal, cast

from linebot_fp.client import AsyncClient, Client
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.event_store import AsyncEventStore, EventStore, MemoryEventStore
from linebot_fp.models.events import Event
from linebot_fp.request import Request
from linebot_fp.signature import verify_signature
from linebot_fp.webhook import dispatch, parse_unverified

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

__all__ = ["ASGIApp", "Handler", "Receive", "Scope", "Send", "asgi_app", "wsgi_app"]

log = logging.getLogger("linebot_fp")

#: a handler takes the event and returns a Request, a sequence of Requests or None
#: (or, in an ASGI app, an awaitable of one of those)
Handler = Callable[[Any], Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
#: the ASGI 3 application shape (what Starlette, FastAPI and uvicorn take)
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the default limit on a webhook body: far above what LINE sends, far below harm
MAX_BODY_SIZE = 1024 * 1024


def wsgi_app(channel_secret: str | bytes | Sequence[str | bytes],
             handlers: Mapping[Any, Handler], *, default: Handler | None = None,
             client: Client | None = None, path: str | None = "/callback",
             max_body_size: int = MAX_BODY_SIZE,
             store: EventStore | Literal["memory"] | None = "memory") -> WSGIApplication:
    """A WSGI application serving LINE's webhook.

    ``channel_secret`` is the channel secret, or several (a body signed with any
    of them is accepted: rotate without downtime). ``handlers`` maps an event
    class, or an ``(event class, message class)`` pair, to a function of the
    event; ``default`` handles events no key matches. ``client`` sends the
    ``Request`` values handlers return. ``path`` is the one path served
    (``None``: any). ``max_body_size`` bounds the body in bytes. ``store``
    records the handled events (``"memory"``: a :class:`MemoryEventStore` of
    this app; ``None``: handle every delivery).

    Raises ``ValueError`` for an empty or malformed secret, handler table,
    client or limit.
    """
    if client is not None and not isinstance(client, Client):
        raise ValueError(f"wsgi_app sends with a Client, got {type(client).__name__} "
                         f"(use asgi_app for an AsyncClient)")
    either_store = _store(store)
    if either_store is not None and inspect.iscoroutinefunction(either_store.claim):
        raise ValueError("wsgi_app needs an EventStore with plain methods (an AsyncEventStore "
                         "works with asgi_app)")
    events_store = cast("EventStore | None", either_store)
    webhook = _Webhook.make(channel_secret, handlers, default, path, max_body_size)

    def handle(event: Event) -> None:
        event_id = _claim_sync(events_store, event)
        if event_id is False:
            return
        handled = False
        try:
            handled = _send_all(client, webhook.run(event), event)
        except Exception:
            log.exception("webhook handler failed on %s", _describe(event))
        _settle_sync(events_store, event_id, handled)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        refusal = webhook.refusal(environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", ""),
                                  environ.get("CONTENT_LENGTH"))
        if refusal is None:
            body = _read_wsgi_body(environ, webhook.max_body_size)
            outcome = body if isinstance(body, _Answer) else webhook.events(
                body, environ.get("HTTP_X_LINE_SIGNATURE"))
            if isinstance(outcome, _Answer):
                refusal = outcome
            else:
                for event in outcome:
                    handle(event)
        answer = refusal or _OK
        start_response(answer.status_line, [("Content-Type", "text/plain; charset=utf-8"),
                                            ("Content-Length", str(len(answer.body)))])
        return [answer.body]

    return application


def asgi_app(channel_secret: str | bytes | Sequence[str | bytes],
             handlers: Mapping[Any, Handler], *, default: Handler | None = None,
             client: AsyncClient | Client | None = None, path: str | None = "/callback",
             max_body_size: int = MAX_BODY_SIZE,
             store: EventStore | AsyncEventStore | Literal["memory"] | None = "memory",
             ) -> ASGIApp:
    """An ASGI application serving LINE's webhook (mount it, or serve it alone).

    The parameters are those of :func:`wsgi_app`, except: handlers may be
    coroutine functions (awaited) or plain functions (run in a worker thread);
    ``client`` is an :class:`~linebot_fp.client.AsyncClient` (a ``Client``
    sends from a worker thread); ``store`` may be an
    :class:`~linebot_fp.event_store.AsyncEventStore` (a sync one other than the
    in-memory default is called from a worker thread). ``path`` is matched
    below the mount point (``scope["root_path"]``). Lifespan messages are
    acknowledged, so the app can be served on its own.

    Raises ``ValueError`` as :func:`wsgi_app` does.
    """
    import asyncio

    if client is not None and not isinstance(client, (AsyncClient, Client)):
        raise ValueError(f"client must be an AsyncClient or a Client, got {type(client).__name__}")
    events_store = _store(store)
    webhook = _Webhook.make(channel_secret, handlers, default, path, max_body_size)

    async def ask(method: Callable[[str], Any], event_id: str) -> Any:
        if inspect.iscoroutinefunction(method):
            return await method(event_id)
        if isinstance(events_store, MemoryEventStore):
            return method(event_id)  # a dict lookup under a lock: no need for a thread
        return await asyncio.to_thread(method, event_id)

    async def send_one(request: Request[Any]) -> None:
        if isinstance(client, AsyncClient):
            await client.send(request)
        elif client is not None:
            await asyncio.to_thread(client.send, request)

    async def run(event: Event) -> list[Request[Any]]:
        handler = webhook.handler(event)
        if handler is None:
            return []
        if inspect.iscoroutinefunction(handler):
            result = await handler(event)
        else:
            result = await asyncio.to_thread(handler, event)
            if inspect.isawaitable(result):
                result = await result
        return _requests_of(result, handler)

    async def handle(event: Event) -> None:
        event_id: str | None = None
        if events_store is not None and event.webhook_event_id:
            try:
                if not await ask(events_store.claim, event.webhook_event_id):
                    log.info("skipped %s: already handled", _describe(event))
                    return
                event_id = event.webhook_event_id
            except Exception:
                log.exception("event store failed to claim %s; handling it anyway",
                              _describe(event))
        handled = False
        try:
            requests = await run(event)
            handled = True
            if requests and client is None:
                raise ValueError(_NO_CLIENT)
            for request in requests:
                try:
                    await send_one(request)
                except Exception:
                    handled = False
                    log.exception("sending %s for %s failed", request.operation,
                                  _describe(event))
        except Exception:
            handled = False
            log.exception("webhook handler failed on %s", _describe(event))
        if event_id is not None and events_store is not None:
            try:
                await ask(events_store.done if handled else events_store.release, event_id)
            except Exception:
                log.exception("event store failed to record %s", _describe(event))

    async def handle_chat(events: list[Event]) -> None:
        for event in events:
            await handle(event)

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1")
                   for name, value in scope.get("headers", ())}
        refusal = webhook.refusal(scope["method"], _path_below_mount(scope),
                                  headers.get("content-length"))
        if refusal is None:
            body = await _read_asgi_body(receive, webhook.max_body_size)
            if body is None:
                return  # the client went away
            outcome = body if isinstance(body, _Answer) else webhook.events(
                body, headers.get("x-line-signature"))
            if isinstance(outcome, _Answer):
                refusal = outcome
            else:
                await asyncio.gather(*(handle_chat(chat) for chat in _by_chat(outcome)))
        answer = refusal or _OK
        await send({"type": "http.response.start", "status": answer.status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(answer.body)).encode())]})
        await send({"type": "http.response.body", "body": answer.body})

    return application


# -- what both apps share -------------------------------------------------------------------------

_NO_CLIENT = "the handler returned requests to send, but the app was given no client"


@dataclass(frozen=True, slots=True)
class _Answer:
    """A plain-text HTTP answer."""

    status: int
    text: str

    @property
    def status_line(self) -> str:
        return f"{self.status} {HTTPStatus(self.status).phrase}"

    @property
    def body(self) -> bytes:
        return self.text.encode()


_OK = _Answer(200, "OK")


@dataclass(frozen=True, slots=True)
class _Webhook:
    """The checked settings of an app and the steps that do not depend on the server."""

    secrets: tuple[bytes, ...]
    path: str | None
    max_body_size: int
    handlers: Mapping[Any, Callable[[Event], Handler]]
    default: Callable[[Event], Handler] | None

    @classmethod
    def make(cls, channel_secret: str | bytes | Sequence[str | bytes],
             handlers: Mapping[Any, Handler], default: Handler | None, path: str | None,
             max_body_size: int) -> _Webhook:
        if not isinstance(handlers, Mapping):
            raise ValueError(f"handlers must be a mapping of event classes to functions, "
                             f"got {type(handlers).__name__}")
        for key, handler in handlers.items():
            _check_key(key)
            if not callable(handler):
                raise ValueError(f"the handler for {key!r} is not callable")
        if default is not None and not callable(default):
            raise ValueError("default must be callable or None")
        if path is not None and not (isinstance(path, str) and path.startswith("/")):
            raise ValueError(f"path must start with '/' (or be None for any path), got {path!r}")
        if isinstance(max_body_size, bool) or not isinstance(max_body_size, int) or (
                max_body_size < 1):
            raise ValueError(f"max_body_size must be a positive int, got {max_body_size!r}")
        # dispatch() picks the handler itself, so routing is exactly its routing
        return cls(secrets=_secrets(channel_secret), path=path, max_body_size=max_body_size,
                   handlers={key: _returning(h) for key, h in handlers.items()},
                   default=None if default is None else _returning(default))

    def refusal(self, method: str, path: str, content_length: str | None) -> _Answer | None:
        """The answer for a request that is not for the webhook, or too large to read."""
        if self.path is not None and path != self.path:
            return _Answer(404, "not found")
        if method != "POST":
            return _Answer(405, "only POST is served here")
        if content_length is not None:
            if not content_length.strip().isdigit():
                return _Answer(400, "bad Content-Length")
            if int(content_length) > self.max_body_size:
                return _too_large(self.max_body_size)
        return None

    def events(self, body: bytes, signature: str | None) -> list[Event] | _Answer:
        """The events of a signed body, or the 400 answer saying what is wrong."""
        if not signature:
            log.warning("refused a webhook without X-Line-Signature")
            return _Answer(400, "X-Line-Signature is missing")
        if not any(verify_signature(body, signature, secret) for secret in self.secrets):
            log.warning("refused a webhook whose X-Line-Signature does not match")
            return _Answer(400, "X-Line-Signature does not match the body")
        try:
            return parse_unverified(body)
        except InvalidPayloadError as error:
            log.warning("refused a signed webhook body: %s", error)
            return _Answer(400, str(error))

    def handler(self, event: Event) -> Handler | None:
        """The handler of ``event``, chosen as :func:`~linebot_fp.webhook.dispatch` does."""
        chosen = dispatch(self.handlers, (event,), self.default)
        return chosen[0] if chosen else None

    def run(self, event: Event) -> list[Request[Any]]:
        """Call the handler of ``event`` (blocking); the requests it returned."""
        handler = self.handler(event)
        return [] if handler is None else _requests_of(handler(event), handler)


def _returning(handler: Handler) -> Callable[[Event], Handler]:
    return lambda _event: handler


def _check_key(key: object) -> None:
    is_event_class = isinstance(key, type) and issubclass(key, Event)
    is_pair = (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], type)
               and issubclass(key[0], Event) and isinstance(key[1], type))
    if not (is_event_class or is_pair):
        raise ValueError(f"a handlers key is an event class or an (event class, message class) "
                         f"pair, got {key!r}")


def _secrets(channel_secret: str | bytes | Sequence[str | bytes]) -> tuple[bytes, ...]:
    given = ((channel_secret,) if isinstance(channel_secret, (str, bytes))
             else tuple(channel_secret) if isinstance(channel_secret, Sequence) else None)
    if not given:
        raise ValueError("channel_secret must be a non-empty str or bytes, or a non-empty "
                         "sequence of them")
    secrets = []
    for index, secret in enumerate(given):
        if not isinstance(secret, (str, bytes)) or not secret:
            raise ValueError(f"channel_secret[{index}] must be a non-empty str or bytes, "
                             f"got {type(secret).__name__}")
        secrets.append(secret.encode() if isinstance(secret, str) else secret)
    return tuple(secrets)


def _store(store: EventStore | AsyncEventStore | Literal["memory"] | None
           ) -> EventStore | AsyncEventStore | None:
    if isinstance(store, str):
        if store != "memory":
            raise ValueError(f"store is an EventStore, \"memory\" or None, got {store!r}")
        return MemoryEventStore()
    if store is not None and not isinstance(store, (EventStore, AsyncEventStore)):
        raise ValueError(f"store must have claim, done and release methods, "
                         f"got {type(store).__name__}")
    return store


def _too_large(limit: int) -> _Answer:
    return _Answer(413, f"the body is larger than {limit} bytes")


def _requests_of(result: object, handler: Handler) -> list[Request[Any]]:
    """What a handler returned, as the list of requests to send (``TypeError`` if neither)."""
    if result is None:
        return []
    if isinstance(result, Request):
        return [result]
    if isinstance(result, (list, tuple)) and all(isinstance(r, Request) for r in result):
        return list(result)
    name = getattr(handler, "__qualname__", repr(handler))
    raise TypeError(f"handler {name} returned {type(result).__name__}; a handler returns a "
                    f"Request, a list of Requests or None")


def _describe(event: Event) -> str:
    return f"{type(event).__name__} {event.webhook_event_id or '(no webhook_event_id)'}"


def _by_chat(events: list[Event]) -> list[list[Event]]:
    """The events grouped by the chat they come from, in order (no source: alone)."""
    chats: dict[object, list[Event]] = {}
    for index, event in enumerate(events):
        chat = None if event.source is None else event.source.sender_id
        chats.setdefault(index if chat is None else chat, []).append(event)
    return list(chats.values())


# -- WSGI -----------------------------------------------------------------------------------------


def _claim_sync(store: EventStore | None, event: Event) -> str | Literal[False] | None:
    """The claimed event id, ``None`` when there is nothing to record, False to skip."""
    if store is None or not event.webhook_event_id:
        return None
    try:
        if not store.claim(event.webhook_event_id):
            log.info("skipped %s: already handled", _describe(event))
            return False
    except Exception:
        log.exception("event store failed to claim %s; handling it anyway", _describe(event))
        return None
    return event.webhook_event_id


def _settle_sync(store: EventStore | None, event_id: str | None, handled: bool) -> None:
    if store is None or event_id is None:
        return
    try:
        (store.done if handled else store.release)(event_id)
    except Exception:
        log.exception("event store failed to record %s", event_id)


def _send_all(client: Client | None, requests: list[Request[Any]], event: Event) -> bool:
    """Send ``requests`` in order; whether every one went out (failures are logged)."""
    if requests and client is None:
        raise ValueError(_NO_CLIENT)
    sent = True
    for request in requests:
        assert client is not None
        try:
            client.send(request)
        except Exception:
            sent = False
            log.exception("sending %s for %s failed", request.operation, _describe(event))
    return sent


def _read_wsgi_body(environ: WSGIEnvironment, limit: int) -> bytes | _Answer:
    stream = environ["wsgi.input"]
    length = environ.get("CONTENT_LENGTH")
    if length:  # checked by refusal(): digits, at most the limit
        wanted = int(length)
        chunks, size = [], 0
        while size < wanted:
            chunk = stream.read(min(wanted - size, 64 * 1024))
            if not chunk:
                return _Answer(400, "the body is shorter than its Content-Length")
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    if not environ.get("wsgi.input_terminated"):
        return _Answer(411, "Content-Length is required")
    body = stream.read(limit + 1)
    return _too_large(limit) if len(body) > limit else body


# -- ASGI -----------------------------------------------------------------------------------------


def _path_below_mount(scope: Scope) -> str:
    path: str = scope.get("path", "")
    root: str = scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


async def _read_asgi_body(receive: Receive, limit: int) -> bytes | _Answer | None:
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
            return _too_large(limit)
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _lifespan(receive: Receive, send: Send) -> None:
    """Acknowledge startup and shutdown (the app holds nothing to open or close)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
