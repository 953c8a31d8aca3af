"""Where a webhook event comes from: a user, a group chat or a multi-person chat (room).

https://developers.line.biz/en/reference/messaging-api/#source-user

Received side: every field a source may lack defaults to ``None``, and a source
``type`` this SDK does not know decodes to :class:`UnknownSource`.
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Model, Unknown

__all__ = ["Source", "SourceGroup", "SourceRoom", "SourceUser", "UnknownSource"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Model):
    """Base of the event sources; ``user_id`` is on every kind (absent when LINE omits it)."""

    type: ClassVar[str]
    user_id: str | None = None

    @property
    def sender_id(self) -> str | None:
        """The id to push a reply to: the group, the room or else the user (legacy name)."""
        return self.user_id


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceUser(Source):
    """A one-to-one chat with a user."""

    type: ClassVar[str] = "user"


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceGroup(Source):
    """A group chat; ``user_id`` is the member who caused the event, when LINE tells."""

    type: ClassVar[str] = "group"
    group_id: str

    @property
    def sender_id(self) -> str:
        """The group id."""
        return self.group_id


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRoom(Source):
    """A multi-person chat; ``user_id`` is the member who caused the event, when LINE tells."""

    type: ClassVar[str] = "room"
    room_id: str

    @property
    def sender_id(self) -> str:
        """The room id."""
        return self.room_id


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSource(Unknown, Source):
    """A source of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]
