"""Reading a webhook body: a deadline for clients that trickle it (uvicorn and gunicorn, real
servers), Content-Length read by the HTTP rules, chunked WSGI input read to its end."""

from __future__ import annotations

import asyncio
import io
import socket
import time
from contextlib import suppress
from typing import Any

import pytest
from inbox_bot import SECRET
from servers_support import calls, server, wait_for

from linebot_fp import Client
from linebot_fp.apps import asgi_app, wsgi_app
from linebot_fp.models import MessageEvent, TextMessage
from linebot_fp.testing import (
    AsgiServer,
    FakeLineApi,
    WsgiServer,
    run_pending,
    text_message_event,
    webhook_body,
)


def trickle(url: str, seconds: float) -> tuple[bytes, float]:
    """Announce a 1000-byte body and send one byte every 0.2 s for up to ``seconds``; the
    server's answer and how long it took."""
    host, port = url.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=seconds + 5) as connection:
        connection.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
                           b"X-Line-Signature: x\r\n\r\n")
        connection.settimeout(0.2)
        answer = b""
        while time.monotonic() - started < seconds and not answer:
            try:
                connection.sendall(b"{")
                answer += connection.recv(4096)
            except (TimeoutError, BlockingIOError):
                continue
            except OSError:
                break
        took = time.monotonic() - started
        connection.settimeout(2)
        with suppress(OSError):  # the rest of the answer, until the server closes
            while chunk := connection.recv(4096):
                answer += chunk
    return answer, took


def test_uvicorn_cuts_off_a_client_trickling_its_body():
    app = asgi_app(SECRET, {}, body_timeout=1.0)
    with AsgiServer(app) as bot:
        answer, seconds = trickle(bot.url, 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b"the body did not arrive in time" in answer
    assert 0.9 < seconds < 3


def test_gunicorn_cuts_off_a_client_trickling_its_body(tmp_path):
    env = {"BOT_KIND": "wsgi", "BOT_INBOX": str(tmp_path / "inbox.sqlite3"), "BOT_LEASE": "5",
           "BOT_API": "http://127.0.0.1:9", "BOT_LOG": str(tmp_path / "calls.sqlite3"),
           "BOT_BODY_TIMEOUT": "1"}
    with server("gunicorn", env) as (url, _):
        answer, seconds = trickle(url, 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert 0.9 < seconds < 3


def test_gunicorn_reads_a_chunked_body_to_its_end(tmp_path):
    log = tmp_path / "calls.sqlite3"
    with FakeLineApi() as api:
        env = {"BOT_KIND": "wsgi", "BOT_INBOX": str(tmp_path / "inbox.sqlite3"),
               "BOT_LEASE": "5", "BOT_API": api.url, "BOT_LOG": str(log)}
        event = text_message_event("chunked")
        body, signature = webhook_body([event], SECRET)
        with server("gunicorn", env) as (url, _):
            host, port = url.removeprefix("http://").split(":")
            with socket.create_connection((host, int(port)), timeout=10) as connection:
                chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 50]), body[i:i + 50])
                                  for i in range(0, len(body), 50))
                connection.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                   b"chunked\r\nX-Line-Signature: " + signature.encode()
                                   + b"\r\n\r\n" + chunks + b"0\r\n\r\n")
                assert connection.recv(4096).startswith(b"HTTP/1.1 200 ")
            wait_for(lambda: len(api.accepted) == 1, 20)
        assert [p for _, p, _ in calls(log)] == ["handled"]
        assert [r.json()["messages"][0]["text"] for r in api.accepted] == ["chunked"]


def wsgi_call(app: Any, body: bytes, **environ: Any) -> tuple[str, bytes]:
    answer: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/callback",
               "wsgi.input": io.BytesIO(body), **environ}
    payload = b"".join(app(environ, lambda status, headers: answer.append(status)))
    return answer[0], payload


def test_an_empty_content_length_with_terminated_input_is_read_to_its_end_under_the_limit():
    with FakeLineApi() as api:
        app = wsgi_app(SECRET, {(MessageEvent, TextMessage): lambda e: None},
                       client=Client("t", endpoints=api.endpoints), max_body_size=2000)
        try:
            body, signature = webhook_body([text_message_event("x")], SECRET)
            assert wsgi_call(app, body, CONTENT_LENGTH="", HTTP_X_LINE_SIGNATURE=signature,
                             **{"wsgi.input_terminated": True})[0] == "200 OK"
            big, big_signature = webhook_body([text_message_event("x" * 3000)], SECRET)
            assert wsgi_call(app, big, CONTENT_LENGTH="", HTTP_X_LINE_SIGNATURE=big_signature,
                             **{"wsgi.input_terminated": True})[0] == "413 Request Entity Too Large"
            assert wsgi_call(app, body, CONTENT_LENGTH="")[0] == "411 Length Required"
            assert run_pending(app).done == 1
        finally:
            app.stop()


@pytest.mark.parametrize("value", ["²", "١٢", "12a", "-1", "+5", "1 2", "0x10"])
def test_a_content_length_that_is_not_ascii_digits_is_a_400(value):
    app = wsgi_app(SECRET, {})
    try:
        assert wsgi_call(app, b"{}", CONTENT_LENGTH=value) == ("400 Bad Request",
                                                               b"bad Content-Length")
    finally:
        app.stop()
    async_app = asgi_app(SECRET, {})
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/callback",
             "headers": [(b"content-length", value.encode())]}
    asyncio.run(async_app(scope, receive, send))
    assert sent[0]["status"] == 400
    assert sent[1]["body"] == b"bad Content-Length"


def test_a_superscript_content_length_over_real_wsgiref_is_a_400():
    app = wsgi_app(SECRET, {})
    with WsgiServer(app) as bot:
        host, port = bot.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall("POST /callback HTTP/1.0\r\nContent-Length: ²\r\n\r\n{}"
                               .encode("latin-1"))
            assert connection.recv(4096).startswith(b"HTTP/1.0 400 ")
    app.stop()
