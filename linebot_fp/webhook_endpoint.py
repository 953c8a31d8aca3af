"""The webhook endpoint any web framework can call: raw body and signature in, status out.

:func:`webhook_endpoint` (blocking) and :func:`async_webhook_endpoint` (asyncio)
make an endpoint: a callable of ``(body, signature)``, where ``body`` is the raw
request body and ``signature`` its ``X-Line-Signature`` header, that answers
with the :class:`WebhookAnswer` to send back (status and text)::

    endpoint = webhook_endpoint(SECRET, {(MessageEvent, TextMessage): echo}, client=client,
                                inbox=SqliteInbox("inbox.sqlite3"))

    @csrf_exempt                                       # a Django view, for one
    def callback(request):
        status, text = endpoint(request.body, request.headers.get("X-Line-Signature"))
        return HttpResponse(text, status=status, content_type="text/plain")

For each call:

1. a body over ``max_body_size`` bytes: 413;
2. the signature is checked against each channel secret before anything is
   decoded (a missing or wrong one: 400), then the body is parsed (not a
   webhook payload: 400);
3. the events are written to the inbox (:mod:`linebot_fp.inbox`), each once
   (a redelivered ``webhook_event_id`` is not recorded again), and the answer is
   200 ``OK``, within ``answer_within`` seconds whatever the handlers do: when
   the inbox cannot record the events in that time the answer is 503 (LINE may
   redeliver; a record that lands late is not recorded twice).

The handlers do not run in the call. Workers of the endpoint, in every process
that serves it, lease the events from the inbox and run them
(:mod:`linebot_fp.inbox.handling`): a handler is chosen as
:func:`linebot_fp.webhook.dispatch` does (the ``(event class, message class)``
pair, then the event class, then ``default``), returns what to send (a
``Request``, a list of them, or ``None``), and ``client`` sends it with retry
keys derived from the event, a late reply becoming a push
(:mod:`linebot_fp.inbox.sends`). A handler that raises, or a send that fails,
is logged on the ``"linebot_fp"`` logger and the event retried with backoff,
then parked (``python -m linebot_fp inbox``). The events of one chat are
handled in order, those of different chats concurrently (``concurrency`` at a
time per process).

The blocking endpoint runs handlers in background threads; the async one (the
only part that imports asyncio) in tasks of the server's loop, awaiting
coroutine handlers and running plain ones in its own threads.
:mod:`linebot_fp.apps` serves these endpoints as WSGI and ASGI applications.
In tests, ``endpoint.drain()`` waits until the inbox's due work is done.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from linebot_fp.client import Client
from linebot_fp.errors import InvalidPayloadError
from linebot_fp.inbox.base import Counts, Entry, Inbox, NewEvent
from linebot_fp.inbox.handling import Handler, handling, run_handling
from linebot_fp.inbox.memory import MemoryInbox
from linebot_fp.inbox.sends import REPLY_WITHIN
from linebot_fp.inbox.threads import DaemonExecutor
from linebot_fp.inbox.workers import POLL_INTERVAL, ThreadWorkers
from linebot_fp.models import Event
from linebot_fp.request import Request
from linebot_fp.signature import verify_signature
from linebot_fp.webhook import dispatch, parse_unverified

if TYPE_CHECKING:
    from linebot_fp.async_client import AsyncClient
    from linebot_fp.inbox.async_workers import TaskWorkers

__all__ = ["ANSWER_WITHIN", "MAX_BODY_SIZE", "AsyncEndpoint", "AsyncWebhookEndpoint", "Endpoint",
           "Handler", "Handlers", "Secrets", "WebhookAnswer", "WebhookEndpoint",
           "async_webhook_endpoint", "webhook_endpoint"]

log = logging.getLogger("linebot_fp")

#: the default limit on a webhook body, in bytes: far above what LINE sends, far below harm
MAX_BODY_SIZE = 1024 * 1024
#: the default bound (seconds) on answering LINE once the body is read: LINE counts a
#: webhook not answered within about two seconds as a failed delivery
#: (https://developers.line.biz/en/docs/messaging-api/check-webhook-error-statistics/)
ANSWER_WITHIN = 1.0

#: the handler table: an event class, or an ``(event class, message class)`` pair, to its
#: :data:`Handler` (values are typed ``object`` so that a dict of differently typed
#: handlers type-checks; each is checked to be callable when the endpoint is made)
Handlers = Mapping[Any, object]
#: one channel secret, or several (all accepted, to rotate without downtime)
Secrets = str | bytes | Sequence[str | bytes]


class WebhookAnswer(NamedTuple):
    """What to answer LINE: an HTTP status and a short plain text."""

    status: int
    text: str


#: the answer to a webhook whose events were recorded
OK = WebhookAnswer(200, "OK")
#: the answer when the inbox could not record the events in time
NOT_RECORDED = WebhookAnswer(503, "the events could not be recorded; LINE may redeliver them")

Endpoint = Callable[[bytes, "str | None"], WebhookAnswer]
AsyncEndpoint = Callable[[bytes, "str | None"], Awaitable[WebhookAnswer]]


class WebhookEndpoint:
    """A blocking endpoint (made by :func:`webhook_endpoint`): ``endpoint(body, signature)``.

    ``inbox`` is where the events go; :meth:`drain` waits for the due work
    (tests); :meth:`stop` stops this process's workers.
    """

    def __init__(self, webhook: _Webhook, inbox: Inbox, client: Client | None, *,
                 answer_within: float, concurrency: int, reply_within: float,
                 poll_interval: float) -> None:
        self.inbox = inbox
        self.answer_within = answer_within
        self._webhook = webhook
        send = _no_client if client is None else client.send

        def run(entry: Entry) -> None:
            run_handling(handling(entry, webhook.handler, now=inbox.clock,
                                  reply_within=reply_within), inbox, entry, send)

        self.workers = ThreadWorkers(inbox, run, concurrency=concurrency,
                                     poll_interval=poll_interval)
        self._store_pool = DaemonExecutor(4, "linebot_fp-inbox-store")
        self.workers.start()  # now: this process serves the app, webhooks or not

    def __call__(self, body: bytes, signature: str | None) -> WebhookAnswer:
        new = self._webhook.new_events(body, signature)
        if isinstance(new, WebhookAnswer):
            return new
        self.workers.start()
        try:
            if not self.inbox.blocking:
                self.inbox.record(new)
            else:
                self._store_pool.submit(self.inbox.record, new).result(self.answer_within)
        except Exception as error:
            return _not_recorded(new, error, self.answer_within,
                                 timed_out=isinstance(error, FutureTimeout))
        self.workers.wake()
        return OK

    def drain(self, timeout: float = 10.0) -> Counts:
        """Wait until this process's workers have nothing due left; the inbox's counts."""
        return self.workers.drain(timeout)

    def stop(self) -> None:
        """Stop this process's workers (running handlers finish; the leases of any cut short
        lapse)."""
        self.workers.stop()


class AsyncWebhookEndpoint:
    """An asyncio endpoint (made by :func:`async_webhook_endpoint`):
    ``await endpoint(body, signature)``; :meth:`drain` (from another thread) and
    :meth:`stop` as in :class:`WebhookEndpoint`, :meth:`start` in the loop."""

    def __init__(self, webhook: _Webhook, inbox: Inbox, client: AsyncClient | Client | None,
                 *, answer_within: float, concurrency: int, reply_within: float,
                 poll_interval: float) -> None:
        from linebot_fp.async_client import AsyncClient
        from linebot_fp.inbox.async_workers import TaskWorkers

        self.inbox = inbox
        self.answer_within = answer_within
        self._webhook = webhook

        async def send(request: Request[Any]) -> Any:
            if isinstance(client, AsyncClient):
                return await client.send(request)
            import asyncio

            return await asyncio.get_running_loop().run_in_executor(
                workers.handler_pool, _no_client if client is None else client.send, request)

        self.workers: TaskWorkers = TaskWorkers(
            inbox, lambda entry: handling(entry, webhook.handler, now=inbox.clock,
                                          reply_within=reply_within),
            send, concurrency=concurrency, poll_interval=poll_interval)
        workers = self.workers

    async def __call__(self, body: bytes, signature: str | None) -> WebhookAnswer:
        import asyncio

        new = self._webhook.new_events(body, signature)
        if isinstance(new, WebhookAnswer):
            return new
        self.workers.start()
        try:
            await asyncio.wait_for(self.workers.store(self.inbox.record, new),
                                   self.answer_within)
        except Exception as error:
            return _not_recorded(new, error, self.answer_within,
                                 timed_out=isinstance(error, asyncio.TimeoutError))
        self.workers.wake()
        return OK

    def start(self) -> None:
        """Start the workers in the running loop (the apps do it at lifespan startup)."""
        self.workers.start()

    def drain(self, timeout: float = 10.0) -> Counts:
        """From a thread other than the loop's: wait until nothing due is left."""
        return self.workers.drain(timeout)

    async def stop(self) -> None:
        """Stop the workers (running handlers are cancelled; their leases lapse)."""
        await self.workers.stop()


