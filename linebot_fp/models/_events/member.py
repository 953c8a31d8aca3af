"""Users joined (:class:`MemberJoinedEvent`) or left (:class:`MemberLeftEvent`) a chat the
account is in.

https://developers.line.biz/en/reference/messaging-api/#member-joined-event

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event
from linebot_fp.models._sources.base import Source

__all__ = ["Joined", "Left", "MemberJoinedEvent", "MemberLeftEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Joined(Model):
    """The users who joined (source user objects)."""

    members: Sequence[Source]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberJoinedEvent(Event):
    """Users joined a group chat or multi-person chat the LINE Official Account is in."""

    type: ClassVar[str] = "memberJoined"
    timestamp: int
    reply_token: str | None = None
    joined: Joined


@dataclass(frozen=True, slots=True, kw_only=True)
class Left(Model):
    """The users who left (source user objects)."""

    members: Sequence[Source]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberLeftEvent(Event):
    """Users left a group chat or multi-person chat the LINE Official Account is in."""

    type: ClassVar[str] = "memberLeft"
    timestamp: int
    left: Left
