"""Retries, retry keys, Retry-After, the deadline and the log, through real sockets.

The client sends to ``FakeLineApi`` on 127.0.0.1 (which keeps LINE's retry-key
rules: a key accepted once is answered 409 with X-Line-Accepted-Request-Id);
waits go through a recording ``sleep`` and the jitter through a chosen
``uniform``, so no test waits for a backoff.
"""

import asyncio
import logging
import math
import time
import uuid
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from transport_servers import closed_port_url

from linebot_fp.api import get_profile, push_message, reply_message
from linebot_fp.async_client import AsyncClient
from linebot_fp.client import Client
from linebot_fp.errors import (
    InvalidInputError,
    LineBotApiError,
    TransportError,
    TransportTimeoutError,
    UndecodableAnswerError,
)
from linebot_fp.models import PushMessageResponse, TextSendMessage
from linebot_fp.request import Response
from linebot_fp.sending import RetryPolicy, retry_after
from linebot_fp.testing import FakeClock, FakeLineApi, Fault
from linebot_fp.transport import Urllib3Transport

TOKEN = "secret-token-xyz"
PUSH_PATH = "/v2/bot/message/push"
PROFILE = get_profile("U1")
QUICK = RetryPolicy(max_attempts=4, backoff=0.0)


def push(text="hi"):
    return push_message("U1", TextSendMessage(text=text))


@pytest.fixture
def api():
    with FakeLineApi() as server:
        yield server


def client_for(api, retry=QUICK, **options):
    slept = []
    options.setdefault("sleep", slept.append)
    client = Client(TOKEN, endpoints=api.endpoints, retry=retry,
                    transport=Urllib3Transport(), **options)
    client.slept = slept
    return client


# -- with_retry_key --------------------------------------------------------------------


def test_with_retry_key_draws_a_fresh_uuid_for_operations_that_accept_one():
    keyed = push().with_retry_key()
    uuid.UUID(keyed.headers["X-Line-Retry-Key"])
    assert keyed.with_retry_key() is keyed  # already keyed: unchanged
    assert push().with_retry_key().headers != keyed.headers


def test_with_retry_key_takes_a_given_uuid_in_any_spelling():
    key = uuid.uuid4()
    assert push().with_retry_key(str(key).upper()).headers["X-Line-Retry-Key"] == str(key)
    assert push().with_retry_key(key).headers["X-Line-Retry-Key"] == str(key)


def test_with_retry_key_leaves_other_operations_unchanged():
    request = reply_message("token", TextSendMessage(text="hi"))
    assert request.with_retry_key() is request
    assert PROFILE.with_retry_key() is PROFILE


@pytest.mark.parametrize("bad", ["", "not-a-uuid", "1234", "x" * 36])
def test_with_retry_key_refuses_a_key_that_is_not_a_uuid(bad):
    with pytest.raises(InvalidInputError, match="retry_key"):
        push().with_retry_key(bad)
    with pytest.raises(InvalidInputError, match="retry_key"):
        PROFILE.with_retry_key(bad)


# -- each fault kind is retried, and the push delivered once ------------------------------


@pytest.mark.parametrize("kind", list(Fault))
def test_each_fault_kind_is_retried_and_delivered_once(api, kind):
    api.fail(kind, path=PUSH_PATH, times=2, delay=2.0, retry_after="0")
    client = client_for(api, timeout=0.4)
    answer = client.send(push())
    assert isinstance(answer, PushMessageResponse)
    assert len(api.accepted) == 1
    keys = {r.headers["X-Line-Retry-Key"] for r in api.requests}
    assert len(keys) == 1
    assert len(api.requests) == 3


def test_a_409_after_a_retry_is_success(api):
    api.fail(Fault.DROP_AFTER_ACCEPT, path=PUSH_PATH)
    client = client_for(api)
    answer = client.send(push())
    assert isinstance(answer, PushMessageResponse)
    assert [r.headers.get("X-Line-Retry-Key") is not None for r in api.requests] == [True, True]
    assert len(api.accepted) == 1


