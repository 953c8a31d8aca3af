"""``TaskWorkers``: run an inbox's events as asyncio tasks of the server's loop (ASGI).

As :class:`~linebot_fp.inbox.workers.ThreadWorkers`, with a dispatcher task:
at most ``concurrency`` events run at once, each as a task; coroutine handlers
are awaited, plain handlers (and a blocking ``Client``'s sends) run in the
workers' own bounded thread pool, and every inbox call runs in a second,
separate pool (``store_threads``) unless the inbox never blocks. Neither pool
is the loop's default executor, so handlers that block never hold up the
inbox work that answers webhooks, nor does anything else that fills the
default executor.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Generator
from functools import partial
from typing import Any, TypeVar

from linebot_fp.inbox.base import Counts, Entry, Inbox
from linebot_fp.inbox.handling import Call, Complete, Fail, Note, Step, settle
from linebot_fp.inbox.threads import DaemonExecutor, Rounds, worker_name
from linebot_fp.inbox.workers import POLL_INTERVAL, check_workers
from linebot_fp.request import Request

__all__ = ["TaskWorkers"]

log = logging.getLogger("linebot_fp")
T = TypeVar("T")


class TaskWorkers:
    """Tasks handling ``inbox``'s events: ``steps(entry)`` gives each one's handling steps,
    ``send(request)`` (a coroutine function) sends."""

    def __init__(self, inbox: Inbox, steps: Callable[[Entry], Generator[Step, Any, None]],
                 send: Callable[[Request[Any]], Awaitable[Any]], *, concurrency: int = 4,
                 poll_interval: float = POLL_INTERVAL, store_threads: int = 4) -> None:
        check_workers(concurrency, poll_interval)
        check_workers(store_threads, poll_interval)
        self.inbox = inbox
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self._steps = steps
        self._send = send
        self.store_pool = DaemonExecutor(store_threads, "linebot_fp-inbox-store")
        self.handler_pool = DaemonExecutor(concurrency, "linebot_fp-handler")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._dispatcher: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._running: dict[str, tuple[Entry, asyncio.Task[None]]] = {}
        self._rounds = Rounds()
        self._lock = threading.Lock()
        self.name = ""

    async def store(self, method: Callable[..., T], *args: Any) -> T:
        """Call an inbox method off the loop, in the store's own threads."""
        if not self.inbox.blocking:
            return method(*args)
        return await asyncio.get_running_loop().run_in_executor(
            self.store_pool, partial(method, *args))

    def start(self) -> None:
        """Start the dispatcher in the running loop, unless it runs there already."""
        loop = asyncio.get_running_loop()
        if self._loop is loop and self._dispatcher is not None and not self._dispatcher.done():
            return
        with self._lock:
            self._loop = loop
            self._wake = asyncio.Event()
            self._running = {}
            self._rounds = Rounds()
            self.name = worker_name()
            self._dispatcher = loop.create_task(self._dispatch(), name="linebot_fp-inbox")

    def wake(self) -> None:
        """Look for work now (call from the loop)."""
        if self._wake is not None:
            self._wake.set()

    async def stop(self) -> None:
        """Stop the dispatcher and cancel the running handlers (their leases lapse)."""
        tasks = [task for _, task in self._running.values()]
        if self._dispatcher is not None:
            tasks.append(self._dispatcher)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._dispatcher = None

    def drain(self, timeout: float = 10.0) -> Counts:
        """From another thread: wait until nothing is due and nothing runs here.

        Raises ``TimeoutError`` after ``timeout`` seconds, ``RuntimeError`` when the
        workers were never started (no lifespan startup and no webhook yet).
        """
        loop = self._loop
        if loop is None or self._dispatcher is None:
            raise RuntimeError("the app's workers start with the server (lifespan) or the "
                               "first webhook; nothing has started them yet")
        start = self._rounds.current()
        loop.call_soon_threadsafe(self.wake)
        if not self._rounds.wait_idle_after(start, timeout):
            raise TimeoutError(f"the inbox still had work after {timeout} s: "
                               f"{self.inbox.counts()}")
        return self.inbox.counts()

    # -- the dispatcher ----------------------------------------------------------------------------

    async def _dispatch(self) -> None:
        wake = self._wake
        assert wake is not None
        renew_every = self.inbox.settings.lease_seconds / 3
        renewed = time.monotonic()
        while True:
            wake.clear()
            leased: list[Entry] = []
            free = self.concurrency - len(self._running)
            try:
                if free > 0:
                    leased = await self.store(self.inbox.lease, self.name, free)
                for entry in leased:
                    self._running[entry.id] = (entry, asyncio.create_task(self._handle(entry)))
                if time.monotonic() - renewed >= renew_every:
                    renewed = time.monotonic()
                    await self._renew()
            except Exception:
                log.exception("the inbox failed; trying again in %s s", self.poll_interval)
            self._rounds.finished(not leased and not self._running)
            if leased and len(leased) == free:
                continue
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(wake.wait(), min(self.poll_interval, renew_every))

    async def _handle(self, entry: Entry) -> None:
        try:
            await self._drive(entry)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("handling %s stopped; its lease will lapse and it will be retried",
                          entry.id)
        finally:
            self._running.pop(entry.id, None)
            self.wake()

    async def _drive(self, entry: Entry) -> None:
        steps = self._steps(entry)
        value: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = steps.send(value) if error is None else steps.throw(error)
            except StopIteration:
                return
            value, error = None, None
            if isinstance(step, (Note, Complete, Fail)):
                await self.store(settle, self.inbox, entry, step)
                continue
            try:
                value = await (self._call(step) if isinstance(step, Call)
                               else self._send(step.request))
            except Exception as raised:
                error = raised

    async def _call(self, step: Call) -> Any:
        if inspect.iscoroutinefunction(step.handler):
            return await step.handler(step.event)
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.handler_pool, step.handler, step.event)
        return await result if inspect.isawaitable(result) else result

    async def _renew(self) -> None:
        running = [entry for entry, _ in self._running.values()]
        if running:
            kept = await self.store(self.inbox.renew, running)
            for entry, held in zip(running, kept, strict=True):
                if not held and entry.id in self._running:  # not one that just finished
                    log.warning("lost the lease on %s (it lapsed): another worker may "
                                "handle it", entry.id)
