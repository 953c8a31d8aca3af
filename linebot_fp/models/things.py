"""LINE Things: what a ``ThingsEvent`` carries (device linked, unlinked, scenario executed).

https://developers.line.biz/en/reference/messaging-api/#device-link-event
https://developers.line.biz/en/reference/messaging-api/#scenario-result-event

Not part of the webhook OpenAPI file, but sent by LINE and known to the legacy
SDK. Received side: plain strings for enum-like values, a ``things.type`` this
SDK does not know decodes to :class:`UnknownThings`.
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown

__all__ = [
    "ActionResult",
    "DeviceLink",
    "DeviceUnlink",
    "ScenarioResult",
    "ScenarioResultDetail",
    "Things",
    "UnknownThings",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionResult(Model):
    """The result of one action of a scenario: ``type`` ``"void"`` or ``"binary"`` (base64 data)."""

    type: str
    data: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioResultDetail(Model):
    """How a scenario ran on a device; times in milliseconds (LINE app time)."""

    start_time: int
    end_time: int
    result_code: str
    scenario_id: str | None = None
    revision: int | None = None
    action_results: Sequence[ActionResult] | None = None
    ble_notification_payload: str | None = None
    error_reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Things(Model):
    """Base of the LINE Things contents; ``device_id`` names the device."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "link": "linebot_fp.models.things:DeviceLink",
        "unlink": "linebot_fp.models.things:DeviceUnlink",
        "scenarioResult": "linebot_fp.models.things:ScenarioResult",
    }, unknown="linebot_fp.models.things:UnknownThings")
    device_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceLink(Things):
    """A user linked a device with LINE."""

    type: ClassVar[str] = "link"
    device_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceUnlink(Things):
    """A user unlinked a device from LINE."""

    type: ClassVar[str] = "unlink"
    device_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioResult(Things):
    """A device finished an automatic communication scenario."""

    type: ClassVar[str] = "scenarioResult"
    device_id: str
    result: ScenarioResultDetail


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownThings(Unknown, Things):
    """LINE Things content of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
