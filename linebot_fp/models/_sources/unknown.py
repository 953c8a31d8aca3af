"""A source of a type this SDK does not know (yet): :class:`UnknownSource`.

Its ``raw`` is the JSON object as it came, frozen; it is imported the first time a
``type`` nobody knows comes. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.models._base import Unknown
from linebot_fp.models._sources.base import Source

__all__ = ["UnknownSource"]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSource(Unknown, Source):
    """A source of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
