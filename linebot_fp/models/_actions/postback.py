"""Send data back in a postback event: :class:`PostbackAction`.

https://developers.line.biz/en/reference/messaging-api/#postback-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from linebot_fp.models._actions.base import Action

__all__ = ["PostbackAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackAction(Action):
    """Send ``data`` back to the bot in a postback event; optionally show a text."""

    type: ClassVar[str] = "postback"
    data: str
    display_text: str | None = None
    text: str | None = None
    input_option: Literal["closeRichMenu", "openRichMenu", "openKeyboard", "openVoice"] | None = (
        None
    )
    fill_in_text: str | None = None
