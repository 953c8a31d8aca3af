"""The send flow, as functions shared by ``Client`` and ``AsyncClient``.

1. :func:`begin` keys the :class:`~linebot_fp.request.Request` (an
   ``X-Line-Retry-Key`` for the operations that accept one, when retries are on)
   and :func:`prepare` turns it into the :class:`~linebot_fp.transport.HttpRequest`
   for one endpoint, token and timeout.
2. :func:`settle` looks at the outcome of one attempt (a response, or the
   transport error it raised) and says :class:`Retry` (after a delay, with the
   next attempt's request), or gives the answer: :func:`decode` turns the final
   response into the operation's model, ``None``, a streaming
   :class:`~linebot_fp.content.Content`, or raises.

A driver is therefore a short loop: begin, then attempt and settle until the
answer comes (see ``linebot_fp.client``). Every error it raises carries
``.request``: the keyed ``Request``, which can be sent again safely.

A ``429 Too Many Requests`` is told apart by its body's ``message``
(:func:`too_many_requests`, see
https://developers.line.biz/en/docs/messaging-api/handling-http-429-errors/):
past a rate limit the client backs off (``Retry-After``, else the operation's
tier); past the limit on concurrent operations it waits; past the month's
messages it raises :class:`~linebot_fp.errors.QuotaExceededError` at once,
never retried. LINE processes no request it answers 429, so one is retried
even when it carries no retry key.

Retrying is safe by construction: only requests that cannot take effect twice
are retried (GET, PUT, DELETE, and POSTs carrying ``X-Line-Retry-Key``). A 409
carrying ``X-Line-Accepted-Request-Id`` means the API had already accepted the
same send (an earlier attempt whose answer was lost): it is an answer, not a
failure.

This module performs no I/O; :func:`settle` only writes log records to the
``linebot_fp`` logger (each attempt at DEBUG, a give-up at WARNING).
"""

from __future__ import annotations

import enum
import logging
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from linebot_fp import __version__, codec
from linebot_fp.api import _registry
from linebot_fp.content import Content
from linebot_fp.error_body import ErrorResponse
from linebot_fp.errors import (
    AnswerTooLargeError,
    InvalidPayloadError,
    LineBotApiError,
    LineBotError,
    QuotaExceededError,
    TransportError,
    UndecodableAnswerError,
    preview,
)
from linebot_fp.request import (
    RETRY_KEY,
    RETRY_KEY_PATHS,
    Headers,
    Request,
    Response,
    redact_secrets,
    safe_to_repeat,
)
from linebot_fp.transport import HttpRequest, Timeout

__all__ = ["MAX_ANSWER_BYTES", "MONTHLY_LIMIT_MESSAGE", "RATE_LIMIT_MESSAGE",
           "RETRY_KEY_PATHS", "USER_AGENT", "Attempt", "Retry", "RetryPolicy", "TooManyRequests",
           "api_error", "begin", "bounded_timeout", "decode", "needs_retry_key", "prepare",
           "read_body", "retry_after", "settle", "too_many_requests"]

USER_AGENT = f"linebot_fp/{__version__}"

#: the default limit on a JSON answer's size, in bytes (binary content streams, unlimited)
MAX_ANSWER_BYTES = 4 * 1024 * 1024

REQUEST_ID = "X-Line-Request-Id"
ACCEPTED_REQUEST_ID = "X-Line-Accepted-Request-Id"

log = logging.getLogger("linebot_fp")

#: ``uniform(low, high)``: a random float in [low, high] (``random.uniform`` by default)
Uniform = Callable[[float, float], float]

# https://developers.line.biz/en/reference/messaging-api/#error-messages
#: the ``message`` of LINE's 429 past a rate limit
RATE_LIMIT_MESSAGE = "The API rate limit has been exceeded. Try again later."
#: the ``message`` of LINE's 429 past the month's free or additional messages
MONTHLY_LIMIT_MESSAGE = "You have reached your monthly limit."


class TooManyRequests(str, enum.Enum):
    """Why LINE answered ``429 Too Many Requests``, and so what the client does."""

    RATE_LIMIT = "rate limit"  #: too many requests of one endpoint: back off, then retry
    CONCURRENT = "concurrent operations"  #: too many audience jobs at once: wait, then retry
    QUOTA = "quota"  #: the month's messages are spent: raise QuotaExceededError, no retry


