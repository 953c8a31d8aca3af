"""Who holds a media message's content: :class:`ContentProvider`.

https://developers.line.biz/en/reference/messaging-api/#wh-image

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["ContentProvider"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentProvider(Model):
    """Who holds the media: ``"line"`` (get it with get_message_content) or ``"external"``."""

    type: str
    original_content_url: str | None = None
    preview_image_url: str | None = None
