"""Received message contents: the base of the family, and its table.

https://developers.line.biz/en/reference/messaging-api/#message-event

Received side, decoded leniently: enum-like values (``content_provider.type``,
``sticker_resource_type``, ...) are plain strings; fields LINE added after a
message type appeared (``quote_token``, ``mark_as_read_token``, ``content_provider``,
...) default to ``None``; a message ``type`` this SDK does not know decodes to
:class:`UnknownMessage`, a mentionee ``type`` to :class:`UnknownMentionee`.

A family base gives each of its fields a default so that its ``Unknown...``
member can be built from ``raw`` alone; a known member declares again, as
required, the fields LINE always sends (``id`` of a message, ``index`` of a
mentionee). This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model

__all__ = ["Message"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Message(Model):
    """Base of the received message contents."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "audio": "linebot_fp.models._messages.audio:AudioMessage",
        "file": "linebot_fp.models._messages.file:FileMessage",
        "image": "linebot_fp.models._messages.image:ImageMessage",
        "location": "linebot_fp.models._messages.location:LocationMessage",
        "sticker": "linebot_fp.models._messages.sticker:StickerMessage",
        "text": "linebot_fp.models._messages.text:TextMessage",
        "video": "linebot_fp.models._messages.video:VideoMessage",
    }, unknown="linebot_fp.models._messages.unknown:UnknownMessage")
    id: str | None = None
    mark_as_read_token: str | None = None

