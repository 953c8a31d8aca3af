"""``SqliteInbox``: the inbox the processes of one machine share, in an SQLite file.

Each call is one short ``BEGIN IMMEDIATE`` transaction (one writer at a time,
across processes); the file is in WAL mode with ``synchronous=FULL``, so an
event is on disk before the webhook is answered. Each process (and each fork)
opens its own connection on first use. Standard library only.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from linebot_fp.inbox.base import (
    Counts,
    Entry,
    InboxSettings,
    NewEvent,
    State,
    backoff_delay,
    new_lease,
    notes_json,
)

__all__ = ["SqliteInbox"]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS inbox_events ("
    " id TEXT PRIMARY KEY, position INTEGER NOT NULL, chat TEXT NOT NULL,"
    " state TEXT NOT NULL, event TEXT NOT NULL, received REAL NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0, due REAL NOT NULL,"
    " leased_until REAL NOT NULL DEFAULT 0,"
    " lease TEXT, error TEXT, notes TEXT NOT NULL DEFAULT '{}', solo INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS inbox_open ON inbox_events (chat, position) "
    "WHERE state IN ('pending', 'leased')",
    "CREATE INDEX IF NOT EXISTS inbox_state ON inbox_events (state, position)",
    "CREATE TABLE IF NOT EXISTS inbox_counter (id INTEGER PRIMARY KEY CHECK (id = 0),"
    " position INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO inbox_counter VALUES (0, 0)",
)
_COLUMNS = ("id, chat, event, state, received, attempts, due, leased_until, error, notes, lease, "
            "solo")
# the head of each chat's line that may be leased now: due, or its lease lapsed
_LEASABLE = (
    f"SELECT {_COLUMNS} FROM inbox_events e WHERE "
    "((e.state = 'pending' AND e.due <= :now) OR (e.state = 'leased' AND e.leased_until <= :now)) "
    "AND NOT EXISTS (SELECT 1 FROM inbox_events o WHERE o.chat = e.chat "
    "AND o.state IN ('pending', 'leased') AND o.position < e.position) "
    "ORDER BY e.position LIMIT :limit")


class SqliteInbox:
    """An inbox in the SQLite file at ``path``, shared by every process that opens it.

    ``settings`` (or its fields as keywords) are those of
    :class:`~linebot_fp.inbox.base.InboxSettings`; ``clock`` gives wall-clock
    seconds shared by the processes (``time.time``); ``lock_timeout`` is how long
    (seconds) a call waits for another process's transaction. Raises
    ``ValueError`` when ``path`` cannot be opened as a database.
    """

    blocking = True

    #: purge done events past ``keep_seconds`` once every this many records
    PURGE_EVERY = 256

    def __init__(self, path: str | os.PathLike[str], settings: InboxSettings | None = None, *,
                 clock: Callable[[], float] = time.time, lock_timeout: float = 10.0,
                 **timings: Any) -> None:
        self.path = Path(path)
        self.settings = settings if settings is not None else InboxSettings(**timings)
        self.clock = clock
        self._lock_timeout = lock_timeout
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._records = 0
        with self._lock:
            try:
                self._connect()  # a bad path fails here, not on the first webhook
            except sqlite3.Error as error:
                raise ValueError(f"cannot open the inbox {str(self.path)!r}: {error}") from error

    def __repr__(self) -> str:
        return f"SqliteInbox({str(self.path)!r})"

    # -- recording and leasing --------------------------------------------------------------------

    def record(self, events: Sequence[NewEvent]) -> list[bool]:
        now = self.clock()
        added = []
        with self._transaction() as db:
            self._records += 1
            if self._records % self.PURGE_EVERY == 0:
                db.execute("DELETE FROM inbox_events WHERE state = 'done' AND due <= ?",
                           (now - self.settings.keep_seconds,))
            for new in events:
                position = self._next_position(db)
                cursor = db.execute(
                    "INSERT OR IGNORE INTO inbox_events (id, position, chat, state, event, "
                    "received, due, solo) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)",
                    (new.id, position, new.chat if new.chat is not None else f"\0{new.id}",
                     new.event, now, now, int(new.chat is None)))
                added.append(cursor.rowcount == 1)
        return added

    def lease(self, owner: str, limit: int = 1) -> list[Entry]:
        now = self.clock()
        until = now + self.settings.lease_seconds
        leased = []
        with self._transaction() as db:
            for row in db.execute(_LEASABLE, {"now": now, "limit": limit}).fetchall():
                token = new_lease()
                db.execute("UPDATE inbox_events SET state = 'leased', attempts = attempts + 1, "
                           "leased_until = ?, lease = ? WHERE id = ?", (until, token, row[0]))
                entry = _entry(row)
                leased.append(Entry(id=entry.id, chat=entry.chat, event=entry.event,
                                    state="leased", received=entry.received,
                                    attempts=entry.attempts + 1, due=entry.due,
                                    leased_until=until, error=entry.error, notes=entry.notes,
                                    lease=token))
        return leased

    def renew(self, entries: Iterable[Entry]) -> list[bool]:
        until = self.clock() + self.settings.lease_seconds
        with self._transaction() as db:
            return [db.execute("UPDATE inbox_events SET leased_until = ? WHERE id = ? AND "
                               "state = 'leased' AND lease = ?",
                               (until, entry.id, entry.lease)).rowcount == 1
                    for entry in entries]

    def note(self, entry: Entry, notes: Mapping[str, Any]) -> bool:
        with self._transaction() as db:
            return db.execute("UPDATE inbox_events SET notes = ? WHERE id = ? AND "
                              "state = 'leased' AND lease = ?",
                              (notes_json(notes), entry.id, entry.lease)).rowcount == 1

    def complete(self, entry: Entry) -> bool:
        with self._transaction() as db:
            return db.execute("UPDATE inbox_events SET state = 'done', lease = NULL, due = ? "
                              "WHERE id = ? AND state = 'leased' AND lease = ?",
                              (self.clock(), entry.id, entry.lease)).rowcount == 1

    def fail(self, entry: Entry, error: str) -> State | None:
        now = self.clock()
        with self._transaction() as db:
            row = db.execute("SELECT attempts FROM inbox_events WHERE id = ? AND "
                             "state = 'leased' AND lease = ?", (entry.id, entry.lease)).fetchone()
            if row is None:
                return None
            attempts = int(row[0])
            if attempts >= self.settings.max_attempts:
                db.execute("UPDATE inbox_events SET state = 'parked', lease = NULL, error = ? "
                           "WHERE id = ?", (error, entry.id))
                return "parked"
            db.execute("UPDATE inbox_events SET state = 'pending', lease = NULL, error = ?, "
                       "due = ? WHERE id = ?",
                       (error, now + backoff_delay(self.settings, attempts), entry.id))
            return "pending"

    # -- looking and managing ---------------------------------------------------------------------

    def get(self, event_id: str) -> Entry | None:
        with self._transaction(write=False) as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM inbox_events WHERE id = ?",
                             (event_id,)).fetchone()
        return None if row is None else _entry(row)

    def parked(self, limit: int | None = None) -> list[Entry]:
        with self._transaction(write=False) as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM inbox_events WHERE state = 'parked' "
                              "ORDER BY position LIMIT ?", (-1 if limit is None else limit,))
            return [_entry(row) for row in rows.fetchall()]

    def retry(self, event_ids: Iterable[str] | None = None) -> int:
        now = self.clock()
        with self._transaction() as db:
            chosen = self._parked_ids(db, event_ids)
            for event_id in chosen:
                db.execute("UPDATE inbox_events SET state = 'pending', attempts = 0, due = ?, "
                           "position = ? WHERE id = ?", (now, self._next_position(db), event_id))
            return len(chosen)

    def drop(self, event_ids: Iterable[str] | None = None) -> int:
        with self._transaction() as db:
            chosen = self._parked_ids(db, event_ids)
            db.executemany("DELETE FROM inbox_events WHERE id = ?", [(i,) for i in chosen])
            return len(chosen)

    def counts(self) -> Counts:
        now = self.clock()
        with self._transaction(write=False) as db:
            found = dict(db.execute(
                "SELECT CASE WHEN state = 'leased' AND leased_until <= ? THEN 'pending' "
                "ELSE state END AS shown, COUNT(*) FROM inbox_events GROUP BY shown",
                (now,)).fetchall())
        return Counts(*(int(found.get(state, 0)) for state in Counts._fields))

    def close(self) -> None:
        """Close this process's connection (the next call opens another)."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None

    # -- the parts ---------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            db = sqlite3.connect(self.path, timeout=self._lock_timeout, isolation_level=None,
                                 check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")  # processes starting together wait here
            db.execute("PRAGMA synchronous=FULL")
            with _immediate(db, self._lock_timeout):
                for statement in _SCHEMA:
                    db.execute(statement)
            db.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")  # then _immediate() retries
            self._connection, self._pid = db, os.getpid()
        return self._connection

    @contextmanager
    def _transaction(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._connect()
            if not write:
                yield db
                return
            with _immediate(db, self._lock_timeout):
                yield db

    @staticmethod
    def _next_position(db: sqlite3.Connection) -> int:
        row = db.execute("UPDATE inbox_counter SET position = position + 1 WHERE id = 0 "
                         "RETURNING position").fetchone()
        return int(row[0])

    @staticmethod
    def _parked_ids(db: sqlite3.Connection, event_ids: Iterable[str] | None) -> list[str]:
        rows = db.execute("SELECT id FROM inbox_events WHERE state = 'parked' ORDER BY position")
        found = [cast(str, row[0]) for row in rows.fetchall()]
        if event_ids is None:
            return found
        wanted = set(event_ids)
        return [event_id for event_id in found if event_id in wanted]


#: how long (ms) SQLite's own busy handler waits before _immediate() retries finer
_BUSY_MS = 20


@contextmanager
def _immediate(db: sqlite3.Connection, lock_timeout: float) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``: one writer at a time, across processes.

    A busy database is retried here every millisecond or so (SQLite's own busy handler
    sleeps in steps up to 100 ms, or whole seconds where it was built without usleep, which
    shows as answers late by that much when several processes write).
    """
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            db.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.0005, 0.002))
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _entry(row: Sequence[Any]) -> Entry:
    (event_id, chat, event, state, received, attempts, due, leased_until, error, notes, _,
     solo) = row
    return Entry(id=event_id, chat=None if solo else chat, event=event, state=state,
                 received=received, attempts=attempts, due=due, leased_until=leased_until,
                 error=error, notes=json.loads(notes), lease=None)
