"""Users, groups, rooms and the bot itself.

https://developers.line.biz/en/reference/messaging-api/#users

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = [
    "BotInfo", "Group", "GroupMemberCountResponse", "IssueLinkTokenResponse", "MemberIds",
    "Profile", "RoomMemberCountResponse", "UserIds",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile(Model):
    """A user's profile; group and room member profiles carry only the first three fields."""

    display_name: str
    user_id: str
    picture_url: str | None = None
    status_message: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserIds(Model):
    """User ids of the bot's friends; ``next`` continues the list."""

    user_ids: Sequence[str]
    next: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberIds(Model):
    """User ids of a group's or room's members; ``next`` continues the list."""

    member_ids: Sequence[str]
    next: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Group(Model):
    """A group's summary: id, name and icon."""

    group_id: str
    group_name: str
    picture_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupMemberCountResponse(Model):
    """How many members a group has (the bot not included)."""

    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RoomMemberCountResponse(Model):
    """How many members a room has (the bot not included)."""

    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BotInfo(Model):
    """The bot's basic information."""

    user_id: str
    basic_id: str
    display_name: str
    chat_mode: str
    mark_as_read_mode: str
    premium_id: str | None = None
    picture_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueLinkTokenResponse(Model):
    """A link token for account linking."""

    link_token: str