def test_a_non_retryable_400_is_raised_at_once(api):
    api.on("POST", PUSH_PATH, status=400, json={"message": "The request body has 1 error(s)"})
    client = client_for(api)
    with pytest.raises(LineBotApiError) as caught:
        client.send(push())
    assert caught.value.status_code == 400
    assert len(api.requests) == 1
    assert client.slept == []


def test_a_post_without_a_retry_key_is_never_retried(api):
    api.fail(Fault.STATUS_503, times=None)
    client = client_for(api)
    with pytest.raises(LineBotApiError):
        client.send(reply_message("reply-token", TextSendMessage(text="hi")))
    assert len(api.requests) == 1
    assert "X-Line-Retry-Key" not in api.requests[0].headers


def test_gives_up_after_max_attempts(api):
    api.fail(Fault.STATUS_500, times=None)
    client = client_for(api, retry=RetryPolicy(max_attempts=3, backoff=0.0))
    with pytest.raises(LineBotApiError):
        client.send(PROFILE)
    assert len(api.requests) == 3


# -- every error carries the keyed request; resending it never delivers twice ------------


def test_after_a_give_up_resending_error_request_settles_it_exactly_once(api):
    api.fail(Fault.DROP_AFTER_ACCEPT, path=PUSH_PATH, times=2)
    client = client_for(api, retry=RetryPolicy(max_attempts=2, backoff=0.0))
    with pytest.raises(TransportError) as caught:
        client.send(push())
    sent = caught.value.request
    key = sent.headers["X-Line-Retry-Key"]
    assert {r.headers["X-Line-Retry-Key"] for r in api.requests} == {key}
    assert isinstance(client.send(sent), PushMessageResponse)  # 409: already accepted
    assert api.requests[-1].headers["X-Line-Retry-Key"] == key
    assert len(api.accepted) == 1


@pytest.mark.parametrize("failure", ["400", "refused", "timeout", "undecodable"])
def test_every_error_carries_the_request_as_attempted(api, failure):
    endpoints = api.endpoints
    if failure == "400":
        api.on("POST", PUSH_PATH, status=400, json={"message": "bad"})
        expected = LineBotApiError
    elif failure == "refused":
        endpoints = {"api": closed_port_url()}
        expected = TransportError
    elif failure == "timeout":
        api.fail(Fault.SLOW_ANSWER, times=None, delay=5)
        expected = TransportTimeoutError
    else:
        api.on("POST", PUSH_PATH, body=b"not json")
        expected = UndecodableAnswerError
    client = Client(TOKEN, endpoints=endpoints, timeout=0.3, sleep=lambda _: None,
                    retry=RetryPolicy(max_attempts=2, backoff=0.0), transport=Urllib3Transport())
    request = push()
    with pytest.raises(expected) as caught:
        client.send(request)
    sent = caught.value.request
    assert sent.with_retry_key() is sent
    assert sent == request.with_retry_key(sent.headers["X-Line-Retry-Key"])


def test_no_retry_key_when_retries_are_off(api):
    Client(TOKEN, endpoints=api.endpoints, retry=None).send(push())
    assert "X-Line-Retry-Key" not in api.requests[0].headers


# -- Retry-After -------------------------------------------------------------------------


NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize(("value", "expected"), [
    ("2", 2.0), (" 1.5 ", 1.5), ("0", 0.0), ("-3", 0.0), ("-inf", None),
    ("nan", None), ("NaN", None), ("inf", None), ("1e999", None), ("soon", None), ("", None),
    (format_datetime(NOW + timedelta(seconds=7), usegmt=True), 7.0),
    (format_datetime(NOW - timedelta(seconds=7), usegmt=True), 0.0),
    ("Fri, 99 Foo 2026 99:99:99 GMT", None),
])
def test_retry_after_forms(value, expected):
    assert retry_after(value, now=NOW.timestamp()) == expected


