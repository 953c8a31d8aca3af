"""The shipped async transports (httpx, aiohttp) against FakeLineApi: real sockets on
127.0.0.1, through AsyncClient and called directly, faults and streamed content included."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest

from linebot_fp import AsyncClient, HttpRequest, LineBotApiError
from linebot_fp.api import get_message_content, get_profile, push_message
from linebot_fp.content import Content
from linebot_fp.errors import AnswerTooLargeError, TransportError, TransportTimeoutError
from linebot_fp.models import TextSendMessage
from linebot_fp.models.responses import Profile
from linebot_fp.request import Headers
from linebot_fp.testing import FakeLineApi
from linebot_fp.transports import AiohttpTransport, AsyncStream, HttpxTransport

T = TypeVar("T")
TOKEN = "transport-token"
PROFILE = {"displayName": "Ann", "userId": "U1"}
TRANSPORTS = {"httpx": HttpxTransport, "aiohttp": AiohttpTransport}


@pytest.fixture
def api() -> Iterator[FakeLineApi]:
    with FakeLineApi() as server:
        yield server


@pytest.fixture(params=sorted(TRANSPORTS))
def make_transport(request: pytest.FixtureRequest) -> Callable[[], Any]:
    return TRANSPORTS[request.param]


def run(make_transport: Callable[[], Any],
        body: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``body(transport)`` in a fresh event loop, closing the transport after."""

    async def main() -> T:
        async with make_transport() as transport:
            return await body(transport)

    return asyncio.run(main())


def client_for(api: FakeLineApi, transport: Any, **options: Any) -> AsyncClient:
    return AsyncClient(TOKEN, endpoints=api.endpoints, transport=transport, **options)


def wire(url: str, *, timeout: float | tuple[float, float] = 5.0, stream: bool = False,
         max_answer_bytes: int | None = None) -> HttpRequest:
    return HttpRequest(method="GET", url=url, headers=Headers({"Authorization": "Bearer t"}),
                       body=None, timeout=timeout, stream=stream,
                       max_answer_bytes=max_answer_bytes)


def test_sends_and_decodes_through_the_async_client(api, make_transport):
    api.on("GET", "/v2/bot/profile/U1", json=PROFILE)
    api.on("POST", "/v2/bot/message/push", json={"sentMessages": [{"id": "9"}]})

    async def body(transport: Any) -> Any:
        client = client_for(api, transport)
        return await asyncio.gather(client.send(get_profile("U1")),
                                    client.send(push_message("U1", TextSendMessage(text="hé"))))

    profile, pushed = run(make_transport, body)
    assert profile == Profile(display_name="Ann", user_id="U1")
    assert pushed.sent_messages[0].id == "9"
    push = next(r for r in api.requests if r.method == "POST")
    assert push.json() == {"to": "U1", "messages": [{"type": "text", "text": "hé"}],
                           "notificationDisabled": False}
    assert push.headers["Content-Type"] == "application/json"
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in api.requests)
    assert all(r.headers["User-Agent"].startswith("linebot_fp/") for r in api.requests)


def test_an_error_status_is_an_answer(api, make_transport):
    api.on("GET", "/v2/bot/profile/U1", status=404, json={"message": "Not found"},
           headers={"X-Line-Request-Id": "req-404"})

    async def body(transport: Any) -> Any:
        answer = await transport(wire(api.url + "/v2/bot/profile/U1"))
        with pytest.raises(LineBotApiError) as caught:
            await client_for(api, transport).send(get_profile("U1"))
        return answer, caught.value

    answer, error = run(make_transport, body)
    assert (answer.status, answer.headers["x-line-request-id"]) == (404, "req-404")
    assert json.loads(answer.read()) == {"message": "Not found"}
    assert (error.status_code, error.request_id, error.error.message) == (
        404, "req-404", "Not found")


def test_a_retried_failure_then_success(api, make_transport):
    api.on("GET", "/v2/bot/profile/U1", status=503, json={"message": "busy"}, times=1)
    api.on("GET", "/v2/bot/profile/U1", json=PROFILE)
    profile = run(make_transport, lambda transport: client_for(api, transport).send(
        get_profile("U1")))
    assert profile.display_name == "Ann"
    assert len(api.requests) == 2


