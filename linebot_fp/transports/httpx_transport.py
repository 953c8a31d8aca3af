"""An async transport on httpx (``pip install 'linebot_fp[httpx]'``).

::

    transport = HttpxTransport()
    client = AsyncClient(token, transport=transport)
    ...
    await transport.aclose()            # or: async with HttpxTransport() as transport

httpx is imported when the transport is made, never by importing this module.
One ``httpx.AsyncClient`` (connection pool, keep-alive) serves every request; redirects are never
followed (a 3xx is the answer); each attempt is bounded as a whole by the
request's timeout, and a streamed body's reads by its read timeout.
"""

from __future__ import annotations

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
    import httpx

__all__ = ["HttpxTransport"]


class HttpxTransport(ClosingTransport):
    """``await transport(http_request) -> Response`` with one shared ``httpx.AsyncClient``.

    ``client`` is an ``httpx.AsyncClient`` of your own (proxies, TLS settings,
    limits); it stays yours to close. Without one, the transport makes one from
    ``client_options`` (keyword arguments of ``httpx.AsyncClient``) and
    :meth:`aclose` closes it (a request after that makes a new one). Raises
    ``TransportTimeoutError`` when no complete answer came in time and
    ``TransportError`` when none came at all.
    """

    def __init__(self, client: httpx.AsyncClient | None = None, **client_options: Any) -> None:
        # here, not on the event loop at the first request; a missing extra is named
        library = import_extra("httpx", "httpx", "HttpxTransport")
        if client is not None and client_options:
            raise ValueError("give either an httpx.AsyncClient or options for one, not both")
        self._owned = client is None
        self._client_options = client_options
        self._client: httpx.AsyncClient | None = (
            library.AsyncClient(**client_options) if client is None else client)

    async def __call__(self, request: HttpRequest) -> Response:
        import httpx

        client = self._client
        if client is None:  # closed by aclose(): a new pool
            client = self._client = httpx.AsyncClient(**self._client_options)
        connect, read, _ = attempt_seconds(request.timeout)
        with _errors(request.url):
            wire = client.build_request(
                request.method, request.url, content=request.body, headers=dict(request.headers),
                timeout=httpx.Timeout(read, connect=connect))
        return await bounded(self._exchange(client, wire, request), request)

    @staticmethod
    async def _exchange(client: httpx.AsyncClient, wire: httpx.Request,
                        request: HttpRequest) -> Response:
        with _errors(request.url):
            answer = await client.send(wire, stream=True, follow_redirects=False)
        headers = Headers(answer.headers.multi_items())
        if request.stream and 200 <= answer.status_code < 300:
            body = AsyncStream(answer.aiter_bytes(), answer.aclose, partial(_errors, request.url))
            return Response(status=answer.status_code, headers=headers, body=body)
        try:
            with _errors(request.url):
                data = await read_whole(answer.aiter_bytes(), answer.status_code, headers,
                                        request.max_answer_bytes)
        finally:
            await answer.aclose()
        return Response(status=answer.status_code, headers=headers, body=data)

    async def aclose(self) -> None:
        """Close the ``httpx.AsyncClient`` this transport made (not one it was given)."""
        if self._owned and self._client is not None:
            client, self._client = self._client, None
            await client.aclose()


@contextmanager
def _errors(url: str) -> Iterator[None]:
    import httpx

    try:
        yield
    except httpx.TimeoutException as exc:
        raise TransportTimeoutError(f"no answer from {url} in time: {exc!r}") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise TransportError(f"no answer from {url}: {exc!r}") from exc
