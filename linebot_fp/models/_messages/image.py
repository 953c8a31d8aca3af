"""An image message: :class:`ImageMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-image

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._messages.base import Message
from linebot_fp.models._messages.content_provider import ContentProvider

__all__ = ["ImageMessage", "ImageSet"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageSet(Model):
    """The set an image belongs to when several were sent at once."""

    id: str
    index: int | None = None
    total: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageMessage(Message):
    """An image message."""

    type: ClassVar[str] = "image"
    id: str
    content_provider: ContentProvider | None = None
    image_set: ImageSet | None = None
    quote_token: str | None = None
