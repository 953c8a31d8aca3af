"""The legacy ``linebot.constants.postback_input_option``: ``PostbackAction(input_option=...)``.

https://developers.line.biz/en/reference/messaging-api/#postback-action

This module performs no I/O.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PostbackInputOption"]


class PostbackInputOption:
    """What LINE shows after a postback action is tapped (the wire value of ``inputOption``)."""

    CLOSE_RICH_MENU: Final = "closeRichMenu"
    OPEN_RICH_MENU: Final = "openRichMenu"
    OPEN_KEYBOARD: Final = "openKeyboard"
    OPEN_VOICE: Final = "openVoice"
