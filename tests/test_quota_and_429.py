"""A 429 told apart by its body; the month's quota; sending within the rate limits.

Everything runs against FakeLineApi on 127.0.0.1, which plays LINE's 429 bodies,
quota counters and per-endpoint windows on a FakeClock the test moves; the
client's waits go to the same clock.
"""

import asyncio
import logging

import pytest

import linebot_fp
from linebot_fp import AsyncClient, Client, LineBotApiError, QuotaExceededError, RetryPolicy
from linebot_fp.api import (
    broadcast,
    create_audience_group,
    get_message_quota,
    multicast,
    narrowcast,
    push_message,
    reply_message,
    rich_menu_batch,
)
from linebot_fp.api.batches import multicast_batches
from linebot_fp.limits import Limiter, Quota, Rate, aquota, quota
from linebot_fp.models import (
    Limit,
    MessageQuotaResponse,
    RichMenuBatchRequest,
    RichMenuBatchUnlinkAllOperation,
    TextSendMessage,
)
from linebot_fp.sending import (
    MONTHLY_LIMIT_MESSAGE,
    RATE_LIMIT_MESSAGE,
    TooManyRequests,
    too_many_requests,
)
from linebot_fp.testing import FakeClock, FakeLineApi, Fault
from linebot_fp.transport import Urllib3Transport

HI = TextSendMessage(text="hi")
KEY = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def api(clock):
    with FakeLineApi(clock=clock) as server:
        yield server


def client_for(api, clock, **options):
    options.setdefault("retry", RetryPolicy(backoff=0.0))
    options.setdefault("sleep", clock.sleep)
    return Client("token", endpoints=api.endpoints, transport=Urllib3Transport(), **options)


def users(count, prefix="U"):
    return [f"{prefix}{n:032x}" for n in range(count)]


# -- the triage is a pure function of the message ----------------------------------------------


@pytest.mark.parametrize(("message", "cause"), [
    (RATE_LIMIT_MESSAGE, TooManyRequests.RATE_LIMIT),
    (MONTHLY_LIMIT_MESSAGE, TooManyRequests.QUOTA),
    ("You have reached your Monthly Limit", TooManyRequests.QUOTA),
    ("You have exceeded the target limit for additional messages.", TooManyRequests.QUOTA),
    ("Too many concurrent operations for this audience", TooManyRequests.CONCURRENT),
    ("Too many requests", TooManyRequests.RATE_LIMIT),
    ("", TooManyRequests.RATE_LIMIT),
    (None, TooManyRequests.RATE_LIMIT),
])
def test_a_429_is_told_apart_by_its_message(message, cause):
    assert too_many_requests(message) is cause


def test_quota_exceeded_is_an_api_error_exported_by_the_package():
    assert issubclass(QuotaExceededError, LineBotApiError)
    assert "QuotaExceededError" in linebot_fp.__all__
    assert linebot_fp.QuotaExceededError is QuotaExceededError


# -- the month's quota -----------------------------------------------------------------------


def test_a_campaign_past_its_quota_stops_at_the_first_quota_429_without_retrying(
        api, clock, caplog):
    api.set_quota(1200)
    client = client_for(api, clock)
    batches = multicast_batches(users(3000), HI, retry_key=KEY)
    sent, error = [], None
    with caplog.at_level(logging.DEBUG, logger="linebot_fp"):
        for batch in batches:  # the campaign: one batch after another until one fails
            try:
                client.send(batch)
            except QuotaExceededError as stop:
                error = stop
                break
            sent.append(batch)
    assert isinstance(error, QuotaExceededError)
    assert len(sent) == 2
    assert error.status_code == 429
    assert error.error.message == MONTHLY_LIMIT_MESSAGE
    assert error.request == batches[2]  # keyed as it was sent: it can be sent again next month
    assert len(api.requests) == 3  # no retry
    assert clock() == FakeClock()()  # no wait
    assert quota(client) == Quota(limit=1200, used=1000)
    records = [r for r in caplog.records if r.name == "linebot_fp"]
    assert all(r.levelno == logging.DEBUG for r in records)  # a final answer, not a give-up
    assert "the month's message quota is spent" in records[2].getMessage()


