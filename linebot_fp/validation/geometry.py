"""Rectangles of an image: imagemap areas and rich menu bounds.

Both are ``x``, ``y``, ``width`` and ``height`` in the image's pixels: a corner at 0
or more, a positive size, and the whole rectangle inside the image
(https://developers.line.biz/en/reference/messaging-api/#imagemap-area-object,
#bounds-object). This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linebot_fp.validation.problems import Path, Report

__all__ = ["check_rectangle"]


def check_rectangle(report: Report, rectangle: Mapping[str, Any], path: Path,
                    image: tuple[int, int] | None, image_name: str) -> None:
    """A rectangle at ``path`` inside ``image`` (its width and height; None: unknown)."""
    values = {key: report.integer(rectangle, key, path, required=True)
              for key in ("x", "y", "width", "height")}
    whole = True
    for key, value in values.items():
        corner = key in ("x", "y")
        if value is None:
            whole = False
        elif value < (0 if corner else 1):
            wanted = "0 or more" if corner else "positive"
            report.add((*path, key), f"{key} must be {wanted}, got {value}")
            whole = False
    if not whole or image is None:
        return
    x, y, width, height = (int(values[key] or 0) for key in ("x", "y", "width", "height"))
    if x + width > image[0] or y + height > image[1]:
        report.add(path, f"the area ({x}, {y}, {width} x {height}) reaches outside the "
                         f"{image[0]:,} x {image[1]:,} {image_name}")
