"""``Limiter``: keep one process's sends within LINE's per-endpoint rate limits.

The rule (a sliding log, the same in :class:`~linebot_fp.limits.redis_limiter.RedisLimiter`):
a request may start at time ``t`` when fewer than ``rate.requests`` requests of
the same operation and channel started in the ``rate.seconds`` before it
(``(t - seconds, t]``). Then no window of ``seconds`` seconds, wherever it
begins, holds more than ``rate.requests`` starts: a stricter promise than a
token bucket's, whose full bucket plus its refill can pass up to twice the rate
in one window. The log keeps at most ``rate.requests`` times per operation
(2,000 for LINE's default tier).

:func:`admit` is the rule as a pure function; :class:`Limiter` keeps the logs in
memory, under one lock, so the threads and the asyncio tasks of a process can
share one limiter (the lock is never held across a wait).
"""

from __future__ import annotations

import copy
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Protocol, TypeVar

from linebot_fp.limits.table import Rate, rate_limit

__all__ = ["MIN_WAIT", "AsyncRateLimiter", "Limiter", "RateLimiter", "WaitingLimiter", "admit"]

L = TypeVar("L", bound="WaitingLimiter")

#: the shortest wait :func:`admit` asks for, so a wait always moves a clock forward
MIN_WAIT = 1e-6


class RateLimiter(Protocol):
    """What ``Client(limiter=...)`` needs: block until ``operation`` may be sent."""

    def acquire(self, operation: str) -> float:
        """Wait until a request of ``operation`` may start; take that slot; return the wait."""
        ...


class AsyncRateLimiter(Protocol):
    """What ``AsyncClient(limiter=...)`` needs: wait (asynchronously) for a slot."""

    def aacquire(self, operation: str) -> Awaitable[float]:
        """Wait until a request of ``operation`` may start; take that slot; return the wait."""
        ...


def admit(started: Sequence[float], now: float, rate: Rate) -> float:
    """Seconds before a request may start at ``now`` (``0.0``: at once), by the sliding log.

    ``started`` are the start times of earlier requests, oldest first, all in
    the window (later than ``now - rate.seconds``). A wait is at least
    :data:`MIN_WAIT`, so sleeping it moves even a coarse clock forward.
    """
    if len(started) < rate.requests:
        return 0.0
    oldest_in_the_way = started[len(started) - rate.requests]
    return max(oldest_in_the_way + rate.seconds - now, MIN_WAIT)


class WaitingLimiter:
    """What both limiters share: the rates they keep, and waiting until a slot is free.

    A subclass says how to take a slot (:meth:`try_acquire`); this class waits
    for one, blocking (:meth:`acquire`) or on an event loop (:meth:`aacquire`).
    """

    channel: str

    def __init__(self, rates: Mapping[str, Rate] | None, fraction: float, channel: str,
                 sleep: Callable[[float], object],
                 async_sleep: Callable[[float], Awaitable[object]] | None) -> None:
        Rate(1, 1.0).scaled(fraction)  # ValueError for a fraction outside (0, 1]
        self.rates: Mapping[str, Rate] = dict(rates or {})
        self.fraction = fraction
        self.channel = channel
        self._sleep = sleep
        self._async_sleep = async_sleep

    def __repr__(self) -> str:
        return f"{type(self).__name__}(channel={self.channel!r}, fraction={self.fraction!r})"

    def for_channel(self: L, channel: str) -> L:
        """A limiter counting ``channel``'s requests, sharing this one's state and clock."""
        other = copy.copy(self)
        other.channel = channel
        return other

    def rate(self, operation: str) -> Rate:
        """The limit kept for ``operation``: LINE's (or ``rates``'), scaled by ``fraction``."""
        rate = self.rates.get(operation) or rate_limit(operation)
        return rate if self.fraction == 1 else rate.scaled(self.fraction)

    def attempt(self, operation: str) -> tuple[float, float]:
        """``(wait, now)``: take a slot for ``operation`` at ``now`` (``wait`` is ``0.0``),
        or say how long to wait (taking none); ``now`` is the time the limiter read."""
        raise NotImplementedError

    def try_acquire(self, operation: str) -> float:
        """Take a slot for ``operation`` now (``0.0``), or say how long to wait (taking none)."""
        return self.attempt(operation)[0]

    async def _try_acquire_async(self, operation: str) -> float:
        return self.try_acquire(operation)

    def acquire(self, operation: str) -> float:
        """Block until a request of ``operation`` may start, take the slot; the seconds waited."""
        waited = 0.0
        while (wait := self.try_acquire(operation)) > 0:
            self._sleep(wait)
            waited += wait
        return waited

    async def aacquire(self, operation: str) -> float:
        """:meth:`acquire` for asyncio: the event loop runs on while this task waits."""
        sleep = self._async_sleep
        if sleep is None:
            import asyncio  # only async users pay for it

            sleep = asyncio.sleep
        waited = 0.0
        while (wait := await self._try_acquire_async(operation)) > 0:
            await sleep(wait)
            waited += wait
        return waited


class Limiter(WaitingLimiter):
    """Waits before each request until LINE's limit for its operation leaves room.

    * ``rates``: operation -> :class:`~linebot_fp.limits.table.Rate` entries that
      replace LINE's (:func:`~linebot_fp.limits.table.rate_limit` for the rest).
    * ``fraction``: the share of each limit to use (0 < fraction <= 1): less than
      1 leaves room for requests this limiter does not see, or for network jitter.
    * ``channel``: the channel whose requests it counts (LINE limits each channel
      apart); :meth:`for_channel` gives a limiter for another one sharing this
      one's logs and lock.
    * ``clock`` (``time.monotonic``), ``sleep`` (``time.sleep``) and ``async_sleep``
      (``asyncio.sleep``): the time it reads and how it waits, for tests (a
      :class:`~linebot_fp.testing.clock.FakeClock` and its ``sleep``).

    Safe to share between threads and between the tasks of an event loop.
    ``ValueError`` for a ``fraction`` outside (0, 1].
    """

    def __init__(self, *, rates: Mapping[str, Rate] | None = None, fraction: float = 1.0,
                 channel: str = "default", clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep,
                 async_sleep: Callable[[float], Awaitable[object]] | None = None) -> None:
        super().__init__(rates, fraction, channel, sleep, async_sleep)
        self._clock = clock
        self._logs: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def attempt(self, operation: str) -> tuple[float, float]:
        """``(wait, now)``: a slot taken at ``now`` (``wait == 0.0``), or the wait (none taken)."""
        rate = self.rate(operation)
        with self._lock:
            log = self._logs.setdefault((self.channel, operation), deque())
            now = self._clock()
            while log and log[0] <= now - rate.seconds:
                log.popleft()
            wait = admit(log, now, rate)
            if wait == 0.0:
                log.append(now)
            return wait, now
