"""A real server on 127.0.0.1 for aiohttp apps, in a thread.

The testing kit's ``WsgiServer`` and ``AsgiServer`` serve WSGI and ASGI apps; this
serves aiohttp's own apps the same way: a free port, ``.url``, a context manager
that stops and joins. ``AsgiServer`` is re-exported for the tests that import it
from here.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Any

from linebot_fp.testing import AsgiServer

__all__ = ["AiohttpServer", "AsgiServer"]

#: the longest a server may take to start or stop before the test fails
START_SECONDS = 10.0


class _ThreadedServer(ABC):
    url = ""

    def __enter__(self) -> Any:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    @abstractmethod
    def stop(self) -> None:
        """Stop serving and join the thread."""


class AiohttpServer(_ThreadedServer):
    """An ``aiohttp.web.Application`` served on a free port of 127.0.0.1, in its own loop."""

    def __init__(self, app: Any) -> None:
        from aiohttp import web

        self._loop = asyncio.new_event_loop()
        self._runner = web.AppRunner(app)
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(web), self._loop).result(START_SECONDS)

    async def _start(self, web: Any) -> None:
        await self._runner.setup()
        await web.SockSite(self._runner, self._socket).start()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(START_SECONDS)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=START_SECONDS)
        self._loop.close()
        self._socket.close()
