"""Received models are not send models: the one mapping between them, and the errors it words.

https://developers.line.biz/en/reference/messaging-api/#message-objects
https://developers.line.biz/en/reference/messaging-api/#message-event

LINE sends a bot ``TextMessage``, ``ImageMessage``, ... inside webhook events; a
bot sends ``TextSendMessage``, ``ImageSendMessage``, .... :data:`SEND_COUNTERPARTS`
maps each received message kind to the send message that sends one, or to
``None`` for a kind a bot cannot send (``FileMessage``) and for ``UnknownMessage``;
a test checks it against the two families' tables (same wire ``type``).

Everything that names a send counterpart reads it here: a received message made
with the arguments of a send message (``TextMessage(text="hi")``), a received
model given to a send builder (``push_message(to, TextMessage(...))``) or put in
a slot of a send model (a quick reply, a template), and
:func:`linebot_fp.validate`. This module is imported only when such an error is
worded, never on the path that parses a webhook or builds a reply, and imports
no other module of the package (the models' own checks import it, so it must not
import them): classes are named as ``"module:Class"``, as the family tables name
them, and loaded only to word a message. This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

__all__ = ["SEND_COUNTERPARTS", "constructed_as_send", "not_sendable", "received_model_note",
           "send_counterpart", "wrong_slot"]

_MESSAGES = "linebot_fp.models._messages"
_SEND = "linebot_fp.models._send_messages"

#: each received message kind -> the send message that sends one, ``None``: a bot cannot
#: send it (https://developers.line.biz/en/reference/messaging-api/#message-objects lists
#: what a bot sends; a file is not among them)
SEND_COUNTERPARTS: dict[str, str | None] = {
    f"{_MESSAGES}.text:TextMessage": f"{_SEND}.text:TextSendMessage",
    f"{_MESSAGES}.image:ImageMessage": f"{_SEND}.image:ImageSendMessage",
    f"{_MESSAGES}.video:VideoMessage": f"{_SEND}.video:VideoSendMessage",
    f"{_MESSAGES}.audio:AudioMessage": f"{_SEND}.audio:AudioSendMessage",
    f"{_MESSAGES}.location:LocationMessage": f"{_SEND}.location:LocationSendMessage",
    f"{_MESSAGES}.sticker:StickerMessage": f"{_SEND}.sticker:StickerSendMessage",
    f"{_MESSAGES}.file:FileMessage": None,
    f"{_MESSAGES}.unknown:UnknownMessage": None,
}

#: the base of the webhook events: an event given where a message belongs is named as one
EVENT = "linebot_fp.models._events.base:Event"

#: what a received message is, for the error messages
RECEIVED = "a message LINE sends to the bot (received in a webhook event)"


def send_counterpart(received: type) -> type | None:
    """The send message class standing for the received message class ``received``.

    ``TextMessage`` -> ``TextSendMessage``, ``ImageMessage`` -> ``ImageSendMessage``,
    ...; ``None`` for a received kind a bot cannot send (``FileMessage``), for
    ``UnknownMessage`` and for anything that is not a received message.
    """
    kind = _received_kind(received)
    send = None if kind is None else SEND_COUNTERPARTS[kind]
    return None if send is None else _load(send)


def received_model_note(value: object) -> str | None:
    """What ``value`` is when it is a received model (a received message or a webhook
    event), and what to send instead: ``"a message LINE sends to the bot ..., not one to
    send. To send a text message, use TextSendMessage(text=...)."``; ``None`` for any
    other value."""
    cls = type(value)
    if EVENT in map(_where, cls.__mro__):
        return ("a webhook event LINE sends to the bot, not a message to send (to answer "
                "it, reply_message(event.reply_token, TextSendMessage(text=...)))")
    if _received_kind(cls) is None:
        return None
    return f"{RECEIVED}, not one to send. {_instead(cls)}"


def not_sendable(name: str, value: object) -> str | None:
    """``"messages[0] is a TextMessage, a message LINE sends to the bot ..."``: the error of
    a parameter ``name`` holding a received model where a send model belongs (``None``
    when ``value`` is no received model)."""
    note = received_model_note(value)
    return None if note is None else f"{name} is {_article(type(value).__name__)}, {note}"


def constructed_as_send(cls: type, missing: list[str], unexpected: list[str],
                        positional: int = 0) -> str:
    """The message of the ``TypeError`` a received message class raises when it is made
    without its required arguments, with arguments it does not take (those of its send
    counterpart, most of the time) or with positional ones."""
    problems = []
    if missing:
        problems.append(f"missing {_names(missing)}")
    if unexpected:
        problems.append(f"got {_names(unexpected)}, which it does not take")
    if positional:
        problems.append(f"got {positional} positional argument(s) (it takes keywords only)")
    return (f"{cls.__name__}() {' and '.join(problems)}: {cls.__name__} is {RECEIVED}; it "
            f"needs {_listed(_required(cls))}, which LINE fills in. {_instead(cls)}")


def wrong_slot(owner: type, name: str, value: object, expected: type) -> str:
    """The message of the ``InvalidInputError`` for ``value`` in the slot ``owner.name``,
    which takes an ``expected`` (a family base, or a model class)."""
    text = (f"{owner.__name__}.{name} takes {_article(expected.__name__)}"
            f"{_members(expected)}, got {type(value).__name__}")
    note = received_model_note(value)
    return f"{text}, {note}" if note else text


def _received_kind(cls: type) -> str | None:
    """The row of :data:`SEND_COUNTERPARTS` that ``cls`` is (or derives from), or ``None``."""
    return next((where for where in map(_where, cls.__mro__) if where in SEND_COUNTERPARTS),
                None) if isinstance(cls, type) else None


def _instead(cls: type) -> str:
    send = send_counterpart(cls)
    tag = getattr(cls, "type", None)
    kind = _article(f"{tag} message") if isinstance(tag, str) else "a message of this kind"
    if send is None:
        return f"A bot cannot send {kind}: LINE has no send message for it."
    return f"To send {kind}, use {send.__name__}({', '.join(f'{n}=...' for n in _required(send))})."


def _required(cls: type) -> list[str]:
    return [field.name for field in dataclasses.fields(cls)
            if field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING and field.init]


def _load(where: str) -> type:
    module, _, name = where.partition(":")
    cls: type = getattr(importlib.import_module(module), name)
    return cls


def _where(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _names(names: list[str]) -> str:
    return ", ".join(repr(name) for name in names)


def _listed(names: list[str]) -> str:
    if not names:
        return "no required argument"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _article(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _members(expected: type) -> str:
    """`` (CameraAction, ..., URIAction)`` for a family base: its members, read from its
    table (``family``) without importing them; nothing for another class."""
    table: Any = expected.__dict__.get("family")
    rows = table.values() if hasattr(table, "values") else ()
    members = [where.rpartition(":")[2] for where in rows]
    return f" ({', '.join(members)})" if members else ""
