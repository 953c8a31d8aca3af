"""A one-to-one chat with a user: :class:`SourceUser`.

https://developers.line.biz/en/reference/messaging-api/#source-user

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._sources.base import Source

__all__ = ["SourceUser"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceUser(Source):
    """A one-to-one chat with a user."""

    type: ClassVar[str] = "user"
