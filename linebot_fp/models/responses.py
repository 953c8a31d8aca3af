"""What the Messaging API answers: one frozen model per JSON response.

https://developers.line.biz/en/reference/messaging-api/

Names follow the legacy SDK where it had the object (``Profile``,
``MemberIds``, ``BotInfo``, ``RichMenuResponse``, ...); newer answers are
named after the specification's schema. Decoding is lenient: fields the
specification marks optional default to ``None`` and enum-like values are
plain strings, so a value LINE adds later never breaks decoding.

A model with ``header_fields`` also carries response headers: the client
copies each named header into the body under the given key before decoding.

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from linebot_fp.models._base import Model
from linebot_fp.models.rich_menu import RichMenuArea, RichMenuSize

__all__ = [
    "AggregationInfoResponse",
    "AggregationNameListResponse",
    "BotInfo",
    "BroadcastResponse",
    "GetMessageContentTranscodingResponse",
    "GetWebhookResponse",
    "Group",
    "GroupMemberCountResponse",
    "IssueLinkTokenResponse",
    "MemberIds",
    "MessageDeliveryBroadcastResponse",
    "MessageDeliveryMulticastResponse",
    "MessageDeliveryPushResponse",
    "MessageDeliveryReplyResponse",
    "MessageProgressNarrowcastResponse",
    "MessageQuotaConsumptionResponse",
    "MessageQuotaResponse",
    "MulticastResponse",
    "NarrowcastResponse",
    "NumberOfMessagesResponse",
    "Profile",
    "PushMessageResponse",
    "ReplyMessageResponse",
    "RichMenuAliasListResponse",
    "RichMenuAliasResponse",
    "RichMenuBatchProgressResponse",
    "RichMenuIdResponse",
    "RichMenuListResponse",
    "RichMenuResponse",
    "RoomMemberCountResponse",
    "SentMessage",
    "ShowLoadingAnimationResponse",
    "TestWebhookResponse",
    "UserIds",
    "ValidateBroadcastMessageObjectsResponse",
    "ValidateMulticastMessageObjectsResponse",
    "ValidateNarrowcastMessageObjectsResponse",
    "ValidatePushMessageObjectsResponse",
    "ValidateReplyMessageObjectsResponse",
]

_REQUEST_ID: dict[str, str] = {"requestId": "X-Line-Request-Id"}


# -- sending messages ----------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#send-reply-message-response


@dataclass(frozen=True, slots=True, kw_only=True)
class _RequestIdAnswer(Model):
    """An answer whose only content is its ``X-Line-Request-Id`` header, as ``request_id``."""

    header_fields: ClassVar[dict[str, str]] = _REQUEST_ID
    request_id: str | None = None


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
class MulticastResponse(_RequestIdAnswer):
    """The (empty) answer to a multicast; ``request_id`` is its ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BroadcastResponse(_RequestIdAnswer):
    """The (empty) answer to a broadcast; ``request_id`` is its ``X-Line-Request-Id``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NarrowcastResponse(_RequestIdAnswer):
    """The (empty) answer to a narrowcast; ``request_id`` finds its progress later."""


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


# https://developers.line.biz/en/reference/messaging-api/#validate-message-objects-of-reply-message


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


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowLoadingAnimationResponse(Model):
    """The (empty) answer to showing the loading animation."""


# -- quota and statistics --------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-quota


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


# https://developers.line.biz/en/reference/messaging-api/#get-number-of-units-used-this-month


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregationInfoResponse(Model):
    """How many custom aggregation units were used this month."""

    num_of_custom_aggregation_units: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AggregationNameListResponse(Model):
    """Names of the aggregation units used this month; ``next`` continues the list."""

    custom_aggregation_units: Sequence[str]
    next: str | None = None


# -- users, groups, rooms, the bot -----------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-profile


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile(Model):
    """A user's profile; group and room member profiles carry only the first three fields."""

    display_name: str
    user_id: str
    picture_url: str | None = None
    status_message: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserIds(Model):
    """User ids of the bot's friends; ``next`` continues the list."""

    user_ids: Sequence[str]
    next: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberIds(Model):
    """User ids of a group's or room's members; ``next`` continues the list."""

    member_ids: Sequence[str]
    next: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Group(Model):
    """A group's summary: id, name and icon."""

    group_id: str
    group_name: str
    picture_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupMemberCountResponse(Model):
    """How many members a group has (the bot not included)."""

    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RoomMemberCountResponse(Model):
    """How many members a room has (the bot not included)."""

    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class BotInfo(Model):
    """The bot's basic information."""

    user_id: str
    basic_id: str
    display_name: str
    chat_mode: str
    mark_as_read_mode: str
    premium_id: str | None = None
    picture_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueLinkTokenResponse(Model):
    """A link token for account linking."""

    link_token: str


# -- webhook settings --------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#get-webhook-endpoint-information


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


# -- content -------------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#verify-video-or-audio-preparation-status


@dataclass(frozen=True, slots=True, kw_only=True)
class GetMessageContentTranscodingResponse(Model):
    """Whether a video or audio is ready: ``"processing"``, ``"succeeded"`` or ``"failed"``."""

    status: str


# -- rich menus ----------------------------------------------------------------------------
# https://developers.line.biz/en/reference/messaging-api/#rich-menu-response-object


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuIdResponse(Model):
    """A rich menu id (of a new menu, the default menu or a user's menu)."""

    rich_menu_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuResponse(Model):
    """A rich menu as stored by LINE, with its id."""

    rich_menu_id: str
    size: RichMenuSize
    selected: bool
    name: str
    chat_bar_text: str
    areas: Sequence[RichMenuArea]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuListResponse(Model):
    """Every rich menu of the channel."""

    richmenus: Sequence[RichMenuResponse]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuAliasResponse(Model):
    """A rich menu alias and the menu it points to."""

    rich_menu_alias_id: str
    rich_menu_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuAliasListResponse(Model):
    """Every rich menu alias of the channel."""

    aliases: Sequence[RichMenuAliasResponse]


@dataclass(frozen=True, slots=True, kw_only=True)
class RichMenuBatchProgressResponse(Model):
    """Progress of a batch rich menu operation: ``"ongoing"``, ``"succeeded"``, ``"failed"``."""

    phase: str
    accepted_time: str
    completed_time: str | None = None
