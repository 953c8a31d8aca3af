"""The send flow, as pure functions shared by ``Client`` and ``AsyncClient``.

1. :func:`prepare` turns a :class:`~linebot_fp.request.Request` into the
   :class:`~linebot_fp.transport.HttpRequest` for one endpoint, token and timeout.
2. :func:`settle` looks at the outcome of one attempt (a response, or the
   transport error it raised) and says :class:`Retry` after a delay, or gives
   the answer: :func:`decode` turns the final response into the operation's
   model, ``None``, a streaming :class:`~linebot_fp.content.Content`, or a
   :class:`~linebot_fp.errors.LineBotApiError`.

A driver is therefore a short loop: prepare, then attempt and settle until the
answer comes (see ``linebot_fp.client``).

Retrying is safe by construction: only requests that cannot take effect twice
are retried (GET, PUT, DELETE, and POSTs carrying ``X-Line-Retry-Key``), and
the send endpoints that accept a retry key get one before the first attempt,
so every retry of that send reuses it. A 409 carrying
``X-Line-Accepted-Request-Id`` means the API had already accepted the same
send: it is an answer, not a failure.

This module performs no I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from linebot_fp import codec
from linebot_fp.api import _registry
from linebot_fp.content import Content
from linebot_fp.errors import ErrorResponse, LineBotApiError, TransportError
from linebot_fp.request import Headers, Request, Response
from linebot_fp.transport import HttpRequest, Timeout

__all__ = ["RETRY_KEY_PATHS", "USER_AGENT", "Retry", "RetryPolicy", "decode", "needs_retry_key",
           "prepare", "retry_delay", "settle"]

USER_AGENT = "linebot_fp/0.1.0"

#: the endpoints that accept ``X-Line-Retry-Key`` (any other answers 400 to it)
RETRY_KEY_PATHS = frozenset({
    "/v2/bot/message/push",
    "/v2/bot/message/multicast",
    "/v2/bot/message/narrowcast",
    "/v2/bot/message/broadcast",
})

_IDEMPOTENT = frozenset({"GET", "PUT", "DELETE"})
REQUEST_ID = "X-Line-Request-Id"
ACCEPTED_REQUEST_ID = "X-Line-Accepted-Request-Id"
RETRY_KEY = "X-Line-Retry-Key"


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """When and how often a failed send is tried again.

    ``max_attempts`` counts the first try. The n-th retry waits
    ``backoff * 2 ** (n - 1)`` seconds, at most ``max_backoff``, or what the
    API's ``Retry-After`` asks for when it says so. ``statuses`` are the
    answers worth another try; timeouts and connection failures always are.
    """

    max_attempts: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    statuses: frozenset[int] = field(default=frozenset({429, 500, 502, 503, 504}))

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(
                f"RetryPolicy.max_attempts must be at least 1, got {self.max_attempts}")
        if self.backoff < 0 or self.max_backoff < 0:
            raise ValueError("RetryPolicy.backoff and max_backoff must not be negative")


@dataclass(frozen=True, slots=True)
class Retry:
    """Try the same HTTP request again after ``delay`` seconds."""

    delay: float


def needs_retry_key(request: Request) -> bool:
    """Whether the client should give this send an ``X-Line-Retry-Key`` of its own."""
    return (request.method == "POST" and request.path in RETRY_KEY_PATHS
            and RETRY_KEY not in request.headers)


def prepare(request: Request, *, token: str, endpoints: Mapping[str, str] | None,
            timeout: Timeout, retry_key: str | None = None) -> HttpRequest:
    """The HTTP request for ``request``: URL, ``Authorization``, ``User-Agent``, retry key."""
    headers = {"Authorization": f"Bearer {token}", "User-Agent": USER_AGENT, **request.headers}
    if retry_key is not None and RETRY_KEY not in request.headers:
        headers[RETRY_KEY] = retry_key
    return HttpRequest(
        method=request.method,
        url=request.url(endpoints),
        headers=Headers(headers),
        body=request.body,
        timeout=timeout,
        stream=_registry.answer_type(request.operation) == _registry.BINARY,
    )


def retry_delay(policy: RetryPolicy | None, http_request: HttpRequest, attempt: int, *,
                response: Response | None = None) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or ``None`` to stop here.

    ``response`` is the answer of attempt ``attempt``; ``None`` means it failed
    with a transport error (timeout, connection refused).
    """
    if policy is None or attempt >= policy.max_attempts:
        return None
    if http_request.method not in _IDEMPOTENT and RETRY_KEY not in http_request.headers:
        return None
    if response is not None and response.status not in policy.statuses:
        return None
    delay: float = min(policy.backoff * 2.0 ** (attempt - 1), policy.max_backoff)
    if response is not None:
        asked = _seconds(response.headers.get("Retry-After"))
        if asked is not None:
            delay = min(asked, policy.max_backoff)
    return delay


def settle(request: Request, http_request: HttpRequest, policy: RetryPolicy | None,
           attempt: int, outcome: Response | TransportError) -> Any:
    """After attempt number ``attempt``: :class:`Retry`, or the answer (or raise the error)."""
    if isinstance(outcome, TransportError):
        delay = retry_delay(policy, http_request, attempt)
        if delay is None:
            raise outcome
        return Retry(delay)
    delay = retry_delay(policy, http_request, attempt, response=outcome)
    if delay is None:
        return decode(request, outcome)
    outcome.read()  # drain the failed attempt so its connection can be reused
    return Retry(delay)


def decode(request: Request, response: Response) -> Any:
    """The answer of ``request`` as its model, ``None``, ``Content``, or ``LineBotApiError``."""
    answer = _registry.answer_type(request.operation)
    status = response.status
    if 200 <= status < 300 and answer == _registry.BINARY:
        return Content(response.body, response.headers)
    body = response.read()
    if 200 <= status < 300 or (status == 409 and ACCEPTED_REQUEST_ID in response.headers):
        return _decode_json(body, answer, response.headers, accepted=status == 409)
    raise api_error(response.status, response.headers, body)


def api_error(status: int, headers: Mapping[str, str], body: bytes) -> LineBotApiError:
    """The exception for a non-2xx answer; the raw body is kept on it."""
    try:
        parsed: Any = json.loads(body) if body else None
    except ValueError:
        parsed = body.decode("utf-8", "replace")
    return LineBotApiError(
        status_code=status,
        headers=headers,
        request_id=headers.get(REQUEST_ID),
        accepted_request_id=headers.get(ACCEPTED_REQUEST_ID),
        error=ErrorResponse.from_json(parsed),
        body=body,
    )


def _decode_json(body: bytes, answer: type | str | None, headers: Mapping[str, str], *,
                 accepted: bool) -> Any:
    data: Any = codec.loads(body) if body.strip() else None
    if not isinstance(answer, type):  # no model: the JSON as it is (nothing for a 409)
        return None if accepted else data
    if data is None or isinstance(data, dict):  # headers the model reads, body first
        header_fields: Mapping[str, str] = getattr(answer, "header_fields", {})
        data = {**{key: headers[name] for key, name in header_fields.items() if name in headers},
                **(data or {})}
    if not accepted:
        return codec.structure(data, answer)
    try:
        return codec.structure(data, answer)
    except ValueError:
        return None  # already accepted; the 409 body is not the usual answer


def _seconds(value: str | None) -> float | None:
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None
