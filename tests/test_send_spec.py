"""The send-side models against the LINE OpenAPI specification (messaging-api.yml).

The spec's facts come from the committed table (tests/spec_facts.json, generated from
the spec by tools/spec_facts.py), so this runs without the spec. Every object schema
of the spec is either mapped to our model below or listed as not send-side (another
module covers it). For each mapped schema, every property
(``allOf`` parts included) must be a field with exactly that wire key, every
discriminator tag must be the model's ``type``, spec-required properties must be
required fields, and our ``Literal`` choices must equal the spec's enums.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, Union

import pytest
from facts_support import FACTS, enum_of, properties

from linebot_fp import codec, models as m

#: spec schema name -> our model
SEND_SIDE: dict[str, type] = {
    # actions
    "Action": m.Action,
    "AltUri": m.AltUri,
    "CameraAction": m.CameraAction,
    "CameraRollAction": m.CameraRollAction,
    "ClipboardAction": m.ClipboardAction,
    "DatetimePickerAction": m.DatetimePickerAction,
    "LocationAction": m.LocationAction,
    "MessageAction": m.MessageAction,
    "PostbackAction": m.PostbackAction,
    "RichMenuSwitchAction": m.RichMenuSwitchAction,
    "URIAction": m.URIAction,
    # message objects, quick reply, sender
    "Message": m.SendMessage,
    "TextMessage": m.TextSendMessage,
    "TextMessageV2": m.TextV2SendMessage,
    "Emoji": m.Emojis,
    "SubstitutionObject": m.SubstitutionObject,
    "MentionSubstitutionObject": m.MentionSubstitutionObject,
    "EmojiSubstitutionObject": m.EmojiSubstitutionObject,
    "MentionTarget": m.MentionTarget,
    "UserMentionTarget": m.UserMentionTarget,
    "AllMentionTarget": m.AllMentionTarget,
    "ImageMessage": m.ImageSendMessage,
    "VideoMessage": m.VideoSendMessage,
    "AudioMessage": m.AudioSendMessage,
    "LocationMessage": m.LocationSendMessage,
    "StickerMessage": m.StickerSendMessage,
    "CouponMessage": m.CouponSendMessage,
    "Sender": m.Sender,
    "QuickReply": m.QuickReply,
    "QuickReplyItem": m.QuickReplyButton,
    # templates
    "TemplateMessage": m.TemplateSendMessage,
    "Template": m.Template,
    "ButtonsTemplate": m.ButtonsTemplate,
    "ConfirmTemplate": m.ConfirmTemplate,
    "CarouselTemplate": m.CarouselTemplate,
    "CarouselColumn": m.CarouselColumn,
    "ImageCarouselTemplate": m.ImageCarouselTemplate,
    "ImageCarouselColumn": m.ImageCarouselColumn,
    # imagemap
    "ImagemapMessage": m.ImagemapSendMessage,
    "ImagemapBaseSize": m.BaseSize,
    "ImagemapArea": m.ImagemapArea,
    "ImagemapAction": m.ImagemapAction,
    "URIImagemapAction": m.URIImagemapAction,
    "MessageImagemapAction": m.MessageImagemapAction,
    "ClipboardImagemapAction": m.ClipboardImagemapAction,
    "ImagemapVideo": m.Video,
    "ImagemapExternalLink": m.ExternalLink,
    # flex
    "FlexMessage": m.FlexSendMessage,
    "FlexContainer": m.FlexContainer,
    "FlexBubble": m.BubbleContainer,
    "FlexCarousel": m.CarouselContainer,
    "FlexBubbleStyles": m.BubbleStyle,
    "FlexBlockStyle": m.BlockStyle,
    "FlexComponent": m.FlexComponent,
    "FlexBox": m.BoxComponent,
    "FlexButton": m.ButtonComponent,
    "FlexFiller": m.FillerComponent,
    "FlexIcon": m.IconComponent,
    "FlexImage": m.ImageComponent,
    "FlexSeparator": m.SeparatorComponent,
    "FlexSpan": m.SpanComponent,
    "FlexText": m.TextComponent,
    "FlexVideo": m.VideoComponent,
    "FlexBoxBackground": m.Background,
    "FlexBoxLinearGradient": m.LinearGradientBackground,
    # rich menu request objects
    "RichMenuRequest": m.RichMenu,
    "RichMenuSize": m.RichMenuSize,
    "RichMenuArea": m.RichMenuArea,
    "RichMenuBounds": m.RichMenuBounds,
    "CreateRichMenuAliasRequest": m.RichMenuAlias,
    "UpdateRichMenuAliasRequest": m.RichMenuAlias,
    "RichMenuBatchOperation": m.RichMenuBatchOperation,
    "RichMenuBatchLinkOperation": m.RichMenuBatchLinkOperation,
    "RichMenuBatchUnlinkOperation": m.RichMenuBatchUnlinkOperation,
    "RichMenuBatchUnlinkAllOperation": m.RichMenuBatchUnlinkAllOperation,
    "RichMenuBatchRequest": m.RichMenuBatchRequest,
    "RichMenuBulkLinkRequest": m.RichMenuBulkLinkRequest,
    "RichMenuBulkUnlinkRequest": m.RichMenuBulkUnlinkRequest,
    # narrowcast
    "Recipient": m.Recipient,
    "AudienceRecipient": m.AudienceRecipient,
    "RedeliveryRecipient": m.RedeliveryRecipient,
    "OperatorRecipient": m.OperatorRecipient,
    "Filter": m.Filter,
    "DemographicFilter": m.DemographicFilter,
    "AgeDemographicFilter": m.AgeFilter,
    "GenderDemographicFilter": m.GenderFilter,
    "AppTypeDemographicFilter": m.AppTypeFilter,
    "AreaDemographicFilter": m.AreaFilter,
    "SubscriptionPeriodDemographicFilter": m.SubscriptionPeriodFilter,
    "OperatorDemographicFilter": m.OperatorDemographicFilter,
    "Limit": m.Limit,
}

#: object schemas that are not send-side objects, and why
NOT_SEND_SIDE: dict[str, str] = {
    **dict.fromkeys([
        "BotInfoResponse", "BroadcastResponse", "GetAggregationUnitNameListResponse",
        "GetAggregationUnitUsageResponse", "GetFollowersResponse",
        "GetJoinedMembershipUsersResponse", "GetMembershipSubscriptionResponse",
        "GetMessageContentTranscodingResponse", "GetWebhookEndpointResponse",
        "GroupMemberCountResponse", "GroupSummaryResponse", "GroupUserProfileResponse",
        "IssueLinkTokenResponse", "MembersIdsResponse", "Membership", "MembershipListResponse",
        "MessageQuotaResponse", "MulticastResponse", "NarrowcastProgressResponse",
        "NarrowcastResponse", "NumberOfMessagesResponse", "PushMessageResponse",
        "QuotaConsumptionResponse", "ReplyMessageResponse", "RichMenuAliasListResponse",
        "RichMenuAliasResponse", "RichMenuBatchProgressResponse", "RichMenuIdResponse",
        "RichMenuListResponse", "RichMenuResponse", "RoomMemberCountResponse",
        "RoomUserProfileResponse", "SentMessage", "ShowLoadingAnimationResponse",
        "SubscribedMembershipPlan", "SubscribedMembershipUser", "Subscription",
        "TestWebhookEndpointResponse", "UserProfileResponse",
    ], "response"),
    **dict.fromkeys(["ErrorDetail", "ErrorResponse"], "error body (linebot_fp.errors)"),
    **dict.fromkeys([
        "AcquisitionConditionRequest", "AcquisitionConditionResponse",
        "CashBackFixedPriceInfoRequest", "CashBackFixedPriceInfoResponse",
        "CashBackPercentagePriceInfoRequest", "CashBackPercentagePriceInfoResponse",
        "CashBackPriceInfoRequest", "CashBackPriceInfoResponse",
        "CouponCashBackRewardRequest", "CouponCashBackRewardResponse", "CouponCreateRequest",
        "CouponCreateResponse", "CouponDiscountRewardRequest", "CouponDiscountRewardResponse",
        "CouponFreeRewardRequest", "CouponFreeRewardResponse", "CouponGiftRewardRequest",
        "CouponGiftRewardResponse", "CouponListResponse", "CouponOthersRewardRequest",
        "CouponOthersRewardResponse", "CouponResponse", "CouponRewardRequest",
        "CouponRewardResponse", "DiscountExplicitPriceInfoRequest",
        "DiscountExplicitPriceInfoResponse", "DiscountFixedPriceInfoRequest",
        "DiscountFixedPriceInfoResponse", "DiscountPercentagePriceInfoRequest",
        "DiscountPercentagePriceInfoResponse", "DiscountPriceInfoRequest",
        "DiscountPriceInfoResponse", "LotteryAcquisitionConditionRequest",
        "LotteryAcquisitionConditionResponse", "MessagingApiPagerCouponListResponse",
        "NormalAcquisitionConditionRequest", "NormalAcquisitionConditionResponse",
        "ReferralAcquisitionConditionResponse",
    ], "coupon object (linebot_fp.models.coupon)"),
    **dict.fromkeys([
        "BroadcastRequest", "ChatReference", "MarkMessagesAsReadByTokenRequest",
        "MarkMessagesAsReadRequest", "MulticastRequest", "NarrowcastRequest",
        "PnpMessagesRequest", "PushMessageRequest", "ReplyMessageRequest",
        "SetWebhookEndpointRequest", "ShowLoadingAnimationRequest",
        "TestWebhookEndpointRequest", "ValidateMessageRequest",
    ], "request envelope written by its builder"),
}

#: (schema, property) the spec marks required but our model leaves optional, and why
OPTIONAL_ON_PURPOSE = {
    # one RichMenuAlias serves create (both ids) and update (the rich menu id only),
    # as in the legacy SDK
    ("CreateRichMenuAliasRequest", "richMenuAliasId"),
}

#: (model, field) that no mapped spec schema has, and why
NOT_IN_SPEC = {
    (m.Emojis, "length"),  # shared with received text messages, where LINE sends it
}


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    """The facts of messaging-api.yml's schemas (``{properties, required, ...}`` per name)."""
    return dict(FACTS["files"]["messaging-api"]["schemas"])


