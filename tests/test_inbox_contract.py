"""One contract, three inboxes: memory, SQLite (a file) and Redis (a real server).

Time is a FakeClock: leases lapse and backoffs pass when the test says so.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter

import pytest

from linebot_fp.inbox import (
    Counts,
    Inbox,
    InboxSettings,
    MemoryInbox,
    NewEvent,
    RedisInbox,
    SqliteInbox,
    open_inbox,
)
from linebot_fp.testing import FakeClock

SETTINGS = InboxSettings(lease_seconds=30, max_attempts=3, backoff=2, max_backoff=5)


@pytest.fixture(params=["memory", "sqlite", "redis"])
def kind(request):
    return request.param


@pytest.fixture
def make(kind, tmp_path, request):
    """``make(**options)``: an inbox of this kind on a FakeClock (``inbox.clock``)."""
    made = []

    def make(settings=SETTINGS, clock=None, **options):
        clock = clock or FakeClock()
        if kind == "memory":
            inbox = MemoryInbox(settings, clock=clock, **options)
        elif kind == "sqlite":
            inbox = SqliteInbox(tmp_path / "inbox.sqlite3", settings, clock=clock, **options)
        else:
            inbox = RedisInbox(request.getfixturevalue("redis_url"), settings, clock=clock,
                               **options)
        made.append(inbox)
        return inbox

    yield make
    for inbox in made:
        inbox.close()


def new(event_id, chat="U1", text=None):
    return NewEvent(event_id, chat, '{"type":"message","text":"%s"}' % (text or event_id))


def test_record_lease_complete(make):
    inbox = make()
    assert isinstance(inbox, Inbox)
    assert inbox.record([new("e1"), new("e2", chat="U2")]) == [True, True]
    assert inbox.counts() == Counts(pending=2, leased=0, parked=0, done=0)
    leased = inbox.lease("worker", limit=5)
    assert [e.id for e in leased] == ["e1", "e2"]
    first = leased[0]
    assert (first.state, first.attempts, first.chat, first.event) == (
        "leased", 1, "U1", '{"type":"message","text":"e1"}')
    assert first.received == inbox.clock()
    assert first.lease
    assert inbox.counts() == Counts(0, 2, 0, 0)
    assert inbox.lease("other") == []
    assert inbox.complete(first)
    assert not inbox.complete(first)  # once
    assert inbox.counts() == Counts(0, 1, 0, 1)
    assert inbox.get("e1").state == "done"
    assert inbox.get("nope") is None


def test_a_redelivery_is_recorded_once(make):
    inbox = make()
    assert inbox.record([new("e1")]) == [True]
    (entry,) = inbox.lease("w")
    assert inbox.record([new("e1"), new("e2")]) == [False, True]  # while leased
    inbox.complete(entry)
    assert inbox.record([new("e1")]) == [False]  # and once done
    assert inbox.counts() == Counts(1, 0, 0, 1)


def test_done_events_are_forgotten_after_keep_seconds(make):
    inbox = make(InboxSettings(keep_seconds=100))
    inbox.record([new("old")])
    inbox.complete(inbox.lease("w")[0])
    inbox.clock.advance(101)
    if isinstance(inbox, SqliteInbox):
        inbox.PURGE_EVERY = 1
    assert inbox.record([new("fresh")]) == [True]  # recording purges
    assert inbox.record([new("old")]) == [True]  # a redelivery this late is new again


def test_a_lapsed_lease_is_leased_again_and_counts_as_an_attempt(make):
    inbox = make()
    inbox.record([new("e1")])
    (dead,) = inbox.lease("worker-that-dies")
    inbox.clock.advance(29)
    assert inbox.lease("other") == []
    inbox.clock.advance(2)
    assert inbox.counts() == Counts(1, 0, 0, 0)  # lapsed: pending again
    (again,) = inbox.lease("other")
    assert (again.id, again.attempts) == ("e1", 2)
    assert again.lease != dead.lease
    assert not inbox.complete(dead)  # the dead worker's lease is gone
    assert inbox.fail(dead, "late") is None
    assert not inbox.note(dead, {"x": 1})
    assert inbox.complete(again)


def test_renewing_keeps_a_lease(make):
    inbox = make()
    inbox.record([new("e1")])
    (entry,) = inbox.lease("w")
    for _ in range(3):
        inbox.clock.advance(20)
        assert inbox.renew([entry]) == [True]
        assert inbox.lease("other") == []
    inbox.clock.advance(31)
    (taken,) = inbox.lease("other")
    assert inbox.renew([entry, taken]) == [False, True]


def test_notes_are_kept_with_the_event(make):
    inbox = make()
    inbox.record([new("e1")])
    (entry,) = inbox.lease("w")
    assert inbox.note(entry, {"sends": {"0": "attempting"}, "problems": ["ü"]})
    inbox.clock.advance(31)
    (again,) = inbox.lease("w")
    assert again.notes == {"sends": {"0": "attempting"}, "problems": ["ü"]}


def test_fail_retries_after_a_backoff_then_parks(make):
    inbox = make()
    inbox.record([new("e1")])
    (entry,) = inbox.lease("w")
    assert inbox.fail(entry, "boom 1") == "pending"
    assert inbox.lease("w") == []  # backoff: 2 s
    inbox.clock.advance(2)
    (entry,) = inbox.lease("w")
    assert (entry.attempts, entry.error) == (2, "boom 1")
    assert inbox.fail(entry, "boom 2") == "pending"
    inbox.clock.advance(3.9)
    assert inbox.lease("w") == []  # 4 s
    inbox.clock.advance(0.1)
    (entry,) = inbox.lease("w")
    assert inbox.fail(entry, "boom 3") == "parked"
    assert inbox.counts() == Counts(0, 0, 1, 0)
    (parked,) = inbox.parked()
    assert (parked.id, parked.attempts, parked.error, parked.state) == (
        "e1", 3, "boom 3", "parked")
    inbox.clock.advance(1000)
    assert inbox.lease("w") == []


def test_parked_events_are_retried_and_dropped(make):
    inbox = make(InboxSettings(max_attempts=1))
    inbox.record([new("a"), new("b", chat="U2"), new("c", chat="U3")])
    for entry in inbox.lease("w", limit=3):
        assert inbox.fail(entry, "no") == "parked"
    assert [e.id for e in inbox.parked()] == ["a", "b", "c"]
    assert [e.id for e in inbox.parked(limit=2)] == ["a", "b"]
    assert inbox.retry(["b", "unknown"]) == 1
    assert inbox.drop(["c"]) == 1
    assert inbox.get("c") is None
    (entry,) = inbox.lease("w", limit=5)
    assert (entry.id, entry.attempts) == ("b", 1)
    assert inbox.retry() == 1  # all: "a"
    assert inbox.drop() == 0
    assert inbox.counts() == Counts(1, 1, 0, 0)
    assert inbox.retry([]) == 0


def test_one_chat_in_order_different_chats_in_parallel(make):
    inbox = make()
    inbox.record([new("a1", "A"), new("a2", "A"), new("b1", "B"), new("solo1", None),
                  new("solo2", None), new("a3", "A")])
    first = inbox.lease("w", limit=10)
    assert sorted(e.id for e in first) == ["a1", "b1", "solo1", "solo2"]
    assert [e.chat for e in first if e.id.startswith("solo")] == [None, None]
    by_id = {e.id: e for e in first}
    inbox.complete(by_id["a1"])
    (a2,) = inbox.lease("w", limit=10)
    assert a2.id == "a2"
    # a failing event holds its chat back while it waits for its retry ...
    assert inbox.fail(a2, "x") == "pending"
    assert inbox.lease("w", limit=10) == []
    inbox.clock.advance(2)
    (a2,) = inbox.lease("w", limit=10)
    assert a2.id == "a2"


def test_a_parked_event_lets_its_chat_go_on_and_a_retry_goes_last(make):
    inbox = make(InboxSettings(max_attempts=1))
    inbox.record([new("a1", "A"), new("a2", "A")])
    (a1,) = inbox.lease("w")
    assert inbox.fail(a1, "bad") == "parked"
    inbox.record([new("a3", "A")])
    (a2,) = inbox.lease("w", limit=5)
    assert a2.id == "a2"
    assert inbox.retry(["a1"]) == 1
    inbox.complete(a2)
    assert [e.id for e in inbox.lease("w", limit=5)] == ["a3"]  # a1 goes after a3


def test_many_workers_lease_each_event_once(make, kind):
    inbox = make(InboxSettings(lease_seconds=600))
    inbox.record([new(f"e{n}", chat=f"U{n % 7}") for n in range(60)])
    got: list[str] = []
    lock = threading.Lock()

    def work(name: str) -> None:
        for _ in range(200):
            entries = inbox.lease(name, limit=2)
            if not entries and inbox.counts().pending == 0:
                return
            for entry in entries:
                assert inbox.complete(entry)
                with lock:
                    got.append(entry.id)

    threads = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Counter(got) == Counter(f"e{n}" for n in range(60))
    assert inbox.counts() == Counts(0, 0, 0, 60)


def test_processes_share_the_sqlite_inbox(tmp_path):
    path = tmp_path / "shared.sqlite3"
    here = SqliteInbox(path)
    here.record([new("mine"), new("theirs", chat="U2")])
    code = ("import sys; from linebot_fp.inbox import SqliteInbox; "
            "i = SqliteInbox(sys.argv[1]); e = i.lease('child', 5); "
            "print(*[x.id for x in e]); [i.complete(x) for x in e if x.id == 'theirs']")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, timeout=60, check=True)
    assert sorted(result.stdout.split()) == ["mine", "theirs"]
    assert here.get("theirs").state == "done"
    assert here.get("mine").state == "leased"
    here.close()
    assert SqliteInbox(path).counts() == Counts(0, 1, 0, 1)  # on disk


def test_bad_settings_and_locations_raise_value_error(tmp_path):
    with pytest.raises(ValueError, match="lease_seconds"):
        InboxSettings(lease_seconds=0)
    with pytest.raises(ValueError, match="max_attempts"):
        InboxSettings(max_attempts=0)
    with pytest.raises(ValueError, match="backoff"):
        MemoryInbox(backoff=float("nan"))
    with pytest.raises(ValueError, match="max_done"):
        MemoryInbox(max_done=0)
    with pytest.raises(ValueError, match="cannot open the inbox"):
        SqliteInbox(tmp_path / "no such folder" / "x.sqlite3")
    (tmp_path / "not-a-database").write_bytes(b"\x00" * 4096)
    with pytest.raises(ValueError, match="cannot open the inbox"):
        SqliteInbox(tmp_path / "not-a-database")
    with pytest.raises(ValueError, match="location"):
        open_inbox("")
    with pytest.raises(ValueError, match="namespace"):
        RedisInbox("redis://127.0.0.1:1/0", namespace="")


def test_open_inbox_reads_the_location(tmp_path, redis_url):
    assert isinstance(open_inbox(str(tmp_path / "x.sqlite3")), SqliteInbox)
    redis_inbox = open_inbox(redis_url, namespace="bot2")
    assert isinstance(redis_inbox, RedisInbox)
    assert redis_inbox.namespace == "bot2"


def test_namespaces_keep_bots_apart(redis_url):
    one, two = RedisInbox(redis_url, namespace="one"), RedisInbox(redis_url, namespace="two")
    one.record([new("e1")])
    assert two.record([new("e1")]) == [True]
    assert one.counts() == two.counts() == Counts(1, 0, 0, 0)
