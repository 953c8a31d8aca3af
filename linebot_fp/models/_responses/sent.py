"""What LINE answers to a reply, a push and the loading animation.

https://developers.line.biz/en/reference/messaging-api/#send-reply-message

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = [
    "PushMessageResponse", "ReplyMessageResponse", "SentMessage",
    "ShowLoadingAnimationResponse",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class SentMessage(Model):
    """One message that was sent: its id and, for quotable messages, its quote token."""

    id: str
    quote_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReplyMessageResponse(Model):
    """The answer to a reply: the messages sent (``None`` from servers that predate it)."""

    sent_messages: Sequence[SentMessage] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PushMessageResponse(Model):
    """The answer to a push: the messages sent (``None`` from servers that predate it)."""

    sent_messages: Sequence[SentMessage] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowLoadingAnimationResponse(Model):
    """The (empty) answer to showing the loading animation."""
