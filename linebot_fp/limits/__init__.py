"""LINE's limits: per-endpoint rate limits, the limiter that keeps to them, the month's quota.

LINE limits each endpoint of each channel
(https://developers.line.biz/en/reference/messaging-api/#rate-limits) and answers
``429 Too Many Requests`` past a limit, past a limit on concurrent operations, or
once the month's messages are spent
(https://developers.line.biz/en/docs/messaging-api/handling-http-429-errors/).

* :data:`RATE_LIMITS` maps an operation (a builder's name, ``Request.operation``)
  to its :class:`Rate`; :func:`rate_limit` gives any operation's, the default
  tier included. The table below is generated from it.
* :class:`Limiter` (one process, threads and tasks) and :class:`RedisLimiter`
  (every process sharing a Redis server) wait before each request until its
  limit leaves room: ``Client(token, limiter=Limiter())``.
* :func:`quota` / :func:`aquota` read the month's :class:`Quota` (limit, used,
  remaining). A send past it raises ``linebot_fp.QuotaExceededError`` at once.

The rate limits, per channel and per operation:

"""

from __future__ import annotations

from linebot_fp.limits.limiter import (
    AsyncRateLimiter,
    Limiter,
    RateLimiter,
    WaitingLimiter,
    admit,
)
from linebot_fp.limits.message_quota import Quota, aquota, quota
from linebot_fp.limits.redis_limiter import RedisLimiter
from linebot_fp.limits.table import DEFAULT_RATE, RATE_LIMITS, Rate, describe, rate_limit

__all__ = ["DEFAULT_RATE", "RATE_LIMITS", "AsyncRateLimiter", "Limiter", "Quota", "Rate",
           "RateLimiter", "RedisLimiter", "WaitingLimiter", "admit", "aquota", "describe",
           "quota", "rate_limit"]

if __doc__:  # the table, from its one source (python -OO drops docstrings)
    __doc__ += describe() + "\n"
