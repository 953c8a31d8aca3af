"""``RenewingToken``: the machinery every issued token shares: renewal, caching, no stampede.

A provider keeps the token in use in memory and asks its cache only when it has
none or it is due (:func:`~linebot_fp.tokens.cached.renewal_margin` before expiry).
Renewal is one at a time:

* threads: a lock per provider; whoever gets it second finds the new token;
* asyncio tasks: :meth:`RenewingToken.atoken` / :meth:`RenewingToken.arefresh` share one
  renewal per event loop, run in a worker thread (caches and the token endpoints are
  blocking calls, made once per renewal), so the loop never blocks;
* processes: the cache's renewal lock (:meth:`~linebot_fp.tokens.cache.TokenCache.renewing`);
  under it the cache is read again and a token issued only when it still has no good one.

A token LINE refuses (401) is replaced by :meth:`RenewingToken.refresh` with the refused
token as ``stale``: a different token that another thread or process already got is
taken instead of issuing another. When renewing ahead of expiry fails while the token
still has time, the failure is logged (WARNING) and the token used until renewal works
(tried again every :data:`RETRY_RENEWAL_SECONDS`); with no usable token the failure
raises :class:`~linebot_fp.errors.ChannelTokenError`. No send ever carries a token past
its expiry.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from linebot_fp.errors import ChannelTokenError, InvalidInputError
from linebot_fp.tokens.cache import MemoryTokenCache, TokenCache
from linebot_fp.tokens.cached import CachedToken
from linebot_fp.tokens.calls import Reach, call
from linebot_fp.tokens.secret import Secret
from linebot_fp.transport import Timeout, Transport

if TYPE_CHECKING:
    import asyncio

    from linebot_fp.request import Request

__all__ = ["RETRY_RENEWAL_SECONDS", "RenewingToken"]

#: after a failed renewal ahead of expiry, the seconds before the next try
RETRY_RENEWAL_SECONDS = 30.0

log = logging.getLogger("linebot_fp")


class RenewingToken:
    """Base of the providers of issued tokens (see the module docstring).

    Subclasses name their ``kind`` and say how a token is issued
    (:meth:`_issue_request`, :meth:`_read_answer`). Keywords: ``cache`` (a
    :class:`~linebot_fp.tokens.cache.TokenCache`; a new
    :class:`~linebot_fp.tokens.cache.MemoryTokenCache` by default), ``endpoints``,
    ``timeout`` and ``transport`` (how to reach LINE, as ``Client`` takes them) and
    ``clock`` (epoch seconds, ``time.time``; a ``FakeClock`` in tests).
    """

    #: the kind of token, as messages and cache keys name it
    kind: ClassVar[str] = "issued"

    def __init__(self, channel_id: str, *, cache: TokenCache | None = None,
                 endpoints: Mapping[str, str] | None = None, timeout: Timeout = 5.0,
                 transport: Transport | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        self.channel_id = _channel_id(channel_id)
        self.cache: TokenCache = MemoryTokenCache() if cache is None else cache
        self.reach = Reach(dict(endpoints or {}), timeout, transport)
        self.clock: Callable[[], float] = time.time if clock is None else clock
        self.cache_key = f"{self.channel_id}:{self.kind}"
        self._current: CachedToken | None = None
        self._quiet_until = 0.0
        self._lock = threading.Lock()
        self._pending: dict[tuple[Any, ...], asyncio.Future[Any]] = {}
        self._pending_lock = threading.Lock()

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(channel_id={self.channel_id!r}, "
                f"cache={self.cache!r})")

    # -- what a client calls -------------------------------------------------------------
    def token(self) -> Secret:
        """The current token, renewed first when it is due (blocking)."""
        return self.current().token

    def refresh(self, stale: str | None = None) -> Secret:
        """A new token, issued now, even if the current one looks good (LINE refused it).

        With ``stale`` (the token LINE refused), a different good token that another
        thread or process got meanwhile is taken instead of issuing yet another.
        Raises :class:`~linebot_fp.errors.ChannelTokenError` when LINE does not issue one.
        """
        with self._lock:
            now = self.clock()
            mine = self._current
            if stale is not None and mine is not None and mine.token != stale \
                    and now < mine.renew_at:
                return mine.token
            return self._renew(now, stale=stale, forced=True).token

    async def atoken(self) -> Secret:
        """:meth:`token` for async code: renewal runs in a worker thread, once per loop."""
        ready = self._ready(self.clock())
        if ready is not None:
            return ready.token
        current: CachedToken = await self._shared(("current",), self.current)
        return current.token

    async def arefresh(self, stale: str | None = None) -> Secret:
        """:meth:`refresh` for async code (in a worker thread, once per loop and ``stale``)."""
        fresh: Secret = await self._shared(("refresh", stale), self.refresh, stale)
        return fresh

    def current(self) -> CachedToken:
        """The current token with its expiry (and key id), renewed first when due."""
        ready = self._ready(self.clock())
        if ready is not None:
            return ready
        with self._lock:
            now = self.clock()
            ready = self._ready(now)
            if ready is not None:
                return ready
            return self._renew(now, stale=None, forced=False)

    def _forget(self, revoked: str) -> None:
        """Drop ``revoked`` from memory and the cache if it is the current token."""
        with self._lock:
            if self._current is not None and self._current.token == revoked:
                self._current = None
            self.cache.discard(self.cache_key, revoked)

    # -- what subclasses say -------------------------------------------------------------
    def _issue_request(self, now: float) -> Request[Any]:
        """The request that issues a token (called with the lock held)."""
        raise NotImplementedError

    def _secrets(self) -> tuple[str, ...]:
        """Texts no error may quote (the channel secret, ...)."""
        return ()

    # -- the machinery -------------------------------------------------------------------
    def _ready(self, now: float) -> CachedToken | None:
        """The token in memory if it needs no renewal now (or renewal failed lately)."""
        mine = self._current
        if mine is None or not mine.usable(now):
            return None
        return mine if now < mine.renew_at or now < self._quiet_until else None

    def _renew(self, now: float, *, stale: str | None, forced: bool) -> CachedToken:
        """Take a good cached token, or issue one under the cache's lock (lock held)."""
        def good(found: CachedToken | None) -> bool:
            if found is None or now >= found.renew_at:
                return False
            return not forced or (stale is not None and found.token != stale)

        found = self.cache.get(self.cache_key)
        if good(found):
            assert found is not None
            self._current = found
            return found
        with self.cache.renewing(self.cache_key) as slot:
            found = slot.get()
            if good(found):
                assert found is not None
                self._current = found
                return found
            try:
                issued = self._issue(now)
            except ChannelTokenError as error:
                fallback = self._current if not forced else None
                if fallback is None or not fallback.usable(self.clock()):
                    raise
                self._quiet_until = now + RETRY_RENEWAL_SECONDS
                log.warning("renewing the %s channel access token of channel %s failed; the "
                            "current one, good until %s, stays in use: %s", self.kind,
                            self.channel_id, _when(fallback.expires_at), error.reason)
                return fallback
            slot.put(issued)
        self._current = issued
        self._quiet_until = 0.0
        log.info("issued a %s channel access token for channel %s, good until %s%s",
                 self.kind, self.channel_id, _when(issued.expires_at),
                 f" (key id {issued.key_id})" if issued.key_id else "")
        return issued

    def _issue(self, now: float) -> CachedToken:
        """Ask LINE for a token; :class:`ChannelTokenError` when it gives none."""
        answer = call(self.reach, self._issue_request(now), action="issue", kind=self.kind,
                      channel_id=self.channel_id, secrets=self._secrets())
        token, expires_in = answer.access_token, answer.expires_in
        key_id = getattr(answer, "key_id", None)
        del answer  # holds the token: keep it out of a traceback's locals
        if not token or not isinstance(expires_in, int) or expires_in <= 0:
            raise ChannelTokenError("issue", self.kind, self.channel_id,
                                    "LINE's answer lacks access_token or a positive "
                                    "expires_in")
        return CachedToken(Secret(token), now, now + expires_in, key_id)

    async def _shared(self, what: tuple[Any, ...], work: Callable[..., Any], *args: Any) -> Any:
        """Run ``work(*args)`` in a worker thread, once for all tasks of this loop asking
        ``what`` at the same time."""
        import asyncio

        loop = asyncio.get_running_loop()
        slot = (id(loop), *what)
        with self._pending_lock:
            pending = self._pending.get(slot)
            if pending is None:
                pending = loop.create_task(asyncio.to_thread(work, *args))
                self._pending[slot] = pending
                pending.add_done_callback(lambda done: self._settled(slot, done))
        return await asyncio.shield(pending)

    def _settled(self, slot: tuple[Any, ...], done: asyncio.Future[Any]) -> None:
        with self._pending_lock:
            if self._pending.get(slot) is done:
                del self._pending[slot]
        if not done.cancelled():
            done.exception()  # retrieved: every waiter may have been cancelled


def _channel_id(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"channel_id must be a non-empty string (the channel's id on "
                                f"LINE's console), got {type(value).__name__}")
    if any(c.isspace() or not c.isprintable() for c in value):
        raise InvalidInputError("channel_id must not contain whitespace or control characters")
    return value


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
