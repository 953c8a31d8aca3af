"""A user watched a video message to the end: :class:`VideoPlayCompleteEvent`.

https://developers.line.biz/en/reference/messaging-api/#video-viewing-complete

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event

__all__ = ["VideoPlayComplete", "VideoPlayCompleteEvent"]


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoPlayComplete(Model):
    """The ``tracking_id`` of the video message that was watched to the end."""

    tracking_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoPlayCompleteEvent(Event):
    """A user watched a video message with a tracking id to the end."""

    type: ClassVar[str] = "videoPlayComplete"
    timestamp: int
    reply_token: str | None = None
    video_play_complete: VideoPlayComplete
