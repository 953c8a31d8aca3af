"""A text message: :class:`TextMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-text

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message
from linebot_fp.models._messages.mention import Mention
from linebot_fp.models.emojis import Emojis

__all__ = ["TextMessage"]


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
