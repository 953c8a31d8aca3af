"""The legacy model names, their constructors, and the legacy JSON methods."""

import json

import pytest
from hypothesis import given, strategies as st

import linebot_fp.models as core
from linebot_fp import errors
from linebot_fp.compat import exceptions, models as legacy
from linebot_fp.content import Content
from linebot_fp.models._base import Model

#: every name of the legacy ``linebot.models`` (line-bot-sdk v1/v2)
LEGACY_NAMES = [
    "AccountLinkEvent", "Action", "ActionResult", "AgeFilter", "AgeInsight", "AltUri", "And",
    "AppTypeFilter", "AppTypeInsight", "AreaFilter", "AreaInsight", "Audience",
    "AudienceGroup", "AudienceRecipient", "AudioMessage", "AudioSendMessage", "Background",
    "Base", "BaseSize", "Beacon", "BeaconEvent", "BlockStyle", "BotInfo", "BoxComponent",
    "BroadcastResponse", "BubbleContainer", "BubbleStyle", "ButtonComponent",
    "ButtonsTemplate", "CameraAction", "CameraRollAction", "CarouselColumn",
    "CarouselContainer", "CarouselTemplate", "ClickAudienceGroup", "ClickInsight",
    "ConfirmTemplate", "Content", "CreateAudienceGroup", "DatetimePickerAction",
    "DatetimePickerTemplateAction", "DemographicFilter", "DemographicInsight", "DeviceLink",
    "DeviceUnlink", "Emojis", "Error", "ErrorDetail", "Event", "ExternalLink", "FileMessage",
    "FillerComponent", "Filter", "FlexComponent", "FlexContainer", "FlexSendMessage",
    "FollowEvent", "GenderFilter", "GenderInsight", "GetAuthorityLevel", "GetWebhookResponse",
    "IconComponent", "ImageCarouselColumn", "ImageCarouselTemplate", "ImageComponent",
    "ImageMessage", "ImageSendMessage", "ImagemapAction", "ImagemapArea",
    "ImagemapSendMessage", "ImpAudienceGroup", "InsightDemographicResponse",
    "InsightFollowersResponse", "InsightMessageDeliveryResponse",
    "InsightMessageEventResponse", "IssueChannelTokenResponse", "IssueLinkTokenResponse",
    "JobInsight", "JoinEvent", "LeaveEvent", "Limit", "LinearGradientBackground", "Link",
    "LocationAction", "LocationMessage", "LocationSendMessage", "MemberIds",
    "MemberJoinedEvent", "MemberLeftEvent", "Message", "MessageAction", "MessageContent",
    "MessageDeliveryBroadcastResponse", "MessageDeliveryMulticastResponse",
    "MessageDeliveryPushResponse", "MessageDeliveryReplyResponse", "MessageEvent",
    "MessageImagemapAction", "MessageInsight", "MessageProgressNarrowcastResponse",
    "MessageQuotaConsumptionResponse", "MessageQuotaResponse", "MessageStatistics",
    "MessageTemplateAction", "NarrowcastResponse", "Not", "Or", "Postback", "PostbackAction",
    "PostbackEvent", "PostbackTemplateAction", "Profile", "QuickReply", "QuickReplyButton",
    "RedeliveryRecipient", "RichMenu", "RichMenuAlias", "RichMenuArea", "RichMenuBounds",
    "RichMenuResponse", "RichMenuSize", "RichMenuSwitchAction", "ScenarioResult",
    "SendMessage", "Sender", "SeparatorComponent", "Source", "SourceGroup", "SourceRoom",
    "SourceUser", "SpanComponent", "StickerMessage", "StickerSendMessage",
    "SubscriptionPeriodFilter", "SubscriptionPeriodInsight", "Template", "TemplateAction",
    "TemplateSendMessage", "TestWebhookResponse", "TextComponent", "TextMessage",
    "TextSendMessage", "Things", "ThingsEvent", "URIAction", "URIImagemapAction",
    "URITemplateAction", "UnfollowEvent", "UnknownEvent", "UnsendEvent",
    "ValidateBroadcastMessageObjectsResponse", "ValidateMulticastMessageObjectsResponse",
    "ValidateNarrowcastMessageObjectsResponse", "ValidatePushMessageObjectsResponse",
    "ValidateReplyMessageObjectsResponse", "Video", "VideoComponent", "VideoMessage",
    "VideoPlayCompleteEvent", "VideoSendMessage",
]

