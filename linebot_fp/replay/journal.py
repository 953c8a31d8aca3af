"""The replay journal: what became of each line of a replay file, kept beside it in SQLite.

One row per line, keyed by the line's number and the SHA-256 of its text (an
edited line is a new line). Before a line is sent its row says ``in_flight``,
with the retry key it is sent with and, for a key sent for the first time,
when (``key_first_sent``: LINE keeps a key 24 hours from its first attempt);
after, ``sent``, ``failed`` or ``unknown``. Every change is committed before
the run goes on (SQLite's write-ahead log, fsynced), so a process killed at
any point leaves a journal that says, for every line, either what happened or
that it was in flight. The journal holds every outcome, so a run keeps none in
memory.

A rerun reads it: a ``sent`` line is never sent again; an ``in_flight`` or
``unknown`` one is resent only when that is safe (it carries a retry key LINE
still keeps, or its method is idempotent). See :mod:`linebot_fp.replay`.

Opening checks the file (``PRAGMA quick_check``) before anything is sent; a
journal that cannot be used raises
:class:`~linebot_fp.replay.journal_problems.JournalError`, whose message names
the file and says what to do.
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

from linebot_fp.replay.journal_problems import JournalError, journal_problem

__all__ = ["SCHEMA_VERSION", "Journal", "JournalError", "JournalRow", "LineState", "digest",
           "journal_path"]

#: version 1 had no ``key_first_sent``; version 2 records when each key was first sent
SCHEMA_VERSION = 2
#: how long opening a journal waits for another run to let go of it (seconds)
LOCK_WAIT = 1.0
#: a version 1 row sent once changed last when that send settled: its key went out at most
#: a send's duration earlier, which this many seconds safely covers (deadlines are seconds)
MIGRATED_KEY_MARGIN = 3600.0

_CREATE = (
    "CREATE TABLE lines ("
    " line INTEGER NOT NULL, digest TEXT NOT NULL, state TEXT NOT NULL,"
    " retry_key TEXT, key_first_sent REAL, status INTEGER, request_id TEXT,"
    " detail TEXT NOT NULL, sends INTEGER NOT NULL, updated REAL NOT NULL,"
    " PRIMARY KEY (line, digest))")
_COLUMNS = "state, retry_key, key_first_sent, status, request_id, detail, sends"


class LineState(str, enum.Enum):
    """A line's state in the journal."""

    IN_FLIGHT = "in_flight"  #: being sent (a run that died here left its outcome unknown)
    SENT = "sent"  #: the API took it (2xx, or 409 "already accepted")
    FAILED = "failed"  #: it took no effect: refused by the API (4xx) or never sent
    UNKNOWN = "unknown"  #: it may or may not have taken effect (no answer, or 5xx)


@dataclass(frozen=True, slots=True, kw_only=True)
class JournalRow:
    """What the journal knows of one line.

    ``key_first_sent`` is when ``retry_key`` first went out (epoch seconds);
    ``None`` for a line sent without a key, or a key whose first send a
    version 1 journal did not record.
    """

    line: int
    digest: str
    state: LineState
    retry_key: str | None = None
    key_first_sent: float | None = None
    status: int | None = None
    request_id: str | None = None
    detail: str = ""
    sends: int = 0


def digest(text: str) -> str:
    """The SHA-256 (hex) of a line's text, as the journal keys it."""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def journal_path(replay_file: Path) -> Path:
    """Where the journal of ``replay_file`` lives: ``<file>.journal.sqlite`` beside it."""
    return replay_file.with_name(replay_file.name + ".journal.sqlite")


