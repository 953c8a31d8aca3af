"""Open the location screen: :class:`LocationAction`.

https://developers.line.biz/en/reference/messaging-api/#location-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action

__all__ = ["LocationAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationAction(Action):
    """Open the location screen (quick reply buttons only)."""

    type: ClassVar[str] = "location"
