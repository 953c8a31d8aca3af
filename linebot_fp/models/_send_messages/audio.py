"""An audio message to send: :class:`AudioSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#audio-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["AudioSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioSendMessage(SendMessage):
    """An audio file and its length in milliseconds."""

    type: ClassVar[str] = "audio"
    original_content_url: str
    duration: int
