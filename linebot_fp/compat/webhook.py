"""The legacy ``linebot.webhook``: ``WebhookParser``, ``WebhookHandler``, ``SignatureValidator``.

https://developers.line.biz/en/reference/messaging-api/#webhooks

Thin shells over :mod:`linebot_fp.webhook`: the core decodes the body and routes
the events. The signature is checked by the parser's ``signature_validator``
(a :class:`SignatureValidator`), which bots and tests may replace, as in the
legacy SDK. Events are the legacy classes of :mod:`linebot_fp.compat.models`
(``MessageEvent``, ``TextMessage``, ...), so ``handler.add(MessageEvent,
message=TextMessage)`` and ``isinstance`` with those names work.

This module performs no I/O.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar, overload

from linebot_fp.compat.exceptions import InvalidSignatureError
from linebot_fp.compat.models._factory import from_core
from linebot_fp.compat.models.base import Base
from linebot_fp.webhook import dispatch, parse_payload_unverified, verify_signature

__all__ = ["SignatureValidator", "WebhookHandler", "WebhookParser", "WebhookPayload"]

F = TypeVar("F", bound=Callable[..., Any])


class SignatureValidator:
    """Checks ``X-Line-Signature``: HMAC-SHA256 of the body with the channel secret, base64.

    Raises ``ValueError`` when ``channel_secret`` is empty or not text (or bytes).
    """

    def __init__(self, channel_secret: str | bytes) -> None:
        if not isinstance(channel_secret, (str, bytes)) or not channel_secret:
            raise ValueError("channel_secret must be a non-empty string (the channel secret "
                             "of the LINE Developers console)")
        self.channel_secret = (channel_secret.encode("utf-8")
                               if isinstance(channel_secret, str) else channel_secret)

    def validate(self, body: str | bytes, signature: str) -> bool:
        """Whether ``signature`` signs ``body`` (compared in constant time)."""
        return verify_signature(body, signature, self.channel_secret)


class WebhookPayload:
    """The legacy webhook payload: ``events`` and ``destination`` (the bot's user ID)."""

    def __init__(self, events: list[Any] | None = None, destination: str | None = None) -> None:
        self.events = events
        self.destination = destination


class WebhookParser:
    """Checks the signature of a webhook body and decodes its events."""

    def __init__(self, channel_secret: str | bytes) -> None:
        self.signature_validator = SignatureValidator(channel_secret)

    @overload
    def parse(self, body: str | bytes, signature: str,
              as_payload: Literal[False] = False) -> list[Base]: ...
    @overload
    def parse(self, body: str | bytes, signature: str,
              as_payload: Literal[True]) -> WebhookPayload: ...
    def parse(self, body: str | bytes, signature: str,
              as_payload: bool = False) -> list[Base] | WebhookPayload:
        """The events of ``body``, or its :class:`WebhookPayload` (events and destination).

        Raises ``InvalidSignatureError`` when ``signature_validator.validate`` says
        no, and ``InvalidPayloadError`` (a ``ValueError``) when the body is not a
        webhook body.
        """
        if not self.signature_validator.validate(body, signature):
            raise InvalidSignatureError(f"Invalid signature. signature={signature}")
        payload = parse_payload_unverified(body)
        events = [from_core(event) for event in payload.events]
        if as_payload:
            return WebhookPayload(events=events, destination=payload.destination)
        return events


class _Handler:
    """A user's handler, and how many of ``(event, destination)`` it takes.

    Decided once, when the handler is added, as the legacy SDK decided it: two
    positional parameters (or ``*args``) get the event and the payload's
    ``destination``, one gets the event, none gets nothing.
    """

    __slots__ = ("arity", "func")

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func
        self.arity = _arity(func)

    def __call__(self, event: Base) -> Callable[[str | None], Any]:
        """The handler bound to ``event``, waiting for the destination."""
        return functools.partial(self._invoke, event)

    def _invoke(self, event: Base, destination: str | None) -> Any:
        return self.func(*(event, destination)[: self.arity])


def _arity(func: Callable[..., Any]) -> int:
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):  # a callable Python cannot introspect: give it the event
        return 1
    kinds = [parameter.kind for parameter in parameters]
    if inspect.Parameter.VAR_POSITIONAL in kinds:
        return 2
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return min(sum(kind in positional for kind in kinds), 2)


class WebhookHandler:
    """Routes the events of a signed webhook body to the functions added for them.

    ``@handler.add(MessageEvent, message=TextMessage)`` handles text messages,
    ``@handler.add(FollowEvent)`` follow events, ``@handler.default()`` any
    event nothing else handles. The most specific handler wins.
    """

    def __init__(self, channel_secret: str | bytes) -> None:
        self.parser = WebhookParser(channel_secret)
        self._handlers: dict[Any, _Handler] = {}
        self._default: _Handler | None = None

    def add(self, event: type[Base],
            message: type[Base] | Sequence[type[Base]] | None = None
            ) -> Callable[[F], F]:
        """Decorator: handle ``event`` (with a ``message`` of one of the given classes)."""
        messages = message if isinstance(message, (list, tuple)) else [message]

        def decorator(func: F) -> F:
            handler = _Handler(func)
            for item in messages:
                self._handlers[event if item is None else (event, item)] = handler
            return func

        return decorator

    def default(self) -> Callable[[F], F]:
        """Decorator: handle every event that no added handler takes."""

        def decorator(func: F) -> F:
            self._default = _Handler(func)
            return func

        return decorator

    def handle(self, body: str | bytes, signature: str) -> None:
        """Check the signature, parse the body and call the handler of each event, in order.

        Raises ``InvalidSignatureError`` when the signature does not match.
        """
        payload = self.parser.parse(body, signature, as_payload=True)
        # dispatch finds each event's handler (a dict lookup) and binds the event to it;
        # each bound handler then gets the destination, for handlers that take it
        for bound in dispatch(self._handlers, payload.events or (), self._default):
            bound(payload.destination)
