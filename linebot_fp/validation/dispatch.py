"""Which checks a value gets, by what it is: :func:`validate`.

A model is checked in its JSON form (``codec.unstructure``), so a problem is named
by the wire keys LINE uses; plain JSON (a dict or a list of them, a Simulator
paste) is checked as it is. This module performs no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from linebot_fp.errors import InvalidInputError
from linebot_fp.validation.flex import COMPONENT_TYPES, check_component, check_container
from linebot_fp.validation.images import image_info
from linebot_fp.validation.messages import (
    MESSAGE_TYPES,
    check_message,
    check_messages,
    check_quick_reply,
)
from linebot_fp.validation.problems import Problem, Report
from linebot_fp.validation.rich_menu import IMAGE, check_image, check_rich_menu

__all__ = ["validate"]
__docformat__ = "google"  # pdoc renders the Raises section

_RICH_MENU_PATHS = ("/v2/bot/richmenu", "/v2/bot/richmenu/validate")
_WHAT = ("validate checks a send message, a list of them, a flex container or component, a "
         "quick reply, a rich menu or a Request carrying one of those")


def validate(value: object, *, image: bytes | bytearray | memoryview | None = None
             ) -> tuple[Problem, ...]:
    """Check ``value`` against LINE's documented limits; its problems, empty when valid.

    ``value`` is a send message (``TextSendMessage``, ``FlexSendMessage``, ...), a
    sequence of them (as a request's ``messages``: problems then start
    ``messages[0]``), a flex container or component, a ``QuickReply``, a
    ``RichMenu`` (``image`` its image's bytes: JPEG or PNG, at most 1 MB, the
    menu's size), a :class:`~linebot_fp.Request` (the messages or rich menu its body
    carries, or the image of ``set_rich_menu_image``), or the JSON form of any of
    these (a JSON object whose ``type`` is a message type is read as a message, so a
    flex ``text`` or ``image`` component is checked as a model, not as JSON). Each
    :class:`Problem` names its ``property`` as LINE names it in an error's
    ``details[].property``.

    Raises:
        InvalidInputError: ``value`` is none of these, or ``image`` is given
            without a rich menu.
    """
    report = Report()
    try:
        _check(report, value, None if image is None else bytes(image))
    except RecursionError:
        report.add((), "nested too deeply to check")
    return report.result()


def _check(report: Report, value: object, image: bytes | None) -> None:
    from linebot_fp.request import Request

    if isinstance(value, Request):
        _request(report, value, image)
        return
    data, kind = _json_form(value)
    if image is not None and kind != "rich menu":
        raise InvalidInputError(f"image= goes with a rich menu, got {type(value).__name__}")
    if kind == "messages":
        check_messages(report, data, ("messages",))
    elif kind == "message":
        check_message(report, data, ())
    elif kind == "container":
        check_container(report, data, ())
    elif kind == "component":
        check_component(report, data, ())
    elif kind == "quick reply":
        check_quick_reply(report, data, ())
    else:
        size = check_rich_menu(report, data, ())
        if image is not None:
            check_image(report, image, size)


def _json_form(value: object) -> tuple[Any, str]:
    """``value`` as JSON, and what it is."""
    from linebot_fp import codec
    from linebot_fp.models import (
        FlexComponent,
        FlexContainer,
        QuickReply,
        RichMenu,
        SendMessage,
    )

    families = ((SendMessage, "message"), (FlexContainer, "container"),
                (FlexComponent, "component"), (QuickReply, "quick reply"), (RichMenu, "rich menu"))
    for family, kind in families:
        if isinstance(value, family):
            return codec.unstructure(value), kind
    if isinstance(value, Mapping):
        return value, _shape(value)
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        return [codec.unstructure(item) if isinstance(item, SendMessage) else item
                for item in value], "messages"
    from linebot_fp.models._counterparts import received_model_note

    note = received_model_note(value)
    raise InvalidInputError(f"{_WHAT}; got {type(value).__name__}" + (f", {note}" if note else ""))


def _shape(data: Mapping[str, Any]) -> str:
    """What a JSON object is, from its keys."""
    kind = data.get("type")
    if "messages" in data:
        return "request body"
    if kind in MESSAGE_TYPES:
        return "message"
    if kind in ("bubble", "carousel"):
        return "container"
    if kind in COMPONENT_TYPES:
        return "component"
    if "items" in data:
        return "quick reply"
    if "size" in data and "areas" in data:
        return "rich menu"
    raise InvalidInputError(f"{_WHAT}; got an object with keys {sorted(data)[:8]}")


def _request(report: Report, request: Any, image: bytes | None) -> None:
    body: bytes | None = request.body
    content_type = request.headers.get("Content-Type", "")
    if body is None:
        raise InvalidInputError(f"{_WHAT}; got a {request.operation} request with no body")
    if content_type.startswith("image/"):
        _image_request(report, body, content_type)
        return
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInputError(f"the {request.operation} request's body is not JSON") from None
    if isinstance(data, Mapping) and "messages" in data:
        if image is not None:
            raise InvalidInputError("image= goes with a rich menu, got a request of messages")
        check_messages(report, data["messages"], ("messages",))
    elif isinstance(data, Mapping) and request.path in _RICH_MENU_PATHS:
        size = check_rich_menu(report, data, ())
        if image is not None:
            check_image(report, image, size)
    else:
        raise InvalidInputError(f"{_WHAT}; got a {request.operation} request")


def _image_request(report: Report, body: bytes, content_type: str) -> None:
    """``set_rich_menu_image``: the image, and the type it is declared as."""
    check_image(report, body, None)
    declared = content_type.split(";")[0].strip().lower()
    actual = image_info(body).format
    if actual in ("jpeg", "png") and declared != f"image/{actual}":
        report.add((IMAGE,), f"the image is a {actual.upper()} but is sent as {declared}")
