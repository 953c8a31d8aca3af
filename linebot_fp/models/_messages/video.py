"""A video message: :class:`VideoMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-video

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message
from linebot_fp.models._messages.content_provider import ContentProvider

__all__ = ["VideoMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoMessage(Message):
    """A video message; ``duration`` in milliseconds."""

    type: ClassVar[str] = "video"
    id: str
    duration: int | None = None
    content_provider: ContentProvider | None = None
    quote_token: str | None = None
