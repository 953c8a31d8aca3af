"""The mechanics every builder shares, written once.

Builders state facts (method, host, path, body); everything else lives here:
percent-encoding path parameters, query strings, JSON / form / binary bodies,
the ``messages`` argument, retry keys and the checks that raise
``InvalidInputError`` naming the parameter. This module performs no I/O.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import IO, TYPE_CHECKING, Any

from linebot_fp import codec
from linebot_fp.api._paths import fill, parameter_name, valid_unicode
from linebot_fp.errors import InvalidInputError
from linebot_fp.models._base import Model
from linebot_fp.request import (
    RETRY_KEY,
    Headers,
    Request,
    check_header,
    retry_key as parse_retry_key,
)

if TYPE_CHECKING:
    import uuid

    from linebot_fp.models.send_messages import SendMessage

__all__ = [
    "JSON",
    "binary_request",
    "compact",
    "date_param",
    "form_request",
    "get",
    "ids",
    "integer",
    "json_request",
    "messages",
    "model",
    "multipart_request",
    "path",
    "query",
    "require_id",
    "require_text",
    "retry_key_headers",
    "sequence",
]

JSON = Headers({"Content-Type": "application/json"})
FORM = Headers({"Content-Type": "application/x-www-form-urlencoded"})

MAX_MESSAGES = 5

_NOT_SEQUENCES = (str, bytes, bytearray, memoryview, Mapping)


def path(template: str, **params: str) -> str:
    """Fill ``{name}`` placeholders, each value percent-encoded (``/`` included).

    An id that is empty, ``.`` or ``..`` (also percent-encoded), or that would make
    the path name another endpoint, raises ``InvalidInputError`` naming the
    parameter (see :mod:`linebot_fp.api._paths`).
    """
    return fill(template, params)


def query(**params: Any) -> tuple[tuple[str, str], ...]:
    """Query pairs in the given order; ``None`` is left out, booleans are ``true``/``false``."""
    return tuple((name, _query_value(value)) for name, value in params.items() if value is not None)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _text_value(key: str, value: Any) -> str:
    """A form field's text; a lone surrogate raises naming the parameter behind ``key``."""
    text = _query_value(value)
    return text if text.isascii() else valid_unicode(parameter_name(key), text)


def _not_unicode(body: Any) -> InvalidInputError:
    """The error for a JSON body holding a lone surrogate, naming the field that holds it."""
    fields = body.items() if isinstance(body, Mapping) else ()
    for key, value in fields:
        try:
            codec.dumps_json(as_json(value))
        except UnicodeEncodeError:
            name = parameter_name(key)
            return InvalidInputError(f"{name} (body field {key}) holds text that is not valid "
                                     f"Unicode (a lone surrogate)")
    return InvalidInputError("the request body holds text that is not valid Unicode "
                             "(a lone surrogate)")


