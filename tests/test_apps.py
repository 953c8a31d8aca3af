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

from linebot_fp import AsyncClient, Client
from linebot_fp.api import push_message, reply_message
from linebot_fp.apps import asgi_app, wsgi_app
from linebot_fp.inbox import MemoryInbox
from linebot_fp.models import (
    FollowEvent,
    MessageEvent,
    StickerMessage,
    TextMessage,
    TextSendMessage,
)
from linebot_fp.request import Response
from linebot_fp.testing import (
    AsgiServer,
    FakeClock,
    FakeLineApi,
    WsgiServer,
    follow_event,
    post_webhook,
    run_pending,
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
        make = wsgi_app if kind == "wsgi" else asgi_app
        self.app: Any = make(options.pop("secret", SECRET), handlers, **options)
        self.server: Any = (WsgiServer if kind == "wsgi" else AsgiServer)(self.app).start()
        self.url = self.server.url + "/callback"

    def post(self, events: Any, secret: str = SECRET) -> Response:
        """Post, then wait until the handlers have run (when the webhook was accepted)."""
        answer = post_webhook(self.url, *webhook_body(events, secret))
        if answer.status == 200:
            run_pending(self.app)
        return answer

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
        run_pending(served.app)
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


def test_a_failing_handler_is_logged_retried_and_costs_no_other_event(serve, api, caplog):
    def broken(event: Any) -> Any:
        raise RuntimeError("handler bug")

    inbox = MemoryInbox(clock=FakeClock())
    served = serve({FollowEvent: broken, (MessageEvent, StickerMessage): lambda e: "nonsense",
                    (MessageEvent, TextMessage): echo}, inbox=inbox)
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        answer = served.post([follow_event(), sticker_message_event(user_id="U2"),
                              text_message_event("still here", user_id="U3")])
    assert answer.status == 200
    assert replied(api) == ["still here"]
    failures = sorted((r for r in caplog.records if r.name == "linebot_fp"),
                      key=lambda r: r.getMessage())
    assert len(failures) == 2
    assert "FollowEvent" in failures[0].getMessage()
    assert "handler bug" in str(failures[0].exc_info[1])
    assert "returned str" in str(failures[1].exc_info[1])
    assert inbox.counts() == (2, 0, 0, 1)  # both wait for their retry
    (entry,) = [e for e in (inbox.get(follow_event().webhook_event_id),) if e]
    assert (entry.attempts, entry.error) == (1, "RuntimeError: handler bug")


def test_a_reply_refused_for_its_token_becomes_one_push(serve, api, caplog):
    api.on("POST", "/v2/bot/message/reply", status=400, json={"message": "Invalid reply token"},
           times=1)
    served = serve({(MessageEvent, TextMessage): echo})
    answer = served.post([text_message_event("a"), text_message_event("b", user_id="U2")])
    assert answer.status == 200
    pushes = [r for r in api.requests if r.path == "/v2/bot/message/push"]
    assert len([r for r in api.requests if r.path == "/v2/bot/message/reply"]) == 2
    assert len(pushes) == 1
    assert pushes[0].json()["messages"] == [{"type": "text", "text": pushes[0].json()[
        "messages"][0]["text"]}]
    assert pushes[0].headers["X-Line-Retry-Key"]


def test_requests_without_a_client_are_an_error_of_that_event(serve, api, caplog):
    # the inbox's clock stands still: the failed event's retry never falls due during the test
    served = serve({(MessageEvent, TextMessage): echo, FollowEvent: lambda e: None}, client=None,
                   inbox=MemoryInbox(clock=FakeClock()))
    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        assert served.post([text_message_event("x"), follow_event()]).status == 200
    (failure,) = [r for r in caplog.records if r.name == "linebot_fp"]
    assert "no client" in str(failure.exc_info[1])


# -- each event once ------------------------------------------------------------------------------


def test_a_redelivered_event_is_recorded_once(serve, api):
    inbox = MemoryInbox()
    served = serve({(MessageEvent, TextMessage): echo}, inbox=inbox)
    first = text_message_event("once", webhook_event_id="01HEVENT00000000000000000A")
    again = text_message_event("once", webhook_event_id="01HEVENT00000000000000000A",
                               redelivery=True)
    other = text_message_event("other", webhook_event_id="01HEVENT00000000000000000B",
                               user_id="U2")
    assert served.post([first]).status == 200
    assert served.post([again, other]).status == 200
    assert replied(api) == ["once", "other"]
    assert inbox.counts() == (0, 0, 0, 2)


def test_a_failing_handler_is_retried_with_backoff_until_it_succeeds(serve, api):
    calls: list[str] = []

    def flaky(event: Any) -> Any:
        calls.append(event.message.text)
        if len(calls) <= 2:
            raise RuntimeError(f"failure {len(calls)}")
        return echo(event)

    clock = FakeClock()
    inbox = MemoryInbox(clock=clock, backoff=1.0)
    served = serve({(MessageEvent, TextMessage): flaky}, inbox=inbox)
    served.post([text_message_event("retry me")])
    assert calls == ["retry me"]
    clock.advance(1)
    run_pending(served.app)
    clock.advance(2)
    assert run_pending(served.app) == (0, 0, 0, 1)
    assert calls == ["retry me"] * 3
    assert replied(api) == ["retry me"]


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


def test_asgi_sends_with_a_sync_client(api):
    served = Served("asgi", api, {(MessageEvent, TextMessage): echo},
                    client=Client(TOKEN, endpoints=api.endpoints))
    try:
        served.post([text_message_event("x")])
    finally:
        served.stop()
    assert replied(api) == ["x"]


def test_the_asgi_app_answers_below_its_mount_point(api):
    from starlette.applications import Starlette
    from starlette.routing import Mount

    bot = asgi_app(SECRET, {(MessageEvent, TextMessage): echo},
                   client=AsyncClient(TOKEN, endpoints=api.endpoints))
    with AsgiServer(Starlette(routes=[Mount("/line", app=bot)])) as server:
        answer = post_webhook(server.url + "/line/callback",
                              *webhook_body([text_message_event("mounted")], SECRET))
        assert answer.status == 200
        run_pending(bot)  # started by the first webhook: Mount forwards no lifespan
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
    ("s", {}, {"inbox": "redis"}, "inbox must be an Inbox"),
    ("s", {}, {"inbox": object()}, "inbox must be an Inbox"),
    ("s", {}, {"answer_within": 0}, "answer_within"),
    ("s", {}, {"reply_within": -1}, "reply_within"),
    ("s", {}, {"body_timeout": 0}, "body_timeout"),
    ("s", {}, {"concurrency": 0}, "concurrency"),
    ("s", {}, {"poll_interval": 0}, "poll_interval"),
    ("s", {}, {"client": "token"}, "Client"),
])
def test_bad_settings_raise_value_error(make, secret, handlers, options, message):
    with pytest.raises(ValueError, match=message):
        make(secret, handlers, **options)


