"""The apps on the inbox, in one process: sends keyed per event, late replies pushed, unknown
outcomes reported, retries and parking, the command line, a crash and a rerun (SIGKILL).

Servers are real (wsgiref / uvicorn on 127.0.0.1) and the LINE API is FakeLineApi; time is a
FakeClock where the test moves it.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from typing import Any

import pytest

from linebot_fp import AsyncClient, Client
from linebot_fp.api import push_message, reply_message
from linebot_fp.apps import asgi_app, wsgi_app
from linebot_fp.inbox import MemoryInbox, SqliteInbox
from linebot_fp.inbox.sends import REPLY_WITHIN, send_key
from linebot_fp.models import MessageEvent, TextMessage, TextSendMessage
from linebot_fp.testing import (
    AsgiServer,
    FakeClock,
    FakeLineApi,
    Fault,
    WsgiServer,
    post_webhook,
    run_pending,
    text_message_event,
    webhook_body,
)

SECRET = "inbox-secret"
TOKEN = "inbox-token"
PUSH, REPLY = "/v2/bot/message/push", "/v2/bot/message/reply"


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def echo(event: MessageEvent) -> Any:
    return reply_message(event.reply_token, TextSendMessage(text=event.message.text))


def paths(api: FakeLineApi) -> list[str]:
    return [r.path for r in api.requests]


def serve_wsgi(api: FakeLineApi, handlers: Any, **options: Any) -> tuple[Any, WsgiServer]:
    options.setdefault("client", Client(TOKEN, endpoints=api.endpoints, timeout=2))
    app = wsgi_app(SECRET, handlers, **options)
    return app, WsgiServer(app).start()


def post(server: Any, events: Any) -> int:
    return post_webhook(server.url + "/callback", *webhook_body(events, SECRET)).status


# -- replies that cannot be replied -----------------------------------------------------------


def test_a_reply_whose_token_is_too_old_becomes_exactly_one_push(api):
    clock = FakeClock()
    inbox = MemoryInbox(clock=clock)
    gate = threading.Event()

    def late_echo(event: MessageEvent) -> Any:
        gate.wait(10)  # the handler is slow: the token ages meanwhile
        return echo(event)

    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): late_echo}, inbox=inbox)
    try:
        event = text_message_event("late", group_id="C0123")
        assert post(server, [event]) == 200
        clock.advance(REPLY_WITHIN + 1)
        gate.set()
        assert run_pending(app) == (0, 0, 0, 1)
    finally:
        server.stop()
        app.stop()
    assert paths(api) == [PUSH]
    (pushed,) = api.accepted
    assert pushed.json() == {"to": "C0123", "messages": [{"type": "text", "text": "late"}],
                             "notificationDisabled": False}
    assert pushed.headers["X-Line-Retry-Key"] == send_key(event.webhook_event_id, 0)


def test_a_reply_refused_as_an_invalid_token_becomes_one_push_and_a_rerun_sends_nothing(api):
    api.on("POST", REPLY, status=400, json={"message": "Invalid reply token"}, times=1)
    clock = FakeClock()
    inbox = MemoryInbox(clock=clock, lease_seconds=5)
    calls = []

    def echo_then_fail(event: MessageEvent) -> Any:
        calls.append(1)
        return [echo(event), push_message("U-audit", TextSendMessage(text="audit"))]

    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): echo_then_fail}, inbox=inbox)
    try:
        event = text_message_event("hi")
        assert post(server, [event]) == 200
        assert run_pending(app).done == 1
    finally:
        server.stop()
        app.stop()
    assert paths(api) == [REPLY, PUSH, PUSH]
    fallback, audit = (r for r in api.requests if r.path == PUSH)
    assert fallback.json()["to"] == event.source.user_id
    assert fallback.headers["X-Line-Retry-Key"] == send_key(event.webhook_event_id, 0)
    assert audit.headers["X-Line-Retry-Key"] == send_key(event.webhook_event_id, 1)
    assert inbox.get(event.webhook_event_id).notes["sends"] == {"0": "token-refused"}


def test_a_reply_of_unknown_outcome_is_reported_never_resent(api, caplog):
    api.fail(Fault.DROP_AFTER_ACCEPT, method="POST", path=REPLY)
    clock = FakeClock()
    inbox = MemoryInbox(clock=clock)
    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): echo}, inbox=inbox,
                             client=Client(TOKEN, endpoints=api.endpoints, timeout=1))
    try:
        event = text_message_event("lost answer")
        with caplog.at_level(logging.ERROR, logger="linebot_fp"):
            assert post(server, [event]) == 200
            assert run_pending(app) == (0, 0, 0, 1)
    finally:
        server.stop()
        app.stop()
    assert paths(api) == [REPLY]  # the client never repeats a reply, and neither does the inbox
    entry = inbox.get(event.webhook_event_id)
    assert entry.notes["sends"] == {"0": "unknown"}
    (problem,) = entry.notes["problems"]
    assert problem.startswith("send 0 (reply_message): outcome unknown")
    assert any("outcome unknown" in r.getMessage() for r in caplog.records)


# -- retries, parking, the command ------------------------------------------------------------


def test_failing_twice_then_succeeding_is_handled_once(api):
    clock = FakeClock()
    inbox = MemoryInbox(clock=clock, backoff=1)
    attempts = []

    def flaky(event: MessageEvent) -> Any:
        attempts.append(event.webhook_event_id)
        if len(attempts) < 3:
            raise ConnectionError("database away")
        return push_message(event.source.user_id, TextSendMessage(text="done"))

    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): flaky}, inbox=inbox)
    try:
        assert post(server, [text_message_event("x")]) == 200
        for wait in (0, 1, 2):
            clock.advance(wait)
            counts = run_pending(app)
    finally:
        server.stop()
        app.stop()
    assert counts == (0, 0, 0, 1)
    assert len(attempts) == 3
    assert len(api.accepted) == 1


def test_an_always_failing_handler_is_parked_then_listed_and_retried_by_the_command(
        api, tmp_path):
    location = str(tmp_path / "inbox.sqlite3")
    clock = FakeClock(time.time())  # the command (another process) reads the real time
    inbox = SqliteInbox(location, clock=clock, max_attempts=2, backoff=1)
    broken = threading.Event()
    broken.set()

    def handler(event: MessageEvent) -> Any:
        if broken.is_set():
            raise RuntimeError("always fails")
        return push_message(event.source.user_id, TextSendMessage(text="fixed"))

    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): handler}, inbox=inbox)
    event = text_message_event("poison")
    try:
        assert post(server, [event]) == 200
        run_pending(app)
        clock.advance(1)
        assert run_pending(app) == (0, 0, 1, 0)

        def command(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-m", "linebot_fp", "inbox", location, *args],
                                  capture_output=True, text=True, timeout=60)

        assert command("counts").stdout.strip() == "pending 0  leased 0  parked 1  done 0"
        listed = command("parked").stdout
        assert event.webhook_event_id in listed
        assert "attempts 2" in listed
        assert "RuntimeError: always fails" in listed
        (parked,) = json.loads(command("--json", "parked").stdout)
        assert (parked["id"], parked["type"], parked["chat"]) == (
            event.webhook_event_id, "message", event.source.user_id)
        broken.clear()  # the bug is fixed; retry it
        retried = command("retry", event.webhook_event_id)
        assert (retried.returncode, retried.stdout.strip()) == (0, "retried 1 parked event")
        clock.advance(time.time() - clock() + 1)  # due when the command ran
        assert run_pending(app) == (0, 0, 0, 1)
        missing = command("drop", "no-such-id")
        assert (missing.returncode, missing.stdout.strip()) == (1, "dropped 0 parked events")
    finally:
        server.stop()
        app.stop()
    assert [r.json()["messages"][0]["text"] for r in api.accepted] == ["fixed"]


def test_the_command_refuses_a_location_it_cannot_open(tmp_path):
    result = subprocess.run([sys.executable, "-m", "linebot_fp", "inbox",
                             str(tmp_path / "missing.sqlite3"), "counts"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_the_command_reads_a_redis_inbox(redis_url):
    from linebot_fp.inbox import NewEvent, RedisInbox

    inbox = RedisInbox(redis_url, namespace="cli", max_attempts=1)
    inbox.record([NewEvent("e1", "U1", '{"type":"follow"}')])
    inbox.fail(inbox.lease("w")[0], "nope")
    base = [sys.executable, "-m", "linebot_fp", "inbox", redis_url, "--namespace", "cli"]
    listed = subprocess.run([*base, "parked"], capture_output=True, text=True, timeout=60)
    assert listed.stdout.startswith("e1  follow  chat U1  attempts 1  error: nope")
    dropped = subprocess.run([*base, "drop", "--all"], capture_output=True, text=True, timeout=60)
    assert dropped.stdout.strip() == "dropped 1 parked event"
    assert inbox.counts() == (0, 0, 0, 0)


# -- a crash and a rerun ----------------------------------------------------------------------

CRASHING_WORKER = textwrap.dedent("""
    import os, signal, sys
    from linebot_fp import Client
    from linebot_fp.api import push_message
    from linebot_fp.inbox import SqliteInbox
    from linebot_fp.inbox.handling import handling, run_handling
    from linebot_fp.models import TextSendMessage

    inbox = SqliteInbox(sys.argv[1], lease_seconds=float(sys.argv[3]))
    client = Client("token", endpoints={"api": sys.argv[2]})

    def send(request):
        answer = client.send(request)
        os.kill(os.getpid(), signal.SIGKILL)  # dies after LINE took the push, before settling
        return answer

    (entry,) = inbox.lease("doomed")
    handler = lambda event: push_message(event.source.user_id, TextSendMessage(text="once"))
    run_handling(handling(entry, lambda event: handler, now=inbox.clock, reply_within=50),
                 inbox, entry, send)
