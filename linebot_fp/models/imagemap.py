"""Imagemap messages: an image with tappable areas and an optional video.

https://developers.line.biz/en/reference/messaging-api/#imagemap-message
This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.models._base import Family, Model, Unknown, check_count
from linebot_fp.models._send_messages.base import SendMessage

__all__ = [
    "BaseSize",
    "ClipboardImagemapAction",
    "ExternalLink",
    "ImagemapAction",
    "ImagemapArea",
    "ImagemapSendMessage",
    "MessageImagemapAction",
    "URIImagemapAction",
    "UnknownImagemapAction",
    "Video",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class BaseSize(Model):
    """Size of the image in pixels when its width is 1040."""

    width: int
    height: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ImagemapArea(Model):
    """A rectangle of the imagemap, in pixels of the base size."""

    x: int
    y: int
    width: int
    height: int


# -- imagemap actions (https://developers.line.biz/en/reference/messaging-api/#imagemap-action-objects)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImagemapAction(Model):
    """Base of the imagemap actions (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "uri": "linebot_fp.models.imagemap:URIImagemapAction",
        "message": "linebot_fp.models.imagemap:MessageImagemapAction",
        "clipboard": "linebot_fp.models.imagemap:ClipboardImagemapAction",
    }, unknown="linebot_fp.models.imagemap:UnknownImagemapAction")


@dataclass(frozen=True, slots=True, kw_only=True)
class URIImagemapAction(ImagemapAction):
    """Open ``link_uri`` when ``area`` is tapped."""

    type: ClassVar[str] = "uri"
    link_uri: str
    area: ImagemapArea
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageImagemapAction(ImagemapAction):
    """Send ``text`` when ``area`` is tapped."""

    type: ClassVar[str] = "message"
    text: str
    area: ImagemapArea
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClipboardImagemapAction(ImagemapAction):
    """Copy ``clipboard_text`` to the clipboard when ``area`` is tapped."""

    type: ClassVar[str] = "clipboard"
    clipboard_text: str
    area: ImagemapArea
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownImagemapAction(Unknown, ImagemapAction):
    """An imagemap action of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


# -- video ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalLink(Model):
    """The link shown after the imagemap video has played."""

    link_uri: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Video(Model):
    """A video played in ``area`` of the imagemap."""

    original_content_url: str
    preview_image_url: str
    area: ImagemapArea
    external_link: ExternalLink | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImagemapSendMessage(SendMessage):
    """An imagemap message: image at ``base_url``, up to 50 tappable areas, maybe a video."""

    type: ClassVar[str] = "imagemap"
    base_url: str
    alt_text: str
    base_size: BaseSize
    actions: Sequence[ImagemapAction]
    video: Video | None = None

    def _check(self) -> None:
        check_count(self, "actions", self.actions, 0, 50)
