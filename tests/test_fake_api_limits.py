"""FakeLineApi plays LINE's limits: windows per channel and endpoint, the quota, 429 bodies."""

import json
import urllib.request

import pytest

from linebot_fp import Client, LineBotApiError, QuotaExceededError
from linebot_fp.api import get_message_quota_consumption, get_profile, multicast, push_message
from linebot_fp.limits import Rate
from linebot_fp.models import TextSendMessage
from linebot_fp.sending import MONTHLY_LIMIT_MESSAGE, RATE_LIMIT_MESSAGE
from linebot_fp.testing import FakeClock, FakeLineApi, Fault

HI = TextSendMessage(text="hi")


@pytest.fixture
def clock():
    return FakeClock()


def client(api, token="token"):
    return Client(token, endpoints=api.endpoints, retry=None)


def raw(api, method, path, token="token", body=None):
    """Status and JSON of one request sent with urllib (no SDK in between)."""
    request = urllib.request.Request(api.url + path, method=method, data=body,
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_limits_are_off_unless_asked_for(clock):
    with FakeLineApi(clock=clock) as api:
        for n in range(250):
            client(api).send(multicast([f"U{n}"], HI))
        assert len(api.accepted) == 250
        assert api.limits.counted == []


def test_each_channel_and_endpoint_has_its_own_window(clock):
    with FakeLineApi(clock=clock, enforce_limits=True) as api:
        api.enforce_limits({"GET /v2/bot/profile/{userId}": Rate(2, 1.0)})
        api.on("GET", None, json={"displayName": "Ann", "userId": "U1"})
        for token in ("a", "b"):
            for _ in range(2):
                client(api, token).send(get_profile("U1"))
        assert raw(api, "GET", "/v2/bot/profile/U1", "a") == (429, {"message": RATE_LIMIT_MESSAGE})
        assert raw(api, "GET", "/v2/bot/profile/U2", "a")[0] == 429  # ids are ignored
        assert raw(api, "GET", "/v2/bot/followers/ids", "a")[0] == 200  # another endpoint
        clock.advance(1.0)
        assert raw(api, "GET", "/v2/bot/profile/U1", "a")[0] == 200
        assert [e for _, e in api.limits.counted].count("GET /v2/bot/profile/{userId}") == 5


def test_enforcing_can_be_turned_off_and_reset_forgets_the_counts(clock):
    with FakeLineApi(clock=clock) as api:
        api.enforce_limits({"push_message": Rate(1, 60.0)})
        client(api).send(push_message("U1", HI))
        with pytest.raises(LineBotApiError):
            client(api).send(push_message("U1", HI))
        api.reset()
        client(api).send(push_message("U1", HI))  # a fresh window
        api.enforce_limits(on=False)
        client(api).send(push_message("U1", HI))
        assert api.limits.enforcing is False


def test_a_send_past_the_quota_is_refused_whole_with_lines_body(clock):
    with FakeLineApi(clock=clock) as api:
        api.set_quota(600, used=400)
        with pytest.raises(QuotaExceededError) as caught:
            client(api).send(multicast([f"U{n}" for n in range(201)], HI))
        assert caught.value.error.message == MONTHLY_LIMIT_MESSAGE
        client(api).send(multicast([f"U{n}" for n in range(200)], HI))
        assert client(api).send(get_message_quota_consumption()).total_usage == 600
        status, body = raw(api, "GET", "/v2/bot/message/quota")
        assert (status, body) == (200, {"type": "limited", "value": 600})


def test_a_resent_accepted_key_is_answered_409_not_429_when_the_quota_is_spent(clock):
    with FakeLineApi(clock=clock) as api:
        api.set_quota(1)
        api.fail(Fault.DROP_AFTER_ACCEPT, path="/v2/bot/message/push")
        request = push_message("U1", HI).with_retry_key()
        with pytest.raises(Exception):  # noqa: B017, PT011 - the answer was lost
            client(api).send(request)
        assert api.limits.used == 1
        answer = client(api).send(request)  # 409 "already accepted": the first sentMessages
        assert answer is not None
        assert answer.sent_messages is not None
        assert len(answer.sent_messages) == 1
        assert api.requests[-1].request_id != api.requests[0].request_id
        assert len(api.accepted) == 1


def test_the_quota_takes_only_whole_numbers(clock):
    with FakeLineApi(clock=clock) as api:
        for bad in ({"limit": -1}, {"limit": 1.5}, {"limit": 3, "used": True},
                    {"limit": 3, "friends": -2}):
            with pytest.raises(ValueError, match="whole number"):
                api.set_quota(**bad)
