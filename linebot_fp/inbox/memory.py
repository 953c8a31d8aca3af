"""``MemoryInbox``: the inbox of one process, in memory (the apps' default, for trying things).

Nothing survives the process: use :class:`~linebot_fp.inbox.SqliteInbox` or
:class:`~linebot_fp.inbox.RedisInbox` where an event must outlive a crash.
Standard library only; thread-safe; its methods never block (``blocking = False``).
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from linebot_fp.inbox.base import (
    Counts,
    Entry,
    InboxSettings,
    NewEvent,
    State,
    backoff_delay,
    new_lease,
)

__all__ = ["MemoryInbox"]


class MemoryInbox:
    """An inbox in this process's memory.

    ``settings`` (or its fields as keywords: ``lease_seconds``, ``max_attempts``,
    ``backoff``, ``max_backoff``, ``keep_seconds``) are those of
    :class:`~linebot_fp.inbox.base.InboxSettings`; ``clock`` gives seconds
    (``time.time``). At most ``max_done`` done events are remembered for
    recognising redeliveries (the oldest go first).
    """

    blocking = False

    def __init__(self, settings: InboxSettings | None = None, *,
                 clock: Callable[[], float] = time.time, max_done: int = 10_000,
                 **timings: Any) -> None:
        if max_done < 1:
            raise ValueError(f"max_done must be at least 1, got {max_done}")
        self.settings = settings if settings is not None else InboxSettings(**timings)
        self.clock = clock
        self.max_done = max_done
        self._entries: dict[str, Entry] = {}
        self._order: dict[str, int] = {}  # id -> position in its chat's line
        self._chats: dict[str, deque[str]] = {}  # chat -> unfinished ids, in order
        self._done: OrderedDict[str, float] = OrderedDict()  # id -> when it was done
        self._position = 0
        from threading import Lock

        self._lock = Lock()

    # -- recording and leasing --------------------------------------------------------------------

    def record(self, events: Sequence[NewEvent]) -> list[bool]:
        now = self.clock()
        with self._lock:
            self._forget_done(now)
            added = []
            for new in events:
                if new.id in self._entries:
                    added.append(False)
                    continue
                self._entries[new.id] = Entry(id=new.id, chat=new.chat, event=new.event,
                                              state="pending", received=now, due=now)
                self._enqueue(new.id)
                added.append(True)
            return added

    def lease(self, owner: str, limit: int = 1) -> list[Entry]:
        now = self.clock()
        with self._lock:
            heads = sorted((self._order[line[0]], line[0]) for line in self._chats.values())
            leased: list[Entry] = []
            for _, event_id in heads:
                if len(leased) >= limit:
                    break
                entry = self._entries[event_id]
                free = (entry.state == "pending" and entry.due <= now) or (
                    entry.state == "leased" and entry.leased_until <= now)
                if free:
                    entry = replace(entry, state="leased", attempts=entry.attempts + 1,
                                    leased_until=now + self.settings.lease_seconds,
                                    lease=new_lease())
                    self._entries[event_id] = entry
                    leased.append(entry)
            return leased

    def renew(self, entries: Iterable[Entry]) -> list[bool]:
        until = self.clock() + self.settings.lease_seconds
        with self._lock:
            return [self._update(entry, leased_until=until) is not None for entry in entries]

    def note(self, entry: Entry, notes: Mapping[str, Any]) -> bool:
        with self._lock:
            return self._update(entry, notes=dict(notes)) is not None

    def complete(self, entry: Entry) -> bool:
        now = self.clock()
        with self._lock:
            held = self._update(entry, state="done", lease=None, due=now)
            if held is None:
                return False
            self._dequeue(held)
            self._done[held.id] = now
            self._forget_done(now)
            return True

    def fail(self, entry: Entry, error: str) -> State | None:
        now = self.clock()
        with self._lock:
            held = self._holder(entry)
            if held is None:
                return None
            if held.attempts >= self.settings.max_attempts:
                self._entries[held.id] = replace(held, state="parked", lease=None, error=error)
                self._dequeue(held)
                return "parked"
            self._entries[held.id] = replace(
                held, state="pending", lease=None, error=error,
                due=now + backoff_delay(self.settings, held.attempts))
            return "pending"

    # -- looking and managing ---------------------------------------------------------------------

    def get(self, event_id: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(event_id)
            return None if entry is None else replace(entry, lease=None)

    def parked(self, limit: int | None = None) -> list[Entry]:
        with self._lock:
            found = sorted((e for e in self._entries.values() if e.state == "parked"),
                           key=lambda e: self._order[e.id])
            return [replace(e, lease=None) for e in found[:limit]]

    def retry(self, event_ids: Iterable[str] | None = None) -> int:
        now = self.clock()
        with self._lock:
            chosen = self._parked_ids(event_ids)
            for event_id in chosen:
                self._entries[event_id] = replace(self._entries[event_id], state="pending",
                                                  attempts=0, due=now)
                self._enqueue(event_id)
            return len(chosen)

    def drop(self, event_ids: Iterable[str] | None = None) -> int:
        with self._lock:
            chosen = self._parked_ids(event_ids)
            for event_id in chosen:
                del self._entries[event_id]
                del self._order[event_id]
            return len(chosen)

    def counts(self) -> Counts:
        now = self.clock()
        with self._lock:
            states = {"pending": 0, "leased": 0, "parked": 0, "done": 0}
            for entry in self._entries.values():
                live = entry.state != "leased" or entry.leased_until > now
                states[entry.state if live else "pending"] += 1
            return Counts(**states)

    def close(self) -> None:
        """Nothing to release."""

    # -- the parts ---------------------------------------------------------------------------------

    def _chat_key(self, entry_id: str) -> str:
        chat = self._entries[entry_id].chat
        return f"chat:{chat}" if chat is not None else f"event:{entry_id}"

    def _enqueue(self, event_id: str) -> None:
        self._position += 1
        self._order[event_id] = self._position
        self._chats.setdefault(self._chat_key(event_id), deque()).append(event_id)

    def _dequeue(self, entry: Entry) -> None:
        key = self._chat_key(entry.id)
        line = self._chats[key]
        line.remove(entry.id)
        if not line:
            del self._chats[key]

    def _holder(self, entry: Entry) -> Entry | None:
        held = self._entries.get(entry.id)
        if held is None or held.state != "leased" or held.lease != entry.lease:
            return None
        return held

    def _update(self, entry: Entry, **changes: Any) -> Entry | None:
        held = self._holder(entry)
        if held is None:
            return None
        held = replace(held, **changes)
        self._entries[held.id] = held
        return held

    def _parked_ids(self, event_ids: Iterable[str] | None) -> list[str]:
        wanted = None if event_ids is None else set(event_ids)
        return [e.id for e in sorted(self._entries.values(), key=lambda e: self._order[e.id])
                if e.state == "parked" and (wanted is None or e.id in wanted)]

    def _forget_done(self, now: float) -> None:
        horizon = now - self.settings.keep_seconds
        while self._done and (len(self._done) > self.max_done
                              or next(iter(self._done.values())) <= horizon):
            event_id, _ = self._done.popitem(last=False)
            self._entries.pop(event_id, None)
            self._order.pop(event_id, None)
