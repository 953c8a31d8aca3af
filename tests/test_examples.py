"""Each example in examples/, run against FakeLineApi: configured by environment variables,
fed signed webhooks the way LINE sends them, checked by what reached the fake API.

The messages and requests the examples send are also checked against the facts of the
LINE OpenAPI schemas (tests/spec_facts.json), and against the full schemas when the spec
is there (``spec_support.facts_and_schema_errors``).
"""

from __future__ import annotations

import asyncio
import base64
import http.client
import importlib.util
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest
from apps_support import AiohttpServer, AsgiServer
from spec_support import facts_and_schema_errors, schema_errors

from linebot_fp.models import (
    ContentProvider,
)
from linebot_fp.testing import (
    USER_ID,
    FakeLineApi,
    WsgiServer,
    file_message_event,
    follow_event,
    image_message_event,
    location_message_event,
    post_webhook,
    postback_event,
    run_pending,
    sticker_message_event,
    text_message_event,
    webhook_body,
    webhook_headers,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SECRET = "example-secret"
TOKEN = "example-token"
PROFILE = {"displayName": "Ann", "userId": USER_ID, "statusMessage": "Hi there"}


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def load(monkeypatch, api) -> Callable[..., ModuleType]:
    """Import an example afresh, its environment pointing it at the fake API."""

    def load(name: str, **env: str) -> ModuleType:
        settings = {"LINE_CHANNEL_SECRET": SECRET, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
                    "LINE_API_ENDPOINT": api.url, **env}
        for key, value in settings.items():
            monkeypatch.setenv(key, value)
        spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, spec.name, module)  # importable by name while loaded
        spec.loader.exec_module(module)
        return module

    return load


def replies(api: FakeLineApi) -> list[dict[str, Any]]:
    """The reply bodies the fake API received, each checked for the token."""
    found = []
    for request in api.requests:
        if request.path == "/v2/bot/message/reply":
            assert request.headers["Authorization"] == f"Bearer {TOKEN}"
            found.append(request.json())
    return found


def texts(api: FakeLineApi) -> list[str]:
    return [m.get("text", m["type"]) for body in replies(api) for m in body["messages"]]


# -- the LINE OpenAPI schemas ------------------------------------------------------------------

@pytest.fixture(scope="module")
def spec_errors() -> Callable[[Any, str], list[str]]:
    """``spec_errors(instance, "ReplyMessageRequest")``: what the spec's facts (and its full
    schemas, when the spec is there) find wrong with it."""
    return facts_and_schema_errors("messaging-api")


# -- echo_wsgi: the standard library only ------------------------------------------------------


def test_echo_wsgi(load, api):
    example = load("echo_wsgi")
    text, sticker = text_message_event("hello"), sticker_message_event()
    with WsgiServer(example.application) as bot:
        callback = bot.url + "/callback"
        answers = [post_webhook(callback, *webhook_body(events, SECRET))
                   for events in ([text], [sticker, follow_event()], [])]
        forged = post_webhook(callback, *webhook_body([text], "not the secret"))
        broken = post_webhook(callback, b"{", webhook_body([], SECRET)[1])
        elsewhere = post_webhook(bot.url + "/other", *webhook_body([text], SECRET))
    assert [answer.status for answer in answers] == [200, 200, 200]
    assert replies(api) == [
        {"replyToken": text.reply_token, "messages": [{"type": "text", "text": "hello"}],
         "notificationDisabled": False},
        {"replyToken": sticker.reply_token,
         "messages": [{"type": "text", "text": "Nice sticker!"}], "notificationDisabled": False},
    ]
    assert (forged.status, broken.status, elsewhere.status) == (400, 400, 404)
    assert len(api.requests) == 2  # the follow event has no handler; the rest never got through


# -- echo_flask --------------------------------------------------------------------------------


