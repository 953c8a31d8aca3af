"""FakeLineApi plays LINE: request ids, retry keys (409 after acceptance), and every fault kind.

Everything goes over real sockets on 127.0.0.1, with the real Client or plain http.client.
"""

import contextlib
import http.client
import json
import socket
import subprocess
import sys
import threading
import uuid

import pytest

from linebot_fp.client import Client
from linebot_fp.errors import LineBotApiError, TransportError, TransportTimeoutError
from linebot_fp.request import Request
from linebot_fp.testing import ALL_FAULTS, FakeLineApi, Fault

PUSH = "/v2/bot/message/push"


def push(text="hi", key=None):
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["X-Line-Retry-Key"] = key
    body = json.dumps({"to": "U1", "messages": [{"type": "text", "text": text}]}).encode()
    return Request(operation="push_message", method="POST", base="api", path=PUSH,
                   headers=headers, body=body)


def raw(api, method="GET", path="/v2/bot/info", headers=None, body=None):
    """One request with http.client: (status, headers, parsed JSON body)."""
    host, port = api.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        data = answer.read()
        return answer.status, answer.headers, json.loads(data) if data else None
    finally:
        connection.close()


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def client_for(api, timeout=5.0):
    return Client("token", endpoints=api.endpoints, timeout=timeout, retry=None)


# -- what LINE does on every call ------------------------------------------------------------------


def test_every_answer_has_its_own_request_id_recorded_with_the_request(api):
    api.on("GET", "/v2/bad", status=400, json={"message": "no"})
    ids = [raw(api)[1]["X-Line-Request-Id"], raw(api, path="/v2/bad")[1]["X-Line-Request-Id"]]
    assert len(set(ids)) == 2
    assert [r.request_id for r in api.requests] == ids


def test_a_scripted_request_id_wins_and_request_ids_can_be_left_to_the_script():
    with FakeLineApi(request_ids=False) as api:
        api.on("GET", "/v2/given", headers={"X-Line-Request-Id": "mine"})
        assert "X-Line-Request-Id" not in raw(api)[1]
        assert raw(api, path="/v2/given")[1]["X-Line-Request-Id"] == "mine"


def test_accepted_lists_what_took_effect_and_only_that(api):
    api.on("GET", "/v2/missing", status=404, json={"message": "Not found"})
    raw(api)
    raw(api, path="/v2/missing")
    assert [r.path for r in api.requests] == ["/v2/bot/info", "/v2/missing"]
    assert [r.path for r in api.accepted] == ["/v2/bot/info"]


# -- retry keys ------------------------------------------------------------------------------------


def test_a_retry_key_is_accepted_once_then_409_names_the_first_request(api):
    api.on("POST", PUSH, json={"sentMessages": [{"id": "1001", "quoteToken": "q"}]})
    keyed = {"X-Line-Retry-Key": str(uuid.uuid4())}
    first_status, first_headers, first_body = raw(api, "POST", PUSH, keyed, b"{}")
    status, headers, body = raw(api, "POST", PUSH, keyed, b"{}")
    assert (first_status, status) == (200, 409)
    assert first_body == {"sentMessages": [{"id": "1001", "quoteToken": "q"}]}
    assert headers["X-Line-Accepted-Request-Id"] == first_headers["X-Line-Request-Id"]
    assert headers["X-Line-Request-Id"] == api.requests[1].request_id
    assert headers["X-Line-Request-Id"] != first_headers["X-Line-Request-Id"]
    assert body == {"message": "The retry key is already accepted",
                    "sentMessages": [{"id": "1001", "quoteToken": "q"}]}
    assert api.accepted == api.requests[:1]


def test_the_client_reads_the_409_as_the_first_answer(api):
    api.on("POST", PUSH, json={"sentMessages": [{"id": "1001"}]})
    key = str(uuid.uuid4())
    client = client_for(api)
    assert client.send(push(key=key)) == client.send(push(key=key))
    assert [r.headers["X-Line-Retry-Key"] for r in api.accepted] == [key]
    assert len(api.requests) == 2


def test_a_refused_or_failed_request_does_not_use_up_its_key(api):
    api.fail(Fault.STATUS_500)
    api.on("POST", PUSH, status=400, json={"message": "Invalid"}, times=1)
    key = str(uuid.uuid4())
    assert raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0] == 500
    assert raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0] == 400
    assert raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0] == 200
    assert raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0] == 409
    assert len(api.accepted) == 1


@pytest.mark.parametrize(("path", "key", "message"), [
    ("/v2/bot/message/reply", str(uuid.uuid4()), "not supported by /v2/bot/message/reply"),
    (PUSH, "not-a-uuid", "header is invalid"),
])
def test_a_key_where_line_takes_none_or_not_a_uuid_is_400(api, path, key, message):
    status, _, body = raw(api, "POST", path, {"X-Line-Retry-Key": key}, b"{}")
    assert status == 400
    assert message in body["message"]
    assert api.accepted == []


def test_the_same_key_sent_twice_at_once_is_accepted_once(api):
    api.on("POST", PUSH, delay=0.2)
    key = str(uuid.uuid4())
    statuses = []
    threads = [threading.Thread(target=lambda: statuses.append(
        raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0])) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(statuses) == [200, 409]
    assert len(api.accepted) == 1


def test_reset_forgets_accepted_keys(api):
    key = str(uuid.uuid4())
    raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")
    api.reset()
    assert raw(api, "POST", PUSH, {"X-Line-Retry-Key": key}, b"{}")[0] == 200
    assert len(api.accepted) == 1


