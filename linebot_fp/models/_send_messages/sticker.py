"""A sticker message to send: :class:`StickerSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#sticker-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["StickerSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StickerSendMessage(SendMessage):
    """A sticker by package and sticker id."""

    type: ClassVar[str] = "sticker"
    package_id: str
    sticker_id: str
    quote_token: str | None = None