def webhook_endpoint(channel_secret: Secrets, handlers: Handlers, *,
                     default: Handler | None = None, client: Client | None = None,
                     max_body_size: int = MAX_BODY_SIZE, inbox: Inbox | None = None,
                     answer_within: float = ANSWER_WITHIN, concurrency: int = 4,
                     reply_within: float = REPLY_WITHIN,
                     poll_interval: float = POLL_INTERVAL) -> WebhookEndpoint:
    """``endpoint(body, signature) -> WebhookAnswer``; handlers run in background threads.

    ``channel_secret`` is the channel secret, or several (a body signed with any
    of them is accepted). ``handlers`` maps an event class, or an ``(event
    class, message class)`` pair, to a function of the event; ``default``
    handles the events no key matches. ``client`` sends the ``Request`` values
    the handlers return. ``max_body_size`` bounds the body in bytes. ``inbox``
    records the events (a fresh :class:`~linebot_fp.inbox.MemoryInbox` unless
    given); ``answer_within`` bounds the wait for it (seconds); ``concurrency``
    is how many events this process handles at once; ``reply_within`` how old
    (seconds) a reply token may be before a reply is pushed instead;
    ``poll_interval`` how often idle workers look for work from other processes.

    Raises ``ValueError`` for an empty or malformed secret, handler table
    (a coroutine handler too), client, inbox or setting.
    """
    if client is not None and not isinstance(client, Client):
        raise ValueError(f"a blocking endpoint sends with a Client, got {type(client).__name__} "
                         f"(async_webhook_endpoint and asgi_app take an AsyncClient)")
    for handler in (*_values(handlers), default):
        if inspect.iscoroutinefunction(handler):
            raise ValueError(f"handler {getattr(handler, '__qualname__', handler)} is a coroutine "
                             f"function: serve it with async_webhook_endpoint or asgi_app")
    webhook = _Webhook.make(channel_secret, handlers, default, max_body_size)
    return WebhookEndpoint(webhook, _inbox(inbox), client,
                           **_timings(answer_within, concurrency, reply_within, poll_interval))


