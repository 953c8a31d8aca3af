"""The legacy models: names, modules, constructors, values, JSON, and the boundary to the core."""

import json

import pytest
from hypothesis import given, strategies as st

import linebot_fp.models as core
from linebot_fp import codec, errors
from linebot_fp.compat import exceptions, models as legacy
from linebot_fp.compat.models._factory import from_core, legacy_class, to_core
from linebot_fp.compat.models._table import LEGACY
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

#: the legacy SDK's own aliases (``linebot.models`` kept them for backward compatibility)
ALIASES = {
    "TemplateAction": "Action",
    "PostbackTemplateAction": "PostbackAction",
    "MessageTemplateAction": "MessageAction",
    "URITemplateAction": "URIAction",
    "DatetimePickerTemplateAction": "DatetimePickerAction",
}
HAND_WRITTEN = {"Base", "And", "Or", "Not", "Content", "MessageContent"}


def test_every_legacy_name_is_exported_and_sorted():
    assert len(LEGACY_NAMES) == 160
    assert len(legacy.__all__) == len(set(legacy.__all__))
    assert set(LEGACY_NAMES) <= set(legacy.__all__)
    in_submodules = {name for classes in LEGACY.values() for name in classes} | {"Operator"}
    assert set(legacy.__all__) - set(LEGACY_NAMES) <= in_submodules  # Mention, Unsend, ...


@pytest.mark.parametrize("name", sorted(set(LEGACY_NAMES) - HAND_WRITTEN))
def test_each_model_name_is_a_legacy_class_standing_for_its_core_class(name):
    value = getattr(legacy, name)
    target = ALIASES.get(name, name)
    core_class = {"Error": errors.ErrorResponse, "ErrorDetail": errors.ErrorDetail}.get(
        name) or getattr(core, target)
    assert value is legacy_class(core_class)
    assert value.__name__ == target
    assert issubclass(value, legacy.Base)
    assert not issubclass(value, Model)


def test_aliases_contents_and_hand_written_names():
    assert legacy.PostbackTemplateAction is legacy.PostbackAction
    assert legacy.MessageContent is legacy.Content is Content
    from linebot_fp.compat.models import responses

    assert responses.Content is Content
    assert issubclass(legacy.And, legacy.Operator)
    assert issubclass(legacy.Operator, legacy.Base)


def test_every_legacy_module_path_is_a_real_module_with_its_names():
    import importlib

    for module, classes in LEGACY.items():
        loaded = importlib.import_module(f"linebot_fp.compat.models.{module}")
        assert set(loaded.__all__) - {"Content"} == set(classes)
        for name in classes:
            cls = getattr(loaded, name)
            assert cls.__module__ == loaded.__name__
            assert cls.__name__ == name
    from linebot_fp.compat.models.base import Base
    from linebot_fp.compat.models.delivery_context import DeliveryContext
    from linebot_fp.compat.models.mention import Mention
    from linebot_fp.compat.models.mentionee import Mentionee
    from linebot_fp.compat.models.operator import And
    from linebot_fp.compat.models.responses import BroadcastResponse
    from linebot_fp.compat.models.unsend import Unsend
    from linebot_fp.compat.models.video_play_complete import VideoPlayComplete

    assert {Base, And, BroadcastResponse, DeliveryContext, Unsend, VideoPlayComplete, Mention,
            Mentionee} <= {getattr(legacy, cls.__name__) for cls in (
                Base, And, BroadcastResponse, DeliveryContext, Unsend, VideoPlayComplete,
                Mention, Mentionee)}
    assert Mentionee(0, 5, "U1").as_json_dict() == {"index": 0, "length": 5, "userId": "U1"}


def test_postback_input_option_constants():
    from linebot_fp.compat.constants import PostbackInputOption, postback_input_option

    assert postback_input_option.PostbackInputOption is PostbackInputOption
    assert (PostbackInputOption.CLOSE_RICH_MENU, PostbackInputOption.OPEN_RICH_MENU,
            PostbackInputOption.OPEN_KEYBOARD, PostbackInputOption.OPEN_VOICE) == (
        "closeRichMenu", "openRichMenu", "openKeyboard", "openVoice")
    action = legacy.PostbackAction(label="l", data="d",
                                   input_option=PostbackInputOption.OPEN_KEYBOARD)
    assert action.as_json_dict()["inputOption"] == "openKeyboard"