def test_a_retry_after_date_is_measured_from_the_answers_date_header():
    sent = format_datetime(NOW, usegmt=True)
    later = format_datetime(NOW + timedelta(seconds=4), usegmt=True)
    assert retry_after(later, now=0.0, date=sent) == 4.0


@pytest.mark.parametrize(("value", "expected"), [
    ("2", 2.0), ("30", 5.0), ("-1", 0.0), ("nan", 0.25), ("inf", 0.25), ("garbage", 0.25),
])
def test_client_waits_what_retry_after_asks_within_max_backoff(api, value, expected):
    api.on("GET", None, status=429, headers={"Retry-After": value}, times=1)
    api.on("GET", None, json={"displayName": "Ann", "userId": "U1"})
    policy = RetryPolicy(backoff=0.5, max_backoff=5.0)
    client = client_for(api, retry=policy, uniform=lambda low, high: high / 2)
    assert client.send(PROFILE).display_name == "Ann"
    # a jittered wait is less the time the failed attempt took (well under 0.1 s here)
    assert client.slept == [pytest.approx(expected, abs=0.1)]


def test_async_client_does_not_hang_on_retry_after_nan(api):
    api.on("GET", None, status=503, headers={"Retry-After": "nan"}, times=1)
    api.on("GET", None, json={"displayName": "Ann", "userId": "U1"})
    client = AsyncClient(TOKEN, endpoints=api.endpoints, retry=RetryPolicy(backoff=0.01))
    answer = asyncio.run(asyncio.wait_for(client.send(PROFILE), timeout=10))
    assert answer.display_name == "Ann"


def test_full_jitter_draws_between_zero_and_the_growing_cap(api):
    api.fail(Fault.STATUS_500, times=5)
    api.on("GET", None, json={"displayName": "Ann", "userId": "U1"})
    draws = []

    def uniform(low, high):
        draws.append((low, high))
        return high

    client = client_for(api, retry=RetryPolicy(max_attempts=6, backoff=0.5, max_backoff=3.0),
                        uniform=uniform)
    client.send(PROFILE)
    assert draws == [(0.0, 0.5), (0.0, 1.0), (0.0, 2.0), (0.0, 3.0), (0.0, 3.0)]
    assert client.slept == pytest.approx([0.5, 1.0, 2.0, 3.0, 3.0], abs=0.1)
    assert all(wait <= cap for wait, cap in zip(client.slept, [0.5, 1, 2, 3, 3], strict=True))


# -- the deadline --------------------------------------------------------------------------


def test_the_deadline_bounds_the_whole_send(api):
    # time is a FakeClock: each attempt takes 1/16 s (real sockets, simulated time), the
    # jitter draws its largest wait, so every figure below is exact (sixteenths are exact
    # in binary floating point) however loaded the machine is
    clock = FakeClock()
    real = Urllib3Transport()
    timeouts = []

    def one_sixteenth_each(http_request):
        timeouts.append(http_request.timeout)
        clock.advance(1 / 16)
        return real(http_request)

    api.fail(Fault.STATUS_503, times=None)
    client = Client(TOKEN, endpoints=api.endpoints, transport=one_sixteenth_each, timeout=5.0,
                    retry=RetryPolicy(max_attempts=1000, backoff=1 / 16, max_backoff=1 / 8,
                                      deadline=1.0),
                    clock=clock.monotonic, sleep=clock.sleep, uniform=lambda low, high: high)
    started = clock.monotonic()
    with pytest.raises(LineBotApiError):
        client.send(PROFILE)
    # the first attempt ends at 1/16 s and waits nothing (its cap, 1/16, less the 1/16 it
    # took); each later one waits 1/16 (a 1/8 cap less 1/16), so attempt n ends at
    # (2n - 2)/16 s: the ninth exactly at the deadline, which leaves no time for a tenth
    assert len(api.requests) == len(timeouts) == 9
    assert clock.monotonic() - started == 1.0
    # each attempt's timeout is the time the deadline leaves it, at most the client's 5 s
    assert timeouts == [1.0, 15 / 16, 13 / 16, 11 / 16, 9 / 16, 7 / 16, 5 / 16, 3 / 16, 1 / 16]


