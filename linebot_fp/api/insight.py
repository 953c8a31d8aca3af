"""Builders for the insight endpoints: friend demographics, delivery counts, statistics.

https://developers.line.biz/en/reference/messaging-api/#get-insight
Dates are ``yyyyMMdd`` strings (UTC+9) or ``datetime.date`` values.
This module performs no I/O.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linebot_fp.api._build import date_param, get, path, query, require_id
from linebot_fp.api._registry import operation
from linebot_fp.errors import InvalidInputError

if TYPE_CHECKING:
    import datetime

    from linebot_fp.models.insight import (
        GetRichMenuInsightDailyResponse,
        GetRichMenuInsightSummaryResponse,
        InsightDemographicResponse,
        InsightFollowersResponse,
        InsightMessageDeliveryResponse,
        InsightMessageEventOfCustomAggregationUnitResponse,
        InsightMessageEventResponse,
    )
    from linebot_fp.request import Request

    Day = str | datetime.date

__all__ = [
    "get_insight_demographic",
    "get_insight_followers",
    "get_insight_message_delivery",
    "get_insight_message_event",
    "get_rich_menu_insight_daily",
    "get_rich_menu_insight_summary",
    "get_statistics_per_unit",
]
__docformat__ = "google"  # pdoc renders the Args / Returns / Raises sections

_UNIT_NAME = re.compile(r"[a-zA-Z0-9_]{1,30}")


# https://developers.line.biz/en/reference/messaging-api/#get-demographic
@operation("getFriendsDemographics")
def get_insight_demographic() -> Request[InsightDemographicResponse]:
    """Get the demographics of the bot's friends.

    Only for accounts made in Japan, Thailand, Taiwan and Indonesia.

    Returns:
        ``Request[InsightDemographicResponse]``: whether the numbers are ``available``, and
        the share of friends by gender, age, area, app type (OS) and friendship length.
    """
    return get("get_insight_demographic", "/v2/bot/insight/demographic")


# https://developers.line.biz/en/reference/messaging-api/#get-number-of-delivery-messages
@operation("getNumberOfMessageDeliveries")
def get_insight_message_delivery(date: Day) -> Request[InsightMessageDeliveryResponse]:
    """Get the number of messages the bot sent on a day, by how they were sent.

    Args:
        date: the day, a ``datetime.date`` or ``yyyyMMdd`` text (LINE reads it in UTC+9).

    Returns:
        ``Request[InsightMessageDeliveryResponse]``: ``status`` (``"ready"``, ``"unready"``,
        ``"out_of_service"``) and the counts by kind (``broadcast``, ``api_push``,
        ``api_reply``, ...).

    Raises:
        InvalidInputError: ``date`` is neither a date nor ``yyyyMMdd`` text.
    """
    return get("get_insight_message_delivery", "/v2/bot/insight/message/delivery",
               query_=query(date=date_param("date", date)))


# https://developers.line.biz/en/reference/messaging-api/#get-number-of-followers
@operation("getNumberOfFollowers")
def get_insight_followers(date: Day | None) -> Request[InsightFollowersResponse]:
    """Get the number of friends, targeted reaches and blocks on a day.

    Args:
        date: the day, a ``datetime.date`` or ``yyyyMMdd`` text (LINE reads it in UTC+9);
            ``None`` leaves it out (LINE picks the day).

    Returns:
        ``Request[InsightFollowersResponse]``: ``status`` (``"ready"``, ``"unready"``,
        ``"out_of_service"``), ``followers``, ``targeted_reaches`` and ``blocks``.

    Raises:
        InvalidInputError: ``date`` is neither ``None``, a date nor ``yyyyMMdd`` text.
    """
    day = None if date is None else date_param("date", date)
    return get("get_insight_followers", "/v2/bot/insight/followers", query_=query(date=day))


# https://developers.line.biz/en/reference/messaging-api/#get-message-event
@operation("getMessageEvent")
def get_insight_message_event(request_id: str) -> Request[InsightMessageEventResponse]:
    """Get how users interacted with a narrowcast or broadcast.

    The numbers cover the 14 days after sending.

    Args:
        request_id: the request id the narrowcast's or broadcast's answer carried.

    Returns:
        ``Request[InsightMessageEventResponse]``: the ``overview``, and per ``messages`` and
        ``clicks`` the impressions, plays and clicks.

    Raises:
        InvalidInputError: ``request_id`` is not a non-empty string.
    """
    return get("get_insight_message_event", "/v2/bot/insight/message/event",
               query_=query(requestId=require_id("request_id", request_id)))


# https://developers.line.biz/en/reference/messaging-api/#get-statistics-per-unit
@operation("getStatisticsPerUnit")
def get_statistics_per_unit(
    custom_aggregation_unit: str, from_date: Day, to_date: Day,
) -> Request[InsightMessageEventOfCustomAggregationUnitResponse]:
    """Get how users interacted with the pushes and multicasts of one aggregation unit.

    Args:
        custom_aggregation_unit: the unit's name, 1 to 30 letters, digits and ``_``
            (case-sensitive).
        from_date: the first day, a ``datetime.date`` or ``yyyyMMdd`` text (LINE reads it in
            UTC+9).
        to_date: the last day, at most 30 days after ``from_date``, in the same form.

    Returns:
        ``Request[InsightMessageEventOfCustomAggregationUnitResponse]``: the ``overview``,
        ``messages`` and ``clicks`` of the unit.

    Raises:
        InvalidInputError: ``custom_aggregation_unit`` is not a valid name, or a date is
            neither a date nor ``yyyyMMdd`` text.
    """
    if not (isinstance(custom_aggregation_unit, str)
            and _UNIT_NAME.fullmatch(custom_aggregation_unit)):
        raise InvalidInputError("custom_aggregation_unit must be 1 to 30 letters, digits or "
                                f"underscores, got {custom_aggregation_unit!r}")
    return get("get_statistics_per_unit", "/v2/bot/insight/message/event/aggregation",
               query_=(("customAggregationUnit", custom_aggregation_unit),
                       *_period(from_date, to_date)))


# https://developers.line.biz/en/reference/messaging-api/#get-rich-menu-insight-summary
@operation("getRichMenuInsightSummary")
def get_rich_menu_insight_summary(
    rich_menu_id: str, from_date: Day, to_date: Day,
) -> Request[GetRichMenuInsightSummaryResponse]:
    """Get the impressions and clicks of a rich menu summed over a period.

    Args:
        rich_menu_id: the id of a rich menu made through the Messaging API.
        from_date: the first day (within the last 3 years), a ``datetime.date`` or
            ``yyyyMMdd`` text (LINE reads it in UTC+9).
        to_date: the last day, at most 396 days after ``from_date``, in the same form.

    Returns:
        ``Request[GetRichMenuInsightSummaryResponse]``: the ``impression`` count of the
        whole menu and the ``clicks`` of each area, for ``metrics_from`` to ``metrics_to``.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string), or a date is neither a date nor ``yyyyMMdd`` text.
    """
    return get("get_rich_menu_insight_summary",
               path("/v2/bot/insight/richmenu/{richMenuId}/summary",
                    richMenuId=require_id("rich_menu_id", rich_menu_id)),
               query_=_period(from_date, to_date))


# https://developers.line.biz/en/reference/messaging-api/#get-rich-menu-insight-daily
@operation("getRichMenuInsightDaily")
def get_rich_menu_insight_daily(
    rich_menu_id: str, from_date: Day, to_date: Day,
) -> Request[GetRichMenuInsightDailyResponse]:
    """Get the impressions and clicks of a rich menu day by day.

    Args:
        rich_menu_id: the id of a rich menu made through the Messaging API.
        from_date: the first day (within the last 3 years), a ``datetime.date`` or
            ``yyyyMMdd`` text (LINE reads it in UTC+9).
        to_date: the last day, at most 99 days after ``from_date``, in the same form.

    Returns:
        ``Request[GetRichMenuInsightDailyResponse]``: the daily ``impression`` counts of the
        whole menu and the daily ``clicks`` of each area.

    Raises:
        InvalidInputError: ``rich_menu_id`` is not an id usable in a path (empty, ``.``,
            ``..``, or not a string), or a date is neither a date nor ``yyyyMMdd`` text.
    """
    return get("get_rich_menu_insight_daily",
               path("/v2/bot/insight/richmenu/{richMenuId}/daily",
                    richMenuId=require_id("rich_menu_id", rich_menu_id)),
               query_=_period(from_date, to_date))


def _period(from_date: Day, to_date: Day) -> tuple[tuple[str, str], ...]:
    return (("from", date_param("from_date", from_date)), ("to", date_param("to_date", to_date)))