def is_object(schema: dict[str, Any]) -> bool:
    return (schema.get("type") == "object"
            or any(key in schema for key in ("properties", "allOf", "discriminator")))


def strip_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


def literal_choices(hint: Any) -> set[Any] | None:
    inner, _ = strip_optional(hint)
    if typing.get_origin(inner) in (tuple, Sequence):
        inner = typing.get_args(inner)[0]
    return set(typing.get_args(inner)) if typing.get_origin(inner) is Literal else None


def is_family(cls: type) -> bool:
    """A family base: its properties are checked on its members, whose ``allOf`` include them."""
    return "type" in inspect.get_annotations(cls) and "type" not in cls.__dict__


MEMBER_SCHEMAS = sorted(name for name, cls in SEND_SIDE.items() if not is_family(cls))


def fields_by_key(cls: type) -> dict[str, dataclasses.Field[Any]]:
    return {codec.wire_key(cls, fld): fld for fld in dataclasses.fields(cls)}


def test_every_send_side_schema_has_a_model(schemas: dict[str, Any]) -> None:
    objects = {name for name, schema in schemas.items() if is_object(schema)}
    unlisted = sorted(objects - SEND_SIDE.keys() - NOT_SEND_SIDE.keys())
    assert not unlisted, f"object schemas with no model and not listed as not send-side: {unlisted}"
    stale = sorted((SEND_SIDE.keys() | NOT_SEND_SIDE.keys()) - objects)
    assert not stale, f"listed schemas that the spec does not have: {stale}"
    both = sorted(SEND_SIDE.keys() & NOT_SEND_SIDE.keys())
    assert not both, f"schemas listed as send-side and not send-side: {both}"