def test_one_legacy_class_per_core_class_even_when_threads_race():
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import dataclass

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Fresh(Model):
        value: int | None = None

    with ThreadPoolExecutor(8) as pool:
        made = set(pool.map(lambda _: legacy_class(Fresh), range(64)))
    assert len(made) == 1
    assert made.pop()(value=5).value == 5  # no legacy order: keywords only


def test_newer_objects_get_legacy_classes_on_first_use():
    action = legacy.ClipboardAction(label="copy", clipboard_text="abc")
    assert type(action) is legacy_class(core.ClipboardAction)
    assert isinstance(action, legacy.Action)
    assert action.as_json_dict() == {"type": "clipboard", "label": "copy", "clipboardText": "abc"}
    with pytest.raises(AttributeError):
        legacy.NoSuchModel  # noqa: B018


# -- constructors: legacy order, every argument optional, dicts converted ----------------------


def test_parameters_are_taken_in_the_legacy_positional_order():
    area = legacy.RichMenuArea(legacy.RichMenuBounds(0, 10, 2500, 843),
                               legacy.URIAction("open", "https://example.com"))
    assert area.as_json_dict() == {
        "bounds": {"x": 0, "y": 10, "width": 2500, "height": 843},
        "action": {"type": "uri", "label": "open", "uri": "https://example.com"}}
    image = legacy.ImageSendMessage("https://example.com/o.jpg", "https://example.com/p.jpg")
    assert (image.original_content_url, image.preview_image_url) == (
        "https://example.com/o.jpg", "https://example.com/p.jpg")
    assert legacy.TextSendMessage("hi").text == "hi"
    assert legacy.SourceGroup("G1", "U1").as_json_dict() == {
        "type": "group", "groupId": "G1", "userId": "U1"}
    with pytest.raises(TypeError, match="positional"):
        legacy.RichMenuSize(1, 2, 3)
    with pytest.raises(TypeError, match="multiple values"):
        legacy.RichMenuSize(1, width=2)


def test_every_argument_is_optional_and_unknown_keywords_and_type_are_ignored():
    for name in sorted(set(LEGACY_NAMES) - HAND_WRITTEN - {"Base"}):
        getattr(legacy, name)()  # none raises
    message = legacy.TextSendMessage(type="text", text="a", no_such_field=1)
    assert message.as_json_dict() == {"type": "text", "text": "a"}
    assert not hasattr(message, "no_such_field")


def test_legacy_defaults_are_written_out():
    assert legacy.Limit(max=10).as_json_dict() == {"max": 10, "upToRemainingQuota": False}
    assert legacy.ImageComponent(url="https://e.com/i.png").as_json_dict() == {
        "type": "image", "url": "https://e.com/i.png", "animated": False}
    first, second = legacy.ButtonsTemplate(text="a"), legacy.ButtonsTemplate(text="b")
    assert first.actions == []
    assert first.actions is not second.actions


def test_nested_json_dicts_become_models_with_camel_or_snake_keys():
    emoji = {"index": 0, "productId": "5ac1bfd5040ab15980c9b435", "emojiId": "001"}
    message = legacy.TextSendMessage(text="$", emojis=[emoji])
    assert type(message.emojis[0]) is legacy.Emojis
    assert message.emojis[0].product_id == "5ac1bfd5040ab15980c9b435"
    video = legacy.VideoComponent(url="https://e.com/v.mp4", preview_url="https://e.com/p.png",
                                  alt_content={"type": "box", "layout": "vertical",
                                               "contents": [], "background_color": "#ffffff"})
    assert type(video.alt_content) is legacy.BoxComponent
    assert video.as_json_dict()["altContent"] == {
        "type": "box", "layout": "vertical", "contents": [], "backgroundColor": "#ffffff"}
    flex = legacy.FlexSendMessage(alt_text="hi", contents={
        "type": "bubble", "body": {"type": "box", "layout": "vertical",
                                   "contents": [{"type": "text", "text": "hello"}]}})
    assert type(flex.contents) is legacy.BubbleContainer
    assert type(flex.contents.body.contents[0]) is legacy.TextComponent
    button = legacy.QuickReplyButton(action={"type": "postback", "label": "l", "data": "d"})
    assert type(button.action) is legacy.PostbackAction


