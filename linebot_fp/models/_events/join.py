"""The account joined (:class:`JoinEvent`) or left (:class:`LeaveEvent`) a group chat or
multi-person chat.

https://developers.line.biz/en/reference/messaging-api/#join-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._events.base import Event

__all__ = ["JoinEvent", "LeaveEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class JoinEvent(Event):
    """The LINE Official Account joined a group chat or multi-person chat."""

    type: ClassVar[str] = "join"
    timestamp: int
    reply_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaveEvent(Event):
    """The LINE Official Account left, or was removed from, a group chat or multi-person chat."""

    type: ClassVar[str] = "leave"
    timestamp: int
