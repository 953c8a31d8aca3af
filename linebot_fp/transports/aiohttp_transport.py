"""An async transport on aiohttp (``pip install 'linebot_fp[aiohttp]'``).

::

    transport = AiohttpTransport()
    client = AsyncClient(token, transport=transport)
    ...
    await transport.aclose()            # or: async with AiohttpTransport() as transport

aiohttp is imported when the transport is made, never by importing this module.
One ``aiohttp.ClientSession`` (connection pool, keep-alive), made in the event
loop at the first request, serves every request; redirects are never followed
(a 3xx is the answer); each attempt is bounded as a whole by the request's
timeout, and a streamed body's reads by its read timeout.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from linebot_fp.errors import TransportError, TransportTimeoutError
from linebot_fp.extras import import_extra
from linebot_fp.request import Headers, Response
from linebot_fp.transport import HttpRequest, attempt_seconds
from linebot_fp.transports._common import AsyncStream, ClosingTransport, bounded, read_whole

if TYPE_CHECKING:
    import aiohttp

__all__ = ["AiohttpTransport"]


class AiohttpTransport(ClosingTransport):
    """``await transport(http_request) -> Response`` with one shared ``aiohttp.ClientSession``.

    ``session`` is a ``ClientSession`` of your own (connector limits, TLS
    settings); it stays yours to close. Without one, the transport makes one
    on first use, in the running event loop, from ``session_options``
    (keyword arguments of ``aiohttp.ClientSession``) and :meth:`aclose` closes
    it. Raises ``TransportTimeoutError`` when no complete answer came in time
    and ``TransportError`` when none came at all.
    """

    def __init__(self, session: aiohttp.ClientSession | None = None,
                 **session_options: Any) -> None:
        # here, not on the event loop at the first request; a missing extra is named
        import_extra("aiohttp", "aiohttp", "AiohttpTransport")

        if session is not None and session_options:
            raise ValueError("give either an aiohttp.ClientSession or options for one, not both")
        self._session = session
        self._owned = session is None
        self._session_options = session_options

    async def __call__(self, request: HttpRequest) -> Response:
        import aiohttp

        session = self._session
        if session is None:  # made in the running loop, as aiohttp wants
            session = self._session = aiohttp.ClientSession(**self._session_options)
        connect, read, _ = attempt_seconds(request.timeout)
        timeout = aiohttp.ClientTimeout(total=None, connect=connect, sock_read=read)
        return await bounded(self._exchange(session, request, timeout), request)

    @staticmethod
    async def _exchange(session: aiohttp.ClientSession, request: HttpRequest,
                        timeout: aiohttp.ClientTimeout) -> Response:
        with _errors(request.url):
            answer = await session.request(
                request.method, request.url, data=request.body, headers=dict(request.headers),
                allow_redirects=False, timeout=timeout)
        headers = Headers(answer.headers.items())
        if request.stream and 200 <= answer.status < 300:
            body = AsyncStream(answer.content.iter_any(), partial(_release, answer),
                               partial(_errors, request.url))
            return Response(status=answer.status, headers=headers, body=body)
        try:
            with _errors(request.url):
                data = await read_whole(answer.content.iter_any(), answer.status, headers,
                                        request.max_answer_bytes)
        finally:
            answer.release()
        return Response(status=answer.status, headers=headers, body=data)

    async def aclose(self) -> None:
        """Close the ``ClientSession`` this transport made (not one it was given)."""
        if self._owned and self._session is not None:
            session, self._session = self._session, None
            await session.close()


async def _release(answer: aiohttp.ClientResponse) -> None:
    answer.release()  # back to the pool when read to the end, else the connection closes


@contextmanager
def _errors(url: str) -> Iterator[None]:
    import aiohttp

    try:
        yield
    except asyncio.TimeoutError as exc:  # aiohttp's timeouts are TimeoutErrors too
        raise TransportTimeoutError(f"no answer from {url} in time: {exc!r}") from exc
    except aiohttp.ClientError as exc:
        raise TransportError(f"no answer from {url}: {exc!r}") from exc
