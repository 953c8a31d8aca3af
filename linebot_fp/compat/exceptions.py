"""The legacy ``linebot.exceptions``: ``BaseError``, ``InvalidSignatureError``, ``LineBotApiError``.

Each is a subclass of the core exception of the same meaning, so code catching
either catches what the compat layer raises::

    BaseError (a linebot_fp.errors.LineBotError)
    ├── InvalidSignatureError     (also a linebot_fp.errors.InvalidSignatureError)
    └── LineBotApiError           (also a linebot_fp.errors.LineBotApiError)

They read as the legacy ones did: ``str(error)`` is ``<InvalidSignatureError
[message]>``, or for an API error ``LineBotApiError: status_code=400,
request_id=..., error_response={json}, headers={...}``; ``LineBotApiError.error``
is a legacy :class:`~linebot_fp.compat.models.error.Error` (``message``,
``details``) and ``message`` is the API's own message.

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linebot_fp import errors

__all__ = ["BaseError", "InvalidSignatureError", "LineBotApiError"]


class BaseError(errors.LineBotError):
    """Base of the legacy exceptions; ``message`` is the human readable text."""

    def __str__(self) -> str:
        return f"<{type(self).__name__} [{self.message}]>"

    def __repr__(self) -> str:
        return str(self)


class InvalidSignatureError(BaseError, errors.InvalidSignatureError):
    """The webhook body does not match its ``X-Line-Signature``."""


class LineBotApiError(BaseError, errors.LineBotApiError):
    """The API answered with a non-2xx status.

    ``status_code``, ``headers``, ``request_id``, ``accepted_request_id`` (a 409
    for a retry key already accepted), ``error`` (the legacy ``Error``: ``message``,
    ``details``) and ``body`` (the raw bytes).
    """

    def __init__(self, status_code: int, headers: Mapping[str, str],
                 request_id: str | None = None, accepted_request_id: str | None = None,
                 error: Any = None, body: bytes = b"") -> None:
        from linebot_fp.compat.models._factory import from_core, legacy_named, to_core

        legacy_error = legacy_named("Error")
        if error is None:
            error = legacy_error()
        elif not isinstance(error, legacy_error):
            error = from_core(to_core(error, errors.ErrorResponse))
        super().__init__(status_code, headers, request_id, accepted_request_id,
                         to_core(error, errors.ErrorResponse), body)
        self.error: Any = error
        self.message = error.message

    @classmethod
    def from_core(cls, error: errors.LineBotApiError) -> LineBotApiError:
        """The legacy form of an error the core client raised."""
        legacy = cls(error.status_code, error.headers, error.request_id,
                     error.accepted_request_id, error.error, error.body)
        legacy.__dict__.update({key: value for key, value in vars(error).items()
                                if key not in vars(legacy)})  # e.g. the Request attempted
        return legacy

    def __str__(self) -> str:
        accepted = (f"accepted_request_id={self.accepted_request_id}, "
                    if self.accepted_request_id else "")
        return (f"{type(self).__name__}: status_code={self.status_code}, "
                f"request_id={self.request_id}, {accepted}error_response={self.error}, "
                f"headers={dict(self.headers)}")
