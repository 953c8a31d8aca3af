"""Hostile HTTP servers on 127.0.0.1 for transport tests: raw sockets, real bytes.

``RawServer(handle)`` accepts connections and runs ``handle(connection, server)``
for each in a thread; handlers read the request with :func:`read_request` and
write whatever bytes they like (trickled, cut short, endless), stopping as soon
as ``server.stopping`` is set or the client hangs up.
"""

from __future__ import annotations

import contextlib
import socket
import threading


def read_request(conn: socket.socket) -> bytes:
    """Read one HTTP request (head and Content-Length body) from ``conn``."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class RawServer:
    """A TCP server on 127.0.0.1 whose connections go to ``handle(conn, server)``."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.stopping = threading.Event()
        self.connections = 0
        self.sent = 0  # bytes the handlers report having sent
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    @property
    def endpoints(self) -> dict[str, str]:
        return {"api": self.url, "data": self.url, "manager": self.url}

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                continue
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            self.handle(conn, self)

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def __enter__(self) -> RawServer:
        self._accepting.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._accepting.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()


def closed_port_url() -> str:
    """A 127.0.0.1 URL on which nothing listens (connections are refused)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
