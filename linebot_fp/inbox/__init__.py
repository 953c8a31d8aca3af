"""The inbox: the durable record of the webhook events a bot received, and of their handling.

The ready apps (:mod:`linebot_fp.apps`) write every event here before they
answer LINE, then run the handlers from here, under a lease, in every process
that shares the inbox. Three stores, one protocol (:class:`Inbox`, described
in :mod:`linebot_fp.inbox.base`):

* :class:`MemoryInbox` (``linebot_fp.inbox.memory``): one process; the default
  for trying things (nothing survives a crash);
* :class:`SqliteInbox` (``linebot_fp.inbox.sqlite``): the processes of one
  machine share a file (gunicorn or uvicorn workers);
* :class:`RedisInbox` (``linebot_fp.inbox.redis``): many machines share a Redis
  server (optional extra ``linebot_fp[redis]``).

:func:`open_inbox` opens one from a location string (an SQLite path or a
``redis://`` URL), as ``python -m linebot_fp inbox`` does. Another engine
(DynamoDB, PostgreSQL) fits by implementing the protocol's methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linebot_fp.inbox.base import (
    KEEP_SECONDS,
    LEASE_SECONDS,
    Counts,
    Entry,
    Inbox,
    InboxSettings,
    NewEvent,
    State,
)
from linebot_fp.inbox.memory import MemoryInbox

if TYPE_CHECKING:
    from linebot_fp.inbox.redis import RedisInbox as RedisInbox
    from linebot_fp.inbox.sqlite import SqliteInbox as SqliteInbox

__all__ = ["KEEP_SECONDS", "LEASE_SECONDS", "Counts", "Entry", "Inbox", "InboxSettings",
           "MemoryInbox", "NewEvent", "RedisInbox", "SqliteInbox", "State", "open_inbox"]


def __getattr__(name: str) -> Any:
    """The SQLite and Redis inboxes load on first use (sqlite3 and redis-py stay unloaded)."""
    if name == "SqliteInbox":
        from linebot_fp.inbox.sqlite import SqliteInbox

        return SqliteInbox
    if name == "RedisInbox":
        from linebot_fp.inbox.redis import RedisInbox

        return RedisInbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_inbox(location: str, **options: Any) -> Inbox:
    """The inbox at ``location``: a ``redis://`` / ``rediss://`` / ``unix://`` URL opens a
    :class:`RedisInbox`, anything else is the path of an :class:`SqliteInbox`.
    ``options`` go to the inbox (``namespace=``, ``clock=``, timings)."""
    if not isinstance(location, str) or not location:
        raise ValueError(f"an inbox location is an SQLite path or a redis:// URL, "
                         f"got {location!r}")
    if location.startswith(("redis://", "rediss://", "unix://")):
        from linebot_fp.inbox.redis import RedisInbox

        return RedisInbox(location, **options)
    from linebot_fp.inbox.sqlite import SqliteInbox

    return SqliteInbox(location, **options)
