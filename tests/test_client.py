"""Client against FakeLineApi over real sockets on 127.0.0.1: nothing mocked."""

import asyncio
import time
import uuid

import pytest

from linebot_fp.api import _registry
from linebot_fp.client import AsyncClient, Client
from linebot_fp.content import Content
from linebot_fp.errors import LineBotApiError, TransportError, TransportTimeoutError
from linebot_fp.models.emojis import Emojis
from linebot_fp.request import Request
from linebot_fp.sending import RetryPolicy
from linebot_fp.testing import FakeLineApi
from linebot_fp.transport import Urllib3Transport

PROBES = {"probe_model": "linebot_fp.models.emojis:Emojis", "probe_binary": _registry.BINARY}


@pytest.fixture(autouse=True, scope="module")
def probe_operations():
    """Teach the registry two test operations, the way builders declare their answers."""
    _registry.RESPONSES.update(PROBES)
    yield
    for name in PROBES:
        del _registry.RESPONSES[name]

NO_RETRY = None
FAST_RETRY = RetryPolicy(max_attempts=3, backoff=0.0)


def get(operation="plain_json", path="/v2/probe", base="api"):
    return Request(operation=operation, method="GET", base=base, path=path)


def push(headers=()):
    return Request(operation="push_message", method="POST", base="api",
                   path="/v2/bot/message/push", headers=dict(headers), body=b'{"to":"U1"}')


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


@pytest.fixture
def client(api):
    return Client("token-123", endpoints=api.endpoints, retry=NO_RETRY)


def test_sends_authorization_and_user_agent(api, client):
    client.send(get(path="/v2/bot/info"))
    headers = api.requests[0].headers
    assert headers["Authorization"] == "Bearer token-123"
    assert headers["User-Agent"].startswith("linebot_fp/")


def test_endpoint_override_routes_each_base(api):
    with FakeLineApi() as data_server:
        client = Client("t", endpoints={"api": api.url, "data": data_server.url}, retry=NO_RETRY)
        client.send(get(path="/v2/bot/info"))
        client.send(get("probe_binary", path="/v2/bot/message/1/content", base="data"))
    assert [r.path for r in api.requests] == ["/v2/bot/info"]
    assert [r.path for r in data_server.requests] == ["/v2/bot/message/1/content"]


def test_decodes_json_into_the_operations_model(api, client):
    api.on("GET", "/v2/probe", json={"index": 1, "productId": "p", "emojiId": "e", "extra": 0})
    assert client.send(get("probe_model")) == Emojis(index=1, product_id="p", emoji_id="e")


def test_unregistered_operation_gives_plain_json(api, client):
    api.on("GET", "/v2/other", json={"a": [1, "ü"]})
    assert client.send(get(operation="no_such", path="/v2/other")) == {"a": [1, "ü"]}


def test_empty_body_is_none(api, client):
    api.on("GET", "/v2/probe", body=b"")
    assert client.send(get(operation="no_such")) is None


