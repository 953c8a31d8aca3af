"""The legacy ``linebot.models.responses``, generated from the core models
(see ``_factory``).

This module performs no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp.compat.models._factory import legacy_module
from linebot_fp.content import Content as Content  # a binary answer (get_message_content)

__all__, __getattr__, __dir__ = legacy_module(__name__)
__all__ += ["Content"]

if TYPE_CHECKING:  # to type checkers every legacy model is a Base (they were untyped)
    from linebot_fp.compat.models.base import Base

    AggregationInfoResponse = Base
    AggregationNameListResponse = Base
    Audience = Base
    AudienceGroup = Base
    BotInfo = Base
    BroadcastResponse = Base
    ChannelAccessTokens = Base
    ClickAudienceGroup = Base
    CreateAudienceGroup = Base
    GetAuthorityLevel = Base
    GetWebhookResponse = Base
    Group = Base
    ImpAudienceGroup = Base
    InsightDemographicResponse = Base
    InsightFollowersResponse = Base
    InsightMessageDeliveryResponse = Base
    InsightMessageEventOfCustomAggregationUnitResponse = Base
    InsightMessageEventResponse = Base
    IssueChannelTokenResponse = Base
    IssueChannelTokenResponseV2 = Base
    IssueLinkTokenResponse = Base
    MemberIds = Base
    MessageDeliveryBroadcastResponse = Base
    MessageDeliveryMulticastResponse = Base
    MessageDeliveryPushResponse = Base
    MessageDeliveryReplyResponse = Base
    MessageProgressNarrowcastResponse = Base
    MessageQuotaConsumptionResponse = Base
    MessageQuotaResponse = Base
    NarrowcastResponse = Base
    Profile = Base
    RichMenuAliasListResponse = Base
    RichMenuAliasResponse = Base
    RichMenuResponse = Base
    TestWebhookResponse = Base
    UserIds = Base
    ValidAccessTokenKeyIDsResponse = Base
    ValidateBroadcastMessageObjectsResponse = Base
    ValidateMulticastMessageObjectsResponse = Base
    ValidateNarrowcastMessageObjectsResponse = Base
    ValidatePushMessageObjectsResponse = Base
    ValidateReplyMessageObjectsResponse = Base
    VerifyChannelTokenResponseV2 = Base
