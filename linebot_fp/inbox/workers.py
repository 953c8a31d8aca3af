"""``ThreadWorkers``: run an inbox's events in background threads of this process (WSGI).

One dispatcher thread leases as many due events as there are free handler
threads (``concurrency``), hands them out, and renews the leases of those
running a few times a lease; it wakes when the app records events and at
least every ``poll_interval`` seconds, so it also takes the events other
processes recorded, the leases that lapsed and the retries that came due.
Threads start on first use in each process (after a fork too: gunicorn
workers each start their own). The dispatcher holds its workers weakly: an app
that is dropped stops looking for work. Standard library only.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections.abc import Callable
from functools import partial

from linebot_fp.inbox.base import Counts, Entry, Inbox
from linebot_fp.inbox.threads import DaemonExecutor, Rounds, worker_name

__all__ = ["POLL_INTERVAL", "ThreadWorkers", "check_workers"]

log = logging.getLogger("linebot_fp")

#: how often (seconds) idle workers look for work the app was not told about
POLL_INTERVAL = 0.5


def check_workers(concurrency: int, poll_interval: float) -> None:
    """``ValueError`` for a bad ``concurrency`` or ``poll_interval``."""
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be an int >= 1, got {concurrency!r}")
    if isinstance(poll_interval, bool) or not isinstance(poll_interval, (int, float)) \
            or not 0 < poll_interval <= 60:
        raise ValueError(f"poll_interval must be in (0, 60] seconds, got {poll_interval!r}")


class ThreadWorkers:
    """Background threads handling ``inbox``'s events with ``run(entry)`` (blocking)."""

    def __init__(self, inbox: Inbox, run: Callable[[Entry], None], *, concurrency: int = 4,
                 poll_interval: float = POLL_INTERVAL) -> None:
        check_workers(concurrency, poll_interval)
        self.inbox = inbox
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self._run = run
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._pid = 0
        self._running: dict[str, Entry] = {}
        self._rounds = Rounds()
        self._handlers: DaemonExecutor | None = None
        self._dispatcher: threading.Thread | None = None
        self._renewed = 0.0
        self.name = ""
        if hasattr(os, "register_at_fork"):  # a forked child (gunicorn --preload) starts its own
            os.register_at_fork(after_in_child=partial(_restart_in_child, weakref.ref(self)))

    def start(self) -> None:
        """Start the threads in this process, unless they run already."""
        if self._pid == os.getpid() and not self._stop.is_set():
            return
        with self._lock:
            if self._pid == os.getpid() and not self._stop.is_set():
                return
            self._stop = threading.Event()
            self._running = {}
            self._rounds = Rounds()
            self.name = worker_name()
            self._handlers = DaemonExecutor(self.concurrency, "linebot_fp-handler")
            self._renewed = time.monotonic()
            self._dispatcher = threading.Thread(
                target=_dispatch, args=(weakref.ref(self), self._stop, self._wake), daemon=True,
                name="linebot_fp-inbox")
            self._pid = os.getpid()
            self._dispatcher.start()

    def wake(self) -> None:
        """Look for work now (the app just recorded events)."""
        self._wake.set()

    def drain(self, timeout: float = 10.0) -> Counts:
        """Wait until nothing is due and nothing runs here; the inbox's counts then.

        Raises ``TimeoutError`` after ``timeout`` seconds.
        """
        self.start()
        start = self._rounds.current()
        self.wake()
        if not self._rounds.wait_idle_after(start, timeout):
            raise TimeoutError(f"the inbox still had work after {timeout} s: "
                               f"{self.inbox.counts()}")
        return self.inbox.counts()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop looking for work (running handlers finish in their daemon threads)."""
        self._stop.set()
        self._wake.set()
        dispatcher = self._dispatcher
        if dispatcher is not None and dispatcher is not threading.current_thread() \
                and self._pid == os.getpid():
            dispatcher.join(timeout)
        if self._handlers is not None:
            self._handlers.shutdown(wait=False)

    # -- the dispatcher ----------------------------------------------------------------------------

    def _round(self) -> float | None:
        """One dispatcher round: lease for the free threads, renew; how long to wait after
        (``None``: look again at once)."""
        handlers = self._handlers
        assert handlers is not None
        renew_every = self.inbox.settings.lease_seconds / 3
        leased: list[Entry] = []
        with self._lock:
            free = self.concurrency - len(self._running)
        try:
            if free > 0:
                leased = self.inbox.lease(self.name, free)
            for entry in leased:
                with self._lock:
                    self._running[entry.id] = entry
                handlers.submit(self._handle, entry)
            if time.monotonic() - self._renewed >= renew_every:
                self._renewed = time.monotonic()
                self._renew()
        except Exception:
            log.exception("the inbox failed; trying again in %s s", self.poll_interval)
        with self._lock:
            idle = not leased and not self._running
        self._rounds.finished(idle)
        if leased and len(leased) == free:
            return None  # there may be more: look again at once
        return min(self.poll_interval, renew_every)

    def _handle(self, entry: Entry) -> None:
        try:
            self._run(entry)
        except Exception:
            log.exception("handling %s stopped; its lease will lapse and it will be retried",
                          entry.id)
        finally:
            with self._lock:
                self._running.pop(entry.id, None)
            self._wake.set()

    def _renew(self) -> None:
        with self._lock:
            running = list(self._running.values())
        if running:
            for entry, kept in zip(running, self.inbox.renew(running), strict=True):
                with self._lock:
                    still_running = entry.id in self._running
                if not kept and still_running:  # (one that just finished is done, not lost)
                    log.warning("lost the lease on %s (it lapsed): another worker may "
                                "handle it", entry.id)


def _dispatch(ref: weakref.ReferenceType[ThreadWorkers], stop: threading.Event,
              wake: threading.Event) -> None:
    """The dispatcher thread: rounds until stopped or until its workers are dropped."""
    while not stop.is_set():
        wake.clear()
        workers = ref()
        if workers is None:
            return
        wait = workers._round()
        del workers  # held only during a round
        if wait is not None:
            wake.wait(wait)


def _restart_in_child(ref: weakref.ReferenceType[ThreadWorkers]) -> None:
    workers = ref()
    if workers is not None and workers._pid and not workers._stop.is_set():
        workers._pid = 0  # the parent's threads did not come along
        workers._lock = threading.Lock()
        try:
            workers.start()
        except Exception:  # a fork must not fail for this; the first webhook starts them
            log.exception("could not start the inbox workers in a forked process")
