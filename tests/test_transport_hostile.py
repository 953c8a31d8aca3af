"""The sync client and its urllib3 transport against hostile servers on 127.0.0.1.

Refused connections, silent servers, trickled answers, answers cut short,
oversized, deeply nested or HTML bodies, redirects, and threads sharing a
client: each ends in a clear, bounded error. Nothing is mocked.
"""

import logging
import threading
import time

import pytest
from transport_servers import RawServer, closed_port_url, read_request

from linebot_fp.api import get_message_content, get_profile, push_message
from linebot_fp.client import Client
from linebot_fp.errors import (
    InvalidPayloadError,
    LineBotApiError,
    TransportError,
    TransportTimeoutError,
    UndecodableAnswerError,
)
from linebot_fp.models import TextSendMessage
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing import FakeLineApi
from linebot_fp.transport import Urllib3Transport

PUSH = push_message("U1", TextSendMessage(text="hi"))
PROFILE = get_profile("U1")
DEEP = b"[" * 200_000 + b"]" * 200_000


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def client_for(endpoints, **options):
    options.setdefault("retry", None)
    return Client("token-abc", endpoints=endpoints, transport=Urllib3Transport(), **options)


# -- no answer: refused vs timed out ------------------------------------------------------


def test_a_closed_port_is_a_transport_error_not_a_timeout():
    with pytest.raises(TransportError) as caught:
        client_for({"api": closed_port_url()}, timeout=2).send(PROFILE)
    assert not isinstance(caught.value, TransportTimeoutError)
    assert caught.value.request == PROFILE


def test_an_unknown_host_is_a_transport_error_not_a_timeout():
    endpoints = {"api": "http://no-such-host.invalid"}
    with pytest.raises(TransportError) as caught:
        client_for(endpoints, timeout=2).send(PROFILE)
    assert not isinstance(caught.value, TransportTimeoutError)


def test_a_server_that_never_answers_is_a_timeout():
    def silent(conn, server):
        read_request(conn)
        server.stopping.wait(30)

    with RawServer(silent) as server, pytest.raises(TransportTimeoutError):
        client_for(server.endpoints, timeout=0.3).send(PROFILE)


# -- the timeout bounds the attempt as a whole ------------------------------------------


def trickle(answer):
    def handle(conn, server):
        read_request(conn)
        for index in range(len(answer)):
            if server.stopping.wait(0.1):
                return
            server.send(conn, answer[index:index + 1])
    return handle


def test_a_trickled_answer_cannot_hold_the_send_past_the_timeout():
    answer = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'  # 40 bytes: 4 s at 10 bytes/s
    with RawServer(trickle(answer)) as server:
        started = time.monotonic()
        with pytest.raises(TransportTimeoutError):
            client_for(server.endpoints, timeout=0.5).send(PROFILE)
        assert time.monotonic() - started < 3
        assert server.sent < len(answer)


def test_a_trickled_body_cannot_hold_the_send_past_the_timeout():
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n"
    body = b'{"displayName":"' + b"a" * 22 + b'"}'

    def handle(conn, server):
        read_request(conn)
        server.send(conn, head)
        for index in range(len(body)):
            if server.stopping.wait(0.1):
                return
            server.send(conn, body[index:index + 1])

    with RawServer(handle) as server:
        started = time.monotonic()
        with pytest.raises(TransportTimeoutError):
            client_for(server.endpoints, timeout=0.5).send(PROFILE)
        assert time.monotonic() - started < 3


def test_a_timeout_pair_bounds_connect_plus_read_as_a_whole():
    answer = b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'
    with RawServer(trickle(answer)) as server:
        started = time.monotonic()
        with pytest.raises(TransportTimeoutError):
            client_for(server.endpoints, timeout=(0.2, 0.3)).send(PROFILE)
        assert time.monotonic() - started < 3


# -- answers cut short or oversized -------------------------------------------------------


def test_a_body_cut_short_is_a_transport_error():
    def handle(conn, server):
        read_request(conn)
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"displayName\"")

    with RawServer(handle) as server, pytest.raises(TransportError) as caught:
        client_for(server.endpoints).send(PROFILE)
    assert caught.value.request == PROFILE


def test_a_body_cut_short_is_retried_for_a_get():
    whole = b'{"displayName":"Ann","userId":"U1"}'
    answers = iter([b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{",
                    b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(whole), whole)])

    def handle(conn, server):
        read_request(conn)
        server.send(conn, next(answers))

    with RawServer(handle) as server:
        client = client_for(server.endpoints, retry=RetryPolicy(backoff=0))
        assert client.send(PROFILE).display_name == "Ann"
        assert server.connections == 2


def test_a_declared_oversized_answer_is_refused_unread(api):
    api.on("GET", None, body=b'{"displayName":"' + b"a" * 300_000 + b'"}')
    with pytest.raises(UndecodableAnswerError) as caught:
        client_for(api.endpoints, max_answer_bytes=100_000).send(PROFILE)
    assert "max_answer_bytes=100000" in str(caught.value)
    assert "accepted" in str(caught.value)
    assert caught.value.status_code == 200


