"""A location message to send: :class:`LocationSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#location-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["LocationSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationSendMessage(SendMessage):
    """A location: title, address and coordinates."""

    type: ClassVar[str] = "location"
    title: str
    address: str
    latitude: float
    longitude: float
