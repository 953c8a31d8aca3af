"""A user linked their LINE account: :class:`AccountLinkEvent`.

https://developers.line.biz/en/reference/messaging-api/#account-link-event

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models._events.base import Event

__all__ = ["AccountLinkEvent", "Link"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Link(Model):
    """The outcome of an account link: ``result`` ``"ok"`` or ``"failed"``, and the nonce."""

    result: str
    nonce: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountLinkEvent(Event):
    """A user linked their LINE account with the provider's service (no reply token on failure)."""

    type: ClassVar[str] = "accountLink"
    timestamp: int
    reply_token: str | None = None
    link: Link
