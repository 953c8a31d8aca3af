"""A location message: :class:`LocationMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-location

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message

__all__ = ["LocationMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationMessage(Message):
    """A location message."""

    type: ClassVar[str] = "location"
    id: str
    latitude: float
    longitude: float
    title: str | None = None
    address: str | None = None