def test_a_quota_429_is_raised_at_once_by_the_async_client_too(api):
    api.set_quota(0)

    async def main():
        client = AsyncClient("token", endpoints=api.endpoints)
        with pytest.raises(QuotaExceededError) as caught:
            await client.send(push_message("U1", HI))
        return caught.value, await aquota(client)

    error, left = asyncio.run(main())
    assert error.request.headers["X-Line-Retry-Key"]
    assert left == Quota(limit=0, used=0)
    assert left.remaining == 0
    assert len(api.requests) == 3  # the push, then the two quota reads


def test_quota_reads_the_limit_and_what_lines_counts(api, clock):
    client = client_for(api, clock)
    assert quota(client) == Quota(limit=None, used=0)
    api.set_quota(10_000, friends=40)
    client.send(push_message("U1", HI))
    client.send(multicast(users(7), HI))
    client.send(broadcast(HI))
    client.send(narrowcast(HI, limit=Limit(max=5)))
    client.send(narrowcast(HI))
    client.send(reply_message("reply-token", HI))  # replies are free
    counted = quota(client)
    assert counted == Quota(limit=10_000, used=1 + 7 + 40 + 5 + 40)
    assert counted.remaining == 10_000 - 93
    assert counted.allows(9907)
    assert not counted.allows(9908)
    assert Quota(None, 5).remaining is None
    assert Quota(None, 5).allows(10**9)
    assert Quota(3, 5).remaining == 0


def test_a_limited_quota_without_a_value_is_refused():
    from linebot_fp.errors import InvalidPayloadError
    from linebot_fp.models import MessageQuotaConsumptionResponse

    with pytest.raises(InvalidPayloadError, match="no value"):
        Quota.of(MessageQuotaResponse(type="limited"),
                 MessageQuotaConsumptionResponse(total_usage=1))


def test_the_quota_answers_can_still_be_scripted(api, clock):
    api.on("GET", "/v2/bot/message/quota", json={"type": "limited", "value": 77})
    assert client_for(api, clock).send(get_message_quota()).value == 77


# -- rate limits and concurrent operations ---------------------------------------------------


def test_a_rate_limit_429_backs_off_until_the_window_moves_on(api, clock):
    api.enforce_limits()
    waits = []
    client = client_for(api, clock, retry=RetryPolicy(backoff=0.1),
                        sleep=lambda s: (waits.append(s), clock.sleep(s)),
                        uniform=lambda low, high: high)
    start = clock()
    for n in range(201):  # all at one instant: the 201st meets LINE's 200 a second
        client.send(multicast([f"U{n}"], HI))
    assert waits == pytest.approx([0.1, 0.2, 0.4, 0.8], abs=0.02)  # less the attempt's time
    assert len(api.accepted) == 201
    assert len(api.requests) == 205
    refused = api.requests[200:204]
    assert all(r not in api.accepted for r in refused)
    assert len({r.headers["X-Line-Retry-Key"] for r in api.requests[200:]}) == 1
    assert clock() - start == pytest.approx(1.5, abs=0.08)


def test_a_rate_limit_429_waits_at_least_the_spacing_of_its_tier(api, clock):
    api.on("POST", "/v2/bot/message/multicast", status=429, json={"message": RATE_LIMIT_MESSAGE},
           times=1)
    waits = []
    client = client_for(api, clock, sleep=waits.append)
    client.send(multicast(["U1"], HI))
    assert waits == [pytest.approx(1 / 200)]  # 200 requests per second


def test_retry_after_still_wins_over_the_tier(api, clock):
    api.on(None, None, status=429, json={"message": RATE_LIMIT_MESSAGE},
           headers={"Retry-After": "2"}, times=1)
    waits = []
    client_for(api, clock, sleep=waits.append).send(multicast(["U1"], HI))
    assert waits == [2.0]


def test_concurrent_operations_wait_and_retry_even_an_unkeyed_post(api, clock):
    api.on("POST", "/v2/bot/audienceGroup/upload", status=429, times=1,
           json={"message": "Too many concurrent operations. Wait a while."})
    api.on("POST", "/v2/bot/audienceGroup/upload", json={"audienceGroupId": 4})
    waits = []
    client = client_for(api, clock, sleep=waits.append,
                        retry=RetryPolicy(backoff=0.0, max_backoff=3.0))
    answer = client.send(create_audience_group("a"))
    assert answer.audience_group_id == 4
    assert waits == [3.0]  # the longest wait the policy allows
    assert len(api.requests) == 2


