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
mentionee). This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Model, Unknown
from linebot_fp.models.emojis import Emojis

__all__ = [
    "AllMentionee",
    "AudioMessage",
    "ContentProvider",
    "FileMessage",
    "ImageMessage",
    "ImageSet",
    "LocationMessage",
    "Mention",
    "Mentionee",
    "Message",
    "StickerMessage",
    "TextMessage",
    "UnknownMentionee",
    "UnknownMessage",
    "UserMentionee",
    "VideoMessage",
]


# -- mentions (https://developers.line.biz/en/reference/messaging-api/#wh-text) ------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Mentionee(Model):
    """Base of the mention targets: where the mention stands in the text."""

    type: ClassVar[str]
    index: int | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserMentionee(Mentionee):
    """A mentioned user; ``user_id`` only when the user allowed the bot to see their profile."""

    type: ClassVar[str] = "user"
    index: int
    length: int
    user_id: str | None = None
    is_self: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AllMentionee(Mentionee):
    """A mention of everyone in the group (``@All``)."""

    type: ClassVar[str] = "all"
    index: int
    length: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMentionee(Unknown, Mentionee):
    """A mentionee of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Model):
    """The mentions in a text message."""

    mentionees: Sequence[Mentionee]


# -- media details -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentProvider(Model):
    """Who holds the media: ``"line"`` (get it with get_message_content) or ``"external"``."""

    type: str
    original_content_url: str | None = None
    preview_image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageSet(Model):
    """The set an image belongs to when several were sent at once."""

    id: str
    index: int | None = None
    total: int | None = None


# -- message contents ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Message(Model):
    """Base of the received message contents."""

    type: ClassVar[str]
    id: str | None = None
    mark_as_read_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextMessage(Message):
    """A text message, with its LINE emoji, mentions and quote."""

    type: ClassVar[str] = "text"
    id: str
    text: str
    emojis: Sequence[Emojis] | None = None
    mention: Mention | None = None
    quote_token: str | None = None
    quoted_message_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageMessage(Message):
    """An image message."""

    type: ClassVar[str] = "image"
    id: str
    content_provider: ContentProvider | None = None
    image_set: ImageSet | None = None
    quote_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoMessage(Message):
    """A video message; ``duration`` in milliseconds."""

    type: ClassVar[str] = "video"
    id: str
    duration: int | None = None
    content_provider: ContentProvider | None = None
    quote_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioMessage(Message):
    """An audio message; ``duration`` in milliseconds."""

    type: ClassVar[str] = "audio"
    id: str
    duration: int | None = None
    content_provider: ContentProvider | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileMessage(Message):
    """A file message; ``file_size`` in bytes."""

    type: ClassVar[str] = "file"
    id: str
    file_name: str
    file_size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationMessage(Message):
    """A location message."""

    type: ClassVar[str] = "location"
    id: str
    latitude: float
    longitude: float
    title: str | None = None
    address: str | None = None


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


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMessage(Unknown, Message):
    """A message of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]
