"""Threads for the workers: a daemon thread pool, and the bookkeeping ``drain()`` waits on.

The pool's threads are daemons: a process that exits (a gunicorn worker
restarted, a server stopped) does not wait for a handler sleeping in one of
them; the event's lease lapses and another worker handles it. Standard library
only.
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

__all__ = ["DaemonExecutor", "Rounds", "worker_name"]

T = TypeVar("T")


def worker_name() -> str:
    """``host:pid:random``: who holds a lease (for logs and the command line)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class DaemonExecutor(Executor):
    """At most ``max_workers`` daemon threads, started as work comes and ended after
    ``idle_seconds`` without any (an ``Executor``)."""

    def __init__(self, max_workers: int, name: str, idle_seconds: float = 10.0) -> None:
        if max_workers < 1:
            raise ValueError(f"max_workers must be at least 1, got {max_workers}")
        self._max = max_workers
        self._name = name
        self._idle_seconds = idle_seconds
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]
                                      | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._lock = threading.Lock()
        self._shutdown = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._shutdown:
                raise RuntimeError(f"{self._name} is shut down")
            call = (lambda: fn(*args, **kwargs)) if kwargs else fn
            self._work.put((future, call, () if kwargs else args))
            if self._idle == 0 and len(self._threads) < self._max:
                thread = threading.Thread(target=self._serve, daemon=True,
                                          name=f"{self._name}-{len(self._threads)}")
                self._threads.append(thread)
                self._idle += 1  # counted idle until it takes the work below
                thread.start()
            self._idle -= 1 if self._idle else 0
        return future

    def _serve(self) -> None:
        while True:
            try:
                item = self._work.get(timeout=self._idle_seconds)
            except queue.Empty:
                with self._lock:
                    if not self._work.empty():
                        continue  # work came as the wait ended: this thread takes it
                    self._idle -= 1
                    self._threads.remove(threading.current_thread())
                    return
            if item is None:
                return
            future, call, args = item
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call(*args))
                except BaseException as error:  # the future carries it to whoever waits
                    future.set_exception(error)
            with self._lock:
                self._idle += 1

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._shutdown = True
            threads = list(self._threads)
        for _ in threads:
            self._work.put(None)
        if wait:
            for thread in threads:
                if thread is not threading.current_thread():
                    thread.join()


class Rounds:
    """The dispatcher's rounds, so ``drain()`` can wait for one that found nothing to do."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._round = 0
        self._idle_round = -1

    def current(self) -> int:
        with self._condition:
            return self._round

    def finished(self, idle: bool) -> None:
        """A dispatcher round ended; ``idle``: it leased nothing and nothing is running."""
        with self._condition:
            self._round += 1
            if idle:
                self._idle_round = self._round
                self._condition.notify_all()

    def wait_idle_after(self, start: int, timeout: float) -> bool:
        """Wait until a round after ``start`` was idle; False on timeout."""
        with self._condition:
            return self._condition.wait_for(lambda: self._idle_round > start + 1, timeout)