def compact(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON object without its ``None`` members, models unstructured."""
    return {key: as_json(value) for key, value in fields.items() if value is not None}


def as_json(value: Any) -> Any:
    """The JSON form of a model, or of a list of models; plain JSON values as they are.

    Builders hand over values that are already JSON (strings, numbers, the output
    of ``messages()``) most of the time; walking those again would only cost time.
    """
    if isinstance(value, Model):
        return codec.unstructure(value)
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], Model):
        return [codec.unstructure(item) for item in value]
    return value


def get(operation: str, path_: str, *, base: str = "api",
        query_: tuple[tuple[str, str], ...] = ()) -> Request[Any]:
    """A request without a body (GET by default)."""
    return Request(operation=operation, method="GET", base=base, path=path_, query=query_)


def json_request(operation: str, method: str, path_: str, body: Any = None, *,
                 base: str = "api", query_: tuple[tuple[str, str], ...] = (),
                 headers: Mapping[str, str] | None = None) -> Request[Any]:
    """A request whose body is ``body`` (a model or plain JSON value) as compact JSON.

    ``body=None`` sends no body at all (and no content type).
    """
    for name, value in (headers or {}).items():
        check_header(name, value, header_parameter(name))
    if body is None:
        return Request(operation=operation, method=method, base=base, path=path_,
                       query=query_, headers=Headers(headers or {}))
    try:
        payload = codec.dumps_json(as_json(body))
    except UnicodeEncodeError:
        raise _not_unicode(body) from None
    all_headers = JSON if not headers else Headers({**JSON, **headers})
    return Request(operation=operation, method=method, base=base, path=path_, query=query_,
                   headers=all_headers, body=payload)


def form_request(operation: str, path_: str, fields: Mapping[str, Any], *,
                 base: str = "api") -> Request[Any]:
    """A POST with an ``application/x-www-form-urlencoded`` body (the OAuth endpoints)."""
    from urllib.parse import urlencode  # here: only the OAuth endpoints send forms

    pairs = [(name, _text_value(name, value)) for name, value in fields.items()
             if value is not None]
    return Request(operation=operation, method="POST", base=base, path=path_, headers=FORM,
                   body=urlencode(pairs).encode("ascii"))


def binary_request(operation: str, path_: str, content_type: str,
                   content: bytes | bytearray | memoryview | IO[bytes], *,
                   base: str = "data") -> Request[Any]:
    """A POST whose body is raw bytes (or a binary file object, read now)."""
    if not isinstance(content_type, str) or "/" not in content_type:
        raise InvalidInputError(f"content_type must be a MIME type like 'image/png', "
                                f"got {content_type!r}")
    check_header("Content-Type", content_type, "content_type")
    return Request(operation=operation, method="POST", base=base, path=path_,
                   headers=Headers({"Content-Type": content_type}), body=read_bytes(content))


def read_bytes(content: bytes | bytearray | memoryview | IO[bytes], name: str = "content") -> bytes:
    """Bytes from bytes-like values or a binary file object."""
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content)
    read = getattr(content, "read", None)
    if read is None:
        raise InvalidInputError(f"{name} must be bytes or a binary file object, "
                                f"got {type(content).__name__}")
    data = read()
    if not isinstance(data, bytes):
        raise InvalidInputError(f"{name} must be opened in binary mode ('rb')")
    return data


def multipart_request(operation: str, method: str, path_: str, fields: Mapping[str, Any],
                      file: tuple[str, str, str, bytes], *, base: str = "data") -> Request[Any]:
    """A ``multipart/form-data`` request: text ``fields`` (``None`` left out), then one file.

    ``file`` is ``(part name, file name, content type, content)``. The boundary is
    derived from a hash of the parts, so the same input always gives the same bytes.
    """
    name, filename, content_type, content = file
    parts = [(f'Content-Disposition: form-data; name="{key}"', _text_value(key, value).encode())
             for key, value in fields.items() if value is not None]
    parts.append((f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                  f"Content-Type: {content_type}", content))
    digest = hashlib.sha256()
    for head, data in parts:
        digest.update(head.encode())
        digest.update(data)
    boundary = "linebot-fp-" + digest.hexdigest()[:32]
    while any(boundary.encode() in data for _, data in parts):
        boundary = "linebot-fp-" + hashlib.sha256(boundary.encode()).hexdigest()[:32]
    dash = f"--{boundary}".encode()
    body = b"".join(dash + b"\r\n" + head.encode() + b"\r\n\r\n" + data + b"\r\n"
                    for head, data in parts) + dash + b"--\r\n"
    return Request(operation=operation, method=method, base=base, path=path_,
                   headers=Headers({"Content-Type": f"multipart/form-data; boundary={boundary}"}),
                   body=body)


def require_id(name: str, value: Any) -> str:
    """A non-empty string id, or ``InvalidInputError`` naming the parameter."""
    if not isinstance(value, str) or not value:
        raise InvalidInputError(f"{name} must be a non-empty string, got {value!r}")
    return valid_unicode(name, value)


def require_text(name: str, value: Any) -> str:
    """A string (possibly empty), or ``InvalidInputError`` naming the parameter."""
    if not isinstance(value, str):
        raise InvalidInputError(f"{name} must be a string, got {type(value).__name__}")
    return valid_unicode(name, value)


def header_parameter(header: str) -> str:
    """The parameter a header's value comes from: ``X-Line-Delivery-Tag`` -> ``delivery_tag``."""
    return header.removeprefix("X-Line-").replace("-", "_").lower()


def date_param(name: str, value: Any) -> str:
    """A ``yyyyMMdd`` date (LINE reads it in UTC+9) from such a string or a ``datetime.date``."""
    if hasattr(value, "strftime") and hasattr(value, "toordinal"):
        return str(value.strftime("%Y%m%d"))
    if not (isinstance(value, str) and len(value) == 8 and value.isascii() and value.isdigit()):
        raise InvalidInputError(f"{name} must be a yyyyMMdd date like '20240131' or a "
                                f"datetime.date, got {value!r}")
    return value


def integer(name: str, value: Any, *, low: int | None = None, high: int | None = None) -> int:
    """An ``int`` (not a ``bool``) within ``low..high``, or ``InvalidInputError`` naming it."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(f"{name} must be an integer, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        bound = (f"{low} to {high}" if low is not None and high is not None
                 else f"at least {low}" if low is not None else f"at most {high}")
        raise InvalidInputError(f"{name} must be {bound}, got {value}")
    return value


def sequence(name: str, values: Any, what: str = "ids") -> list[Any]:
    """The items of a list, tuple, set or other iterable, as a list.

    A ``str``, bytes or a mapping is refused (``InvalidInputError`` naming the
    parameter): iterating it would give characters, byte values or dict keys.
    """
    if isinstance(values, _NOT_SEQUENCES) or not isinstance(values, Iterable):
        raise InvalidInputError(f"{name} must be a list of {what}, got {type(values).__name__}")
    return values if values.__class__ is list else list(values)


def ids(name: str, values: Any, *, high: int | None = None, low: int = 1) -> list[str]:
    """A list of non-empty string ids, ``low`` to ``high`` of them, from any iterable.

    The whole list is checked at once; each id is looked at (and named
    ``name[index]``) only when something is wrong.
    """
    items = sequence(name, values)
    if len(items) < low or (high is not None and len(items) > high):
        bound = f"{low} to {high}" if high is not None else f"at least {low}"
        raise InvalidInputError(f"{name} takes {bound} ids, got {len(items)}")
    try:  # join refuses anything but strings; ASCII ids need no Unicode check
        fine = "".join(items).isascii() and "" not in items
    except TypeError:
        fine = False
    if not fine:
        for index, value in enumerate(items):
            require_id(f"{name}[{index}]", value)
    return items


def model(name: str, value: Any, spec: str, *, optional: bool = False) -> Any:
    """The JSON form of ``value``, which must be an instance of ``"module:Class"``.

    The class is imported only when a builder runs, so importing builders stays
    cheap. ``optional=True`` lets ``None`` through (as ``None``).
    """
    if value is None and optional:
        return None
    module, _, class_name = spec.partition(":")
    cls = getattr(importlib.import_module(module), class_name)
    if not isinstance(value, cls):
        raise InvalidInputError(f"{name} must be a {class_name}, got {type(value).__name__}")
    return codec.unstructure(value)


@cache
def _send_message_base() -> type[SendMessage]:
    """``SendMessage``, imported when the first message is built, not with the builders."""
    from linebot_fp.models import SendMessage

    return SendMessage


def messages(value: SendMessage | Sequence[SendMessage], name: str = "messages") -> list[Any]:
    """One message or a sequence of 1 to 5, checked and unstructured for a JSON body."""
    base = _send_message_base()
    if isinstance(value, base):
        items = [value]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, (str, bytes, Mapping, Model)) or not isinstance(value, Iterable):
        raise _not_a_message(name, value, "must be a message or a list of messages")
    else:
        items = list(value)
    if not 1 <= len(items) <= MAX_MESSAGES:
        raise InvalidInputError(f"{name} takes 1 to {MAX_MESSAGES} messages, got {len(items)}")
    for index, item in enumerate(items):
        if not isinstance(item, base):
            raise _not_a_message(f"{name}[{index}]", item,
                                 "must be a message object such as TextSendMessage")
    return [codec.unstructure(item) for item in items]


def _not_a_message(name: str, value: Any, rule: str) -> InvalidInputError:
    """``name`` holds no send message: a received one (or an event) is told what to send."""
    from linebot_fp.models._counterparts import not_sendable

    return InvalidInputError(not_sendable(name, value)
                             or f"{name} {rule}, got {type(value).__name__}")


def retry_key_headers(retry_key: str | uuid.UUID | None) -> dict[str, str] | None:
    """``X-Line-Retry-Key`` for a UUID (any standard spelling); ``None`` for none."""
    return None if retry_key is None else {RETRY_KEY: parse_retry_key(retry_key)}