def test_a_429_is_retried_for_a_post_without_a_key_since_line_processed_none(api, clock):
    api.on(None, None, status=429, json={"message": RATE_LIMIT_MESSAGE}, times=1)
    client = client_for(api, clock, sleep=lambda s: None)
    client.send(reply_message("reply-token", HI))
    assert len(api.requests) == 2


def test_the_fake_answers_429_past_a_rate_limit_with_lines_body(api, clock):
    api.enforce_limits()
    client = client_for(api, clock, retry=None)
    batch = rich_menu_batch(RichMenuBatchRequest(operations=[RichMenuBatchUnlinkAllOperation()]))
    for _ in range(3):  # 3 requests per hour
        client.send(batch)
    with pytest.raises(LineBotApiError) as caught:
        client.send(batch)
    assert not isinstance(caught.value, QuotaExceededError)
    assert (caught.value.status_code, caught.value.error.message) == (429, RATE_LIMIT_MESSAGE)
    assert caught.value.body == b'{"message": "%s"}' % RATE_LIMIT_MESSAGE.encode()
    clock.advance(3599)
    with pytest.raises(LineBotApiError):
        client.send(batch)
    clock.advance(1)
    client.send(batch)
    client_for(api, clock, retry=None).send(push_message("U1", HI))  # other endpoints are apart


# -- sending through the limiter -------------------------------------------------------------


def most_in_any_second(times):
    from test_limiter import most_in_any_window

    return most_in_any_window(times, 1.0)


def test_5000_multicasts_through_the_limiter_never_pass_200_a_second(api, clock):
    api.enforce_limits()
    limiter = Limiter(clock=clock, sleep=clock.sleep)
    client = client_for(api, clock, limiter=limiter)
    start = clock()
    for n in range(5000):
        client.send(multicast([f"U{n}"], HI))
    counted = [moment for moment, endpoint in api.limits.counted if endpoint == "multicast"]
    assert len(api.requests) == len(api.accepted) == len(counted) == 5000  # no 429, no retry
    assert most_in_any_second(counted) == 200
    assert clock() - start == pytest.approx(24.0, abs=1e-3)  # 25 windows of 200


def test_tasks_sending_through_one_limiter_meet_no_429(api, clock):
    api.enforce_limits()

    async def advance(seconds):
        clock.advance(seconds)
        await asyncio.sleep(0)

    # 10 requests can be in flight while the clock moves on: 0.9 of the limit leaves room
    limiter = Limiter(clock=clock, sleep=clock.sleep, async_sleep=advance, fraction=0.9)

    async def main():
        client = AsyncClient("token", endpoints=api.endpoints, limiter=limiter)
        queue = list(range(1000))

        async def worker():
            while queue:
                n = queue.pop()
                await client.send(multicast([f"U{n}"], HI))

        await asyncio.gather(*(worker() for _ in range(10)))

    asyncio.run(main())
    counted = [moment for moment, endpoint in api.limits.counted if endpoint == "multicast"]
    assert len(api.requests) == len(api.accepted) == 1000
    assert most_in_any_second(counted) <= 200


class CountingLimiter(Limiter):
    """A Limiter that lists the operations it was asked for."""

    def __init__(self, **options):
        super().__init__(**options)
        self.asked = []

    def attempt(self, operation):
        self.asked.append(operation)
        return super().attempt(operation)


def test_the_client_waits_on_its_limiter_before_every_attempt_retries_included(api, clock):
    api.fail(Fault.STATUS_503, path="/v2/bot/message/push", times=2)
    limiter = CountingLimiter(clock=clock, sleep=clock.sleep)
    client_for(api, clock, limiter=limiter).send(push_message("U1", HI))
    assert limiter.asked == ["push_message"] * 3
    assert len(api.requests) == 3


def test_the_async_client_awaits_its_limiter_before_every_attempt(api, clock):
    api.fail(Fault.STATUS_503, path="/v2/bot/message/push", times=1)

    async def advance(seconds):
        clock.advance(seconds)

    limiter = CountingLimiter(clock=clock, sleep=clock.sleep, async_sleep=advance,
                              rates={"push_message": Rate(1, 10.0)})

    async def main():
        client = AsyncClient("token", endpoints=api.endpoints, limiter=limiter,
                             retry=RetryPolicy(backoff=0.0))
        await client.send(push_message("U1", HI))

    start = clock()
    asyncio.run(main())
    assert limiter.asked == ["push_message"] * 3  # the retry asked twice: it waited its turn
    assert clock() - start == pytest.approx(10.0)
