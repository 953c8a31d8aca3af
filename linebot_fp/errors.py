"""Every exception linebot_fp raises, split by whose fault it is.

::

    LineBotError                      base of them all
    ├── InvalidSignatureError         a webhook body whose X-Line-Signature does not match
    ├── InvalidInputError (ValueError)    bad input to a model, a builder or a codec call
    │   └── InvalidPayloadError       a received body that is not what the API documents
    ├── LineBotApiError               the API answered with a non-2xx status
    └── TransportError (OSError)      no answer at all: connection refused, reset, ...
        └── TransportTimeoutError (TimeoutError)   ... or none in time

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "ErrorDetail",
    "ErrorResponse",
    "InvalidInputError",
    "InvalidPayloadError",
    "InvalidSignatureError",
    "LineBotApiError",
    "LineBotError",
    "TransportError",
    "TransportTimeoutError",
]


class LineBotError(Exception):
    """Base of every linebot_fp exception; ``message`` is the human readable text."""

    def __init__(self, message: str = "-") -> None:
        super().__init__(message)
        self.message = message


class InvalidSignatureError(LineBotError):
    """The webhook body does not carry a valid ``X-Line-Signature``."""


class InvalidInputError(LineBotError, ValueError):
    """Input that the API would reject, caught before anything is sent."""


class InvalidPayloadError(InvalidInputError):
    """A received body (webhook, replay file, response) that is not of the documented shape."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorDetail:
    """One entry of an error body's ``details``."""

    message: str | None = None
    property: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorResponse:
    """The JSON error body of the API: a message and its details."""

    message: str = ""
    details: tuple[ErrorDetail, ...] = field(default=())
    sent_messages: tuple[dict[str, object], ...] | None = None

    @classmethod
    def from_json(cls, data: object) -> ErrorResponse:
        """Read an error body leniently: whatever is missing stays empty."""
        if not isinstance(data, Mapping):
            return cls(message="" if data is None else str(data))
        raw_details = data.get("details")
        details = tuple(
            ErrorDetail(message=_str_or_none(item.get("message")),
                        property=_str_or_none(item.get("property")))
            for item in (raw_details if isinstance(raw_details, list) else ())
            if isinstance(item, Mapping)
        )
        sent = data.get("sentMessages")
        return cls(
            message=str(data.get("message", "")),
            details=details,
            sent_messages=tuple(sent) if isinstance(sent, list) else None,
        )


class LineBotApiError(LineBotError):
    """The API answered with a non-2xx status.

    ``error`` is the parsed error body; ``body`` keeps the raw bytes, so nothing
    the API said is lost even when the body was not JSON.
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
        self.error = error if error is not None else ErrorResponse()
        self.body = body
        super().__init__(
            f"LINE API answered {status_code}: {self.error.message or '(no message)'}"
            + "".join(f"; {d.property}: {d.message}" for d in self.error.details)
            + (f" (request id {request_id})" if request_id else "")
        )

    def __repr__(self) -> str:
        return (
            f"LineBotApiError(status_code={self.status_code}, request_id={self.request_id!r}, "
            f"accepted_request_id={self.accepted_request_id!r}, error={self.error!r})"
        )


class TransportError(LineBotError, OSError):
    """The request got no HTTP answer (connection refused, reset, TLS failure...)."""


class TransportTimeoutError(TransportError, TimeoutError):
    """The request got no answer within the timeout."""


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
