"""Action objects: the base of the family, its table, and the unknown action.

https://developers.line.biz/en/reference/messaging-api/#action-objects
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown

__all__ = ["Action", "UnknownAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Action(Model):
    """Base of the actions (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "camera": "linebot_fp.models._actions.camera:CameraAction",
        "cameraRoll": "linebot_fp.models._actions.camera:CameraRollAction",
        "clipboard": "linebot_fp.models._actions.clipboard:ClipboardAction",
        "datetimepicker": "linebot_fp.models._actions.datetime_picker:DatetimePickerAction",
        "location": "linebot_fp.models._actions.location:LocationAction",
        "message": "linebot_fp.models._actions.message:MessageAction",
        "postback": "linebot_fp.models._actions.postback:PostbackAction",
        "richmenuswitch": "linebot_fp.models._actions.rich_menu_switch:RichMenuSwitchAction",
        "uri": "linebot_fp.models._actions.uri:URIAction",
    }, unknown="linebot_fp.models._actions.base:UnknownAction")
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownAction(Unknown, Action):
    """An action of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
