"""Received models are not send models: the one mapping between them, and the errors it words.

https://developers.line.biz/en/reference/messaging-api/#message-objects
https://developers.line.biz/en/reference/messaging-api/#message-event

LINE sends a bot ``TextMessage``, ``ImageMessage``, ... inside webhook events; a
bot sends ``TextSendMessage``, ``ImageSendMessage``, .... Both families are tagged
by the same wire ``type``, so :func:`send_counterpart` maps a received message
class to the send message class of its tag (``TextMessage`` ->
``TextSendMessage``): the two family tables are the mapping, written nowhere
else. ``FileMessage`` has none (a bot cannot send a file), nor has
``UnknownMessage``.

Everything that names a send counterpart reads it here: a received message made
with the arguments of a send message (``TextMessage(text="hi")``), a received
model given to a send builder (``push_message(to, TextMessage(...))``) or put in
a slot of a send model (a quick reply, a template), and
:func:`linebot_fp.validate`. This module is imported only when such an error is
worded, never on the path that parses a webhook or builds a reply.
This module performs no I/O.
"""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["constructed_as_send", "not_sendable", "received_model_note", "send_counterpart",
           "wrong_slot"]

#: what a received message is, for the error messages
RECEIVED = "a message LINE sends to the bot (received in a webhook event)"


def send_counterpart(received: type) -> type | None:
    """The send message class standing for the received message class ``received``.

    ``TextMessage`` -> ``TextSendMessage``, ``ImageMessage`` -> ``ImageSendMessage``,
    ...; ``None`` for a received kind a bot cannot send (``FileMessage``), for
    ``UnknownMessage`` and for anything that is not a received message.
    """
    from linebot_fp.models._messages.base import Message
    from linebot_fp.models._send_messages.base import SendMessage

    if not (isinstance(received, type) and issubclass(received, Message)):
        return None
    tag = received.__dict__.get("type")
    if not isinstance(tag, str) or Message.family.get(tag) != _where(received):
        return None
    return SendMessage.family.member(tag)


def received_model_note(value: object) -> str | None:
    """What ``value`` is when it is a received model (a received message or a webhook
    event), and what to send instead: ``"a message LINE sends to the bot ..., not one to
    send. To send a text message, use TextSendMessage(text=...)."``; ``None`` for any
    other value."""
    from linebot_fp.models._events.base import Event
    from linebot_fp.models._messages.base import Message

    if isinstance(value, Event):
        return ("a webhook event LINE sends to the bot, not a message to send (to answer "
                "it, reply_message(event.reply_token, TextSendMessage(text=...)))")
    if not isinstance(value, Message):
        return None
    return f"{RECEIVED}, not one to send. {_instead(type(value))}"


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
    needs = [field.name for field in dataclasses.fields(cls)
             if field.default is dataclasses.MISSING and field.init]
    return (f"{cls.__name__}() {' and '.join(problems)}: {cls.__name__} is {RECEIVED}; it "
            f"needs {_listed(needs)}, which LINE fills in. {_instead(cls)}")


def wrong_slot(owner: type, name: str, value: object, expected: type) -> str:
    """The message of the ``InvalidInputError`` for ``value`` in the slot ``owner.name``,
    which takes an ``expected`` (a family base, or a model class)."""
    text = f"{owner.__name__}.{name} takes {_article(expected.__name__)}{_examples(expected)}, " \
           f"got {type(value).__name__}"
    note = received_model_note(value)
    return f"{text}, {note}" if note else text


def _instead(cls: type) -> str:
    send = send_counterpart(cls)
    tag = cls.__dict__.get("type")
    kind = _article(f"{tag} message") if isinstance(tag, str) else "a message of this kind"
    if send is None:
        return f"A bot cannot send {kind}: LINE has no send message for it."
    needs = [f"{field.name}=..." for field in dataclasses.fields(send)
             if field.default is dataclasses.MISSING and field.init]
    return f"To send {kind}, use {send.__name__}({', '.join(needs)})."


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


def _examples(expected: type) -> str:
    """`` (CameraAction, ..., URIAction)`` for a family base: its members, read from its
    table without importing them."""
    table: Any = expected.__dict__.get("family")
    members = [where.rpartition(":")[2] for where in (table or {}).values()]
    return f" ({', '.join(members)})" if members else ""
