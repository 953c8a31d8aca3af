"""A received model used where a send model belongs: the error names what to send instead.

Two routes read the one mapping (``linebot_fp.models._counterparts.send_counterpart``):
a received message made with a send message's arguments (``TextMessage(text="hi")``),
and a received model given to a send builder or put in a slot of a send model.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

import linebot_fp
from linebot_fp import codec
from linebot_fp.api import (
    broadcast,
    multicast,
    narrowcast,
    push_message,
    push_messages_by_phone,
    reply_message,
)
from linebot_fp.errors import InvalidInputError
from linebot_fp.models import (
    AudioMessage,
    AudioSendMessage,
    ButtonsTemplate,
    CarouselColumn,
    CarouselTemplate,
    ConfirmTemplate,
    FileMessage,
    ImageCarouselColumn,
    ImageCarouselTemplate,
    ImageMessage,
    ImageSendMessage,
    LocationMessage,
    LocationSendMessage,
    Message,
    MessageAction,
    QuickReply,
    QuickReplyButton,
    SendMessage,
    StickerMessage,
    StickerSendMessage,
    TemplateSendMessage,
    TextMessage,
    TextSendMessage,
    UnknownMessage,
    VideoMessage,
    VideoSendMessage,
)
from linebot_fp.models._counterparts import SEND_COUNTERPARTS, send_counterpart
from linebot_fp.testing import text_message_event

RECEIVED = "a message LINE sends to the bot (received in a webhook event)"

# -- the one mapping -------------------------------------------------------------------------------

COUNTERPARTS: list[tuple[type, type | None]] = [
    (TextMessage, TextSendMessage), (ImageMessage, ImageSendMessage),
    (VideoMessage, VideoSendMessage), (AudioMessage, AudioSendMessage),
    (LocationMessage, LocationSendMessage), (StickerMessage, StickerSendMessage),
    (FileMessage, None), (UnknownMessage, None), (Message, None),
]


@pytest.mark.parametrize(("received", "send"), COUNTERPARTS,
                         ids=[received.__name__ for received, _ in COUNTERPARTS])
def test_each_received_message_kind_maps_to_its_send_message(received: type,
                                                             send: type | None) -> None:
    assert send_counterpart(received) is send


def test_the_mapping_agrees_with_the_two_families_tables() -> None:
    """One row per received kind (and the unknown one); a send counterpart is the member of
    the send family with the same wire type."""
    assert set(SEND_COUNTERPARTS) == {*Message.family.values(), Message.family.unknown}
    for received, send in SEND_COUNTERPARTS.items():
        tag = received.rpartition(".")[2].partition(":")[0]
        expected = SendMessage.family.get(tag) if tag != "file" else None
        assert send == expected, received


def test_nothing_else_is_mapped() -> None:
    assert send_counterpart(TextSendMessage) is None
    assert send_counterpart(MessageAction) is None  # "message" is an action's tag too
    assert send_counterpart(str) is None

    class MyText(TextMessage):  # a user's subclass is still a text LINE sends
        pass

    assert send_counterpart(MyText) is TextSendMessage


# -- route (a): a received message made with a send message's arguments ----------------------------

AS_SEND: list[tuple[Callable[[], Any], str, str]] = [
    (lambda: TextMessage(text="hi"), "TextMessage() missing 'id'", "TextSendMessage(text=...)"),
    (lambda: ImageMessage(original_content_url="https://e.com/a.jpg",
                          preview_image_url="https://e.com/p.jpg"),
     "ImageMessage() missing 'id' and got 'original_content_url', 'preview_image_url', "
     "which it does not take",
     "ImageSendMessage(original_content_url=..., preview_image_url=...)"),
    (lambda: VideoMessage(original_content_url="https://e.com/v.mp4",
                          preview_image_url="https://e.com/p.jpg"),
     "VideoMessage() missing 'id'",
     "VideoSendMessage(original_content_url=..., preview_image_url=...)"),
    (lambda: AudioMessage(original_content_url="https://e.com/a.m4a", duration=1000),
     "AudioMessage() missing 'id' and got 'original_content_url'",
     "AudioSendMessage(original_content_url=..., duration=...)"),
    (lambda: LocationMessage(title="Tokyo", address="Chiyoda", latitude=35.6, longitude=139.7),
     "LocationMessage() missing 'id'",
     "LocationSendMessage(title=..., address=..., latitude=..., longitude=...)"),
    (lambda: StickerMessage(package_id="446", sticker_id="1988"),
     "StickerMessage() missing 'id'", "StickerSendMessage(package_id=..., sticker_id=...)"),
    (lambda: TextMessage("hi"),
     "TextMessage() missing 'id', 'text' and got 1 positional argument(s) (it takes keywords "
     "only)",
     "TextSendMessage(text=...)"),
]


@pytest.mark.parametrize(("make", "problem", "instead"), AS_SEND,
                         ids=["text", "image", "video", "audio", "location", "sticker",
                              "positional"])
def test_a_received_message_made_like_a_send_message_names_the_send_message(
        make: Callable[[], Any], problem: str, instead: str) -> None:
    with pytest.raises(TypeError) as caught:
        make()
    message = str(caught.value)
    assert message.startswith(problem)
    assert RECEIVED in message
    assert message.endswith(f"use {instead}.")


def test_the_text_error_reads_whole() -> None:
    with pytest.raises(TypeError) as caught:
        TextMessage(text="hi")
    assert str(caught.value) == (
        "TextMessage() missing 'id': TextMessage is a message LINE sends to the bot (received "
        "in a webhook event); it needs id and text, which LINE fills in. To send a text "
        "message, use TextSendMessage(text=...).")


def test_a_file_message_says_a_bot_cannot_send_one() -> None:
    with pytest.raises(TypeError, match="missing 'file_size', 'id'") as caught:
        FileMessage(file_name="report.pdf")
    assert str(caught.value).endswith(
        "A bot cannot send a file message: LINE has no send message for it.")


def test_made_rightly_they_are_made_and_copy_pickle_replace_still_work() -> None:
    text = TextMessage(id="1", text="hi", quote_token="q")
    assert text.text == "hi"
    assert copy.copy(text) == text
    assert copy.deepcopy(text) == text
    assert pickle.loads(pickle.dumps(text)) == text
    assert dataclasses.replace(text, text="edited").text == "edited"
    assert UnknownMessage(raw={"type": "hologram"}).type == "hologram"
    assert Message(id="1").id == "1"


def test_the_other_mistakes_keep_pythons_own_errors() -> None:
    with pytest.raises(TypeError, match="required keyword-only arguments: 'id' and 'text'"):
        TextMessage()  # type: ignore[call-arg]  # nothing given: as copy and pickle make it
    with pytest.raises(TypeError, match="unexpected keyword argument 'text'"):
        UnknownMessage(raw={}, text="x")  # type: ignore[call-arg]


def test_the_codec_never_pays_for_the_check() -> None:
    """Parsing makes messages without calling the class: a message LINE sends that lacks
    a field degrades as before, with no send advice."""
    event = codec.structure({"type": "message", "timestamp": 1, "replyToken": "r",
                             "message": {"type": "text", "text": "no id"}},
                            linebot_fp.models.Event)
    assert isinstance(event.message, UnknownMessage)  # type: ignore[attr-defined]


# -- route (b): a received model given to a send builder ------------------------------------------

RECEIVED_TEXT = TextMessage(id="1", text="hi", quote_token="q")
BUILDERS: dict[str, Callable[[Any], Any]] = {
    "push_message": lambda messages: push_message("U1", messages),
    "reply_message": lambda messages: reply_message("r", messages),
    "multicast": lambda messages: multicast(["U1"], messages),
    "broadcast": broadcast,
    "narrowcast": narrowcast,
    "push_messages_by_phone": lambda messages: push_messages_by_phone("hash", messages),
}


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_received_message_given_to_a_builder_names_the_parameter_and_the_send_message(
        builder: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        BUILDERS[builder](RECEIVED_TEXT)
    assert str(caught.value) == (
        f"messages is a TextMessage, {RECEIVED}, not one to send. To send a text message, "
        "use TextSendMessage(text=...).")


@pytest.mark.parametrize("builder", BUILDERS)
def test_in_a_list_the_error_names_its_index(builder: str) -> None:
    image = ImageMessage(id="2")
    with pytest.raises(InvalidInputError, match=r"^messages\[1\] is an ImageMessage, ") as caught:
        BUILDERS[builder]([TextSendMessage(text="ok"), image])
    assert "ImageSendMessage(original_content_url=..., preview_image_url=...)" in str(caught.value)


def test_an_event_given_as_a_message_says_it_is_an_event() -> None:
    event = text_message_event("hi")
    with pytest.raises(InvalidInputError, match="messages is a MessageEvent, a webhook event "
                                                "LINE sends to the bot, not a message to send"):
        reply_message(event.reply_token or "", event)  # type: ignore[arg-type]


def test_other_wrong_values_keep_their_errors() -> None:
    with pytest.raises(InvalidInputError, match="must be a message or a list of messages, got "
                                                "QuickReply"):
        push_message("U1", QuickReply(items=[]))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"messages\[0\] must be a message object such as "
                                                r"TextSendMessage, got dict"):
        push_message("U1", [{"type": "text", "text": "hi"}])  # type: ignore[list-item]


# -- route (b): a received model in a slot of a send model ----------------------------------------

ACTION = MessageAction(label="yes", text="yes")
SLOTS: list[tuple[Callable[[], Any], str]] = [
    (lambda: TextSendMessage(text="x", quick_reply=RECEIVED_TEXT),
     "TextSendMessage.quick_reply takes a QuickReply, got TextMessage"),
    (lambda: QuickReply(items=[QuickReplyButton(action=ACTION), RECEIVED_TEXT]),
     "QuickReply.items[1] takes a QuickReplyButton, got TextMessage"),
    (lambda: QuickReplyButton(action=RECEIVED_TEXT),
     "QuickReplyButton.action takes an Action (CameraAction, "),
    (lambda: TemplateSendMessage(alt_text="a", template=RECEIVED_TEXT),
     "TemplateSendMessage.template takes a Template (ButtonsTemplate, ConfirmTemplate, "
     "CarouselTemplate, ImageCarouselTemplate), got TextMessage"),
    (lambda: ButtonsTemplate(text="t", actions=[ACTION, RECEIVED_TEXT]),
     "ButtonsTemplate.actions[1] takes an Action"),
    (lambda: ButtonsTemplate(text="t", actions=[ACTION], default_action=RECEIVED_TEXT),
     "ButtonsTemplate.default_action takes an Action"),
    (lambda: ConfirmTemplate(text="t", actions=[RECEIVED_TEXT, ACTION]),
     "ConfirmTemplate.actions[0] takes an Action"),
    (lambda: CarouselTemplate(columns=[RECEIVED_TEXT]),
     "CarouselTemplate.columns[0] takes a CarouselColumn, got TextMessage"),
    (lambda: CarouselColumn(text="t", actions=[RECEIVED_TEXT]),
     "CarouselColumn.actions[0] takes an Action"),
    (lambda: ImageCarouselTemplate(columns=[RECEIVED_TEXT]),
     "ImageCarouselTemplate.columns[0] takes an ImageCarouselColumn, got TextMessage"),
    (lambda: ImageCarouselColumn(image_url="https://e.com/a.png", action=RECEIVED_TEXT),
     "ImageCarouselColumn.action takes an Action"),
]


@pytest.mark.parametrize(("make", "start"), SLOTS, ids=[
    "message quick_reply", "quick reply items", "button action", "template", "buttons actions",
    "buttons default", "confirm actions", "carousel columns", "column actions",
    "image carousel columns", "image column action"])
def test_a_received_model_in_a_slot_names_the_slot_and_the_send_message(
        make: Callable[[], Any], start: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        make()
    message = str(caught.value)
    assert message.startswith(start)
    assert message.endswith(f", {RECEIVED}, not one to send. To send a text message, use "
                            "TextSendMessage(text=...).")


def test_other_models_in_a_slot_are_named_too() -> None:
    with pytest.raises(InvalidInputError, match=r"^QuickReply.items\[0\] takes a QuickReplyButton,"
                                                r" got MessageAction$"):
        QuickReply(items=[ACTION])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"^TextSendMessage.quick_reply takes a QuickReply, "
                                                r"got list$"):
        TextSendMessage(text="x",
                        quick_reply=[QuickReplyButton(action=ACTION)])  # type: ignore[arg-type]


def test_right_slots_build_and_read_back_as_before() -> None:
    message = TextSendMessage(text="pick", quick_reply=QuickReply(items=[
        QuickReplyButton(action=ACTION)]))
    template = TemplateSendMessage(alt_text="t", template=ButtonsTemplate(
        text="t", actions=[ACTION], default_action=ACTION))
    for value in (message, template):
        assert codec.structure(json.loads(codec.dumps(value)), SendMessage) == value
    request = push_message("U1", [message, template])
    assert json.loads(request.body or b"")["messages"][0]["quickReply"]["items"][0]["action"] == {
        "type": "message", "label": "yes", "text": "yes"}


# -- validate reads it too ---------------------------------------------------------------------


def test_validate_names_the_send_message() -> None:
    with pytest.raises(InvalidInputError, match=r"got TextMessage, a message LINE sends"):
        linebot_fp.validate(RECEIVED_TEXT)  # type: ignore[arg-type]
    messages = [TextSendMessage(text="ok"), RECEIVED_TEXT]
    (problem,) = linebot_fp.validate(messages)  # type: ignore[arg-type]
    assert problem.property == "messages[1]"
    assert problem.message.endswith("use TextSendMessage(text=...).")


# -- the cold path ---------------------------------------------------------------------------


def test_parsing_and_replying_never_import_the_mapping() -> None:
    code = """
import sys
from linebot_fp.api import push_message, reply_message
from linebot_fp.models import MessageAction, QuickReply, QuickReplyButton, TextSendMessage
from linebot_fp.testing import text_message_event
from linebot_fp.webhook import parse_unverified
body = ('{"events": [{"type": "message", "timestamp": 1, "replyToken": "r",'
        ' "source": {"type": "user", "userId": "U1"},'
        ' "message": {"type": "text", "id": "1", "text": "hi"}}]}')
quick = QuickReply(items=[QuickReplyButton(action=MessageAction(label="a", text="a"))])
reply_message(parse_unverified(body)[0].reply_token, TextSendMessage(text="hi", quick_reply=quick))
push_message("U1", TextSendMessage(text="hello"))
text_message_event("made by the kit")
print("linebot_fp.models._counterparts" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"
