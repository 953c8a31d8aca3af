"""The replay journal itself: its schema (when each retry key was first sent), the migration of
a version 1 journal, and every way a journal can be unusable, each said in one line that names
the file and what to do.
"""

import json
import sqlite3

import pytest
from replay_support import damage, push, read_only_folder

from linebot_fp.client import Client
from linebot_fp.replay import Journal, JournalError, LineState, iter_replay, load_requests
from linebot_fp.replay.journal import MIGRATED_KEY_MARGIN, SCHEMA_VERSION
from linebot_fp.testing import FakeLineApi

T = 1_767_225_600.0  # 2026-01-01T00:00:00Z

#: the schema of version 1, as the previous release wrote it
V1_SCHEMA = (
    "CREATE TABLE lines ("
    " line INTEGER NOT NULL, digest TEXT NOT NULL, state TEXT NOT NULL,"
    " retry_key TEXT, status INTEGER, request_id TEXT, detail TEXT NOT NULL,"
    " sends INTEGER NOT NULL, updated REAL NOT NULL,"
    " PRIMARY KEY (line, digest))")


def filled_journal(path, lines=3000):
    """A journal of ``lines`` rows: big enough that its rows span many pages."""
    with Journal(path) as journal, journal.transaction():
        for n in range(1, lines + 1):
            journal.begin(n, f"{n:064x}", None, now=T)
    return path


# -- schema: when each retry key was first sent --------------------------------------------


def test_a_key_keeps_the_time_of_its_first_send(tmp_path):
    with Journal(tmp_path / "j.sqlite") as journal:
        journal.begin(1, "d1", "k1", now=T)
        journal.settle(1, "d1", LineState.UNKNOWN, now=T + 5)
        journal.begin(1, "d1", "k1", now=T + 3600)  # resent with the same key an hour later
        assert journal.get(1, "d1").key_first_sent == T
        assert journal.get(1, "d1").sends == 2
        journal.begin(1, "d1", "k2", now=T + 7200)  # another key starts its own 24 hours
        assert journal.get(1, "d1").key_first_sent == T + 7200
        journal.begin(2, "d2", None, now=T)  # no key: nothing to date
        assert journal.get(2, "d2").key_first_sent is None


def test_a_version_1_journal_is_migrated_and_its_key_ages_kept_on_the_safe_side(tmp_path):
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(V1_SCHEMA)
        db.executemany(
            "INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                (1, "d1", "unknown", "k1", 503, "r1", "503 from LINE", 1, T),
                (2, "d2", "in_flight", "k2", None, None, "", 3, T),  # sent by several runs
                (3, "d3", "sent", None, 200, "r3", "", 1, T),
            ])
        db.execute("PRAGMA user_version=1")
    db.close()
    with Journal(path) as journal:
        one, two, three = journal.rows()
    assert (one.state, one.retry_key, one.status, one.request_id, one.detail, one.sends) == (
        LineState.UNKNOWN, "k1", 503, "r1", "503 from LINE", 1)
    # its one send began at most a send's duration before its last change (T)
    assert one.key_first_sent == T - MIGRATED_KEY_MARGIN
    assert two.key_first_sent is None  # sent by several runs: the first is not known
    assert three.key_first_sent is None
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    db.close()


def test_a_migrated_journal_keeps_working_and_reopens_as_version_2(tmp_path):
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(V1_SCHEMA)
        db.execute("PRAGMA user_version=1")
    db.close()
    with Journal(path) as journal:
        journal.begin(1, "d1", "k1", now=T)
    with Journal(path) as journal:
        assert journal.get(1, "d1").key_first_sent == T


# -- a journal that cannot be used: one line naming the file and what to do ---------------


