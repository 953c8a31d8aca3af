"""A group chat: :class:`SourceGroup`.

https://developers.line.biz/en/reference/messaging-api/#source-group

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._sources.base import Source

__all__ = ["SourceGroup"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceGroup(Source):
    """A group chat; ``user_id`` is the member who caused the event, when LINE tells."""

    type: ClassVar[str] = "group"
    group_id: str

    @property
    def sender_id(self) -> str:
        """The group id."""
        return self.group_id