def chunked(status_line, piece, chunks=3200):
    """A handler answering ``chunks`` chunks of 16 KiB of ``piece`` (50 MB by default),
    unless the client hangs up first."""
    def handle(conn, server):
        read_request(conn)
        server.send(conn, status_line + b"\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"4000\r\n" + (piece * 0x4000)[:0x4000] + b"\r\n"
        for _ in range(chunks):
            if server.stopping.is_set():
                return
            server.send(conn, chunk)
        server.send(conn, b"0\r\n\r\n")
    return handle


def test_an_endless_chunked_answer_is_refused_without_reading_it_all():
    with RawServer(chunked(b"HTTP/1.1 200 OK", b"a")) as server:
        with pytest.raises(UndecodableAnswerError, match="max_answer_bytes"):
            client_for(server.endpoints, max_answer_bytes=256 * 1024).send(PROFILE)
        server.stopping.set()
    assert server.sent < 20 * 1024 * 1024


def test_an_oversized_error_answer_is_an_api_error_with_the_part_read():
    handle = chunked(b"HTTP/1.1 500 Oops", b"<p>", chunks=64)
    with RawServer(handle) as server, pytest.raises(LineBotApiError) as caught:
        client_for(server.endpoints, max_answer_bytes=50_000).send(PROFILE)
    assert caught.value.status_code == 500
    assert len(caught.value.body) <= 50_000
    assert len(str(caught.value)) < 400


# -- hostile bodies -------------------------------------------------------------------------


def test_deeply_nested_json_in_a_2xx_is_an_undecodable_answer(api):
    api.on("GET", None, body=DEEP)
    with pytest.raises(UndecodableAnswerError) as caught:
        client_for(api.endpoints).send(PROFILE)
    assert isinstance(caught.value, InvalidPayloadError)
    assert "nested too deeply" in str(caught.value)


@pytest.mark.parametrize("status", [400, 500])
def test_deeply_nested_json_in_an_error_keeps_the_raw_body(api, status):
    api.on("GET", None, status=status, body=DEEP)
    with pytest.raises(LineBotApiError) as caught:
        client_for(api.endpoints).send(PROFILE)
    assert caught.value.status_code == status
    assert caught.value.body == DEEP
    assert len(str(caught.value)) < 400


def test_an_html_error_page_is_quoted_by_a_short_preview(api):
    page = b"<html><body>" + b"<p>Bad gateway</p>" * 60_000 + b"</body></html>"
    api.on("GET", None, status=502, body=page, headers={"Content-Type": "text/html"})
    with pytest.raises(LineBotApiError) as caught:
        client_for(api.endpoints).send(PROFILE)
    assert caught.value.body == page
    assert len(str(caught.value)) < 400
    assert str(caught.value).startswith("LINE API answered 502: <html><body><p>Bad gateway")
    assert len(caught.value.error.message) <= 210


def test_an_undecodable_2xx_says_the_call_was_accepted(api):
    api.on("POST", None, body=b"<html>ok</html>", headers={"X-Line-Request-Id": "req-9"})
    with pytest.raises(UndecodableAnswerError) as caught:
        client_for(api.endpoints).send(PUSH)
    error = caught.value
    assert error.status_code == 200
    assert error.request_id == "req-9"
    assert error.body == b"<html>ok</html>"
    assert error.headers["X-Line-Request-Id"] == "req-9"
    assert "accepted the call" in str(error)
    assert error.request == PUSH


# -- redirects are answers, never followed ---------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_not_followed(api, status):
    with FakeLineApi() as elsewhere:
        api.on(None, None, status=status, headers={"Location": f"{elsewhere.url}/v2/bot/x"},
               body=b"")
        for request in (PROFILE, PUSH):
            with pytest.raises(LineBotApiError) as caught:
                client_for(api.endpoints).send(request)
            assert caught.value.status_code == status
        assert elsewhere.requests == []
    assert len(api.requests) == 2


# -- threads sharing one client -------------------------------------------------------------


def test_eight_threads_share_one_client_without_pool_warnings(api, caplog):
    api.on("GET", None, json={"displayName": "Ann", "userId": "U1"})
    client = client_for(api.endpoints)
    errors = []

    def work():
        try:
            for _ in range(25):
                client.send(PROFILE)
        except Exception as exc:
            errors.append(exc)

    with caplog.at_level(logging.WARNING, logger="urllib3"):
        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert len(api.requests) == 200
    assert [r.getMessage() for r in caplog.records if r.name.startswith("urllib3")] == []


def test_a_content_download_streams_but_its_error_answer_is_capped():
    with RawServer(chunked(b"HTTP/1.1 500 Oops", b"e")) as server:
        client = client_for(server.endpoints, max_answer_bytes=100_000)
        with pytest.raises(LineBotApiError) as caught:
            client.send(get_message_content("m1"))
        server.stopping.set()
    assert caught.value.status_code == 500
    assert len(caught.value.body) == 100_000
    assert server.sent < 20 * 1024 * 1024


def test_a_content_download_is_not_capped(api):
    body = bytes(range(256)) * 2048  # 512 KiB
    api.on("GET", None, body=body, headers={"Content-Type": "image/jpeg"})
    content = client_for(api.endpoints, max_answer_bytes=1000).send(get_message_content("m1"))
    assert content.content == body
