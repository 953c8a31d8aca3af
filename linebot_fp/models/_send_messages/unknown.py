"""A message to send of a type this SDK does not know (yet): :class:`UnknownSendMessage`.

Its ``raw`` is the JSON object as it came, frozen; it is imported the first time a
``type`` nobody knows comes. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.models._base import Unknown
from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["UnknownSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownSendMessage(Unknown, SendMessage):
    """A message of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
