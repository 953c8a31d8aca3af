"""linebot_fp.webhook: signature, parse, parse_payload, the unverified variants, dispatch."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from linebot_fp.codec import unstructure
from linebot_fp.errors import InvalidInputError, InvalidPayloadError, InvalidSignatureError
from linebot_fp.models.events import (
    DeliveryContext,
    Event,
    FollowEvent,
    JoinEvent,
    MessageEvent,
    PostbackEvent,
    UnfollowEvent,
    UnknownEvent,
)
from linebot_fp.models.messages import (
    ImageMessage,
    StickerMessage,
    TextMessage,
    UnknownMessage,
)
from linebot_fp.models.sources import SourceGroup, SourceRoom, SourceUser
from linebot_fp.signature import check_secret
from linebot_fp.webhook import (
    WebhookPayload,
    dispatch,
    parse,
    parse_payload,
    parse_payload_unverified,
    parse_unverified,
    signature,
    verify_signature,
)

SAMPLES = Path(__file__).resolve().parent / "samples"
SECRET = "channel-secret"
DESTINATION = "U0123456789abcdef0123456789abcdef"

# Known-answer vectors, computed outside Python:
#   printf '%s' BODY | openssl dgst -sha256 -hmac channel-secret -binary | base64
VERIFICATION_BODY = '{"destination":"U0123456789abcdef0123456789abcdef","events":[]}'
VERIFICATION_SIGNATURE = "ezxxOQ39M2U+Dzkj4SllRIn//eHFoa+a4Hn2YMnYK88="
NON_ASCII_BODY = '{"text":"こんにちは 👋"}'
NON_ASCII_SIGNATURE = "fbubradveIYL7QfG2alPG5eNEbyKmHLno395Su40GpA="


def sign(body: str | bytes, secret: str = SECRET) -> str:
    raw = body.encode() if isinstance(body, str) else body
    return base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest()).decode()


def body_of(*events: dict[str, Any], destination: str = DESTINATION) -> bytes:
    return json.dumps({"destination": destination, "events": list(events)},
                      ensure_ascii=False).encode()


def text_event(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "message", "timestamp": 1, "replyToken": "r",
            "source": {"type": "user", "userId": "U1"},
            "message": {"type": "text", "id": "1", "text": text}, **extra}


# -- verify_signature ------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "given"), [
    (VERIFICATION_BODY, VERIFICATION_SIGNATURE),
    (VERIFICATION_BODY.encode(), VERIFICATION_SIGNATURE),
    (VERIFICATION_BODY, VERIFICATION_SIGNATURE.encode()),
    (NON_ASCII_BODY, NON_ASCII_SIGNATURE),  # a str body is signed as its UTF-8 bytes
    (NON_ASCII_BODY.encode(), NON_ASCII_SIGNATURE),
    (bytearray(NON_ASCII_BODY.encode()), NON_ASCII_SIGNATURE),
])
def test_verify_signature_known_answers(body: str | bytes, given: str | bytes) -> None:
    assert verify_signature(body, given, SECRET) is True
    assert verify_signature(body, given, SECRET.encode()) is True
    assert verify_signature(body, given, "other-secret") is False


@pytest.mark.parametrize("given", [
    None, "", "x", "ezxxOQ39M2U+Dzkj4SllRIn//eHFoa+a4Hn2YMnYK88", VERIFICATION_SIGNATURE + " ",
    "ézxxOQ39M2U+Dzkj4SllRIn//eHFoa+a4Hn2YMnYK88=", "署名", b"\xff\xfe", 42, ["a"],
    NON_ASCII_SIGNATURE,
])
def test_verify_signature_is_false_for_junk_and_never_raises(given: Any) -> None:
    assert verify_signature(VERIFICATION_BODY, given, SECRET) is False


def test_verify_signature_of_a_body_that_cannot_be_utf8_is_false() -> None:
    assert verify_signature("\ud800", sign(b"\xed\xa0\x80"), SECRET) is False
    assert verify_signature(None, VERIFICATION_SIGNATURE, SECRET) is False  # type: ignore[arg-type]


def test_verify_signature_rejects_a_secret_of_the_wrong_type() -> None:
    with pytest.raises(ValueError, match="channel secret must be a non-empty str or bytes"):
        verify_signature(VERIFICATION_BODY, VERIFICATION_SIGNATURE, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("body", "expected"), [
    (VERIFICATION_BODY, VERIFICATION_SIGNATURE),
    (VERIFICATION_BODY.encode(), VERIFICATION_SIGNATURE),
    (NON_ASCII_BODY, NON_ASCII_SIGNATURE),
])
def test_signature_known_answers(body: str | bytes, expected: str) -> None:
    assert signature(body, SECRET) == expected
    assert signature(body, SECRET.encode()) == expected


@given(body=st.binary(), secret=st.text(min_size=1).filter(lambda text: text == text.strip()))
def test_verify_signature_matches_hmac_sha256_base64(body: bytes, secret: str) -> None:
    assert signature(body, secret) == sign(body, secret)
    assert verify_signature(body, sign(body, secret), secret)
    assert not verify_signature(body + b" ", sign(body, secret), secret)


# -- parse: signature first ------------------------------------------------------------------------


@pytest.mark.parametrize("parser", [parse, parse_payload])
def test_a_bad_signature_raises_before_the_body_is_read(parser: Any) -> None:
    with pytest.raises(InvalidSignatureError):
        parser(b"not json at all", sign(b"other body"), SECRET)
    with pytest.raises(InvalidSignatureError):
        parser(VERIFICATION_BODY, None, SECRET)
    with pytest.raises(InvalidSignatureError):
        parser(VERIFICATION_BODY, VERIFICATION_SIGNATURE, "wrong-secret")


def test_line_verification_payload_parses_to_no_events() -> None:
    assert parse(VERIFICATION_BODY, VERIFICATION_SIGNATURE, SECRET) == []
    assert parse_payload(VERIFICATION_BODY, VERIFICATION_SIGNATURE, SECRET) == WebhookPayload(
        destination=DESTINATION, events=())


@pytest.mark.parametrize("as_str", [True, False])
def test_non_ascii_text_in_str_and_bytes_bodies(as_str: bool) -> None:
    raw = body_of(text_event("こんにちは、世界 🌏 ñ"))
    body: str | bytes = raw.decode() if as_str else raw
    events = parse(body, sign(raw), SECRET)
    assert events == [MessageEvent(timestamp=1, reply_token="r", source=SourceUser(user_id="U1"),
                                   message=TextMessage(id="1", text="こんにちは、世界 🌏 ñ"))]


# -- parse: the sample body ------------------------------------------------------------------------


def test_mixed_sample_body() -> None:
    raw = (SAMPLES / "mixed.json").read_bytes()
    payload = parse_payload(raw, sign(raw), SECRET)
    assert payload.destination == DESTINATION
    assert [type(e) for e in payload.events] == [
        MessageEvent, FollowEvent, UnknownEvent, UnknownEvent, PostbackEvent, MessageEvent,
        MessageEvent,
    ]
    text, follow, new_type, broken, postback, standby, new_message = payload.events
    assert isinstance(text, MessageEvent)
    assert isinstance(text.message, TextMessage)
    assert text.message.text == "こんにちは $ @All"
    assert text.source == SourceGroup(group_id="Ca56f94637c0000000000000000000000",
                                      user_id="U4af4980629000000000000000000000a")
    assert isinstance(follow, FollowEvent)
    assert follow.follow is not None
    assert follow.follow.is_unblocked is False
    assert isinstance(new_type, UnknownEvent)
    assert new_type.type == "hologram"
    assert new_type.raw["hologram"] == {"depth": 3}
    assert isinstance(broken, UnknownEvent)  # a known type that cannot be read costs only itself
    assert broken.type == "message"
    assert isinstance(broken.source, SourceRoom)
    assert isinstance(postback, PostbackEvent)
    assert postback.delivery_context == DeliveryContext(is_redelivery=True)
    assert postback.postback.params is not None
    assert postback.postback.params["datetime"] == "2017-12-25T01:00"
    assert isinstance(standby, MessageEvent)
    assert standby.mode == "standby"
    assert standby.reply_token is None
    assert isinstance(standby.message, StickerMessage)
    assert standby.message.keywords == ("cony", "sally", "Staring")
    assert isinstance(new_message, MessageEvent)
    assert new_message.reply_token == "0f3779fba3b349968c5d07db31eab56f"
    assert isinstance(new_message.message, UnknownMessage)
    assert parse(raw, sign(raw), SECRET) == list(payload.events)
    assert parse_unverified(raw) == list(payload.events)
    assert parse_payload_unverified(raw) == payload


def test_events_keep_their_order_and_count() -> None:
    events = [text_event(str(n), timestamp=n) for n in range(50)]
    raw = body_of(*events)
    parsed = parse(raw, sign(raw), SECRET)
    assert [e.timestamp for e in parsed] == list(range(50))


def test_destination_may_be_absent() -> None:
    raw = b'{"events":[]}'
    assert parse_payload(raw, sign(raw), SECRET) == WebhookPayload(destination=None, events=())


# -- parse: bodies that are not webhook payloads ---------------------------------------------------

NOT_PAYLOADS: list[tuple[bytes, str]] = [
    (b"", "not JSON"),
    (b"{", "not JSON"),
    (b"\xff\xfe\x00", "not JSON"),
    (b'{"events": [], }', "not JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"events": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", "nested too deeply"),
    (b'{"events": [{"type": "follow", "x": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000
     + b"}]}", "nested too deeply"),
    (b"[]", "must be a JSON object, got an array"),
    (b'"events"', "must be a JSON object, got a string"),
    (b"null", "must be a JSON object, got null"),
    (b"3", "must be a JSON object, got a number"),
    (b'{"destination": "U1"}', "'events' array; it is missing"),
    (b'{"events": {}}', "'events' array; it is an object"),
    (b'{"events": null}', "'events' array; it is null"),
    (b'{"destination": 5, "events": []}', "'destination' must be a string"),
]


@pytest.mark.parametrize(("raw", "message"), NOT_PAYLOADS, ids=[m for _, m in NOT_PAYLOADS])
def test_a_body_that_is_not_a_payload_is_a_payload_error(raw: bytes, message: str) -> None:
    with pytest.raises(InvalidPayloadError, match=message) as caught:
        parse_payload(raw, sign(raw), SECRET)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InvalidPayloadError, match=message):
        parse_payload_unverified(raw)
    if "destination" not in message:  # parse does not read the destination
        with pytest.raises(InvalidPayloadError, match=message):
            parse(raw, sign(raw), SECRET)
        with pytest.raises(InvalidPayloadError, match=message):
            parse_unverified(raw)


def test_a_body_of_the_wrong_type_is_a_payload_error_when_unverified() -> None:
    with pytest.raises(InvalidPayloadError, match="raw request body bytes"):
        parse_unverified(None)  # type: ignore[arg-type]


# -- misuse: parsed JSON, re-serialised bodies, bad channel secrets --------------------------------

FOLLOW_WIRE = {"type": "follow", "timestamp": 1, "mode": "active", "replyToken": "r",
          "webhookEventId": "01H", "deliveryContext": {"isRedelivery": False},
          "source": {"type": "user", "userId": "U1"}}


@pytest.mark.parametrize("parser", [parse, parse_payload, parse_unverified,
                                    parse_payload_unverified])
@pytest.mark.parametrize("body", [{"events": []}, [FOLLOW_WIRE], None, 5, Path("body.json")])
def test_already_parsed_json_is_refused_saying_what_to_pass(parser: Any, body: Any) -> None:
    args = (body,) if parser in (parse_unverified, parse_payload_unverified) else (
        body, sign(json.dumps(body, default=str)), SECRET)
    with pytest.raises(InvalidPayloadError,
                       match=r"pass the raw request body bytes \(before any JSON parsing\)"):
        parser(*args)


def test_a_reserialised_body_does_not_verify_and_the_error_says_why() -> None:
    raw = b'{"destination": "U1",  "events": [ ]}'  # as LINE sent it, spacing and all
    again = json.dumps(json.loads(raw)).encode()
    assert again != raw
    with pytest.raises(InvalidSignatureError,
                       match="sign the raw body bytes exactly as received: a re-serialised"):
        parse(again, sign(raw), SECRET)
    assert parse(raw, sign(raw), SECRET) == []


@pytest.mark.parametrize("missing", [None, "", b""])
def test_a_missing_signature_says_so(missing: Any) -> None:
    raw = body_of(FOLLOW_WIRE)
    with pytest.raises(InvalidSignatureError, match="missing or empty"):
        parse(raw, missing, SECRET)


BAD_SECRETS = [
    ("", "empty"), (b"", "empty"), (bytearray(), "empty"), (None, "got NoneType"),
    (12345, "got int"), (["channel-secret"], "got list"), ("channel-secret\n", "whitespace"),
    (b" channel-secret", "whitespace"), ("\ud800channel", "not valid Unicode"),
]


@pytest.mark.parametrize(("secret", "message"), BAD_SECRETS)
def test_a_bad_channel_secret_is_a_value_error_everywhere_a_secret_is_taken(
        secret: Any, message: str) -> None:
    raw = body_of(FOLLOW_WIRE)
    key = secret.encode("utf-8", "surrogatepass") if isinstance(secret, str) else secret
    forged = (base64.b64encode(hmac.new(bytes(key), raw, hashlib.sha256).digest()).decode()
              if isinstance(key, (bytes, bytearray)) else "x")
    calls = [lambda: parse(raw, forged, secret), lambda: parse_payload(raw, forged, secret),
             lambda: verify_signature(raw, forged, secret), lambda: signature(raw, secret),
             lambda: check_secret(secret), lambda: parse({"events": []}, forged, secret)]
    for call in calls:
        with pytest.raises(ValueError, match=message) as caught:
            call()
        assert isinstance(caught.value, InvalidInputError)
        if isinstance(secret, str) and secret.strip():
            assert secret.strip() not in str(caught.value)  # never the secret itself


def test_a_body_signed_with_the_empty_key_is_never_accepted() -> None:
    raw = body_of(FOLLOW_WIRE)
    forged = base64.b64encode(hmac.new(b"", raw, hashlib.sha256).digest()).decode()
    with pytest.raises(ValueError, match="empty"):
        parse(raw, forged, "")
    with pytest.raises(InvalidSignatureError):
        parse(raw, forged, SECRET)


def test_check_secret_gives_the_key_bytes() -> None:
    assert check_secret(SECRET) == SECRET.encode()
    assert check_secret(SECRET.encode()) == SECRET.encode()
    assert check_secret(bytearray(b"k")) == b"k"
    assert check_secret(memoryview(b"k")) == b"k"


# -- one entry that is not an event object costs no other event ------------------------------------


@pytest.mark.parametrize("entry", [5, 2.5, None, True, [], [FOLLOW_WIRE], "follow", {}])
def test_an_entry_that_is_not_an_object_becomes_an_unknown_event_holding_it(entry: Any) -> None:
    raw = body_of(FOLLOW_WIRE, entry, FOLLOW_WIRE)
    payload = parse_payload(raw, sign(raw), SECRET)
    for events in (parse(raw, sign(raw), SECRET), list(payload.events), parse_unverified(raw)):
        assert len(events) == 3
        assert isinstance(events[0], FollowEvent)
        assert events[2] == events[0]
        assert isinstance(events[1], UnknownEvent)
        assert events[1].raw == entry
        assert unstructure(events[1]) == entry
        assert events[1].type == (entry.get("type", "") if isinstance(entry, dict) else "")
        assert events[1] == parse_unverified(raw)[1]
        assert dispatch({UnknownEvent: lambda event: event.raw}, events) == [entry]


def test_a_payload_with_such_entries_unstructures_to_the_same_json() -> None:
    wire = {"destination": DESTINATION, "events": [FOLLOW_WIRE, 7, None, ["a"]]}
    raw = json.dumps(wire).encode()
    assert unstructure(parse_payload(raw, sign(raw), SECRET)) == wire


# -- fuzzing: nothing but the two documented errors escapes ----------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                  max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from([
    "type", "timestamp", "source", "mode", "webhookEventId", "deliveryContext", "replyToken",
    "message", "unsend", "follow", "joined", "left", "postback", "videoPlayComplete", "beacon",
    "link", "things", "membership", "module", "chatControl", "delivery", "id", "text", "userId",
    "groupId", "roomId", "members", "isRedelivery", "params", "data", "emojis", "mention",
    "mentionees", "contentProvider", "imageSet", "keywords", "result", "actionResults",
])
TAGS = st.sampled_from([
    "message", "unsend", "follow", "unfollow", "join", "leave", "memberJoined", "memberLeft",
    "postback", "videoPlayComplete", "beacon", "accountLink", "things", "membership", "module",
    "activated", "deactivated", "botSuspended", "botResumed", "delivery", "user", "group", "room",
    "text", "image", "video", "audio", "file", "location", "sticker", "all", "link", "unlink",
    "scenarioResult", "joined", "left", "renewed", "attached", "detached", "line", "external",
])
SHAPED = st.recursive(
    JSON_VALUES | TAGS,
    lambda inner: st.dictionaries(KEYS, inner, max_size=6) | st.lists(inner, max_size=3)
    | st.fixed_dictionaries({"type": TAGS}, optional=dict.fromkeys((
        "id", "text", "userId", "members", "message", "source", "timestamp", "mentionees"), inner)),
    max_leaves=30,
)
EVENT_DICTS = st.fixed_dictionaries(
    {"type": TAGS | st.text(max_size=5)},
    optional={"timestamp": st.integers() | JSON_VALUES, "source": SHAPED, "message": SHAPED,
              "replyToken": st.text() | JSON_VALUES, "mode": JSON_VALUES,
              "deliveryContext": SHAPED, "postback": SHAPED, "joined": SHAPED,
              "things": SHAPED, "membership": SHAPED, "module": SHAPED, "beacon": SHAPED,
              "link": SHAPED, "unsend": SHAPED, "follow": SHAPED, "chatControl": SHAPED},
) | st.dictionaries(KEYS, SHAPED, max_size=6)


def _parse_or_payload_error(raw: bytes) -> list[Event] | None:
    try:
        events = parse(raw, sign(raw), SECRET)
    except InvalidPayloadError:
        return None
    assert all(isinstance(event, Event) for event in events)
    return events


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=200))
def test_fuzz_random_bytes(raw: bytes) -> None:
    _parse_or_payload_error(raw)


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES | st.dictionaries(st.sampled_from(["destination", "events"]), SHAPED))
def test_fuzz_random_json_values(value: Any) -> None:
    _parse_or_payload_error(json.dumps(value).encode())


@settings(max_examples=500, deadline=None)
@given(events=st.lists(EVENT_DICTS, max_size=4))
def test_fuzz_random_event_objects_each_become_one_event(events: list[dict[str, Any]]) -> None:
    raw = body_of(*events)
    parsed = _parse_or_payload_error(raw)
    assert parsed is not None
    assert len(parsed) == len(events)
    for event, wire in zip(parsed, events, strict=True):
        if isinstance(event, UnknownEvent):
            assert event.raw == wire


# -- import weight ---------------------------------------------------------------------------------


def test_webhook_parse_does_not_import_urllib3() -> None:
    raw = (SAMPLES / "mixed.json").read_bytes()
    code = (
        "import sys, linebot_fp.webhook as w\n"
        f"raw = {raw!r}\n"
        f"events = w.parse(raw, {sign(raw)!r}, {SECRET!r})\n"
        "assert len(events) == 7, events\n"
        "assert 'urllib3' not in sys.modules, 'urllib3 was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


# -- dispatch --------------------------------------------------------------------------------------

SOURCE = SourceUser(user_id="U1")
TEXT = MessageEvent(timestamp=1, reply_token="r1", source=SOURCE,
                    message=TextMessage(id="1", text="hi"))
IMAGE = MessageEvent(timestamp=2, reply_token="r2", source=SOURCE, message=ImageMessage(id="2"))
STICKER = MessageEvent(timestamp=3, reply_token="r3", source=SOURCE,
                       message=StickerMessage(id="3", package_id="1", sticker_id="2"))
FOLLOW = FollowEvent(timestamp=4, reply_token="r4", source=SOURCE)
UNFOLLOW = UnfollowEvent(timestamp=5, source=SOURCE)
UNKNOWN = UnknownEvent(raw={"type": "hologram"})


def test_dispatch_pair_beats_class_and_results_are_in_order() -> None:
    handlers = {
        (MessageEvent, TextMessage): lambda e: ("text", e.message.text),
        MessageEvent: lambda e: ("any message", e.message.id),
        FollowEvent: lambda e: ("follow", e.reply_token),
    }
    results = dispatch(handlers, [TEXT, FOLLOW, IMAGE, UNFOLLOW, STICKER, TEXT])
    assert results == [("text", "hi"), ("follow", "r4"), ("any message", "2"),
                       ("any message", "3"), ("text", "hi")]


def test_dispatch_default_takes_the_events_without_a_handler() -> None:
    handlers = {(MessageEvent, ImageMessage): lambda e: "image"}
    results = dispatch(handlers, [TEXT, IMAGE, UNKNOWN, FOLLOW], default=lambda e: e.type)
    assert results == ["message", "image", "hologram", "follow"]


def test_dispatch_skips_events_without_a_handler() -> None:
    seen: list[Event] = []
    handlers = {FollowEvent: seen.append, (MessageEvent, StickerMessage): seen.append}
    results = dispatch(handlers, iter([TEXT, FOLLOW, UNFOLLOW, STICKER, UNKNOWN]))
    assert seen == [FOLLOW, STICKER]
    assert results == [None, None]
    assert dispatch({}, [TEXT, FOLLOW]) == []
    assert dispatch({FollowEvent: id}, []) == []


def test_dispatch_matches_exact_classes_only() -> None:
    handlers = {Event: lambda e: "base", (MessageEvent, UnknownMessage): lambda e: "unknown"}
    strange = MessageEvent(timestamp=1, message=UnknownMessage(raw={"type": "hologram"}))
    assert dispatch(handlers, [TEXT, FOLLOW, strange]) == ["unknown"]
    assert dispatch({JoinEvent: lambda e: 1}, [FOLLOW]) == []


def test_dispatch_on_parsed_events() -> None:
    raw = (SAMPLES / "mixed.json").read_bytes()
    events = parse(raw, sign(raw), SECRET)
    handlers = {
        (MessageEvent, TextMessage): lambda e: f"echo {e.message.text}",
        (MessageEvent, StickerMessage): lambda e: f"sticker {e.message.sticker_id}",
        PostbackEvent: lambda e: f"postback {e.postback.data}",
        UnknownEvent: lambda e: f"unknown {e.type}",
    }
    assert dispatch(handlers, events, default=lambda e: "default") == [
        "echo こんにちは $ @All", "default", "unknown hologram", "unknown message",
        "postback action=buy&itemid=111", "sticker 52002738", "default",
    ]


@pytest.mark.parametrize("text", [
    '{"events": []}', ' \n{"events": [1, 2]}\r\n ', "", "   ", '{"events": []} x',
    '{"events": []}  \n x', '{"events": []}\x0b', '{"events": [1, 2', "nul", '{"a":1}{}',
    '{"events": [], "s": "\\ud800"}', '\t[5]\t', '{"a": "\x01"}', '{"a": 1e999, "b": NaN}',
])
def test_a_body_is_read_exactly_as_json_reads_it(text: str) -> None:
    from linebot_fp.webhook import _json

    def outcome(read: Any) -> str:
        try:
            return repr(read(text))
        except json.JSONDecodeError as error:
            return f"JSONDecodeError: {error}"

    assert outcome(_json) == outcome(json.loads)
