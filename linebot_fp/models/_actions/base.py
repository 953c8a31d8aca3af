"""Action objects: the base of the family, and its table.

https://developers.line.biz/en/reference/messaging-api/#action-objects
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Family, Model

__all__ = ["Action"]


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
    }, unknown="linebot_fp.models._actions.unknown:UnknownAction")
    label: str | None = None

