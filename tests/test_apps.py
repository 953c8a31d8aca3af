"""The ready webhook apps, served for real (wsgiref for WSGI, uvicorn for ASGI) on
127.0.0.1, fed signed webhooks, replying to FakeLineApi."""

from __future__ import annotations

import asyncio
import http.client
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from apps_support import AsgiServer, DictAsyncStore

from linebot_fp import AsyncClient, Client
from linebot_fp.api import push_message, reply_message
from linebot_fp.apps import asgi_app, wsgi_app
from linebot_fp.event_store import MemoryEventStore
from linebot_fp.models import (
    FollowEvent,
    MessageEvent,
    StickerMessage,
    TextMessage,
    TextSendMessage,
)
from linebot_fp.request import Response
from linebot_fp.testing import (
    FakeLineApi,
    WsgiServer,
    follow_event,
    post_webhook,
    sign,
    sticker_message_event,
    text_message_event,
    webhook_body,
)

SECRET = "apps-secret"
TOKEN = "apps-token"


@pytest.fixture
def api() -> Iterator[FakeLineApi]:
    with FakeLineApi() as server:
        yield server


def say(text: str) -> Callable[[Any], Any]:
    return lambda event: reply_message(event.reply_token, TextSendMessage(text=text))


def echo(event: MessageEvent) -> Any:
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def replied(api: FakeLineApi) -> list[str]:
    return sorted(r.json()["messages"][0]["text"] for r in api.requests
                  if r.path == "/v2/bot/message/reply")


class Served:
    """An app built by kind ("wsgi" or "asgi") and served on 127.0.0.1."""

    def __init__(self, kind: str, api: FakeLineApi, handlers: Any, **options: Any) -> None:
        options.setdefault("client", (Client if kind == "wsgi" else AsyncClient)(
            TOKEN, endpoints=api.endpoints))
        options.setdefault("default", None)
        if kind == "wsgi":
            self.server: Any = WsgiServer(wsgi_app(options.pop("secret", SECRET), handlers,
                                                   **options)).start()
        else:
            self.server = AsgiServer(asgi_app(options.pop("secret", SECRET), handlers, **options))
        self.url = self.server.url + "/callback"

    def post(self, events: Any, secret: str = SECRET) -> Response:
        return post_webhook(self.url, *webhook_body(events, secret))

    def stop(self) -> None:
        self.server.stop()


@pytest.fixture(params=["wsgi", "asgi"])
def serve(request: pytest.FixtureRequest, api: FakeLineApi) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def serve(handlers: Any, **options: Any) -> Served:
        started.append(Served(request.param, api, handlers, **options))
        return started[-1]

    yield serve
    for served in started:
        served.stop()


