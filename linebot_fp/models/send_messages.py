"""Message objects to send: text, media, location, sticker, coupon; quick reply and sender.

https://developers.line.biz/en/reference/messaging-api/#message-objects
Template, imagemap and flex messages live in their own modules; they are members
of the same :class:`SendMessage` family. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Model, Unknown, check_count
from linebot_fp.models.actions import Action
from linebot_fp.models.emojis import Emojis

__all__ = [
    "AllMentionTarget",
    "AudioSendMessage",
    "CouponSendMessage",
    "EmojiSubstitutionObject",
    "ImageSendMessage",
    "LocationSendMessage",
    "MentionSubstitutionObject",
    "MentionTarget",
    "QuickReply",
    "QuickReplyButton",
    "SendMessage",
    "Sender",
    "StickerSendMessage",
    "SubstitutionObject",
    "TextSendMessage",
    "TextV2SendMessage",
    "UnknownMentionTarget",
    "UnknownSendMessage",
    "UnknownSubstitutionObject",
    "UserMentionTarget",
    "VideoSendMessage",
]

MAX_QUICK_REPLY_ITEMS = 13


# -- quick reply and sender (https://developers.line.biz/en/reference/messaging-api/#quick-reply)


@dataclass(frozen=True, slots=True, kw_only=True)
class QuickReplyButton(Model):
    """One quick reply button: an action and an optional icon."""

    type: ClassVar[str] = "action"
    action: Action
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuickReply(Model):
    """The quick reply buttons shown under a message (at most 13)."""

    items: Sequence[QuickReplyButton]

    def _check(self) -> None:
        check_count(self, "items", self.items, 0, MAX_QUICK_REPLY_ITEMS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sender(Model):
    """Display name and icon shown instead of the bot's own when sending."""

    name: str | None = None
    icon_url: str | None = None


# -- the family ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SendMessage(Model):
    """Base of the message objects to send (family base: no own ``type`` value)."""

    type: ClassVar[str]
    members_in: ClassVar[tuple[str, ...]] = (
        "linebot_fp.models.templates",
        "linebot_fp.models.imagemap",
        "linebot_fp.models.flex",
    )
    quick_reply: QuickReply | None = None
    sender: Sender | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSendMessage(SendMessage):
    """A text message, optionally with LINE emoji (``$`` in ``text``) and a quoted message."""

    type: ClassVar[str] = "text"
    text: str
    emojis: Sequence[Emojis] | None = None
    quote_token: str | None = None


# -- text message v2 (https://developers.line.biz/en/reference/messaging-api/#text-message-v2)


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionTarget(Model):
    """Base of whom a mention in a text message v2 points at (family base)."""

    type: ClassVar[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class UserMentionTarget(MentionTarget):
    """Mention one user."""

    type: ClassVar[str] = "user"
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AllMentionTarget(MentionTarget):
    """Mention everyone in the group or room."""

    type: ClassVar[str] = "all"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownMentionTarget(Unknown, MentionTarget):
    """A mention target of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class SubstitutionObject(Model):
    """Base of what replaces a ``{key}`` in a text message v2 (family base)."""

    type: ClassVar[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionSubstitutionObject(SubstitutionObject):
    """Replace ``{key}`` by a mention."""

    type: ClassVar[str] = "mention"
    mentionee: MentionTarget


@dataclass(frozen=True, slots=True, kw_only=True)
class EmojiSubstitutionObject(SubstitutionObject):
    """Replace ``{key}`` by a LINE emoji."""

    type: ClassVar[str] = "emoji"
    product_id: str
    emoji_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSubstitutionObject(Unknown, SubstitutionObject):
    """A substitution of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextV2SendMessage(SendMessage):
    """A text message whose ``{key}`` placeholders are replaced by mentions or emoji.

    ``substitution`` is stored as a read-only mapping, so the message stays
    immutable and hashable; its keys are written as given.
    """

    type: ClassVar[str] = "textV2"
    text: str
    substitution: Mapping[str, SubstitutionObject] | None = None
    quote_token: str | None = None

    def _check(self) -> None:
        # not only a check: the mapping given is copied into a read-only view of our own
        value = self.substitution
        if value is None:
            return
        if not isinstance(value, Mapping):
            raise InvalidInputError(
                f"TextV2SendMessage.substitution takes a mapping, got {type(value).__name__}"
            )
        object.__setattr__(self, "substitution", MappingProxyType(dict(value)))

    def __hash__(self) -> int:
        substitution = None if self.substitution is None else frozenset(self.substitution.items())
        return hash((self.text, substitution, self.quote_token, self.quick_reply, self.sender))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and deep-copy through a plain dict (a read-only view cannot be pickled)."""
        substitution = None if self.substitution is None else dict(self.substitution)
        return (_rebuild, (type(self), {
            "text": self.text, "substitution": substitution, "quote_token": self.quote_token,
            "quick_reply": self.quick_reply, "sender": self.sender,
        }))


def _rebuild(cls: type[TextV2SendMessage], fields: dict[str, Any]) -> TextV2SendMessage:
    return cls(**fields)


# -- the other messages ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageSendMessage(SendMessage):
    """An image: the original and a preview, both HTTPS URLs."""

    type: ClassVar[str] = "image"
    original_content_url: str
    preview_image_url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoSendMessage(SendMessage):
    """A video with its preview image; ``tracking_id`` reports plays in a webhook."""

    type: ClassVar[str] = "video"
    original_content_url: str
    preview_image_url: str
    tracking_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioSendMessage(SendMessage):
    """An audio file and its length in milliseconds."""

    type: ClassVar[str] = "audio"
    original_content_url: str
    duration: int


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationSendMessage(SendMessage):
    """A location: title, address and coordinates."""

    type: ClassVar[str] = "location"
    title: str
    address: str
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True, kw_only=True)
class StickerSendMessage(SendMessage):
    """A sticker by package and sticker id."""

    type: ClassVar[str] = "sticker"
    package_id: str
    sticker_id: str
    quote_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponSendMessage(SendMessage):
    """A coupon created with the coupon API."""

    type: ClassVar[str] = "coupon"
    coupon_id: str
    delivery_tag: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSendMessage(Unknown, SendMessage):
    """A message of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]
