"""Received models: every event, source and message content of webhook.yml (plus LINE Things).

Each case is the JSON LINE sends -> the exact model it must decode to. The
schema tests read webhook.yml's facts (tests/spec_facts.json, generated from the spec)
and fail listing any schema or property without a model field.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import pytest
from facts_support import FACTS, properties
from hypothesis import given, settings, strategies as st

from linebot_fp.codec import dumps, structure, unstructure, wire_key
from linebot_fp.errors import InvalidInputError, InvalidPayloadError
from linebot_fp.models import (
    AccountLinkEvent,
    ActionResult,
    ActivatedEvent,
    AllMentionee,
    AttachedModuleContent,
    AudioMessage,
    Beacon,
    BeaconEvent,
    BotResumedEvent,
    BotSuspendedEvent,
    ChatControl,
    ContentProvider,
    DeactivatedEvent,
    DeliveryContext,
    DetachedModuleContent,
    DeviceLink,
    DeviceUnlink,
    Emojis,
    Event,
    FileMessage,
    Follow,
    FollowEvent,
    ImageMessage,
    ImageSet,
    Joined,
    JoinedMembershipContent,
    JoinEvent,
    LeaveEvent,
    Left,
    LeftMembershipContent,
    Link,
    LocationMessage,
    MemberJoinedEvent,
    MemberLeftEvent,
    MembershipContent,
    MembershipEvent,
    Mention,
    Mentionee,
    Message,
    MessageEditedEvent,
    MessageEvent,
    ModuleContent,
    ModuleEvent,
    PnpDelivery,
    PnpDeliveryCompletionEvent,
    Postback,
    PostbackEvent,
    PostbackParams,
    RenewedMembershipContent,
    ScenarioResult,
    ScenarioResultDetail,
    Source,
    SourceGroup,
    SourceRoom,
    SourceUser,
    StickerMessage,
    TextMessage,
    Things,
    ThingsEvent,
    UnfollowEvent,
    UnknownEvent,
    UnknownMembershipContent,
    UnknownMentionee,
    UnknownMessage,
    UnknownModuleContent,
    UnknownSource,
    UnknownThings,
    Unsend,
    UnsendEvent,
    UserMentionee,
    VideoMessage,
    VideoPlayComplete,
    VideoPlayCompleteEvent,
)
from linebot_fp.webhook import WebhookPayload

USER = "U4af4980629000000000000000000000a"
GROUP = "Ca56f94637c0000000000000000000000"
ROOM = "Ra8dbf4673c0000000000000000000000"
TOKEN = "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"
EVENT_ID = "01FZ74A0TDDPYRVKNK77XKC3ZR"

WIRE_USER = {"type": "user", "userId": USER}
MODEL_USER = SourceUser(user_id=USER)
COMMON_WIRE: dict[str, Any] = {
    "timestamp": 1462629479859,
    "source": WIRE_USER,
    "mode": "active",
    "webhookEventId": EVENT_ID,
    "deliveryContext": {"isRedelivery": False},
}
COMMON: dict[str, Any] = {
    "timestamp": 1462629479859,
    "source": MODEL_USER,
    "mode": "active",
    "webhook_event_id": EVENT_ID,
    "delivery_context": DeliveryContext(is_redelivery=False),
}


def wire_event(type_: str, **fields: Any) -> dict[str, Any]:
    return {"type": type_, **COMMON_WIRE, **fields}


def message_event(message: dict[str, Any]) -> dict[str, Any]:
    return wire_event("message", replyToken=TOKEN, message=message)


# -- every event type ------------------------------------------------------------------------------

EVENT_CASES: list[tuple[dict[str, Any], Event]] = [
    (
        message_event({"type": "text", "id": "14353798921116", "text": "Hello, world",
                       "quoteToken": "q3Plxr4AgKd", "markAsReadToken": "30yhdy232"}),
        MessageEvent(**COMMON, reply_token=TOKEN, message=TextMessage(
            id="14353798921116", text="Hello, world", quote_token="q3Plxr4AgKd",
            mark_as_read_token="30yhdy232")),
    ),
    (
        wire_event("messageEdited", replyToken=TOKEN,
                   source={"type": "group", "groupId": GROUP, "userId": USER},
                   message={"type": "text", "id": "14353798921116", "text": "Hello, edited",
                            "quoteToken": "q3Plxr4AgKd"}),
        MessageEditedEvent(**{**COMMON, "source": SourceGroup(group_id=GROUP, user_id=USER)},
                           reply_token=TOKEN, message=TextMessage(
                               id="14353798921116", text="Hello, edited",
                               quote_token="q3Plxr4AgKd")),
    ),
    (
        wire_event("unsend", unsend={"messageId": "325708"}),
        UnsendEvent(**COMMON, unsend=Unsend(message_id="325708")),
    ),
    (
        wire_event("follow", replyToken=TOKEN, follow={"isUnblocked": True}),
        FollowEvent(**COMMON, reply_token=TOKEN, follow=Follow(is_unblocked=True)),
    ),
    (wire_event("unfollow"), UnfollowEvent(**COMMON)),
    (
        wire_event("join", replyToken=TOKEN, source={"type": "group", "groupId": GROUP}),
        JoinEvent(**{**COMMON, "source": SourceGroup(group_id=GROUP)}, reply_token=TOKEN),
    ),
    (
        wire_event("leave", source={"type": "room", "roomId": ROOM}),
        LeaveEvent(**{**COMMON, "source": SourceRoom(room_id=ROOM)}),
    ),
    (
        wire_event("memberJoined", replyToken=TOKEN, source={"type": "group", "groupId": GROUP},
                   joined={"members": [WIRE_USER, {"type": "user", "userId": "U2"}]}),
        MemberJoinedEvent(**{**COMMON, "source": SourceGroup(group_id=GROUP)}, reply_token=TOKEN,
                          joined=Joined(members=(MODEL_USER, SourceUser(user_id="U2")))),
    ),
    (
        wire_event("memberLeft", source={"type": "group", "groupId": GROUP},
                   left={"members": [WIRE_USER]}),
        MemberLeftEvent(**{**COMMON, "source": SourceGroup(group_id=GROUP)},
                        left=Left(members=(MODEL_USER,))),
    ),
    (
        wire_event("postback", replyToken=TOKEN, postback={
            "data": "storeId=12345", "params": {"datetime": "2017-12-25T01:00"}}),
        PostbackEvent(**COMMON, reply_token=TOKEN, postback=Postback(
            data="storeId=12345", params=PostbackParams(datetime="2017-12-25T01:00"))),
    ),
    (
        wire_event("postback", replyToken=TOKEN, postback={
            "data": "richmenu-changed-to-b",
            "params": {"newRichMenuAliasId": "richmenu-alias-b", "status": "SUCCESS"}}),
        PostbackEvent(**COMMON, reply_token=TOKEN, postback=Postback(
            data="richmenu-changed-to-b",
            params=PostbackParams(new_rich_menu_alias_id="richmenu-alias-b", status="SUCCESS"))),
    ),
    (
        wire_event("videoPlayComplete", replyToken=TOKEN,
                   videoPlayComplete={"trackingId": "track-id"}),
        VideoPlayCompleteEvent(**COMMON, reply_token=TOKEN,
                               video_play_complete=VideoPlayComplete(tracking_id="track-id")),
    ),
    (
        wire_event("beacon", replyToken=TOKEN,
                   beacon={"hwid": "d41d8cd98f", "type": "enter", "dm": "1234567890abcdef"}),
        BeaconEvent(**COMMON, reply_token=TOKEN,
                    beacon=Beacon(hwid="d41d8cd98f", type="enter", dm="1234567890abcdef")),
    ),
    (
        wire_event("accountLink", replyToken=TOKEN,
                   link={"result": "ok", "nonce": "xxxxxxxxxxxxxxx"}),
        AccountLinkEvent(**COMMON, reply_token=TOKEN,
                         link=Link(result="ok", nonce="xxxxxxxxxxxxxxx")),
    ),
    (
        wire_event("accountLink", link={"result": "failed", "nonce": "n"}),
        AccountLinkEvent(**COMMON, link=Link(result="failed", nonce="n")),
    ),
    (
        wire_event("membership", replyToken=TOKEN,
                   membership={"type": "joined", "membershipId": 3189}),
        MembershipEvent(**COMMON, reply_token=TOKEN,
                        membership=JoinedMembershipContent(membership_id=3189)),
    ),
    (
        wire_event("membership", replyToken=TOKEN, membership={"type": "left", "membershipId": 3}),
        MembershipEvent(**COMMON, reply_token=TOKEN,
                        membership=LeftMembershipContent(membership_id=3)),
    ),
    (
        wire_event("membership", replyToken=TOKEN,
                   membership={"type": "renewed", "membershipId": 4}),
        MembershipEvent(**COMMON, reply_token=TOKEN,
                        membership=RenewedMembershipContent(membership_id=4)),
    ),
    (
        wire_event("membership", replyToken=TOKEN,
                   membership={"type": "upgraded", "membershipId": 5, "to": 6}),
        MembershipEvent(**COMMON, reply_token=TOKEN, membership=UnknownMembershipContent(
            membership_id=5, raw={"type": "upgraded", "membershipId": 5, "to": 6})),
    ),
    (
        wire_event("module", module={"type": "attached", "botId": "U111",
                                     "scopes": ["message:send", "message:receive"]}),
        ModuleEvent(**COMMON, module=AttachedModuleContent(
            bot_id="U111", scopes=("message:send", "message:receive"))),
    ),
    (
        wire_event("module", module={"type": "detached", "botId": "U111", "reason": "bot_deleted"}),
        ModuleEvent(**COMMON, module=DetachedModuleContent(bot_id="U111", reason="bot_deleted")),
    ),
    (
        wire_event("module", module={"type": "paused", "botId": "U111"}),
        ModuleEvent(**COMMON, module=UnknownModuleContent(raw={"type": "paused", "botId": "U111"})),
    ),
    (
        wire_event("activated", chatControl={"expireAt": 1608630000000}),
        ActivatedEvent(**COMMON, chat_control=ChatControl(expire_at=1608630000000)),
    ),
    (wire_event("deactivated"), DeactivatedEvent(**COMMON)),
    (wire_event("botSuspended"), BotSuspendedEvent(**COMMON)),
    (wire_event("botResumed"), BotResumedEvent(**COMMON)),
    (
        wire_event("delivery", delivery={"data": "hashed-phone-number"}),
        PnpDeliveryCompletionEvent(**COMMON, delivery=PnpDelivery(data="hashed-phone-number")),
    ),
    (
        wire_event("things", replyToken=TOKEN, things={"deviceId": "t2016", "type": "link"}),
        ThingsEvent(**COMMON, reply_token=TOKEN, things=DeviceLink(device_id="t2016")),
    ),
    (
        wire_event("things", replyToken=TOKEN, things={"deviceId": "t2016", "type": "unlink"}),
        ThingsEvent(**COMMON, reply_token=TOKEN, things=DeviceUnlink(device_id="t2016")),
    ),
    (
        wire_event("things", replyToken=TOKEN, things={
            "type": "scenarioResult", "deviceId": "t2016",
            "result": {"scenarioId": "dummy_scenario_id", "revision": 2,
                       "startTime": 1547817845950, "endTime": 1547817845952,
                       "resultCode": "success",
                       "actionResults": [{"type": "binary", "data": "/w=="}, {"type": "void"}],
                       "bleNotificationPayload": "AQ==", "errorReason": "none"}}),
        ThingsEvent(**COMMON, reply_token=TOKEN, things=ScenarioResult(
            device_id="t2016", result=ScenarioResultDetail(
                scenario_id="dummy_scenario_id", revision=2, start_time=1547817845950,
                end_time=1547817845952, result_code="success",
                action_results=(ActionResult(type="binary", data="/w=="),
                                ActionResult(type="void")),
                ble_notification_payload="AQ==", error_reason="none"))),
    ),
    (
        wire_event("things", things={"deviceId": "t2016", "type": "firmwareUpdated"}),
        ThingsEvent(**COMMON, things=UnknownThings(
            device_id="t2016", raw={"deviceId": "t2016", "type": "firmwareUpdated"})),
    ),
    (
        wire_event("hologram", hologram={"depth": 3}),
        UnknownEvent(**COMMON, raw=wire_event("hologram", hologram={"depth": 3})),
    ),
]

# -- every message content type, inside a message event --------------------------------------------

MESSAGE_CASES: list[tuple[dict[str, Any], Message]] = [
    (
        {"type": "text", "id": "1", "text": "Hello, world! (love) $", "quoteToken": "q",
         "emojis": [{"index": 21, "length": 6, "productId": "5ac1bfd5040ab15980c9b435",
                     "emojiId": "001"}],
         "mention": {"mentionees": [
             {"index": 0, "length": 4, "type": "user", "userId": USER, "isSelf": False},
             {"index": 5, "length": 4, "type": "all"},
             {"index": 9, "length": 3, "type": "role", "roleId": "R1"}]},
         "quotedMessageId": "468789577898262530"},
        TextMessage(
            id="1", text="Hello, world! (love) $", quote_token="q",
            emojis=(Emojis(index=21, length=6, product_id="5ac1bfd5040ab15980c9b435",
                           emoji_id="001"),),
            mention=Mention(mentionees=(
                UserMentionee(index=0, length=4, user_id=USER, is_self=False),
                AllMentionee(index=5, length=4),
                UnknownMentionee(index=9, length=3,
                                 raw={"index": 9, "length": 3, "type": "role", "roleId": "R1"}),
            )),
            quoted_message_id="468789577898262530"),
    ),
    (
        {"type": "image", "id": "2", "quoteToken": "q",
         "contentProvider": {"type": "line"},
         "imageSet": {"id": "E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855",
                      "index": 1, "total": 2}},
        ImageMessage(id="2", quote_token="q", content_provider=ContentProvider(type="line"),
                     image_set=ImageSet(
                         id="E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855",
                         index=1, total=2)),
    ),
    (
        {"type": "image", "id": "3",
         "contentProvider": {"type": "external", "originalContentUrl": "https://example.com/o.jpg",
                             "previewImageUrl": "https://example.com/p.jpg"}},
        ImageMessage(id="3", content_provider=ContentProvider(
            type="external", original_content_url="https://example.com/o.jpg",
            preview_image_url="https://example.com/p.jpg")),
    ),
    (
        {"type": "video", "id": "4", "duration": 60000, "quoteToken": "q",
         "contentProvider": {"type": "external", "originalContentUrl": "https://example.com/v.mp4",
                             "previewImageUrl": "https://example.com/v.jpg"}},
        VideoMessage(id="4", duration=60000, quote_token="q", content_provider=ContentProvider(
            type="external", original_content_url="https://example.com/v.mp4",
            preview_image_url="https://example.com/v.jpg")),
    ),
    (
        {"type": "audio", "id": "5", "duration": 60000, "contentProvider": {"type": "line"},
         "markAsReadToken": "m"},
        AudioMessage(id="5", duration=60000, content_provider=ContentProvider(type="line"),
                     mark_as_read_token="m"),
    ),
    (
        {"type": "file", "id": "6", "fileName": "file.txt", "fileSize": 2138},
        FileMessage(id="6", file_name="file.txt", file_size=2138),
    ),
    (
        {"type": "location", "id": "7", "title": "my location",
         "address": "1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan",
         "latitude": 35.67966, "longitude": 139},
        LocationMessage(id="7", title="my location",
                        address="1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan",
                        latitude=35.67966, longitude=139),
    ),
    (
        {"type": "sticker", "id": "8", "packageId": "1", "stickerId": "1",
         "stickerResourceType": "MESSAGE", "keywords": ["Anticipation", "Sparkle"],
         "text": "Let's hang out this weekend!", "quoteToken": "q", "quotedMessageId": "9"},
        StickerMessage(id="8", package_id="1", sticker_id="1", sticker_resource_type="MESSAGE",
                       keywords=("Anticipation", "Sparkle"), text="Let's hang out this weekend!",
                       quote_token="q", quoted_message_id="9"),
    ),
    (
        {"type": "hologram", "id": "9", "markAsReadToken": "m", "depth": 3},
        UnknownMessage(id="9", mark_as_read_token="m",
                       raw={"type": "hologram", "id": "9", "markAsReadToken": "m", "depth": 3}),
    ),
]

SOURCE_CASES: list[tuple[dict[str, Any], Source, str | None]] = [
    (WIRE_USER, MODEL_USER, USER),
    ({"type": "user"}, SourceUser(), None),
    ({"type": "group", "groupId": GROUP, "userId": USER},
     SourceGroup(group_id=GROUP, user_id=USER), GROUP),
    ({"type": "group", "groupId": GROUP}, SourceGroup(group_id=GROUP), GROUP),
    ({"type": "room", "roomId": ROOM, "userId": USER},
     SourceRoom(room_id=ROOM, user_id=USER), ROOM),
    ({"type": "square", "squareChatId": "S1", "userId": USER},
     UnknownSource(user_id=USER, raw={"type": "square", "squareChatId": "S1", "userId": USER}),
     USER),
]


@pytest.mark.parametrize(("wire", "expected"), EVENT_CASES,
                         ids=[f"{w['type']}-{i}" for i, (w, _) in enumerate(EVENT_CASES)])
def test_every_event_decodes_to_its_model(wire: dict[str, Any], expected: Event) -> None:
    event = structure(wire, Event)
    assert event == expected
    assert type(event) is type(expected)
    assert event.type == wire["type"]


@pytest.mark.parametrize(("wire", "expected"), MESSAGE_CASES,
                         ids=[w["type"] for w, _ in MESSAGE_CASES])
def test_every_message_content_decodes_to_its_model(
    wire: dict[str, Any], expected: Message
) -> None:
    event = structure(message_event(wire), Event)
    assert event == MessageEvent(**COMMON, reply_token=TOKEN, message=expected)
    assert isinstance(event, MessageEvent)
    assert type(event.message) is type(expected)
    assert event.message.type == wire["type"]


@pytest.mark.parametrize(("wire", "expected", "sender_id"), SOURCE_CASES,
                         ids=[f"{w['type']}-{i}" for i, (w, _, _) in enumerate(SOURCE_CASES)])
def test_every_source_decodes_to_its_model(
    wire: dict[str, Any], expected: Source, sender_id: str | None
) -> None:
    event = structure(wire_event("unfollow", source=wire), Event)
    assert event.source == expected
    assert type(event.source) is type(expected)
    assert event.source is not None
    assert event.source.type == wire["type"]
    assert event.source.sender_id == sender_id


KNOWN_MEMBERS: list[tuple[type, str]] = [
    (MessageEvent, "message"), (MessageEditedEvent, "messageEdited"), (UnsendEvent, "unsend"),
    (FollowEvent, "follow"), (UnfollowEvent, "unfollow"), (JoinEvent, "join"),
    (LeaveEvent, "leave"),
    (MemberJoinedEvent, "memberJoined"), (MemberLeftEvent, "memberLeft"),
    (PostbackEvent, "postback"), (VideoPlayCompleteEvent, "videoPlayComplete"),
    (BeaconEvent, "beacon"), (AccountLinkEvent, "accountLink"), (ThingsEvent, "things"),
    (MembershipEvent, "membership"), (ModuleEvent, "module"), (ActivatedEvent, "activated"),
    (DeactivatedEvent, "deactivated"), (BotSuspendedEvent, "botSuspended"),
    (BotResumedEvent, "botResumed"), (PnpDeliveryCompletionEvent, "delivery"),
    (SourceUser, "user"), (SourceGroup, "group"), (SourceRoom, "room"),
    (TextMessage, "text"), (ImageMessage, "image"), (VideoMessage, "video"),
    (AudioMessage, "audio"), (FileMessage, "file"), (LocationMessage, "location"),
    (StickerMessage, "sticker"), (UserMentionee, "user"), (AllMentionee, "all"),
    (DeviceLink, "link"), (DeviceUnlink, "unlink"), (ScenarioResult, "scenarioResult"),
    (JoinedMembershipContent, "joined"), (LeftMembershipContent, "left"),
    (RenewedMembershipContent, "renewed"), (AttachedModuleContent, "attached"),
    (DetachedModuleContent, "detached"),
]


def test_every_event_type_of_the_table_is_covered_by_a_case() -> None:
    events = {cls for cls, _ in KNOWN_MEMBERS if issubclass(cls, Event)}
    decoded = {type(expected) for _, expected in EVENT_CASES}
    assert events <= decoded
    assert UnknownEvent in decoded


@pytest.mark.parametrize(("cls", "tag"), KNOWN_MEMBERS, ids=[c.__name__ for c, _ in KNOWN_MEMBERS])
def test_type_is_a_class_attribute_not_an_init_argument(cls: type, tag: str) -> None:
    assert cls.type == tag  # type: ignore[attr-defined]
    assert "type" not in {f.name for f in dataclasses.fields(cls)}


# -- leniency --------------------------------------------------------------------------------------


def test_fields_added_later_default_to_none() -> None:
    event = structure({"type": "message", "timestamp": 1, "replyToken": "r",
                       "source": {"type": "user", "userId": "U1"},
                       "message": {"type": "text", "id": "1", "text": "hi"}}, Event)
    assert event == MessageEvent(timestamp=1, reply_token="r", source=SourceUser(user_id="U1"),
                                 message=TextMessage(id="1", text="hi"))
    assert isinstance(event, MessageEvent)
    assert event.mode is None
    assert event.webhook_event_id is None
    assert event.delivery_context is None
    assert isinstance(event.message, TextMessage)
    assert event.message.quote_token is None
    assert event.message.mark_as_read_token is None


def test_unknown_message_type_keeps_the_reply_token_and_source() -> None:
    event = structure(message_event({"type": "hologram", "id": "1"}), Event)
    assert isinstance(event, MessageEvent)
    assert event.reply_token == TOKEN
    assert event.source == MODEL_USER
    assert event.message == UnknownMessage(id="1", raw={"type": "hologram", "id": "1"})
    assert event.message.type == "hologram"


def test_known_message_type_in_a_shape_we_cannot_read_degrades_only_the_message() -> None:
    event = structure(message_event({"type": "text", "id": "1"}), Event)  # no "text"
    assert isinstance(event, MessageEvent)
    assert event.message == UnknownMessage(id="1", raw={"type": "text", "id": "1"})


def test_null_in_a_required_field_degrades_to_unknown() -> None:
    event = structure(message_event({"type": "file", "id": "1", "fileName": None,
                                     "fileSize": 3}), Event)
    assert isinstance(event, MessageEvent)
    assert isinstance(event.message, UnknownMessage)


@pytest.mark.parametrize("wire", [
    {"type": "message", "timestamp": 1, "source": WIRE_USER},  # no message
    {"type": "message", "timestamp": 1, "source": WIRE_USER, "message": "text"},
    {"type": "postback", "timestamp": 1, "postback": {"params": {}}},  # no data
    {"type": "unfollow", "source": WIRE_USER},  # no timestamp
    {"type": "memberJoined", "timestamp": 1, "joined": {"members": 3}},
    {"type": 7, "timestamp": 1},
    {"type": ["message"], "timestamp": 1},
    {},
])
def test_an_event_that_cannot_be_read_becomes_unknown_with_its_raw(wire: dict[str, Any]) -> None:
    event = structure(wire, Event)
    assert isinstance(event, UnknownEvent)
    assert isinstance(event, Event)
    assert event.raw == wire
    if "source" in wire:
        assert event.source == MODEL_USER  # the common fields that can be read are kept


def test_unknown_event_keeps_the_common_fields_it_can_read_and_raw_whole() -> None:
    wire = {"type": "hologram", "timestamp": 1, "source": "nowhere"}
    assert structure(wire, Event) == UnknownEvent(raw=wire, timestamp=1)


def test_unknown_keys_in_known_objects_are_ignored() -> None:
    event = structure(wire_event("unsend", unsend={"messageId": "1", "extra": 2}, extra=[1]), Event)
    assert event == UnsendEvent(**COMMON, unsend=Unsend(message_id="1"))


def test_enum_like_values_are_plain_strings() -> None:
    event = structure({**message_event({"type": "sticker", "id": "1", "packageId": "1",
                                        "stickerId": "2", "stickerResourceType": "HOLOGRAM"}),
                       "mode": "dormant"}, Event)
    assert isinstance(event, MessageEvent)
    assert event.mode == "dormant"
    assert isinstance(event.message, StickerMessage)
    assert event.message.sticker_resource_type == "HOLOGRAM"


def test_redelivered_event_and_standby_mode() -> None:
    event = structure({**message_event({"type": "text", "id": "1", "text": "x"}),
                       "mode": "standby", "deliveryContext": {"isRedelivery": True}}, Event)
    event_without_token = structure({k: v for k, v in message_event(
        {"type": "text", "id": "1", "text": "x"}).items() if k != "replyToken"}, Event)
    assert isinstance(event, MessageEvent)
    assert event.delivery_context == DeliveryContext(is_redelivery=True)
    assert event.mode == "standby"
    assert isinstance(event_without_token, MessageEvent)
    assert event_without_token.reply_token is None


def test_unknown_members_are_constructible_from_raw_alone() -> None:
    raw = {"type": "hologram"}
    unknowns = [UnknownEvent(raw=raw), UnknownMessage(raw=raw), UnknownSource(raw=raw),
                UnknownMentionee(raw=raw), UnknownThings(raw=raw),
                UnknownMembershipContent(raw=raw), UnknownModuleContent(raw=raw)]
    bases = [Event, Message, Source, Mentionee, Things, MembershipContent, ModuleContent]
    for unknown, base in zip(unknowns, bases, strict=True):
        assert isinstance(unknown, base)
        assert unknown.type == "hologram"
        assert unstructure(unknown) == raw
    assert UnknownEvent(raw={}).type == ""


# -- postback params, beacon -----------------------------------------------------------------------


def test_postback_params_read_like_the_legacy_dict() -> None:
    params = PostbackParams(date="2017-12-25", new_rich_menu_alias_id="alias-b")
    assert params["date"] == "2017-12-25"
    assert params.get("newRichMenuAliasId") == "alias-b"
    assert params.get("time") is None
    assert params.get("new_rich_menu_alias_id") is None  # wire keys only
    assert "date" in params
    assert "datetime" not in params
    assert dict(params) == {"date": "2017-12-25", "newRichMenuAliasId": "alias-b"}
    assert len(params) == 2
    assert list(params) == ["date", "newRichMenuAliasId"]
    with pytest.raises(KeyError):
        params["time"]
    assert params == PostbackParams(date="2017-12-25", new_rich_menu_alias_id="alias-b")
    assert hash(params) == hash(PostbackParams(date="2017-12-25", new_rich_menu_alias_id="alias-b"))
    assert unstructure(params) == {"date": "2017-12-25", "newRichMenuAliasId": "alias-b"}


def test_postback_params_keep_every_key_line_sends() -> None:
    params_json = {"datetime": "2017-12-25T01:00", "newKey": "v", "nested": {"a": [1]},
                   "status": "SUCCESS"}
    wire = wire_event("postback", replyToken="r", postback={"data": "d", "params": params_json})
    event = structure(wire, Event)
    assert isinstance(event, PostbackEvent)
    params = event.postback.params
    assert params is not None
    assert params.datetime == "2017-12-25T01:00"
    assert params.status == "SUCCESS"
    assert params.date is None
    assert params["newKey"] == "v"
    assert params.get("nested") == {"a": [1]}
    assert params.raw == params_json
    assert dict(params) == params_json
    assert unstructure(event) == wire  # the same JSON back
    assert json.loads(dumps(event)) == wire
    assert structure(json.loads(dumps(event)), Event) == event
    assert hash(event) == hash(structure(wire, Event))  # equality and hashing still work
    assert event == structure(wire, Event)
    other = structure(wire_event("postback", replyToken="r", postback={
        "data": "d", "params": {**params_json, "newKey": "w"}}), Event)
    assert other != event  # an unknown key takes part in equality


def test_postback_params_made_by_hand_fill_raw_and_attributes_win() -> None:
    assert PostbackParams(date="2024-01-01").raw == {"date": "2024-01-01"}
    assert PostbackParams(raw={"date": "2024-01-01", "x": "1"}).date == "2024-01-01"
    both = PostbackParams(date="given", raw={"date": "in raw", "x": "1"})
    assert both.date == "given"
    assert both.raw == {"date": "given", "x": "1"}
    assert PostbackParams(raw={"date": "a"}) == PostbackParams(date="a")
    assert unstructure(PostbackParams(status="FAILED", raw={"extra": True})) == {
        "extra": True, "status": "FAILED"}
    with pytest.raises(InvalidInputError, match=r"PostbackParams\.raw must be a JSON object"):
        PostbackParams(raw=["date"])  # type: ignore[arg-type]


def test_postback_params_of_an_odd_shape_degrade_only_the_event() -> None:
    for params in (5, "x", [1]):
        event = structure(wire_event("postback", replyToken="r",
                                     postback={"data": "d", "params": params}), Event)
        assert isinstance(event, UnknownEvent)
        assert event.raw["postback"]["params"] == params


def test_postback_without_params_has_none() -> None:
    event = structure(wire_event("postback", postback={"data": "d"}), Event)
    assert isinstance(event, PostbackEvent)
    assert event.postback == Postback(data="d")
    assert event.postback.params is None
    assert event.reply_token is None


@pytest.mark.parametrize(("dm", "expected"), [
    ("1234567890abcdef", b"\x12\x34\x56\x78\x90\xab\xcd\xef"),
    ("", b""),
    ("FF00", b"\xff\x00"),
    (None, None),
])
def test_beacon_device_message_is_the_decoded_hex(dm: str | None, expected: bytes | None) -> None:
    assert Beacon(hwid="h", type="enter", dm=dm).device_message == expected


def test_beacon_device_message_that_is_not_hex_is_a_payload_error() -> None:
    with pytest.raises(InvalidPayloadError, match=r"Beacon\.dm"):
        _ = Beacon(hwid="h", type="banner", dm="xyz").device_message


# -- construction ----------------------------------------------------------------------------------


def test_models_are_frozen_hashable_and_take_lists() -> None:
    joined = Joined(members=[MODEL_USER])  # type: ignore[arg-type]
    assert joined.members == (MODEL_USER,)
    assert hash(joined) == hash(Joined(members=(MODEL_USER,)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        joined.members = ()  # type: ignore[misc]
    with pytest.raises(InvalidInputError, match=r"TextMessage\.text"):
        TextMessage(id="1", text=None)  # type: ignore[arg-type]


# -- round trips -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("wire", "expected"), EVENT_CASES + [
    (message_event(wire), MessageEvent(**COMMON, reply_token=TOKEN, message=model))
    for wire, model in MESSAGE_CASES
], ids=[f"{w['type']}-{i}" for i, (w, _) in enumerate(EVENT_CASES)] + [
    f"message-{w['type']}" for w, _ in MESSAGE_CASES])
def test_unstructure_gives_back_the_wire_json(wire: dict[str, Any], expected: Event) -> None:
    assert json.loads(dumps(expected)) == wire


def _family(*members: type) -> st.SearchStrategy[Any]:
    return st.one_of(*(st.builds(member) for member in members))


_coordinate = st.floats(allow_nan=False)  # NaN is not equal to itself
for _base, _members in [
    (Source, (SourceUser, SourceGroup, SourceRoom)),
    (Mentionee, (UserMentionee, AllMentionee)),
    (Things, (DeviceLink, DeviceUnlink, ScenarioResult)),
    (MembershipContent, (JoinedMembershipContent, LeftMembershipContent,
                         RenewedMembershipContent)),
    (ModuleContent, (AttachedModuleContent, DetachedModuleContent)),
    (Event, tuple(cls for cls, _ in KNOWN_MEMBERS if issubclass(cls, Event))),
]:
    st.register_type_strategy(_base, _family(*_members))
st.register_type_strategy(Message, _family(
    TextMessage, ImageMessage, VideoMessage, AudioMessage, FileMessage, StickerMessage,
) | st.builds(LocationMessage, latitude=_coordinate, longitude=_coordinate))
_PARAM_TEXT = st.none() | st.text(max_size=12)
st.register_type_strategy(PostbackParams, st.builds(
    PostbackParams, date=_PARAM_TEXT, datetime=_PARAM_TEXT, new_rich_menu_alias_id=_PARAM_TEXT,
    raw=st.dictionaries(st.sampled_from(["date", "time", "status", "newKey"]) | st.text(max_size=8),
                        st.text(max_size=12) | st.integers() | st.lists(st.text(), max_size=2),
                        max_size=4)))
st.register_type_strategy(Postback, st.builds(
    Postback, params=st.none() | st.from_type(PostbackParams)))
_EVENTS = st.from_type(Event)


@settings(max_examples=300, deadline=None)
@given(event=_EVENTS)
def test_round_trip_through_json(event: Event) -> None:
    assert structure(json.loads(dumps(event)), Event) == event


@settings(max_examples=100, deadline=None)
@given(events=st.lists(_EVENTS, max_size=4),
       destination=st.none() | st.text(max_size=40))
def test_payload_round_trip(events: list[Event], destination: str | None) -> None:
    payload = WebhookPayload(destination=destination, events=tuple(events))
    assert structure(json.loads(dumps(payload)), WebhookPayload) == payload


# -- the spec --------------------------------------------------------------------------------------

PLAIN_STR = "plain str"
SCHEMA_MODELS: dict[str, type | str] = {
    "CallbackRequest": WebhookPayload,
    "Event": Event,
    "EventMode": PLAIN_STR,
    "DeliveryContext": DeliveryContext,
    "Source": Source,
    "UserSource": SourceUser,
    "GroupSource": SourceGroup,
    "RoomSource": SourceRoom,
    "MessageEvent": MessageEvent,
    "MessageEditedEvent": MessageEditedEvent,  # line-openapi#129 (2026-07-07), newer than ours
    "MessageContent": Message,
    "ContentProvider": ContentProvider,
    "TextMessageContent": TextMessage,
    "Emoji": Emojis,
    "Mention": Mention,
    "Mentionee": Mentionee,
    "UserMentionee": UserMentionee,
    "AllMentionee": AllMentionee,
    "ImageMessageContent": ImageMessage,
    "ImageSet": ImageSet,
    "VideoMessageContent": VideoMessage,
    "AudioMessageContent": AudioMessage,
    "FileMessageContent": FileMessage,
    "LocationMessageContent": LocationMessage,
    "StickerMessageContent": StickerMessage,
    "UnsendEvent": UnsendEvent,
    "UnsendDetail": Unsend,
    "FollowEvent": FollowEvent,
    "FollowDetail": Follow,
    "UnfollowEvent": UnfollowEvent,
    "JoinEvent": JoinEvent,
    "LeaveEvent": LeaveEvent,
    "MemberJoinedEvent": MemberJoinedEvent,
    "JoinedMembers": Joined,
    "MemberLeftEvent": MemberLeftEvent,
    "LeftMembers": Left,
    "PostbackEvent": PostbackEvent,
    "PostbackContent": Postback,
    "VideoPlayCompleteEvent": VideoPlayCompleteEvent,
    "VideoPlayComplete": VideoPlayComplete,
    "BeaconEvent": BeaconEvent,
    "BeaconContent": Beacon,
    "AccountLinkEvent": AccountLinkEvent,
    "LinkContent": Link,
    "MembershipEvent": MembershipEvent,
    "MembershipContent": MembershipContent,
    "JoinedMembershipContent": JoinedMembershipContent,
    "LeftMembershipContent": LeftMembershipContent,
    "RenewedMembershipContent": RenewedMembershipContent,
    "ModuleEvent": ModuleEvent,
    "ModuleContent": ModuleContent,
    "AttachedModuleContent": AttachedModuleContent,
    "DetachedModuleContent": DetachedModuleContent,
    "ActivatedEvent": ActivatedEvent,
    "ChatControl": ChatControl,
    "DeactivatedEvent": DeactivatedEvent,
    "BotSuspendedEvent": BotSuspendedEvent,
    "BotResumedEvent": BotResumedEvent,
    "PnpDeliveryCompletionEvent": PnpDeliveryCompletionEvent,
    "PnpDelivery": PnpDelivery,
}


@pytest.fixture(scope="module")
def webhook_schemas() -> dict[str, Any]:
    """The facts of webhook.yml's schemas (``{properties, required, ...}`` per name)."""
    return dict(FACTS["files"]["webhook"]["schemas"])