def test_streams_a_large_binary_body_in_chunks(api, client):
    body = bytes(range(256)) * (5 * 1024 * 1024 // 256)
    api.on("GET", "/v2/bot/message/1/content", body=body, headers={"Content-Type": "video/mp4"})
    content = client.send(get(operation="probe_binary", path="/v2/bot/message/1/content",
                              base="data"))
    assert isinstance(content, Content)
    assert content.content_type == "video/mp4"
    chunks = list(content.iter_content(64 * 1024))
    assert len(chunks) >= 5 * 1024 * 1024 // (64 * 1024)
    assert max(map(len, chunks)) <= 64 * 1024
    assert b"".join(chunks) == body


@pytest.mark.parametrize("status", [400, 401, 403, 404, 429, 500, 503])
def test_error_answer_with_json_body(api, client, status):
    api.on(None, None, status=status, headers={"X-Line-Request-Id": "req-1"}, json={
        "message": "The request body has 2 error(s)",
        "details": [{"message": "May not be empty", "property": "messages[0].text"}],
    })
    with pytest.raises(LineBotApiError) as caught:
        client.send(get())
    error = caught.value
    assert error.status_code == status
    assert error.request_id == "req-1"
    assert error.headers["x-line-request-id"] == "req-1"
    assert error.error.message == "The request body has 2 error(s)"
    assert error.error.details[0].property == "messages[0].text"
    assert error.error.details[0].message == "May not be empty"
    assert "messages[0].text" in str(error)


def test_error_answer_that_is_not_json_keeps_the_body(api, client):
    api.on(None, None, status=502, body=b"<html>Bad Gateway</html>",
           headers={"Content-Type": "text/html"})
    with pytest.raises(LineBotApiError) as caught:
        client.send(get())
    assert caught.value.status_code == 502
    assert caught.value.error.message == "<html>Bad Gateway</html>"
    assert caught.value.body == b"<html>Bad Gateway</html>"


def test_a_server_that_never_answers_times_out(api):
    api.on(None, None, delay=30)
    client = Client("t", endpoints=api.endpoints, timeout=0.3, retry=NO_RETRY)
    started = time.monotonic()
    with pytest.raises(TransportTimeoutError):
        client.send(get())
    assert time.monotonic() - started < 5


def test_connect_and_read_timeout_pair_and_per_call_timeout(api):
    api.on(None, None, delay=30)
    client = Client("t", endpoints=api.endpoints, timeout=(1.0, 30.0), retry=NO_RETRY)
    with pytest.raises(TransportTimeoutError):
        client.send(get(), timeout=(1.0, 0.3))


def test_refused_connection_is_a_transport_error():
    with FakeLineApi() as closed:
        url = closed.url
    client = Client("t", endpoints={"api": url}, retry=NO_RETRY, timeout=2)
    with pytest.raises(TransportError):
        client.send(get())


def test_retries_get_after_5xx_then_succeeds(api):
    api.on("GET", "/v2/probe", status=503, times=2)
    api.on("GET", "/v2/probe", json={"index": 0, "productId": "p", "emojiId": "e"})
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    assert client.send(get("probe_model")).product_id == "p"
    assert len(api.requests) == 3


def test_gives_up_after_max_attempts(api):
    api.on(None, None, status=500)
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    with pytest.raises(LineBotApiError):
        client.send(get())
    assert len(api.requests) == 3


def test_push_gets_one_retry_key_reused_by_every_retry(api):
    api.on("POST", "/v2/bot/message/push", status=500, times=2)
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    client.send(push())
    keys = {r.headers["X-Line-Retry-Key"] for r in api.requests}
    assert len(api.requests) == 3
    assert len(keys) == 1
    uuid.UUID(keys.pop())


def test_a_given_retry_key_is_kept(api):
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    key = str(uuid.uuid4())
    client.send(push({"X-Line-Retry-Key": key}))
    assert api.requests[0].headers["X-Line-Retry-Key"] == key


def test_post_without_retry_key_is_not_retried(api):
    api.on(None, None, status=500)
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    request = Request(operation="reply_message", method="POST", base="api",
                      path="/v2/bot/message/reply", body=b"{}")
    with pytest.raises(LineBotApiError):
        client.send(request)
    assert len(api.requests) == 1
    assert "X-Line-Retry-Key" not in api.requests[0].headers


def test_no_retry_key_when_retries_are_off(api, client):
    client.send(push())
    assert "X-Line-Retry-Key" not in api.requests[0].headers


def test_409_already_accepted_is_not_a_failure(api):
    api.on("POST", "/v2/bot/message/push", status=409,
           headers={"X-Line-Accepted-Request-Id": "first-req"},
           json={"message": "The retry key is already accepted",
                 "sentMessages": [{"id": "461230966842064897", "quoteToken": "q"}]})
    client = Client("t", endpoints=api.endpoints, retry=FAST_RETRY)
    answer = client.send(push())
    assert [sent.id for sent in answer.sent_messages] == ["461230966842064897"]
    assert len(api.requests) == 1


def test_409_already_accepted_for_an_operation_without_model_is_none(api):
    api.on(None, None, status=409, headers={"X-Line-Accepted-Request-Id": "first-req"},
           json={"message": "The retry key is already accepted"})
    client = Client("t", endpoints=api.endpoints, retry=NO_RETRY)
    request = Request(operation="plain_json", method="POST", base="api",
                      path="/v2/bot/message/push", body=b"{}")
    assert client.send(request) is None


def test_409_without_accepted_id_is_an_error(api, client):
    api.on(None, None, status=409, json={"message": "conflict"})
    with pytest.raises(LineBotApiError) as caught:
        client.send(push())
    assert caught.value.accepted_request_id is None


def test_retry_after_header_is_honoured(api):
    api.on(None, None, status=429, headers={"Retry-After": "0"}, times=1)
    slept = []
    client = Client("t", endpoints=api.endpoints, retry=RetryPolicy(backoff=5.0),
                    sleep=slept.append)
    client.send(get(operation="no_such", path="/v2/bot/info"))
    assert slept == [0.0]


def test_timeouts_are_retried_for_idempotent_requests(api):
    api.on(None, None, delay=30, times=1)
    api.on(None, None, json={})
    client = Client("t", endpoints=api.endpoints, timeout=0.3, retry=FAST_RETRY)
    assert client.send(get(operation="no_such")) == {}
    assert len(api.requests) == 2


def test_any_callable_is_a_transport(api):
    seen = []
    real = Urllib3Transport()

    def logging_transport(http_request):
        seen.append((http_request.method, http_request.url))
        return real(http_request)

    Client("t", endpoints=api.endpoints, transport=logging_transport).send(
        get(operation="x", path="/v2/bot/info"))
    assert seen == [("GET", f"{api.url}/v2/bot/info")]


def test_send_rejects_what_is_not_a_request(client):
    with pytest.raises(ValueError, match="Request"):
        client.send({"method": "GET"})


def test_async_client_with_the_default_threaded_transport(api):
    api.on("GET", "/v2/probe", json={"index": 2, "productId": "p", "emojiId": "e"})
    client = AsyncClient("t", endpoints=api.endpoints, retry=FAST_RETRY)
    assert asyncio.run(client.send(get("probe_model"))).index == 2


def test_async_client_with_its_own_transport_retries(api):
    api.on(None, None, status=500, times=1)
    api.on(None, None, json={})
    real = Urllib3Transport()

    async def transport(http_request):
        return await asyncio.to_thread(real, http_request)

    client = AsyncClient("t", endpoints=api.endpoints, retry=FAST_RETRY, transport=transport)
    assert asyncio.run(client.send(get(operation="x"))) == {}
    assert len(api.requests) == 2


def test_importing_the_client_imports_neither_asyncio_nor_urllib3():
    import subprocess
    import sys

    code = ("import sys, linebot_fp.client; "
            "print(sorted(m for m in ('asyncio', 'urllib3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_async_client_is_importable_from_the_client_module_and_the_package():
    import linebot_fp
    from linebot_fp.async_client import AsyncClient as Defined

    assert AsyncClient is Defined
    assert linebot_fp.AsyncClient is Defined


def test_user_agent_carries_the_package_version(api, client):
    import linebot_fp

    client.send(get(path="/v2/bot/info"))
    assert api.requests[0].headers["User-Agent"] == f"linebot_fp/{linebot_fp.__version__}"


def test_max_answer_bytes_must_be_positive():
    with pytest.raises(ValueError, match="max_answer_bytes"):
        Client("t", max_answer_bytes=0)
