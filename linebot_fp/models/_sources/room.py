"""A multi-person chat: :class:`SourceRoom`.

https://developers.line.biz/en/reference/messaging-api/#source-room

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._sources.base import Source

__all__ = ["SourceRoom"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRoom(Source):
    """A multi-person chat; ``user_id`` is the member who caused the event, when LINE tells."""

    type: ClassVar[str] = "room"
    room_id: str

    @property
    def sender_id(self) -> str:
        """The room id."""
        return self.room_id
