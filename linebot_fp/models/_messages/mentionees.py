"""The members of the :class:`Mentionee` family: a user, everyone, and the unknown one.

https://developers.line.biz/en/reference/messaging-api/#wh-text

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Unknown
from linebot_fp.models._messages.mention import Mentionee

__all__ = ["AllMentionee", "UnknownMentionee", "UserMentionee"]


@dataclass(frozen=True, slots=True, kw_only=True)
class UserMentionee(Mentionee):
    """A mentioned user; ``user_id`` only when the user allowed the bot to see their profile."""

    type: ClassVar[str] = "user"
    index: int
    length: int
    user_id: str | None = None
    is_self: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AllMentionee(Mentionee):
    """A mention of everyone in the group (``@All``)."""

    type: ClassVar[str] = "all"
    index: int
    length: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMentionee(Unknown, Mentionee):
    """A mentionee of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
