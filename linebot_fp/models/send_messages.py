"""Message objects to send: text, media, location, sticker, coupon; quick reply and sender.

https://developers.line.biz/en/reference/messaging-api/#message-objects
Template, imagemap and flex messages live in their own modules; they are members
of the same :class:`SendMessage` family.

Each kind lives in a small module of its own under
``linebot_fp.models._send_messages``, so a process imports only what it sends;
importing this module imports them all.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._send_messages.audio import AudioSendMessage
from linebot_fp.models._send_messages.base import SendMessage
from linebot_fp.models._send_messages.coupon import CouponSendMessage
from linebot_fp.models._send_messages.image import ImageSendMessage
from linebot_fp.models._send_messages.location import LocationSendMessage
from linebot_fp.models._send_messages.quick_reply import QuickReply, QuickReplyButton
from linebot_fp.models._send_messages.sender import Sender
from linebot_fp.models._send_messages.sticker import StickerSendMessage
from linebot_fp.models._send_messages.text import TextSendMessage
from linebot_fp.models._send_messages.text_v2 import (
    AllMentionTarget,
    EmojiSubstitutionObject,
    MentionSubstitutionObject,
    MentionTarget,
    SubstitutionObject,
    TextV2SendMessage,
    UnknownMentionTarget,
    UnknownSubstitutionObject,
    UserMentionTarget,
)
from linebot_fp.models._send_messages.unknown import UnknownSendMessage
from linebot_fp.models._send_messages.video import VideoSendMessage

__all__ = [
    "AllMentionTarget", "AudioSendMessage", "CouponSendMessage", "EmojiSubstitutionObject",
    "ImageSendMessage", "LocationSendMessage", "MentionSubstitutionObject", "MentionTarget",
    "QuickReply", "QuickReplyButton", "SendMessage", "Sender", "StickerSendMessage",
    "SubstitutionObject", "TextSendMessage", "TextV2SendMessage", "UnknownMentionTarget",
    "UnknownSendMessage", "UnknownSubstitutionObject", "UserMentionTarget", "VideoSendMessage",
]
