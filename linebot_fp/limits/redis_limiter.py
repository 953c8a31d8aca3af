"""``RedisLimiter``: one rate limit shared by every process and machine sending for a channel.

The rule is :class:`~linebot_fp.limits.limiter.Limiter`'s sliding log, kept in
Redis: one sorted set per channel and operation (members: one random id per
request, scores: start times). A Lua script drops the starts that left the
window, counts the rest, and either adds this request or answers how long to
wait, in one atomic step, so two processes never both take the last slot. The
time is the Redis server's (``TIME``), one clock for all the machines, unless
the limiter is given a ``clock`` (tests pass a
:class:`~linebot_fp.testing.clock.FakeClock`); either way a grant is never
dated before the last one of its log, so a clock read early (or set back)
cannot squeeze an extra request into a window.

redis-py comes with the optional extra ``linebot_fp[redis]``; it is imported
when a ``RedisLimiter`` is made, never before.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from linebot_fp.extras import import_extra
from linebot_fp.limits.limiter import WaitingLimiter
from linebot_fp.limits.table import Rate

__all__ = ["ADMIT_SCRIPT", "RedisLimiter"]

#: KEYS[1] the log; ARGV: requests, seconds, now ("" for the server's TIME), member.
#: Returns {granted (1 or 0), wait in seconds as text, the start time as text}.
ADMIT_SCRIPT = """
local requests = tonumber(ARGV[1])
local seconds = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if now == nil then
  if redis.replicate_commands then redis.replicate_commands() end
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) > now then
  now = tonumber(last[2])  -- a clock read before an earlier grant: time never goes back
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - seconds)
local count = redis.call('ZCARD', KEYS[1])
if count < requests then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], math.ceil(seconds * 1000) + 1000)
  return {1, '0', string.format('%.6f', now)}
end
local oldest = redis.call('ZRANGE', KEYS[1], count - requests, count - requests, 'WITHSCORES')
local wait = math.max(tonumber(oldest[2]) + seconds - now, 0.000001)
return {0, string.format('%.6f', wait), string.format('%.6f', now)}
"""


class RedisLimiter(WaitingLimiter):
    """A :class:`~linebot_fp.limits.limiter.Limiter` whose logs live in Redis at ``url``.

    Takes :class:`~linebot_fp.limits.limiter.Limiter`'s keywords (``rates``,
    ``fraction``, ``channel``, ``sleep``, ``async_sleep``; ``clock`` defaults to
    the server's time) and ``prefix``, the start of its keys
    (``<prefix>:<channel>:<operation>``). Processes that share a Redis server,
    a prefix and a channel share the channel's allowance. Safe to share between
    threads; ``close()`` (or ``with``) releases its connections. When Redis
    cannot be reached, :meth:`acquire` raises redis-py's error before the
    request is sent (nothing was sent). ``MissingExtraError`` without redis-py;
    ``ValueError`` for a ``fraction`` outside (0, 1].
    """

    def __init__(self, url: str, *, rates: Mapping[str, Rate] | None = None,
                 fraction: float = 1.0, channel: str = "default",
                 prefix: str = "linebot_fp:rate", clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], object] = time.sleep,
                 async_sleep: Callable[[float], Awaitable[object]] | None = None) -> None:
        super().__init__(rates, fraction, channel, sleep, async_sleep)
        redis = import_extra("redis", "redis", "RedisLimiter")
        self.prefix = prefix
        self._clock = clock
        self._redis: Any = redis.Redis.from_url(url)
        self._admit: Any = self._redis.register_script(ADMIT_SCRIPT)

    def key(self, operation: str) -> str:
        """The Redis key of ``operation``'s log for this channel."""
        return f"{self.prefix}:{self.channel}:{operation}"

    def attempt(self, operation: str) -> tuple[float, float]:
        """``(wait, now)``: a slot taken at ``now`` (``wait == 0.0``), or the wait (none taken);
        one atomic script on the server, ``now`` the time it read."""
        import uuid  # here: the send path of a client without this limiter never needs it

        rate = self.rate(operation)
        now = "" if self._clock is None else repr(float(self._clock()))
        granted, wait, at = self._admit(keys=[self.key(operation)],
                                        args=[rate.requests, repr(float(rate.seconds)), now,
                                              uuid.uuid4().hex])
        return (0.0 if int(granted) else float(wait)), float(at)

    async def _try_acquire_async(self, operation: str) -> float:
        import asyncio

        return await asyncio.to_thread(self.try_acquire, operation)  # redis-py blocks

    def close(self) -> None:
        """Release the connections to Redis."""
        self._redis.close()

    def __enter__(self) -> RedisLimiter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
