"""An audio message: :class:`AudioMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-audio

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message
from linebot_fp.models._messages.content_provider import ContentProvider

__all__ = ["AudioMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioMessage(Message):
    """An audio message; ``duration`` in milliseconds."""

    type: ClassVar[str] = "audio"
    id: str
    duration: int | None = None
    content_provider: ContentProvider | None = None
