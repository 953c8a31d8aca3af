"""Handling one leased event, written once for the blocking and the asyncio workers.

:func:`handling` is a generator that performs no I/O: it yields the steps to
take (:class:`Call` the handler, :class:`Send` a request, :class:`Note` what
was sent, then :class:`Complete` or :class:`Fail`) and is sent each step's
result, or thrown its exception. :func:`run_handling` drives it with plain
calls; the async workers drive the same generator with awaits. The send rules
are those of :mod:`linebot_fp.inbox.sends`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from linebot_fp.inbox.base import Entry, Inbox
from linebot_fp.inbox.sends import (
    careful,
    is_reply,
    outcome,
    refused_token,
    reply_as_push,
    send_key,
)
from linebot_fp.request import Request

__all__ = ["Call", "Complete", "Fail", "Handler", "LeaseLostError", "Note", "Send", "Step",
           "decode_event", "describe", "handling", "requests_of", "run_handling"]

log = logging.getLogger("linebot_fp")

#: a handler takes the event and returns a Request, a list of Requests or None
Handler = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Call:
    """Call ``handler(event)``; the result is sent back."""

    handler: Handler
    event: Any


@dataclass(frozen=True, slots=True)
class Send:
    """Send ``request`` with the client; its answer is sent back, its error thrown in."""

    request: Request[Any]


@dataclass(frozen=True, slots=True)
class Note:
    """Write ``notes`` on the leased entry (raises :class:`LeaseLostError` if the lease is gone)."""

    notes: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Complete:
    """Mark the entry done."""


@dataclass(frozen=True, slots=True)
class Fail:
    """Settle a failed attempt (retried after a backoff, or parked)."""

    error: str


Step = Call | Send | Note | Complete | Fail


class LeaseLostError(RuntimeError):
    """The worker's lease on an event lapsed and another worker took it: this one stops."""


def handling(entry: Entry, choose: Callable[[Any], Handler | None], *,
             now: Callable[[], float], reply_within: float) -> Generator[Step, Any, None]:
    """The steps of handling ``entry`` with the handler ``choose`` picks for its event."""
    try:
        event = decode_event(entry.event)
    except Exception as error:  # a store may hold anything: it stays, parked in the end
        yield Fail(f"the recorded event cannot be read: {describe(error)}")
        return
    handler = choose(event)
    if handler is None:
        yield Complete()
        return
    try:
        requests = requests_of((yield Call(handler, event)), handler)
    except Exception as error:
        log.error("webhook handler failed on %s (attempt %d)", _describe_event(entry, event),
                  entry.attempts, exc_info=error)
        yield Fail(describe(error))
        return
    notes = {**entry.notes}
    sends: dict[str, str] = dict(notes.get("sends", {}))
    problems: list[str] = list(notes.get("problems", []))
    source = getattr(getattr(event, "source", None), "sender_id", None)

    def report(position: int, request: Request[Any], problem: str) -> Note:
        text = f"send {position} ({request.operation}): {problem}"
        log.error("%s: %s", _describe_event(entry, event), text)
        sends[str(position)] = "unknown"
        problems.append(text)
        return Note({**notes, "sends": dict(sends), "problems": list(problems)})

    def noted(position: int, state: str) -> Note:
        sends[str(position)] = state
        return Note({**notes, "sends": dict(sends), "problems": list(problems)})

    try:
        for position, request in enumerate(requests):
            key = send_key(entry.id, position)
            state = sends.get(str(position))
            if state in ("sent", "unknown"):
                continue
            if state == "attempting":  # a worker died in the middle of this send
                yield report(position, request, "outcome unknown (the worker stopped while "
                             "sending it); not sent again")
                continue
            if is_reply(request) and (state == "token-refused"
                                      or now() - entry.received > reply_within):
                if source is None:
                    yield report(position, request, "the reply token is too old and the event "
                                 "has no source to push to")
                    continue
                yield Send(reply_as_push(request, source, key))
                continue
            keyed = request.with_retry_key(key)
            if not careful(keyed):
                yield Send(keyed)  # a failure fails the event: its retry sends it again, keyed
                continue
            yield noted(position, "attempting")
            try:
                yield Send(keyed)
            except Exception as error:
                if is_reply(keyed) and refused_token(error) and source is not None:
                    yield noted(position, "token-refused")
                    yield Send(reply_as_push(keyed, source, key))
                    continue
                result = outcome(error)
                if result == "unknown":
                    yield report(position, keyed, f"outcome unknown ({describe(error)}); "
                                 f"not sent again")
                    continue
                yield noted(position, result)
                if result == "refused":
                    raise
                continue
            yield noted(position, "sent")
    except Exception as error:
        log.error("sending for %s failed (attempt %d)", _describe_event(entry, event),
                  entry.attempts, exc_info=error)
        yield Fail(describe(error))
        return
    yield Complete()


def run_handling(steps: Generator[Step, Any, None], inbox: Inbox, entry: Entry,
                 send: Callable[[Request[Any]], Any]) -> None:
    """Drive ``steps`` with blocking calls: handler and sends here, notes and settling in
    ``inbox``. A store that fails raises out of here (the lease lapses; the event is leased
    again)."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = steps.send(value) if error is None else steps.throw(error)
        except StopIteration:
            return
        value, error = None, None
        if isinstance(step, (Note, Complete, Fail)):
            settle(inbox, entry, step)
            continue
        try:
            value = step.handler(step.event) if isinstance(step, Call) else send(step.request)
        except Exception as raised:
            error = raised


def settle(inbox: Inbox, entry: Entry, step: Note | Complete | Fail) -> None:
    """Apply a store step of :func:`handling` to ``inbox`` (blocking)."""
    if isinstance(step, Note):
        if not inbox.note(entry, step.notes):
            raise LeaseLostError(f"the lease on {entry.id} lapsed; another worker has the event")
    elif isinstance(step, Complete):
        if not inbox.complete(entry):
            log.warning("event %s was handled, but its lease had lapsed: another worker may "
                        "handle it again (its sends are keyed)", entry.id)
    else:
        state = inbox.fail(entry, step.error)
        if state == "parked":
            log.error("event %s parked after %d attempts: %s", entry.id, entry.attempts,
                      step.error)


def decode_event(text: str) -> Any:
    """The event model of a recorded event's JSON text."""
    from linebot_fp.codec import loads, structure
    from linebot_fp.models import Event

    return structure(loads(text), Event)


def requests_of(result: object, handler: Handler) -> list[Request[Any]]:
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


def describe(error: BaseException, limit: int = 500) -> str:
    """``"Kind: message"``, at most ``limit`` characters."""
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe_event(entry: Entry, event: Any) -> str:
    return f"{type(event).__name__} {entry.id}"
