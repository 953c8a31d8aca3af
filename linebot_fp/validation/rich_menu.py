"""Checks of a rich menu object and of the image made for it.

https://developers.line.biz/en/reference/messaging-api/#rich-menu-object
https://developers.line.biz/en/reference/messaging-api/#upload-rich-menu-image-requirements

A rich menu is 800 to 2,500 pixels wide, at least 250 high, at least 1.45 times as
wide as high, with at most 20 tappable areas inside it; its image is a JPEG or PNG
of at most 1 MB and of the menu's size. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linebot_fp.validation import actions, facts
from linebot_fp.validation.geometry import check_rectangle
from linebot_fp.validation.images import image_info
from linebot_fp.validation.problems import Path, Report
from linebot_fp.validation.text import check_text

__all__ = ["IMAGE", "check_image", "check_rich_menu"]

#: the property image problems are reported at (the image is not part of the JSON)
IMAGE = "image"


def check_rich_menu(report: Report, menu: Mapping[str, Any], path: Path) -> tuple[int, int] | None:
    """Check a rich menu object; returns its size when it has a valid one."""
    size = _size(report, menu, path)
    report.boolean(menu, "selected", path, required=True)
    check_text(report, menu, "name", path, facts.RICH_MENU_NAME_GRAPHEMES, required=True,
               nonempty=True, grapheme_clusters=True)
    check_text(report, menu, "chatBarText", path, facts.CHAT_BAR_TEXT_GRAPHEMES, required=True,
               nonempty=True, grapheme_clusters=True)
    for where, area in report.objects(menu, "areas", path, "an area",
                                      high=facts.RICH_MENU_AREAS, required=True):
        _bounds(report, area, where, size)
        action = report.obj(area, "action", where, required=True)
        if action is not None:
            actions.check_action(report, action, (*where, "action"), actions.RICH_MENU)
    return size


def _size(report: Report, menu: Mapping[str, Any], path: Path) -> tuple[int, int] | None:
    size = report.obj(menu, "size", path, required=True)
    if size is None:
        return None
    where = (*path, "size")
    width = report.integer(size, "width", where, required=True)
    height = report.integer(size, "height", where, required=True)
    if width is None or height is None:
        return None
    problems = _dimension_problems(width, height)
    for key, message in problems:
        report.add((*where, key), message)
    return None if problems else (width, height)


def _dimension_problems(width: int, height: int) -> list[tuple[str, str]]:
    """What is wrong with a rich menu (or its image) of ``width`` x ``height`` pixels."""
    low, high = facts.RICH_MENU_WIDTH
    found = []
    if not low <= width <= high:
        found.append(("width", f"a rich menu is {low} to {high:,} pixels wide, got {width:,}"))
    if height < facts.RICH_MENU_MIN_HEIGHT:
        found.append(("height", f"a rich menu is at least {facts.RICH_MENU_MIN_HEIGHT} pixels "
                                f"high, got {height:,}"))
    elif width / height < facts.RICH_MENU_MIN_RATIO:
        found.append(("height", f"a rich menu's width / height is at least "
                                f"{facts.RICH_MENU_MIN_RATIO}, got {width} / {height} = "
                                f"{width / height:.3f}"))
    return found


def _bounds(report: Report, area: Mapping[str, Any], path: Path,
            size: tuple[int, int] | None) -> None:
    bounds = report.obj(area, "bounds", path, required=True)
    if bounds is not None:
        check_rectangle(report, bounds, (*path, "bounds"), size, "rich menu")


def check_image(report: Report, image: bytes, size: tuple[int, int] | None) -> None:
    """#upload-rich-menu-image-requirements: JPEG or PNG, at most 1 MB, the menu's size."""
    where = (IMAGE,)
    if len(image) > facts.RICH_MENU_IMAGE_BYTES:
        report.add(where, f"the image is {len(image):,} bytes; LINE allows at most 1 MB "
                          f"({facts.RICH_MENU_IMAGE_BYTES:,} bytes)")
    info = image_info(image)
    if info.format not in ("jpeg", "png"):
        named = info.format.upper() if info.format else "not a JPEG or PNG image"
        report.add(where, f"a rich menu image must be JPEG or PNG, got {named}")
        return
    if info.width is None or info.height is None:
        report.add(where, f"the {info.format.upper()} header is cut short or damaged: "
                          "its size in pixels cannot be read")
        return
    for _, message in _dimension_problems(info.width, info.height):
        report.add(where, f"image: {message}")
    if size is not None and (info.width, info.height) != size:
        report.add(where, f"the image is {info.width:,} x {info.height:,} pixels; the rich "
                          f"menu's size is {size[0]:,} x {size[1]:,}")
