"""The legacy ``linebot.models``: every model name of line-bot-sdk v1/v2, legacy-shaped.

https://developers.line.biz/en/reference/messaging-api/

Legacy models are mutable objects with lists, built positionally in their
legacy parameter order or by keyword, every argument optional, nested models
given as objects or as JSON dicts; ``str(model)`` is its JSON. Each class is
generated from the core model of the same name (``linebot_fp.models``) and the
one table of legacy parameter orders (``_table``), and lives in its legacy
module (``linebot_fp.compat.models.send_messages.TextSendMessage``, ...).
Events parsed by :mod:`linebot_fp.compat.webhook` and answers of
:class:`~linebot_fp.compat.api.LineBotApi` are these classes; ``LineBotApi``
turns them into core models when it sends, so both kinds send the same JSON.

Names of newer objects the legacy SDK never had (``ClipboardAction``,
``TextV2SendMessage``, ...) are generated the same way on first use.
Classes load on first use. This module performs no I/O.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from linebot_fp._exports import lazy_exports
from linebot_fp.compat.models._table import ALIASES, LEGACY

if TYPE_CHECKING:
    from linebot_fp.compat.models.actions import (
        Action as Action,
        Action as TemplateAction,
        AltUri as AltUri,
        CameraAction as CameraAction,
        CameraRollAction as CameraRollAction,
        DatetimePickerAction as DatetimePickerAction,
        DatetimePickerAction as DatetimePickerTemplateAction,
        LocationAction as LocationAction,
        MessageAction as MessageAction,
        MessageAction as MessageTemplateAction,
        PostbackAction as PostbackAction,
        PostbackAction as PostbackTemplateAction,
        RichMenuSwitchAction as RichMenuSwitchAction,
        URIAction as URIAction,
        URIAction as URITemplateAction,
    )
    from linebot_fp.compat.models.background import (
        Background as Background,
        LinearGradientBackground as LinearGradientBackground,
    )
    from linebot_fp.compat.models.base import (
        Base as Base,
    )
    from linebot_fp.compat.models.delivery_context import (
        DeliveryContext as DeliveryContext,
    )
    from linebot_fp.compat.models.emojis import (
        Emojis as Emojis,
    )
    from linebot_fp.compat.models.error import (
        Error as Error,
        ErrorDetail as ErrorDetail,
    )
    from linebot_fp.compat.models.events import (
        AccountLinkEvent as AccountLinkEvent,
        Beacon as Beacon,
        BeaconEvent as BeaconEvent,
        Event as Event,
        FollowEvent as FollowEvent,
        Joined as Joined,
        JoinEvent as JoinEvent,
        LeaveEvent as LeaveEvent,
        Left as Left,
        Link as Link,
        MemberJoinedEvent as MemberJoinedEvent,
        MemberLeftEvent as MemberLeftEvent,
        MessageEditedEvent as MessageEditedEvent,
        MessageEvent as MessageEvent,
        Postback as Postback,
        PostbackEvent as PostbackEvent,
        ThingsEvent as ThingsEvent,
        UnfollowEvent as UnfollowEvent,
        UnknownEvent as UnknownEvent,
        UnsendEvent as UnsendEvent,
        VideoPlayCompleteEvent as VideoPlayCompleteEvent,
    )
    from linebot_fp.compat.models.filter import (
        AgeFilter as AgeFilter,
        AppTypeFilter as AppTypeFilter,
        AreaFilter as AreaFilter,
        DemographicFilter as DemographicFilter,
        Filter as Filter,
        GenderFilter as GenderFilter,
        SubscriptionPeriodFilter as SubscriptionPeriodFilter,
    )
    from linebot_fp.compat.models.flex_message import (
        BlockStyle as BlockStyle,
        BoxComponent as BoxComponent,
        BubbleContainer as BubbleContainer,
        BubbleStyle as BubbleStyle,
        ButtonComponent as ButtonComponent,
        CarouselContainer as CarouselContainer,
        FillerComponent as FillerComponent,
        FlexComponent as FlexComponent,
        FlexContainer as FlexContainer,
        FlexSendMessage as FlexSendMessage,
        IconComponent as IconComponent,
        ImageComponent as ImageComponent,
        SeparatorComponent as SeparatorComponent,
        SpanComponent as SpanComponent,
        TextComponent as TextComponent,
        VideoComponent as VideoComponent,
    )
    from linebot_fp.compat.models.imagemap import (
        BaseSize as BaseSize,
        ExternalLink as ExternalLink,
        ImagemapAction as ImagemapAction,
        ImagemapArea as ImagemapArea,
        ImagemapSendMessage as ImagemapSendMessage,
        MessageImagemapAction as MessageImagemapAction,
        URIImagemapAction as URIImagemapAction,
        Video as Video,
    )
    from linebot_fp.compat.models.insight import (
        AgeInsight as AgeInsight,
        AppTypeInsight as AppTypeInsight,
        AreaInsight as AreaInsight,
        ClickInsight as ClickInsight,
        DemographicInsight as DemographicInsight,
        GenderInsight as GenderInsight,
        JobInsight as JobInsight,
        MessageInsight as MessageInsight,
        MessageStatistics as MessageStatistics,
        MessageStatisticsOfCustomAggregationUnit as MessageStatisticsOfCustomAggregationUnit,
        SubscriptionPeriodInsight as SubscriptionPeriodInsight,
    )
    from linebot_fp.compat.models.limit import (
        Limit as Limit,
    )
    from linebot_fp.compat.models.mention import (
        Mention as Mention,
    )
    from linebot_fp.compat.models.mentionee import (
        Mentionee as Mentionee,
    )
    from linebot_fp.compat.models.messages import (
        AudioMessage as AudioMessage,
        ContentProvider as ContentProvider,
        FileMessage as FileMessage,
        ImageMessage as ImageMessage,
        ImageSet as ImageSet,
        LocationMessage as LocationMessage,
        Message as Message,
        StickerMessage as StickerMessage,
        TextMessage as TextMessage,
        VideoMessage as VideoMessage,
    )
    from linebot_fp.compat.models.operator import (
        And as And,
        Not as Not,
        Operator as Operator,
        Or as Or,
    )
    from linebot_fp.compat.models.recipient import (
        AudienceRecipient as AudienceRecipient,
        Recipient as Recipient,
        RedeliveryRecipient as RedeliveryRecipient,
    )
    from linebot_fp.compat.models.responses import (
        AggregationInfoResponse as AggregationInfoResponse,
        AggregationNameListResponse as AggregationNameListResponse,
        Audience as Audience,
        AudienceGroup as AudienceGroup,
        BotInfo as BotInfo,
        BroadcastResponse as BroadcastResponse,
        ChannelAccessTokens as ChannelAccessTokens,
        ClickAudienceGroup as ClickAudienceGroup,
        CreateAudienceGroup as CreateAudienceGroup,
        GetAuthorityLevel as GetAuthorityLevel,
        GetWebhookResponse as GetWebhookResponse,
        Group as Group,
        ImpAudienceGroup as ImpAudienceGroup,
        InsightDemographicResponse as InsightDemographicResponse,
        InsightFollowersResponse as InsightFollowersResponse,
        InsightMessageDeliveryResponse as InsightMessageDeliveryResponse,
        InsightMessageEventOfCustomAggregationUnitResponse as InsightMessageEventOfCustomAggregationUnitResponse,  # noqa: E501
        InsightMessageEventResponse as InsightMessageEventResponse,
        IssueChannelTokenResponse as IssueChannelTokenResponse,
        IssueChannelTokenResponseV2 as IssueChannelTokenResponseV2,
        IssueLinkTokenResponse as IssueLinkTokenResponse,
        MemberIds as MemberIds,
        MessageDeliveryBroadcastResponse as MessageDeliveryBroadcastResponse,
        MessageDeliveryMulticastResponse as MessageDeliveryMulticastResponse,
        MessageDeliveryPushResponse as MessageDeliveryPushResponse,
        MessageDeliveryReplyResponse as MessageDeliveryReplyResponse,
        MessageProgressNarrowcastResponse as MessageProgressNarrowcastResponse,
        MessageQuotaConsumptionResponse as MessageQuotaConsumptionResponse,
        MessageQuotaResponse as MessageQuotaResponse,
        NarrowcastResponse as NarrowcastResponse,
        Profile as Profile,
        RichMenuAliasListResponse as RichMenuAliasListResponse,
        RichMenuAliasResponse as RichMenuAliasResponse,
        RichMenuResponse as RichMenuResponse,
        TestWebhookResponse as TestWebhookResponse,
        UserIds as UserIds,
        ValidAccessTokenKeyIDsResponse as ValidAccessTokenKeyIDsResponse,
        ValidateBroadcastMessageObjectsResponse as ValidateBroadcastMessageObjectsResponse,
        ValidateMulticastMessageObjectsResponse as ValidateMulticastMessageObjectsResponse,
        ValidateNarrowcastMessageObjectsResponse as ValidateNarrowcastMessageObjectsResponse,
        ValidatePushMessageObjectsResponse as ValidatePushMessageObjectsResponse,
        ValidateReplyMessageObjectsResponse as ValidateReplyMessageObjectsResponse,
        VerifyChannelTokenResponseV2 as VerifyChannelTokenResponseV2,
    )
    from linebot_fp.compat.models.rich_menu import (
        RichMenu as RichMenu,
        RichMenuAlias as RichMenuAlias,
        RichMenuArea as RichMenuArea,
        RichMenuBounds as RichMenuBounds,
        RichMenuSize as RichMenuSize,
    )
    from linebot_fp.compat.models.send_messages import (
        AudioSendMessage as AudioSendMessage,
        ImageSendMessage as ImageSendMessage,
        LocationSendMessage as LocationSendMessage,
        QuickReply as QuickReply,
        QuickReplyButton as QuickReplyButton,
        Sender as Sender,
        SendMessage as SendMessage,
        StickerSendMessage as StickerSendMessage,
        TextSendMessage as TextSendMessage,
        VideoSendMessage as VideoSendMessage,
    )
    from linebot_fp.compat.models.sources import (
        Source as Source,
        SourceGroup as SourceGroup,
        SourceRoom as SourceRoom,
        SourceUser as SourceUser,
    )
    from linebot_fp.compat.models.template import (
        ButtonsTemplate as ButtonsTemplate,
        CarouselColumn as CarouselColumn,
        CarouselTemplate as CarouselTemplate,
        ConfirmTemplate as ConfirmTemplate,
        ImageCarouselColumn as ImageCarouselColumn,
        ImageCarouselTemplate as ImageCarouselTemplate,
        Template as Template,
        TemplateSendMessage as TemplateSendMessage,
    )
    from linebot_fp.compat.models.things import (
        ActionResult as ActionResult,
        DeviceLink as DeviceLink,
        DeviceUnlink as DeviceUnlink,
        ScenarioResult as ScenarioResult,
        ScenarioResultPayload as ScenarioResultPayload,
        Things as Things,
    )
    from linebot_fp.compat.models.unsend import (
        Unsend as Unsend,
    )
    from linebot_fp.compat.models.video_play_complete import (
        VideoPlayComplete as VideoPlayComplete,
    )
    from linebot_fp.content import (
        Content as Content,
        Content as MessageContent,
    )

_MODULES = {f"{__name__}.{module}": tuple(names) for module, names in LEGACY.items()}
__all__, _lazy_getattr, __dir__ = lazy_exports(__name__, {
    **_MODULES,
    f"{__name__}.base": ("Base",),
    f"{__name__}.operator": ("And", "Not", "Operator", "Or"),
    "linebot_fp.content": ("Content",),
})
__all__ += ["DatetimePickerTemplateAction", "MessageContent", "MessageTemplateAction",
            "PostbackTemplateAction", "TemplateAction", "URITemplateAction"]
_SUBMODULES = frozenset([*LEGACY, "base", "operator"])


def __getattr__(name: str) -> Any:
    """A legacy name, an alias, a newer core model's legacy class, or a legacy submodule."""
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    _factory = importlib.import_module(f"{__name__}._factory")
    if name in ALIASES:
        return _factory.legacy_named(ALIASES[name])
    if name == "MessageContent":
        name = "Content"
    try:
        return _lazy_getattr(name)
    except AttributeError:
        import linebot_fp.models as core

        if name[:1].isupper() and isinstance(getattr(core, name, None), type):
            return _factory.legacy_class(getattr(core, name))
        raise
