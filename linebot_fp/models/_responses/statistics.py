"""Quota and statistics: what LINE counts about the messages sent.

https://developers.line.biz/en/reference/messaging-api/#get-quota

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = [
    "AggregationInfoResponse", "AggregationNameListResponse",
    "MessageDeliveryBroadcastResponse", "MessageDeliveryMulticastResponse",
    "MessageDeliveryPushResponse", "MessageDeliveryReplyResponse",
    "MessageQuotaConsumptionResponse", "MessageQuotaResponse", "NumberOfMessagesResponse",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageQuotaResponse(Model):
    """The monthly message quota: ``type`` is ``"none"`` or ``"limited"`` (then ``value``)."""

    type: str
    value: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageQuotaConsumptionResponse(Model):
    """How many messages were sent this month."""

    total_usage: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberOfMessagesResponse(Model):
    """How many messages of one kind were sent on a day; ``success`` once ``status`` is ready."""

    status: str
    success: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageDeliveryReplyResponse(NumberOfMessagesResponse):
    """Number of reply messages sent on a day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageDeliveryPushResponse(NumberOfMessagesResponse):
    """Number of push messages sent on a day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageDeliveryMulticastResponse(NumberOfMessagesResponse):
    """Number of multicast messages sent on a day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageDeliveryBroadcastResponse(NumberOfMessagesResponse):
    """Number of broadcast messages sent on a day."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregationInfoResponse(Model):
    """How many custom aggregation units were used this month."""

    num_of_custom_aggregation_units: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregationNameListResponse(Model):
    """Names of the aggregation units used this month; ``next`` continues the list."""

    custom_aggregation_units: Sequence[str]
    next: str | None = None