#: answers of legacy LineBotApi methods that lived in ``linebot.models.responses``
LEGACY_RESPONSES = [
    "AggregationInfoResponse", "AggregationNameListResponse", "ChannelAccessTokens", "Group",
    "InsightMessageEventOfCustomAggregationUnitResponse", "IssueChannelTokenResponseV2",
    "RichMenuAliasListResponse", "RichMenuAliasResponse", "UserIds",
    "ValidAccessTokenKeyIDsResponse", "VerifyChannelTokenResponseV2",
]

ALIASES = {
    "Base": Model,
    "Content": Content,
    "MessageContent": Content,
    "Error": errors.ErrorResponse,
    "ErrorDetail": errors.ErrorDetail,
    "TemplateAction": core.Action,
    "PostbackTemplateAction": core.PostbackAction,
    "MessageTemplateAction": core.MessageAction,
    "URITemplateAction": core.URIAction,
    "DatetimePickerTemplateAction": core.DatetimePickerAction,
}
LEGACY_CONSTRUCTORS = {"AudienceRecipient", "LinearGradientBackground"}


def test_every_legacy_name_is_exported_once_and_sorted():
    assert len(LEGACY_NAMES) == 160
    assert legacy.__all__ == sorted(legacy.__all__)
    assert set(legacy.__all__) == {*LEGACY_NAMES, *LEGACY_RESPONSES, "LegacyConstructor"}


@pytest.mark.parametrize("name", LEGACY_NAMES + LEGACY_RESPONSES)
def test_each_name_is_the_core_class_or_says_what_it_builds(name):
    value = getattr(legacy, name)
    if name in ALIASES:
        assert value is ALIASES[name]
    elif name in LEGACY_CONSTRUCTORS:
        assert isinstance(value, legacy.LegacyConstructor)
        assert value.core is getattr(core, name)
    else:
        assert value is getattr(core, name)


def test_received_models_are_the_core_classes_so_handlers_and_isinstance_match():
    for name in ("MessageEvent", "TextMessage", "SourceUser", "Postback", "Beacon",
                 "UnknownEvent"):
        assert getattr(legacy, name) is getattr(core, name)


# -- constructors that differ from the core's ---------------------------------------------------


def test_operators_take_their_operands_positionally():
    one, two = legacy.AudienceRecipient(group_id=1), legacy.RedeliveryRecipient(request_id="r")
    assert legacy.And(one, two).as_json_dict() == {
        "type": "operator", "and": [{"type": "audience", "audienceGroupId": 1},
                                    {"type": "redelivery", "requestId": "r"}]}
    assert legacy.Or(legacy.AgeFilter(gte="age_20"), legacy.GenderFilter(one_of=["male"])
                     ).as_json_dict() == {
        "type": "operator", "or": [{"type": "age", "gte": "age_20"},
                                   {"type": "gender", "oneOf": ["male"]}]}
    assert legacy.Not(legacy.AppTypeFilter(one_of=["ios"])).as_json_dict() == {
        "type": "operator", "not": {"type": "appType", "oneOf": ["ios"]}}


