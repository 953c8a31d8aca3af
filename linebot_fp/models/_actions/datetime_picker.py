"""Pick a date or time: :class:`DatetimePickerAction`.

https://developers.line.biz/en/reference/messaging-api/#datetime-picker-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from linebot_fp.models._actions.base import Action

__all__ = ["DatetimePickerAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DatetimePickerAction(Action):
    """Let the user pick a date and/or time, sent back in a postback event."""

    type: ClassVar[str] = "datetimepicker"
    data: str
    mode: Literal["date", "time", "datetime"]
    initial: str | None = None
    max: str | None = None
    min: str | None = None