def test_echo_flask(load, api):
    pytest.importorskip("flask")
    example = load("echo_flask")
    client = example.app.test_client()
    events = [text_message_event("hi"), sticker_message_event("11537", "52002734"),
              follow_event()]
    body, signature = webhook_body(events, SECRET)
    answer = client.post("/callback", data=body, headers=webhook_headers(signature))
    assert (answer.status_code, answer.get_data()) == (200, b"OK")
    assert [body["messages"][0] for body in replies(api)] == [
        {"type": "text", "text": "hi"},
        {"type": "sticker", "packageId": "11537", "stickerId": "52002734"},
        {"type": "text", "text": "Thanks for adding me!"},
    ]
    assert [body["replyToken"] for body in replies(api)] == [e.reply_token for e in events]
    forged = client.post("/callback", data=body, headers=webhook_headers("c2lnbmF0dXJl"))
    unsigned = client.post("/callback", data=body)
    assert (forged.status_code, unsigned.status_code) == (400, 400)
    assert len(api.requests) == 3


# -- aws_lambda ----------------------------------------------------------------------------------


def rest_api_event(body: bytes, signature: str) -> dict[str, Any]:
    """API Gateway REST API (payload format 1.0): headers as sent, body as text."""
    headers = {"Content-Type": "application/json; charset=utf-8", "Host": "abc.execute-api.aws",
               "User-Agent": "LineBotWebhook/2.0", "X-Line-Signature": signature}
    return {"resource": "/callback", "path": "/callback", "httpMethod": "POST",
            "headers": headers, "multiValueHeaders": {k: [v] for k, v in headers.items()},
            "queryStringParameters": None, "pathParameters": None,
            "requestContext": {"httpMethod": "POST", "path": "/prod/callback", "stage": "prod"},
            "body": body.decode(), "isBase64Encoded": False}


def function_url_event(body: bytes, signature: str) -> dict[str, Any]:
    """Lambda Function URL / HTTP API (payload format 2.0): lowercase headers, base64 body."""
    return {"version": "2.0", "routeKey": "$default", "rawPath": "/", "rawQueryString": "",
            "headers": {"content-type": "application/json; charset=utf-8",
                        "user-agent": "LineBotWebhook/2.0", "x-line-signature": signature},
            "requestContext": {"http": {"method": "POST", "path": "/", "protocol": "HTTP/1.1"}},
            "body": base64.b64encode(body).decode(), "isBase64Encoded": True}


@pytest.mark.parametrize("make_event", [rest_api_event, function_url_event])
def test_aws_lambda_replies(load, api, make_event):
    example = load("aws_lambda")
    events = [text_message_event("こんにちは"), follow_event()]
    answer = example.lambda_handler(make_event(*webhook_body(events, SECRET)), None)
    assert answer == {"statusCode": 200, "body": "OK"}
    assert texts(api) == ["こんにちは", "Hello from Lambda!"]


def test_aws_lambda_takes_header_names_in_any_case(load, api):
    example = load("aws_lambda")
    body, signature = webhook_body([text_message_event("hey")], SECRET)
    event = rest_api_event(body, signature)
    event["headers"] = {"X-LINE-SIGNATURE": signature}
    assert example.lambda_handler(event, None)["statusCode"] == 200
    assert texts(api) == ["hey"]


@pytest.mark.parametrize("make_event", [rest_api_event, function_url_event])
def test_aws_lambda_refuses_a_bad_signature(load, api, make_event):
    example = load("aws_lambda")
    body, _ = webhook_body([text_message_event("hey")], SECRET)
    answer = example.lambda_handler(make_event(body, "bm90IGl0"), None)
    assert answer["statusCode"] == 400
    assert "X-Line-Signature" in answer["body"]
    assert api.requests == []


def test_aws_lambda_refuses_an_event_without_headers_or_body(load, api):
    example = load("aws_lambda")
    assert example.lambda_handler({"body": None}, None)["statusCode"] == 400
    assert api.requests == []


def test_aws_lambda_answers_200_when_line_refuses_a_reply(load, api, capsys):
    example = load("aws_lambda")
    api.on("POST", "/v2/bot/message/reply", status=400, json={"message": "Invalid reply token"})
    answer = example.lambda_handler(
        function_url_event(*webhook_body([text_message_event("late")], SECRET)), None)
    assert answer["statusCode"] == 200
    assert "reply_message failed: LINE API answered 400: Invalid reply token" in (
        capsys.readouterr().out)


# -- async_send ----------------------------------------------------------------------------------


