"""What the Messaging API answers: one frozen model per JSON response.

https://developers.line.biz/en/reference/messaging-api/

Names follow the legacy SDK where it had the object (``Profile``,
``MemberIds``, ``BotInfo``, ``RichMenuResponse``, ...); newer answers are
named after the specification's schema. Decoding is lenient: fields the
specification marks optional default to ``None`` and enum-like values are
plain strings, so a value LINE adds later never breaks decoding.

A model with ``header_fields`` also carries response headers: the client
copies each named header into the body under the given key before decoding.

The answers live in small modules by concern under ``linebot_fp.models._responses``
(sending, bulk sends, statistics, profiles, webhook settings, content, rich menus), so
decoding one answer imports only its group; importing this module imports them all.
This module performs no I/O.
"""

from __future__ import annotations

from linebot_fp.models._responses.bulk import (
    BroadcastResponse,
    MessageProgressNarrowcastResponse,
    MulticastResponse,
    NarrowcastResponse,
    RichMenuBatchResponse,
    ValidateBroadcastMessageObjectsResponse,
    ValidateMulticastMessageObjectsResponse,
    ValidateNarrowcastMessageObjectsResponse,
    ValidatePushMessageObjectsResponse,
    ValidateReplyMessageObjectsResponse,
)
from linebot_fp.models._responses.content import GetMessageContentTranscodingResponse
from linebot_fp.models._responses.profiles import (
    BotInfo,
    Group,
    GroupMemberCountResponse,
    IssueLinkTokenResponse,
    MemberIds,
    Profile,
    RoomMemberCountResponse,
    UserIds,
)
from linebot_fp.models._responses.rich_menu import (
    RichMenuAliasListResponse,
    RichMenuAliasResponse,
    RichMenuBatchProgressResponse,
    RichMenuIdResponse,
    RichMenuListResponse,
    RichMenuResponse,
)
from linebot_fp.models._responses.sent import (
    PushMessageResponse,
    ReplyMessageResponse,
    SentMessage,
    ShowLoadingAnimationResponse,
)
from linebot_fp.models._responses.statistics import (
    AggregationInfoResponse,
    AggregationNameListResponse,
    MessageDeliveryBroadcastResponse,
    MessageDeliveryMulticastResponse,
    MessageDeliveryPushResponse,
    MessageDeliveryReplyResponse,
    MessageQuotaConsumptionResponse,
    MessageQuotaResponse,
    NumberOfMessagesResponse,
)
from linebot_fp.models._responses.webhook import GetWebhookResponse, TestWebhookResponse

__all__ = [
    "AggregationInfoResponse", "AggregationNameListResponse", "BotInfo", "BroadcastResponse",
    "GetMessageContentTranscodingResponse", "GetWebhookResponse", "Group",
    "GroupMemberCountResponse", "IssueLinkTokenResponse", "MemberIds",
    "MessageDeliveryBroadcastResponse", "MessageDeliveryMulticastResponse",
    "MessageDeliveryPushResponse", "MessageDeliveryReplyResponse",
    "MessageProgressNarrowcastResponse", "MessageQuotaConsumptionResponse", "MessageQuotaResponse",
    "MulticastResponse", "NarrowcastResponse", "NumberOfMessagesResponse", "Profile",
    "PushMessageResponse", "ReplyMessageResponse", "RichMenuAliasListResponse",
    "RichMenuAliasResponse", "RichMenuBatchProgressResponse", "RichMenuBatchResponse",
    "RichMenuIdResponse", "RichMenuListResponse", "RichMenuResponse", "RoomMemberCountResponse",
    "SentMessage", "ShowLoadingAnimationResponse", "TestWebhookResponse", "UserIds",
    "ValidateBroadcastMessageObjectsResponse", "ValidateMulticastMessageObjectsResponse",
    "ValidateNarrowcastMessageObjectsResponse", "ValidatePushMessageObjectsResponse",
    "ValidateReplyMessageObjectsResponse",
]
