"""Signed webhook bodies, made the way LINE makes them, for testing a bot's callback.

https://developers.line.biz/en/reference/messaging-api/#request-body
https://developers.line.biz/en/reference/messaging-api/#signature-validation

``webhook_body(events, secret)`` gives the exact body bytes and their
``X-Line-Signature``; hand both to your callback (a function, a Flask test
client, a Lambda event) or :func:`post_webhook` them to a running server::

    body, signature = webhook_body([text_message_event("hi")], SECRET)
    assert parse(body, signature, SECRET) == [text_message_event("hi")]

Everything here is pure except :func:`post_webhook`, which sends one HTTP POST.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable

from linebot_fp.codec import dumps, unstructure
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import Event
from linebot_fp.request import Headers, Response
from linebot_fp.webhook import signature

__all__ = ["DESTINATION", "WEBHOOK_USER_AGENT", "post_webhook", "sign", "webhook_body",
           "webhook_headers"]

#: the bot's own user id, which LINE sends as ``destination`` (``U`` and 32 hex digits)
DESTINATION = "Ufedcba9876543210fedcba9876543210"
#: the ``User-Agent`` of LINE's webhook deliveries
WEBHOOK_USER_AGENT = "LineBotWebhook/2.0"


def sign(body: str | bytes, secret: str | bytes) -> str:
    """The ``X-Line-Signature`` of ``body``: base64 of its HMAC-SHA256 under the channel secret."""
    return signature(body, secret)


def webhook_body(events: Event | Iterable[Event], secret: str | bytes, *,
                 destination: str = DESTINATION) -> tuple[bytes, str]:
    """``(body, signature)``: the JSON LINE would post for ``events``, and its signature.

    ``events`` is one event or any number (none makes LINE's connection check).
    The body is compact UTF-8 JSON; parsing it gives the same events back.
    """
    batch = [events] if isinstance(events, Event) else list(events)
    for index, event in enumerate(batch):
        if not isinstance(event, Event):
            raise InvalidInputError(
                f"events[{index}] must be an Event (see linebot_fp.testing's factories), "
                f"got {type(event).__name__}")
    body = dumps({"destination": destination, "events": [unstructure(e) for e in batch]})
    return body, sign(body, secret)


def webhook_headers(signature: str) -> dict[str, str]:
    """The headers LINE sends with a webhook body signed with ``signature``."""
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": WEBHOOK_USER_AGENT,
        "X-Line-Signature": signature,
    }


def post_webhook(url: str, body: bytes, signature: str, *, timeout: float = 5.0) -> Response:
    """POST a webhook body to ``url`` as LINE does; the bot's answer, whatever its status.

    Use it with :func:`webhook_body`: ``post_webhook(url, *webhook_body(events, SECRET))``.
    Only a failure to get any answer raises (``OSError``).
    """
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers=webhook_headers(signature))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Response(status=answer.status, headers=Headers(answer.headers.items()),
                            body=answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(status=error.code, headers=Headers(error.headers.items()),
                            body=error.read())
