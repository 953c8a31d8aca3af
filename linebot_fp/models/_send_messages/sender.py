"""Display name and icon shown instead of the bot's own: :class:`Sender`.

https://developers.line.biz/en/reference/messaging-api/#icon-nickname-switch

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["Sender"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Sender(Model):
    """Display name and icon shown instead of the bot's own when sending."""

    name: str | None = None
    icon_url: str | None = None
