"""Clients: send ``Request`` values and decode the answers.

``Client`` drives the pure flow of :mod:`linebot_fp.sending` with a blocking
transport (urllib3 by default); ``AsyncClient`` drives the same flow with an
async transport the user brings. Both add the channel access token, which
requests never carry.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from linebot_fp.errors import TransportError
from linebot_fp.request import Request, Response
from linebot_fp.sending import Retry, RetryPolicy, needs_retry_key, prepare, settle
from linebot_fp.transport import AsyncTransport, HttpRequest, Timeout, Transport, default_transport

__all__ = ["AsyncClient", "Client"]

_DEFAULT_RETRY = RetryPolicy()


class _Settings:
    """What both clients hold: token, endpoints, timeout, retry policy."""

    def __init__(self, channel_access_token: str, endpoints: Mapping[str, str] | None,
                 timeout: Timeout, retry: RetryPolicy | None) -> None:
        if not isinstance(channel_access_token, str) or not channel_access_token:
            raise ValueError("channel_access_token must be a non-empty string")
        self.channel_access_token = channel_access_token
        self.endpoints: Mapping[str, str] = dict(endpoints or {})
        self.timeout = timeout
        self.retry = retry

    def _prepare(self, request: Request, timeout: Timeout | None) -> HttpRequest:
        if not isinstance(request, Request):
            raise ValueError(f"send takes a Request (from linebot_fp.api), "
                             f"got {type(request).__name__}")
        retry_key = str(uuid.uuid4()) if self.retry and needs_retry_key(request) else None
        return prepare(request, token=self.channel_access_token, endpoints=self.endpoints,
                       timeout=self.timeout if timeout is None else timeout, retry_key=retry_key)


class Client(_Settings):
    """Send requests to the LINE API, blocking.

    ``endpoints`` maps a ``Request.base`` to a URL (``{"api": "http://127.0.0.1:8080"}``);
    missing keys keep the LINE hosts. ``timeout`` is seconds or ``(connect, read)``.
    ``retry=None`` turns retries off. ``transport`` is any callable from
    :class:`~linebot_fp.transport.HttpRequest` to :class:`~linebot_fp.request.Response`
    (see :mod:`linebot_fp.transport`); the default shares one urllib3 pool.
    """

    def __init__(self, channel_access_token: str, *, endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, retry: RetryPolicy | None = _DEFAULT_RETRY,
                 transport: Transport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(channel_access_token, endpoints, timeout, retry)
        self.transport = transport
        self._sleep = sleep

    def send(self, request: Request, *, timeout: Timeout | None = None) -> Any:
        """Send ``request``; return its decoded answer (model, ``None`` or ``Content``).

        Raises ``LineBotApiError`` for an error answer and ``TransportError`` when
        no answer came, once the retry policy gives up.
        """
        http_request = self._prepare(request, timeout)
        transport = self.transport or default_transport()
        for attempt in itertools.count(1):
            outcome: Response | TransportError
            try:
                outcome = transport(http_request)
            except TransportError as error:
                outcome = error
            step = settle(request, http_request, self.retry, attempt, outcome)
            if not isinstance(step, Retry):
                return step
            self._sleep(step.delay)
        raise AssertionError("unreachable")


class AsyncClient(_Settings):
    """Send requests with an async transport: ``await transport(http_request) -> Response``.

    Without a transport it runs the urllib3 one in a worker thread; bring your
    own (aiohttp, httpx, ...) by wrapping it in a coroutine function of that shape.
    """

    def __init__(self, channel_access_token: str, *, endpoints: Mapping[str, str] | None = None,
                 timeout: Timeout = 5.0, retry: RetryPolicy | None = _DEFAULT_RETRY,
                 transport: AsyncTransport | None = None) -> None:
        super().__init__(channel_access_token, endpoints, timeout, retry)
        self.transport = transport

    async def send(self, request: Request, *, timeout: Timeout | None = None) -> Any:
        """Send ``request`` and return its decoded answer, as :meth:`Client.send` does."""
        http_request = self._prepare(request, timeout)
        for attempt in itertools.count(1):
            outcome: Response | TransportError
            try:
                outcome = await self._transport(http_request)
            except TransportError as error:
                outcome = error
            step = settle(request, http_request, self.retry, attempt, outcome)
            if not isinstance(step, Retry):
                return step
            await asyncio.sleep(step.delay)
        raise AssertionError("unreachable")

    async def _transport(self, http_request: HttpRequest) -> Response:
        if self.transport is not None:
            return await self.transport(http_request)
        return await asyncio.to_thread(default_transport(), http_request)
