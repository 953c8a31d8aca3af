"""Open the camera or the camera roll: :class:`CameraAction`, :class:`CameraRollAction`.

https://developers.line.biz/en/reference/messaging-api/#camera-action

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._actions.base import Action

__all__ = ["CameraAction", "CameraRollAction"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraAction(Action):
    """Open the camera (quick reply buttons only)."""

    type: ClassVar[str] = "camera"


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraRollAction(Action):
    """Open the camera roll (quick reply buttons only)."""

    type: ClassVar[str] = "cameraRoll"