def _wire_keys(cls: type) -> set[str]:
    keys = {wire_key(cls, f) for f in dataclasses.fields(cls)}
    if "type" in typing.get_type_hints(cls):  # a tag (ClassVar) or a data field
        keys.add("type")
    return keys


def test_every_webhook_schema_has_a_model(webhook_schemas: dict[str, Any]) -> None:
    missing = sorted(set(webhook_schemas) - set(SCHEMA_MODELS))
    assert not missing, f"webhook.yml schemas without a model: {missing}"


def test_every_spec_property_has_a_field_with_its_wire_key(webhook_schemas: dict[str, Any]) -> None:
    problems = []
    for name in webhook_schemas:
        model = SCHEMA_MODELS.get(name)
        if not isinstance(model, type):
            continue
        missing = set(properties("webhook", name)[0]) - _wire_keys(model)
        if missing:
            problems.append(f"{name} -> {model.__name__} lacks {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_every_discriminator_tag_maps_to_the_model_with_that_type(
    webhook_schemas: dict[str, Any]
) -> None:
    problems = []
    for name, schema in webhook_schemas.items():
        for tag, member in schema.get("discriminator", {}).get("mapping", {}).items():
            model = SCHEMA_MODELS.get(member)
            base = SCHEMA_MODELS[name]
            if not (isinstance(model, type) and getattr(model, "type", None) == tag
                    and isinstance(base, type) and issubclass(model, base)):
                problems.append(f"{name}: {tag!r} -> {model!r}")
    assert not problems, "\n".join(problems)


def test_every_enum_schema_is_read_as_plain_str(webhook_schemas: dict[str, Any]) -> None:
    enums = {name for name, schema in webhook_schemas.items() if "enum" in schema}
    assert enums == {name for name, model in SCHEMA_MODELS.items() if model == PLAIN_STR}
    assert typing.get_type_hints(Event)["mode"] == str | None
