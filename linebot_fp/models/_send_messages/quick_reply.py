"""Quick reply buttons shown under a message: :class:`QuickReply`.

https://developers.line.biz/en/reference/messaging-api/#quick-reply

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action
from linebot_fp.models._base import Model, check_count

__all__ = ["QuickReply", "QuickReplyButton"]


MAX_QUICK_REPLY_ITEMS = 13


@dataclass(frozen=True, slots=True, kw_only=True)
class QuickReplyButton(Model):
    """One quick reply button: an action and an optional icon."""

    type: ClassVar[str] = "action"
    typed_slots: ClassVar[tuple[str, ...]] = ("action",)
    action: Action
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuickReply(Model):
    """The quick reply buttons shown under a message (at most 13)."""

    typed_slots: ClassVar[tuple[str, ...]] = ("items",)
    items: Sequence[QuickReplyButton]

    def _check(self) -> None:
        check_count(self, "items", self.items, 0, MAX_QUICK_REPLY_ITEMS)
