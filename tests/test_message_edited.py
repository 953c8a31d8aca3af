"""MessageEditedEvent (``messageEdited``): decoded, dispatched, made by the testing kit,
parsed by the compat layer, recorded by the inbox like any event.

https://developers.line.biz/en/reference/messaging-api/#edit-event
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from linebot_fp import codec
from linebot_fp.codec import dumps, structure
from linebot_fp.models import (
    DeliveryContext,
    Event,
    MessageEditedEvent,
    MessageEvent,
    SourceGroup,
    SourceRoom,
    SourceUser,
    StickerMessage,
    TextMessage,
    UnknownEvent,
    UnknownMessage,
)
from linebot_fp.testing import (
    GROUP_ID,
    ROOM_ID,
    TIMESTAMP,
    USER_ID,
    message_edited_event,
    text_message_event,
    webhook_body,
)
from linebot_fp.webhook import dispatch, parse
from linebot_fp.webhook_endpoint import new_events

SECRET = "channel-secret"
GROUP = "Ca56f94637c0000000000000000000000"
USER = "U4af4980629000000000000000000000a"
EVENT_ID = "01J2ABCDEF0123456789ABCDEF"


def edited(message: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A messageEdited event as LINE sends it (with a reply token unless told)."""
    return {"type": "messageEdited", "timestamp": 1720000000000, "mode": "active",
            "source": {"type": "group", "groupId": GROUP, "userId": USER},
            "webhookEventId": EVENT_ID, "deliveryContext": {"isRedelivery": False},
            "replyToken": "r-edit", "message": message, **fields}


TEXT = {"type": "text", "id": "5121233456789", "text": "See you at 7!", "quoteToken": "q-1"}
COMMON: dict[str, Any] = {
    "timestamp": 1720000000000, "mode": "active", "webhook_event_id": EVENT_ID,
    "source": SourceGroup(group_id=GROUP, user_id=USER),
    "delivery_context": DeliveryContext(is_redelivery=False),
}


# -- decoding ------------------------------------------------------------------------------------


def test_a_text_edit_decodes_to_its_model() -> None:
    event = structure(edited(TEXT), Event)
    assert event == MessageEditedEvent(**COMMON, reply_token="r-edit", message=TextMessage(
        id="5121233456789", text="See you at 7!", quote_token="q-1"))
    assert event.type == "messageEdited"


def test_an_edit_without_a_reply_token_has_none() -> None:
    wire = edited(TEXT)
    del wire["replyToken"]
    event = structure(wire, Event)
    assert type(event) is MessageEditedEvent
    assert event.reply_token is None
    assert json.loads(dumps(event)) == wire


def test_an_edit_of_a_message_type_nobody_knows_keeps_the_rest() -> None:
    message = {"type": "hologram", "id": "9", "frames": 24}
    event = structure(edited(message), Event)
    assert type(event) is MessageEditedEvent
    assert isinstance(event.message, UnknownMessage)
    assert event.message.raw == message
    assert (event.reply_token, event.source, event.timestamp) == (
        "r-edit", COMMON["source"], COMMON["timestamp"])
    assert json.loads(dumps(event)) == edited(message)


def test_an_edit_of_another_known_message_type_decodes_it() -> None:
    sticker = {"type": "sticker", "id": "7", "packageId": "446", "stickerId": "1988",
               "stickerResourceType": "STATIC"}
    event = structure(edited(sticker), Event)
    assert event.message == StickerMessage(id="7", package_id="446", sticker_id="1988",
                                           sticker_resource_type="STATIC")


@pytest.mark.parametrize("broken", [
    {"message": None}, {"timestamp": None}, {"message": "text"},
], ids=["no message", "no timestamp", "message not an object"])
def test_an_edit_that_cannot_be_read_becomes_unknown_with_its_raw(broken: dict[str, Any]) -> None:
    wire = {**edited(TEXT), **broken}
    wire = {key: value for key, value in wire.items() if value is not None}
    event = structure(wire, Event)
    assert isinstance(event, UnknownEvent)
    assert event.raw == wire
    assert event.type == "messageEdited"


def test_the_wire_json_comes_back_exactly_and_the_value_round_trips() -> None:
    wire = edited(TEXT)
    event = structure(wire, Event)
    assert json.loads(dumps(event)) == wire
    assert structure(json.loads(dumps(event)), Event) == event
    assert codec.unstructure(event)["type"] == "messageEdited"


def test_edits_are_frozen_and_hashable_by_value() -> None:
    first, second = structure(edited(TEXT), Event), structure(edited(TEXT), Event)
    later = structure(edited(TEXT, timestamp=1720000000001), Event)
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second, later}) == 2
    assert {first: "seen"}[second] == "seen"
    with pytest.raises(AttributeError):
        first.reply_token = "other"  # type: ignore[misc]


def test_the_latest_edit_is_the_one_with_the_largest_timestamp() -> None:
    """What the docstring tells users to do with edits that arrive out of order."""
    edits = [message_edited_event(text, message_id="m1", timestamp=stamp)
             for text, stamp in [("second", 2), ("third", 3), ("first", 1)]]
    latest = max(edits, key=lambda event: event.timestamp)
    assert latest.message.text == "third"  # type: ignore[attr-defined]
    assert "largest ``timestamp``" in (MessageEditedEvent.__doc__ or "")


# -- dispatch ------------------------------------------------------------------------------------


def test_the_event_class_is_a_dispatch_key() -> None:
    event = message_edited_event("fixed typo")
    assert dispatch({MessageEditedEvent: lambda e: ("edit", e.message.text)}, [event]) == [
        ("edit", "fixed typo")]


