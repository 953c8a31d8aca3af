"""Whether a media message's content is ready.

https://developers.line.biz/en/reference/messaging-api/#verify-video-or-audio-preparation-status

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["GetMessageContentTranscodingResponse"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GetMessageContentTranscodingResponse(Model):
    """Whether a video or audio is ready: ``"processing"``, ``"succeeded"`` or ``"failed"``."""

    status: str
