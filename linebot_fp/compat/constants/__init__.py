"""The legacy ``linebot.constants``.

This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.compat.constants.postback_input_option import PostbackInputOption

__all__ = ["PostbackInputOption"]
