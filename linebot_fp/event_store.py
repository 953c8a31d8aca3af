"""Deprecated: the apps record events in :mod:`linebot_fp.inbox` now; this module goes in 2.0.

The ready apps no longer take ``store=``: they write every event to an inbox
(``inbox=``: :class:`~linebot_fp.inbox.MemoryInbox`, ``SqliteInbox``,
``RedisInbox``) before answering and run the handlers from it under a lease, so
an event whose worker died is handled again without waiting for LINE to
redeliver it, and a failing handler is retried, then parked. The stores below
still work on their own (for code that calls them itself) and warn
(``DeprecationWarning``) when made.

What follows is their original description.

Handle each webhook event once: stores of the ``webhook_event_id`` values already handled.

LINE redelivers the events of a webhook the bot did not acknowledge, with the
same ``webhook_event_id`` and ``delivery_context.is_redelivery`` set. A caller
asks a store before handling an event, with *claim, then confirm*:

1. ``claim(event_id)`` returns True when nobody handled the event or is
   handling it now, and records the claim; a claim lapses after
   ``claim_seconds``, so an event whose process crashed mid-way is handled
   again when LINE redelivers it;
2. ``done(event_id)`` after the handler and the sends it asked for succeeded:
   the event is skipped for ``keep_seconds`` from then;
3. ``release(event_id)`` after a failure, so a redelivery gets another try.

An event is thus handled at least once and, as long as handlers succeed,
at most once. Give the sends of a handler a retry key derived from the event
(``push_message(..., retry_key=str(uuid.uuid5(NAMESPACE, event.webhook_event_id)))``)
to make even a repeated handler send nothing twice.

Three ways to keep the record:

* :class:`MemoryEventStore` (the apps' default): one process, bounded, oldest first out;
* :class:`SqliteEventStore`: several processes on one machine share a file;
* anything with the three methods of :class:`EventStore` (sync) or
  :class:`AsyncEventStore` (coroutines), for many machines. With Redis, for one:
  ``claim`` is ``SET key claimed NX EX claim_seconds`` (True when it was set),
  ``done`` is ``SET key done EX keep_seconds`` and ``release`` deletes the key
  when it still says ``claimed``. With DynamoDB, a conditional ``PutItem``
  (``attribute_not_exists(id) OR expires < :now``) claims, an ``UpdateItem``
  confirms and a conditional ``DeleteItem`` releases; a TTL attribute purges.

Standard library only.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

__all__ = ["AsyncEventStore", "EventStore", "MemoryEventStore", "SqliteEventStore"]

#: how long a handled event is remembered: LINE redelivers for well under a day
KEEP_SECONDS = 24 * 60 * 60.0
#: how long a claim holds without being confirmed or released
CLAIM_SECONDS = 5 * 60.0


@runtime_checkable
class EventStore(Protocol):
    """Which webhook events were handled (see the module documentation for the protocol)."""

    def claim(self, event_id: str) -> bool:
        """Record that this process handles ``event_id`` now; False if handled or being handled."""
        ...

    def done(self, event_id: str) -> None:
        """Record that ``event_id`` was handled: later claims of it are refused."""
        ...

    def release(self, event_id: str) -> None:
        """Drop the claim on ``event_id`` after a failure, so a redelivery can try again."""
        ...


@runtime_checkable
class AsyncEventStore(Protocol):
    """:class:`EventStore` with coroutine methods, for a store reached over the network."""

    async def claim(self, event_id: str) -> bool:
        """As :meth:`EventStore.claim`."""
        ...

    async def done(self, event_id: str) -> None:
        """As :meth:`EventStore.done`."""
        ...

    async def release(self, event_id: str) -> None:
        """As :meth:`EventStore.release`."""
        ...


def _deprecated(name: str) -> None:
    warnings.warn(f"{name} is deprecated: the apps take inbox= (linebot_fp.inbox) instead of "
                  f"store=; linebot_fp.event_store goes in 2.0", DeprecationWarning, stacklevel=3)


def _check_durations(keep_seconds: float, claim_seconds: float) -> None:
    if not keep_seconds > 0 or not claim_seconds > 0:
        raise ValueError(f"keep_seconds and claim_seconds must be positive, "
                         f"got {keep_seconds} and {claim_seconds}")


class MemoryEventStore:
    """The handled events of one process, in memory.

    At most ``max_events`` are kept (the oldest go first once full); each is
    forgotten ``keep_seconds`` after it was handled. ``clock`` gives seconds
    (``time.monotonic`` unless told). Thread-safe.
    """

    def __init__(self, *, max_events: int = 10_000, keep_seconds: float = KEEP_SECONDS,
                 claim_seconds: float = CLAIM_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        _deprecated("MemoryEventStore")
        if max_events < 1:
            raise ValueError(f"max_events must be at least 1, got {max_events}")
        _check_durations(keep_seconds, claim_seconds)
        self.max_events = max_events
        self.keep_seconds = keep_seconds
        self.claim_seconds = claim_seconds
        self._clock = clock
        self._expires: OrderedDict[str, tuple[bool, float]] = OrderedDict()  # id: (done, until)
        self._lock = threading.Lock()

    def claim(self, event_id: str) -> bool:
        now = self._clock()
        with self._lock:
            known = self._expires.get(event_id)
            if known is not None and known[1] > now:
                return False
            self._remember(event_id, done=False, until=now + self.claim_seconds)
            return True

    def done(self, event_id: str) -> None:
        with self._lock:
            self._remember(event_id, done=True, until=self._clock() + self.keep_seconds)

    def release(self, event_id: str) -> None:
        with self._lock:
            known = self._expires.get(event_id)
            if known is not None and not known[0]:
                del self._expires[event_id]

    def __len__(self) -> int:
        return len(self._expires)

    def _remember(self, event_id: str, *, done: bool, until: float) -> None:
        self._expires[event_id] = (done, until)
        self._expires.move_to_end(event_id)
        while len(self._expires) > self.max_events:
            self._expires.popitem(last=False)


class SqliteEventStore:
    """The handled events of every process on this machine, in an SQLite file at ``path``.

    Entries expire as in :class:`MemoryEventStore` and are purged as claims
    go by. ``clock`` gives wall-clock seconds (``time.time``), shared by the
    processes. ``lock_timeout`` is how long (seconds) a write waits for another
    process's. Safe across threads and processes, and after a fork: each
    process opens its own connection on first use. Raises ``ValueError`` when
    ``path`` cannot be opened as a database.
    """

    #: purge expired rows once every this many claims
    PURGE_EVERY = 256

    def __init__(self, path: str | os.PathLike[str], *, keep_seconds: float = KEEP_SECONDS,
                 claim_seconds: float = CLAIM_SECONDS,
                 clock: Callable[[], float] = time.time, lock_timeout: float = 10.0) -> None:
        _deprecated("SqliteEventStore")
        _check_durations(keep_seconds, claim_seconds)
        self.path = Path(path)
        self.keep_seconds = keep_seconds
        self.claim_seconds = claim_seconds
        self._clock = clock
        self._lock_timeout = lock_timeout
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._claims = 0
        with self._lock:
            try:
                self._connect()  # a bad path fails here, not on the first webhook
            except sqlite3.Error as error:
                raise ValueError(f"cannot open the event store {str(self.path)!r}: "
                                 f"{error}") from error

    def claim(self, event_id: str) -> bool:
        now = self._clock()
        with self._lock:
            db = self._connect()
            self._claims += 1
            with _transaction(db):
                if self._claims % self.PURGE_EVERY == 0:
                    db.execute("DELETE FROM handled_events WHERE expires <= ?", (now,))
                else:
                    db.execute("DELETE FROM handled_events WHERE event_id = ? AND expires <= ?",
                               (event_id, now))
                cursor = db.execute("INSERT OR IGNORE INTO handled_events VALUES (?, 0, ?)",
                                    (event_id, now + self.claim_seconds))
                return cursor.rowcount == 1

    def done(self, event_id: str) -> None:
        with self._lock:
            db = self._connect()
            with _transaction(db):
                db.execute("INSERT OR REPLACE INTO handled_events VALUES (?, 1, ?)",
                           (event_id, self._clock() + self.keep_seconds))

    def release(self, event_id: str) -> None:
        with self._lock:
            db = self._connect()
            with _transaction(db):
                db.execute("DELETE FROM handled_events WHERE event_id = ? AND done = 0",
                           (event_id,))

    def close(self) -> None:
        """Close this process's connection (the next call opens another)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            db = sqlite3.connect(self.path, timeout=self._lock_timeout, isolation_level=None,
                                 check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS handled_events (event_id TEXT PRIMARY KEY, "
                       "done INTEGER NOT NULL, expires REAL NOT NULL)")
            self._connection, self._pid = db, os.getpid()
        return self._connection


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``: one writer at a time, across processes."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
