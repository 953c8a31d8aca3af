"""The inbox protocol and the values every inbox shares.

An inbox is the durable record of the webhook events a bot received and of
what became of each. Its life cycle, the same in every store::

    record ──▶ pending ──lease──▶ leased ──complete──▶ done
                  ▲                 │ │
                  └──── fail ───────┘ └── fail, attempts used up ──▶ parked
                  (backoff)               (retry ──▶ pending, drop ──▶ gone)

* :meth:`Inbox.record` writes new events; an event whose id (its
  ``webhook_event_id``) is already there is not recorded again, so LINE's
  redeliveries are recorded once.
* :meth:`Inbox.lease` hands a worker the due pending events for ``lease_seconds``;
  a lease that is neither renewed nor settled lapses, and the event is leased
  again, by any process sharing the inbox: a worker that died loses nothing.
* :meth:`Inbox.complete` marks an event done; :meth:`Inbox.fail` puts it back
  after a backoff, or parks it once it has used ``max_attempts`` (a lease that
  lapsed counts as an attempt too, so an event that kills its worker is parked
  in the end instead of killing workers forever).
* Parked events are listed (:meth:`Inbox.parked`), retried or dropped.

**One chat at a time, in order.** Events carry their chat (the group, the room
or else the user they come from). An event is leased only when no earlier event
of its chat is pending or leased, so the events of one chat are handled one
after the other, in the order they were recorded, while different chats run in
parallel. An event waiting for its retry holds its chat's later events back;
a *parked* event does not: parking gives up on the event for now, and the chat
goes on (the bot stays responsive to that user). Retrying a parked event puts
it at the end of its chat's line, after what the chat received meanwhile.

Every time an inbox reads comes from its ``clock`` (``time.time`` unless told):
the processes sharing an inbox compare times, so their clocks must agree
(NTP does). Tests pass a :class:`~linebot_fp.testing.FakeClock`.

This module performs no I/O.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

__all__ = ["KEEP_SECONDS", "LEASE_SECONDS", "Counts", "Entry", "Inbox", "InboxSettings",
           "NewEvent", "State", "backoff_delay", "new_lease", "notes_json"]

#: how long a done event is kept, to recognise LINE's redeliveries of it (a day:
#: LINE redelivers for well under that)
KEEP_SECONDS = 24 * 60 * 60.0
#: how long a lease holds unless renewed (workers renew theirs a few times a lease)
LEASE_SECONDS = 60.0

State = Literal["pending", "leased", "parked", "done"]


class Counts(NamedTuple):
    """How many events an inbox holds in each state (a lapsed lease counts as pending)."""

    pending: int
    leased: int
    parked: int
    done: int


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to record: its ``id`` (the ``webhook_event_id``), its ``chat`` (the
    source's group, room or user id; ``None`` for none) and its JSON text."""

    id: str
    chat: str | None
    event: str


@dataclass(frozen=True, slots=True)
class Entry:
    """An event as the inbox holds it.

    ``event`` is the event's JSON text (the codec's form); ``received`` the time
    it was recorded (reply tokens age from it); ``attempts`` how many leases it
    was given; ``due`` when it may be leased next; ``error`` the last failure;
    ``notes`` what its handling wrote down (which sends were made, problems to
    report); ``lease`` the token of the lease this value was handed out with
    (``None`` when it was read, not leased).
    """

    id: str
    chat: str | None
    event: str
    state: State
    received: float
    attempts: int = 0
    due: float = 0.0
    leased_until: float = 0.0
    error: str | None = None
    notes: Mapping[str, Any] = field(default_factory=dict)
    lease: str | None = None


@dataclass(frozen=True, slots=True)
class InboxSettings:
    """The timings of an inbox, checked once (``ValueError`` naming what is wrong).

    * ``lease_seconds``: how long a lease holds unless renewed;
    * ``max_attempts``: the attempts an event gets before it is parked;
    * ``backoff`` / ``max_backoff``: the wait before the n-th retry is
      ``backoff * 2 ** (n - 1)`` seconds, at most ``max_backoff``;
    * ``keep_seconds``: how long a done event is kept to recognise redeliveries.
    """

    lease_seconds: float = LEASE_SECONDS
    max_attempts: int = 5
    backoff: float = 1.0
    max_backoff: float = 300.0
    keep_seconds: float = KEEP_SECONDS

    def __post_init__(self) -> None:
        for name in ("lease_seconds", "backoff", "max_backoff", "keep_seconds"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value) or value <= 0:
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int) \
                or self.max_attempts < 1:
            raise ValueError(f"max_attempts must be an int >= 1, got {self.max_attempts!r}")


def backoff_delay(settings: InboxSettings, attempts: int) -> float:
    """Seconds to wait before the retry that follows ``attempts`` failed attempts."""
    return float(min(settings.max_backoff, settings.backoff * 2 ** max(attempts - 1, 0)))


def new_lease() -> str:
    """A fresh lease token."""
    return uuid.uuid4().hex


def notes_json(notes: Mapping[str, Any]) -> str:
    """Notes as compact JSON text (how every store keeps them)."""
    return json.dumps(dict(notes), separators=(",", ":"), ensure_ascii=False, sort_keys=True)


@runtime_checkable
class Inbox(Protocol):
    """What the apps need of an inbox (see the module documentation for the life cycle).

    Every method may block briefly on its store (a file lock, a network round
    trip): the apps call them from threads of their own, never from an event
    loop, and never from the threads that run handlers. An inbox whose methods
    never block (:class:`~linebot_fp.inbox.MemoryInbox`) says so with
    ``blocking = False`` and is called directly.
    """

    settings: InboxSettings
    clock: Callable[[], float]
    #: False for an inbox whose methods never wait (called inline by the async app)
    blocking: bool

    def record(self, events: Sequence[NewEvent]) -> list[bool]:
        """Record ``events`` in order; for each, True if new, False if its id was known."""
        ...

    def lease(self, owner: str, limit: int = 1) -> list[Entry]:
        """Lease up to ``limit`` due pending events (oldest first, one per chat) to ``owner``."""
        ...

    def renew(self, entries: Iterable[Entry]) -> list[bool]:
        """Extend the leases of ``entries``; for each, False if its lease was lost."""
        ...

    def note(self, entry: Entry, notes: Mapping[str, Any]) -> bool:
        """Replace the notes of a leased ``entry``; False if its lease was lost."""
        ...

    def complete(self, entry: Entry) -> bool:
        """Mark a leased ``entry`` done; False if its lease was lost (nothing changes)."""
        ...

    def fail(self, entry: Entry, error: str) -> State | None:
        """Settle a failed attempt: ``"pending"`` (retried after a backoff) or
        ``"parked"`` (attempts used up); ``None`` if the lease was lost."""
        ...

    def get(self, event_id: str) -> Entry | None:
        """The entry of ``event_id``, or None."""
        ...

    def parked(self, limit: int | None = None) -> list[Entry]:
        """The parked entries, oldest first."""
        ...

    def retry(self, event_ids: Iterable[str] | None = None) -> int:
        """Put parked events (all of them when ``None``) back to pending; how many."""
        ...

    def drop(self, event_ids: Iterable[str] | None = None) -> int:
        """Delete parked events (all of them when ``None``); how many."""
        ...

    def counts(self) -> Counts:
        """How many events are pending, leased, parked and done."""
        ...

    def close(self) -> None:
        """Release the store's connections (the next call opens new ones)."""
        ...
