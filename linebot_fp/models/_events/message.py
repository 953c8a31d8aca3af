"""A user sent a message: :class:`MessageEvent`.

https://developers.line.biz/en/reference/messaging-api/#message-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._events.base import Event
from linebot_fp.models._messages.base import Message

__all__ = ["MessageEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageEvent(Event):
    """A user sent a message; ``message`` is an ``UnknownMessage`` for a new message type."""

    type: ClassVar[str] = "message"
    timestamp: int
    reply_token: str | None = None
    message: Message
