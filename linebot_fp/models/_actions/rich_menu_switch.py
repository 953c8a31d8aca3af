"""Switch rich menus: :class:`RichMenuSwitchAction`.

https://developers.line.biz/en/reference/messaging-api/#richmenu-switch-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action

__all__ = ["RichMenuSwitchAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuSwitchAction(Action):
    """Switch to the rich menu of ``rich_menu_alias_id`` (rich menus only)."""

    type: ClassVar[str] = "richmenuswitch"
    rich_menu_alias_id: str
    data: str
