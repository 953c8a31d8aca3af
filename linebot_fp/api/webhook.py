"""Builder for the webhook itself: the POST the LINE Platform sends to a bot.

https://developers.line.biz/en/reference/messaging-api/#request-body
:func:`callback` signs a webhook body with the channel secret, as LINE does, so
a test or a replay tool can deliver it to a bot's own URL: give the client
``endpoints={"webhook": "https://bot.example.com"}`` and the request goes to
``/callback`` there. This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.api._build import require_text
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError
from linebot_fp.request import Headers, Request
from linebot_fp.signature import signature

__all__ = ["callback"]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections


# https://developers.line.biz/en/reference/messaging-api/#signature-validation
@operation("callback")
def callback(payload: bytes | str, channel_secret: str | bytes) -> Request[None]:
    """The webhook POST LINE would send a bot: ``payload``, signed with the channel secret.

    Send it with a ``Client`` whose ``endpoints`` map ``"webhook"`` to the bot's URL, to
    test or replay a bot end to end.

    Args:
        payload: the JSON body (``{"destination": ..., "events": [...]}``) as bytes or text
            (UTF-8); sent byte for byte.
        channel_secret: the channel secret that signs it (``X-Line-Signature``).

    Returns:
        ``Request[None]``: a POST to ``/callback``; LINE expects the bot to answer 200, and
        its body is not read.

    Raises:
        InvalidInputError: ``payload`` is neither bytes nor text, or ``channel_secret`` is
            empty or not a string.
    """
    if isinstance(payload, str):
        body = require_text("payload", payload).encode("utf-8")
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