# -- faults, scripted ------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "error", "accepted"), [
    (Fault.DROP_BEFORE_ACCEPT, TransportError, 0),
    (Fault.DROP_AFTER_ACCEPT, TransportError, 1),
    (Fault.SLOW_ANSWER, TransportTimeoutError, 1),
])
def test_faults_without_an_answer(api, kind, error, accepted):
    api.fail(kind, delay=3.0)
    with pytest.raises(error):
        client_for(api, timeout=0.3).send(push(key=str(uuid.uuid4())))
    assert len(api.accepted) == accepted
    assert api.faults == [(kind, api.requests[0])]
    assert api.requests[0].fault is kind


@pytest.mark.parametrize(("kind", "status"), [
    (Fault.STATUS_500, 500), (Fault.STATUS_502, 502), (Fault.STATUS_503, 503),
])
def test_server_error_faults(api, kind, status):
    api.fail(kind)
    with pytest.raises(LineBotApiError) as caught:
        client_for(api).send(push())
    assert caught.value.status_code == status
    assert caught.value.error.message
    assert caught.value.request_id == api.requests[0].request_id
    assert api.accepted == []


def test_429_says_when_to_come_back(api):
    api.fail("429", retry_after="7")
    status, headers, body = raw(api)
    assert (status, headers["Retry-After"], body["message"]) == (429, "7", "Too many requests")
    assert api.accepted == []


def test_a_slow_answer_still_comes_to_a_patient_client(api):
    api.fail(Fault.SLOW_ANSWER, delay=0.2)
    api.on("GET", "/v2/probe", json={"late": True})
    assert client_for(api).send(Request(operation="x", method="GET", base="api",
                                        path="/v2/probe")) == {"late": True}


def test_scripted_faults_match_method_and_path_count_down_and_come_before_rules(api):
    api.on(None, None, json={"ok": True})
    api.fail(Fault.STATUS_503, method="POST", path=PUSH, times=2)
    assert raw(api)[0] == 200
    assert [raw(api, "POST", PUSH, body=b"{}")[0] for _ in range(3)] == [503, 503, 200]
    assert [kind for kind, _ in api.faults] == [Fault.STATUS_503] * 2


def test_a_fault_for_every_request(api):
    api.fail(Fault.STATUS_502, times=None)
    assert [raw(api)[0] for _ in range(3)] == [502] * 3


@pytest.mark.parametrize(("call", "message"), [
    (lambda api: api.fail("boom"), "unknown fault 'boom'"),
    (lambda api: api.fail(Fault.SLOW_ANSWER, delay=-1), "delay must not be negative"),
    (lambda api: api.inject_faults(1.5), "rate must be between 0 and 1"),
    (lambda api: api.inject_faults(0.5, kinds=()), "at least one Fault"),
    (lambda api: api.inject_faults(0.5, kinds=["500", "nope"]), "unknown fault 'nope'"),
])
def test_fault_mistakes_are_named(api, call, message):
    with pytest.raises(ValueError, match=message):
        call(api)


# -- faults at random ------------------------------------------------------------------------------


def played(seed, rate=0.5, requests=40):
    with FakeLineApi() as api:
        api.inject_faults(rate, kinds=[Fault.STATUS_500, Fault.STATUS_503, Fault.STATUS_429],
                          seed=seed, retry_after="0")
        statuses = [raw(api)[0] for _ in range(requests)]
        return statuses, [kind for kind, _ in api.faults]


def test_random_faults_repeat_with_their_seed_and_differ_with_another():
    statuses, faults = played(seed=7)
    assert played(seed=7) == (statuses, faults)
    assert played(seed=8)[0] != statuses
    assert 5 < len(faults) < 35  # about half of 40
    assert set(faults) == {Fault.STATUS_500, Fault.STATUS_503, Fault.STATUS_429}
    assert statuses.count(200) == 40 - len(faults)


def test_random_faults_at_rate_one_and_zero(api):
    api.inject_faults(1.0, kinds=[Fault.DROP_BEFORE_ACCEPT], path=PUSH)
    with pytest.raises(TransportError):
        client_for(api).send(push())
    assert raw(api)[0] == 200  # another path: untouched
    api.inject_faults(0)
    assert raw(api, "POST", PUSH, body=b"{}")[0] == 200
    assert [kind for kind, _ in api.faults] == [Fault.DROP_BEFORE_ACCEPT]
    assert len(api.accepted) == 2


def test_every_kind_is_drawn_at_a_third(api):
    api.inject_faults(0.35, seed=1, delay=0.0)
    for _ in range(200):
        with contextlib.suppress(http.client.HTTPException, OSError):  # a dropped connection
            raw(api)
    kinds = {kind for kind, _ in api.faults}
    assert kinds == set(ALL_FAULTS)
    assert 40 < len(api.faults) < 100


# -- manners ---------------------------------------------------------------------------------------

QUIET_SCRIPT = """
import socket, struct, time
from linebot_fp.testing import FakeLineApi, Fault
with FakeLineApi() as api:
    api.fail(Fault.SLOW_ANSWER, delay=0.3, times=None)
    host, port = api.url.removeprefix("http://").split(":")
    for _ in range(3):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(b"GET /v2/x HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n\\r\\n")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()  # hang up at once, with a reset
    for _ in range(100):  # until every late answer has met its closed socket
        if len(api.requests) == 3:
            break
        time.sleep(0.05)
    time.sleep(0.8)
    print(len(api.requests))
"""


def test_a_client_that_hangs_up_makes_no_noise():
    result = subprocess.run([sys.executable, "-c", QUIET_SCRIPT], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3"
    assert result.stderr == ""


def test_answers_go_out_with_tcp_nodelay(api):
    # the server sets TCP_NODELAY on every socket it accepts; read it back through the handler
    seen = []
    handler = api._server.RequestHandlerClass
    original = handler.setup

    def setup(self):
        original(self)
        seen.append(self.connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    handler.setup = setup
    raw(api)
    assert seen
    assert all(seen)
