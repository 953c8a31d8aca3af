"""Where a webhook event comes from: the base of the sources, and its table.

https://developers.line.biz/en/reference/messaging-api/#source-user

Received side: every field a source may lack defaults to ``None``, and a source
``type`` this SDK does not know decodes to :class:`UnknownSource`.
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model

__all__ = ["Source"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Model):
    """Base of the event sources; ``user_id`` is on every kind (absent when LINE omits it)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "group": "linebot_fp.models._sources.group:SourceGroup",
        "room": "linebot_fp.models._sources.room:SourceRoom",
        "user": "linebot_fp.models._sources.user:SourceUser",
    }, unknown="linebot_fp.models._sources.unknown:UnknownSource")
    user_id: str | None = None

    @property
    def sender_id(self) -> str | None:
        """The id to push a reply to: the group, the room or else the user (legacy name)."""
        return self.user_id

