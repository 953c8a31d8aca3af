"""``RedisTokenCache``: tokens in Redis, shared by the processes of many machines.

Needs the optional extra ``linebot_fp[redis]``; redis-py is imported when the
cache is made. Each token is one key (``<prefix><channel id>:<kind>``), expiring
with the token. Renewal holds a Redis lock with an expiry (redis-py's ``Lock``:
``SET NX PX``, released by a script that checks its owner): a second process
waits for it (up to ``wait_timeout`` seconds), then reads the token the first
one stored; a process that dies mid-renewal holds the lock ``lock_timeout``
seconds at most.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

from linebot_fp.extras import import_extra
from linebot_fp.tokens.cache import TokenSlot
from linebot_fp.tokens.cached import CachedToken

__all__ = ["RedisTokenCache"]


class _RedisSlot:
    def __init__(self, cache: RedisTokenCache, key: str) -> None:
        self._cache = cache
        self._key = key

    def get(self) -> CachedToken | None:
        return self._cache.get(self._key)

    def put(self, token: CachedToken) -> None:
        # expire with the token; the lifetime (not expires_at) so the clocks of the
        # machines and of the Redis server need not agree
        seconds = max(math.ceil(token.lifetime), 1)
        self._cache.redis.set(self._cache.prefix + self._key, token.dumps(), ex=seconds)


class RedisTokenCache:
    """Tokens in the Redis server at ``url`` (``redis://host:6379/0``), or in ``client``.

    ``client`` is a ``redis.Redis`` of your own (it stays yours to close);
    ``prefix`` starts every key; ``lock_timeout`` is how long a renewal lock lives
    if its holder dies, ``wait_timeout`` how long a process waits for another's
    renewal before ``TimeoutError``.
    """

    def __init__(self, url: str | None = None, *, client: Any = None,
                 prefix: str = "linebot_fp:token:", lock_timeout: float = 30.0,
                 wait_timeout: float = 60.0) -> None:
        if (url is None) == (client is None):
            raise ValueError("RedisTokenCache takes a url or a client (one of them)")
        if client is None:
            redis = import_extra("redis", "redis", "RedisTokenCache")
            client = redis.Redis.from_url(url)
        self.redis = client
        self.prefix = prefix
        self.lock_timeout = lock_timeout
        self.wait_timeout = wait_timeout

    def __repr__(self) -> str:
        return f"RedisTokenCache(prefix={self.prefix!r})"  # the URL may carry a password

    def get(self, key: str) -> CachedToken | None:
        return CachedToken.loads(self.redis.get(self.prefix + key))

    @contextlib.contextmanager
    def renewing(self, key: str) -> Iterator[TokenSlot]:
        exceptions = import_extra("redis.exceptions", "redis", "RedisTokenCache")
        lock = self.redis.lock(f"{self.prefix}lock:{key}", timeout=self.lock_timeout,
                               sleep=0.02, blocking_timeout=self.wait_timeout)
        if not lock.acquire():
            raise TimeoutError(f"RedisTokenCache: another process has been renewing the token "
                               f"of {key} for over {self.wait_timeout} s")
        try:
            yield _RedisSlot(self, key)
        finally:
            with contextlib.suppress(exceptions.LockError):  # it expired: no longer ours
                lock.release()

    def discard(self, key: str, token: str) -> None:
        with self.renewing(key) as slot:
            found = slot.get()
            if found is not None and found.token == token:
                self.redis.delete(self.prefix + key)
