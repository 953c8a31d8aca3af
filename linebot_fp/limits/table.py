"""LINE's documented per-endpoint rate limits, as one table keyed by operation name.

The numbers are those of the "Rate limits" table of the Messaging API reference,
https://developers.line.biz/en/reference/messaging-api/#rate-limits (as published
on 2025-12-23, when it listed multicast and the coupon endpoints at 200 requests
per second). LINE counts each endpoint (method + path) of each channel on its
own: two operations of one tier do not share their allowance, and neither do two
channels. Every operation the table does not name is limited to
:data:`DEFAULT_RATE` ("Other API endpoints").

This module performs no I/O: :data:`RATE_LIMITS`, :func:`rate_limit` and
:func:`describe` are plain data and pure functions, read by the client's
limiter, by ``replay --rate auto`` and by the reference documentation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["DEFAULT_RATE", "RATE_LIMITS", "Rate", "describe", "rate_limit"]


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``requests`` requests in any ``seconds`` seconds.

    ``Rate(200, 1.0)`` is LINE's "200 requests per second". Raises
    ``ValueError`` for fewer than one request or a window that is not a
    positive, finite number of seconds.
    """

    requests: int
    seconds: float

    def __post_init__(self) -> None:
        if isinstance(self.requests, bool) or not isinstance(self.requests, int) \
                or self.requests < 1:
            raise ValueError(f"Rate.requests must be an int of at least 1, got {self.requests!r}")
        if isinstance(self.seconds, bool) or not isinstance(self.seconds, (int, float)) \
                or not math.isfinite(self.seconds) or self.seconds <= 0:
            raise ValueError(f"Rate.seconds must be a positive finite number, "
                             f"got {self.seconds!r}")

    @property
    def spacing(self) -> float:
        """Seconds between requests sent evenly at this rate (``seconds / requests``)."""
        return self.seconds / self.requests

    def scaled(self, fraction: float) -> Rate:
        """This rate with ``fraction`` (0 < fraction <= 1) of its requests, at least one."""
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) \
                or not 0 < fraction <= 1:
            raise ValueError(f"fraction must be a number in (0, 1], got {fraction!r}")
        return Rate(max(1, math.floor(self.requests * fraction)), self.seconds)

    def __str__(self) -> str:
        unit = _UNITS.get(self.seconds)
        per = f"per {unit}" if unit else f"per {self.seconds:g} seconds"
        return f"{self.requests:,} requests {per}"


_UNITS = {1.0: "second", 60.0: "minute", 3600.0: "hour"}

SECOND, MINUTE, HOUR = 1.0, 60.0, 3600.0

#: "Other API endpoints": the limit of every operation :data:`RATE_LIMITS` does not name
DEFAULT_RATE = Rate(2000, SECOND)


def _tier(rate: Rate, operations: Iterable[str]) -> dict[str, Rate]:
    return dict.fromkeys(operations, rate)


# https://developers.line.biz/en/reference/messaging-api/#rate-limits
# Each tier lists the builders (Request.operation) of the endpoints LINE names for it.
RATE_LIMITS: Mapping[str, Rate] = MappingProxyType({
    # 60 requests per hour: narrowcast, broadcast, statistics, the webhook test
    **_tier(Rate(60, HOUR), (
        "narrowcast", "broadcast", "get_insight_message_delivery", "get_insight_followers",
        "get_insight_demographic", "get_insight_message_event", "get_statistics_per_unit",
        "test_webhook_endpoint",
    )),
    # 60 requests per minute: audience operations
    **_tier(Rate(60, MINUTE), (
        "create_audience_group", "create_audience_for_uploading_user_ids",
        "add_audiences_to_audience_group", "add_user_ids_to_audience",
        "create_click_audience_group", "create_imp_audience_group", "rename_audience_group",
        "delete_audience_group", "get_audience_group", "get_audience_group_list",
        "get_shared_audience_data", "get_shared_audience_groups",
    )),
    # 1,000 requests per minute: the webhook endpoint settings
    **_tier(Rate(1000, MINUTE), ("set_webhook_endpoint", "get_webhook_endpoint")),
    # 100 requests per hour: creating and deleting rich menus (not through the
    # LINE Official Account Manager), and the rich menu batch progress
    **_tier(Rate(100, HOUR), (
        "create_rich_menu", "delete_rich_menu", "delete_rich_menu_alias",
        "get_rich_menu_batch_progress",
    )),
    # 3 requests per hour: replacing or unlinking linked rich menus in batches
    **_tier(Rate(3, HOUR), ("rich_menu_batch",)),
    # 200 requests per second: multicast, membership, coupons
    **_tier(Rate(200, SECOND), (
        "multicast", "get_membership_subscription", "get_membership_list", "create_coupon",
        "close_coupon", "list_coupon", "get_coupon_detail",
    )),
    # 100 requests per second: the loading animation
    **_tier(Rate(100, SECOND), ("show_loading_animation",)),
    # 370 requests per second: issuing short-lived channel access tokens; stateless ones are
    # held to the same tier (issue 21 reads LINE's table so; stricter than the default costs
    # nothing for a call a bot makes a few times an hour)
    **_tier(Rate(370, SECOND), ("issue_channel_token", "issue_stateless_channel_token")),
})


def rate_limit(operation: str) -> Rate:
    """LINE's limit for ``operation`` (a builder name, ``Request.operation``) on one channel.

    The table's entry, or :data:`DEFAULT_RATE` for an operation it does not name.
    """
    return RATE_LIMITS.get(operation, DEFAULT_RATE)


def describe(limits: Mapping[str, Rate] = RATE_LIMITS, default: Rate = DEFAULT_RATE) -> str:
    """The table as Markdown: one row per rate, its operations, then the default."""
    tiers: dict[Rate, list[str]] = {}
    for operation, rate in limits.items():
        tiers.setdefault(rate, []).append(operation)
    order = sorted(tiers, key=lambda rate: (rate.spacing, rate.seconds), reverse=True)
    rows = [f"| {rate} | {', '.join(f'`{name}`' for name in tiers[rate])} |" for rate in order]
    return "\n".join(["| limit (per channel) | operations |", "| --- | --- |", *rows,
                      f"| {default} | every other operation |"])
