"""``AsgiServer``: serve a bot's ASGI app on 127.0.0.1 with uvicorn in a thread, for tests.

Any ASGI app works (a Starlette or FastAPI app, :func:`linebot_fp.apps.asgi_app`);
post signed webhooks to it with :func:`~linebot_fp.testing.webhooks.post_webhook`
and wait for its handlers with :func:`~linebot_fp.testing.run_pending`::

    with AsgiServer(app) as bot:
        answer = post_webhook(bot.url + "/callback", *webhook_body(events, SECRET))
        assert answer.status == 200
        run_pending(app)

uvicorn (not a dependency of linebot_fp; the test extra has it) is imported
when a server is made; a random free port unless told. The server runs the
app's lifespan, so the app's workers start and stop with it.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType
from typing import Any

__all__ = ["AsgiServer"]

#: the longest a server may take to start or stop
START_SECONDS = 10.0


class AsgiServer:
    """An ASGI app served by uvicorn over real HTTP: a context manager, or ``start()``,
    ``stop()``."""

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("AsgiServer listens on loopback addresses only")
        try:
            import uvicorn
        except ModuleNotFoundError as error:
            raise ModuleNotFoundError("AsgiServer needs uvicorn: pip install uvicorn",
                                      name="uvicorn") from error
        self._socket = socket.create_server((host, port))
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="auto"))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._socket.getsockname()[:2]
        return f"http://{host}:{port}"

    def start(self) -> AsgiServer:
        """Serve in a thread; returns once uvicorn has started (``RuntimeError`` if it did not)."""
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True,
                                        name="linebot_fp-asgi-server")
        self._thread.start()
        started = threading.Event()
        for _ in range(int(START_SECONDS / 0.02)):
            if self._server.started or not self._thread.is_alive():
                break
            started.wait(0.02)
        if not self._server.started:
            self.stop()
            raise RuntimeError("uvicorn did not start")
        return self

    def stop(self) -> None:
        """Stop serving (the app's lifespan shutdown runs) and join the thread."""
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_SECONDS)
            self._thread = None
        self._socket.close()

    def __enter__(self) -> AsgiServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
