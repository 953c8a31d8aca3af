"""FakeLineApi's default answers have the shapes LINE sends (linebot_fp.testing.line_answers).

Every operation of the spec, built by the representative arguments of the spec walks
(test_api_spec_messaging.py, test_api_spec_other.py), is answered with the spec's success
status and a body that fits the facts of its response schema (tests/spec_facts.json),
and decodes through a real Client over a real socket; the full JSON Schema check of the
same answers reads the spec and skips, saying why, without it. Then the request-shaped
answers (``sentMessages``, ids from the path, times from the fake's clock) and LINE's
error bodies.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
from typing import Any

import pytest
from facts_support import operations, structure_errors, success
from spec_support import schema_errors
from test_api_spec_messaging import ARGS as MESSAGING_ARGS
from test_api_spec_other import ARGS as OTHER_ARGS

import linebot_fp.models
from linebot_fp import api
from linebot_fp.api._registry import BINARY, EMPTY, OPERATIONS, answer_type
from linebot_fp.client import Client
from linebot_fp.content import Content
from linebot_fp.errors import LineBotApiError
from linebot_fp.models import (
    ImageSendMessage,
    LocationSendMessage,
    PushMessageResponse,
    ReplyMessageResponse,
    StickerSendMessage,
    TextSendMessage,
)
from linebot_fp.request import Request
from linebot_fp.testing import FakeClock, FakeLineApi
from linebot_fp.testing.line_answers import (
    _VALUES,
    ENDPOINTS,
    QUOTABLE,
    Asked,
    default_answer,
    endpoint_of,
)

REQUEST_ID = "f70dd685-499a-4231-a441-f24b8d4fba21"
LINE_OPERATIONS = sorted(op for op in operations() if op != "callback")  # callback: the bot's


def request_of(operation_id: str) -> Request[Any]:
    """The request the spec walks build for ``operation_id``."""
    if operation_id in MESSAGING_ARGS:
        return MESSAGING_ARGS[operation_id]()
    args, kwargs = OTHER_ARGS[operation_id]
    return OPERATIONS[operation_id](*args, **kwargs)


def answer_to(request: Request[Any], now: float = 1_767_225_600.0) -> Any:
    return default_answer(Asked(method=request.method, path=request.path,
                                body=request.body or b"",
                                content_type=request.headers.get("Content-Type", ""),
                                request_id=REQUEST_ID, now=now))


@pytest.fixture(scope="module")
def fake() -> Any:
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def client(fake: FakeLineApi) -> Client:
    fake.reset()
    return Client("token", endpoints=fake.endpoints, retry=None)


# -- every endpoint, against the spec -------------------------------------------------------------


def test_the_endpoints_are_the_spec_operations() -> None:
    spec = {operation_id: (op.method, op.path, int(success(op)[0]))
            for operation_id, op in operations().items() if operation_id != "callback"}
    assert spec == ENDPOINTS
    assert set(ENDPOINTS) <= set(OPERATIONS)


@pytest.mark.parametrize("operation_id", LINE_OPERATIONS)
def test_each_endpoint_is_found_by_its_request(operation_id: str) -> None:
    request = request_of(operation_id)
    found = endpoint_of(request.method, request.path)
    assert found is not None
    assert found[0] == operation_id


@pytest.mark.parametrize("operation_id", LINE_OPERATIONS)
def test_each_endpoint_answers_the_shape_of_its_spec_answer(operation_id: str) -> None:
    op = operations()[operation_id]
    status, content = success(op)
    answer = answer_to(request_of(operation_id))
    assert answer.status == int(status)
    kind = content.get("application/json")
    if kind is not None:
        assert answer.headers["Content-Type"] == "application/json"
        assert structure_errors(op.file)(json.loads(answer.body), kind) == []
    elif content:  # binary content
        assert answer.headers["Content-Type"] == "application/octet-stream"
    else:
        assert json.loads(answer.body) == {}  # LINE's "{}" for an answer with no content


def test_every_default_answer_is_valid_against_the_spec_schema() -> None:
    problems, checked = {}, 0
    for operation_id in LINE_OPERATIONS:
        op = operations()[operation_id]
        kind = success(op)[1].get("application/json")
        if kind is None:
            continue
        body = json.loads(answer_to(request_of(operation_id)).body)
        if found := schema_errors(op.file)(body, kind.removeprefix("#")):  # skips without spec
            problems[operation_id] = found
        checked += 1
    assert checked >= 65
    assert problems == {}


def test_every_operation_decodes_through_a_real_client(client: Client, fake) -> None:
    for operation_id in LINE_OPERATIONS:
        request = request_of(operation_id)
        if fake.tokens.answer(request.method, request.path, (), b"") is not None:
            continue  # a token endpoint: played by api.tokens, before the default answer
        result = client.send(request)
        expected = answer_type(request.operation)
        if expected == BINARY:
            assert isinstance(result, Content), operation_id
            result.close()
        elif expected == EMPTY:
            assert result is None, operation_id
        else:
            assert isinstance(expected, type)
            assert isinstance(result, expected), operation_id


def test_the_chosen_values_name_real_models_and_fields() -> None:
    for model, values in _VALUES.items():
        cls = getattr(linebot_fp.models, model)
        assert set(values) <= {field.name for field in dataclasses.fields(cls)}, model


# -- answers drawn from the request ---------------------------------------------------------------


def test_a_push_answers_an_id_per_message_and_quote_tokens_for_quotable_ones(client) -> None:
    messages = [TextSendMessage(text="hi"), ImageSendMessage(
        original_content_url="https://e.com/a.jpg", preview_image_url="https://e.com/b.jpg"),
        LocationSendMessage(title="t", address="a", latitude=1.0, longitude=2.0),
        StickerSendMessage(package_id="446", sticker_id="1988")]
    answer = client.send(api.push_message("U1", messages))
    assert isinstance(answer, PushMessageResponse)
    assert answer.sent_messages is not None
    sent = list(answer.sent_messages)
    assert len(sent) == 4
    assert len({message.id for message in sent}) == 4
    assert all(message.id.isdigit() for message in sent)
    assert [message.quote_token is not None for message in sent] == [True, True, False, True]
    assert len({message.quote_token for message in sent if message.quote_token}) == 3


def test_a_reply_answers_sent_messages_too(client) -> None:
    answer = client.send(api.reply_message("reply-token", [TextSendMessage(text="a"),
                                                            TextSendMessage(text="b")]))
    assert isinstance(answer, ReplyMessageResponse)
    assert answer.sent_messages is not None
    assert [message.quote_token is not None for message in answer.sent_messages] == [True, True]


def test_another_request_gets_other_ids_and_the_same_request_the_same(fake) -> None:
    first = json.loads(answer_to(api.push_message("U1", TextSendMessage(text="x"))).body)
    again = json.loads(answer_to(api.push_message("U1", TextSendMessage(text="x"))).body)
    assert first == again  # pure: the ids are drawn from the request id
    client = Client("token", endpoints=fake.endpoints, retry=None)
    one = client.send(api.push_message("U1", TextSendMessage(text="x")))
    two = client.send(api.push_message("U1", TextSendMessage(text="x")))
    assert one.sent_messages[0].id != two.sent_messages[0].id


def test_a_retried_push_is_answered_409_with_the_first_sent_messages(client, fake) -> None:
    request = api.push_message("U1", TextSendMessage(text="once")).with_retry_key()
    first = client.send(request)
    again = client.send(request)  # 409 "already accepted" is an answer
    assert again.sent_messages == first.sent_messages
    assert [r.request_id for r in fake.accepted] == [fake.requests[0].request_id]


def test_the_quotable_types_are_send_message_types() -> None:
    assert {"text", "sticker", "image", "video"} <= QUOTABLE
    send_types = {getattr(linebot_fp.models, name).type for name in linebot_fp.models.__all__
                  if name.endswith("SendMessage") and name != "SendMessage"}
    assert send_types >= QUOTABLE


def test_ids_in_the_path_are_answered_back(client) -> None:
    assert client.send(api.get_profile("U0123")).user_id == "U0123"
    assert client.send(api.get_rich_menu("richmenu-42")).rich_menu_id == "richmenu-42"
    assert client.send(api.get_group_member_profile("C9", "U7")).user_id == "U7"


def test_times_come_from_the_fakes_clock() -> None:
    clock = FakeClock(start=1_767_225_600.0)  # 2026-01-01T00:00:00Z
    with FakeLineApi(clock=clock) as server:
        client = Client("token", endpoints=server.endpoints, retry=None)
        progress = client.send(api.get_progress_status_narrowcast("req-1"))
        clock.advance(90)
        later = client.send(api.get_progress_status_narrowcast("req-1"))
    assert progress.phase == "succeeded"
    assert progress.accepted_time == "2026-01-01T00:00:00.000Z"
    assert later.accepted_time == "2026-01-01T00:01:30.000Z"


def test_a_narrowcast_is_accepted_with_202_and_its_request_id(client, fake) -> None:
    answer = client.send(api.narrowcast(TextSendMessage(text="all")))
    assert answer.request_id == fake.requests[-1].request_id
    assert answer.request_id


def test_on_rules_still_come_first(client, fake) -> None:
    fake.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    assert client.send(api.get_profile("U1")).display_name == "Ann"


# -- LINE's error bodies ---------------------------------------------------------------------------


def raw(fake: FakeLineApi, method: str, path: str, body: bytes = b"",
        content_type: str = "application/json") -> tuple[int, dict[str, str], Any]:
    host, port = fake.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Content-Type": content_type})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), json.loads(answer.read())
    finally:
        connection.close()


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/v2/bot/no/such/thing"),
    ("DELETE", "/v2/bot/message/push"),  # an endpoint's path with another method
    ("GET", "/v2/bot/profile"),  # one segment short
])
def test_a_path_line_does_not_have_is_404_not_found(fake, method, path) -> None:
    status, headers, body = raw(fake, method, path)
    assert (status, body) == (404, {"message": "Not found"})
    assert headers["X-Line-Request-Id"]
    assert all(r.path != path for r in fake.accepted)  # an error is not accepted


def test_a_body_that_is_not_json_is_400_with_where_it_broke(fake, client) -> None:
    status, _, body = raw(fake, "POST", "/v2/bot/message/push", b'{"to": "U1",\n "messages": [}')
    assert status == 400
    assert body == {"message": "The request body could not be parsed as JSON (line: 2, column: 15)"}
    broken = Request(operation="push_message", method="POST", base="api",
                     path="/v2/bot/message/push", headers={"Content-Type": "application/json"},
                     body=b"not json")
    with pytest.raises(LineBotApiError) as raised:
        client.send(broken)
    assert raised.value.status_code == 400
    assert raised.value.error.message.startswith("The request body could not be parsed as JSON")
