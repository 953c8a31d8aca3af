"""The limiters: one contract run against the in-process Limiter and the RedisLimiter.

Time is a FakeClock the limiter reads and sleeps on, so a window of an hour
passes at once. The RedisLimiter talks to a real redis-server (tests/conftest.py).
"""

import asyncio
import random
import threading

import pytest

from linebot_fp.extras import MissingExtraError
from linebot_fp.limits import Limiter, Rate, RedisLimiter, admit
from linebot_fp.limits.limiter import MIN_WAIT
from linebot_fp.testing import FakeClock


def most_in_any_window(times, seconds):
    """The largest number of ``times`` in one window ``[t, t + seconds)``."""
    ordered = sorted(times)
    most, first = 0, 0
    for last, moment in enumerate(ordered):
        while ordered[first] <= moment - seconds:
            first += 1
        most = max(most, last - first + 1)
    return most


@pytest.fixture(params=["memory", "redis"])
def make(request):
    """``make(clock, **options)``: a limiter of the parametrized kind on ``clock``."""
    made = []

    def build(clock, **options):
        options.setdefault("sleep", clock.sleep)
        if request.param == "memory":
            return Limiter(clock=clock, **options)
        limiter = RedisLimiter(request.getfixturevalue("redis_url"), clock=clock, **options)
        made.append(limiter)
        return limiter

    yield build
    for limiter in made:
        limiter.close()


def grant(limiter, operation, clock):
    """Acquire like ``acquire``, but return the time the slot was taken."""
    for _ in range(10_000):
        wait, now = limiter.attempt(operation)
        if wait == 0:
            return now
        clock.sleep(wait)
    raise AssertionError("no slot")


def test_the_first_requests_of_a_window_go_at_once_then_the_next_waits(make):
    clock = FakeClock()
    limiter = make(clock, rates={"op": Rate(3, 10.0)})
    start = clock()
    assert [limiter.acquire("op") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.try_acquire("op") == pytest.approx(10.0)
    assert limiter.try_acquire("op") == pytest.approx(10.0)  # asking takes no slot
    clock.advance(4)
    assert limiter.acquire("op") == pytest.approx(6.0, abs=1e-5)
    assert clock() - start == pytest.approx(10.0, abs=1e-5)


def test_no_window_ever_holds_more_than_the_rate(make):
    clock = FakeClock()
    limiter = make(clock, rates={"op": Rate(7, 2.0)})
    draw = random.Random(3)
    times = []
    for _ in range(120):
        clock.advance(draw.choice([0, 0, 0, 0.01, 0.3, 1.1]))
        times.append(grant(limiter, "op", clock))
    assert most_in_any_window(times, 2.0) == 7
    assert times == sorted(times)


def test_lines_own_tiers_apply_by_default(make):
    clock = FakeClock()
    limiter = make(clock)
    start = clock()
    for _ in range(4):
        limiter.acquire("rich_menu_batch")  # 3 requests per hour
    assert clock() - start == pytest.approx(3600.0, abs=1e-3)
    assert limiter.rate("multicast") == Rate(200, 1.0)
    assert limiter.rate("push_message") == Rate(2000, 1.0)


def test_operations_and_channels_are_counted_apart(make):
    clock = FakeClock()
    limiter = make(clock, rates={"a": Rate(1, 60.0), "b": Rate(1, 60.0)})
    other = limiter.for_channel("second")
    assert [limiter.try_acquire("a"), limiter.try_acquire("b"), other.try_acquire("a")] == [0] * 3
    assert limiter.try_acquire("a") > 0
    assert other.try_acquire("a") > 0
    assert (limiter.channel, other.channel) == ("default", "second")


def test_a_fraction_keeps_back_part_of_each_limit(make):
    clock = FakeClock()
    limiter = make(clock, fraction=0.5)
    assert limiter.rate("multicast") == Rate(100, 1.0)
    times = [grant(limiter, "multicast", clock) for _ in range(250)]
    assert most_in_any_window(times, 1.0) == 100


def test_an_interrupted_wait_takes_no_slot(make):
    clock = FakeClock()

    def interrupted(seconds):
        raise KeyboardInterrupt

    limiter = make(clock, rates={"op": Rate(2, 60.0)}, sleep=interrupted)
    limiter.acquire("op")
    limiter.acquire("op")
    with pytest.raises(KeyboardInterrupt):
        limiter.acquire("op")
    clock.advance(60)
    assert [limiter.try_acquire("op"), limiter.try_acquire("op")] == [0.0, 0.0]


def test_threads_sharing_a_limiter_stay_within_the_rate(make):
    clock = FakeClock()
    limiter = make(clock, rates={"op": Rate(10, 1.0)})
    times, errors = [], []

    def work():
        try:
            for _ in range(15):
                times.append(grant(limiter, "op", clock))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert not any(thread.is_alive() for thread in threads)
    assert len(times) == 120
    assert most_in_any_window(times, 1.0) <= 10


def test_tasks_sharing_a_limiter_stay_within_the_rate(make):
    clock = FakeClock()

    async def advance(seconds):
        clock.advance(seconds)
        await asyncio.sleep(0)

    limiter = make(clock, rates={"op": Rate(5, 1.0)}, async_sleep=advance)
    start = clock()

    async def main():
        return await asyncio.gather(*(limiter.aacquire("op") for _ in range(23)))

    waits = asyncio.run(main())
    assert sum(1 for wait in waits if wait == 0) >= 5
    assert clock() - start >= 4.0  # 23 slots at 5 a second need at least 4 more seconds


def test_admit_is_the_rule():
    rate = Rate(3, 10.0)
    assert admit([], 100.0, rate) == 0.0
    assert admit([95.0, 96.0], 100.0, rate) == 0.0
    assert admit([95.0, 96.0, 97.0], 100.0, rate) == pytest.approx(5.0)
    assert admit([91.0, 95.0, 96.0, 97.0], 100.0, rate) == pytest.approx(5.0)
    assert admit([90.0 + 1e-12, 95.0, 96.0], 100.0, rate) == MIN_WAIT


def test_a_limiter_says_what_it_is():
    assert repr(Limiter(channel="c1", fraction=0.9)) == "Limiter(channel='c1', fraction=0.9)"
    with pytest.raises(ValueError, match="fraction"):
        Limiter(fraction=0)


def test_the_redis_limiter_uses_the_servers_clock_when_given_none(redis_url):
    with RedisLimiter(redis_url, rates={"op": Rate(2, 0.5)}) as limiter:
        first = limiter.attempt("op")
        second = limiter.attempt("op")
        wait, _ = limiter.attempt("op")
        assert first[0] == second[0] == 0.0
        assert 0 < wait <= 0.5
        assert limiter.acquire("op") > 0
        assert repr(limiter).startswith("RedisLimiter(channel='default'")


def test_the_redis_limiter_needs_the_extra(monkeypatch):
    import linebot_fp.limits.redis_limiter as module

    def missing(name, extra, feature):
        raise MissingExtraError(f"{feature} needs redis: pip install 'linebot_fp[{extra}]'")

    monkeypatch.setattr(module, "import_extra", missing)
    with pytest.raises(MissingExtraError, match=r"linebot_fp\[redis\]"):
        RedisLimiter("redis://127.0.0.1:1/0")
