"""The legacy ``linebot.exceptions``: the core exceptions under their legacy names.

These are aliases, not copies, so ``except linebot_fp.compat.exceptions.LineBotApiError``
catches exactly what :class:`~linebot_fp.client.Client` raises::

    BaseError (= linebot_fp.errors.LineBotError)
    ├── InvalidSignatureError         the webhook body does not match X-Line-Signature
    └── LineBotApiError               the API answered with a non-2xx status:
                                      status_code, headers, request_id,
                                      accepted_request_id, error.message, error.details

Two things differ from the legacy SDK: ``LineBotApiError.message`` is a whole
sentence (status, API message, details); the API's own message is
``error.message``, as before. And a send that gets no answer at all raises
:class:`~linebot_fp.errors.TransportError` (an ``OSError``), where the legacy SDK
let the ``requests`` exception through.

This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.errors import InvalidSignatureError, LineBotApiError, LineBotError as BaseError

__all__ = ["BaseError", "InvalidSignatureError", "LineBotApiError"]
