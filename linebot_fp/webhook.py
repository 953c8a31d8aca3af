"""Receiving webhooks: check the signature, decode the events, route them to handlers.

https://developers.line.biz/en/reference/messaging-api/#webhooks
https://developers.line.biz/en/reference/messaging-api/#signature-validation

Rules of this module:

* The signature is checked before a single byte of the body is decoded.
* Whatever the body, the only exceptions out of ``parse*`` are
  :class:`~linebot_fp.errors.InvalidSignatureError` and
  :class:`~linebot_fp.errors.InvalidPayloadError` (a ``ValueError``); what is
  not a problem of the body (``KeyboardInterrupt``, a signal handler's
  ``TimeoutError``, ``MemoryError``) passes through untouched, never turned into
  an event.
* One event that cannot be read (even one that is not a JSON object) becomes
  an ``UnknownEvent``; it never costs the other events of the body.
* The channel secret is checked by :func:`~linebot_fp.signature.check_secret`.
* Speed: one ``json.loads`` per body, one codec hook call per event (a dict
  lookup on ``type``), no reflection per event.
* Imports stay light: the standard library, the codec and the event base; each
  event's module is imported the first time its ``type`` comes.

This module performs no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from json.scanner import make_scanner
from typing import Any, TypeVar, cast, overload

from linebot_fp.codec import DATA_ERRORS, structure_hook
from linebot_fp.errors import InvalidPayloadError, InvalidSignatureError
from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event
from linebot_fp.models._json import freeze
from linebot_fp.signature import BYTES_LIKE, check_secret, signature, signs, verify_signature

__all__ = [
    "WebhookPayload",
    "dispatch",
    "parse",
    "parse_payload",
    "parse_payload_unverified",
    "parse_unverified",
    "signature",
    "verify_signature",
]

R = TypeVar("R")

#: the standard library's own JSON scanner, called without the whitespace regular
#: expressions ``json.loads`` wraps it in (a webhook body is one JSON object)
_SCAN: Callable[[str, int], tuple[Any, int]] = make_scanner(
    json.JSONDecoder())  # type: ignore[arg-type]  # typeshed spells make_scanner as a class
_JSON_SPACE = " \t\n\r"
_BODY_TYPES = (str, *BYTES_LIKE)


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookPayload(Model):
    """A whole webhook body: the bot's user id (``destination``) and its events.

    LINE's connection check is ``{"destination": "...", "events": []}``.
    """

    destination: str | None = None
    events: Sequence[Event] = ()


def parse(body: str | bytes, signature: str | bytes | None, secret: str | bytes) -> list[Event]:
    """The events of a signed webhook body.

    ``body`` is the raw request body exactly as received (bytes, or ``str``
    decoded from UTF-8), never JSON already parsed or re-serialised: the
    signature covers those exact bytes. ``signature`` is the ``X-Line-Signature``
    header; ``secret`` the channel secret.

    Raises ``InvalidSignatureError`` when the signature does not match,
    ``InvalidPayloadError`` when the body is not a webhook payload (or not a
    body at all, such as a dict), and ``InvalidInputError`` (a ``ValueError``)
    for a channel secret that is empty or not ``str``/bytes.
    """
    _check_signature(body, signature, secret)
    return _decode_events(_load_body(body))


def parse_payload(
    body: str | bytes, signature: str | bytes | None, secret: str | bytes
) -> WebhookPayload:
    """Like :func:`parse`, keeping the ``destination`` of the body too."""
    _check_signature(body, signature, secret)
    data = _load_body(body)
    return WebhookPayload(destination=_destination(data), events=tuple(_decode_events(data)))


def parse_unverified(body: str | bytes) -> list[Event]:
    """The events of a webhook body whose signature was checked elsewhere (an API gateway)."""
    return _decode_events(_load(body))


def parse_payload_unverified(body: str | bytes) -> WebhookPayload:
    """Like :func:`parse_payload`, for a body whose signature was checked elsewhere."""
    data = _load(body)
    return WebhookPayload(destination=_destination(data), events=tuple(_decode_events(data)))


@overload
def dispatch(handlers: Mapping[Any, Callable[[Any], R]], events: Iterable[Event],
             default: Callable[[Any], R] | None = None) -> list[R]: ...
@overload
def dispatch(handlers: Mapping[Any, object], events: Iterable[Event],
             default: Callable[[Any], object] | None = None) -> list[Any]: ...
def dispatch(handlers: Mapping[Any, Any], events: Iterable[Event],
             default: Callable[[Any], Any] | None = None) -> list[Any]:
    """Call the handler of each event and return their results, in order.

    ``handlers`` maps an event class (``MessageEvent``), or an ``(event class,
    message class)`` pair (``(MessageEvent, TextMessage)``), to a function of
    one event. Keys match the exact classes (``type(event)``,
    ``type(event.message)``): the pair wins over the event class, which wins
    over ``default``; an event that none of them matches is skipped. ``events``
    are the events :func:`parse` returns.

    The result is typed from the handlers (``list[Request[ReplyMessageResponse]]``
    when each returns one). mypy cannot infer it when the handlers take different
    event classes (it joins them to ``function``) or an ``Any`` event, and gives
    ``list[Any]``: pass a ``default`` of the same result type, or annotate the
    variable that receives the result.
    """
    results: list[Any] = []
    get = handlers.get
    for event in events:
        cls = type(event)
        message = getattr(event, "message", None)
        handler = None if message is None else get((cls, type(message)))
        if handler is None:
            handler = get(cls, default)
        if handler is not None:
            results.append(handler(event))
    return results


# -- helpers --------------------------------------------------------------------------------------


def _check_signature(body: str | bytes, signature: str | bytes | None, secret: str | bytes) -> None:
    key = check_secret(secret)
    _require_body(body)
    if not signature:
        raise InvalidSignatureError("the X-Line-Signature header is missing or empty")
    if not signs(signature, body, key):
        raise InvalidSignatureError(
            "X-Line-Signature does not match the body and channel secret; sign the raw body "
            "bytes exactly as received: a re-serialised body does not verify")


def _require_body(body: object) -> None:
    if not isinstance(body, _BODY_TYPES):
        raise InvalidPayloadError(
            f"pass the raw request body bytes (before any JSON parsing) as bytes or str, "
            f"got {type(body).__name__}")


def _load(body: str | bytes) -> dict[str, Any]:
    """The body as a JSON object with an ``events`` list, or ``InvalidPayloadError``."""
    _require_body(body)
    return _load_body(body)


def _load_body(body: str | bytes) -> dict[str, Any]:
    """:func:`_load` for a body already known to be ``str`` or bytes-like."""
    try:  # LINE sends UTF-8; decoding first spares json its encoding detection
        data = _json(body if isinstance(body, str) else str(body, "utf-8"))
    except ValueError as exc:  # UnicodeDecodeError is a ValueError
        raise InvalidPayloadError(f"webhook body is not JSON: {exc}") from exc
    except RecursionError:
        raise InvalidPayloadError("webhook body is JSON nested too deeply to decode") from None
    if not isinstance(data, dict):
        raise InvalidPayloadError(
            f"webhook body must be a JSON object, got {_json_kind(data)}"
        )
    events = data.get("events")
    if not isinstance(events, list):
        problem = "is missing" if "events" not in data else f"is {_json_kind(events)}"
        raise InvalidPayloadError(f"webhook body must have an 'events' array; it {problem}")
    return data


def _json(text: str) -> Any:
    """``json.loads(text)``: the same values and errors, without its two regex passes."""
    start = 0 if text[:1] not in _JSON_SPACE else len(text) - len(text.lstrip(_JSON_SPACE))
    try:
        value, end = _SCAN(text, start)
    except StopIteration as stop:  # no JSON value where one must start
        raise json.JSONDecodeError("Expecting value", text, stop.value) from None
    if end != len(text):
        rest = text[end:]
        if rest.strip(_JSON_SPACE):
            raise json.JSONDecodeError("Extra data", text,
                                       len(text) - len(rest.lstrip(_JSON_SPACE)))
    return value


def _destination(data: dict[str, Any]) -> str | None:
    destination = data.get("destination")
    if destination is None or isinstance(destination, str):
        return destination
    raise InvalidPayloadError(
        f"webhook 'destination' must be a string, got {_json_kind(destination)}"
    )


@cache
def _event_hook() -> Callable[[Any, Any], Any]:
    """The codec's reader of the event family, made on first use (cold start)."""
    return structure_hook(Event)


