"""Flex messages: containers (bubble, carousel), components and box backgrounds.

https://developers.line.biz/en/reference/messaging-api/#flex-message
https://developers.line.biz/en/reference/messaging-api/#container
https://developers.line.biz/en/reference/messaging-api/#component

Sizes, margins, spacings, offsets, paddings and radii take a keyword (``"md"``)
or a pixel or percent value (``"10px"``, ``"5%"``), so they are plain ``str``.
Closed sets with no such values are ``Literal``. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._actions.base import Action
from linebot_fp.models._base import Family, Model, Unknown, check_count
from linebot_fp.models._send_messages.base import SendMessage

__all__ = [
    "Background",
    "BlockStyle",
    "BoxComponent",
    "BubbleContainer",
    "BubbleStyle",
    "ButtonComponent",
    "CarouselContainer",
    "FillerComponent",
    "FlexComponent",
    "FlexContainer",
    "FlexSendMessage",
    "IconComponent",
    "ImageComponent",
    "LinearGradientBackground",
    "SeparatorComponent",
    "SpanComponent",
    "TextComponent",
    "UnknownBackground",
    "UnknownFlexComponent",
    "UnknownFlexContainer",
    "VideoComponent",
]

Position = Literal["relative", "absolute"]
Gravity = Literal["top", "bottom", "center"]
Align = Literal["start", "end", "center"]
Weight = Literal["regular", "bold"]
FontStyle = Literal["normal", "italic"]
Decoration = Literal["none", "underline", "line-through"]
AdjustMode = Literal["shrink-to-fit"]


# -- box backgrounds (https://developers.line.biz/en/reference/messaging-api/#box-background)


@dataclass(frozen=True, slots=True, kw_only=True)
class Background(Model):
    """Base of the box backgrounds (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "linearGradient": "linebot_fp.models.flex:LinearGradientBackground",
    }, unknown="linebot_fp.models.flex:UnknownBackground")


@dataclass(frozen=True, slots=True, kw_only=True)
class LinearGradientBackground(Background):
    """A linear gradient: ``angle`` like ``"90deg"``, colors like ``"#RRGGBB"``."""

    type: ClassVar[str] = "linearGradient"
    angle: str
    start_color: str
    end_color: str
    center_color: str | None = None
    center_position: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownBackground(Unknown, Background):
    """A background of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


# -- components (https://developers.line.biz/en/reference/messaging-api/#component)


@dataclass(frozen=True, slots=True, kw_only=True)
class FlexComponent(Model):
    """Base of the flex components (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "box": "linebot_fp.models.flex:BoxComponent",
        "button": "linebot_fp.models.flex:ButtonComponent",
        "filler": "linebot_fp.models.flex:FillerComponent",
        "icon": "linebot_fp.models.flex:IconComponent",
        "image": "linebot_fp.models.flex:ImageComponent",
        "separator": "linebot_fp.models.flex:SeparatorComponent",
        "span": "linebot_fp.models.flex:SpanComponent",
        "text": "linebot_fp.models.flex:TextComponent",
        "video": "linebot_fp.models.flex:VideoComponent",
    }, unknown="linebot_fp.models.flex:UnknownFlexComponent")


