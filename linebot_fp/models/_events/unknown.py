"""An event of a type this SDK does not know (yet), or that it cannot read: :class:`UnknownEvent`.

Its ``raw`` is the JSON object as it came, frozen; it is imported the first time a
``type`` nobody knows comes. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.models._base import Unknown
from linebot_fp.models._events.base import Event

__all__ = ["UnknownEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownEvent(Unknown, Event):
    """An event of a type this SDK does not know, or that it cannot read; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
