"""What the insight endpoints answer: friend demographics, delivery counts, message statistics.

https://developers.line.biz/en/reference/messaging-api/#get-insight
Received side: every field may be missing (``None``), enum-like values are plain
strings. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = [
    "AgeInsight",
    "AppTypeInsight",
    "AreaInsight",
    "ClickInsight",
    "DemographicInsight",
    "GenderInsight",
    "GetRichMenuInsightDailyResponse",
    "GetRichMenuInsightSummaryResponse",
    "InsightDemographicResponse",
    "InsightFollowersResponse",
    "InsightMessageDeliveryResponse",
    "InsightMessageEventOfCustomAggregationUnitResponse",
    "InsightMessageEventResponse",
    "MessageInsight",
    "MessageStatistics",
    "MessageStatisticsOfCustomAggregationUnit",
    "RichMenuInsightBounds",
    "RichMenuInsightClick",
    "RichMenuInsightDailyClick",
    "RichMenuInsightDailyImpression",
    "RichMenuInsightDailyMetrics",
    "RichMenuInsightImpression",
    "RichMenuInsightMetrics",
    "SubscriptionPeriodInsight",
]


# https://developers.line.biz/en/reference/messaging-api/#get-demographic


@dataclass(frozen=True, slots=True, kw_only=True)
class DemographicInsight(Model):
    """Base of the demographic tiles: a share of the friends, in percent."""

    percentage: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GenderInsight(DemographicInsight):
    """Share of friends per gender (``male``, ``female``, ``unknown``)."""

    gender: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AgeInsight(DemographicInsight):
    """Share of friends per age group (``from20to24``, ``from50``, ``unknown``, ...)."""

    age: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaInsight(DemographicInsight):
    """Share of friends per country or region."""

    area: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AppTypeInsight(DemographicInsight):
    """Share of friends per OS (``ios``, ``android``, ``others``)."""

    app_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionPeriodInsight(DemographicInsight):
    """Share of friends per friendship duration (``within7days``, ``over365days``, ...)."""

    subscription_period: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightDemographicResponse(Model):
    """Demographic attributes of the friends of the LINE Official Account."""

    available: bool | None = None
    genders: Sequence[GenderInsight] | None = None
    ages: Sequence[AgeInsight] | None = None
    areas: Sequence[AreaInsight] | None = None
    app_types: Sequence[AppTypeInsight] | None = None
    subscription_periods: Sequence[SubscriptionPeriodInsight] | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-number-of-delivery-messages


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightMessageDeliveryResponse(Model):
    """Number of messages sent on one day, by kind; ``status`` is ``ready`` when counted."""

    status: str | None = None
    broadcast: int | None = None
    targeting: int | None = None
    auto_response: int | None = None
    welcome_response: int | None = None
    chat: int | None = None
    api_broadcast: int | None = None
    api_push: int | None = None
    api_multicast: int | None = None
    api_narrowcast: int | None = None
    api_reply: int | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-number-of-followers


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightFollowersResponse(Model):
    """Friends, targeted reaches and blocks as of one day."""

    status: str | None = None
    followers: int | None = None
    targeted_reaches: int | None = None
    blocks: int | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-insight-message-event-response


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageStatistics(Model):
    """Summary of how users interacted with one narrowcast or broadcast."""

    request_id: str | None = None
    timestamp: int | None = None
    delivered: int | None = None
    unique_impression: int | None = None
    unique_click: int | None = None
    unique_media_played: int | None = None
    unique_media_played_100_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageInsight(Model):
    """Statistics of one message bubble (``seq`` is its serial number)."""

    seq: int | None = None
    impression: int | None = None
    media_played: int | None = None
    media_played_25_percent: int | None = None
    media_played_50_percent: int | None = None
    media_played_75_percent: int | None = None
    media_played_100_percent: int | None = None
    unique_impression: int | None = None
    unique_media_played: int | None = None
    unique_media_played_25_percent: int | None = None
    unique_media_played_50_percent: int | None = None
    unique_media_played_75_percent: int | None = None
    unique_media_played_100_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickInsight(Model):
    """How often one URL of the message was opened, and by how many users."""

    seq: int | None = None
    url: str | None = None
    click: int | None = None
    unique_click: int | None = None
    unique_click_of_request: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightMessageEventResponse(Model):
    """User interaction statistics of a narrowcast or broadcast message."""

    overview: MessageStatistics | None = None
    messages: Sequence[MessageInsight] | None = None
    clicks: Sequence[ClickInsight] | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-statistics-per-unit-response


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageStatisticsOfCustomAggregationUnit(Model):
    """Summary of how users interacted with the messages of one aggregation unit."""

    unique_impression: int | None = None
    unique_click: int | None = None
    unique_media_played: int | None = None
    unique_media_played_100_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightMessageEventOfCustomAggregationUnitResponse(Model):
    """User interaction statistics of the push and multicast messages of one unit."""

    overview: MessageStatisticsOfCustomAggregationUnit | None = None
    messages: Sequence[MessageInsight] | None = None
    clicks: Sequence[ClickInsight] | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-rich-menu-insight-summary


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightBounds(Model):
    """A tappable area of the rich menu: top-left corner, width and height."""

    x: int | None = None
    y: int | None = None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightMetrics(Model):
    """Number of impressions or clicks over the period, and of unique users."""

    count: int | None = None
    unique_users: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightImpression(Model):
    """Impressions of the whole rich menu over the period."""

    metrics: RichMenuInsightMetrics | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightClick(Model):
    """Clicks on one tappable area over the period."""

    bounds: RichMenuInsightBounds | None = None
    metrics: RichMenuInsightMetrics | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetRichMenuInsightSummaryResponse(Model):
    """Rich menu statistics summed over a period; only ``rich_menu_id`` below the threshold."""

    rich_menu_id: str | None = None
    metrics_from: str | None = None
    metrics_to: str | None = None
    impression: RichMenuInsightImpression | None = None
    clicks: Sequence[RichMenuInsightClick] | None = None


# https://developers.line.biz/en/reference/messaging-api/#get-rich-menu-insight-daily


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightDailyMetrics(Model):
    """Number of impressions or clicks on one day (``yyyyMMdd``), and of unique users."""

    date: str | None = None
    count: int | None = None
    unique_users: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightDailyImpression(Model):
    """Impressions of the whole rich menu, day by day."""

    metrics: Sequence[RichMenuInsightDailyMetrics] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuInsightDailyClick(Model):
    """Clicks on one tappable area, day by day."""

    bounds: RichMenuInsightBounds | None = None
    metrics: Sequence[RichMenuInsightDailyMetrics] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetRichMenuInsightDailyResponse(Model):
    """Rich menu statistics day by day; only ``rich_menu_id`` below the threshold."""

    rich_menu_id: str | None = None
    metrics_from: str | None = None
    metrics_to: str | None = None
    impression: RichMenuInsightDailyImpression | None = None
    clicks: Sequence[RichMenuInsightDailyClick] | None = None