def too_many_requests(message: str | None) -> TooManyRequests:
    """Why a 429 came, from its body's ``message``: pure, and lenient with wording.

    "...monthly limit..." or "...additional message..." is the month's quota;
    "...concurrent..." the limit on concurrent operations; anything else
    (LINE's "The API rate limit has been exceeded. Try again later.", a proxy's
    text, no message at all) a rate limit.
    """
    text = (message or "").casefold()
    if "monthly limit" in text or "additional message" in text:
        return TooManyRequests.QUOTA
    if "concurrent" in text:
        return TooManyRequests.CONCURRENT
    return TooManyRequests.RATE_LIMIT


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """When and how often a failed send is tried again; ``Client(retry=None)`` turns it off.

    ``max_attempts`` counts the first try. Before the n-th retry the client
    waits a random time between 0 and ``backoff * 2 ** (n - 1)`` seconds, at
    most ``max_backoff`` ("full jitter", so many clients do not retry in step;
    the time the failed attempt took counts towards it), or what the API's
    ``Retry-After`` asks for (seconds or an HTTP date; values that make no
    sense are ignored), at most ``max_backoff``. ``deadline``
    bounds the whole send in seconds, waits and attempts included: no retry is
    scheduled past it, and the last attempts get the time left as their
    timeout (``None``: no bound but ``max_attempts``). ``statuses`` are the
    answers worth another try; timeouts and connection failures always are.

    Only what cannot take effect twice is retried: GET, PUT, DELETE, and POSTs
    carrying ``X-Line-Retry-Key`` (which the client gives push, multicast,
    narrowcast and broadcast). Raises ``ValueError`` for a negative, NaN or
    infinite number, or ``max_attempts`` below 1.
    """

    max_attempts: int = 6
    backoff: float = 0.1
    max_backoff: float = 5.0
    deadline: float | None = 45.0
    statuses: frozenset[int] = field(default=frozenset({429, 500, 502, 503, 504}))

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int) \
                or self.max_attempts < 1:
            raise ValueError(
                f"RetryPolicy.max_attempts must be an int of at least 1, got {self.max_attempts!r}")
        for name in ("backoff", "max_backoff", "deadline"):
            value = getattr(self, name)
            if value is None and name == "deadline":
                continue
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ValueError(f"RetryPolicy.{name} must be a finite number of seconds "
                                 f">= 0, got {value!r}")
        if not isinstance(self.statuses, frozenset):
            object.__setattr__(self, "statuses", frozenset(_statuses(self.statuses)))


