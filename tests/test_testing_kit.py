"""linebot_fp.testing: event factories, signed webhook bodies, test transports, WsgiServer."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from facts_support import structure_errors
from hypothesis import given, strategies as st
from spec_support import schema_errors

import linebot_fp.testing as kit
from linebot_fp.api import get_message_content, get_profile, push_message, reply_message
from linebot_fp.client import AsyncClient, Client
from linebot_fp.errors import (
    InvalidInputError,
    InvalidSignatureError,
    LineBotApiError,
    TransportError,
    TransportTimeoutError,
)
from linebot_fp.models.emojis import Emojis
from linebot_fp.models.events import (
    AccountLinkEvent,
    BeaconEvent,
    Event,
    FollowEvent,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEditedEvent,
    MessageEvent,
    PostbackEvent,
    PostbackParams,
    UnfollowEvent,
    UnknownEvent,
    UnsendEvent,
    VideoPlayCompleteEvent,
)
from linebot_fp.models.messages import (
    AudioMessage,
    ContentProvider,
    FileMessage,
    ImageMessage,
    ImageSet,
    LocationMessage,
    Mention,
    StickerMessage,
    TextMessage,
    UnknownMessage,
    UserMentionee,
    VideoMessage,
)
from linebot_fp.models.responses import Profile
from linebot_fp.models.send_messages import TextSendMessage
from linebot_fp.models.sources import SourceGroup, SourceRoom, SourceUser
from linebot_fp.request import Response
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing import (
    DESTINATION,
    GROUP_ID,
    ROOM_ID,
    TIMESTAMP,
    USER_ID,
    FakeLineApi,
    Fault,
    RecordingTransport,
    ScriptedTransport,
    WsgiServer,
    account_link_event,
    audio_message_event,
    beacon_event,
    file_message_event,
    follow_event,
    image_message_event,
    join_event,
    json_response,
    leave_event,
    location_message_event,
    member_joined_event,
    member_left_event,
    message_edited_event,
    message_event,
    post_webhook,
    postback_event,
    sign,
    sticker_message_event,
    text_message_event,
    unfollow_event,
    unknown_event,
    unsend_event,
    video_message_event,
    video_play_complete_event,
    webhook_body,
    webhook_headers,
)
from linebot_fp.webhook import parse, parse_payload

SECRET = "channel-secret"
OTHER_USER = "Uaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

# -- a table: factory call -> the class of event and message it must give ----------------------

FACTORIES: dict[str, tuple[Callable[[], Event], type, type | None]] = {
    "text": (lambda: text_message_event("hello 👋"), MessageEvent, TextMessage),
    "text in a group": (lambda: text_message_event("hi", group_id=GROUP_ID), MessageEvent,
                        TextMessage),
    "text with all": (lambda: text_message_event(
        "@Ann hi $", message_id="1", quote_token="q", quoted_message_id="0",
        emojis=[Emojis(index=8, length=1, product_id="5ac1bfd5040ab15980c9b435", emoji_id="001")],
        mention=Mention(mentionees=[UserMentionee(index=0, length=4, user_id=OTHER_USER)]),
        reply_token="r" * 32, timestamp=1, webhook_event_id="01ARZ3NDEKTSV4RRFFQ69G5FAV",
        redelivery=True, room_id=ROOM_ID), MessageEvent, TextMessage),
    "sticker": (sticker_message_event, MessageEvent, StickerMessage),
    "sticker with text": (lambda: sticker_message_event(
        "789", "10855", sticker_resource_type="MESSAGE", keywords=["hi"], text="Hello"),
        MessageEvent, StickerMessage),
    "image": (image_message_event, MessageEvent, ImageMessage),
    "image in a set": (lambda: image_message_event(
        image_set=ImageSet(id="set", index=1, total=2),
        content_provider=ContentProvider(type="external", original_content_url="https://e.com/a",
                                         preview_image_url="https://e.com/p")),
        MessageEvent, ImageMessage),
    "video": (video_message_event, MessageEvent, VideoMessage),
    "audio": (audio_message_event, MessageEvent, AudioMessage),
    "file": (file_message_event, MessageEvent, FileMessage),
    "location": (location_message_event, MessageEvent, LocationMessage),
    "location untitled": (lambda: location_message_event(1.5, -2, title=None, address=None),
                          MessageEvent, LocationMessage),
    "future message": (lambda: message_event(UnknownMessage(raw={"type": "holo", "id": "9"})),
                       MessageEvent, UnknownMessage),
    "unsend": (lambda: unsend_event("325708"), UnsendEvent, None),
    "edited": (lambda: message_edited_event("hello, edited"), MessageEditedEvent, TextMessage),
    "edited in a room": (lambda: message_edited_event("x", room_id=ROOM_ID, timestamp=5),
                         MessageEditedEvent, TextMessage),
    "follow": (follow_event, FollowEvent, None),
    "unblock": (lambda: follow_event(is_unblocked=True), FollowEvent, None),
    "unfollow": (unfollow_event, UnfollowEvent, None),
    "join": (join_event, JoinEvent, None),
    "join a room": (lambda: join_event(room_id=ROOM_ID), JoinEvent, None),
    "leave": (leave_event, LeaveEvent, None),
    "member joined": (lambda: member_joined_event([USER_ID, OTHER_USER]), MemberJoinedEvent, None),
    "member left": (member_left_event, MemberLeftEvent, None),
    "postback": (lambda: postback_event("action=buy"), PostbackEvent, None),
    "postback date": (lambda: postback_event("d", {"date": "2024-05-01"}), PostbackEvent, None),
    "postback switch": (lambda: postback_event("s", PostbackParams(
        new_rich_menu_alias_id="menu-b", status="SUCCESS")), PostbackEvent, None),
    "beacon": (beacon_event, BeaconEvent, None),
    "beacon dm": (lambda: beacon_event("abcdef0123", "banner", dm="1234"), BeaconEvent, None),
    "video complete": (lambda: video_play_complete_event("track-1"), VideoPlayCompleteEvent,
                       None),
    "account link": (lambda: account_link_event("nonce-1"), AccountLinkEvent, None),
    "account link failed": (lambda: account_link_event("n", "failed"), AccountLinkEvent, None),
    "future event": (lambda: unknown_event("futureEvent", {"thing": {"a": [1, "ü"]}}),
                     UnknownEvent, None),
    "standby": (lambda: text_message_event("psst", mode="standby"), MessageEvent, TextMessage),
}


@pytest.mark.parametrize("name", FACTORIES)
def test_factory_gives_its_event_and_round_trips(name):
    factory, event_class, message_class = FACTORIES[name]
    event = factory()
    assert type(event) is event_class
    if message_class is not None:
        assert type(event.message) is message_class
    body, signature = webhook_body([event], SECRET)
    assert parse(body, signature, SECRET) == [event]


def test_every_factory_in_one_body_round_trips_with_its_destination():
    events = [factory() for factory, _, _ in FACTORIES.values()]
    body, signature = webhook_body(events, SECRET, destination=OTHER_USER)
    payload = parse_payload(body, signature, SECRET)
    assert payload.destination == OTHER_USER
    assert list(payload.events) == events


@given(text=st.text(max_size=200), user=st.from_regex(r"U[0-9a-f]{32}", fullmatch=True),
       timestamp=st.integers(min_value=0, max_value=2**53), redelivery=st.booleans(),
       where=st.sampled_from(["user", "group", "room"]))
def test_text_events_round_trip(text, user, timestamp, redelivery, where):
    chat = {"user": {}, "group": {"group_id": GROUP_ID}, "room": {"room_id": ROOM_ID}}[where]
    event = text_message_event(text, user_id=user, timestamp=timestamp, redelivery=redelivery,
                               **chat)
    body, signature = webhook_body(event, SECRET)
    assert parse(body, signature, SECRET) == [event]
    assert event.source is not None
    assert event.source.user_id == user


@given(data=st.text(max_size=300),
       params=st.dictionaries(st.sampled_from(["date", "time", "datetime",
                                               "newRichMenuAliasId", "status"]),
                              st.text(min_size=1, max_size=20)))
def test_postbacks_round_trip(data, params):
    event = postback_event(data, params or None)
    assert dict(event.postback.params or {}) == params
    assert parse(*webhook_body(event, SECRET), SECRET) == [event]


@given(fields=st.dictionaries(
    st.text(min_size=1, max_size=10).filter(lambda key: key != "type"),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                 lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8),
    max_size=4))
def test_unknown_events_keep_their_fields(fields):
    event = unknown_event("fromTheFuture", fields)
    assert event.type == "fromTheFuture"
    for key, value in fields.items():
        assert event.raw[key] == value
    assert parse(*webhook_body(event, SECRET), SECRET) == [event]


# -- defaults ------------------------------------------------------------------------------------


def test_defaults_look_like_what_line_sends():
    event = text_message_event("hi")
    assert event.source == SourceUser(user_id=USER_ID)
    assert event.timestamp == TIMESTAMP
    assert event.mode == "active"
    assert event.delivery_context is not None
    assert event.delivery_context.is_redelivery is False
    assert re.fullmatch(r"[0-9a-f]{32}", event.reply_token or "")
    assert re.fullmatch(r"[1-9][0-9]{17}", event.message.id)
    assert event.message.quote_token
    # a ULID whose first 48 bits are the event's timestamp
    ulid = event.webhook_event_id or ""
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{26}", ulid)
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    number = 0
    for char in ulid:
        number = number * 32 + alphabet.index(char)
    assert number >> 80 == TIMESTAMP
    for constant in (USER_ID, DESTINATION):
        assert re.fullmatch(r"U[0-9a-f]{32}", constant)
    assert re.fullmatch(r"C[0-9a-f]{32}", GROUP_ID)
    assert re.fullmatch(r"R[0-9a-f]{32}", ROOM_ID)


def test_same_call_same_event_different_content_different_ids():
    assert text_message_event("a") == text_message_event("a")
    first, second = text_message_event("a"), text_message_event("b")
    assert first.message.id != second.message.id
    assert first.reply_token != second.reply_token
    assert first.webhook_event_id != second.webhook_event_id
    assert text_message_event("a").message.id != text_message_event("a", user_id=OTHER_USER
                                                                     ).message.id


@pytest.mark.parametrize(("event", "source"), [
    (text_message_event("x", group_id=GROUP_ID), SourceGroup(group_id=GROUP_ID, user_id=USER_ID)),
    (text_message_event("x", room_id=ROOM_ID, user_id=None), SourceRoom(room_id=ROOM_ID)),
    (text_message_event("x", source=SourceUser(user_id=OTHER_USER)),
     SourceUser(user_id=OTHER_USER)),
    (join_event(), SourceGroup(group_id=GROUP_ID)),
    (leave_event(room_id=ROOM_ID), SourceRoom(room_id=ROOM_ID)),
    (member_joined_event(group_id="Cother"), SourceGroup(group_id="Cother")),
    (follow_event(user_id=OTHER_USER), SourceUser(user_id=OTHER_USER)),
])
def test_sources(event, source):
    assert event.source == source


def test_events_without_a_reply_token_have_none_and_refuse_one():
    for event in (unfollow_event(), leave_event(), member_left_event(), unsend_event("1"),
                  account_link_event("n", "failed"), text_message_event("s", mode="standby"),
                  unknown_event("futureEvent")):
        assert getattr(event, "reply_token", None) is None, event
    with pytest.raises(InvalidInputError, match="reply_token"):
        unfollow_event(reply_token="r")  # type: ignore[call-arg]
    assert text_message_event("x", reply_token="given").reply_token == "given"
    assert unknown_event("futureEvent", reply_token="r").raw["replyToken"] == "r"


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: text_message_event("x", source=SourceUser(user_id="U"), user_id="U"),
     InvalidInputError, "not both"),
    (lambda: text_message_event("x", group_id="C", room_id="R"), InvalidInputError, "not both"),
    (lambda: text_message_event("x", source="U1"), InvalidInputError, "Source"),
    (lambda: text_message_event("x", usr_id="U1"), TypeError, "usr_id"),
    (lambda: member_joined_event([]), InvalidInputError, "at least one"),
    (lambda: member_left_event(USER_ID), InvalidInputError, "not one string"),
    (lambda: unknown_event("message", {"message": {"type": "text", "id": "1", "text": "t"}}),
     InvalidInputError, "knows"),
    (lambda: message_event(TextSendMessage(text="x")), InvalidInputError, "Message"),
    (lambda: webhook_body([TextSendMessage(text="x")], SECRET), InvalidInputError, "events"),
])
def test_mistakes_are_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_an_unknown_event_whose_type_is_known_but_unreadable_is_refused():
    with pytest.raises(InvalidInputError, match="knows"):
        unknown_event("follow")


# -- signing and bodies --------------------------------------------------------------------------


def test_sign_is_base64_hmac_sha256_and_matches_a_known_answer():
    body = '{"destination":"U0123456789abcdef0123456789abcdef","events":[]}'
    assert sign(body, SECRET) == "ezxxOQ39M2U+Dzkj4SllRIn//eHFoa+a4Hn2YMnYK88="
    digest = hmac.new(b"s", "é".encode(), hashlib.sha256).digest()
    assert sign("é", "s") == sign("é".encode(), b"s") == base64.b64encode(digest).decode()


def test_webhook_body_is_compact_utf8_json_signed_with_the_secret():
    body, signature = webhook_body(text_message_event("こんにちは"), SECRET)
    assert "こんにちは".encode() in body
    assert b": " not in body
    assert json.loads(body)["destination"] == DESTINATION
    assert signature == sign(body, SECRET)
    with pytest.raises(InvalidSignatureError):
        parse(body, signature, "another secret")


def test_no_events_is_the_connection_check():
    body, signature = webhook_body([], SECRET)
    assert json.loads(body) == {"destination": DESTINATION, "events": []}
    assert parse(body, signature, SECRET) == []


def test_webhook_headers():
    assert webhook_headers("sig") == {"Content-Type": "application/json; charset=utf-8",
                                      "User-Agent": "LineBotWebhook/2.0",
                                      "X-Line-Signature": "sig"}


# -- the factories' JSON against the LINE OpenAPI webhook schema ---------------------------------

@pytest.fixture(scope="module")
def webhook_facts_errors() -> Callable[[Any], list[str]]:
    """What webhook.yml's facts find wrong with a body; an unmapped type is the unknown member's."""
    errors = structure_errors("webhook", unknown_tags=True)
    return lambda instance: errors(instance, "CallbackRequest")


FACTORY_NAMES = [n for n in FACTORIES if n != "future message"]


@pytest.mark.parametrize("name", FACTORY_NAMES)
def test_factory_json_fits_the_spec(name, webhook_facts_errors):
    body, _ = webhook_body([FACTORIES[name][0]()], SECRET)
    assert webhook_facts_errors(json.loads(body)) == []


def test_factory_json_is_valid_against_the_full_schema():
    errors = schema_errors("webhook", unknown_tags=True)  # skips without the spec
    bodies = {name: json.loads(webhook_body([FACTORIES[name][0]()], SECRET)[0])
              for name in FACTORY_NAMES}
    assert {name: found for name, body in bodies.items()
            if (found := errors(body, "CallbackRequest"))} == {}


def test_the_spec_check_catches_a_missing_field(webhook_facts_errors):
    data = json.loads(webhook_body([text_message_event("x")], SECRET)[0])
    del data["events"][0]["message"]["text"]
    assert webhook_facts_errors(data) == ["$.events[0].message: 'text' is a required property"]


# -- post_webhook and WsgiServer -----------------------------------------------------------------


def verifying_app(environ, start_response):
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    try:
        events = parse(body, environ.get("HTTP_X_LINE_SIGNATURE"), SECRET)
    except InvalidSignatureError:
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [b"bad signature"]
    answer = json.dumps({"events": len(events), "agent": environ.get("HTTP_USER_AGENT"),
                         "type": environ.get("CONTENT_TYPE")}).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [answer]


def test_post_webhook_to_a_wsgi_server():
    with WsgiServer(verifying_app) as bot:
        assert bot.url.startswith("http://127.0.0.1:")
        good = post_webhook(bot.url + "/callback",
                            *webhook_body([follow_event(), join_event()], SECRET))
        bad = post_webhook(bot.url + "/callback",
                           *webhook_body([follow_event()], "wrong secret"))
    assert good.status == 200
    assert json.loads(good.read()) == {"events": 2, "agent": "LineBotWebhook/2.0",
                                       "type": "application/json; charset=utf-8"}
    assert good.headers["content-type"] == "application/json"
    assert (bad.status, bad.read()) == (400, b"bad signature")


def test_post_webhook_to_nobody_raises_oserror():
    server = WsgiServer(verifying_app).start()
    url = server.url
    server.stop()
    with pytest.raises(OSError, match=r"refused|Errno"):
        post_webhook(url, *webhook_body([], SECRET), timeout=2)


def test_wsgi_server_listens_on_loopback_only():
    with pytest.raises(ValueError, match="loopback"):
        WsgiServer(verifying_app, host="0.0.0.0")


# -- RecordingTransport ----------------------------------------------------------------------------


def test_recording_transport_records_and_answers_200_empty_json_by_default():
    transport = RecordingTransport()
    client = Client("token", transport=transport, retry=None)
    assert client.send(reply_message("r", TextSendMessage(text="hi"))) is not None
    (sent,) = transport.requests
    assert (sent.method, sent.url) == ("POST", "https://api.line.me/v2/bot/message/reply")
    assert sent.headers["Authorization"] == "Bearer token"
    assert transport.json_bodies() == [{"replyToken": "r", "notificationDisabled": False,
                                        "messages": [{"type": "text", "text": "hi"}]}]


def test_recording_transport_rules_by_method_path_and_pattern():
    transport = RecordingTransport()
    transport.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    transport.on("GET", re.compile(r"/v2/bot/profile/.*"), status=404,
                 json={"message": "Not found"})
    transport.on(None, re.compile(r"/v2/bot/message/\d+/content"), body=b"\x89PNG",
                 headers={"Content-Type": "image/png"})
    client = Client("t", transport=transport, retry=None)
    assert client.send(get_profile("U1")) == Profile(display_name="Ann", user_id="U1")
    with pytest.raises(LineBotApiError) as caught:
        client.send(get_profile("U2"))
    assert (caught.value.status_code, caught.value.error.message) == (404, "Not found")
    with client.send(get_message_content("123")) as content:
        assert (content.content_type, content.content) == ("image/png", b"\x89PNG")
    assert [urlpath(r.url) for r in transport.requests] == [
        "/v2/bot/profile/U1", "/v2/bot/profile/U2", "/v2/bot/message/123/content"]
    assert transport.json_bodies() == [None, None, None]


def test_recording_transport_default_is_replaceable():
    transport = RecordingTransport(default=json_response({"message": "down"}, status=500))
    with pytest.raises(LineBotApiError, match="down"):
        Client("t", transport=transport, retry=None).send(get_profile("U1"))


def test_recording_transport_serves_the_async_client():
    transport = RecordingTransport()
    transport.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    client = AsyncClient("t", transport=transport.asynchronous, retry=None)
    assert asyncio.run(client.send(get_profile("U1"))).display_name == "Ann"
    assert len(transport.requests) == 1


def urlpath(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# -- ScriptedTransport -----------------------------------------------------------------------------


def test_scripted_transport_plays_retries_step_by_step():
    transport = ScriptedTransport([
        json_response({"message": "busy"}, status=503),
        TransportTimeoutError("slow"),
        json_response({"sentMessages": [{"id": "1"}]}),
    ])
    client = Client("t", transport=transport, retry=RetryPolicy(max_attempts=3, backoff=0),
                    sleep=lambda _: None)
    answer = client.send(push_message("U1", TextSendMessage(text="hi")))
    assert answer.sent_messages[0].id == "1"
    keys = {r.headers["X-Line-Retry-Key"] for r in transport.requests}
    assert len(transport.requests) == 3
    assert len(keys) == 1
    assert transport.remaining == 0


def test_scripted_transport_raises_a_queued_transport_error():
    transport = ScriptedTransport([TransportError("refused")])
    with pytest.raises(TransportError, match="refused"):
        Client("t", transport=transport, retry=None).send(get_profile("U1"))


def test_scripted_transport_with_nothing_left_fails_the_test():
    transport = ScriptedTransport()
    transport.extend([Response(status=200, body=b"{}")])
    assert transport.remaining == 1
    client = Client("t", transport=transport, retry=None)
    client.send(push_message("U1", TextSendMessage(text="x")))
    assert transport.remaining == 0
    with pytest.raises(AssertionError, match="no answer left for GET"):
        client.send(get_profile("U1"))


def test_scripted_transport_refuses_what_is_not_an_outcome():
    with pytest.raises(TypeError, match=r"outcomes\[1\]"):
        ScriptedTransport([json_response(), {"status": 200}])  # type: ignore[list-item]


def test_json_response():
    answer = json_response({"a": "ü"}, status=201, headers={"X-Line-Request-Id": "id"})
    assert (answer.status, json.loads(answer.read())) == (201, {"a": "ü"})
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-line-request-id"] == "id"
    assert json_response().read() == b"{}"


# -- the package surface ---------------------------------------------------------------------------


def test_all_is_sorted_and_every_name_resolves():
    assert kit.__all__ == sorted(kit.__all__)
    for name in kit.__all__:
        assert getattr(kit, name) is not None, name
    assert kit.FakeLineApi is FakeLineApi


def test_factories_and_bodies_do_not_load_servers_or_urllib3():
    code = ("import sys\n"
            "from linebot_fp.testing import text_message_event, webhook_body\n"
            "webhook_body(text_message_event('x'), 's')\n"
            "print(sorted(m for m in ('urllib3', 'http.server', 'wsgiref.simple_server')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


# -- the README's "Testing your bot" example, as written there ---------------------------------


def readme_block(after: str) -> str:
    """The first Python block of README.md after the line that starts with ``after``."""
    readme = Path(__file__).resolve().parents[1] / "README.md"
    if not readme.is_file():
        pytest.skip("README.md is not shipped here")
    text = readme.read_text(encoding="utf-8")
    start = text.index("\n" + after)
    block = text.index("```python\n", start) + len("```python\n")
    return text[block:text.index("```", block)]


def test_the_readme_example():
    names: dict[str, Any] = {}
    exec(readme_block("HTTP to mock."), names)  # the handler and its test, as written there
    names["test_echo_replies_with_the_same_text"]()
    event = text_message_event("hello", reply_token="r1")  # the comparison tells requests apart
    assert names["echo"](event) != reply_message("r2", TextSendMessage(text="hello"))
    assert names["echo"](event) != reply_message("r1", TextSendMessage(text="hello!"))


def test_the_readme_fault_example():
    names: dict[str, Any] = {}
    exec(readme_block("* **Faults.**"), names)  # its own assertions run
    api = names["api"]
    assert api.requests[1].headers["X-Line-Retry-Key"] == api.requests[0].headers[
        "X-Line-Retry-Key"]
    assert [kind for kind, _ in api.faults] == [Fault.DROP_AFTER_ACCEPT]
