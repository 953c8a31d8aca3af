"""Async transports for :class:`~linebot_fp.client.AsyncClient`, on httpx or aiohttp.

::

    from linebot_fp.transports import HttpxTransport      # pip install 'linebot_fp[httpx]'
    from linebot_fp.transports import AiohttpTransport    # pip install 'linebot_fp[aiohttp]'

    async with HttpxTransport() as transport:
        client = AsyncClient(token, transport=transport)
        profile = await client.send(get_profile(user_id))
        async with await client.send(get_message_content(message_id)) as content:
            async for chunk in content.aiter_content(64 * 1024):
                ...

Each is ``await transport(http_request) -> Response`` (the shape of
:data:`~linebot_fp.transport.AsyncTransport`) over one pooled client of its
library, closed by ``aclose()``. Neither follows
redirects: a 3xx is the answer, and the client raises ``LineBotApiError`` for
it. A whole attempt (connecting, sending, reading the full answer) is bounded
by the request's timeout (a ``(connect, read)`` pair bounds it by their sum);
a streamed body (message content) is read as it is consumed, each read bounded
by the read timeout, as an :class:`AsyncStream`. No answer in time raises
``TransportTimeoutError``, no answer at all ``TransportError``.

Importing this package, or one of its modules, imports neither httpx nor
aiohttp: each is imported when its transport is made (make it at start-up,
not in a request: importing a library blocks the event loop).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linebot_fp._lazy import lazy_exports

if TYPE_CHECKING:
    from linebot_fp.transports._common import AsyncStream as AsyncStream
    from linebot_fp.transports.aiohttp_transport import AiohttpTransport as AiohttpTransport
    from linebot_fp.transports.httpx_transport import HttpxTransport as HttpxTransport

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "linebot_fp.transports._common": ("AsyncStream",),
    "linebot_fp.transports.aiohttp_transport": ("AiohttpTransport",),
    "linebot_fp.transports.httpx_transport": ("HttpxTransport",),
})