def test_camel_case_keywords_are_read_as_their_attribute():
    menu = legacy.RichMenu(size=legacy.RichMenuSize(2500, 843), selected=False, name="menu",
                           chatBarText="tap", areas=[])
    assert menu.chat_bar_text == "tap"


# -- values: mutable, lists, str and repr as JSON, equality by JSON -----------------------------


def test_values_are_mutable_with_lists_and_print_as_json():
    ids = legacy.MemberIds(member_ids=("U1", "U2"), next="t")
    assert ids.member_ids == ["U1", "U2"]
    ids.member_ids.append("U3")
    ids.next = None
    assert str(ids) == repr(ids) == '{"memberIds": ["U1", "U2", "U3"]}'
    profile = legacy.Profile(display_name="Brown")
    profile.display_name = "Cony"
    assert str(profile) == '{"displayName": "Cony"}'


def test_equality_is_by_json_value():
    assert legacy.TextSendMessage(text="a") == legacy.TextSendMessage("a")
    assert legacy.TextSendMessage(text="a") != legacy.TextSendMessage(text="b")
    assert legacy.TextSendMessage(text="a") == core.TextSendMessage(text="a")
    assert legacy.TextSendMessage(text="a") != None  # noqa: E711
    assert legacy.TextSendMessage(text="a") != "a"
    with pytest.raises(TypeError):
        hash(legacy.TextSendMessage(text="a"))


def test_the_core_is_left_as_it_was():
    for name in ("as_json_dict", "as_json_string", "new_from_json_dict"):
        assert name not in vars(Model)
    with pytest.raises(TypeError):
        core.TextSendMessage("positional")  # the core stays keyword-only
    message = core.TextSendMessage(text="a")
    with pytest.raises(AttributeError):
        message.text = "b"  # and frozen


# -- Base, subclassed by users -------------------------------------------------------------------


class Coupon(legacy.Base):
    """A user's own model, written the legacy way."""

    def __init__(self, coupon_id=None, valid_until=None, tags=None, **kwargs):
        super().__init__(**kwargs)
        self.coupon_id = coupon_id
        self.valid_until = valid_until
        self.tags = tags


def test_users_subclass_base_with_plain_attributes():
    coupon = Coupon(coupon_id="c1", tags=["a"], ignored=1)
    assert coupon.as_json_dict() == {"couponId": "c1", "tags": ["a"]}
    assert str(coupon) == '{"couponId": "c1", "tags": ["a"]}'
    again = Coupon.new_from_json_dict({"couponId": "c1", "validUntil": 1, "tags": ["a"]})
    assert (again.coupon_id, again.valid_until) == ("c1", 1)
    assert again != coupon
    again.valid_until = None
    assert again == coupon
    with pytest.raises(TypeError, match="keyword"):
        legacy.Base("x")


def test_base_helpers_get_or_build_models():
    base = legacy.Base
    quick = base.get_or_new_from_json_dict({"items": []}, legacy.QuickReply)
    assert type(quick) is legacy.QuickReply
    assert base.get_or_new_from_json_dict(quick, legacy.QuickReply) is quick
    assert base.get_or_new_from_json_dict("nope", legacy.QuickReply) is None
    types = {"user": legacy.SourceUser, "group": legacy.SourceGroup}
    source = base.get_or_new_from_json_dict_with_types({"type": "group", "groupId": "G"}, types)
    assert type(source) is legacy.SourceGroup
    assert base.get_or_new_from_json_dict_with_types({"type": "room"}, types) is None


# -- the boundary: legacy values and core values send the same JSON -----------------------------


def test_legacy_and_core_values_convert_both_ways_with_the_same_json():
    built = legacy.TemplateSendMessage(
        "alt", legacy.ConfirmTemplate("Sure?", [legacy.MessageAction("yes", "yes"),
                                                {"type": "message", "label": "no", "text": "no"}]))
    made = to_core(built, core.SendMessage)
    assert made == core.TemplateSendMessage(alt_text="alt", template=core.ConfirmTemplate(
        text="Sure?", actions=[core.MessageAction(label="yes", text="yes"),
                               core.MessageAction(label="no", text="no")]))
    assert codec.unstructure(made) == built.as_json_dict()
    back = from_core(made)
    assert type(back) is legacy.TemplateSendMessage
    assert back == built
    assert to_core(made, core.SendMessage) is made