def test_async_send(load, api, capsys):
    example = load("async_send", LINE_USER_IDS="U1,U2")
    for user, name in (("U1", "Ann"), ("U2", "Bob")):
        api.on("GET", f"/v2/bot/profile/{user}", json={"displayName": name, "userId": user})
    api.on("POST", "/v2/bot/message/push", json={"sentMessages": [{"id": "1"}]})
    asyncio.run(example.main())
    pushes = [r for r in api.requests if r.path == "/v2/bot/message/push"]
    assert sorted((r.json()["to"], r.json()["messages"][0]["text"]) for r in pushes) == [
        ("U1", "Hi Ann, it's async!"), ("U2", "Hi Bob, it's async!")]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in api.requests)
    assert len({r.headers["X-Line-Retry-Key"] for r in pushes}) == 2
    assert sorted(capsys.readouterr().out.splitlines()) == ["Ann: sent", "Bob: sent"]


def test_async_send_reports_a_refused_push(load, api, capsys):
    example = load("async_send", LINE_USER_IDS="U1")
    api.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    api.on("POST", "/v2/bot/message/push", status=400, json={"message": "Bad push"})
    asyncio.run(example.main())
    request_id = api.requests[-1].request_id  # FakeLineApi gives each answer one, like LINE
    assert capsys.readouterr().out == (
        f"Ann: LINE API answered 400: Bad push (request id {request_id})\n")


def test_async_send_follows_no_redirect(load, api, capsys):
    example = load("async_send", LINE_USER_IDS="U1")
    api.on("GET", "/v2/bot/profile/U1", json={"displayName": "Ann", "userId": "U1"})
    with FakeLineApi() as elsewhere:
        api.on("POST", "/v2/bot/message/push", status=307,
               headers={"Location": elsewhere.url + "/v2/bot/message/push"})
        asyncio.run(example.main())
        assert elsewhere.requests == []  # the token never left for another host
    assert capsys.readouterr().out.startswith("Ann: LINE API answered 307")


# -- the ready apps and endpoints on web frameworks -----------------------------------------------


