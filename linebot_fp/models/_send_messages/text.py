"""A text message to send: :class:`TextSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#text-message

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage
from linebot_fp.models.emojis import Emojis

__all__ = ["TextSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSendMessage(SendMessage):
    """A text message, optionally with LINE emoji (``$`` in ``text``) and a quoted message."""

    type: ClassVar[str] = "text"
    text: str
    emojis: Sequence[Emojis] | None = None
    quote_token: str | None = None