def _decode_events(data: dict[str, Any]) -> list[Event]:
    hook = _event_hook()
    events: list[Event] = []
    append = events.append
    for item in data["events"]:
        if item.__class__ is not dict:
            append(_kept_as_is(item))
            continue
        try:
            append(hook(item, Event))
        except DATA_ERRORS:  # the codec degrades to UnknownEvent itself; this is the last net
            append(_unknown(item))
    return events


def _unknown(item: dict[str, Any]) -> Event:
    """An ``UnknownEvent`` for an object the event reader gave up on: the common fields
    it can read, or only ``raw``."""
    unknown = _unknown_event()
    try:
        event: Event = structure_hook(unknown)(item, unknown)
    except DATA_ERRORS:
        return _kept_as_is(item)
    return event


def _unknown_event() -> type[Event]:
    """``UnknownEvent``, from the events' table (imported only when a body needs it)."""
    return cast("type[Event]", Event.family.unknown_member())


def _kept_as_is(value: Any) -> Event:
    """An ``UnknownEvent`` whose ``raw`` is an entry of ``events`` kept as it came.

    Such an entry (a number, ``null``, an array, or an object nothing could be
    read from) has none of the fields an event shares, so they stay at their
    defaults; the entry (frozen) costs no other event of the body.
    """
    unknown = _unknown_event()
    event = object.__new__(unknown)
    for field in fields(unknown):
        object.__setattr__(event, field.name,
                           freeze(value) if field.name == "raw" else field.default)
    return event


def _json_kind(value: object) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)
