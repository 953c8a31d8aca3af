"""Calling LINE's channel access token endpoints, for the providers and the command.

These endpoints authenticate by their form (channel id and secret, or a JWT
assertion), so the call carries no ``Authorization`` header. A failure becomes
a :class:`~linebot_fp.errors.ChannelTokenError` saying what LINE answered, with
no secret in it: the forms and queries of these requests hold secrets, so the
error chains nothing that carries the request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from linebot_fp.errors import ChannelTokenError, LineBotApiError, LineBotError
from linebot_fp.request import Headers, Request
from linebot_fp.sending import MAX_ANSWER_BYTES, decode, prepare
from linebot_fp.tokens.secret import REDACTED
from linebot_fp.transport import Timeout, Transport, default_transport

__all__ = ["Reach", "call"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Reach:
    """How to reach LINE: the keywords ``Client`` takes (``endpoints``, ``timeout``,
    ``transport``)."""

    endpoints: Mapping[str, str] = field(default_factory=dict)
    timeout: Timeout = 5.0
    transport: Transport | None = None


def call(reach: Reach, request: Request[T], *, action: str, kind: str, channel_id: str,
         secrets: Iterable[str] = ()) -> T:
    """Send ``request`` (no token) and return its decoded answer.

    Raises :class:`~linebot_fp.errors.ChannelTokenError` (``action``, ``kind``,
    ``channel_id``) when LINE refuses or does not answer; the ``secrets`` (and the
    secret form and query values of the request) are blanked out of what it quotes.
    """
    failure = _attempt(reach, request, (*secrets, *_values(request)))
    del request, secrets  # they hold secrets: keep them out of a traceback's local variables
    if isinstance(failure, _Failure):
        raise ChannelTokenError(action, kind, channel_id, failure.reason,
                                status_code=failure.status_code, request_id=failure.request_id,
                                error=failure.error,
                                error_description=failure.error_description) from None
    answer: T = failure.answer
    return answer


@dataclass(frozen=True, slots=True)
class _Answer:
    answer: Any


@dataclass(frozen=True, slots=True)
class _Failure:
    reason: str
    status_code: int | None = None
    request_id: str | None = None
    error: str | None = None
    error_description: str | None = None


def _attempt(reach: Reach, request: Request[Any], secrets: tuple[str, ...]) -> _Answer | _Failure:
    http_request = prepare(request, token=REDACTED, endpoints=reach.endpoints,
                           timeout=reach.timeout, max_answer_bytes=MAX_ANSWER_BYTES)
    http_request = replace(http_request, headers=Headers(
        (name, value) for name, value in http_request.headers.items()
        if name.lower() != "authorization"))
    try:
        response = (reach.transport or default_transport())(http_request)
        return _Answer(decode(request, response, limit=http_request.max_answer_bytes))
    except LineBotApiError as error:
        return _refusal(error, secrets)
    except LineBotError as error:
        return _Failure(f"no usable answer from LINE: {_scrub(str(error), secrets)}")


def _refusal(error: LineBotApiError, secrets: tuple[str, ...]) -> _Failure:
    """What LINE said: its OAuth error body (``error``, ``error_description``) or message."""
    try:
        body: Any = json.loads(error.body) if error.body.strip() else {}
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    code = _text(body.get("error"), secrets)
    description = _text(body.get("error_description"), secrets)
    said = ": ".join(part for part in (code, description) if part) \
        or _scrub(error.error.message, secrets) or "(no message)"
    return _Failure(f"LINE answered {error.status_code}: {said}", error.status_code,
                    error.request_id, code, description)


def _text(value: object, secrets: tuple[str, ...]) -> str | None:
    return None if value is None else _scrub(str(value), secrets)


def _scrub(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text


#: the form and query fields of these endpoints that carry a secret
SECRET_FIELDS = frozenset({"client_secret", "client_assertion", "access_token"})


def _values(request: Request[Any]) -> tuple[str, ...]:
    """The secret form and query values of ``request``, as sent and percent-encoded."""
    from urllib.parse import parse_qsl, quote

    form = parse_qsl(request.body.decode("utf-8", "replace")) if request.body else []
    values = [value for name, value in (*form, *request.query) if name in SECRET_FIELDS]
    return (*values, *(quote(value, safe="") for value in values))
