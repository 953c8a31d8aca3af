"""Where providers keep tokens: the cache protocol, and the in-memory cache.

A cache maps a key (``"<channel id>:<kind>"``) to a :class:`~linebot_fp.tokens.cached.CachedToken`,
so one cache serves every channel of a process. Renewal goes through
:meth:`TokenCache.renewing`, which holds the key's lock (a thread lock here, a
SQLite write transaction in :class:`~linebot_fp.tokens.sqlite_cache.SqliteTokenCache`, a
Redis lock with an expiry in :class:`~linebot_fp.tokens.redis_cache.RedisTokenCache`):
whoever holds it reads the cache again and issues only if it still has no good
token, so the threads, tasks and processes sharing a cache issue one token
between them. This module performs no I/O.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from linebot_fp.tokens.cached import CachedToken

__all__ = ["MemoryTokenCache", "TokenCache", "TokenSlot"]


class TokenSlot(Protocol):
    """One key of a cache, held under its renewal lock."""

    def get(self) -> CachedToken | None:
        """The token stored now (read under the lock)."""

    def put(self, token: CachedToken) -> None:
        """Store ``token``, replacing the one before."""


class TokenCache(Protocol):
    """What a provider needs of a cache (see the module docstring)."""

    def get(self, key: str) -> CachedToken | None:
        """The stored token of ``key``, or ``None``; no lock taken."""

    def renewing(self, key: str) -> AbstractContextManager[TokenSlot]:
        """Hold ``key``'s renewal lock (waiting for it) while the block runs."""

    def discard(self, key: str, token: str) -> None:
        """Forget ``key``'s token if it is ``token`` (after it was revoked)."""


class _MemorySlot:
    def __init__(self, cache: MemoryTokenCache, key: str) -> None:
        self._cache = cache
        self._key = key

    def get(self) -> CachedToken | None:
        return self._cache.get(self._key)

    def put(self, token: CachedToken) -> None:
        self._cache._tokens[self._key] = token


class MemoryTokenCache:
    """Tokens kept in this process, shared by its threads and tasks (the default)."""

    def __init__(self) -> None:
        self._tokens: dict[str, CachedToken] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return f"MemoryTokenCache(keys={sorted(self._tokens)!r})"

    def get(self, key: str) -> CachedToken | None:
        return self._tokens.get(key)

    @contextmanager
    def renewing(self, key: str) -> Iterator[TokenSlot]:
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            yield _MemorySlot(self, key)

    def discard(self, key: str, token: str) -> None:
        with self._guard:
            found = self._tokens.get(key)
            if found is not None and found.token == token:
                del self._tokens[key]
