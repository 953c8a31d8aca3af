"""Send a text as the user: :class:`MessageAction`.

https://developers.line.biz/en/reference/messaging-api/#message-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action

__all__ = ["MessageAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageAction(Action):
    """Send ``text`` as a message from the user."""

    type: ClassVar[str] = "message"
    text: str
