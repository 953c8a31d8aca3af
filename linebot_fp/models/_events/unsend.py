"""A user unsent a message: :class:`UnsendEvent`.

https://developers.line.biz/en/reference/messaging-api/#unsend-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event

__all__ = ["Unsend", "UnsendEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Unsend(Model):
    """Which message was unsent."""

    message_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnsendEvent(Event):
    """A user unsent a message."""

    type: ClassVar[str] = "unsend"
    timestamp: int
    unsend: Unsend
