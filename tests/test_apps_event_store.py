"""The deprecated handled-event stores (the apps use linebot_fp.inbox now): they still work
on their own, and warn when made."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated:DeprecationWarning")

from linebot_fp.event_store import (  # noqa: E402
    AsyncEventStore,
    EventStore,
    MemoryEventStore,
    SqliteEventStore,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite"])
def make_store(request, tmp_path):
    def make(**options):
        if request.param == "memory":
            return MemoryEventStore(**options)
        return SqliteEventStore(tmp_path / "events.sqlite3", **options)

    return make


def test_claim_then_done_refuses_later_claims(make_store):
    store = make_store()
    assert isinstance(store, EventStore)
    assert store.claim("e1") is True
    assert store.claim("e1") is False  # being handled
    store.done("e1")
    assert store.claim("e1") is False  # handled
    assert store.claim("e2") is True


def test_release_lets_a_redelivery_try_again_but_never_undoes_done(make_store):
    store = make_store()
    assert store.claim("e1")
    store.release("e1")
    assert store.claim("e1")
    store.done("e1")
    store.release("e1")
    assert not store.claim("e1")


def test_claims_lapse_and_handled_events_are_forgotten_in_time(make_store):
    clock = Clock()
    store = make_store(keep_seconds=100, claim_seconds=10, clock=clock)
    assert store.claim("crashed")
    assert store.claim("handled")
    store.done("handled")
    clock.now += 11  # the claim of a process that died lapses
    assert store.claim("crashed")
    assert not store.claim("handled")
    clock.now += 100
    assert store.claim("handled")


def test_the_memory_store_is_bounded_oldest_first():
    store = MemoryEventStore(max_events=3)
    for event_id in ("a", "b", "c", "d"):
        assert store.claim(event_id)
        store.done(event_id)
    assert len(store) == 3
    assert store.claim("a")  # forgotten to make room
    assert not store.claim("d")


def test_one_claim_wins_among_threads(make_store):
    store = make_store()
    wins: list[bool] = []
    lock = threading.Lock()

    def claim() -> None:
        won = store.claim("contested")
        with lock:
            wins.append(won)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(wins) == [False] * 7 + [True]


def test_the_sqlite_store_is_shared_by_processes(tmp_path: Path):
    path = tmp_path / "shared.sqlite3"
    here = SqliteEventStore(path)
    assert here.claim("mine")
    here.done("mine")
    code = ("import sys; from linebot_fp.event_store import SqliteEventStore; "
            "s = SqliteEventStore(sys.argv[1]); "
            "print(s.claim('mine'), s.claim('theirs')); s.done('theirs')")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.split() == ["False", "True"]
    assert not here.claim("theirs")
    here.close()
    assert not SqliteEventStore(path).claim("mine")  # kept on disk


def test_the_sqlite_store_purges_expired_rows(tmp_path: Path):
    clock = Clock()
    store = SqliteEventStore(tmp_path / "purge.sqlite3", keep_seconds=1, clock=clock)
    for index in range(SqliteEventStore.PURGE_EVERY - 1):
        store.claim(f"old-{index}")
        store.done(f"old-{index}")
    clock.now += 2
    store.claim("new")  # the PURGE_EVERY-th claim sweeps what expired
    import sqlite3

    with sqlite3.connect(tmp_path / "purge.sqlite3") as db:
        assert db.execute("SELECT event_id FROM handled_events").fetchall() == [("new",)]


def test_bad_settings_raise_value_error(tmp_path: Path):
    with pytest.raises(ValueError, match="max_events"):
        MemoryEventStore(max_events=0)
    with pytest.raises(ValueError, match="positive"):
        MemoryEventStore(keep_seconds=0)
    with pytest.raises(ValueError, match="positive"):
        SqliteEventStore(tmp_path / "x.sqlite3", claim_seconds=-1)
    with pytest.raises(ValueError, match="cannot open the event store"):
        SqliteEventStore(tmp_path / "no such folder" / "x.sqlite3")
    (tmp_path / "not-a-database").write_bytes(b"\x00" * 4096)
    with pytest.raises(ValueError, match="cannot open the event store"):
        SqliteEventStore(tmp_path / "not-a-database")


def test_the_protocols_describe_sync_and_async_stores():
    class Async:
        async def claim(self, event_id: str) -> bool:
            return True

        async def done(self, event_id: str) -> None:
            return None

        async def release(self, event_id: str) -> None:
            return None

    assert isinstance(Async(), AsyncEventStore)
    assert not isinstance(object(), EventStore)


@pytest.mark.filterwarnings("default")
def test_making_a_store_warns_that_it_is_deprecated(tmp_path: Path):
    with pytest.warns(DeprecationWarning, match="inbox="):
        MemoryEventStore()
    with pytest.warns(DeprecationWarning, match="SqliteEventStore is deprecated"):
        SqliteEventStore(tmp_path / "x.sqlite3")
