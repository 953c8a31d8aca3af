"""Action objects: what happens when a user taps a button, a template or a rich menu area.

https://developers.line.biz/en/reference/messaging-api/#action-objects

Each action lives in a small module of its own under ``linebot_fp.models._actions``,
so a process imports only the actions it uses; importing this module imports them all.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._actions.base import Action
from linebot_fp.models._actions.camera import CameraAction, CameraRollAction
from linebot_fp.models._actions.clipboard import ClipboardAction
from linebot_fp.models._actions.datetime_picker import DatetimePickerAction
from linebot_fp.models._actions.location import LocationAction
from linebot_fp.models._actions.message import MessageAction
from linebot_fp.models._actions.postback import PostbackAction
from linebot_fp.models._actions.rich_menu_switch import RichMenuSwitchAction
from linebot_fp.models._actions.unknown import UnknownAction
from linebot_fp.models._actions.uri import AltUri, URIAction

__all__ = [
    "Action", "AltUri", "CameraAction", "CameraRollAction", "ClipboardAction",
    "DatetimePickerAction", "LocationAction", "MessageAction", "PostbackAction",
    "RichMenuSwitchAction", "URIAction", "UnknownAction",
]
