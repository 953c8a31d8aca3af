"""The JSON error body the LINE API answers with, read leniently.

Kept apart from :mod:`linebot_fp.errors` so that a process that never meets an
error answer never builds these classes (``linebot_fp.errors`` re-exports them
on first use). This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["ErrorDetail", "ErrorResponse"]


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


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