def raw_post(url: str, body: bytes, headers: dict[str, str], *, method: str = "POST",
             chunks: list[bytes] | None = None) -> tuple[int, bytes]:
    """One request with http.client, so a test can set any header or send chunks."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        if chunks is None:
            connection.request(method, parts.path, body=body, headers=headers)
        else:
            connection.request(method, parts.path, body=iter(chunks), headers=headers,
                               encode_chunked=True)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


# -- the happy path -------------------------------------------------------------------------------


def test_a_signed_webhook_is_dispatched_and_the_replies_sent(serve, api):
    served = serve({(MessageEvent, TextMessage): echo, MessageEvent: say("some message"),
                    FollowEvent: say("welcome")})
    answer = served.post([text_message_event("hello"), sticker_message_event(), follow_event()])
    assert (answer.status, answer.read()) == (200, b"OK")
    assert replied(api) == ["hello", "some message", "welcome"]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in api.requests)


def test_default_handles_what_no_key_matches(serve, api):
    served = serve({FollowEvent: say("welcome")}, default=say("default"))
    assert served.post([text_message_event("x"), follow_event()]).status == 200
    assert replied(api) == ["default", "welcome"]


def test_a_handler_may_return_several_requests_or_none(serve, api):
    def two(event: Any) -> list[Any]:
        return [reply_message(event.reply_token, TextSendMessage(text="one")),
                push_message("U-other", TextSendMessage(text="two"))]

    served = serve({(MessageEvent, TextMessage): two, FollowEvent: lambda event: None})
    assert served.post([text_message_event("x"), follow_event()]).status == 200
    assert [r.path for r in api.requests] == ["/v2/bot/message/reply", "/v2/bot/message/push"]


def test_the_connection_check_is_answered(serve, api):
    assert serve({}).post([]).status == 200
    assert api.requests == []


# -- refusals -------------------------------------------------------------------------------------


def test_a_bad_or_missing_signature_is_refused(serve, api):
    served = serve({(MessageEvent, TextMessage): echo})
    forged = served.post([text_message_event("x")], secret="not-the-secret")
    body, _ = webhook_body([text_message_event("x")], SECRET)
    unsigned = raw_post(served.url, body, {"Content-Type": "application/json"})
    assert (forged.status, forged.read()) == (400, b"X-Line-Signature does not match the body")
    assert unsigned == (400, b"X-Line-Signature is missing")
    assert api.requests == []


def test_a_signed_body_that_is_not_a_webhook_is_refused(serve, api):
    served = serve({})
    answer = post_webhook(served.url, b'{"events": 3}', sign(b'{"events": 3}', SECRET))
    assert answer.status == 400
    assert b"'events' array" in answer.read()


def test_an_oversized_body_is_refused_before_it_is_read(serve, api):
    served = serve({(MessageEvent, TextMessage): echo}, max_body_size=2000)
    small = served.post([text_message_event("x" * 100)])
    big = served.post([text_message_event("x" * 3000)])
    assert (small.status, big.status) == (200, 413)
    assert big.read() == b"the body is larger than 2000 bytes"
    assert replied(api) == ["x" * 100]


def test_a_chunked_body_is_limited_while_it_is_read(api):
    served = Served("asgi", api, {(MessageEvent, TextMessage): echo}, max_body_size=2000)
    try:
        body, signature = webhook_body([text_message_event("x" * 3000)], SECRET)
        headers = {"X-Line-Signature": signature, "Content-Type": "application/json"}
        chunks = [body[i:i + 500] for i in range(0, len(body), 500)]
        assert raw_post(served.url, b"", headers, chunks=chunks)[0] == 413
        small, small_signature = webhook_body([text_message_event("y")], SECRET)
        headers["X-Line-Signature"] = small_signature
        assert raw_post(served.url, b"", headers, chunks=[small[:10], small[10:]])[0] == 200
    finally:
        served.stop()
    assert replied(api) == ["y"]


def test_only_post_on_the_webhook_path_is_served(serve, api):
    served = serve({})
    base = served.url.removesuffix("/callback")
    parts = urlsplit(served.url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request("GET", parts.path)
    answer = connection.getresponse()
    assert (answer.status, answer.headers["Allow"], answer.read()) == (
        405, "POST", b"only POST is served here")
    connection.close()
    assert raw_post(served.url, b"", {}, method="PUT")[0] == 405
    assert raw_post(base + "/elsewhere", b"{}", {})[0] == 404
    assert raw_post(served.url, b"", {"Content-Length": "lots"})[0] == 400


# -- failures stay with their event ---------------------------------------------------------------


def test_a_failing_handler_is_logged_and_costs_no_other_event(serve, api, caplog):
    def broken(event: Any) -> Any:
        raise RuntimeError("handler bug")

    served = serve({FollowEvent: broken, (MessageEvent, StickerMessage): lambda e: "nonsense",
                    (MessageEvent, TextMessage): echo})
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        answer = served.post([follow_event(), sticker_message_event(),
                              text_message_event("still here")])
    assert answer.status == 200
    assert replied(api) == ["still here"]
    failures = [r for r in caplog.records if r.name == "linebot_fp"]
    assert len(failures) == 2
    assert "FollowEvent" in failures[0].getMessage()
    assert "handler bug" in str(failures[0].exc_info[1])
    assert "returned str" in str(failures[1].exc_info[1])


def test_a_refused_send_is_logged_and_the_answer_is_200(serve, api, caplog):
    api.on("POST", "/v2/bot/message/reply", status=400, json={"message": "Invalid reply token"},
           times=1)
    served = serve({(MessageEvent, TextMessage): echo})
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        answer = served.post([text_message_event("a"), text_message_event("b", user_id="U2")])
    assert answer.status == 200
    assert len([r for r in api.requests if r.path == "/v2/bot/message/reply"]) == 2
    (failure,) = [r for r in caplog.records if r.name == "linebot_fp"]
    assert "sending reply_message" in failure.getMessage()


def test_requests_without_a_client_are_an_error_of_that_event(serve, api, caplog):
    served = serve({(MessageEvent, TextMessage): echo, FollowEvent: lambda e: None}, client=None)
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        assert served.post([text_message_event("x"), follow_event()]).status == 200
    (failure,) = [r for r in caplog.records if r.name == "linebot_fp"]
    assert "no client" in str(failure.exc_info[1])


# -- each event once ------------------------------------------------------------------------------


def test_a_redelivered_event_is_skipped(serve, api):
    served = serve({(MessageEvent, TextMessage): echo})
    first = text_message_event("once", webhook_event_id="01HEVENT00000000000000000A")
    again = text_message_event("once", webhook_event_id="01HEVENT00000000000000000A",
                               redelivery=True)
    other = text_message_event("other", webhook_event_id="01HEVENT00000000000000000B",
                               user_id="U2")
    assert served.post([first]).status == 200
    assert served.post([again, other]).status == 200
    assert replied(api) == ["once", "other"]


def test_without_a_store_every_delivery_is_handled(serve, api):
    served = serve({(MessageEvent, TextMessage): echo}, store=None)
    event = text_message_event("twice")
    served.post([event])
    served.post([event])
    assert replied(api) == ["twice", "twice"]


def test_an_event_whose_handler_failed_is_handled_again_when_redelivered(serve, api):
    calls: list[str] = []

    def flaky(event: Any) -> Any:
        calls.append(event.message.text)
        if len(calls) == 1:
            raise RuntimeError("first time fails")
        return echo(event)

    store = MemoryEventStore()
    served = serve({(MessageEvent, TextMessage): flaky}, store=store)
    event = text_message_event("retry me")
    served.post([event])
    served.post([event])
    served.post([event])
    assert calls == ["retry me", "retry me"]  # failed, then done: the third is skipped
    assert replied(api) == ["retry me"]
    assert len(store) == 1


def test_secret_rotation_accepts_each_secret(serve, api):
    served = serve({(MessageEvent, TextMessage): echo}, secret=["old-secret", b"new-secret"])
    assert served.post([text_message_event("old")], secret="old-secret").status == 200
    assert served.post([text_message_event("new")], secret="new-secret").status == 200
    assert served.post([text_message_event("bad")], secret="another").status == 400
    assert replied(api) == ["new", "old"]


# -- ASGI: async handlers, threads, concurrency ---------------------------------------------------


def test_asgi_awaits_async_handlers_and_runs_sync_ones_off_the_loop(api):
    loop_threads: dict[str, int] = {}

    async def async_echo(event: MessageEvent) -> Any:
        loop_threads["async"] = threading.get_ident()
        await asyncio.sleep(0)
        return echo(event)

    def sync_welcome(event: FollowEvent) -> Any:
        loop_threads["sync"] = threading.get_ident()
        return say("welcome")(event)

    served = Served("asgi", api, {(MessageEvent, TextMessage): async_echo,
                                  FollowEvent: sync_welcome})
    try:
        assert served.post([text_message_event("hi"), follow_event(user_id="U2")]).status == 200
    finally:
        served.stop()
    assert replied(api) == ["hi", "welcome"]
    assert loop_threads["async"] != loop_threads["sync"]


def test_asgi_handles_chats_concurrently_and_each_chat_in_order(api):
    seen: list[str] = []
    other_chat_started = asyncio.Event()

    async def handler(event: MessageEvent) -> Any:
        seen.append(event.message.text)
        if event.message.text == "a1":  # waits for the other chat: sequential handling would
            await asyncio.wait_for(other_chat_started.wait(), 5)  # time out here and fail
        if event.message.text == "b1":
            other_chat_started.set()
        return echo(event)

    served = Served("asgi", api, {(MessageEvent, TextMessage): handler})
    try:
        events = [text_message_event("a1", user_id="UA"), text_message_event("a2", user_id="UA"),
                  text_message_event("b1", user_id="UB")]
        assert served.post(events).status == 200
    finally:
        served.stop()
    assert replied(api) == ["a1", "a2", "b1"]
    assert seen.index("a1") < seen.index("a2")
    assert seen.index("b1") < seen.index("a2")


def test_asgi_sends_with_a_sync_client_and_an_async_store(api):
    store = DictAsyncStore()
    served = Served("asgi", api, {(MessageEvent, TextMessage): echo},
                    client=Client(TOKEN, endpoints=api.endpoints), store=store)
    try:
        event = text_message_event("x")
        served.post([event])
        served.post([event])
    finally:
        served.stop()
    assert replied(api) == ["x"]
    assert store.state == {event.webhook_event_id: "done"}


def test_the_asgi_app_answers_below_its_mount_point(api):
    from starlette.applications import Starlette
    from starlette.routing import Mount

    bot = asgi_app(SECRET, {(MessageEvent, TextMessage): echo},
                   client=AsyncClient(TOKEN, endpoints=api.endpoints))
    with AsgiServer(Starlette(routes=[Mount("/line", app=bot)])) as server:
        answer = post_webhook(server.url + "/line/callback",
                              *webhook_body([text_message_event("mounted")], SECRET))
        assert answer.status == 200
        assert post_webhook(server.url + "/callback", b"{}", "x").status == 404
    assert replied(api) == ["mounted"]


# -- settings are checked when the app is made ----------------------------------------------------


@pytest.mark.parametrize("make", [wsgi_app, asgi_app])
@pytest.mark.parametrize(("secret", "handlers", "options", "message"), [
    ("", {}, {}, "channel_secret"),
    ([], {}, {}, "channel_secret"),
    (["ok", ""], {}, {}, r"channel_secret\[1\]"),
    (None, {}, {}, "channel_secret"),
    ("s", [], {}, "handlers must be a mapping"),
    ("s", {"MessageEvent": echo}, {}, "event class"),
    ("s", {(MessageEvent,): echo}, {}, "event class"),
    ("s", {MessageEvent: "echo"}, {}, "not callable"),
    ("s", {}, {"path": "callback"}, "path must start"),
    ("s", {}, {"max_body_size": 0}, "max_body_size"),
    ("s", {}, {"store": "redis"}, "store"),
    ("s", {}, {"store": object()}, "claim, done and release"),
    ("s", {}, {"client": "token"}, "Client"),
])
def test_bad_settings_raise_value_error(make, secret, handlers, options, message):
    with pytest.raises(ValueError, match=message):
        make(secret, handlers, **options)


def test_the_wsgi_app_wants_sync_parts():
    with pytest.raises(ValueError, match="AsyncClient"):
        wsgi_app("s", {}, client=AsyncClient("t"))

    with pytest.raises(ValueError, match="plain methods"):
        wsgi_app("s", {}, store=DictAsyncStore())

    async def welcome(event: Any) -> None:
        return None

    with pytest.raises(ValueError, match="welcome is a coroutine function"):
        wsgi_app("s", {FollowEvent: welcome})
    with pytest.raises(ValueError, match="coroutine function"):
        wsgi_app("s", {}, default=welcome)


def test_a_failing_store_is_logged_and_costs_no_event(serve, api, caplog):
    class DownStore:
        def __init__(self, claims: bool) -> None:
            self.claims = claims

        def claim(self, event_id: str) -> bool:
            if not self.claims:
                raise ConnectionError("store is down")
            return True

        def done(self, event_id: str) -> None:
            raise ConnectionError("store is down")

        def release(self, event_id: str) -> None:
            raise ConnectionError("store is down")

    first, second = text_message_event("one"), text_message_event("two")
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        assert serve({(MessageEvent, TextMessage): echo},
                     store=DownStore(claims=False)).post([first]).status == 200
        assert serve({(MessageEvent, TextMessage): echo},
                     store=DownStore(claims=True)).post([second]).status == 200
    assert replied(api) == ["one", "two"]
    assert [r.getMessage() for r in caplog.records if r.name == "linebot_fp"] == [
        f"event store failed to claim MessageEvent {first.webhook_event_id}; handling it anyway",
        f"event store failed to record {second.webhook_event_id}"]


def test_a_wsgi_app_imports_neither_asyncio_nor_urllib3_until_it_sends():
    code = ("import sys; from linebot_fp import Client; from linebot_fp.apps import wsgi_app; "
            "wsgi_app('s', {}, client=Client('t')); "
            "print(sorted({'asyncio', 'urllib3', 'httpx', 'aiohttp'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"
