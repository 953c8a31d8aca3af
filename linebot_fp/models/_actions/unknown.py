"""An action of a type this SDK does not know (yet): :class:`UnknownAction`.

Its ``raw`` is the JSON object as it came, frozen; it is imported the first time a
``type`` nobody knows comes. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.models._actions.base import Action
from linebot_fp.models._base import Unknown

__all__ = ["UnknownAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownAction(Unknown, Action):
    """An action of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
