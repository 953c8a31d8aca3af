"""Rich menus, their aliases and batch operations, as answered.

https://developers.line.biz/en/reference/messaging-api/#rich-menu

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model
from linebot_fp.models.rich_menu import RichMenuArea, RichMenuSize

__all__ = [
    "RichMenuAliasListResponse", "RichMenuAliasResponse", "RichMenuBatchProgressResponse",
    "RichMenuIdResponse", "RichMenuListResponse", "RichMenuResponse",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuIdResponse(Model):
    """A rich menu id (of a new menu, the default menu or a user's menu)."""

    rich_menu_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuResponse(Model):
    """A rich menu as stored by LINE, with its id."""

    rich_menu_id: str
    size: RichMenuSize
    selected: bool
    name: str
    chat_bar_text: str
    areas: Sequence[RichMenuArea]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuListResponse(Model):
    """Every rich menu of the channel."""

    richmenus: Sequence[RichMenuResponse]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuAliasResponse(Model):
    """A rich menu alias and the menu it points to."""

    rich_menu_alias_id: str
    rich_menu_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuAliasListResponse(Model):
    """Every rich menu alias of the channel."""

    aliases: Sequence[RichMenuAliasResponse]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchProgressResponse(Model):
    """Progress of a batch rich menu operation: ``"ongoing"``, ``"succeeded"``, ``"failed"``."""

    phase: str
    accepted_time: str
    completed_time: str | None = None
