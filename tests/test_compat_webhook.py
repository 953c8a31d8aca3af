"""The legacy webhook API: SignatureValidator, WebhookParser, WebhookHandler."""

import inspect
import json
import subprocess
import sys

import pytest

from linebot_fp.compat import SignatureValidator, WebhookHandler, WebhookParser, WebhookPayload
from linebot_fp.compat.exceptions import InvalidSignatureError
from linebot_fp.compat.models import (
    FollowEvent,
    ImageMessage,
    MessageEvent,
    SourceUser,
    TextMessage,
    UnfollowEvent,
    UnknownEvent,
    VideoMessage,
)
from linebot_fp.webhook import signature

SECRET = "channel-secret-ü"
DESTINATION = "Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
SOURCE = {"type": "user", "userId": "U4af4980629"}


def message_event(message, reply_token="r-1"):
    return {"type": "message", "mode": "active", "timestamp": 1462629479859, "source": SOURCE,
            "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR", "replyToken": reply_token,
            "deliveryContext": {"isRedelivery": False}, "message": message}


TEXT = message_event({"type": "text", "id": "1", "text": "hello", "quoteToken": "q"})
IMAGE = message_event({"type": "image", "id": "2", "quoteToken": "q",
                       "contentProvider": {"type": "line"}}, "r-2")
VIDEO = message_event({"type": "video", "id": "3", "quoteToken": "q", "duration": 60000,
                       "contentProvider": {"type": "line"}}, "r-3")
AUDIO = message_event({"type": "audio", "id": "4", "duration": 60000,
                       "contentProvider": {"type": "line"}}, "r-4")
FOLLOW = {"type": "follow", "mode": "active", "timestamp": 1462629479859, "source": SOURCE,
          "replyToken": "r-5", "follow": {"isUnblocked": False}}
UNFOLLOW = {"type": "unfollow", "mode": "active", "timestamp": 1462629479859, "source": SOURCE}
NEW_KIND = {"type": "somethingNew", "timestamp": 1462629479859, "source": SOURCE}


def signed(*events, destination=DESTINATION):
    body = json.dumps({"destination": destination, "events": list(events)}, ensure_ascii=False)
    return body, signature(body, SECRET)


# -- SignatureValidator and WebhookParser ------------------------------------------------------


def test_signature_validator_checks_the_body_text():
    body, good = signed(TEXT)
    validator = SignatureValidator(SECRET)
    assert validator.validate(body, good)
    assert validator.validate(body.encode(), good)
    assert not validator.validate(body + " ", good)
    assert not validator.validate(body, signature(body, "other secret"))


def test_parser_gives_the_legacy_event_classes():
    body, good = signed(TEXT, FOLLOW)
    events = WebhookParser(SECRET).parse(body, good)
    assert [type(e) for e in events] == [MessageEvent, FollowEvent]
    text = events[0]
    assert (text.reply_token, text.message.text, text.source) == (
        "r-1", "hello", SourceUser(user_id="U4af4980629"))


def test_parser_as_payload_keeps_the_destination():
    body, good = signed(TEXT)
    payload = WebhookParser(SECRET).parse(body, good, as_payload=True)
    assert isinstance(payload, WebhookPayload)
    assert payload.destination == DESTINATION
    assert [e.message.id for e in payload.events] == ["1"]


def test_parser_refuses_a_bad_signature():
    body, _ = signed(TEXT)
    with pytest.raises(InvalidSignatureError):
        WebhookParser(SECRET).parse(body, signature(body, "wrong"))


def test_parser_refuses_a_body_that_is_not_a_webhook_body():
    body = '{"events": 1}'
    with pytest.raises(ValueError, match="events"):
        WebhookParser(SECRET).parse(body, signature(body, SECRET))


def test_parsed_events_are_mutable_legacy_values_printing_as_json():
    body, good = signed(TEXT)
    [event] = WebhookParser(SECRET).parse(body, good)
    assert isinstance(event, MessageEvent)
    assert isinstance(event.message, TextMessage)
    assert json.loads(str(event)) == TEXT
    assert repr(event.source) == '{"type": "user", "userId": "U4af4980629"}'
    event.message.text = "changed"
    assert event.as_json_dict()["message"]["text"] == "changed"
    assert event.delivery_context.is_redelivery is False


def test_unknown_events_keep_their_type_and_json():
    body, good = signed(NEW_KIND)
    [event] = WebhookParser(SECRET).parse(body, good)
    assert isinstance(event, UnknownEvent)
    assert event.type == "somethingNew"
    assert event.as_json_dict() == NEW_KIND


def test_the_signature_is_checked_by_the_replaceable_signature_validator():
    body, good = signed(TEXT)
    parser = WebhookParser(SECRET)
    seen = []

    class Recording(SignatureValidator):
        def validate(self, body, signature):
            seen.append(signature)
            return signature == "trusted"

    parser.signature_validator = Recording(SECRET)
    assert len(parser.parse(body, "trusted")) == 1
    with pytest.raises(InvalidSignatureError, match="signature=" + good):
        parser.parse(body, good)
    assert seen == ["trusted", good]
    handler = WebhookHandler(SECRET)
    handler.parser.signature_validator = Recording(SECRET)
    handler.handle(body, "trusted")  # no handler: nothing happens, and no error


@pytest.mark.parametrize("secret", ["", b"", None, 42, ["s"]])
def test_a_missing_or_malformed_channel_secret_is_refused(secret):
    for build in (SignatureValidator, WebhookParser, WebhookHandler):
        with pytest.raises(ValueError, match="channel_secret") as caught:
            build(secret)
        assert repr(secret) not in str(caught.value)  # the message never shows the secret


