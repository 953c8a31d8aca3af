"""Action objects: what happens when a user taps a button, a template or a rich menu area.

https://developers.line.biz/en/reference/messaging-api/#action-objects
This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from linebot_fp.models._base import Model, Unknown

__all__ = [
    "Action",
    "AltUri",
    "CameraAction",
    "CameraRollAction",
    "ClipboardAction",
    "DatetimePickerAction",
    "LocationAction",
    "MessageAction",
    "PostbackAction",
    "RichMenuSwitchAction",
    "URIAction",
    "UnknownAction",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Action(Model):
    """Base of the actions (family base: no own ``type`` value)."""

    type: ClassVar[str]
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackAction(Action):
    """Send ``data`` back to the bot in a postback event; optionally show a text."""

    type: ClassVar[str] = "postback"
    data: str
    display_text: str | None = None
    text: str | None = None
    input_option: Literal["closeRichMenu", "openRichMenu", "openKeyboard", "openVoice"] | None = (
        None
    )
    fill_in_text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageAction(Action):
    """Send ``text`` as a message from the user."""

    type: ClassVar[str] = "message"
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AltUri(Model):
    """The URI opened instead on LINE for macOS and Windows."""

    desktop: str


@dataclass(frozen=True, slots=True, kw_only=True)
class URIAction(Action):
    """Open ``uri`` (``alt_uri.desktop`` on desktop LINE)."""

    type: ClassVar[str] = "uri"
    uri: str
    alt_uri: AltUri | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatetimePickerAction(Action):
    """Let the user pick a date and/or time, sent back in a postback event."""

    type: ClassVar[str] = "datetimepicker"
    data: str
    mode: Literal["date", "time", "datetime"]
    initial: str | None = None
    max: str | None = None
    min: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraAction(Action):
    """Open the camera (quick reply buttons only)."""

    type: ClassVar[str] = "camera"


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraRollAction(Action):
    """Open the camera roll (quick reply buttons only)."""

    type: ClassVar[str] = "cameraRoll"


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationAction(Action):
    """Open the location screen (quick reply buttons only)."""

    type: ClassVar[str] = "location"


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuSwitchAction(Action):
    """Switch to the rich menu of ``rich_menu_alias_id`` (rich menus only)."""

    type: ClassVar[str] = "richmenuswitch"
    rich_menu_alias_id: str
    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClipboardAction(Action):
    """Copy ``clipboard_text`` to the device's clipboard."""

    type: ClassVar[str] = "clipboard"
    clipboard_text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownAction(Unknown, Action):
    """An action of a type this SDK does not know; ``raw`` is its JSON."""

    raw: dict[str, Any]
