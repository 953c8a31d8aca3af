"""``SqliteTokenCache``: tokens in a SQLite file, shared by the processes of one machine.

A serverless function (AWS Lambda keeps ``/tmp`` between invocations of a warm
instance) or a web server's worker processes point at one file: a process that
starts finds the token another one issued and uses it instead of issuing one.
The file is created readable by its owner only (mode 0600; SQLite gives its
``-wal`` and ``-shm`` files the same mode). Renewal holds a write transaction
(``BEGIN IMMEDIATE``) on the key's row: a second process waits for it (up to
``lock_timeout`` seconds), then reads the token the first one stored. A process
that dies mid-renewal loses its transaction, and with it the lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from linebot_fp.tokens.cache import TokenSlot
from linebot_fp.tokens.cached import CachedToken

__all__ = ["SqliteTokenCache"]

_SCHEMA = "CREATE TABLE IF NOT EXISTS tokens (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


class _SqliteSlot:
    def __init__(self, connection: sqlite3.Connection, key: str) -> None:
        self._connection = connection
        self._key = key

    def get(self) -> CachedToken | None:
        return _read(self._connection, self._key)

    def put(self, token: CachedToken) -> None:
        self._connection.execute("INSERT OR REPLACE INTO tokens (key, value) VALUES (?, ?)",
                                 (self._key, token.dumps()))


class SqliteTokenCache:
    """Tokens in the SQLite file ``path`` (created with mode 0600 when missing).

    ``lock_timeout``: how long a process waits for another's renewal (seconds);
    past it ``sqlite3.OperationalError`` ("database is locked") is raised.
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        _create_private(self.path)
        with contextlib.closing(self._connect()) as connection:
            with contextlib.suppress(sqlite3.OperationalError):  # a file system without WAL
                connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(_SCHEMA)

    def __repr__(self) -> str:
        return f"SqliteTokenCache({str(self.path)!r})"

    def _connect(self) -> sqlite3.Connection:
        # autocommit (isolation_level=None): transactions are begun explicitly below
        return sqlite3.connect(self.path, timeout=self.lock_timeout, isolation_level=None)

    def get(self, key: str) -> CachedToken | None:
        with contextlib.closing(self._connect()) as connection:
            return _read(connection, key)

    @contextlib.contextmanager
    def renewing(self, key: str) -> Iterator[TokenSlot]:
        with contextlib.closing(self._connect()) as connection:
            connection.execute("BEGIN IMMEDIATE")  # the write lock: one renewal at a time
            try:
                yield _SqliteSlot(connection, key)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def discard(self, key: str, token: str) -> None:
        with self.renewing(key) as slot:
            found = slot.get()
            if found is not None and found.token == token:
                assert isinstance(slot, _SqliteSlot)
                slot._connection.execute("DELETE FROM tokens WHERE key = ?", (key,))


def _read(connection: sqlite3.Connection, key: str) -> CachedToken | None:
    row = connection.execute("SELECT value FROM tokens WHERE key = ?", (key,)).fetchone()
    return CachedToken.loads(row[0]) if row else None


def _create_private(path: Path) -> None:
    """Create ``path`` with mode 0600 when missing; take group and other access away if not."""
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except FileNotFoundError:
        raise FileNotFoundError(f"SqliteTokenCache: the folder of {str(path)!r} does not "
                                f"exist") from None
    try:
        if os.fstat(descriptor).st_mode & 0o077:
            with contextlib.suppress(OSError):  # not ours to change: SQLite still works
                os.fchmod(descriptor, 0o600)
    finally:
        os.close(descriptor)