def test_a_slow_answer_times_out(api, make_transport):
    api.on("GET", "/slow", delay=3.0)

    async def body(transport: Any) -> None:
        with pytest.raises(TransportTimeoutError):
            await transport(wire(api.url + "/slow", timeout=0.3))
        api.on("GET", "/v2/bot/profile/U1", delay=3.0)
        with pytest.raises(TransportTimeoutError) as caught:
            await client_for(api, transport, timeout=0.3, retry=None).send(get_profile("U1"))
        assert isinstance(caught.value, TimeoutError)

    run(make_transport, body)


@pytest.fixture
def trickler() -> Iterator[str]:
    """A server that sends a status line and headers, then its body one byte at a time."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               b"Content-Length: 40\r\n\r\n")
            for byte in b'{"displayName": "Ann", "userId": "U1"} ':
                if stop.wait(0.1):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_trickled_answer_cannot_outlast_the_timeout(trickler, make_transport):
    async def body(transport: Any) -> None:
        with pytest.raises(TransportTimeoutError):
            await transport(wire(trickler + "/v2/bot/profile/U1", timeout=(0.5, 0.5)))

    run(make_transport, body)


def test_no_connection_is_a_transport_error(make_transport):
    closed = FakeLineApi().start()
    closed.stop()

    async def body(transport: Any) -> None:
        with pytest.raises(TransportError) as caught:
            await transport(wire(closed.url + "/v2/bot/profile/U1"))
        assert not isinstance(caught.value, TransportTimeoutError)

    run(make_transport, body)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_never_followed(api, make_transport, status):
    with FakeLineApi() as elsewhere:
        api.on("POST", "/v2/bot/message/push", status=status,
               headers={"Location": elsewhere.url + "/v2/bot/message/push"})

        async def body(transport: Any) -> LineBotApiError:
            client = client_for(api, transport, retry=None)
            with pytest.raises(LineBotApiError) as caught:
                await client.send(push_message("U1", TextSendMessage(text="hi")))
            return caught.value

        error = run(make_transport, body)
        assert error.status_code == status
        assert elsewhere.requests == []  # the token never went to another host
    assert [r.path for r in api.requests] == ["/v2/bot/message/push"]


def test_an_answer_over_the_limit_is_not_read_whole(api, make_transport):
    api.on("GET", "/big", body=b"x" * 100_000)

    async def body(transport: Any) -> AnswerTooLargeError:
        with pytest.raises(AnswerTooLargeError) as caught:
            await transport(wire(api.url + "/big", max_answer_bytes=1000))
        small = await transport(wire(api.url + "/big", max_answer_bytes=100_000))
        assert small.read() == b"x" * 100_000
        return caught.value

    error = run(make_transport, body)
    assert (error.status_code, error.limit) == (200, 1000)
    assert len(error.body) <= 1000


VIDEO = bytes(range(256)) * 2048  # 512 KiB


def test_content_streams_with_await(api, make_transport):
    api.on("GET", "/v2/bot/message/42/content", body=VIDEO, headers={"Content-Type": "video/mp4"})

    async def body(transport: Any) -> tuple[Content, list[bytes], bytes]:
        client = client_for(api, transport)
        content = await client.send(get_message_content("42"))
        chunks = [chunk async for chunk in content.aiter_content(64 * 1024)]
        async with await client.send(get_message_content("42")) as again:
            whole = await again.aread()
        return content, chunks, whole

    content, chunks, whole = run(make_transport, body)
    assert content.content_type == "video/mp4"
    assert b"".join(chunks) == VIDEO == whole
    assert max(len(chunk) for chunk in chunks) <= 64 * 1024
    assert [r.path for r in api.requests] == ["/v2/bot/message/42/content"] * 2


def test_a_stream_is_read_as_it_goes_and_can_be_left_unread(api, make_transport):
    api.on("GET", "/v2/bot/message/42/content", body=VIDEO)
    api.on("GET", "/v2/bot/profile/U1", json=PROFILE)

    async def body(transport: Any) -> tuple[bytes, str]:
        client = client_for(api, transport)
        answer = await transport(wire(api.url + "/v2/bot/message/42/content", stream=True))
        assert isinstance(answer.body, AsyncStream)
        first = await answer.body.aread(10)
        await answer.body.aclose()
        await answer.body.aclose()  # twice is fine
        with pytest.raises(TransportError, match="closed"):
            await answer.body.aread(10)
        profile = await client.send(get_profile("U1"))  # the pool still works
        return first, profile.display_name

    assert run(make_transport, body) == (VIDEO[:10], "Ann")


def test_a_stream_read_blocking_says_how_to_read_it(api, make_transport):
    api.on("GET", "/v2/bot/message/42/content", body=VIDEO)

    async def body(transport: Any) -> bytes:
        client = client_for(api, transport)
        content = await client.send(get_message_content("42"))
        with pytest.raises(RuntimeError, match="aiter_content"):
            _ = content.content  # a blocking read on the event loop: refused, not a deadlock
        content = await client.send(get_message_content("42"))
        return await asyncio.to_thread(lambda: content.content)  # from a worker thread: fine

    assert run(make_transport, body) == VIDEO


def test_a_streamed_error_answer_is_read_whole(api, make_transport):
    api.on("GET", "/v2/bot/message/42/content", status=404, json={"message": "Not found"})

    async def body(transport: Any) -> LineBotApiError:
        with pytest.raises(LineBotApiError) as caught:
            await client_for(api, transport).send(get_message_content("42"))
        return caught.value

    assert run(make_transport, body).error.message == "Not found"


def test_one_pooled_client_made_on_first_use_and_closed_by_aclose(api, make_transport):
    async def body(transport: Any) -> None:
        held = vars(transport)
        (pool_name,) = [name for name in held if name in ("_client", "_session")]
        await transport(wire(api.url + "/a"))
        pool = held[pool_name]
        await transport(wire(api.url + "/b"))
        assert held[pool_name] is pool
        await transport.aclose()
        assert held[pool_name] is None
        assert getattr(pool, "is_closed", None) or getattr(pool, "closed", None)
        await transport(wire(api.url + "/c"))  # usable again: a fresh pool
        assert held[pool_name] not in (None, pool)

    run(make_transport, body)
    assert [r.path for r in api.requests] == ["/a", "/b", "/c"]


def test_a_given_pool_stays_the_callers(api):
    import aiohttp
    import httpx

    async def main() -> None:
        async with httpx.AsyncClient() as http:
            transport = HttpxTransport(http)
            await transport(wire(api.url + "/a"))
            await transport.aclose()
            assert not http.is_closed
        async with aiohttp.ClientSession() as session:
            transport = AiohttpTransport(session)
            await transport(wire(api.url + "/b"))
            await transport.aclose()
            assert not session.closed

    asyncio.run(main())
    with pytest.raises(ValueError, match="either"):
        HttpxTransport(httpx.AsyncClient(), timeout=3)


def test_importing_the_transports_imports_neither_library():
    code = ("import sys; import linebot_fp.transports as t; "
            "from linebot_fp.transports import httpx_transport as h, aiohttp_transport as a; "
            "print(sorted({'httpx', 'aiohttp'} & set(sys.modules))); "
            "t.HttpxTransport(); print(sorted({'httpx', 'aiohttp'} & set(sys.modules))); "
            "t.AiohttpTransport(); print(sorted({'httpx', 'aiohttp'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split("\n")[:3] == ["[]", "['httpx']", "['aiohttp', 'httpx']"]


def test_a_stream_outliving_its_event_loop_says_so(api, make_transport):
    api.on("GET", "/v2/bot/message/42/content", body=VIDEO)

    async def body(transport: Any) -> Content:
        return await client_for(api, transport).send(get_message_content("42"))

    content = run(make_transport, body)  # asyncio.run has closed the loop
    with pytest.raises(TransportError, match="stopped"):
        _ = content.content
    content.close()  # nothing left to release: no error


def test_content_from_the_default_async_transport_is_read_in_a_thread(api):
    api.on("GET", "/v2/bot/message/42/content", body=VIDEO)

    async def main() -> bytes:
        content = await AsyncClient(TOKEN, endpoints=api.endpoints).send(
            get_message_content("42"))
        return b"".join([chunk async for chunk in content.aiter_content(100_000)])

    assert asyncio.run(main()) == VIDEO