@pytest.mark.parametrize("call", [
    lambda: legacy.AudienceRecipient(group_id=4389303728991),
    lambda: legacy.AudienceRecipient(4389303728991),
    lambda: legacy.AudienceRecipient(group_id="4389303728991"),
    lambda: legacy.AudienceRecipient(audience_group_id=4389303728991),
], ids=["group_id", "positional", "digits", "core-name"])
def test_audience_recipient_takes_the_legacy_group_id(call):
    recipient = call()
    assert type(recipient) is core.AudienceRecipient
    assert recipient == core.AudienceRecipient(audience_group_id=4389303728991)
    assert isinstance(recipient, legacy.AudienceRecipient)


def test_audience_recipient_refuses_what_is_not_an_audience_id():
    with pytest.raises(errors.InvalidInputError, match="group_id"):
        legacy.AudienceRecipient(group_id="friends")
    with pytest.raises(errors.InvalidInputError, match="group_id"):
        legacy.AudienceRecipient(group_id=True)
    with pytest.raises(TypeError):
        legacy.AudienceRecipient(group_id=1, audience_group_id=2)


def test_linear_gradient_background_takes_positional_colors():
    background = legacy.LinearGradientBackground("90deg", "#ff0000", "#0000ff",
                                                 center_color="#00ff00")
    assert background == core.LinearGradientBackground(
        angle="90deg", start_color="#ff0000", end_color="#0000ff", center_color="#00ff00")
    assert isinstance(background, legacy.LinearGradientBackground)
    assert isinstance(background, legacy.Background)
    assert issubclass(core.LinearGradientBackground, legacy.LinearGradientBackground)
    assert not isinstance(legacy.AudienceRecipient(1), legacy.LinearGradientBackground)
    box = legacy.BoxComponent(layout="vertical", contents=[], background=background)
    assert box.as_json_dict()["background"] == {
        "type": "linearGradient", "angle": "90deg", "startColor": "#ff0000",
        "endColor": "#0000ff", "centerColor": "#00ff00"}


def test_a_legacy_constructor_reads_json_too():
    assert legacy.AudienceRecipient.new_from_json_dict(
        {"type": "audience", "audienceGroupId": 5}) == core.AudienceRecipient(
        audience_group_id=5)
    assert legacy.AudienceRecipient.__name__ == "AudienceRecipient"
    assert "group_id" in legacy.AudienceRecipient.__doc__


def test_limit_takes_the_legacy_keywords():
    assert legacy.Limit(max=100, up_to_remaining_quota=True).as_json_dict() == {
        "max": 100, "upToRemainingQuota": True}


# -- the seed README's message objects, as legacy code wrote them -------------------------------


def test_readme_message_objects_build_the_documented_json():
    buttons = legacy.TemplateSendMessage(
        alt_text="Buttons template",
        template=legacy.ButtonsTemplate(
            thumbnail_image_url="https://example.com/image.jpg",
            title="Menu",
            text="Please select",
            actions=[
                legacy.PostbackTemplateAction(label="postback", text="postback text",
                                              data="action=buy&itemid=1"),
                legacy.MessageTemplateAction(label="message", text="message text"),
                legacy.URITemplateAction(label="uri", uri="http://example.com/"),
            ]))
    assert buttons.as_json_dict() == {
        "type": "template", "altText": "Buttons template",
        "template": {"type": "buttons", "thumbnailImageUrl": "https://example.com/image.jpg",
                     "title": "Menu", "text": "Please select", "actions": [
                         {"type": "postback", "label": "postback", "text": "postback text",
                          "data": "action=buy&itemid=1"},
                         {"type": "message", "label": "message", "text": "message text"},
                         {"type": "uri", "label": "uri", "uri": "http://example.com/"}]}}
    imagemap = legacy.ImagemapSendMessage(
        base_url="https://example.com/base",
        alt_text="this is an imagemap",
        base_size=legacy.BaseSize(height=1040, width=1040),
        actions=[
            legacy.URIImagemapAction(link_uri="https://example.com/",
                                     area=legacy.ImagemapArea(x=0, y=0, width=520, height=1040)),
            legacy.MessageImagemapAction(text="hello",
                                         area=legacy.ImagemapArea(x=520, y=0, width=520,
                                                                  height=1040)),
        ])
    assert imagemap.as_json_dict()["actions"][1] == {
        "type": "message", "text": "hello",
        "area": {"x": 520, "y": 0, "width": 520, "height": 1040}}
    quick = legacy.TextSendMessage(text="Hello, world", quick_reply=legacy.QuickReply(items=[
        legacy.QuickReplyButton(action=legacy.MessageAction(label="label", text="text"))]))
    assert quick.as_json_dict() == {
        "type": "text", "text": "Hello, world", "quickReply": {"items": [
            {"type": "action", "action": {"type": "message", "label": "label",
                                          "text": "text"}}]}}
    location = legacy.LocationSendMessage(title="my location", address="Tokyo",
                                          latitude=35.65910807942215,
                                          longitude=139.70372892916203)
    assert location.as_json_string() == (
        '{"address": "Tokyo", "latitude": 35.65910807942215, '
        '"longitude": 139.70372892916203, "title": "my location", "type": "location"}')


