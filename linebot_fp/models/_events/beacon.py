"""A user came within range of a LINE Beacon: :class:`BeaconEvent`.

https://developers.line.biz/en/reference/messaging-api/#beacon-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.errors import InvalidPayloadError
from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event

__all__ = ["Beacon", "BeaconEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Beacon(Model):
    """The LINE Beacon detected: ``type`` is ``"enter"``, ``"banner"`` or ``"stay"``; ``dm`` hex."""

    hwid: str
    type: str
    dm: str | None = None

    @property
    def device_message(self) -> bytes | None:
        """The device message ``dm`` decoded from hex (legacy name); None when absent."""
        if self.dm is None:
            return None
        try:
            return bytes.fromhex(self.dm)
        except ValueError as exc:
            raise InvalidPayloadError(f"Beacon.dm is not hexadecimal: {self.dm!r}") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class BeaconEvent(Event):
    """A user came within range of a LINE Beacon."""

    type: ClassVar[str] = "beacon"
    timestamp: int
    reply_token: str | None = None
    beacon: Beacon
