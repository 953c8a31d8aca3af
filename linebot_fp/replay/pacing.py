"""``replay --rate N``: at most N requests a second, whatever their operation.

:class:`RateLimit` hands out evenly spaced slots to any number of threads;
:meth:`RateLimit.paced` wraps a transport so that every HTTP request, retries
included, waits for its slot. (``--rate auto`` instead gives the client a
:class:`linebot_fp.limits.Limiter`: each operation within LINE's own limit.)
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from linebot_fp.request import Response
from linebot_fp.transport import HttpRequest, Transport

__all__ = ["RateLimit"]


class RateLimit:
    """At most ``rate`` calls per second, evenly spaced, shared by threads.

    Raises ``ValueError`` unless ``rate`` is a positive finite number.
    """

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if not (isinstance(rate, (int, float)) and math.isfinite(rate) and rate > 0):
            raise ValueError(f"rate must be a positive number of requests per second, "
                             f"got {rate!r}")
        self.rate = rate
        self._interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._next = -math.inf
        self._lock = threading.Lock()

    def wait(self) -> float:
        """Wait for the next free slot; return how long that took (seconds)."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self._interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def paced(self, transport: Transport) -> Transport:
        """``transport``, each call waiting for its slot first."""
        def paced_transport(request: HttpRequest) -> Response:
            self.wait()
            return transport(request)

        return paced_transport

