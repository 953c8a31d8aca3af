"""The legacy ``linebot.models``: every model name of line-bot-sdk v1/v2, on the core models.

https://developers.line.biz/en/reference/messaging-api/

Each name is the core class itself (``TextSendMessage``, ``MessageEvent``,
``Profile``, ...), so values made here are the core's values, webhook events
parsed by the core are instances of these names, and ``isinstance`` checks work
both ways. Legacy aliases name the same classes (``PostbackTemplateAction`` is
``PostbackAction``, ``MessageContent`` is ``Content``, ``Base`` is the core
``Model``, ``Error`` is the API's error body).

Where a legacy constructor takes arguments the core class does not, the name is
a :class:`LegacyConstructor`: calling it builds the core class from the legacy
arguments, and ``isinstance`` against it checks the core class:

* ``AudienceRecipient(group_id)``: the core field is ``audience_group_id``;
* ``LinearGradientBackground(angle, start_color, end_color, ...)``: positional.

``And(a, b)``, ``Or(a, b)`` and ``Not(a)`` are the core's functions, which build
an ``OperatorRecipient`` or an ``OperatorDemographicFilter`` from their operands.
Core constructors take keyword arguments only: ``TextSendMessage(text="hi")``.

Legacy models had ``as_json_dict()``, ``as_json_string()`` and
``new_from_json_dict(data)``; importing :mod:`linebot_fp.compat` gives every
core model these methods (see there why).

This module performs no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from linebot_fp import codec
from linebot_fp.content import Content
from linebot_fp.errors import ErrorDetail, ErrorResponse as Error, InvalidInputError
from linebot_fp.models import flex, narrowcast
from linebot_fp.models._base import Model, Model as Base
from linebot_fp.models.actions import (
    Action,
    AltUri,
    CameraAction,
    CameraRollAction,
    DatetimePickerAction,
    LocationAction,
    MessageAction,
    PostbackAction,
    RichMenuSwitchAction,
    URIAction,
)
from linebot_fp.models.audience import (
    Audience,
    AudienceGroup,
    ClickAudienceGroup,
    CreateAudienceGroup,
    GetAuthorityLevel,
    ImpAudienceGroup,
    JobInsight,
)
from linebot_fp.models.channel_token import (
    ChannelAccessTokens,
    IssueChannelTokenResponse,
    IssueChannelTokenResponseV2,
    ValidAccessTokenKeyIDsResponse,
    VerifyChannelTokenResponseV2,
)
from linebot_fp.models.emojis import (
    Emojis,
)
from linebot_fp.models.events import (
    AccountLinkEvent,
    Beacon,
    BeaconEvent,
    Event,
    FollowEvent,
    JoinEvent,
    LeaveEvent,
    Link,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEvent,
    Postback,
    PostbackEvent,
    UnfollowEvent,
    UnknownEvent,
    UnsendEvent,
    VideoPlayCompleteEvent,
)
from linebot_fp.models.flex import (
    Background,
    BlockStyle,
    BoxComponent,
    BubbleContainer,
    BubbleStyle,
    ButtonComponent,
    CarouselContainer,
    FillerComponent,
    FlexComponent,
    FlexContainer,
    FlexSendMessage,
    IconComponent,
    ImageComponent,
    SeparatorComponent,
    SpanComponent,
    TextComponent,
    VideoComponent,
)
from linebot_fp.models.imagemap import (
    BaseSize,
    ExternalLink,
    ImagemapAction,
    ImagemapArea,
    ImagemapSendMessage,
    MessageImagemapAction,
    URIImagemapAction,
    Video,
)
from linebot_fp.models.insight import (
    AgeInsight,
    AppTypeInsight,
    AreaInsight,
    ClickInsight,
    DemographicInsight,
    GenderInsight,
    InsightDemographicResponse,
    InsightFollowersResponse,
    InsightMessageDeliveryResponse,
    InsightMessageEventOfCustomAggregationUnitResponse,
    InsightMessageEventResponse,
    MessageInsight,
    MessageStatistics,
    SubscriptionPeriodInsight,
)
from linebot_fp.models.messages import (
    AudioMessage,
    FileMessage,
    ImageMessage,
    LocationMessage,
    Message,
    StickerMessage,
    TextMessage,
    VideoMessage,
)
from linebot_fp.models.narrowcast import (
    AgeFilter,
    And,
    AppTypeFilter,
    AreaFilter,
    DemographicFilter,
    Filter,
    GenderFilter,
    Limit,
    Not,
    Or,
    RedeliveryRecipient,
    SubscriptionPeriodFilter,
)
from linebot_fp.models.responses import (
    AggregationInfoResponse,
    AggregationNameListResponse,
    BotInfo,
    BroadcastResponse,
    GetWebhookResponse,
    Group,
    IssueLinkTokenResponse,
    MemberIds,
    MessageDeliveryBroadcastResponse,
    MessageDeliveryMulticastResponse,
    MessageDeliveryPushResponse,
    MessageDeliveryReplyResponse,
    MessageProgressNarrowcastResponse,
    MessageQuotaConsumptionResponse,
    MessageQuotaResponse,
    NarrowcastResponse,
    Profile,
    RichMenuAliasListResponse,
    RichMenuAliasResponse,
    RichMenuResponse,
    TestWebhookResponse,
    UserIds,
    ValidateBroadcastMessageObjectsResponse,
    ValidateMulticastMessageObjectsResponse,
    ValidateNarrowcastMessageObjectsResponse,
    ValidatePushMessageObjectsResponse,
    ValidateReplyMessageObjectsResponse,
)
from linebot_fp.models.rich_menu import (
    RichMenu,
    RichMenuAlias,
    RichMenuArea,
    RichMenuBounds,
    RichMenuSize,
)
from linebot_fp.models.send_messages import (
    AudioSendMessage,
    ImageSendMessage,
    LocationSendMessage,
    QuickReply,
    QuickReplyButton,
    Sender,
    SendMessage,
    StickerSendMessage,
    TextSendMessage,
    VideoSendMessage,
)
from linebot_fp.models.service_events import ThingsEvent
from linebot_fp.models.sources import (
    Source,
    SourceGroup,
    SourceRoom,
    SourceUser,
)
from linebot_fp.models.templates import (
    ButtonsTemplate,
    CarouselColumn,
    CarouselTemplate,
    ConfirmTemplate,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    Template,
    TemplateSendMessage,
)
from linebot_fp.models.things import (
    ActionResult,
    DeviceLink,
    DeviceUnlink,
    ScenarioResult,
    Things,
)

__all__ = [
    "AccountLinkEvent",
    "Action",
    "ActionResult",
    "AgeFilter",
    "AgeInsight",
    "AggregationInfoResponse",
    "AggregationNameListResponse",
    "AltUri",
    "And",
    "AppTypeFilter",
    "AppTypeInsight",
    "AreaFilter",
    "AreaInsight",
    "Audience",
    "AudienceGroup",
    "AudienceRecipient",
    "AudioMessage",
    "AudioSendMessage",
    "Background",
    "Base",
    "BaseSize",
    "Beacon",
    "BeaconEvent",
    "BlockStyle",
    "BotInfo",
    "BoxComponent",
    "BroadcastResponse",
    "BubbleContainer",
    "BubbleStyle",
    "ButtonComponent",
    "ButtonsTemplate",
    "CameraAction",
    "CameraRollAction",
    "CarouselColumn",
    "CarouselContainer",
    "CarouselTemplate",
    "ChannelAccessTokens",
    "ClickAudienceGroup",
    "ClickInsight",
    "ConfirmTemplate",
    "Content",
    "CreateAudienceGroup",
    "DatetimePickerAction",
    "DatetimePickerTemplateAction",
    "DemographicFilter",
    "DemographicInsight",
    "DeviceLink",
    "DeviceUnlink",
    "Emojis",
    "Error",
    "ErrorDetail",
    "Event",
    "ExternalLink",
    "FileMessage",
    "FillerComponent",
    "Filter",
    "FlexComponent",
    "FlexContainer",
    "FlexSendMessage",
    "FollowEvent",
    "GenderFilter",
    "GenderInsight",
    "GetAuthorityLevel",
    "GetWebhookResponse",
    "Group",
    "IconComponent",
    "ImageCarouselColumn",
    "ImageCarouselTemplate",
    "ImageComponent",
    "ImageMessage",
    "ImageSendMessage",
    "ImagemapAction",
    "ImagemapArea",
    "ImagemapSendMessage",
    "ImpAudienceGroup",
    "InsightDemographicResponse",
    "InsightFollowersResponse",
    "InsightMessageDeliveryResponse",
    "InsightMessageEventOfCustomAggregationUnitResponse",
    "InsightMessageEventResponse",
    "IssueChannelTokenResponse",
    "IssueChannelTokenResponseV2",
    "IssueLinkTokenResponse",
    "JobInsight",
    "JoinEvent",
    "LeaveEvent",
    "LegacyConstructor",
    "Limit",
    "LinearGradientBackground",
    "Link",
    "LocationAction",
    "LocationMessage",
    "LocationSendMessage",
    "MemberIds",
    "MemberJoinedEvent",
    "MemberLeftEvent",
    "Message",
    "MessageAction",
    "MessageContent",
    "MessageDeliveryBroadcastResponse",
    "MessageDeliveryMulticastResponse",
    "MessageDeliveryPushResponse",
    "MessageDeliveryReplyResponse",
    "MessageEvent",
    "MessageImagemapAction",
    "MessageInsight",
    "MessageProgressNarrowcastResponse",
    "MessageQuotaConsumptionResponse",
    "MessageQuotaResponse",
    "MessageStatistics",
    "MessageTemplateAction",
    "NarrowcastResponse",
    "Not",
    "Or",
    "Postback",
    "PostbackAction",
    "PostbackEvent",
    "PostbackTemplateAction",
    "Profile",
    "QuickReply",
    "QuickReplyButton",
    "RedeliveryRecipient",
    "RichMenu",
    "RichMenuAlias",
    "RichMenuAliasListResponse",
    "RichMenuAliasResponse",
    "RichMenuArea",
    "RichMenuBounds",
    "RichMenuResponse",
    "RichMenuSize",
    "RichMenuSwitchAction",
    "ScenarioResult",
    "SendMessage",
    "Sender",
    "SeparatorComponent",
    "Source",
    "SourceGroup",
    "SourceRoom",
    "SourceUser",
    "SpanComponent",
    "StickerMessage",
    "StickerSendMessage",
    "SubscriptionPeriodFilter",
    "SubscriptionPeriodInsight",
    "Template",
    "TemplateAction",
    "TemplateSendMessage",
    "TestWebhookResponse",
    "TextComponent",
    "TextMessage",
    "TextSendMessage",
    "Things",
    "ThingsEvent",
    "URIAction",
    "URIImagemapAction",
    "URITemplateAction",
    "UnfollowEvent",
    "UnknownEvent",
    "UnsendEvent",
    "UserIds",
    "ValidAccessTokenKeyIDsResponse",
    "ValidateBroadcastMessageObjectsResponse",
    "ValidateMulticastMessageObjectsResponse",
    "ValidateNarrowcastMessageObjectsResponse",
    "ValidatePushMessageObjectsResponse",
    "ValidateReplyMessageObjectsResponse",
    "VerifyChannelTokenResponseV2",
    "Video",
    "VideoComponent",
    "VideoMessage",
    "VideoPlayCompleteEvent",
    "VideoSendMessage",
]

M_co = TypeVar("M_co", bound=Model, covariant=True)

# the legacy aliases (``linebot.models`` kept them for backward compatibility)
TemplateAction = Action
PostbackTemplateAction = PostbackAction
MessageTemplateAction = MessageAction
URITemplateAction = URIAction
DatetimePickerTemplateAction = DatetimePickerAction
MessageContent = Content


class LegacyConstructor(Generic[M_co]):
    """A legacy name whose constructor differs from its core class's.

    Calling it builds the core class from the legacy arguments;
    ``isinstance(value, it)`` and ``issubclass(cls, it)`` check the core class;
    ``new_from_json_dict(data)`` reads the core class from JSON.
    """

    def __init__(self, core: type[M_co], build: Callable[..., M_co]) -> None:
        self.core = core
        self._build = build
        self.__name__ = core.__name__
        self.__doc__ = build.__doc__

    def __call__(self, *args: Any, **kwargs: Any) -> M_co:
        return self._build(*args, **kwargs)

    def __instancecheck__(self, value: object) -> bool:
        return isinstance(value, self.core)

    def __subclasscheck__(self, cls: type) -> bool:
        return issubclass(cls, self.core)

    def new_from_json_dict(self, data: Mapping[str, Any]) -> M_co:
        """The core model read from its JSON object (camelCase keys)."""
        return codec.structure(data, self.core)

    def __repr__(self) -> str:
        return f"<legacy constructor of {self.core.__module__}.{self.core.__qualname__}>"


def _audience_recipient(group_id: int | str | None = None, *,
                        audience_group_id: int | str | None = None
                        ) -> narrowcast.AudienceRecipient:
    """``AudienceRecipient(group_id)``: the users of an audience (``group_id`` is its ID)."""
    if group_id is not None and audience_group_id is not None:
        raise TypeError("give group_id or audience_group_id, not both")
    value = audience_group_id if group_id is None else group_id
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(f"AudienceRecipient.group_id must be an audience ID "
                                f"(an integer), got {value!r}")
    return narrowcast.AudienceRecipient(audience_group_id=value)


def _linear_gradient_background(angle: str, start_color: str, end_color: str,
                                center_color: str | None = None,
                                center_position: str | None = None
                                ) -> flex.LinearGradientBackground:
    """``LinearGradientBackground(angle, start_color, end_color, ...)``: a box's gradient."""
    return flex.LinearGradientBackground(angle=angle, start_color=start_color,
                                         end_color=end_color, center_color=center_color,
                                         center_position=center_position)


AudienceRecipient = LegacyConstructor(narrowcast.AudienceRecipient, _audience_recipient)
LinearGradientBackground = LegacyConstructor(flex.LinearGradientBackground,
                                             _linear_gradient_background)