def declared_too_large(url: str, size: int = 2 * 1024 * 1024) -> int:
    """POST announcing a body of ``size`` bytes, sending two: refused before reading, or not."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("POST", parts.path, body=b"{}",
                           headers={"Content-Length": str(size), "X-Line-Signature": "x"})
        return connection.getresponse().status
    finally:
        connection.close()


def status_of(method: str, url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def check_echo_bot(api: FakeLineApi, callback: str, app: Any) -> None:
    """A text and a follow get their replies (once ``app``'s handlers ran); a forged body is
    refused and sends nothing."""
    text, follow = text_message_event("hello"), follow_event(user_id="U2")
    assert post_webhook(callback, *webhook_body([text, follow], SECRET)).status == 200
    run_pending(app)
    forged = post_webhook(callback, *webhook_body([text_message_event("x")], "not the secret"))
    assert forged.status == 400
    assert sorted(texts(api)) == ["Thanks for adding me!", "hello"]


def test_wsgi_app_example(load, api):
    example = load("wsgi_app")
    with WsgiServer(example.application) as bot:
        check_echo_bot(api, bot.url + "/callback", example.application)
        assert status_of("GET", bot.url + "/callback") == 405
        assert declared_too_large(bot.url + "/callback") == 413


def test_wsgi_app_example_accepts_each_secret_while_rotating(load, api):
    example = load("wsgi_app", LINE_CHANNEL_SECRET="new-secret,old-secret")
    with WsgiServer(example.application) as bot:
        for secret in ("old-secret", "new-secret"):
            body, signature = webhook_body([text_message_event(secret)], secret)
            assert post_webhook(bot.url + "/callback", body, signature).status == 200
        run_pending(example.application)
    assert sorted(texts(api)) == ["new-secret", "old-secret"]


def test_fastapi_bot(load, api):
    pytest.importorskip("fastapi")
    example = load("fastapi_bot")
    api.on("GET", "/v2/bot/profile/U2", json={"displayName": "Bob", "userId": "U2"})
    with AsgiServer(example.app) as bot:
        assert status_of("GET", bot.url + "/health") == 200
        text, follow = text_message_event("hello"), follow_event(user_id="U2")
        assert post_webhook(bot.url + "/line/callback",
                            *webhook_body([text, follow], SECRET)).status == 200
        run_pending(example.webhook)
        forged = post_webhook(bot.url + "/line/callback",
                              *webhook_body([text_message_event("x")], "not the secret"))
        assert forged.status == 400
        assert declared_too_large(bot.url + "/line/callback") == 413
    assert sorted(texts(api)) == ["Welcome, Bob!", "hello"]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in api.requests)
    assert vars(example.transport)["_client"] is None  # closed by the lifespan


def test_starlette_mount_records_redelivered_events_once_across_processes(load, api, tmp_path):
    pytest.importorskip("starlette")
    database = tmp_path / "inbox.sqlite3"
    example = load("starlette_mount", LINE_INBOX=str(database))
    body, signature = webhook_body([text_message_event("only once"),
                                    sticker_message_event(user_id="U2")], SECRET)
    with AsgiServer(example.app) as bot:
        assert status_of("GET", bot.url + "/") == 200
        assert post_webhook(bot.url + "/line/callback", body, signature).status == 200
        assert post_webhook(bot.url + "/line/callback", body, signature).status == 200
        assert post_webhook(bot.url + "/line/callback", body, "Zm9yZ2Vk").status == 400
        run_pending(example.webhook)
    assert sorted(texts(api)) == ["Nice sticker!", "only once"]
    again = load("starlette_mount", LINE_INBOX=str(database))  # another worker, same file
    with AsgiServer(again.app) as bot:
        assert post_webhook(bot.url + "/line/callback", body, signature).status == 200
        run_pending(again.webhook)
    assert len(replies(api)) == 2


def test_aiohttp_bot(load, api):
    pytest.importorskip("aiohttp")
    example = load("aiohttp_bot")
    app = example.make_app()
    with AiohttpServer(app) as bot:
        check_echo_bot(api, bot.url + "/callback", app[example.LINE_ENDPOINT])
        assert status_of("GET", bot.url + "/callback") == 405
        unsigned = post_webhook(bot.url + "/callback", b"{}", "")
        assert (unsigned.status, unsigned.read()) == (400, b"X-Line-Signature is missing")


def test_django_bot(load, api):
    pytest.importorskip("django")
    example = load("django_bot")
    with WsgiServer(example.application) as bot:
        check_echo_bot(api, bot.url + "/callback", example.endpoint)
        assert status_of("GET", bot.url + "/callback") == 405
        assert declared_too_large(bot.url + "/callback") == 413
        assert post_webhook(bot.url + "/callback", b"{}", "").status == 400


# -- kitchensink ---------------------------------------------------------------------------------


@pytest.fixture
def sink(load, api, tmp_path):
    pytest.importorskip("flask")
    example = load("kitchensink", CONTENT_DIR=str(tmp_path), STATIC_URL="https://cdn.example")
    client = example.app.test_client()

    def post(*events):
        body, signature = webhook_body(list(events), SECRET)
        answer = client.post("/callback", data=body, headers=webhook_headers(signature))
        assert answer.status_code == 200, answer.get_data()

    return example, post


COMMAND_REPLIES = {
    "buttons": ("template", "buttons"),
    "confirm": ("template", "confirm"),
    "carousel": ("template", "carousel"),
    "image_carousel": ("template", "image_carousel"),
    "imagemap": ("imagemap", None),
    "flex": ("flex", "bubble"),
    "quick_reply": ("text", None),
}


@pytest.mark.parametrize("command", COMMAND_REPLIES)
def test_kitchensink_commands(sink, api, command, spec_errors):
    _, post = sink
    post(text_message_event(command))
    ((reply,),) = [body["messages"] for body in replies(api)]
    kind, inner = COMMAND_REPLIES[command]
    assert reply["type"] == kind
    if inner is not None:
        assert (reply.get("template") or reply.get("contents"))["type"] == inner
    assert spec_errors(replies(api)[0], "ReplyMessageRequest") == []


def test_kitchensink_quick_reply_offers_six_actions(sink, api):
    _, post = sink
    post(text_message_event("Quick_Reply "))
    (body,) = replies(api)
    actions = [item["action"]["type"] for item in body["messages"][0]["quickReply"]["items"]]
    assert actions == ["postback", "message", "datetimepicker", "camera", "cameraRoll",
                       "location"]


def test_kitchensink_profile_echo_sticker_location_follow(sink, api):
    _, post = sink
    api.on("GET", f"/v2/bot/profile/{USER_ID}", json=PROFILE)
    post(text_message_event("profile"), text_message_event("anything else"),
         sticker_message_event("446", "1989"), location_message_event(), follow_event())
    assert texts(api)[:2] == ["You are Ann: Hi there", "anything else"]
    sticker, location, follow = (body["messages"][0] for body in replies(api)[2:])
    assert sticker == {"type": "sticker", "packageId": "446", "stickerId": "1989"}
    assert location == {"type": "location", "title": "Tokyo Station",
                        "address": "1 Chome Marunouchi, Chiyoda City, Tokyo",
                        "latitude": 35.681236, "longitude": 139.767125}
    assert follow["text"].startswith("Hello!")


def test_kitchensink_saves_content(sink, api, tmp_path):
    _, post = sink
    api.on("GET", "/v2/bot/message/42/content", body=b"\x89PNG" + bytes(300_000),
           headers={"Content-Type": "image/png"})
    api.on("GET", "/v2/bot/message/43/content", body=b"%PDF-1.7",
           headers={"Content-Type": "application/pdf"})
    post(image_message_event(message_id="42"),
         file_message_event("menu.pdf", 8, message_id="43"),
         image_message_event(message_id="44", content_provider=ContentProvider(
             type="external", original_content_url="https://elsewhere.example/a.jpg")))
    assert (tmp_path / "42-image").read_bytes() == b"\x89PNG" + bytes(300_000)
    assert (tmp_path / "43-menu.pdf").read_bytes() == b"%PDF-1.7"
    assert texts(api) == ["Saved 300004 bytes (image/png) to 42-image",
                          "Saved 8 bytes (application/pdf) to 43-menu.pdf",
                          "That one lives at https://elsewhere.example/a.jpg"]
    downloads = [r for r in api.requests if r.method == "GET"]
    assert [r.path for r in downloads] == ["/v2/bot/message/42/content",
                                           "/v2/bot/message/43/content"]


def test_kitchensink_postbacks(sink, api):
    _, post = sink
    post(postback_event("switch-to-menu-b", {"newRichMenuAliasId": "menu-b",
                                             "status": "SUCCESS"}),
         postback_event("book", {"datetime": "2024-05-01T19:30"}))
    assert texts(api) == ["Switched to menu-b (SUCCESS)",
                          "Got book {'datetime': '2024-05-01T19:30'}"]


def test_kitchensink_refuses_a_forged_webhook(sink, api):
    example, _ = sink
    body, _ = webhook_body([text_message_event("flex")], SECRET)
    answer = example.app.test_client().post("/callback", data=body,
                                            headers=webhook_headers("Zm9yZ2Vk"))
    assert answer.status_code == 400
    assert api.requests == []


def test_kitchensink_sets_up_switching_rich_menus(load, api, spec_errors):
    pytest.importorskip("flask")
    example = load("kitchensink")
    api.on("POST", "/v2/bot/richmenu", json={"richMenuId": "richmenu-aaa"}, times=1)
    api.on("POST", "/v2/bot/richmenu", json={"richMenuId": "richmenu-bbb"}, times=1)
    assert example.setup_rich_menus(b"PNG-A", b"PNG-B") == {"menu-a": "richmenu-aaa",
                                                            "menu-b": "richmenu-bbb"}
    assert [(r.method, r.path) for r in api.requests] == [
        ("POST", "/v2/bot/richmenu"),
        ("POST", "/v2/bot/richmenu/richmenu-aaa/content"),
        ("POST", "/v2/bot/richmenu/alias"),
        ("POST", "/v2/bot/richmenu"),
        ("POST", "/v2/bot/richmenu/richmenu-bbb/content"),
        ("POST", "/v2/bot/richmenu/alias"),
        ("POST", "/v2/bot/user/all/richmenu/richmenu-aaa"),
    ]
    menu_a, image_a, alias_a, menu_b, image_b, alias_b, _ = api.requests
    assert (image_a.body, image_b.body) == (b"PNG-A", b"PNG-B")
    assert image_a.headers["Content-Type"] == "image/png"
    assert alias_a.json() == {"richMenuAliasId": "menu-a", "richMenuId": "richmenu-aaa"}
    assert alias_b.json() == {"richMenuAliasId": "menu-b", "richMenuId": "richmenu-bbb"}
    switch = menu_a.json()["areas"][0]["action"]
    assert (switch["type"], switch["richMenuAliasId"]) == ("richmenuswitch", "menu-b")
    assert menu_b.json()["areas"][0]["action"]["richMenuAliasId"] == "menu-a"
    for menu in (menu_a, menu_b):
        assert spec_errors(menu.json(), "RichMenuRequest") == []
    for alias in (alias_a, alias_b):
        assert spec_errors(alias.json(), "CreateRichMenuAliasRequest") == []


# -- batch_campaign ------------------------------------------------------------------------------


def subscribers(count: int) -> list[str]:
    return [f"U{index:032x}" for index in range(count)]


def test_batch_campaign_builds_multicasts_of_500_and_a_narrowcast(load, spec_errors):
    example = load("batch_campaign")
    requests = example.build_campaign(subscribers(1201), audience_group_id=4321)
    assert [r.operation for r in requests] == ["multicast"] * 3 + ["narrowcast"]
    bodies = [json.loads(r.body) for r in requests]
    assert [len(body["to"]) for body in bodies[:3]] == [500, 500, 201]
    assert [user for body in bodies[:3] for user in body["to"]] == subscribers(1201)
    assert bodies[3]["recipient"] == {"type": "audience", "audienceGroupId": 4321}
    assert bodies[3]["filter"]["demographic"]["type"] == "operator"
    keys = [r.headers["X-Line-Retry-Key"] for r in requests]
    assert len(set(keys)) == 4
    assert keys == [r.headers["X-Line-Retry-Key"]
                    for r in example.build_campaign(subscribers(1201), 4321)]  # stable
    for body, schema in zip(bodies, ["MulticastRequest"] * 3 + ["NarrowcastRequest"],
                            strict=True):
        assert spec_errors(body, schema) == []


def test_batch_campaign_file_replays_against_the_fake_api(load, api, tmp_path, capsys):
    example = load("batch_campaign")
    ids_file, campaign = tmp_path / "subscribers.txt", tmp_path / "campaign.jsonl"
    ids_file.write_text("\n".join(subscribers(501)) + "\n\n")
    assert example.main([str(campaign), str(ids_file), "99"]) == 0
    assert "3 requests written" in capsys.readouterr().out
    stored = [json.loads(line) for line in campaign.read_text().splitlines()]
    assert [entry["operation"] for entry in stored] == ["multicast", "multicast", "narrowcast"]

    env = {**os.environ, "LINE_CHANNEL_ACCESS_TOKEN": TOKEN}
    result = subprocess.run([sys.executable, "-m", "linebot_fp", "replay", str(campaign),
                             "--endpoint", api.url], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 sent, 0 failed"
    assert [r.path for r in api.requests] == ["/v2/bot/message/multicast"] * 2 + [
        "/v2/bot/message/narrowcast"]
    sent_keys = [r.headers["X-Line-Retry-Key"] for r in api.requests]
    stored_keys = [dict(entry["headers"])["X-Line-Retry-Key"] for entry in stored]
    assert sent_keys == stored_keys
    assert all(re.fullmatch(r"[0-9a-f-]{36}", key) for key in sent_keys)


def test_batch_campaign_usage(load, capsys):
    example = load("batch_campaign")
    assert example.main([]) == 2
    assert capsys.readouterr().out.startswith("usage:")


def test_the_full_schema_check_catches_what_the_facts_cannot():
    errors = schema_errors("messaging-api")  # skips without the spec
    six = [{"type": "text", "text": "hi"}] * 6  # maxItems: 5, a fact of the full schema only
    assert errors({"replyToken": "r", "messages": six}, "ReplyMessageRequest")
    assert facts_and_schema_errors("messaging-api")(
        {"replyToken": "r", "messages": six}, "ReplyMessageRequest")


def test_the_spec_check_catches_mistakes(spec_errors):
    action = {"type": "message", "label": "Yes", "text": "yes"}
    button = {"type": "template", "altText": "a", "template": {"type": "buttons",
                                                               "actions": [action]}}
    assert spec_errors({"replyToken": "r", "messages": [button]}, "ReplyMessageRequest") == [
        "$.messages[0].template: 'text' is a required property"]
    assert spec_errors({"messages": []}, "ReplyMessageRequest")
    assert spec_errors({"replyToken": "r", "messages": [{"type": "hologram"}]},
                       "ReplyMessageRequest")
