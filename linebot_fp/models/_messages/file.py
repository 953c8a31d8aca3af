"""A file message: :class:`FileMessage`.

https://developers.line.biz/en/reference/messaging-api/#wh-file

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._messages.base import Message

__all__ = ["FileMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FileMessage(Message):
    """A file message; ``file_size`` in bytes."""

    type: ClassVar[str] = "file"
    id: str
    file_name: str
    file_size: int
