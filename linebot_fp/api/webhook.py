"""Builder for the webhook itself: the POST the LINE Platform sends to a bot.

https://developers.line.biz/en/reference/messaging-api/#request-body
:func:`callback` signs a webhook body with the channel secret, as LINE does, so
a test or a replay tool can deliver it to a bot's own URL: give the client
``endpoints={"webhook": "https://bot.example.com"}`` and the request goes to
``/callback`` there. This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Headers, Request
from linebot_fp.signature import signature

__all__ = ["callback"]


# https://developers.line.biz/en/reference/messaging-api/#signature-validation
@operation("callback")
def callback(payload: bytes | str, channel_secret: str | bytes) -> Request[None]:
    """The webhook POST carrying ``payload`` (a JSON body), signed with ``channel_secret``."""
    if isinstance(payload, str):
        body = payload.encode("utf-8")
    elif isinstance(payload, (bytes, bytearray, memoryview)):
        body = bytes(payload)
    else:
        raise InvalidInputError(f"payload must be the JSON body as bytes or str, "
                                f"got {type(payload).__name__}")
    if not isinstance(channel_secret, (str, bytes)) or not channel_secret:
        raise InvalidInputError("channel_secret must be a non-empty string")
    return Request(operation="callback", method="POST", base="webhook", path="/callback",
                   headers=Headers({"Content-Type": "application/json; charset=utf-8",
                                    "X-Line-Signature": signature(body, channel_secret)}),
                   body=body)