def test_the_wsgi_app_wants_sync_parts():
    with pytest.raises(ValueError, match="AsyncClient"):
        wsgi_app("s", {}, client=AsyncClient("t"))

    async def welcome(event: Any) -> None:
        return None

    with pytest.raises(ValueError, match="welcome is a coroutine function"):
        wsgi_app("s", {FollowEvent: welcome})
    with pytest.raises(ValueError, match="coroutine function"):
        wsgi_app("s", {}, default=welcome)


def test_an_inbox_that_cannot_record_is_answered_503_so_line_redelivers(serve, api, caplog):
    class DownInbox(MemoryInbox):
        blocking = True  # called in the app's store threads, bounded by answer_within

        def __init__(self, hang: bool) -> None:
            super().__init__()
            self.hang = hang

        def record(self, events: Any) -> list[bool]:
            if self.hang:
                threading.Event().wait(3)
            raise ConnectionError("inbox is down")

    with caplog.at_level(logging.ERROR, logger="linebot_fp"):
        down = serve({(MessageEvent, TextMessage): echo}, inbox=DownInbox(hang=False))
        slow = serve({(MessageEvent, TextMessage): echo}, inbox=DownInbox(hang=True),
                     answer_within=0.3)
        assert down.post([text_message_event("one")]).status == 503
        assert slow.post([text_message_event("two")]).status == 503
    assert api.requests == []
    messages = [r.getMessage() for r in caplog.records if r.name == "linebot_fp"]
    assert "the inbox failed to record 1 events: answered 503" in messages
    assert "the inbox did not record 1 events within 0.3 s: answered 503" in messages


def test_a_wsgi_app_imports_neither_asyncio_nor_urllib3_until_it_sends():
    code = ("import sys; from linebot_fp import Client; from linebot_fp.apps import wsgi_app; "
            "wsgi_app('s', {}, client=Client('t')); "
            "print(sorted({'asyncio', 'urllib3', 'httpx', 'aiohttp'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"
