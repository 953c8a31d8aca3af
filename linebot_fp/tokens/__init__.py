"""Channel access tokens that renew themselves: providers, caches, JWT assertions.

::

    from linebot_fp import Client
    from linebot_fp.tokens import StatelessToken, SqliteTokenCache

    tokens = StatelessToken(CHANNEL_ID, CHANNEL_SECRET, cache=SqliteTokenCache("/tmp/tokens.db"))
    client = Client(tokens)      # each attempt asks tokens.token(); a 401 forces one refresh

* Providers: :class:`StaticToken` (a token you have), :class:`StatelessToken`
  (15 minutes, by channel id and secret), :class:`ShortLivedToken` (v2, 30 days),
  :class:`V21Token` (v2.1: a JWT assertion signed with your Assertion Signing Key,
  up to 30 days; extra ``linebot_fp[jwt]``). ``token()`` / ``atoken()`` give the
  current token, renewed ahead of expiry; ``refresh()`` / ``arefresh()`` a new one.
* Caches, keyed by channel (one cache serves many channels):
  :class:`MemoryTokenCache` (the default), :class:`SqliteTokenCache` (the processes
  of one machine; a Lambda cold start reuses the token), :class:`RedisTokenCache`
  (many machines; extra ``linebot_fp[redis]``).
* A token shows in no ``repr``, log record or error: it is a :class:`Secret`.

Nothing here is imported by ``import linebot_fp``; names below load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp._lazy import lazy_exports

if TYPE_CHECKING:
    from linebot_fp.errors import ChannelTokenError as ChannelTokenError
    from linebot_fp.tokens.assertion import (
        AUDIENCE as AUDIENCE,
        PrivateKey as PrivateKey,
        make_assertion as make_assertion,
    )
    from linebot_fp.tokens.auth import (
        AsyncTokenProvider as AsyncTokenProvider,
        TokenProvider as TokenProvider,
    )
    from linebot_fp.tokens.cache import (
        MemoryTokenCache as MemoryTokenCache,
        TokenCache as TokenCache,
        TokenSlot as TokenSlot,
    )
    from linebot_fp.tokens.cached import CachedToken as CachedToken
    from linebot_fp.tokens.providers import (
        ShortLivedToken as ShortLivedToken,
        StatelessToken as StatelessToken,
    )
    from linebot_fp.tokens.redis_cache import RedisTokenCache as RedisTokenCache
    from linebot_fp.tokens.renewing import RenewingToken as RenewingToken
    from linebot_fp.tokens.secret import Secret as Secret
    from linebot_fp.tokens.sqlite_cache import SqliteTokenCache as SqliteTokenCache
    from linebot_fp.tokens.static import StaticToken as StaticToken
    from linebot_fp.tokens.v21 import V21Token as V21Token

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "linebot_fp.errors": ("ChannelTokenError",),
    "linebot_fp.tokens.assertion": ("AUDIENCE", "PrivateKey", "make_assertion"),
    "linebot_fp.tokens.auth": ("AsyncTokenProvider", "TokenProvider"),
    "linebot_fp.tokens.cache": ("MemoryTokenCache", "TokenCache", "TokenSlot"),
    "linebot_fp.tokens.cached": ("CachedToken",),
    "linebot_fp.tokens.providers": ("ShortLivedToken", "StatelessToken"),
    "linebot_fp.tokens.redis_cache": ("RedisTokenCache",),
    "linebot_fp.tokens.renewing": ("RenewingToken",),
    "linebot_fp.tokens.secret": ("Secret",),
    "linebot_fp.tokens.sqlite_cache": ("SqliteTokenCache",),
    "linebot_fp.tokens.static": ("StaticToken",),
    "linebot_fp.tokens.v21": ("V21Token",),
})
