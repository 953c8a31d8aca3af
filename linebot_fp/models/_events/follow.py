"""The account was added as a friend or unblocked (:class:`FollowEvent`), or blocked
(:class:`UnfollowEvent`).

https://developers.line.biz/en/reference/messaging-api/#follow-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event

__all__ = ["Follow", "FollowEvent", "UnfollowEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Follow(Model):
    """Whether the follow is an unblock (True) or a new friend (False)."""

    is_unblocked: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowEvent(Event):
    """The LINE Official Account was added as a friend or unblocked."""

    type: ClassVar[str] = "follow"
    timestamp: int
    reply_token: str | None = None
    follow: Follow | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnfollowEvent(Event):
    """The LINE Official Account was blocked."""

    type: ClassVar[str] = "unfollow"
    timestamp: int