def test_a_secret_given_as_bytes_works_too():
    body, good = signed(TEXT)
    assert SignatureValidator(SECRET.encode()).validate(body, good)


# -- WebhookHandler ------------------------------------------------------------------------------


def test_handlers_are_routed_most_specific_first_then_default():
    handler = WebhookHandler(SECRET)
    seen = []

    @handler.add(MessageEvent, message=TextMessage)
    def on_text(event):
        seen.append(("text", event.message.text))

    @handler.add(MessageEvent, message=[ImageMessage, VideoMessage])
    def on_media(event):
        seen.append(("media", event.message.id))

    @handler.add(MessageEvent)
    def on_other_message(event):
        seen.append(("message", event.message.id))

    @handler.add(FollowEvent)
    def on_follow(event):
        seen.append(("follow", event.reply_token))

    @handler.default()
    def fallback(event):
        seen.append(("default", type(event).__name__))

    assert on_text.__name__ == "on_text"  # the decorators return the function itself
    assert handler.handle(*signed(TEXT, IMAGE, VIDEO, AUDIO, FOLLOW, UNFOLLOW, NEW_KIND)) is None
    assert seen == [("text", "hello"), ("media", "2"), ("media", "3"), ("message", "4"),
                    ("follow", "r-5"), ("default", "UnfollowEvent"), ("default", "UnknownEvent")]


def test_a_message_tuple_registers_each_class():
    handler = WebhookHandler(SECRET)
    seen = []
    handler.add(MessageEvent, message=(TextMessage, ImageMessage))(seen.append)
    handler.handle(*signed(TEXT, IMAGE, VIDEO))
    assert [e.message.id for e in seen] == ["1", "2"]


def test_events_without_a_handler_are_skipped():
    handler = WebhookHandler(SECRET)
    seen = []
    handler.add(UnfollowEvent)(seen.append)
    handler.handle(*signed(TEXT, UNFOLLOW))
    assert [type(e) for e in seen] == [UnfollowEvent]


class Bot:
    """Handlers as bound methods: ``self`` is not one of the event arguments."""

    def __init__(self):
        self.seen = []

    def on_text(self, event):
        self.seen.append(event.message.text)

    def on_follow(self, event, destination):
        self.seen.append(destination)


@pytest.mark.parametrize(("make", "expected"), [
    (lambda seen: lambda: seen.append("nothing"), ["nothing"]),
    (lambda seen: lambda event: seen.append(event.reply_token), ["r-1"]),
    (lambda seen: lambda event, destination: seen.append((event.reply_token, destination)),
     [("r-1", DESTINATION)]),
    (lambda seen: lambda event, destination=None: seen.append(destination), [DESTINATION]),
    (lambda seen: lambda *args: seen.append(len(args)), [2]),
    (lambda seen: lambda event, *args: seen.append(args), [(DESTINATION,)]),
], ids=["none", "event", "event-destination", "destination-default", "varargs", "event-varargs"])
def test_handlers_get_as_many_arguments_as_they_take(make, expected):
    seen = []
    handler = WebhookHandler(SECRET)
    handler.add(MessageEvent, message=TextMessage)(make(seen))
    handler.handle(*signed(TEXT))
    assert seen == expected


def test_bound_methods_and_the_default_handler_follow_the_same_rule():
    bot = Bot()
    handler = WebhookHandler(SECRET)
    handler.add(MessageEvent, message=TextMessage)(bot.on_text)
    handler.default()(bot.on_follow)
    handler.handle(*signed(TEXT, FOLLOW))
    handler.handle(*signed(FOLLOW, destination=None))
    assert bot.seen == ["hello", DESTINATION, None]


class CountedSignature:
    """A handler whose signature can be read only through a counter."""

    def __init__(self):
        self.reads = 0
        self.calls = []

    @property
    def __signature__(self):
        self.reads += 1
        return inspect.Signature([inspect.Parameter("event",
                                                    inspect.Parameter.POSITIONAL_OR_KEYWORD)])

    def __call__(self, *args):
        self.calls.append(args)


def test_the_arity_is_read_once_when_the_handler_is_added():
    handler_function = CountedSignature()
    handler = WebhookHandler(SECRET)
    handler.add(MessageEvent)(handler_function)
    assert handler_function.reads == 1
    handler.handle(*signed(TEXT, IMAGE, VIDEO))
    handler.handle(*signed(AUDIO))
    assert handler_function.reads == 1
    assert [len(args) for args in handler_function.calls] == [1, 1, 1, 1]


def test_a_bad_signature_calls_no_handler():
    seen = []
    handler = WebhookHandler(SECRET)
    handler.default()(seen.append)
    body, _ = signed(TEXT)
    with pytest.raises(InvalidSignatureError):
        handler.handle(body, signature(body, "wrong"))
    assert seen == []


def test_unknown_events_reach_the_default_handler_with_their_json():
    seen = []
    handler = WebhookHandler(SECRET)
    handler.default()(seen.append)
    handler.handle(*signed(NEW_KIND))
    [event] = seen
    assert isinstance(event, UnknownEvent)
    assert event.raw == NEW_KIND
    assert handler.parser.parse(*signed(NEW_KIND))[0] == event


def test_receiving_through_compat_does_not_import_urllib3():
    body, good = signed(TEXT)
    code = ("import sys\n"
            "from linebot_fp.compat import LineBotApi, WebhookHandler\n"
            "from linebot_fp.compat.models import MessageEvent\n"
            "api, handler, seen = LineBotApi('token'), WebhookHandler(sys.argv[1]), []\n"
            "handler.add(MessageEvent)(seen.append)\n"
            "handler.handle(sys.argv[2], sys.argv[3])\n"
            "print(len(seen), 'urllib3' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, SECRET, body, good],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["1", "False"]