def test_the_pair_with_the_message_class_wins_as_for_message_events() -> None:
    handlers = {
        (MessageEditedEvent, TextMessage): lambda e: "edited text",
        MessageEditedEvent: lambda e: "edited other",
        (MessageEvent, TextMessage): lambda e: "sent text",
    }
    events = [message_edited_event("a"), structure(edited({"type": "hologram", "id": "9"}),
                                                   Event), text_message_event("b")]
    assert dispatch(handlers, events) == ["edited text", "edited other", "sent text"]


def test_a_message_event_handler_does_not_take_edits() -> None:
    handlers = {MessageEvent: lambda e: "sent", (MessageEvent, TextMessage): lambda e: "sent"}
    assert dispatch(handlers, [message_edited_event("a")], default=lambda e: "default") == [
        "default"]


# -- the testing kit -----------------------------------------------------------------------------


@pytest.mark.parametrize("options", [
    {},
    {"reply_token": "given", "timestamp": TIMESTAMP + 5, "redelivery": True},
    {"group_id": "Cother", "user_id": "Uother"},
    {"room_id": ROOM_ID},
    {"source": SourceUser(user_id=USER_ID)},
    {"mode": "standby"},
    {"webhook_event_id": EVENT_ID},
], ids=["defaults", "reply token", "group", "room", "one-to-one", "standby", "event id"])
def test_the_factory_equals_what_parse_gives_for_its_signed_body(options: dict[str, Any]) -> None:
    event = message_edited_event("edited ✏️", **options)
    assert parse(*webhook_body([event], SECRET), SECRET) == [event]


def test_the_factory_defaults_to_the_user_in_the_group_with_a_reply_token() -> None:
    event = message_edited_event("hi")
    assert event.source == SourceGroup(group_id=GROUP_ID, user_id=USER_ID)
    assert event.reply_token
    assert event.timestamp == TIMESTAMP
    assert event.message == TextMessage(id=event.message.id, text="hi",
                                        quote_token=event.message.quote_token)
    assert message_edited_event("x", room_id=ROOM_ID).source == SourceRoom(room_id=ROOM_ID,
                                                                          user_id=USER_ID)
    assert message_edited_event("x", mode="standby").reply_token is None


def test_the_factory_ties_an_edit_to_the_message_it_edits() -> None:
    original = text_message_event("helo", group_id=GROUP_ID)
    edit = message_edited_event("hello", message_id=original.message.id,
                                timestamp=TIMESTAMP + 1_000)
    assert edit.message.id == original.message.id
    assert edit.source == original.source
    assert message_edited_event("a") == message_edited_event("a")
    assert message_edited_event("a").message.id != message_edited_event("b").message.id


def test_the_factory_refuses_unknown_options() -> None:
    with pytest.raises(TypeError, match="usr_id"):
        message_edited_event("x", usr_id="U1")  # type: ignore[call-arg]


# -- the inbox: chat order by source, as any event -----------------------------------------------


def test_the_inbox_records_an_edit_in_its_groups_chat() -> None:
    sent = text_message_event("helo", group_id=GROUP_ID)
    edit = message_edited_event("hello", message_id=sent.message.id)
    records = new_events([sent, edit])
    assert [record.chat for record in records] == [GROUP_ID, GROUP_ID]
    assert records[1].id == edit.webhook_event_id
    assert structure(json.loads(records[1].event), Event) == edit


# -- the compat layer ----------------------------------------------------------------------------


def test_compat_parses_an_edit_into_its_legacy_class() -> None:
    from linebot_fp.compat import WebhookParser
    from linebot_fp.compat.models import MessageEditedEvent as LegacyEdit, TextMessage as Text
    from linebot_fp.compat.models.events import MessageEditedEvent as FromModule

    body = json.dumps({"destination": USER, "events": [edited(TEXT)]})
    (event,) = WebhookParser(SECRET).parse(body, _sign(body))
    assert FromModule is LegacyEdit
    assert isinstance(event, LegacyEdit)
    assert isinstance(event.message, Text)
    assert (event.type, event.reply_token, event.message.text) == (
        "messageEdited", "r-edit", "See you at 7!")
    assert event.source.sender_id == GROUP
    assert json.loads(str(event)) == edited(TEXT)


def test_compat_handler_add_takes_the_event_and_message_pair() -> None:
    from linebot_fp.compat import WebhookHandler
    from linebot_fp.compat.models import (
        MessageEditedEvent as LegacyEdit,
        MessageEvent as LegacyMessage,
        TextMessage as Text,
    )

    handler = WebhookHandler(SECRET)
    seen: list[str] = []
    handler.add(LegacyEdit, message=Text)(lambda event: seen.append(f"edit {event.message.text}"))
    handler.add(LegacyMessage, message=Text)(lambda event: seen.append("message"))
    handler.add(LegacyEdit)(lambda event: seen.append(f"other {event.message.type}"))
    body = json.dumps({"events": [edited(TEXT), edited({"type": "hologram", "id": "9"})]})
    handler.handle(body, _sign(body))
    assert seen == ["edit See you at 7!", "other hologram"]


def test_compat_builds_an_edit_positionally_in_the_legacy_order() -> None:
    from linebot_fp.compat.models import MessageEditedEvent as LegacyEdit, TextMessage as Text

    event = LegacyEdit("active", 5, None, "r", Text(id="1", text="x"))
    assert json.loads(str(event)) == {"type": "messageEdited", "mode": "active", "timestamp": 5,
                                      "replyToken": "r",
                                      "message": {"type": "text", "id": "1", "text": "x"}}


def _sign(body: str) -> str:
    from linebot_fp.webhook import signature

    return signature(body, SECRET)