def async_webhook_endpoint(channel_secret: Secrets, handlers: Handlers, *,
                           default: Handler | None = None,
                           client: AsyncClient | Client | None = None,
                           max_body_size: int = MAX_BODY_SIZE, inbox: Inbox | None = None,
                           answer_within: float = ANSWER_WITHIN, concurrency: int = 4,
                           reply_within: float = REPLY_WITHIN,
                           poll_interval: float = POLL_INTERVAL) -> AsyncWebhookEndpoint:
    """``await endpoint(body, signature) -> WebhookAnswer``, never blocking the event loop.

    The parameters are those of :func:`webhook_endpoint`, except: handlers may
    be coroutine functions (awaited) or plain functions (run in the endpoint's
    own threads); ``client`` is an :class:`~linebot_fp.client.AsyncClient` (a
    ``Client`` sends from those threads). The inbox is called from threads of
    its own, so neither handlers nor a full default executor delay an answer.
    The workers start with the first webhook (or :meth:`AsyncWebhookEndpoint.start`).
    Raises ``ValueError`` as :func:`webhook_endpoint` does.
    """
    from linebot_fp.async_client import AsyncClient

    if client is not None and not isinstance(client, (AsyncClient, Client)):
        raise ValueError(f"client must be an AsyncClient or a Client, got {type(client).__name__}")
    webhook = _Webhook.make(channel_secret, handlers, default, max_body_size)
    return AsyncWebhookEndpoint(webhook, _inbox(inbox), client,
                                **_timings(answer_within, concurrency, reply_within,
                                           poll_interval))