class Journal:
    """A replay journal in the SQLite file ``path`` (created when missing; a version 1
    journal is migrated).

    Use it from one thread. It is held exclusively until :meth:`close`, so two
    runs never send the same file at once. Raises
    :class:`~linebot_fp.replay.journal_problems.JournalError` (a ``ValueError``)
    when the file cannot be used: another run holds it, it is damaged, its
    folder or the file is read-only, it is not a journal, or a newer one.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise JournalError(self.path, "not_a_journal", (
                f"{self.path} is a folder, not a replay journal: give the journal the path "
                f"of a file"))
        existed = self.path.exists()
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT)
        except sqlite3.Error as exc:
            raise journal_problem(self.path, exc, existed=existed, opening=True) from exc
        try:
            self._open()
        except sqlite3.Error as exc:
            self._db.close()
            raise journal_problem(self.path, exc, existed=existed, opening=True) from exc
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        db = self._db
        db.execute("PRAGMA locking_mode=EXCLUSIVE")  # one run at a time: held till close
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("BEGIN EXCLUSIVE")  # takes the lock (or waits for another run to let go)
        db.execute("COMMIT")
        found = " ".join(row[0] for row in db.execute("PRAGMA quick_check(3)"))
        if found != "ok":
            found = found.replace("*** in database main ***", "")
            raise sqlite3.DatabaseError(f"database disk image is malformed: {found.strip()}")
        version = self._version()
        if version > SCHEMA_VERSION:
            raise JournalError(self.path, "newer", (
                f"the journal {self.path} was written by a newer linebot_fp (journal "
                f"version {version}; this one reads up to {SCHEMA_VERSION}): upgrade "
                f"linebot_fp to go on with this replay"))
        with self.transaction():
            if version == 0:
                db.execute(_CREATE)
            elif version == 1:
                _migrate_from_1(db)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _version(self) -> int:
        """The schema version; ``0`` for an empty file. Raises ``JournalError`` for an SQLite
        database that is not a journal."""
        version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = {name for (name,) in self._db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables == {"lines"}:  # a journal whose version was not yet set
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(lines)")}
            version = 2 if "key_first_sent" in columns else 1
        if (version == 0 and tables) or (version in (1, 2) and "lines" not in tables):
            raise JournalError(self.path, "not_a_journal", (
                f"{self.path} is an SQLite database but not a replay journal (tables: "
                f"{', '.join(sorted(tables)) or 'none'}): give the journal another path"))
        return version

    def get(self, line: int, line_digest: str) -> JournalRow | None:
        """The row of this line, or ``None`` when it was never sent."""
        with self._writing():
            found = self._db.execute(f"SELECT {_COLUMNS} FROM lines WHERE line = ? AND digest = ?",
                                     (line, line_digest)).fetchone()
        if found is None:
            return None
        state, retry_key, first_sent, status, request_id, detail, sends = found
        return JournalRow(line=line, digest=line_digest, state=LineState(state),
                          retry_key=retry_key, key_first_sent=first_sent, status=status,
                          request_id=request_id, detail=detail, sends=sends)

    def begin(self, line: int, line_digest: str, retry_key: str | None, *,
              now: float | None = None) -> None:
        """Record that this line is about to be sent, with ``retry_key``, at ``now`` (epoch
        seconds; the current time by default); committed on return (or with the
        :meth:`transaction` it is made in).

        A key sent before keeps the time of its first send; a new key starts its own.
        """
        when = time.time() if now is None else now
        with self._writing():
            self._db.execute(
                "INSERT INTO lines (line, digest, state, retry_key, key_first_sent, detail,"
                " sends, updated) VALUES (?, ?, ?, ?, ?, '', 1, ?)"
                " ON CONFLICT (line, digest) DO UPDATE SET state = excluded.state,"
                " key_first_sent = CASE WHEN retry_key IS excluded.retry_key"
                "  THEN key_first_sent ELSE excluded.key_first_sent END,"
                " retry_key = excluded.retry_key, sends = sends + 1,"
                " updated = excluded.updated",
                (line, line_digest, LineState.IN_FLIGHT.value, retry_key,
                 None if retry_key is None else when, when))

    def settle(self, line: int, line_digest: str, state: LineState, *,
               status: int | None = None, request_id: str | None = None,
               detail: str = "", now: float | None = None) -> None:
        """Record how a send of this line ended; committed on return (or with the
        :meth:`transaction` it is made in)."""
        with self._writing():
            self._db.execute(
                "UPDATE lines SET state = ?, status = ?, request_id = ?, detail = ?, updated = ?"
                " WHERE line = ? AND digest = ?",
                (state.value, status, request_id, detail,
                 time.time() if now is None else now, line, line_digest))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the changes inside one transaction: all or none, with one disk sync."""
        with self._writing():
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        with self._writing():
            self._db.execute("COMMIT")

    def rows(self) -> list[JournalRow]:
        """Every row, by line number (for a look at a journal: a run reads rows one by one)."""
        with self._writing():
            numbers = self._db.execute("SELECT line, digest FROM lines ORDER BY line").fetchall()
        return [row for row in (self.get(n, d) for n, d in numbers) if row is not None]

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn an SQLite error met by a run into a ``JournalError`` that says what to do."""
        try:
            yield
        except sqlite3.Error as exc:
            raise journal_problem(self.path, exc, existed=True, opening=False) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _migrate_from_1(db: sqlite3.Connection) -> None:
    """Add ``key_first_sent``. A row sent once has its key's first send at most a send's
    duration before its last change; for a row sent more often it is not known, and stays
    ``None`` (treated as too old to trust)."""
    db.execute("ALTER TABLE lines ADD COLUMN key_first_sent REAL")
    db.execute("UPDATE lines SET key_first_sent = updated - ?"
               " WHERE retry_key IS NOT NULL AND sends = 1", (MIGRATED_KEY_MARGIN,))