def problem(path):
    with pytest.raises(JournalError) as caught:
        Journal(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert caught.value.path == path
    return caught.value


def test_a_journal_held_by_another_run(tmp_path):
    path = tmp_path / "busy.sqlite"
    with Journal(path):
        error = problem(path)
    assert error.kind == "locked"
    assert "in use by another replay" in str(error)
    assert "wait for that run to end" in str(error)


@pytest.mark.parametrize("first_page", [1, 2, 20])
def test_a_damaged_journal(tmp_path, first_page):
    path = damage(filled_journal(tmp_path / "j.sqlite"), first_page=first_page)
    error = problem(path)
    assert error.kind == "damaged"
    assert "is damaged" in str(error)
    assert "nothing was sent" in str(error)
    assert "Restore it from a backup" in str(error)
    assert "not a replay journal" not in str(error)


def test_a_journal_with_a_few_bad_pages_in_the_middle(tmp_path):
    path = filled_journal(tmp_path / "j.sqlite")
    with path.open("r+b") as file:  # two pages of garbage somewhere in the rows
        file.seek(30 * 4096)
        file.write(b"\xde\xad\xbe\xef" * 2048)
    assert problem(path).kind == "damaged"


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    error = problem(path)
    assert error.kind == "not_a_journal"
    assert "not an SQLite database" in str(error)


def test_an_sqlite_database_of_something_else_is_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (id INTEGER)")
    db.close()
    error = problem(path)
    assert error.kind == "not_a_journal"
    assert "tables: customers" in str(error)
    with sqlite3.connect(path) as db:  # nothing added to it
        tables = db.execute("SELECT name FROM sqlite_master").fetchall()
    db.close()
    assert tables == [("customers",)]


def test_a_journal_of_a_newer_version(tmp_path):
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE lines (line INTEGER)")
        db.execute("PRAGMA user_version=99")
    db.close()
    error = problem(path)
    assert error.kind == "newer"
    assert "version 99" in str(error)
    assert "upgrade linebot_fp" in str(error)


def test_a_journal_in_a_folder_that_does_not_exist(tmp_path):
    error = problem(tmp_path / "no" / "such" / "j.sqlite")
    assert error.kind == "missing_folder"
    assert f"the folder {tmp_path / 'no' / 'such'} does not exist" in str(error)


def test_a_folder_where_the_journal_should_be(tmp_path):
    error = problem(tmp_path)
    assert error.kind == "not_a_journal"
    assert "is a folder" in str(error)


def test_a_new_journal_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only_folder(folder):
        error = problem(folder / "j.sqlite")
    assert error.kind == "read_only_folder"
    assert "cannot create the journal" in str(error)
    assert f"the folder {folder} is read-only" in str(error)


def test_an_existing_journal_in_a_read_only_folder_is_not_called_not_a_journal(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "j.sqlite"
    with Journal(path) as journal:
        journal.begin(1, "d1", "k1", now=T)
        journal.settle(1, "d1", LineState.SENT, now=T)
    with read_only_folder(folder):
        error = problem(path)
    assert error.kind == "read_only_folder"
    assert "not a replay journal" not in str(error)
    assert "its folder" in str(error)
    assert "is read-only" in str(error)
    assert "keep it: it records what was sent" in str(error)
    with Journal(path) as journal:  # untouched, and usable once the folder is writable
        assert journal.get(1, "d1").state is LineState.SENT


# -- a journal that fails mid-run ---------------------------------------------------------


def test_a_journal_that_cannot_grow_mid_run_stops_the_run_and_keeps_lines_in_flight(tmp_path):
    lines = [json.dumps(push(n).with_retry_key().to_dict()) + "\n" for n in range(200)]
    with FakeLineApi() as api, Journal(tmp_path / "j.sqlite") as journal:
        pages = journal._db.execute("PRAGMA page_count").fetchone()[0]
        journal._db.execute(f"PRAGMA max_page_count = {pages + 3}")  # a disk that fills up
        client = Client("token", endpoints=api.endpoints)
        seen = []
        outcomes = iter_replay(load_requests(lines), client.send, journal=journal,
                               concurrency=2)
        with pytest.raises(JournalError) as caught:
            seen.extend(outcomes)
        assert caught.value.kind == "other"
        assert "disk is full" in str(caught.value)
        assert "\n" not in str(caught.value)
        sent = len(api.requests)
        assert sent < 200  # the run stopped
        rows = journal.rows()
        # every line that went out is in the journal: settled, or still in flight
        assert len(rows) >= sent
        assert {row.state for row in rows} <= {LineState.SENT, LineState.IN_FLIGHT}
        sent_rows = {row.line for row in rows if row.state is LineState.SENT}
        assert {outcome.line for outcome in seen} <= sent_rows  # what was told was recorded
        assert len(sent_rows) <= len(api.accepted)


def test_leaving_the_loop_early_records_the_lines_in_flight(tmp_path):
    lines = [json.dumps(push(n).with_retry_key().to_dict()) + "\n" for n in range(30)]
    with FakeLineApi() as api, Journal(tmp_path / "j.sqlite") as journal:
        api.on(None, None, delay=0.05)
        client = Client("token", endpoints=api.endpoints)
        outcomes = iter_replay(load_requests(lines), client.send, journal=journal,
                               concurrency=3)
        first = next(outcomes)
        outcomes.close()  # the caller leaves: the others in flight end and are recorded
        assert first.ok
        rows = journal.rows()
        assert len(rows) == len(api.requests) <= 4
        assert {row.state for row in rows} == {LineState.SENT}