@pytest.mark.parametrize("name", MEMBER_SCHEMAS)
def test_every_property_has_a_field_with_its_wire_key(schemas: dict[str, Any], name: str) -> None:
    cls = SEND_SIDE[name]
    props, _ = properties("messaging-api", name)
    keys = fields_by_key(cls)
    missing = sorted(key for key in props if key != "type" and key not in keys)
    assert not missing, f"{cls.__name__} has no field for {name} properties {missing}"
    if "type" in props:
        assert isinstance(getattr(cls, "type", None), str), f"{cls.__name__} has no type tag"


@pytest.mark.parametrize("name", MEMBER_SCHEMAS)
def test_spec_required_properties_are_required_fields(schemas: dict[str, Any], name: str) -> None:
    cls = SEND_SIDE[name]
    _, required = properties("messaging-api", name)
    keys = fields_by_key(cls)
    optional = sorted(
        key for key in required - {"type"}
        if (name, key) not in OPTIONAL_ON_PURPOSE
        and keys[key].default is not dataclasses.MISSING
    )
    assert not optional, f"{cls.__name__} leaves the spec-required {optional} optional"


@pytest.mark.parametrize("name", sorted(SEND_SIDE))
def test_literal_choices_are_the_spec_enums(schemas: dict[str, Any], name: str) -> None:
    cls = SEND_SIDE[name]
    props, _ = properties("messaging-api", name)
    hints = typing.get_type_hints(cls)
    for key, fld in fields_by_key(cls).items():
        ours = literal_choices(hints[fld.name])
        theirs = enum_of("messaging-api", props[key]) if key in props else None
        if ours is not None and theirs is not None:
            assert ours == theirs, f"{cls.__name__}.{fld.name}: {sorted(ours)} != {sorted(theirs)}"


def test_every_model_field_is_in_the_spec(schemas: dict[str, Any]) -> None:
    keys_by_class: dict[type, set[str]] = {}
    for name, cls in SEND_SIDE.items():
        keys_by_class.setdefault(cls, set()).update(properties("messaging-api", name)[0])
    extra = sorted(
        f"{cls.__name__}.{fld.name} ({codec.wire_key(cls, fld)})"
        for cls, keys in keys_by_class.items()
        for fld in dataclasses.fields(cls)
        if codec.wire_key(cls, fld) not in keys and (cls, fld.name) not in NOT_IN_SPEC
    )
    assert not extra, f"fields whose wire key no spec schema has: {extra}"


def test_discriminator_tags_are_the_model_types(schemas: dict[str, Any]) -> None:
    checked = 0
    for name, schema in schemas.items():
        mapping = schema.get("discriminator", {}).get("mapping", {})
        if name not in SEND_SIDE:
            continue
        base = SEND_SIDE[name]
        for tag, member_name in mapping.items():
            member = SEND_SIDE[member_name]
            assert issubclass(member, base), f"{member.__name__} is not a {base.__name__}"
            assert member.__dict__.get("type") == tag, f"{member.__name__}.type != {tag!r}"
            checked += 1
    assert checked >= 50


def test_quick_reply_item_type_is_action(schemas: dict[str, Any]) -> None:
    assert schemas["QuickReplyItem"]["properties"]["type"]["default"] == m.QuickReplyButton.type
