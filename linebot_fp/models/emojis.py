"""LINE emoji inside a text message, on the way out and on the way in.

https://developers.line.biz/en/reference/messaging-api/#text-message
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["Emojis"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Emojis(Model):
    """One LINE emoji: where ``$`` stands in the text (``index``) and which emoji it is.

    ``length`` is only present in received messages.
    """

    index: int
    product_id: str
    emoji_id: str
    length: int | None = None
