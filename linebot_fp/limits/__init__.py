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

import importlib
from typing import TYPE_CHECKING, Any

from linebot_fp.limits.table import (
    DEFAULT_RATE as DEFAULT_RATE,
    RATE_LIMITS as RATE_LIMITS,
    Rate as Rate,
    describe as describe,
    rate_limit as rate_limit,
)

if TYPE_CHECKING:
    from linebot_fp.limits.limiter import (
        AsyncRateLimiter as AsyncRateLimiter,
        Limiter as Limiter,
        RateLimiter as RateLimiter,
        WaitingLimiter as WaitingLimiter,
        admit as admit,
    )
    from linebot_fp.limits.message_quota import Quota as Quota, aquota as aquota, quota as quota
    from linebot_fp.limits.redis_limiter import RedisLimiter as RedisLimiter

#: name -> the module defining it, imported on first use (the send flow reads the table only)
_LAZY = {
    **dict.fromkeys(("AsyncRateLimiter", "Limiter", "RateLimiter", "WaitingLimiter", "admit"),
                    "linebot_fp.limits.limiter"),
    **dict.fromkeys(("Quota", "aquota", "quota"), "linebot_fp.limits.message_quota"),
    "RedisLimiter": "linebot_fp.limits.redis_limiter",
}

__all__ = sorted(["DEFAULT_RATE", "RATE_LIMITS", "Rate", "describe", "rate_limit", *_LAZY])


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # next time, a plain attribute
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__


if __doc__:  # the table, from its one source (python -OO drops docstrings)
    __doc__ += describe() + "\n"
