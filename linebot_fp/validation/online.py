"""Asking LINE itself: the validate endpoints, their 400 answers read as problems.

https://developers.line.biz/en/reference/messaging-api/#validate-message-objects-of-reply-message
https://developers.line.biz/en/reference/messaging-api/#validate-rich-menu-object

:func:`confirm` sends messages (or a rich menu) to the matching validate
endpoint and turns LINE's 400 ``details`` into the same :class:`Problem` values
the offline checks give. LINE names a fault in two ways: ``messages[0].text`` for
what it checks on the request, and, under "A message (messages[N]) in the request
body is invalid", a JSON pointer inside that message (``template/actions/0/uri``)
or, for a flex message, inside its container (``/hero/url``);
:func:`problems_from_error` writes all of them the first way
(``messages[0].contents.hero.url``). Only :func:`confirm` sends anything, through
the client it is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

from linebot_fp.errors import InvalidInputError, LineBotApiError
from linebot_fp.validation.problems import Path, Problem, pointer

if TYPE_CHECKING:
    from linebot_fp.models import RichMenu, SendMessage
    from linebot_fp.request import Request

__all__ = ["KINDS", "confirm", "confirm_async", "problems_from_error", "validation_request"]

#: what can be confirmed: messages for each way of sending them, or a rich menu
Kind = Literal["reply", "push", "multicast", "narrowcast", "broadcast", "rich_menu"]
KINDS: tuple[Kind, ...] = ("reply", "push", "multicast", "narrowcast", "broadcast", "rich_menu")

_MESSAGE_AT = re.compile(r"messages\[(\d+)\]")


class _Sends(Protocol):
    def send(self, request: Request[Any]) -> Any: ...


class _SendsAsync(Protocol):
    def send(self, request: Request[Any]) -> Awaitable[Any]: ...


def validation_request(value: SendMessage | Sequence[SendMessage] | RichMenu,
                       kind: Kind | None = None) -> Request[Any]:
    """The validate request for ``value``: messages (``kind`` says how they would be sent,
    ``"push"`` by default) or a rich menu (``kind`` ``"rich_menu"`` or None)."""
    from linebot_fp import api
    from linebot_fp.models import RichMenu

    if isinstance(value, RichMenu):
        if kind not in (None, "rich_menu"):
            raise InvalidInputError(f"kind {kind!r} validates messages; a rich menu takes "
                                    "kind='rich_menu'")
        return api.validate_rich_menu_object(value)
    builders = {"reply": api.validate_reply_message_objects,
                "push": api.validate_push_message_objects,
                "multicast": api.validate_multicast_message_objects,
                "narrowcast": api.validate_narrowcast_message_objects,
                "broadcast": api.validate_broadcast_message_objects}
    chosen = kind or "push"
    if chosen not in builders:
        raise InvalidInputError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}"
                                + (" (rich_menu takes a RichMenu)" if kind == "rich_menu"
                                   else ""))
    builder: Any = builders[chosen]
    request: Request[Any] = builder(value)
    return request


def confirm(client: _Sends, value: SendMessage | Sequence[SendMessage] | RichMenu,
            kind: Kind | None = None) -> tuple[Problem, ...]:
    """Ask LINE whether ``value`` is valid; its problems (empty when LINE accepts it).

    ``client`` is a :class:`~linebot_fp.Client`; ``kind`` is as for
    :func:`validation_request`. A 400 answer becomes problems named as the offline
    checks name them; any other error (401, 429, a transport error) is raised.
    """
    request = validation_request(value, kind)
    try:
        client.send(request)
    except LineBotApiError as error:
        if error.status_code != 400:
            raise
        return problems_from_error(error, request)
    return ()


async def confirm_async(client: _SendsAsync,
                        value: SendMessage | Sequence[SendMessage] | RichMenu,
                        kind: Kind | None = None) -> tuple[Problem, ...]:
    """:func:`confirm` for an :class:`~linebot_fp.AsyncClient`."""
    request = validation_request(value, kind)
    try:
        await client.send(request)
    except LineBotApiError as error:
        if error.status_code != 400:
            raise
        return problems_from_error(error, request)
    return ()


def problems_from_error(error: LineBotApiError, request: Request[Any] | None = None
                        ) -> tuple[Problem, ...]:
    """LINE's error answer as problems, each ``property`` written as the offline checks
    write it.

    ``request`` is what was sent (by default the error's own ``.request``): it tells
    whether ``messages[N]`` is a flex message, whose pointers LINE gives from its
    container. An answer without details is one problem naming the message (or the
    whole value) with LINE's message.
    """
    body = error.error
    sent = _sent_messages(request if request is not None else error.request)
    found = _MESSAGE_AT.search(body.message or "")
    index = int(found[1]) if found else None
    base: Path = () if index is None else ("messages", index)
    if not body.details:
        text = body.message or f"LINE answered {error.status_code}"
        return (Problem(pointer(base), text),)
    flex = (index is not None and sent is not None and index < len(sent)
            and isinstance(sent[index], Mapping) and sent[index].get("type") == "flex")
    return tuple(dict.fromkeys(
        Problem(_property(detail.property, base, flex), detail.message or body.message)
        for detail in body.details))


def _property(given: str | None, base: Path, flex: bool) -> str:
    if not given:
        return pointer(base)
    if given.startswith("/"):  # a JSON pointer: inside a flex container, or the message
        steps = _steps(given[1:])
        return pointer((*base, "contents", *steps) if flex else (*base, *steps))
    if "/" in given:  # template/actions/0/uri: inside the message
        return pointer((*base, *_steps(given)))
    if base and not given.startswith(("messages[", "messages.")) and given != "messages":
        return f"{pointer(base)}.{given}"
    return given


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        steps.append(int(part) if part.isdigit() else part)
    return steps


def _sent_messages(request: Request[Any] | None) -> list[Any] | None:
    if request is None or not request.body:
        return None
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None
    messages = data.get("messages") if isinstance(data, Mapping) else None
    return messages if isinstance(messages, list) else None
