"""Checks of action objects, which rules apply depending on where the action sits.

https://developers.line.biz/en/reference/messaging-api/#action-objects

A label is required on template and quick reply buttons and on flex buttons, and
optional elsewhere; it is at most 20 characters, 12 in an image carousel and 40 in
a flex message. The camera, camera roll and location actions work only on quick
reply buttons, the rich menu switch action only in rich menus.
This module performs no I/O.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linebot_fp.validation import facts
from linebot_fp.validation.problems import Path, Report
from linebot_fp.validation.text import LINK_SCHEMES, check_text, check_url

__all__ = ["ACTION_TYPES", "DEFAULT_ACTION", "FLEX", "FLEX_BUTTON", "IMAGE_CAROUSEL",
           "QUICK_REPLY", "RICH_MENU", "TEMPLATE", "Place", "check_action"]

#: every action type LINE documents (#action-objects)
ACTION_TYPES = ("postback", "message", "uri", "datetimepicker", "camera", "cameraRoll",
                "location", "richmenuswitch", "clipboard")
_EVERYWHERE = frozenset({"postback", "message", "uri", "datetimepicker", "clipboard"})
#: #camera-action, #camera-roll-action, #location-action: "can be configured only with quick
#: reply buttons"
_QUICK_REPLY_ONLY = frozenset({"camera", "cameraRoll", "location"})
#: #richmenu-switch-action: "can be configured only with rich menus"
_RICH_MENU_ONLY = frozenset({"richmenuswitch"})


@dataclass(frozen=True, slots=True)
class Place:
    """Where an action sits, and what LINE allows there."""

    name: str
    label_required: bool
    label_limit: int
    allowed: frozenset[str]


QUICK_REPLY = Place("a quick reply button", True, facts.LABEL_GRAPHEMES,
                    _EVERYWHERE | _QUICK_REPLY_ONLY)
TEMPLATE = Place("a template button", True, facts.LABEL_GRAPHEMES, _EVERYWHERE)
DEFAULT_ACTION = Place("a template's default action", False, facts.LABEL_GRAPHEMES, _EVERYWHERE)
IMAGE_CAROUSEL = Place("an image carousel column", False, facts.IMAGE_CAROUSEL_LABEL_GRAPHEMES,
                       _EVERYWHERE)
FLEX_BUTTON = Place("a flex button", True, facts.FLEX_LABEL_GRAPHEMES, _EVERYWHERE)
FLEX = Place("a flex message", False, facts.FLEX_LABEL_GRAPHEMES, _EVERYWHERE)
RICH_MENU = Place("a rich menu area", False, facts.LABEL_GRAPHEMES, _EVERYWHERE | _RICH_MENU_ONLY)

_ALIAS = re.compile(r"[a-z0-9_-]+")
_FORMATS = {  # mode -> (pattern, example) (#datetime-picker-action)
    "date": (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "2100-12-31"),
    "time": (re.compile(r"(\d{2}):(\d{2})"), "23:59"),
    "datetime": (re.compile(r"(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2})"), "2100-12-31T23:59"),
}
_INPUT_OPTIONS = ("closeRichMenu", "openRichMenu", "openKeyboard", "openVoice")


def check_action(report: Report, action: Mapping[str, Any], path: Path, place: Place) -> None:
    """Check one action object found at ``path`` in ``place``."""
    kind = report.string(action, "type", path, required=True)
    if kind is None:
        return
    if kind not in ACTION_TYPES:
        report.add((*path, "type"), f"unknown action type {kind!r}; LINE takes one of "
                                    + ", ".join(ACTION_TYPES))
        return
    if kind not in place.allowed:
        where = ("quick reply buttons" if kind in _QUICK_REPLY_ONLY else "rich menus")
        report.add((*path, "type"), f"a {kind} action works only on {where}, not in {place.name}")
    check_text(report, action, "label", path, place.label_limit, required=place.label_required,
               nonempty=place.label_required, grapheme_clusters=True)
    _CHECKS[kind](report, action, path)


def _postback(report: Report, action: Mapping[str, Any], path: Path) -> None:
    check_text(report, action, "data", path, facts.ACTION_DATA, required=True)
    for key in ("displayText", "text", "fillInText"):
        check_text(report, action, key, path, facts.ACTION_TEXT_GRAPHEMES,
                   grapheme_clusters=True)
    if "displayText" in action and "text" in action:
        report.add((*path, "text"), "text can't be used together with displayText")
    option = report.string(action, "inputOption", path)
    if option is not None and option not in _INPUT_OPTIONS:
        report.add((*path, "inputOption"), f"inputOption must be one of "
                                           f"{', '.join(_INPUT_OPTIONS)}, got {option!r}")


def _message(report: Report, action: Mapping[str, Any], path: Path) -> None:
    check_text(report, action, "text", path, facts.ACTION_TEXT_GRAPHEMES, required=True,
               nonempty=True, grapheme_clusters=True)


def _uri(report: Report, action: Mapping[str, Any], path: Path) -> None:
    check_url(report, action, "uri", path, facts.URI, schemes=LINK_SCHEMES, required=True)
    alt = report.obj(action, "altUri", path)
    if alt is not None:
        check_url(report, alt, "desktop", (*path, "altUri"), facts.ALT_URI, schemes=LINK_SCHEMES,
                  required=True)


def _datetime_picker(report: Report, action: Mapping[str, Any], path: Path) -> None:
    check_text(report, action, "data", path, facts.ACTION_DATA, required=True)
    mode = report.string(action, "mode", path, required=True)
    if mode is None:
        return
    if mode not in _FORMATS:
        report.add((*path, "mode"), f"mode must be one of date, time, datetime, got {mode!r}")
        return
    values: dict[str, str] = {}
    for key in ("initial", "min", "max"):
        value = report.string(action, key, path)
        if value is not None:
            normal = _picker_value(mode, value)
            if normal is None:
                report.add((*path, key), f"{key} {value!r} is not a {mode} of the form "
                                         f"{_FORMATS[mode][1]} between LINE's earliest and "
                                         f"latest values ({_bound(mode, facts.DATETIME_EARLIEST)}"
                                         f" to {_bound(mode, facts.DATETIME_LATEST)})")
            else:
                values[key] = normal
    low, high, initial = values.get("min"), values.get("max"), values.get("initial")
    if low is not None and high is not None and low >= high:
        report.add((*path, "max"), "max must be later than min")
    if initial is not None and ((low is not None and initial < low)
                                or (high is not None and initial > high)):
        report.add((*path, "initial"), "initial must lie between min and max")


def _bound(mode: str, value: str) -> str:
    return {"date": value[:10], "time": value[11:], "datetime": value}[mode]


def _picker_value(mode: str, value: str) -> str | None:
    """``value`` in one comparable spelling, or None when it is malformed or out of range."""
    pattern, _ = _FORMATS[mode]
    match = pattern.fullmatch(value)
    if match is None:
        return None
    numbers = [int(part) for part in match.groups()]
    if mode == "time":
        numbers = [2000, 1, 1, *numbers]  # any day: only the time of day matters
    year, month, day, hour, minute = [*numbers, 0, 0][:5]
    try:
        stamp = datetime.datetime(year, month, day, hour, minute)  # a wall-clock value, no zone
    except ValueError:
        return None
    text = stamp.strftime("%Y-%m-%dT%H:%M")
    if mode != "time" and not facts.DATETIME_EARLIEST <= text <= facts.DATETIME_LATEST:
        return None
    return _bound(mode, text)


def _rich_menu_switch(report: Report, action: Mapping[str, Any], path: Path) -> None:
    alias = check_text(report, action, "richMenuAliasId", path, facts.ALIAS_ID, required=True,
                       nonempty=True)
    if alias and not _ALIAS.fullmatch(alias):
        report.add((*path, "richMenuAliasId"), "richMenuAliasId takes only a-z, 0-9, '_' and "
                                               f"'-', got {alias[:40]!r}")
    check_text(report, action, "data", path, facts.ACTION_DATA, required=True)


def _clipboard(report: Report, action: Mapping[str, Any], path: Path) -> None:
    check_text(report, action, "clipboardText", path, facts.CLIPBOARD_TEXT, required=True,
               nonempty=True)


def _nothing(report: Report, action: Mapping[str, Any], path: Path) -> None:
    """Camera, camera roll and location actions carry only a label."""


_CHECKS = {
    "postback": _postback,
    "message": _message,
    "uri": _uri,
    "datetimepicker": _datetime_picker,
    "camera": _nothing,
    "cameraRoll": _nothing,
    "location": _nothing,
    "richmenuswitch": _rich_menu_switch,
    "clipboard": _clipboard,
}
