"""A coupon message to send: :class:`CouponSendMessage`.

https://developers.line.biz/en/reference/messaging-api/#coupon-message

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._send_messages.base import SendMessage

__all__ = ["CouponSendMessage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponSendMessage(SendMessage):
    """A coupon created with the coupon API."""

    type: ClassVar[str] = "coupon"
    coupon_id: str
    delivery_tag: str | None = None
