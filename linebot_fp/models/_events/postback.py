"""A user performed a postback action: :class:`PostbackEvent`.

https://developers.line.biz/en/reference/messaging-api/#postback-event

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import KeepsRaw, Model
from linebot_fp.models._events.base import Event
from linebot_fp.models._json import JsonObject

__all__ = ["Postback", "PostbackEvent", "PostbackParams"]


_EMPTY = JsonObject()

#: the keys of ``params`` this SDK knows -> their attributes
_PARAM_ATTRS: dict[str, str] = {
    "date": "date",
    "time": "time",
    "datetime": "datetime",
    "newRichMenuAliasId": "new_rich_menu_alias_id",
    "status": "status",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackParams(KeepsRaw, Model, Mapping[str, Any]):
    """What a datetime picker or rich menu switch action adds to a postback.

    The keys this SDK knows are attributes (``date``, ``time``, ``datetime``,
    ``new_rich_menu_alias_id``, ``status``). ``raw`` holds every key LINE sent,
    known or not, so a key LINE adds later is never lost: the codec reads
    ``raw`` whole and writes it back whole. Made by hand, ``raw`` is filled
    from the attributes (an attribute given wins over the same key in ``raw``).

    Also a read-only mapping by wire key over the values present, as the legacy
    SDK's plain dict was: ``params["date"]``, ``params.get("newRichMenuAliasId")``,
    ``params["someNewKey"]``. ``raw`` is frozen, so params hash by content.
    """

    date: str | None = None
    time: str | None = None
    datetime: str | None = None
    new_rich_menu_alias_id: str | None = None
    status: str | None = None
    raw: Mapping[str, Any] = _EMPTY

    def _check(self) -> None:
        raw = self.raw
        if not isinstance(raw, Mapping):
            raise InvalidInputError(f"PostbackParams.raw must be a JSON object, "
                                    f"got {type(raw).__name__}")
        given = {}
        for key, name in _PARAM_ATTRS.items():
            value = getattr(self, name)
            if value is None:  # not given: read from raw, as the codec reads it
                found = raw.get(key)
                if found is not None:
                    object.__setattr__(self, name, found)
            elif raw.get(key) != value:
                given[key] = value
        if given:
            object.__setattr__(self, "raw", JsonObject({**raw, **given}))

    def __getitem__(self, key: str) -> Any:
        value = self.raw.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self.raw.items() if value is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Postback(Model):
    """The data of the postback action, and its ``params`` (None when the action adds none)."""

    data: str
    params: PostbackParams | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PostbackEvent(Event):
    """A user performed a postback action."""

    type: ClassVar[str] = "postback"
    timestamp: int
    reply_token: str | None = None
    postback: Postback
