"""Every exception linebot_fp raises, split by whose fault it is.

::

    LineBotError                      base of them all
    ├── InvalidSignatureError         a webhook body whose X-Line-Signature does not match
    ├── InvalidInputError (ValueError)    bad input to a model, a builder or a codec call
    │   └── InvalidPayloadError       a received body that is not what the API documents
    │       └── UndecodableAnswerError    the API ACCEPTED the call (2xx), but its answer
    │                                     cannot be decoded (or is over the size limit)
    ├── LineBotApiError               the API answered with a non-2xx status
    │   └── QuotaExceededError        ... 429: the month's messages are spent (never retried)
    ├── JobFailedError                a job LINE runs in the background ended in failure
    ├── JobTimeoutError (TimeoutError)    ... or did not end before the deadline
    ├── ChannelTokenError             a channel access token could not be issued, listed,
    │                                 or revoked (linebot_fp.tokens): what LINE said, if anything
    └── TransportError (OSError)      no answer at all: connection refused, reset, ...
        ├── TransportTimeoutError (TimeoutError)   ... or none in time
        └── AnswerTooLargeError       (from transports) a body over the client's size limit

Every error ``Client.send`` raises carries ``.request``: the
:class:`~linebot_fp.request.Request` as attempted, with the ``X-Line-Retry-Key``
the client gave it, so sending that value again never delivers twice. Messages
quote at most :data:`PREVIEW_CHARS` characters of a body; the whole body stays
on ``.body``. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linebot_fp.error_body import ErrorDetail as ErrorDetail, ErrorResponse as ErrorResponse
    from linebot_fp.request import Request

__all__ = [
    "PREVIEW_CHARS",
    "AnswerTooLargeError",
    "ChannelTokenError",
    "ErrorDetail",
    "ErrorResponse",
    "InvalidInputError",
    "InvalidPayloadError",
    "InvalidSignatureError",
    "JobFailedError",
    "JobTimeoutError",
    "LineBotApiError",
    "LineBotError",
    "QuotaExceededError",
    "TransportError",
    "TransportTimeoutError",
    "UndecodableAnswerError",
    "preview",
]

#: how much of a body an error message quotes
PREVIEW_CHARS = 200


def preview(body: bytes | str, limit: int = PREVIEW_CHARS) -> str:
    """The start of ``body`` as text, at most ``limit`` characters (``...`` marks a cut)."""
    cut = False
    if isinstance(body, bytes):
        cut = len(body) > limit * 4
        body = body[: limit * 4].decode("utf-8", "replace")
    if len(body) > limit:
        body, cut = body[:limit], True
    return body + "..." if cut else body


class LineBotError(Exception):
    """Base of every linebot_fp exception; ``message`` is the human readable text.

    ``request`` is the :class:`~linebot_fp.request.Request` being sent when the
    error came from ``Client.send`` / ``AsyncClient.send`` (``None`` otherwise).
    """

    request: Request[Any] | None = None

    def __init__(self, message: str = "-") -> None:
        super().__init__(message)
        self.message = message


class InvalidSignatureError(LineBotError):
    """The webhook body does not carry a valid ``X-Line-Signature``."""


class InvalidInputError(LineBotError, ValueError):
    """Input that the API would reject, caught before anything is sent."""


class InvalidPayloadError(InvalidInputError):
    """A received body (webhook, replay file, response) that is not of the documented shape."""


class LineBotApiError(LineBotError):
    """The API answered with a non-2xx status (a 3xx too: redirects are never followed).

    ``status_code``, ``headers``, ``request_id`` (``X-Line-Request-Id``) and
    ``accepted_request_id`` (``X-Line-Accepted-Request-Id``) come from the answer;
    ``error`` is the parsed error body; ``body`` keeps the raw bytes, so nothing
    the API said is lost even when the body was not JSON. The message quotes at
    most :data:`PREVIEW_CHARS` characters of it.
    """

    def __init__(
        self,
        status_code: int,
        headers: Mapping[str, str],
        request_id: str | None = None,
        accepted_request_id: str | None = None,
        error: ErrorResponse | None = None,
        body: bytes = b"",
    ) -> None:
        self.status_code = status_code
        self.headers = headers
        self.request_id = request_id
        self.accepted_request_id = accepted_request_id
        if error is None:
            from linebot_fp.error_body import ErrorResponse

            error = ErrorResponse()
        self.error = error
        self.body = body
        details = "".join(f"; {d.property}: {d.message}" for d in self.error.details[:5])
        super().__init__(
            f"LINE API answered {status_code}: "
            + preview(f"{self.error.message or '(no message)'}{details}")
            + (f" (request id {request_id})" if request_id else "")
        )

    def __repr__(self) -> str:
        return (
            f"LineBotApiError(status_code={self.status_code}, request_id={self.request_id!r}, "
            f"accepted_request_id={self.accepted_request_id!r}, error={self.error!r})"
        )


class ChannelTokenError(LineBotError):
    """A token provider (:mod:`linebot_fp.tokens`) could not ``action`` a channel access token.

    ``action`` is what failed (``"issue"``, ``"list the key ids of"``, ``"revoke"``),
    ``kind`` the kind of token, ``channel_id`` the channel. When LINE answered,
    ``status_code``, ``request_id``, ``error`` and ``error_description`` (LINE's OAuth
    error body) say what it said; without an answer ``status_code`` is ``None`` and
    ``reason`` says why. Nothing was sent with a stale token. Neither the token nor a
    secret appears in it (and it chains no error whose request carried one).
    """

    def __init__(self, action: str, kind: str, channel_id: str, reason: str, *,
                 status_code: int | None = None, request_id: str | None = None,
                 error: str | None = None, error_description: str | None = None) -> None:
        self.action = action
        self.kind = kind
        self.channel_id = channel_id
        self.reason = reason
        self.status_code = status_code
        self.request_id = request_id
        self.error = error
        self.error_description = error_description
        super().__init__(f"could not {action} a {kind} channel access token for channel "
                         f"{channel_id}: {preview(reason)}"
                         + (f" (request id {request_id})" if request_id else ""))

    def __repr__(self) -> str:
        return (f"ChannelTokenError(action={self.action!r}, kind={self.kind!r}, "
                f"channel_id={self.channel_id!r}, status_code={self.status_code!r}, "
                f"error={self.error!r}, error_description={self.error_description!r})")

class QuotaExceededError(LineBotApiError):
    """LINE answered 429 "You have reached your monthly limit.": the month's free messages,
    or the additional messages the plan allows, are spent.

    No retry can succeed before the quota grows (a new month, a larger plan), so
    the client raises it at once; LINE did not send the request's messages to
    anyone. Like every error of ``send``, it carries ``.request``.
    """


class UndecodableAnswerError(InvalidPayloadError):
    """The API ACCEPTED the call (it answered 2xx, or 409 "already accepted"), but its
    answer could not be decoded: the call took effect, do not send it again blindly.

    ``status_code``, ``headers``, ``request_id`` and the raw ``body`` are the answer's;
    ``reason`` says what was wrong with it.
    """

    def __init__(self, status_code: int, headers: Mapping[str, str], body: bytes,
                 reason: str) -> None:
        self.status_code = status_code
        self.headers = headers
        self.request_id = headers.get("X-Line-Request-Id")
        self.body = body
        self.reason = reason
        super().__init__(
            f"the LINE API accepted the call (status {status_code}"
            + (f", request id {self.request_id}" if self.request_id else "")
            + f") but its answer could not be decoded: {preview(reason)}"
            + (f"; the answer begins {preview(body)!r}" if body else "")
        )


class TransportError(LineBotError, OSError):
    """The request got no HTTP answer (connection refused, DNS failure, reset, TLS failure...)."""


class TransportTimeoutError(TransportError, TimeoutError):
    """The request got no complete answer within the timeout."""


class AnswerTooLargeError(TransportError):
    """Raised by a transport: the answer's body is over the size limit, so it was not read whole.

    ``status_code`` and ``headers`` are the answer's, ``limit`` the limit in bytes and
    ``body`` the part read (at most ``limit`` bytes). ``Client.send`` turns it into an
    :class:`UndecodableAnswerError` for a 2xx answer and a :class:`LineBotApiError`
    for any other.
    """

    def __init__(self, status_code: int, headers: Mapping[str, str], limit: int,
                 body: bytes = b"") -> None:
        self.status_code = status_code
        self.headers = headers
        self.limit = limit
        self.body = body
        super().__init__(f"the answer ({status_code}) is larger than {limit} bytes; not read")


class JobFailedError(LineBotError):
    """A job LINE runs in the background (a narrowcast, an audience, a rich menu batch,
    preparing content) ended in failure; ``answer`` is LINE's last word on it, ``job``
    names it."""

    def __init__(self, job: str, answer: object, reason: str) -> None:
        self.job = job
        self.answer = answer
        super().__init__(f"{job} failed: {reason}")


class JobTimeoutError(LineBotError, TimeoutError):
    """A job was still running at the deadline; ``answer`` is LINE's last word on it."""

    def __init__(self, job: str, answer: object, seconds: float) -> None:
        self.job = job
        self.answer = answer
        super().__init__(f"{job} was still running after {seconds:g} s")


def __getattr__(name: str) -> Any:
    """``ErrorResponse`` and ``ErrorDetail`` load on first use: only error answers need them."""
    if name in ("ErrorDetail", "ErrorResponse"):
        from linebot_fp import error_body

        return getattr(error_body, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
