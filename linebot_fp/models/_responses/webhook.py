"""The webhook settings and their test.

https://developers.line.biz/en/reference/messaging-api/#webhook-settings

This module performs no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = ["GetWebhookResponse", "TestWebhookResponse"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GetWebhookResponse(Model):
    """The webhook URL and whether webhooks are on."""

    endpoint: str
    active: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class TestWebhookResponse(Model):
    """What happened when LINE sent a test event to the webhook URL."""

    status_code: int
    timestamp: str
    reason: str
    detail: str
    success: bool | None = None
