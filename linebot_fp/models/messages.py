"""Message contents received in a message event (``MessageEvent.message``).

https://developers.line.biz/en/reference/messaging-api/#message-event

Received side, decoded leniently: enum-like values (``content_provider.type``,
``sticker_resource_type``, ...) are plain strings; fields LINE added after a
message type appeared (``quote_token``, ``mark_as_read_token``, ``content_provider``,
...) default to ``None``; a message ``type`` this SDK does not know decodes to
:class:`UnknownMessage`, a mentionee ``type`` to :class:`UnknownMentionee`.

A family base gives each of its fields a default so that its ``Unknown...``
member can be built from ``raw`` alone; a known member declares again, as
required, the fields LINE always sends (``id`` of a message, ``index`` of a
mentionee).

Each message kind lives in a small module of its own under
``linebot_fp.models._messages``, so a process imports only the kinds it meets;
importing this module imports them all.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._messages.audio import AudioMessage
from linebot_fp.models._messages.base import Message
from linebot_fp.models._messages.content_provider import ContentProvider
from linebot_fp.models._messages.file import FileMessage
from linebot_fp.models._messages.image import ImageMessage, ImageSet
from linebot_fp.models._messages.location import LocationMessage
from linebot_fp.models._messages.mention import Mention, Mentionee
from linebot_fp.models._messages.mentionees import AllMentionee, UnknownMentionee, UserMentionee
from linebot_fp.models._messages.sticker import StickerMessage
from linebot_fp.models._messages.text import TextMessage
from linebot_fp.models._messages.unknown import UnknownMessage
from linebot_fp.models._messages.video import VideoMessage

__all__ = [
    "AllMentionee", "AudioMessage", "ContentProvider", "FileMessage", "ImageMessage",
    "ImageSet", "LocationMessage", "Mention", "Mentionee", "Message", "StickerMessage",
    "TextMessage", "UnknownMentionee", "UnknownMessage", "UserMentionee", "VideoMessage",
]
