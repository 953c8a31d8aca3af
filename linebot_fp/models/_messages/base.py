"""Received message contents: the base of the family, and its table.

https://developers.line.biz/en/reference/messaging-api/#message-event

Each field of :class:`Message` has a default, so that the unknown message can be
made from ``raw`` alone; a known kind (one module each, beside this one) declares
``id`` again as required, because LINE always sends it. The kinds and their rules
of reading are told in :mod:`linebot_fp.models.messages`.
This module performs no I/O.
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

