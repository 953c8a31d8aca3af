"""The webhook endpoint any web framework can call: raw body and signature in, status out.

:func:`webhook_endpoint` (blocking) and :func:`async_webhook_endpoint` (asyncio)
make a function of ``(body, signature)``, where ``body`` is the raw request
body and ``signature`` its ``X-Line-Signature`` header, that answers with the
:class:`WebhookAnswer` to send back (status and text)::

    endpoint = webhook_endpoint(SECRET, {(MessageEvent, TextMessage): echo}, client=client)

    @csrf_exempt                                       # a Django view, for one
    def callback(request):
        status, text = endpoint(request.body, request.headers.get("X-Line-Signature"))
        return HttpResponse(text, status=status, content_type="text/plain")

For each call:

1. a body over ``max_body_size`` bytes: 413;
2. the signature is checked against each channel secret before anything is
   decoded (a missing or wrong one: 400), then the body is parsed (not a
   webhook payload: 400);
3. each event the store has not seen handled (by ``webhook_event_id``) goes to
   its handler, chosen as :func:`linebot_fp.webhook.dispatch` does: the
   ``(event class, message class)`` pair, then the event class, then ``default``;
4. a handler returns what to send: a ``Request``, a list of them, or ``None``;
   ``client`` sends them in the order given;
5. a handler that raises, or returns something else, and a send that fails are
   logged on the ``"linebot_fp"`` logger and cost no other event: the answer
   is 200 ``OK`` whatever the handlers did (LINE would only redeliver).

The async endpoint (the only part that imports asyncio) awaits coroutine
handlers, runs plain ones in a worker thread, and handles the events of
different chats concurrently, those of one chat in order.
:mod:`linebot_fp.apps` serves these endpoints as WSGI and ASGI applications.
Handled events are recorded as :mod:`linebot_fp.event_store` describes
(claim, then confirm or release).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar, cast

from linebot_fp.client import Client
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.event_store import AsyncEventStore, EventStore, MemoryEventStore
from linebot_fp.models.events import Event
from linebot_fp.request import Request
from linebot_fp.signature import verify_signature
from linebot_fp.webhook import dispatch, parse_unverified

if TYPE_CHECKING:
    from linebot_fp.async_client import AsyncClient

__all__ = ["MAX_BODY_SIZE", "AsyncEndpoint", "Endpoint", "Handler", "Handlers", "Secrets",
           "StoreOption",
           "WebhookAnswer", "async_webhook_endpoint", "webhook_endpoint"]

log = logging.getLogger("linebot_fp")
T = TypeVar("T")

#: the default limit on a webhook body, in bytes: far above what LINE sends, far below harm
MAX_BODY_SIZE = 1024 * 1024

#: a handler takes the event and returns a Request, a list of Requests or None
#: (in the async endpoint, it may be a coroutine function)
Handler = Callable[[Any], Any]
#: the handler table: an event class, or an ``(event class, message class)`` pair, to its
#: :data:`Handler` (values are typed ``object`` so that a dict of differently typed
#: handlers type-checks; each is checked to be callable when the endpoint is made)
Handlers = Mapping[Any, object]
#: one channel secret, or several (all accepted, to rotate without downtime)
Secrets = str | bytes | Sequence[str | bytes]
#: an event store, ``"memory"`` for a fresh :class:`MemoryEventStore`, or ``None`` for none
StoreOption = EventStore | AsyncEventStore | Literal["memory"] | None


class WebhookAnswer(NamedTuple):
    """What to answer LINE: an HTTP status and a short plain text."""

    status: int
    text: str


#: the answer to a webhook that was handled (whatever its handlers did)
OK = WebhookAnswer(200, "OK")

Endpoint = Callable[[bytes, "str | None"], WebhookAnswer]
AsyncEndpoint = Callable[[bytes, "str | None"], Awaitable[WebhookAnswer]]


def webhook_endpoint(channel_secret: Secrets, handlers: Handlers, *,
                     default: Handler | None = None, client: Client | None = None,
                     max_body_size: int = MAX_BODY_SIZE,
                     store: EventStore | Literal["memory"] | None = "memory") -> Endpoint:
    """``endpoint(body, signature) -> WebhookAnswer``, handling the events in the calling thread.

    ``channel_secret`` is the channel secret, or several (a body signed with any
    of them is accepted). ``handlers`` maps an event class, or an ``(event
    class, message class)`` pair, to a function of the event; ``default``
    handles the events no key matches. ``client`` sends the ``Request`` values
    the handlers return. ``max_body_size`` bounds the body in bytes. ``store``
    records the handled events (``"memory"``: a :class:`MemoryEventStore` of
    this endpoint; ``None``: handle every delivery).

    Raises ``ValueError`` for an empty or malformed secret, handler table
    (a coroutine handler too), client, limit or store.
    """
    if client is not None and not isinstance(client, Client):
        raise ValueError(f"a blocking endpoint sends with a Client, got {type(client).__name__} "
                         f"(async_webhook_endpoint and asgi_app take an AsyncClient)")
    either_store = _store(store)
    if either_store is not None and inspect.iscoroutinefunction(either_store.claim):
        raise ValueError("a blocking endpoint needs an EventStore with plain methods (an "
                         "AsyncEventStore works with async_webhook_endpoint and asgi_app)")
    events_store = cast("EventStore | None", either_store)
    webhook = _Webhook.make(channel_secret, handlers, default, max_body_size)
    for handler in (*handlers.values(), default):
        if inspect.iscoroutinefunction(handler):
            raise ValueError(f"handler {getattr(handler, '__qualname__', handler)} is a coroutine "
                             f"function: serve it with async_webhook_endpoint or asgi_app")
    send = _no_client if client is None else client.send

    def handle(event: Event) -> None:
        event_id = _claim(events_store, event)
        if event_id is False:
            return
        handled = False
        try:
            sent = [_sent(send, request, event) for request in webhook.call(event)]  # every one
            handled = all(sent)
        except Exception:
            log.exception("webhook handler failed on %s", _describe(event))
        _settle(events_store, event_id, handled)

    def endpoint(body: bytes, signature: str | None) -> WebhookAnswer:
        outcome = webhook.events(body, signature)
        if isinstance(outcome, WebhookAnswer):
            return outcome
        for event in outcome:
            handle(event)
        return OK

    return endpoint


def async_webhook_endpoint(channel_secret: Secrets, handlers: Handlers, *,
                           default: Handler | None = None,
                           client: AsyncClient | Client | None = None,
                           max_body_size: int = MAX_BODY_SIZE,
                           store: StoreOption = "memory") -> AsyncEndpoint:
    """``await endpoint(body, signature) -> WebhookAnswer``, never blocking the event loop.

    The parameters are those of :func:`webhook_endpoint`, except: handlers may
    be coroutine functions (awaited) or plain functions (run in a worker
    thread); ``client`` is an :class:`~linebot_fp.client.AsyncClient` (a
    ``Client`` sends from a worker thread); ``store`` may be an
    :class:`~linebot_fp.event_store.AsyncEventStore` (a sync store other than
    the in-memory one is called from a worker thread). Raises ``ValueError`` as
    :func:`webhook_endpoint` does.
    """
    import asyncio

    from linebot_fp.async_client import AsyncClient

    if client is not None and not isinstance(client, (AsyncClient, Client)):
        raise ValueError(f"client must be an AsyncClient or a Client, got {type(client).__name__}")
    events_store = _async_store(_store(store))
    webhook = _Webhook.make(channel_secret, handlers, default, max_body_size)

    async def send(request: Request[Any]) -> Any:
        if isinstance(client, AsyncClient):
            return await client.send(request)
        return await asyncio.to_thread(_no_client if client is None else client.send, request)

    async def call(event: Event) -> list[Request[Any]]:
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
        event_id = await _aclaim(events_store, event)
        if event_id is False:
            return
        handled = False
        try:
            sent = [await _asent(send, request, event) for request in await call(event)]
            handled = all(sent)
        except Exception:
            log.exception("webhook handler failed on %s", _describe(event))
        await _asettle(events_store, event_id, handled)

    async def handle_chat(events: list[Event]) -> None:
        for event in events:
            await handle(event)

    async def endpoint(body: bytes, signature: str | None) -> WebhookAnswer:
        outcome = webhook.events(body, signature)
        if isinstance(outcome, WebhookAnswer):
            return outcome
        await asyncio.gather(*(handle_chat(chat) for chat in _by_chat(outcome)))
        return OK

    return endpoint


# -- the parts both endpoints share ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Webhook:
    """The checked settings of an endpoint, and the steps that do no I/O."""

    secrets: tuple[bytes, ...]
    max_body_size: int
    handlers: Mapping[Any, Callable[[Event], Handler]]
    default: Callable[[Event], Handler] | None

    @classmethod
    def make(cls, channel_secret: Secrets, handlers: Handlers,
             default: Handler | None, max_body_size: int) -> _Webhook:
        if not isinstance(handlers, Mapping):
            raise ValueError(f"handlers must be a mapping of event classes to functions, "
                             f"got {type(handlers).__name__}")
        table: dict[Any, Callable[[Event], Handler]] = {}
        for key, handler in handlers.items():
            _check_key(key)
            if not callable(handler):
                raise ValueError(f"the handler for {key!r} is not callable")
            table[key] = _returning(handler)
        if default is not None and not callable(default):
            raise ValueError("default must be callable or None")
        if isinstance(max_body_size, bool) or not isinstance(max_body_size, int) or (
                max_body_size < 1):
            raise ValueError(f"max_body_size must be a positive int, got {max_body_size!r}")
        # dispatch() picks the handler itself, so the routing is exactly its routing
        return cls(secrets=_secrets(channel_secret), max_body_size=max_body_size,
                   handlers=table,
                   default=None if default is None else _returning(default))

    def events(self, body: bytes, signature: str | None) -> list[Event] | WebhookAnswer:
        """The events of a signed body, or the answer saying what is wrong with it."""
        if len(body) > self.max_body_size:
            return too_large(self.max_body_size)
        if not signature:
            log.warning("refused a webhook without X-Line-Signature")
            return WebhookAnswer(400, "X-Line-Signature is missing")
        if not any(verify_signature(body, signature, secret) for secret in self.secrets):
            log.warning("refused a webhook whose X-Line-Signature does not match")
            return WebhookAnswer(400, "X-Line-Signature does not match the body")
        try:
            return parse_unverified(body)
        except InvalidPayloadError as error:
            log.warning("refused a signed webhook body: %s", error)
            return WebhookAnswer(400, str(error))

    def handler(self, event: Event) -> Handler | None:
        """The handler of ``event``, chosen as :func:`~linebot_fp.webhook.dispatch` does."""
        chosen = dispatch(self.handlers, (event,), self.default)
        return chosen[0] if chosen else None

    def call(self, event: Event) -> list[Request[Any]]:
        """Call the handler of ``event`` here; the requests it returned."""
        handler = self.handler(event)
        return [] if handler is None else _requests_of(handler(event), handler)


def too_large(limit: int) -> WebhookAnswer:
    """The 413 answer for a body over ``limit`` bytes."""
    return WebhookAnswer(413, f"the body is larger than {limit} bytes")


def _returning(handler: Handler) -> Callable[[Event], Handler]:
    return lambda _event: handler


def _check_key(key: object) -> None:
    is_event_class = isinstance(key, type) and issubclass(key, Event)
    is_pair = (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], type)
               and issubclass(key[0], Event) and isinstance(key[1], type))
    if not (is_event_class or is_pair):
        raise ValueError(f"a handlers key is an event class or an (event class, message class) "
                         f"pair, got {key!r}")


def _secrets(channel_secret: Secrets) -> tuple[bytes, ...]:
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


def _no_client(request: Request[Any]) -> None:
    raise ValueError(f"the handler returned {request.operation} to send, but the endpoint "
                     f"was given no client")


def _describe(event: Event) -> str:
    return f"{type(event).__name__} {event.webhook_event_id or '(no webhook_event_id)'}"


def _by_chat(events: list[Event]) -> list[list[Event]]:
    """The events grouped by the chat they come from, in order (no source: alone)."""
    chats: dict[object, list[Event]] = {}
    for index, event in enumerate(events):
        chat = None if event.source is None else event.source.sender_id
        chats.setdefault(index if chat is None else chat, []).append(event)
    return list(chats.values())


def _store(store: StoreOption) -> EventStore | AsyncEventStore | None:
    if isinstance(store, str):
        if store != "memory":
            raise ValueError(f"store is an EventStore, \"memory\" or None, got {store!r}")
        return MemoryEventStore()
    if store is not None and not all(callable(getattr(store, method, None))
                                     for method in ("claim", "done", "release")):
        raise ValueError(f"store must have claim, done and release methods, "
                         f"got {type(store).__name__}")
    return store


# -- sending and recording, blocking and async ----------------------------------------------------
#
# A store that fails is logged and never costs an event: a claim that fails
# counts as claimed (handle rather than lose), a record that fails is dropped.


def _sent(send: Callable[[Request[Any]], Any], request: Request[Any], event: Event) -> bool:
    try:
        send(request)
    except Exception as error:
        return _send_failed(request, event, error)
    return True


async def _asent(send: Callable[[Request[Any]], Awaitable[Any]], request: Request[Any],
                 event: Event) -> bool:
    try:
        await send(request)
    except Exception as error:
        return _send_failed(request, event, error)
    return True


def _send_failed(request: Request[Any], event: Event, error: Exception) -> bool:
    log.error("sending %s for %s failed", request.operation, _describe(event), exc_info=error)
    return False


def _claim(store: EventStore | None, event: Event) -> str | Literal[False] | None:
    """The claimed event id; ``None`` when there is nothing to record; False to skip the event."""
    if store is None or not event.webhook_event_id:
        return None
    try:
        return _claimed(event, store.claim(event.webhook_event_id))
    except Exception as error:
        _claim_failed(event, error)
        return None


async def _aclaim(store: AsyncEventStore | None, event: Event) -> str | Literal[False] | None:
    if store is None or not event.webhook_event_id:
        return None
    try:
        return _claimed(event, await store.claim(event.webhook_event_id))
    except Exception as error:
        _claim_failed(event, error)
        return None


def _claimed(event: Event, claimed: bool) -> str | Literal[False]:
    if not claimed:
        log.info("skipped %s: already handled", _describe(event))
        return False
    return cast(str, event.webhook_event_id)


def _claim_failed(event: Event, error: Exception) -> None:
    log.error("event store failed to claim %s; handling it anyway", _describe(event),
              exc_info=error)


def _settle(store: EventStore | None, event_id: str | None, handled: bool) -> None:
    if store is not None and event_id is not None:
        try:
            (store.done if handled else store.release)(event_id)
        except Exception as error:
            log.error("event store failed to record %s", event_id, exc_info=error)


async def _asettle(store: AsyncEventStore | None, event_id: str | None, handled: bool) -> None:
    if store is not None and event_id is not None:
        try:
            await (store.done if handled else store.release)(event_id)
        except Exception as error:
            log.error("event store failed to record %s", event_id, exc_info=error)


def _async_store(store: EventStore | AsyncEventStore | None) -> AsyncEventStore | None:
    """``store`` with coroutine methods: as it is, or run in worker threads if it may block."""
    if store is None or inspect.iscoroutinefunction(store.claim):
        return cast("AsyncEventStore | None", store)
    return _ThreadedStore(cast(EventStore, store))


class _ThreadedStore:
    """A blocking store called from worker threads (the in-memory one, which never
    blocks, directly)."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._direct = isinstance(store, MemoryEventStore)

    async def _run(self, method: Callable[[str], T], event_id: str) -> T:
        if self._direct:
            return method(event_id)
        import asyncio

        return await asyncio.to_thread(method, event_id)

    async def claim(self, event_id: str) -> bool:
        return await self._run(self._store.claim, event_id)

    async def done(self, event_id: str) -> None:
        await self._run(self._store.done, event_id)

    async def release(self, event_id: str) -> None:
        await self._run(self._store.release, event_id)