def test_the_async_client_measures_its_deadline_on_its_clock():
    clock = FakeClock()
    timeouts = []

    async def one_sixteenth_each(http_request):
        timeouts.append(http_request.timeout)
        clock.advance(1 / 16)
        return Response(status=503, body=b"{}")

    client = AsyncClient(TOKEN, transport=one_sixteenth_each, clock=clock.monotonic,
                         retry=RetryPolicy(max_attempts=1000, backoff=1 / 16,
                                           max_backoff=1 / 8, deadline=1.0),
                         uniform=lambda low, high: high)
    with pytest.raises(LineBotApiError):
        asyncio.run(client.send(PROFILE))
    # its waits (asyncio.sleep) do not move this clock: attempt n ends at n/16 s and would
    # wait 1/16, so after the fifteenth exactly no time is left: the send ends there
    assert len(timeouts) == 15
    assert timeouts[-1] == 1 / 16


def test_no_retry_is_scheduled_past_the_deadline(api):
    api.on("GET", None, status=429, headers={"Retry-After": "4"})
    client = client_for(api, retry=RetryPolicy(max_backoff=10.0, deadline=3.0))
    with pytest.raises(LineBotApiError):
        client.send(PROFILE)
    assert client.slept == []
    assert len(api.requests) == 1


def test_the_attempt_timeout_shrinks_to_the_time_left(api):
    api.on("GET", None, delay=10)
    client = Client(TOKEN, endpoints=api.endpoints, timeout=30.0, transport=Urllib3Transport(),
                    retry=RetryPolicy(backoff=0.0, deadline=0.6))
    started = time.monotonic()
    with pytest.raises(TransportTimeoutError):
        client.send(PROFILE)
    assert time.monotonic() - started < 4


# -- policy values -----------------------------------------------------------------------


@pytest.mark.parametrize("options", [
    {"max_attempts": 0}, {"max_attempts": 1.5}, {"backoff": -1}, {"backoff": math.nan},
    {"max_backoff": math.inf}, {"deadline": -1.0}, {"deadline": math.nan},
    {"statuses": {500, "503"}},
])
def test_a_policy_with_values_that_make_no_sense_is_refused(options):
    with pytest.raises(ValueError, match="RetryPolicy"):
        RetryPolicy(**options)


def test_the_default_policy_survives_a_third_of_attempts_failing():
    policy = RetryPolicy()
    assert policy.max_attempts >= 5
    assert policy.deadline is not None
    assert 0.35 ** policy.max_attempts < 0.01
    assert RetryPolicy(statuses=[500]).statuses == frozenset({500})


# -- the log --------------------------------------------------------------------------------


def test_each_attempt_is_logged_at_debug_and_a_give_up_at_warning(api, caplog):
    api.fail(Fault.STATUS_500, times=None)
    client = client_for(api, retry=RetryPolicy(max_attempts=2, backoff=0.0))
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"), pytest.raises(LineBotApiError):
        client.send(push())
    records = [r for r in caplog.records if r.name == "linebot_fp"]
    assert [r.levelno for r in records] == [logging.DEBUG, logging.WARNING]
    first, last = (r.getMessage() for r in records)
    assert first.startswith(f"POST {api.url}{PUSH_PATH} attempt 1: 500 in ")
    assert "retry in 0.000 s" in first
    assert "(request id " in first
    assert "giving up after 2 attempts" in last
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        assert TOKEN not in str(record.args)


def test_a_transport_failure_is_logged_with_its_kind(api, caplog):
    client = Client(TOKEN, endpoints={"api": closed_port_url()}, retry=None)
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"), pytest.raises(TransportError):
        client.send(PROFILE)
    (record,) = [r for r in caplog.records if r.name == "linebot_fp"]
    assert record.levelno == logging.DEBUG
    assert "TransportError: no answer from" in record.getMessage()
    assert "(no connection)" in record.getMessage()
    assert "retries off" in record.getMessage()
