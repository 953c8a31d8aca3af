"""``WsgiServer``: serve a bot's WSGI app on 127.0.0.1 in a thread, for end-to-end tests.

Any WSGI app works (a Flask app, a plain function); post signed webhooks to it
with :func:`~linebot_fp.testing.webhooks.post_webhook`::

    with WsgiServer(app) as bot:
        answer = post_webhook(bot.url + "/callback", *webhook_body(events, SECRET))
        assert answer.status == 200

Standard library only (``wsgiref``); a random free port unless told.
"""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from types import TracebackType
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

__all__ = ["WsgiServer"]


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow request never holds up the next."""

    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    #: seconds a read of the request may stall before the connection is dropped
    timeout = 10

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests and the demo print what matters themselves."""


class WsgiServer:
    """A WSGI app served over real HTTP; use it as a context manager or ``start()``/``stop()``."""

    def __init__(self, app: WSGIApplication, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("WsgiServer listens on loopback addresses only")
        self._server = make_server(host, port, app, server_class=_ThreadingWSGIServer,
                                   handler_class=_QuietHandler)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> WsgiServer:
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> WsgiServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
