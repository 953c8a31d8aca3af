"""A user edited a message they had sent: :class:`MessageEditedEvent`.

https://developers.line.biz/en/reference/messaging-api/#edit-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._events.base import Event
from linebot_fp.models._messages.base import Message

__all__ = ["MessageEditedEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageEditedEvent(Event):
    """A user edited a text message they had sent; ``message`` is the message as edited.

    LINE sends it for an edit in a group chat that includes the bot (editing is
    not available in one-on-one chats with a LINE Official Account yet). The
    message keeps its ``id``, so an edit is matched to the message it changes by
    ``message.id``. Several edits of one message may arrive out of order: the
    event with the largest ``timestamp`` is the latest edit, so keep an edit only
    when its ``timestamp`` is larger than that of the one you have. ``reply_token``
    is ``None`` when LINE sends none; ``message`` is an ``UnknownMessage`` for a
    message type this SDK does not know.
    """

    type: ClassVar[str] = "messageEdited"
    timestamp: int
    reply_token: str | None = None
    message: Message
