"""A rate limit on requests: LINE limits each channel's requests to each endpoint.

:class:`RateLimit` hands out evenly spaced slots to any number of threads;
:meth:`RateLimit.paced` wraps a transport so that every HTTP request, retries
included, waits for its slot. :class:`TieredPacing` gives each operation its
own, at the rate LINE documents for it (``replay --rate auto``).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from linebot_fp.request import Request, Response
from linebot_fp.transport import HttpRequest, Transport

if TYPE_CHECKING:
    from linebot_fp.client import Client
    from linebot_fp.limits import Rate  # type: ignore[import-not-found]  # PENDING-I21A

__all__ = ["RateLimit", "TieredPacing"]


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


class TieredPacing:
    """``--rate auto``: each operation paced at the rate LINE allows it, retries included.

    LINE limits each endpoint per channel, at its own rate
    (https://developers.line.biz/en/reference/messaging-api/#rate-limits), so
    every operation gets its own :class:`RateLimit`, at ``rate_of(operation)``
    (:func:`linebot_fp.limits.rate_limit` by default: the one table of LINE's
    tiers), shared by every thread sending that operation.
    """

    def __init__(self, rate_of: Callable[[str], Rate] | None = None, *,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if rate_of is None:
            from linebot_fp.limits import rate_limit  # PENDING-I21A

            rate_of = rate_limit
        self._rate_of = rate_of
        self._clock = clock
        self._sleep = sleep
        self._limits: dict[str, RateLimit] = {}
        self._lock = threading.Lock()

    def limit(self, operation: str) -> RateLimit:
        """The rate limit of ``operation`` (made on first use, then shared)."""
        with self._lock:
            found = self._limits.get(operation)
            if found is None:
                tier = self._rate_of(operation)
                found = RateLimit(tier.requests / tier.seconds, clock=self._clock,
                                  sleep=self._sleep)
                self._limits[operation] = found
            return found

    def sender(self, make_client: Callable[[Transport], Client],
               transport: Transport) -> Callable[[Request[Any]], Any]:
        """A ``send`` that sends each request with a client (``make_client(paced transport)``)
        of its operation, whose every attempt waits for the operation's slot."""
        clients: dict[str, Client] = {}
        lock = threading.Lock()

        def send(request: Request[Any]) -> Any:
            with lock:
                client = clients.get(request.operation)
                if client is None:
                    client = make_client(self.limit(request.operation).paced(transport))
                    clients[request.operation] = client
            return client.send(request)

        return send
