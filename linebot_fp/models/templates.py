"""Template messages: buttons, confirm, carousel and image carousel.

https://developers.line.biz/en/reference/messaging-api/#template-messages
This module performs no I/O.
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
    "ButtonsTemplate",
    "CarouselColumn",
    "CarouselTemplate",
    "ConfirmTemplate",
    "ImageCarouselColumn",
    "ImageCarouselTemplate",
    "Template",
    "TemplateSendMessage",
    "UnknownTemplate",
]

ImageAspectRatio = Literal["rectangle", "square"]
ImageSize = Literal["cover", "contain"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Template(Model):
    """Base of the templates (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "buttons": "linebot_fp.models.templates:ButtonsTemplate",
        "confirm": "linebot_fp.models.templates:ConfirmTemplate",
        "carousel": "linebot_fp.models.templates:CarouselTemplate",
        "image_carousel": "linebot_fp.models.templates:ImageCarouselTemplate",
    }, unknown="linebot_fp.models.templates:UnknownTemplate")


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateSendMessage(SendMessage):
    """A template message; ``alt_text`` is shown where templates are not."""

    type: ClassVar[str] = "template"
    typed_slots: ClassVar[tuple[str, ...]] = ("template",)
    alt_text: str
    template: Template


@dataclass(frozen=True, slots=True, kw_only=True)
class ButtonsTemplate(Template):
    """An optional image, title and text, with up to 4 action buttons."""

    type: ClassVar[str] = "buttons"
    typed_slots: ClassVar[tuple[str, ...]] = ("actions", "default_action")
    text: str
    actions: Sequence[Action]
    thumbnail_image_url: str | None = None
    image_aspect_ratio: ImageAspectRatio | None = None
    image_size: ImageSize | None = None
    image_background_color: str | None = None
    title: str | None = None
    default_action: Action | None = None

    def _check(self) -> None:
        check_count(self, "actions", self.actions, 1, 4)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmTemplate(Template):
    """A text with exactly two action buttons."""

    type: ClassVar[str] = "confirm"
    typed_slots: ClassVar[tuple[str, ...]] = ("actions",)
    text: str
    actions: Sequence[Action]

    def _check(self) -> None:
        check_count(self, "actions", self.actions, 2, 2)


@dataclass(frozen=True, slots=True, kw_only=True)
class CarouselColumn(Model):
    """One column of a carousel template: up to 3 actions."""

    typed_slots: ClassVar[tuple[str, ...]] = ("actions", "default_action")
    text: str
    actions: Sequence[Action]
    thumbnail_image_url: str | None = None
    image_background_color: str | None = None
    title: str | None = None
    default_action: Action | None = None

    def _check(self) -> None:
        check_count(self, "actions", self.actions, 1, 3)


@dataclass(frozen=True, slots=True, kw_only=True)
class CarouselTemplate(Template):
    """Up to 10 columns scrolled sideways, each with the same number of actions."""

    type: ClassVar[str] = "carousel"
    typed_slots: ClassVar[tuple[str, ...]] = ("columns",)
    columns: Sequence[CarouselColumn]
    image_aspect_ratio: ImageAspectRatio | None = None
    image_size: ImageSize | None = None

    def _check(self) -> None:
        check_count(self, "columns", self.columns, 1, 10)
        counts = {len(column.actions) for column in self.columns}
        if len(counts) > 1:
            raise InvalidInputError(
                "CarouselTemplate.columns must all have the same number of actions, "
                f"got {[len(column.actions) for column in self.columns]}"
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageCarouselColumn(Model):
    """One image of an image carousel and the action run when it is tapped."""

    typed_slots: ClassVar[tuple[str, ...]] = ("action",)
    image_url: str
    action: Action


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageCarouselTemplate(Template):
    """Up to 10 images scrolled sideways."""

    type: ClassVar[str] = "image_carousel"
    typed_slots: ClassVar[tuple[str, ...]] = ("columns",)
    columns: Sequence[ImageCarouselColumn]

    def _check(self) -> None:
        check_count(self, "columns", self.columns, 1, 10)


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownTemplate(Unknown, Template):
    """A template of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]
