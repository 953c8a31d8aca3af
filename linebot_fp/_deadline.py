"""One deadline for a whole attempt: status line, headers and body all read by it.

A socket timeout bounds each read, so a server sending a byte just before each
read would time out could hold an attempt for ever. The pool made here gives
http.client a socket reader that, before each read, shrinks the socket timeout
to what is left of the attempt's deadline (kept per thread while a request is
sent, in :data:`attempt_budgets`), so the answer comes within it or the read
raises ``TimeoutError``.

Used by :class:`~linebot_fp.transport.Urllib3Transport`; urllib3 and http.client
are imported when the pool is made, on the first send.
"""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import socket

    import urllib3

__all__ = ["Budget", "attempt_budgets", "deadline_pool_manager"]


@dataclass(slots=True)
class Budget:
    """When the current attempt must be over (monotonic seconds; ``None``: no bound)."""

    deadline: float | None


class _Budgets(threading.local):
    current: Budget | None = None


#: the budget of the attempt this thread is sending, while it sends (else ``None``)
attempt_budgets = _Budgets()


class _DeadlineReader(io.RawIOBase):
    """Socket reads that never wait past the budget's deadline.

    It reads through the socket's own raw file, which keeps the socket open
    until the answer is read even when the connection is closed first.
    """

    def __init__(self, sock: socket.socket, budget: Budget) -> None:
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)
        self._budget = budget
        self._per_read = sock.gettimeout()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        deadline = self._budget.deadline
        if deadline is None:
            self._sock.settimeout(self._per_read)
        else:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the answer took longer than the timeout")
            self._sock.settimeout(left if self._per_read is None else min(left, self._per_read))
        return self._raw.readinto(buffer)

    def fileno(self) -> int:
        return self._raw.fileno()

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _DeadlineSocket:
    """What http.client's response needs of a socket (``makefile``), reading by the deadline."""

    def __init__(self, sock: socket.socket, budget: Budget) -> None:
        self._sock = sock
        self._budget = budget

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._budget))


def deadline_pool_manager(options: dict[str, Any]) -> urllib3.PoolManager:
    """A ``PoolManager`` whose connections read every answer by the attempt's deadline."""
    import http.client

    import urllib3
    from urllib3.connection import HTTPConnection, HTTPSConnection

    class DeadlineResponse(http.client.HTTPResponse):
        def __init__(self, sock: Any, *args: Any, **kwargs: Any) -> None:
            budget = attempt_budgets.current
            reader: Any = sock if budget is None else _DeadlineSocket(sock, budget)
            super().__init__(reader, *args, **kwargs)

    class DeadlineHTTPConnection(HTTPConnection):
        response_class = DeadlineResponse

    class DeadlineHTTPSConnection(HTTPSConnection):
        response_class = DeadlineResponse

    class DeadlineHTTPPool(urllib3.HTTPConnectionPool):
        ConnectionCls = cast(Any, DeadlineHTTPConnection)  # urllib3 types it as a Protocol

    class DeadlineHTTPSPool(urllib3.HTTPSConnectionPool):
        ConnectionCls = cast(Any, DeadlineHTTPSConnection)

    pool = urllib3.PoolManager(**options)
    pool.pool_classes_by_scheme = {"http": DeadlineHTTPPool, "https": DeadlineHTTPSPool}
    return pool
