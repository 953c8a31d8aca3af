"""Message objects to send: the base of the family, and its table.

https://developers.line.biz/en/reference/messaging-api/#message-objects

Every message to send shares ``quick_reply`` and ``sender``; each kind lives in a
module of its own beside this one (template, imagemap and flex messages in
theirs), listed in ``SendMessage.family``. This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model
from linebot_fp.models._send_messages.quick_reply import QuickReply
from linebot_fp.models._send_messages.sender import Sender

__all__ = ["SendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SendMessage(Model):
    """Base of the message objects to send (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "audio": "linebot_fp.models._send_messages.audio:AudioSendMessage",
        "coupon": "linebot_fp.models._send_messages.coupon:CouponSendMessage",
        "image": "linebot_fp.models._send_messages.image:ImageSendMessage",
        "location": "linebot_fp.models._send_messages.location:LocationSendMessage",
        "sticker": "linebot_fp.models._send_messages.sticker:StickerSendMessage",
        "text": "linebot_fp.models._send_messages.text:TextSendMessage",
        "textV2": "linebot_fp.models._send_messages.text_v2:TextV2SendMessage",
        "video": "linebot_fp.models._send_messages.video:VideoSendMessage",
        "flex": "linebot_fp.models.flex:FlexSendMessage",
        "imagemap": "linebot_fp.models.imagemap:ImagemapSendMessage",
        "template": "linebot_fp.models.templates:TemplateSendMessage",
    }, unknown="linebot_fp.models._send_messages.unknown:UnknownSendMessage")
    typed_slots: ClassVar[tuple[str, ...]] = ("quick_reply",)
    quick_reply: QuickReply | None = None
    sender: Sender | None = None

