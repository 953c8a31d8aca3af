"""Copy a text to the clipboard: :class:`ClipboardAction`.

https://developers.line.biz/en/reference/messaging-api/#clipboard-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action

__all__ = ["ClipboardAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClipboardAction(Action):
    """Copy ``clipboard_text`` to the device's clipboard."""

    type: ClassVar[str] = "clipboard"
    clipboard_text: str
