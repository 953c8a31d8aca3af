"""Rich menus to create, their aliases, and the batch / bulk link requests.

https://developers.line.biz/en/reference/messaging-api/#rich-menu-object
https://developers.line.biz/en/reference/messaging-api/#create-rich-menu-alias
https://developers.line.biz/en/reference/messaging-api/#batch-control-rich-menus-of-users
This module performs no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._actions.base import Action
from linebot_fp.models._base import Family, Model, Unknown, check_count

__all__ = [
    "RichMenu",
    "RichMenuAlias",
    "RichMenuArea",
    "RichMenuBatchLinkOperation",
    "RichMenuBatchOperation",
    "RichMenuBatchRequest",
    "RichMenuBatchUnlinkAllOperation",
    "RichMenuBatchUnlinkOperation",
    "RichMenuBounds",
    "RichMenuBulkLinkRequest",
    "RichMenuBulkUnlinkRequest",
    "RichMenuSize",
    "UnknownRichMenuBatchOperation",
]

_ALIAS_ID = re.compile(r"[a-z0-9_-]{1,32}")
_RESUME_KEY = re.compile(r"[a-zA-Z0-9_-]{1,100}")


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuSize(Model):
    """Size of the rich menu image in pixels (2500 x 1686 or 2500 x 843, say)."""

    width: int
    height: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBounds(Model):
    """A rectangle of the rich menu image, in pixels."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuArea(Model):
    """A tappable area of a rich menu and the action it runs."""

    bounds: RichMenuBounds
    action: Action


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenu(Model):
    """A rich menu to create or validate: image size, chat bar text and up to 20 areas."""

    size: RichMenuSize
    selected: bool
    name: str
    chat_bar_text: str
    areas: Sequence[RichMenuArea]

    def _check(self) -> None:
        check_count(self, "areas", self.areas, 0, 20)


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuAlias(Model):
    """An alias naming a rich menu (to create one; to update one, the id alone will do)."""

    rich_menu_id: str
    rich_menu_alias_id: str | None = None

    def _check(self) -> None:
        alias = self.rich_menu_alias_id
        if alias is not None and not _ALIAS_ID.fullmatch(alias):
            raise InvalidInputError(
                "RichMenuAlias.rich_menu_alias_id must be 1 to 32 of a-z, 0-9, '_' and '-', "
                f"got {alias!r}"
            )


# -- batch control (https://developers.line.biz/en/reference/messaging-api/#batch-control-rich-menus-of-users)


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchOperation(Model):
    """Base of the batch operations (family base: no own ``type`` value)."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "link": "linebot_fp.models.rich_menu:RichMenuBatchLinkOperation",
        "unlink": "linebot_fp.models.rich_menu:RichMenuBatchUnlinkOperation",
        "unlinkAll": "linebot_fp.models.rich_menu:RichMenuBatchUnlinkAllOperation",
    }, unknown="linebot_fp.models.rich_menu:UnknownRichMenuBatchOperation")


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchLinkOperation(RichMenuBatchOperation):
    """Move the users linked to rich menu ``from_`` to rich menu ``to``."""

    type: ClassVar[str] = "link"
    from_: str
    to: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchUnlinkOperation(RichMenuBatchOperation):
    """Unlink the users linked to rich menu ``from_``."""

    type: ClassVar[str] = "unlink"
    from_: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchUnlinkAllOperation(RichMenuBatchOperation):
    """Unlink every user from every per-user rich menu."""

    type: ClassVar[str] = "unlinkAll"


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownRichMenuBatchOperation(Unknown, RichMenuBatchOperation):
    """A batch operation of a type this SDK does not know; ``raw`` is its JSON."""

    raw: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchRequest(Model):
    """Up to 1000 batch operations; ``resume_request_key`` lets a failed batch resume."""

    operations: Sequence[RichMenuBatchOperation]
    resume_request_key: str | None = None

    def _check(self) -> None:
        check_count(self, "operations", self.operations, 1, 1000)
        key = self.resume_request_key
        if key is not None and not _RESUME_KEY.fullmatch(key):
            raise InvalidInputError(
                "RichMenuBatchRequest.resume_request_key must be 1 to 100 of a-z, A-Z, 0-9, "
                f"'_' and '-', got {key!r}"
            )


# -- bulk link (https://developers.line.biz/en/reference/messaging-api/#link-rich-menu-to-users)


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBulkLinkRequest(Model):
    """Link rich menu ``rich_menu_id`` to 1 to 500 users."""

    rich_menu_id: str
    user_ids: Sequence[str]

    def _check(self) -> None:
        check_count(self, "user_ids", self.user_ids, 1, 500)


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBulkUnlinkRequest(Model):
    """Unlink the rich menus of 1 to 500 users."""

    user_ids: Sequence[str]

    def _check(self) -> None:
        check_count(self, "user_ids", self.user_ids, 1, 500)
