"""What LINE answers to multicasts, broadcasts, narrowcasts, rich menu batches and
message validations: most carry only the request id of their ``X-Line-Request-Id``.

https://developers.line.biz/en/reference/messaging-api/#send-multicast-message
https://developers.line.biz/en/reference/messaging-api/#batch-control-rich-menus-of-users

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model

__all__ = [
    "BroadcastResponse", "MessageProgressNarrowcastResponse", "MulticastResponse",
    "NarrowcastResponse", "RichMenuBatchResponse", "ValidateBroadcastMessageObjectsResponse",
    "ValidateMulticastMessageObjectsResponse", "ValidateNarrowcastMessageObjectsResponse",
    "ValidatePushMessageObjectsResponse", "ValidateReplyMessageObjectsResponse",
]


#: the answers carrying LINE's request id, copied from the response header
_REQUEST_ID: dict[str, str] = {"requestId": "X-Line-Request-Id"}


@dataclass(frozen=True, slots=True, kw_only=True)
class _RequestIdAnswer(Model):
    """An answer whose only content is its ``X-Line-Request-Id`` header, as ``request_id``."""

    header_fields: ClassVar[dict[str, str]] = _REQUEST_ID
    request_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MulticastResponse(_RequestIdAnswer):
    """The (empty) answer to a multicast; ``request_id`` is its ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BroadcastResponse(_RequestIdAnswer):
    """The (empty) answer to a broadcast; ``request_id`` is its ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NarrowcastResponse(_RequestIdAnswer):
    """The (empty, 202) answer to a narrowcast; ``request_id`` (its ``X-Line-Request-Id``)
    reads its progress: ``get_progress_status_narrowcast(request_id)``, or
    ``linebot_fp.jobs.narrowcast_progress(request_id)`` to await it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchResponse(_RequestIdAnswer):
    """The (empty, 202) answer to a rich menu batch; ``request_id`` (its
    ``X-Line-Request-Id``) reads its progress: ``get_rich_menu_batch_progress(request_id)``,
    or ``linebot_fp.jobs.rich_menu_batch_progress(request_id)`` to await it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageProgressNarrowcastResponse(Model):
    """Progress of a narrowcast: its phase, counts and times (ISO 8601 strings)."""

    phase: str
    accepted_time: str
    success_count: int | None = None
    failure_count: int | None = None
    target_count: int | None = None
    failed_description: str | None = None
    error_code: int | None = None
    completed_time: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidateReplyMessageObjectsResponse(_RequestIdAnswer):
    """The messages are valid for a reply; ``request_id`` is the ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidatePushMessageObjectsResponse(_RequestIdAnswer):
    """The messages are valid for a push; ``request_id`` is the ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidateMulticastMessageObjectsResponse(_RequestIdAnswer):
    """The messages are valid for a multicast; ``request_id`` is the ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidateNarrowcastMessageObjectsResponse(_RequestIdAnswer):
    """The messages are valid for a narrowcast; ``request_id`` is the ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ValidateBroadcastMessageObjectsResponse(_RequestIdAnswer):
    """The messages are valid for a broadcast; ``request_id`` is the ``X-Line-Request-Id``."""
