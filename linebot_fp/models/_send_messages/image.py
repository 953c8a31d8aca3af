"""An image message to send: :class:`ImageSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#image-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["ImageSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageSendMessage(SendMessage):
    """An image: the original and a preview, both HTTPS URLs."""

    type: ClassVar[str] = "image"
    original_content_url: str
    preview_image_url: str
