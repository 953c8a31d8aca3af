"""A sticker message: :class:`StickerMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-sticker

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message

__all__ = ["StickerMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StickerMessage(Message):
    """A sticker message; ``text`` only for message stickers, ``keywords`` at most 15."""

    type: ClassVar[str] = "sticker"
    id: str
    package_id: str
    sticker_id: str
    sticker_resource_type: str | None = None
    keywords: Sequence[str] | None = None
    text: str | None = None
    quote_token: str | None = None
    quoted_message_id: str | None = None
