"""Where a webhook event comes from: the base of the sources, its table, the unknown source.

https://developers.line.biz/en/reference/messaging-api/#source-user

Received side: every field a source may lack defaults to ``None``, and a source
``type`` this SDK does not know decodes to :class:`UnknownSource`.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown

__all__ = ["Source", "UnknownSource"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Model):
    """Base of the event sources; ``user_id`` is on every kind (absent when LINE omits it)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "group": "linebot_fp.models._sources.group:SourceGroup",
        "room": "linebot_fp.models._sources.room:SourceRoom",
        "user": "linebot_fp.models._sources.user:SourceUser",
    }, unknown="linebot_fp.models._sources.base:UnknownSource")
    user_id: str | None = None

    @property
    def sender_id(self) -> str | None:
        """The id to push a reply to: the group, the room or else the user (legacy name)."""
        return self.user_id


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSource(Unknown, Source):
    """A source of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