@dataclass(frozen=True, slots=True, kw_only=True)
class BoxComponent(FlexComponent):
    """A box laying out its ``contents`` horizontally, vertically or on a baseline."""

    type: ClassVar[str] = "box"
    layout: Literal["horizontal", "vertical", "baseline"]
    contents: Sequence[FlexComponent]
    flex: int | None = None
    spacing: str | None = None
    margin: str | None = None
    position: Position | None = None
    offset_top: str | None = None
    offset_bottom: str | None = None
    offset_start: str | None = None
    offset_end: str | None = None
    background_color: str | None = None
    border_color: str | None = None
    border_width: str | None = None
    corner_radius: str | None = None
    width: str | None = None
    max_width: str | None = None
    height: str | None = None
    max_height: str | None = None
    padding_all: str | None = None
    padding_top: str | None = None
    padding_bottom: str | None = None
    padding_start: str | None = None
    padding_end: str | None = None
    action: Action | None = None
    justify_content: Literal[
        "center", "flex-start", "flex-end", "space-between", "space-around", "space-evenly"
    ] | None = None
    align_items: Literal["center", "flex-start", "flex-end"] | None = None
    background: Background | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ButtonComponent(FlexComponent):
    """A button running ``action`` when tapped."""

    type: ClassVar[str] = "button"
    action: Action
    flex: int | None = None
    color: str | None = None
    style: Literal["primary", "secondary", "link"] | None = None
    gravity: Gravity | None = None
    margin: str | None = None
    position: Position | None = None
    offset_top: str | None = None
    offset_bottom: str | None = None
    offset_start: str | None = None
    offset_end: str | None = None
    height: Literal["md", "sm"] | None = None
    adjust_mode: AdjustMode | None = None
    scaling: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FillerComponent(FlexComponent):
    """Empty space inside a box."""

    type: ClassVar[str] = "filler"
    flex: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IconComponent(FlexComponent):
    """An icon decorating the text of a baseline box."""

    type: ClassVar[str] = "icon"
    url: str
    size: str | None = None
    aspect_ratio: str | None = None
    margin: str | None = None
    position: Position | None = None
    offset_top: str | None = None
    offset_bottom: str | None = None
    offset_start: str | None = None
    offset_end: str | None = None
    scaling: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageComponent(FlexComponent):
    """An image; ``aspect_ratio`` like ``"20:13"``, ``animated`` for APNG."""

    type: ClassVar[str] = "image"
    url: str
    flex: int | None = None
    margin: str | None = None
    position: Position | None = None
    offset_top: str | None = None
    offset_bottom: str | None = None
    offset_start: str | None = None
    offset_end: str | None = None
    align: Align | None = None
    gravity: Gravity | None = None
    size: str | None = None
    aspect_ratio: str | None = None
    aspect_mode: Literal["fit", "cover"] | None = None
    background_color: str | None = None
    action: Action | None = None
    animated: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SeparatorComponent(FlexComponent):
    """A line between components of a box."""

    type: ClassVar[str] = "separator"
    margin: str | None = None
    color: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SpanComponent(FlexComponent):
    """A run of text with its own style, inside a text component."""

    type: ClassVar[str] = "span"
    text: str
    size: str | None = None
    color: str | None = None
    weight: Weight | None = None
    style: FontStyle | None = None
    decoration: Decoration | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextComponent(FlexComponent):
    """A text: ``text``, or ``contents`` made of spans (one of the two is required)."""

    type: ClassVar[str] = "text"
    text: str | None = None
    contents: Sequence[SpanComponent] | None = None
    flex: int | None = None
    size: str | None = None
    align: Align | None = None
    gravity: Gravity | None = None
    color: str | None = None
    weight: Weight | None = None
    style: FontStyle | None = None
    decoration: Decoration | None = None
    wrap: bool | None = None
    line_spacing: str | None = None
    margin: str | None = None
    position: Position | None = None
    offset_top: str | None = None
    offset_bottom: str | None = None
    offset_start: str | None = None
    offset_end: str | None = None
    action: Action | None = None
    max_lines: int | None = None
    adjust_mode: AdjustMode | None = None
    scaling: bool | None = None

    def _check(self) -> None:
        if self.text is None and not self.contents:
            raise InvalidInputError("TextComponent.text is required when contents is empty")


@dataclass(frozen=True, slots=True, kw_only=True)
class VideoComponent(FlexComponent):
    """A video in a bubble's hero; ``alt_content`` is shown where video is not supported."""

    type: ClassVar[str] = "video"
    url: str
    preview_url: str
    alt_content: FlexComponent
    aspect_ratio: str | None = None
    action: Action | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownFlexComponent(Unknown, FlexComponent):
    """A component of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


# -- containers (https://developers.line.biz/en/reference/messaging-api/#container)


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockStyle(Model):
    """Style of one block of a bubble."""

    background_color: str | None = None
    separator: bool | None = None
    separator_color: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BubbleStyle(Model):
    """Styles of the four blocks of a bubble."""

    header: BlockStyle | None = None
    hero: BlockStyle | None = None
    body: BlockStyle | None = None
    footer: BlockStyle | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlexContainer(Model):
    """Base of the flex containers (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "bubble": "linebot_fp.models.flex:BubbleContainer",
        "carousel": "linebot_fp.models.flex:CarouselContainer",
    }, unknown="linebot_fp.models.flex:UnknownFlexContainer")


@dataclass(frozen=True, slots=True, kw_only=True)
class BubbleContainer(FlexContainer):
    """One message bubble: header, hero, body and footer blocks."""

    type: ClassVar[str] = "bubble"
    size: Literal["nano", "micro", "deca", "hecto", "kilo", "mega", "giga"] | None = None
    direction: Literal["ltr", "rtl"] | None = None
    header: BoxComponent | None = None
    hero: FlexComponent | None = None
    body: BoxComponent | None = None
    footer: BoxComponent | None = None
    styles: BubbleStyle | None = None
    action: Action | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CarouselContainer(FlexContainer):
    """Up to 12 bubbles scrolled sideways."""

    type: ClassVar[str] = "carousel"
    contents: Sequence[BubbleContainer]

    def _check(self) -> None:
        check_count(self, "contents", self.contents, 1, 12)


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownFlexContainer(Unknown, FlexContainer):
    """A container of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class FlexSendMessage(SendMessage):
    """A flex message; ``alt_text`` is shown where flex messages are not."""

    type: ClassVar[str] = "flex"
    alt_text: str
    contents: FlexContainer