def _statuses(statuses: Iterable[int]) -> Iterable[int]:
    for status in statuses:
        if isinstance(status, bool) or not isinstance(status, int):
            raise ValueError(f"RetryPolicy.statuses must hold HTTP status ints, got {status!r}")
        yield status


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try of a send, as the driver measured it.

    ``number`` is 1 for the first try; ``elapsed`` the seconds since the send
    began, up to this attempt's outcome; ``duration`` the seconds this attempt
    took; ``now`` the wall-clock time of the outcome (epoch seconds), which
    ``Retry-After`` dates are measured against when the answer has no ``Date``.
    """

    number: int
    elapsed: float
    duration: float
    now: float


@dataclass(frozen=True, slots=True)
class Retry:
    """Send ``http_request`` (the same request, its timeout fitted to the deadline)
    again after ``delay`` seconds."""

    delay: float
    http_request: HttpRequest


def needs_retry_key(request: Request[Any]) -> bool:
    """Whether ``request`` is an operation that accepts ``X-Line-Retry-Key`` and has none."""
    return request.takes_retry_key and RETRY_KEY not in request.headers


def begin(request: Request[Any], policy: RetryPolicy | None) -> Request[Any]:
    """``request`` as it will be sent: keyed when retries are on and its operation takes a key.

    Raises ``ValueError`` when ``request`` is not a :class:`Request`.
    """
    if not isinstance(request, Request):
        raise ValueError(f"send takes a Request (from linebot_fp.api), "
                         f"got {type(request).__name__}")
    return request.with_retry_key() if policy is not None and needs_retry_key(request) else request


def prepare(request: Request[Any], *, token: str, endpoints: Mapping[str, str] | None,
            timeout: Timeout, max_answer_bytes: int | None = MAX_ANSWER_BYTES,
            policy: RetryPolicy | None = None) -> HttpRequest:
    """The HTTP request for ``request``: URL, ``Authorization``, ``User-Agent``, limits.

    The timeout is cut to ``policy.deadline`` when that is shorter.
    """
    headers = Headers({"Authorization": f"Bearer {token}", "User-Agent": USER_AGENT,
                       **request.headers})
    stream = _registry.answer_type(request.operation) == _registry.BINARY
    return HttpRequest(
        method=request.method,
        url=request.url(endpoints),
        headers=headers,
        body=request.body,
        timeout=bounded_timeout(timeout, policy.deadline if policy else None),
        stream=stream,
        max_answer_bytes=max_answer_bytes,
    )


def bounded_timeout(timeout: Timeout, limit: float | None) -> Timeout:
    """``timeout`` (seconds or ``(connect, read)``) with each part at most ``limit``."""
    if limit is None:
        return timeout
    if isinstance(timeout, tuple):
        return (min(timeout[0], limit), min(timeout[1], limit))
    return min(timeout, limit)


def settle(request: Request[Any], http_request: HttpRequest, policy: RetryPolicy | None,
           attempt: Attempt, outcome: Response | TransportError, *,
           uniform: Uniform | None = None) -> Any:
    """After one attempt: :class:`Retry`, or the answer; or raise the error, with ``.request``.

    ``outcome`` is the transport's response, or the ``TransportError`` it raised;
    ``uniform`` is the random source of the jitter (``random.uniform`` by default).
    """
    too_large = outcome if isinstance(outcome, AnswerTooLargeError) else None
    response: Response | None
    if too_large is not None:
        response = Response(status=too_large.status_code, headers=too_large.headers,
                            body=too_large.body)
    else:
        response = outcome if isinstance(outcome, Response) else None
    if response is not None and response.status == 429 and not isinstance(response.body, bytes):
        # its message says whether to retry: read it now (decode gets the bytes)
        response = replace(response, body=read_body(response, http_request.max_answer_bytes))
    cause = _cause(response)
    delay, why = _retry_plan(policy, http_request, attempt, response, uniform,
                             operation=request.operation, cause=cause)
    _log_attempt(http_request, attempt, outcome, response, why, gave_up=delay is None and
                 _worth_retrying(policy, response, cause))
    try:
        if delay is not None:
            if response is not None:
                # drain the failed attempt so its connection can be reused
                read_body(response, http_request.max_answer_bytes)
            assert policy is not None
            return Retry(delay, replace(http_request, timeout=bounded_timeout(
                http_request.timeout, _time_left(policy, attempt, delay))))
        if response is None:
            assert isinstance(outcome, TransportError)
            raise outcome
        return decode(request, response, too_large=too_large,
                      limit=http_request.max_answer_bytes)
    except LineBotError as error:
        error.request = request
        raise


def decode(request: Request[Any], response: Response, *,
           too_large: AnswerTooLargeError | None = None, limit: int | None = None) -> Any:
    """The answer of ``request``: its model, ``None``, plain JSON or ``Content``.

    Raises ``LineBotApiError`` for a non-2xx answer (but a 409 "already
    accepted", which is an answer) and ``UndecodableAnswerError`` for an
    accepted answer that cannot be decoded; ``too_large`` is the transport's
    refusal to read an oversized body. Of a streamed body that is not content
    (an error answer), at most ``limit`` bytes are read.
    """
    answer = _registry.answer_type(request.operation)
    status, headers = response.status, response.headers
    ok = 200 <= status < 300
    accepted = ok or (status == 409 and ACCEPTED_REQUEST_ID in headers)
    if ok and answer == _registry.BINARY:
        return Content(response.body, headers)
    body = read_body(response, limit)
    if too_large is not None and accepted:
        raise UndecodableAnswerError(
            status, headers, body,
            f"the answer is larger than max_answer_bytes={too_large.limit}, so it was not read",
        ) from too_large
    if not accepted or too_large is not None:
        raise api_error(status, headers, body)
    if ok and answer == _registry.EMPTY:
        return None  # Request[None]: LINE's "{}" carries nothing
    try:
        return _decode_json(body, answer, headers, accepted=status == 409)
    except InvalidPayloadError as exc:
        raise UndecodableAnswerError(status, headers, body, exc.message) from exc


def read_body(response: Response, limit: int | None) -> bytes:
    """The body of ``response``; of a stream, at most ``limit`` bytes, then it is closed."""
    if isinstance(response.body, bytes) or limit is None:
        return response.read()
    try:
        return response.body.read(limit)
    finally:
        response.body.close()


def api_error(status: int, headers: Mapping[str, str], body: bytes) -> LineBotApiError:
    """The exception for a non-2xx answer; the raw body is kept on it whole.

    A body that is not JSON (an HTML error page, JSON nested too deeply) is kept
    as text: its first characters become the error message. A 429 for the
    month's quota is a :class:`~linebot_fp.errors.QuotaExceededError`.
    """
    error = _error_body(body)
    quota = status == 429 and too_many_requests(error.message) is TooManyRequests.QUOTA
    return (QuotaExceededError if quota else LineBotApiError)(
        status_code=status,
        headers=headers,
        request_id=headers.get(REQUEST_ID),
        accepted_request_id=headers.get(ACCEPTED_REQUEST_ID),
        error=error,
        body=body,
    )


def retry_after(value: str | None, *, now: float, date: str | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait, or ``None`` when it says nothing usable.

    ``value`` is a number of seconds or an HTTP date; a date is measured from
    the answer's ``Date`` header when it has one (the server's clock), else from
    ``now`` (epoch seconds). Negative waits count as 0; NaN, infinity and text
    that is neither form give ``None``.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        when = _http_date(value)
        if when is None:
            return None
        sent = _http_date(date) if date is not None else None
        seconds = when - (now if sent is None else sent)
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _http_date(text: str) -> float | None:
    from email.utils import parsedate_to_datetime  # only when a server sends a date

    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # RFC 9110 dates are GMT
        import datetime

        moment = moment.replace(tzinfo=datetime.timezone.utc)
    try:
        return moment.timestamp()
    except (OverflowError, ValueError, OSError):
        return None


def _error_body(body: bytes) -> ErrorResponse:
    """An error answer's body, read leniently (text that is not JSON becomes the message)."""
    try:
        parsed: Any = codec.loads(body) if body.strip() else None
    except InvalidPayloadError:
        parsed = preview(body)
    return ErrorResponse.from_json(parsed)


def _cause(response: Response | None) -> TooManyRequests | None:
    """Why a 429 came (its body is bytes by now); ``None`` for any other outcome."""
    if response is None or response.status != 429 or not isinstance(response.body, bytes):
        return None
    return too_many_requests(_error_body(response.body).message)


def _worth_retrying(policy: RetryPolicy | None, response: Response | None,
                    cause: TooManyRequests | None) -> bool:
    """Whether this outcome is a failure another attempt might cure."""
    return policy is not None and cause is not TooManyRequests.QUOTA and (
        response is None or response.status in policy.statuses)


def _retry_plan(policy: RetryPolicy | None, http_request: HttpRequest, attempt: Attempt,
                response: Response | None, uniform: Uniform | None, *, operation: str,
                cause: TooManyRequests | None) -> tuple[float | None, str]:
    """The delay before the next attempt (``None``: no next attempt) and why, for the log.

    ``cause`` is why a 429 came (``None`` for any other outcome).
    """
    if policy is None:
        return None, "retries off"
    if cause is TooManyRequests.QUOTA:
        return None, "final answer: the month's message quota is spent"
    if not _worth_retrying(policy, response, cause):
        return None, "final answer"
    if cause is None and not safe_to_repeat(http_request.method, http_request.headers):
        return None, f"not retried: a {http_request.method} without {RETRY_KEY} could act twice"
    if attempt.number >= policy.max_attempts:
        return None, f"giving up after {attempt.number} attempts"
    cap = min(policy.backoff * 2.0 ** (attempt.number - 1), policy.max_backoff)
    if uniform is None:
        import random  # here: only a retry needs it

        uniform = random.uniform
    delay = max(uniform(0.0, cap) - attempt.duration, 0.0)  # a slow failure waited already
    if response is not None:
        asked = retry_after(response.headers.get("Retry-After"), now=attempt.now,
                            date=response.headers.get("Date"))
        if asked is not None:
            delay = min(asked, policy.max_backoff)
        elif cause is TooManyRequests.RATE_LIMIT:  # no sooner than the tier lets one through
            from linebot_fp.limits.table import rate_limit  # only a rate-limited answer needs it

            delay = min(max(delay, rate_limit(operation).spacing), policy.max_backoff)
        elif cause is TooManyRequests.CONCURRENT:  # the jobs running must end first
            delay = policy.max_backoff
    left = _time_left(policy, attempt, delay)
    if left is not None and left <= 0:
        return None, f"giving up: the {policy.deadline} s deadline leaves no time for a retry"
    return delay, f"retry in {delay:.3f} s" + (f" ({cause.value})" if cause else "")


def _time_left(policy: RetryPolicy, attempt: Attempt, delay: float) -> float | None:
    """Seconds the deadline leaves for the next attempt after ``delay`` (``None``: no deadline)."""
    return None if policy.deadline is None else policy.deadline - attempt.elapsed - delay


def _log_attempt(http_request: HttpRequest, attempt: Attempt, outcome: Response | TransportError,
                 response: Response | None, why: str, *, gave_up: bool) -> None:
    if not (log.isEnabledFor(logging.DEBUG) or gave_up):
        return
    result = (str(response.status) if response is not None
              else f"{type(outcome).__name__}: {outcome}")
    request_id = response.headers.get(REQUEST_ID) if response is not None else None
    log.log(logging.WARNING if gave_up else logging.DEBUG,
            "%s %s attempt %d: %s in %.3f s (request id %s): %s",
            http_request.method, redact_secrets(http_request.url), attempt.number, result,
            attempt.duration,
            request_id, why)


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