def test_operators_become_core_operators_by_where_they_are_used():
    recipient = legacy.And(legacy.AudienceRecipient(1), legacy.Not(legacy.RedeliveryRecipient("r")))
    assert to_core(recipient, core.Recipient) == core.And(
        core.AudienceRecipient(audience_group_id=1),
        core.Not(core.RedeliveryRecipient(request_id="r")))
    demographic = legacy.Filter(demographic=legacy.Or(legacy.AgeFilter(gte="age_20"),
                                                      legacy.GenderFilter(one_of=["male"])))
    assert codec.unstructure(to_core(demographic, core.Filter)) == demographic.as_json_dict()


def test_an_incomplete_legacy_value_is_refused_at_the_boundary_naming_the_field():
    with pytest.raises(errors.InvalidInputError, match="text"):
        to_core(legacy.TextSendMessage(), core.SendMessage)


def test_a_users_own_message_class_goes_out_as_its_json():
    class Custom(legacy.Base):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.type = "futureType"
            self.some_value = 1

    made = to_core(Custom(), core.SendMessage)
    assert codec.unstructure(made) == {"type": "futureType", "someValue": 1}


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


# -- exceptions ----------------------------------------------------------------------------------


def test_legacy_exceptions_subclass_the_core_exceptions():
    assert issubclass(exceptions.BaseError, errors.LineBotError)
    assert issubclass(exceptions.InvalidSignatureError, errors.InvalidSignatureError)
    assert issubclass(exceptions.LineBotApiError, errors.LineBotApiError)
    assert exceptions.__all__ == ["BaseError", "InvalidSignatureError", "LineBotApiError"]
    assert str(exceptions.InvalidSignatureError("bad")) == "<InvalidSignatureError [bad]>"


def test_line_bot_api_error_reads_as_the_legacy_one():
    headers = {"X-Line-Request-Id": "r1"}
    error = exceptions.LineBotApiError(
        status_code=400, headers=headers, request_id="r1",
        error=legacy.Error(message="The request body has 1 error(s)", details=[
            legacy.ErrorDetail(message="May not be empty", property="messages[0].text")]))
    assert str(error) == (
        "LineBotApiError: status_code=400, request_id=r1, error_response="
        '{"details": [{"message": "May not be empty", "property": "messages[0].text"}], '
        '"message": "The request body has 1 error(s)"}, '
        "headers={'X-Line-Request-Id': 'r1'}")
    assert error.message == "The request body has 1 error(s)"
    assert error.error.details[0].property == "messages[0].text"
    accepted = exceptions.LineBotApiError(409, {}, "r2", "r1", legacy.Error(message="taken"))
    assert str(accepted) == (
        "LineBotApiError: status_code=409, request_id=r2, accepted_request_id=r1, "
        'error_response={"details": [], "message": "taken"}, headers={}')


def test_a_core_error_becomes_the_legacy_error_keeping_everything():
    core_error = errors.LineBotApiError(404, {"X-Line-Request-Id": "r"}, request_id="r",
                                        error=errors.ErrorResponse(message="Not found"),
                                        body=b'{"message":"Not found"}')
    error = exceptions.LineBotApiError.from_core(core_error)
    assert (error.status_code, error.request_id, error.body) == (404, "r", core_error.body)
    assert type(error.error) is legacy.Error
    assert error.error.message == "Not found"
    assert isinstance(error, errors.LineBotApiError)


def test_legacy_utils():
    from linebot_fp.compat import utils

    assert utils.to_snake_case("mediaPlayed25Percent") == "media_played_25_percent"
    assert utils.to_snake_case("originalContentUrl") == "original_content_url"
    assert utils.to_camel_case("original_content_url") == "originalContentUrl"
    assert utils.safe_compare_digest("abc", "abc")
    assert not utils.safe_compare_digest(b"abc", b"abd")
    with pytest.raises(TypeError):
        utils.safe_compare_digest("abc", b"abc")
    assert utils.PY3 is True
