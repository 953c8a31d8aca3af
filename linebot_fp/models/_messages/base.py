"""Received message contents: the base of the family, and its table.

https://developers.line.biz/en/reference/messaging-api/#message-event

Each field of :class:`Message` has a default, so that the unknown message can be
made from ``raw`` alone; a known kind (one module each, beside this one) declares
``id`` again as required, because LINE always sends it. The kinds and their rules
of reading are told in :mod:`linebot_fp.models.messages`.

A known kind made without its required arguments, or with arguments it does not
take (``TextMessage(text="hi")``, the arguments of ``TextSendMessage``), raises a
``TypeError`` saying it is a received message and naming the send message to use
(:mod:`linebot_fp.models._counterparts`). The codec makes its instances without
calling the class, so parsing a webhook never pays for that check.
This module performs no I/O.
"""

from __future__ import annotations

import builtins
import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from linebot_fp.models._base import Family, Model

__all__ = ["Message"]

M = TypeVar("M", bound="_ArgumentsChecked")

#: a class -> (its required arguments, all its arguments), ``None`` when it is no known
#: kind; filled on the class's first use
_ARGUMENTS: dict[type, tuple[frozenset[str], frozenset[str]] | None] = {}


class _ArgumentsChecked:
    """Mixin of :class:`Message`: a known kind checks its arguments before it is made.

    A mixin, not a method of ``Message``, so that the signature ``inspect`` (and the
    reference) shows for ``Message`` stays that of its ``__init__``.
    """

    __slots__ = ()

    def __new__(cls: builtins.type[M], /, *args: Any, **kwargs: Any) -> M:
        """Check the arguments of a known kind (see the module docstring), then make it.

        Without arguments (``copy``, ``pickle``) nothing is checked: they fill the
        instance themselves.
        """
        if args or kwargs:
            arguments = _ARGUMENTS[cls] if cls in _ARGUMENTS else _arguments(cls)
            if arguments and (args or not arguments[0] <= kwargs.keys() <= arguments[1]):
                from linebot_fp.models._counterparts import constructed_as_send

                required, known = arguments
                raise TypeError(constructed_as_send(
                    cls, sorted(required - kwargs.keys()), sorted(kwargs.keys() - known),
                    len(args)))
        return object.__new__(cls)


@dataclass(frozen=True, slots=True, kw_only=True)
class Message(_ArgumentsChecked, Model):
    """Base of the received message contents."""

    type: ClassVar[str]
    family: ClassVar[Family] = Family({
        "audio": "linebot_fp.models._messages.audio:AudioMessage",
        "file": "linebot_fp.models._messages.file:FileMessage",
        "image": "linebot_fp.models._messages.image:ImageMessage",
        "location": "linebot_fp.models._messages.location:LocationMessage",
        "sticker": "linebot_fp.models._messages.sticker:StickerMessage",
        "text": "linebot_fp.models._messages.text:TextMessage",
        "video": "linebot_fp.models._messages.video:VideoMessage",
    }, unknown="linebot_fp.models._messages.unknown:UnknownMessage")
    id: str | None = None
    mark_as_read_token: str | None = None


def _arguments(cls: type) -> tuple[frozenset[str], frozenset[str]] | None:
    """The required and all arguments of a known kind (the one its tag names), once."""
    tag = cls.__dict__.get("type")
    where = f"{cls.__module__}:{cls.__qualname__}"
    arguments = None  # the base, UnknownMessage, a user's subclass: Python's own errors
    if isinstance(tag, str) and Message.family.get(tag) == where:
        fields = [field for field in dataclasses.fields(cls) if field.init]
        arguments = (
            frozenset(field.name for field in fields if field.default is dataclasses.MISSING),
            frozenset(field.name for field in fields))
    _ARGUMENTS[cls] = arguments
    return arguments