def new_events(events: Sequence[Event]) -> list[NewEvent]:
    """The inbox records of ``events``: id (``webhook_event_id``, or a fresh one when LINE
    sent none), chat (the source's group, room or user id) and JSON."""
    from linebot_fp.codec import dumps, unstructure

    return [NewEvent(event.webhook_event_id or f"no-id-{uuid.uuid4()}",
                     None if event.source is None else event.source.sender_id,
                     dumps(unstructure(event)).decode()) for event in events]


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

    def new_events(self, body: bytes, signature: str | None) -> list[NewEvent] | WebhookAnswer:
        """What to record of a signed body (nothing for LINE's connection check: then the
        answer, 200), or the answer saying what is wrong with it."""
        outcome = self.events(body, signature)
        if isinstance(outcome, WebhookAnswer):
            return outcome
        return new_events(outcome) if outcome else OK

    def handler(self, event: Event) -> Handler | None:
        """The handler of ``event``, chosen as :func:`~linebot_fp.webhook.dispatch` does."""
        chosen = dispatch(self.handlers, (event,), self.default)
        return chosen[0] if chosen else None

def too_large(limit: int) -> WebhookAnswer:
    """The 413 answer for a body over ``limit`` bytes."""
    return WebhookAnswer(413, f"the body is larger than {limit} bytes")


def _values(handlers: Handlers) -> list[object]:
    return list(handlers.values()) if isinstance(handlers, Mapping) else []


def _inbox(inbox: Inbox | None) -> Inbox:
    if inbox is None:
        return MemoryInbox()
    missing = [name for name in ("record", "lease", "renew", "note", "complete", "fail", "counts")
               if not callable(getattr(inbox, name, None))]
    if missing or not hasattr(inbox, "settings"):
        raise ValueError(f"inbox must be an Inbox (MemoryInbox, SqliteInbox, RedisInbox, ...), "
                         f"got {type(inbox).__name__}")
    return inbox


def _timings(answer_within: float, concurrency: int, reply_within: float,
             poll_interval: float) -> dict[str, Any]:
    for name, value in (("answer_within", answer_within), ("reply_within", reply_within)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 3600:
            raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    from linebot_fp.inbox.workers import check_workers

    check_workers(concurrency, poll_interval)
    return {"answer_within": float(answer_within), "concurrency": concurrency,
            "reply_within": float(reply_within), "poll_interval": float(poll_interval)}


def _not_recorded(new: list[NewEvent], error: Exception, within: float, *,
                  timed_out: bool) -> WebhookAnswer:
    """Log why ``new`` was not recorded; the 503 answer (LINE may redeliver)."""
    if timed_out:
        log.error("the inbox did not record %d events within %s s: answered 503", len(new),
                  within)
    else:
        log.error("the inbox failed to record %d events: answered 503", len(new),
                  exc_info=error)
    return NOT_RECORDED


def _no_client(request: Request[Any]) -> None:
    raise ValueError(f"the handler returned {request.operation} to send, but the endpoint "
                     f"was given no client")


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
