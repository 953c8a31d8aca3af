"""Membership plans and subscriptions, as the Messaging API answers them.

https://developers.line.biz/en/reference/messaging-api/#get-membership-plans
Decoding is lenient: optional fields default to ``None``, enum-like values
(``currency``) are plain strings. This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linebot_fp.models._base import Model

__all__ = [
    "GetJoinedMembershipUsersResponse",
    "GetMembershipSubscriptionResponse",
    "Membership",
    "MembershipListResponse",
    "SubscribedMembershipPlan",
    "SubscribedMembershipUser",
    "Subscription",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscribedMembershipPlan(Model):
    """The plan a user subscribes to."""

    membership_id: int
    title: str
    description: str
    benefits: Sequence[str]
    price: float
    currency: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscribedMembershipUser(Model):
    """A user's side of a subscription; ``joined_time`` is in epoch seconds."""

    membership_no: int
    joined_time: int
    next_billing_date: str
    total_subscription_months: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Subscription(Model):
    """One membership subscription of a user."""

    membership: SubscribedMembershipPlan
    user: SubscribedMembershipUser


@dataclass(frozen=True, slots=True, kw_only=True)
class GetMembershipSubscriptionResponse(Model):
    """A user's membership subscriptions."""

    subscriptions: Sequence[Subscription]


@dataclass(frozen=True, slots=True, kw_only=True)
class Membership(Model):
    """A membership plan of the bot."""

    membership_id: int
    title: str
    description: str
    benefits: Sequence[str]
    price: float
    currency: str
    member_count: int
    member_limit: int | None = None
    is_in_app_purchase: bool
    is_published: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipListResponse(Model):
    """Every membership plan of the bot."""

    memberships: Sequence[Membership]


@dataclass(frozen=True, slots=True, kw_only=True)
class GetJoinedMembershipUsersResponse(Model):
    """User ids of a plan's members; ``next`` continues the list."""

    user_ids: Sequence[str]
    next: str | None = None
