"""The replay journal: what became of each line of a replay file, kept beside it in SQLite.

One row per line, keyed by the line's number and the SHA-256 of its text (an
edited line is a new line). Before a line is sent its row says ``in_flight``,
with the retry key it is sent with; after, ``sent``, ``failed`` or
``unknown``. Every change is committed before the run goes on (SQLite's
write-ahead log, fsynced), so a process killed at any point leaves a journal
that says, for every line, either what happened or that it was in flight.

A rerun reads it: a ``sent`` line is never sent again; an ``in_flight`` or
``unknown`` one is resent only when that is safe (it carries its retry key, or
its method is idempotent). See :mod:`linebot_fp.replay`.
"""

from __future__ import annotations

import enum
import hashlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

__all__ = ["Journal", "JournalRow", "LineState", "digest", "journal_path"]

SCHEMA_VERSION = 1
#: how long opening a journal waits for another run to let go of it (seconds)
LOCK_WAIT = 1.0


class LineState(str, enum.Enum):
    """A line's state in the journal."""

    IN_FLIGHT = "in_flight"  #: being sent (a run that died here left its outcome unknown)
    SENT = "sent"  #: the API took it (2xx, or 409 "already accepted")
    FAILED = "failed"  #: it took no effect: refused by the API (4xx) or never sent
    UNKNOWN = "unknown"  #: it may or may not have taken effect (no answer, or 5xx)


@dataclass(frozen=True, slots=True, kw_only=True)
class JournalRow:
    """What the journal knows of one line."""

    line: int
    digest: str
    state: LineState
    retry_key: str | None = None
    status: int | None = None
    request_id: str | None = None
    detail: str = ""
    sends: int = 0


def digest(text: str) -> str:
    """The SHA-256 (hex) of a line's text, as the journal keys it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def journal_path(replay_file: Path) -> Path:
    """Where the journal of ``replay_file`` lives: ``<file>.journal.sqlite`` beside it."""
    return replay_file.with_name(replay_file.name + ".journal.sqlite")


class Journal:
    """A replay journal in the SQLite file ``path`` (created when missing).

    Use it from one thread. It is held exclusively until :meth:`close`, so two
    runs never send the same file at once. ``ValueError`` when the file is not
    a journal this version can read, or another process holds it.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT)
        try:
            self._db.execute("PRAGMA locking_mode=EXCLUSIVE")  # one run at a time: held till close
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("BEGIN EXCLUSIVE")
            self._db.execute("COMMIT")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                raise ValueError(f"{self.path} is a replay journal of version {version}; "
                                 f"this linebot_fp reads version {SCHEMA_VERSION}")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS lines ("
                " line INTEGER NOT NULL, digest TEXT NOT NULL, state TEXT NOT NULL,"
                " retry_key TEXT, status INTEGER, request_id TEXT, detail TEXT NOT NULL,"
                " sends INTEGER NOT NULL, updated REAL NOT NULL,"
                " PRIMARY KEY (line, digest))")
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.OperationalError as exc:
            self._db.close()
            if "locked" not in str(exc):
                raise ValueError(f"{self.path} is not a replay journal: {exc}") from exc
            raise ValueError(f"{self.path} is in use by another replay of the same file; "
                             f"one run at a time") from exc
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ValueError(f"{self.path} is not a replay journal: {exc}") from exc
        except BaseException:
            self._db.close()
            raise

    def get(self, line: int, line_digest: str) -> JournalRow | None:
        """The row of this line, or ``None`` when it was never sent."""
        found = self._db.execute(
            "SELECT state, retry_key, status, request_id, detail, sends FROM lines"
            " WHERE line = ? AND digest = ?", (line, line_digest)).fetchone()
        if found is None:
            return None
        state, retry_key, status, request_id, detail, sends = found
        return JournalRow(line=line, digest=line_digest, state=LineState(state),
                          retry_key=retry_key, status=status, request_id=request_id,
                          detail=detail, sends=sends)

    def begin(self, line: int, line_digest: str, retry_key: str | None) -> None:
        """Record that this line is about to be sent, with ``retry_key``; committed on
        return (or with the :meth:`transaction` it is made in)."""
        self._db.execute(
            "INSERT INTO lines (line, digest, state, retry_key, detail, sends, updated)"
            " VALUES (?, ?, ?, ?, '', 1, ?)"
            " ON CONFLICT (line, digest) DO UPDATE SET state = excluded.state,"
            " retry_key = excluded.retry_key, sends = sends + 1, updated = excluded.updated",
            (line, line_digest, LineState.IN_FLIGHT.value, retry_key, time.time()))

    def settle(self, line: int, line_digest: str, state: LineState, *,
               status: int | None = None, request_id: str | None = None,
               detail: str = "") -> None:
        """Record how a send of this line ended; committed on return (or with the
        :meth:`transaction` it is made in)."""
        self._db.execute(
            "UPDATE lines SET state = ?, status = ?, request_id = ?, detail = ?, updated = ?"
            " WHERE line = ? AND digest = ?",
            (state.value, status, request_id, detail, time.time(), line, line_digest))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the changes inside one transaction: all or none, with one disk sync."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def rows(self) -> list[JournalRow]:
        """Every row, by line number."""
        numbers = self._db.execute("SELECT line, digest FROM lines ORDER BY line").fetchall()
        return [row for row in (self.get(n, d) for n, d in numbers) if row is not None]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