# -- as_json_dict, as_json_string, new_from_json_dict -------------------------------------------

labels = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                 max_size=20)


@given(text=st.text(min_size=1, max_size=200), buttons=st.lists(labels, max_size=13))
def test_send_messages_round_trip_through_the_legacy_methods(text, buttons):
    quick_reply = legacy.QuickReply(items=[
        legacy.QuickReplyButton(action=legacy.MessageAction(label=label, text=label))
        for label in buttons]) if buttons else None
    message = legacy.TextSendMessage(text=text, quick_reply=quick_reply)
    data = message.as_json_dict()
    assert legacy.TextSendMessage.new_from_json_dict(data) == message
    assert legacy.SendMessage.new_from_json_dict(data) == message  # a family base reads by type
    assert json.loads(message.as_json_string()) == data


EVENT = {"type": "postback", "mode": "active", "timestamp": 1462629479859,
         "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR", "deliveryContext": {"isRedelivery": False},
         "source": {"type": "group", "groupId": "Ca56f94637c", "userId": "U4af4980629"},
         "replyToken": "b60d432864f44d079f6d8efe86cf404b",
         "postback": {"data": "action=buy&itemid=111",
                      "params": {"datetime": "2017-12-25T01:00"}}}


def test_events_read_and_write_their_json():
    event = legacy.Event.new_from_json_dict(EVENT)
    assert type(event) is legacy.PostbackEvent
    assert event.source == legacy.SourceGroup(group_id="Ca56f94637c", user_id="U4af4980629")
    assert event.postback.params["datetime"] == "2017-12-25T01:00"
    assert event.as_json_dict() == EVENT
    assert legacy.PostbackEvent.new_from_json_dict(event.as_json_dict()) == event


def test_the_legacy_methods_are_on_the_core_model_and_nowhere_else():
    for name in ("as_json_dict", "as_json_string", "new_from_json_dict"):
        assert name in vars(Model)
        assert not any(name in vars(getattr(core, cls)) for cls in ("TextSendMessage", "Event"))


# -- exceptions ----------------------------------------------------------------------------------


def test_legacy_exceptions_are_the_core_exceptions():
    assert exceptions.BaseError is errors.LineBotError
    assert exceptions.InvalidSignatureError is errors.InvalidSignatureError
    assert exceptions.LineBotApiError is errors.LineBotApiError
    assert exceptions.__all__ == ["BaseError", "InvalidSignatureError", "LineBotApiError"]
    error = errors.LineBotApiError(404, {"X-Line-Request-Id": "r"}, request_id="r",
                                   error=errors.ErrorResponse(message="Not found"))
    with pytest.raises(exceptions.BaseError):
        raise error
    assert (error.status_code, error.request_id, error.accepted_request_id,
            error.error.message, error.error.details) == (404, "r", None, "Not found", ())