""")


def test_after_a_crash_and_a_rerun_a_push_reaches_line_once(api, tmp_path):
    location = tmp_path / "inbox.sqlite3"
    lease = 1.0
    inbox = SqliteInbox(location, lease_seconds=lease)
    event = text_message_event("crash")
    from linebot_fp.webhook_endpoint import new_events

    inbox.record(new_events([event]))  # as the app records it
    worker = subprocess.run([sys.executable, "-c", CRASHING_WORKER, str(location), api.url,
                             str(lease)], capture_output=True, timeout=60)
    assert worker.returncode == -signal.SIGKILL, worker.stderr
    assert inbox.counts() == (0, 1, 0, 0)  # the dead worker's lease holds until it lapses
    time.sleep(lease + 0.2)
    app = wsgi_app(SECRET, {(MessageEvent, TextMessage): lambda e: push_message(
        e.source.user_id, TextSendMessage(text="once"))},
        client=Client(TOKEN, endpoints=api.endpoints), inbox=inbox, poll_interval=0.1)
    try:
        assert run_pending(app) == (0, 0, 0, 1)  # this process takes it again
    finally:
        app.stop()
    first, rerun = (r for r in api.requests if r.path == PUSH)
    assert first.headers["X-Line-Retry-Key"] == rerun.headers["X-Line-Retry-Key"] == send_key(
        event.webhook_event_id, 0)
    assert len(api.accepted) == 1  # the rerun was answered 409 "already accepted"
    assert inbox.get(event.webhook_event_id).attempts == 2


# -- asyncio: the loop's default executor full, handlers blocking -------------------------------


def test_asgi_answers_while_blocking_handlers_and_the_default_executor_are_full(api, tmp_path):
    """The issue's deadlock: plain handlers that block filled the default thread pool and the
    store waited behind them. Here both the app's handler threads and the loop's default
    executor are full, and webhooks are still answered within a second and recorded."""
    release = threading.Event()
    handled: list[str] = []

    def blocking(event: MessageEvent) -> Any:
        release.wait(30)
        handled.append(event.message.text)

    async def quick(event: Any) -> Any:
        handled.append("follow")

    from linebot_fp.models import FollowEvent
    from linebot_fp.testing import follow_event

    app = asgi_app(SECRET, {(MessageEvent, TextMessage): blocking, FollowEvent: quick},
                   client=AsyncClient(TOKEN, endpoints=api.endpoints),
                   inbox=SqliteInbox(tmp_path / "inbox.sqlite3"), concurrency=2)

    async def fill_default_executor(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/fill":
            import asyncio

            loop = asyncio.get_running_loop()
            for _ in range(64):  # far more than the default pool's threads
                loop.run_in_executor(None, release.wait, 30)
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await app(scope, receive, send)

    with AsgiServer(fill_default_executor) as server:
        try:
            assert post_webhook(server.url + "/fill", b"", "x").status == 204
            texts = [f"block {n}" for n in range(4)]
            for n, text in enumerate(texts):  # two fill the handler threads, two wait
                started = time.monotonic()
                assert post(server, [text_message_event(text, user_id=f"U{n}")]) == 200
                assert time.monotonic() - started < 1.0
            started = time.monotonic()
            assert post(server, [follow_event(user_id="U9")]) == 200
            assert time.monotonic() - started < 1.0
            counts = app.inbox.counts()  # all recorded; two running, the rest waiting
            assert (counts.pending + counts.leased, counts.leased) == (5, 2)
            assert handled == []
        finally:
            release.set()
        assert app.drain(20) == (0, 0, 0, 5)
    assert sorted(handled) == sorted(["follow", *texts])


def test_each_derived_key_is_a_uuid_of_the_event_and_position():
    assert send_key("E1", 0) != send_key("E1", 1) != send_key("E2", 1)
    assert uuid.UUID(send_key("E1", 0)).version == 5
    assert send_key("E1", 0) == send_key("E1", 0)


def test_workers_stop_and_start_again(api):
    app, server = serve_wsgi(api, {(MessageEvent, TextMessage): echo})
    try:
        assert post(server, [text_message_event("one")]) == 200
        run_pending(app)
        app.stop()
        assert post(server, [text_message_event("two", user_id="U2")]) == 200
        assert run_pending(app).done == 2
    finally:
        server.stop()
        app.stop()
    assert sorted(r.json()["messages"][0]["text"] for r in api.requests) == ["one", "two"]
    assert os.getpid()
