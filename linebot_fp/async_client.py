"""``AsyncClient``: the send flow of :mod:`linebot_fp.sending` driven with asyncio.

Kept apart from :mod:`linebot_fp.client` so that only async users import asyncio.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from linebot_fp.client_settings import DEFAULT_RETRY, ClientSettings
from linebot_fp.errors import TransportError
from linebot_fp.request import Request, Response
from linebot_fp.sending import MAX_ANSWER_BYTES, Retry, RetryPolicy, Uniform
from linebot_fp.tokens.auth import TokenProvider
from linebot_fp.transport import AsyncTransport, HttpRequest, Timeout, default_transport

if TYPE_CHECKING:
    from linebot_fp.limits.limiter import AsyncRateLimiter

__all__ = ["AsyncClient"]

T = TypeVar("T")


class AsyncClient(ClientSettings):
    """Send requests with an async transport: ``await transport(http_request) -> Response``.

    The parameters are those of :class:`~linebot_fp.client.Client` (token checked
    the same way, ``ValueError`` not quoting it; a token provider's ``atoken()`` and
    ``arefresh()`` awaited), but ``transport`` is a coroutine
    function; without one the urllib3 transport runs in a worker thread.
    :mod:`linebot_fp.transports` has ones for httpx and aiohttp. Waits between
    attempts are ``asyncio.sleep``; a ``limiter`` is awaited (``aacquire``) before
    each attempt; ``clock`` is as for ``Client``.
    """

    def __init__(self, channel_access_token: str | TokenProvider, *,
                 endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, retry: RetryPolicy | None = DEFAULT_RETRY,
                 transport: AsyncTransport | None = None,
                 max_answer_bytes: int | None = MAX_ANSWER_BYTES,
                 uniform: Uniform | None = None,
                 limiter: AsyncRateLimiter | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(channel_access_token, endpoints, timeout, retry, max_answer_bytes,
                         uniform, clock=clock)
        self.limiter: AsyncRateLimiter | None = limiter
        self.transport = transport

    async def send(self, request: Request[T], *, timeout: Timeout | None = None) -> T:
        """Send ``request`` and return its decoded answer; raises as :meth:`Client.send` does."""
        keyed, http_request = self._begin(request, timeout)
        tokens = self.tokens.attempts(keyed)
        began = self._clock()
        for number in itertools.count(1):
            if self.limiter is not None:
                await self.limiter.aacquire(keyed.operation)
            http_request = await tokens.aauthorize(http_request)
            started = self._clock()
            outcome: Response | TransportError
            try:
                outcome = await self._transport(http_request)
            except TransportError as error:
                outcome = error
            if await tokens.arefused(outcome):  # 401: once more with a refreshed token
                continue
            step = self._settle(keyed, http_request, number, began, started, outcome)
            if not isinstance(step, Retry):
                answer: T = step
                return answer
            await asyncio.sleep(step.delay)
            http_request = step.http_request
        raise AssertionError("unreachable")

    async def _transport(self, http_request: HttpRequest) -> Response:
        if self.transport is not None:
            return await self.transport(http_request)
        return await asyncio.to_thread(default_transport(), http_request)
