"""Real servers on 127.0.0.1 for ASGI apps (uvicorn) and aiohttp apps, each in a thread,
and an async event store kept in a dict.

``WsgiServer`` of the testing kit serves WSGI apps; these two serve the rest the
same way: a free port, ``.url``, a context manager that stops and joins.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Any

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


class AsgiServer(_ThreadedServer):
    """An ASGI app served by uvicorn on a free port of 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self._socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="auto")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)
        self._thread.start()
        for _ in range(int(START_SECONDS / 0.02)):
            if self._server.started or not self._thread.is_alive():
                break
            threading.Event().wait(0.02)
        if not self._server.started:
            self.stop()
            raise RuntimeError("uvicorn did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=START_SECONDS)
        self._socket.close()


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


class DictAsyncStore:
    """An ``AsyncEventStore`` in a dict (``state``: event id to ``"claimed"`` or ``"done"``)."""

    def __init__(self) -> None:
        self.state: dict[str, str] = {}

    async def claim(self, event_id: str) -> bool:
        if event_id in self.state:
            return False
        self.state[event_id] = "claimed"
        return True

    async def done(self, event_id: str) -> None:
        self.state[event_id] = "done"

    async def release(self, event_id: str) -> None:
        if self.state.get(event_id) == "claimed":
            del self.state[event_id]
