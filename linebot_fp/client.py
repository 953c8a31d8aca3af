"""Clients: send ``Request`` values and decode the answers.

``Client`` drives the flow of :mod:`linebot_fp.sending` with a blocking
transport (urllib3 by default); ``AsyncClient`` (in :mod:`linebot_fp.async_client`,
importable from here too) drives the same flow with an async transport. Both
add the channel access token, which requests never carry.

Importing this module imports neither urllib3 nor asyncio.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from linebot_fp.client_settings import DEFAULT_RETRY, ClientSettings
from linebot_fp.errors import TransportError
from linebot_fp.request import Request, Response
from linebot_fp.sending import MAX_ANSWER_BYTES, Retry, RetryPolicy, Uniform
from linebot_fp.tokens.auth import TokenProvider
from linebot_fp.transport import Timeout, Transport, default_transport

if TYPE_CHECKING:
    from linebot_fp.async_client import AsyncClient
    from linebot_fp.limits.limiter import RateLimiter

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")


def __getattr__(name: str) -> Any:
    if name == "AsyncClient":  # its own module: only async users import asyncio
        from linebot_fp.async_client import AsyncClient

        return AsyncClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Client(ClientSettings):
    """Send requests to the LINE API, blocking; safe to share between threads.

    * ``channel_access_token``: the bot's token, or a token provider
      (:mod:`linebot_fp.tokens`: ``StatelessToken``, ``V21Token``, ...) whose token is
      asked for before each attempt; a 401 answer is met by one ``refresh()`` and one
      resend of the same request. ``ValueError`` (not quoting it) for a token that is
      empty or has whitespace or control characters.
    * ``endpoints``: a ``Request.base`` -> URL mapping (``{"api": "http://127.0.0.1:8080"}``);
      missing keys keep the LINE hosts.
    * ``timeout``: seconds for each attempt as a whole (connect, send, read the
      full answer), or ``(connect, read)``: see
      :func:`~linebot_fp.transport.attempt_seconds`. Content downloads bound
      each read instead. ``send(timeout=...)`` overrides it for one call.
    * ``retry``: a :class:`~linebot_fp.sending.RetryPolicy`; ``None`` turns
      retries (and automatic retry keys) off.
    * ``transport``: any callable from :class:`~linebot_fp.transport.HttpRequest`
      to :class:`~linebot_fp.request.Response` (see :mod:`linebot_fp.transport`);
      the default shares one urllib3 pool per process.
    * ``max_answer_bytes``: the largest JSON answer read (``None``: no limit).
    * ``sleep`` and ``uniform``: the wait between attempts and the random source
      of its jitter (``random.uniform``), for tests.
    * ``limiter``: a :class:`~linebot_fp.limits.Limiter` (or
      :class:`~linebot_fp.limits.RedisLimiter`, shared by processes) that each
      attempt, retries included, waits on until LINE's rate limit for its
      operation leaves room; ``None`` (the default) sends at once.
    * ``clock``: the monotonic seconds attempts and the ``deadline`` are measured in
      (``time.monotonic``); a :class:`~linebot_fp.testing.FakeClock` with its
      ``sleep`` makes a test's retries exact.
    """

    def __init__(self, channel_access_token: str | TokenProvider, *,
                 endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, retry: RetryPolicy | None = DEFAULT_RETRY,
                 transport: Transport | None = None,
                 max_answer_bytes: int | None = MAX_ANSWER_BYTES,
                 sleep: Callable[[float], None] = time.sleep,
                 uniform: Uniform | None = None, limiter: RateLimiter | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(channel_access_token, endpoints, timeout, retry, max_answer_bytes,
                         uniform, clock=clock)
        self.limiter: RateLimiter | None = limiter
        self.transport = transport
        self._sleep = sleep

    def send(self, request: Request[T], *, timeout: Timeout | None = None) -> T:
        """Send ``request``; return its decoded answer (model, ``None``, JSON or ``Content``).

        Retries as the policy says, then raises, each error carrying ``.request``
        (the request as sent, with the retry key it was given: send that again to
        settle an unknown outcome; it never delivers twice):

        * ``LineBotApiError``: an error answer (4xx, 5xx, 3xx);
        * ``TransportTimeoutError``: no complete answer within the timeout;
        * ``TransportError``: no answer (connection refused, DNS failure, reset);
        * ``UndecodableAnswerError``: the API accepted the call, but its answer
          cannot be decoded or is over ``max_answer_bytes``;
        * ``ValueError``: ``request`` is not a ``Request``.
        """
        keyed, http_request = self._begin(request, timeout)
        transport = self.transport or default_transport()
        tokens = self.tokens.attempts(keyed)
        began = self._clock()
        for number in itertools.count(1):
            if self.limiter is not None:
                self.limiter.acquire(keyed.operation)
            http_request = tokens.authorize(http_request)
            started = self._clock()
            outcome: Response | TransportError
            try:
                outcome = transport(http_request)
            except TransportError as error:
                outcome = error
            if tokens.refused(outcome):  # 401: once more with a refreshed token
                continue
            step = self._settle(keyed, http_request, number, began, started, outcome)
            if not isinstance(step, Retry):
                answer: T = step
                return answer
            self._sleep(step.delay)
            http_request = step.http_request
        raise AssertionError("unreachable")
