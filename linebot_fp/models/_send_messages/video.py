"""A video message to send: :class:`VideoSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#video-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["VideoSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoSendMessage(SendMessage):
    """A video with its preview image; ``tracking_id`` reports plays in a webhook."""

    type: ClassVar[str] = "video"
    original_content_url: str
    preview_image_url: str
    tracking_id: str | None = None
